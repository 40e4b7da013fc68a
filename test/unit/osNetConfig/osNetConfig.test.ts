/** os-net-config files as a source of the host network model (issue #14). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseYaml } from '../../../server/src/core/syntax/yamlParser';
import { osNetConfigNetwork } from '../../../server/src/core/network/sources/osNetConfig';
import { applyWorkspaceEdit, cursor, formatRange, uriOf, workspaceOf } from '../helpers';

const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const AGENT = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const CONFIG = 'compute-0/etc/os-net-config/config.yaml';
const ML2_TEXT = '[ml2]\ntype_drivers = flat,vxlan\ntenant_network_types = vxlan\n\n[ml2_type_flat]\nflat_networks = physnet1\n';
const YAML = [
  'network_config:',
  '- type: ovs_bridge',
  '  name: "br-ex"',
  '  members:',
  '  - type: ovs_bond',
  '    name: bond1',
  '    members:',
  '    - {type: interface, name: nic2}',
  '    - {type: interface, name: nic3}',
  '  - type: vlan',
  '    vlan_id: 20',
  '- type: ovs_patch_port',
  '  name: patch-a',
  '  bridge_name: br-ex',
  '  peer: patch-b',
  '',
].join('\n');

const devices = (text: string) =>
  osNetConfigNetwork(parseYaml(text)).devices.map(
    (d) => `${d.role} ${d.name}@${formatRange(d.ranges.name)}${d.nameToken ? '' : ' (no token)'}${d.bridge ? ` on ${d.bridge.name}` : ''}${d.members ? ` members ${d.members.map((m) => m.name).join(',')}` : ''}${d.peer ? ` peer ${d.peer.name}` : ''}`,
  );

describe('os-net-config source', () => {
  it('bridges, nested bonds and their interfaces, patch ports; quoted names range inside the quotes', () => {
    assert.deepEqual(devices(YAML), [
      'ovs-bridge br-ex@2:9-2:14',
      'bond bond1@5:10-5:15 on br-ex members nic2,nic3',
      'interface nic2@7:30-7:34',
      'interface nic3@8:30-8:34',
      'ovs-patch patch-a@12:8-12:15 on br-ex peer patch-b',
    ]);
    assert.equal(osNetConfigNetwork(parseYaml(YAML)).uncertain, false);
  });

  it('JSON is read the same way', () => {
    assert.deepEqual(devices('{"network_config": [{"type": "ovs_bridge", "name": "br-ex", "members": [{"type": "interface", "name": "nic2"}]}]}'), [
      'ovs-bridge br-ex@0:52-0:57',
      'ovs-port nic2@0:103-0:107 on br-ex',
    ]);
  });

  it('placeholders, templates and files that are not YAML make the host uncertain', () => {
    assert.equal(osNetConfigNetwork(parseYaml('network_config:\n- type: ovs_bridge\n  name: bridge_name\n')).uncertain, true);
    assert.equal(osNetConfigNetwork(parseYaml('network_config:\n- type: ovs_bridge\n  name: {{ neutron_physical_bridge_name }}\n')).uncertain, true);
    const broken = parseYaml('network_config:\n- type: ovs_bridge\n  name: br-ex\n   members:\n');
    assert.deepEqual(broken.problems.map((p) => `${p.code}@${formatRange(p.range)}`), ['syntax@2:8-2:9']);
    assert.equal(osNetConfigNetwork(broken).uncertain, true);
    assert.deepEqual(parseYaml('{% for n in nets %}\n- name: {{ n }}\n{% endfor %}\n').problems, [], 'an unrendered template is not judged as YAML');
  });

  it('renaming br-ex from bridge_mappings edits the bridge name (inside its quotes) and the patch port\'s bridge_name', () => {
    const { text, position } = cursor('[ovs]\nbridge_mappings = physnet1:br-|ex\n');
    const files = { [ML2]: ML2_TEXT, [AGENT]: text, [CONFIG]: YAML };
    const service = workspaceOf(files);
    for (const uri of service.files()) assert.deepEqual(service.getDiagnostics(uri).map((d) => d.code), [], uri);
    const after = applyWorkspaceEdit(files, service.rename(uriOf(AGENT), position, 'br-provider'));
    assert.equal(after[CONFIG], YAML.replace('name: "br-ex"', 'name: "br-provider"').replace('bridge_name: br-ex', 'bridge_name: br-provider'));
  });

  it('a patch port on a bridge nothing creates: port-bridge-undefined on bridge_name, with the fix', () => {
    const config = YAML.replace('bridge_name: br-ex', 'bridge_name: br-exx');
    const files = { [ML2]: ML2_TEXT, [AGENT]: '[ovs]\nbridge_mappings = physnet1:br-ex\n', [CONFIG]: config };
    const service = workspaceOf(files);
    const [d] = service.getDiagnostics(uriOf(CONFIG));
    assert.equal(d.code, 'port-bridge-undefined');
    assert.deepEqual(d.range, { start: { line: 13, character: 15 }, end: { line: 13, character: 21 } });
    const fix = service.getCodeActions(uriOf(CONFIG), d.range, [d])[0];
    assert.equal(fix.title, 'Replace "br-exx" with "br-ex"');
    assert.equal(applyWorkspaceEdit(files, fix.edit!)[CONFIG], YAML);
  });

  it('a heat NIC template: network_config nested in the resource, found; the file is recognised in nic-configs/', () => {
    const heat = [
      'heat_template_version: rocky',
      'resources:',
      '  OsNetConfigImpl:',
      '    type: OS::Heat::SoftwareConfig',
      '    properties:',
      '      config:',
      '        str_replace:',
      '          template: {get_file: ../../scripts/run-os-net-config.sh}',
      '          params:',
      '            $network_config:',
      '              network_config:',
      '              - type: ovs_bridge',
      '                name: br-tenant',
      '                members:',
      '                - type: interface',
      '                  name: nic3',
      '',
    ].join('\n');
    assert.deepEqual(devices(heat), ['ovs-bridge br-tenant@12:22-12:31', 'ovs-port nic3@15:24-15:28 on br-tenant']);
    const service = workspaceOf({ 'templates/nic-configs/compute.yaml': heat, 'templates/nic-configs/controller.j2': '{% set x = 1 %}\nnetwork_config: []\n', 'templates/nic-configs/README': 'x' });
    assert.equal(service.describeFile(uriOf('templates/nic-configs/compute.yaml'))?.kind, 'os-net-config');
    assert.equal(service.describeFile(uriOf('templates/nic-configs/controller.j2'))?.kind, 'os-net-config');
    assert.equal(service.describeFile(uriOf('templates/nic-configs/README')), undefined);
    assert.deepEqual(service.getDiagnostics(uriOf('templates/nic-configs/controller.j2')), [], 'a Jinja template is not judged as YAML');
  });

  it('a list built by a heat function is not known: uncertain', () => {
    const built = 'network_config:\n  list_concat:\n  - {get_param: Extra}\n';
    assert.equal(osNetConfigNetwork(parseYaml(built)).uncertain, true);
  });

  it('hover on a key and on an object type; completion of type and of a patch port\'s bridge_name', () => {
    const files = { [ML2]: ML2_TEXT, [AGENT]: '[ovs]\nbridge_mappings = physnet1:br-ex\n', [CONFIG]: YAML };
    const service = workspaceOf(files);
    const text = (h: ReturnType<typeof service.getHover>) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');
    const onType = service.getHover(uriOf(CONFIG), { line: 1, character: 10 });
    assert.equal(text(onType), '**type: ovs_bridge**: an Open vSwitch bridge; its `members` become its ports.');
    assert.deepEqual(onType?.range, { start: { line: 1, character: 8 }, end: { line: 1, character: 18 } });
    assert.match(text(service.getHover(uriOf(CONFIG), { line: 3, character: 3 })), /^\*\*members\*\*\n\nThe objects inside this bridge or bond/);
    const typed = cursor(YAML.replace('- type: ovs_patch_port', '- type: |'));
    const types = workspaceOf({ ...files, [CONFIG]: typed.text }).getCompletions(uriOf(CONFIG), typed.position);
    assert.ok(types.items.some((i) => i.label === 'ovs_patch_port' && i.textEdit && 'range' in i.textEdit && i.textEdit.range.start.character === 8));
    const bridge = cursor(YAML.replace('bridge_name: br-ex', 'bridge_name: br-|ex'));
    const bridges = workspaceOf({ ...files, [CONFIG]: bridge.text }).getCompletions(uriOf(CONFIG), bridge.position);
    assert.deepEqual(bridges.items.map((i) => i.label), ['br-ex']);
  });
});
