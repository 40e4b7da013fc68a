/**
 * OpenStack-Ansible's provider_networks as a source of physnets (issue #15):
 * the networks read with ranges, what the provider_networks module declares
 * and maps, the entries it cannot read, the mappings agents refuse, hover,
 * completion, rename, and what is not judged.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { applyWorkspaceEdit, cursor, rangeOf, uriOf, workspaceOf } from '../helpers';
import { parseOsaUserConfig } from '../../../server/src/core/syntax/yamlParser';
import { mappingsByGroup, osaDeclarations, osaDeclarationsOpen, osaUserConfigFacts } from '../../../server/src/core/osa/providerNetworks';

const CONFIG = 'etc/openstack_deploy/openstack_user_config.yml';
const AGENT = 'hosts/compute1/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const NETWORKS = [
  '---',
  'global_overrides:',
  '  provider_networks:',
  '    - network:',
  '        container_bridge: "br-vxlan"',
  '        container_interface: "eth10"',
  '        type: "vxlan"',
  '        range: "1:1000"',
  '        net_name: "vxlan"',
  '        group_binds:',
  '          - neutron_openvswitch_agent',
  '    - network:',
  '        container_bridge: "br-provider"',
  '        container_interface: "eth12"',
  '        network_interface: "bond1"',
  '        type: "vlan"',
  '        range: "101:200, 301:400"',
  '        net_name: "physnet1"',
  '        group_binds:',
  '          - neutron_openvswitch_agent',
  '    - network:',
  '        container_bridge: br-ext',
  '        container_interface: eth13',
  '        type: flat',
  '        net_name: external # the floating IPs',
  '        group_binds: [neutron_openvswitch_agent]',
  '',
].join('\n');
const AGENT_TEXT = '[ovs]\nbridge_mappings = physnet1:br-provider,external:br-ext\n';

function codes(files: Record<string, string>): string[] {
  const service = workspaceOf(files);
  return service.files().flatMap((uri) => service.getDiagnostics(uri).map((d) => `${uri.slice(uri.lastIndexOf('/') + 1)} ${String(d.code)}`));
}

describe('OpenStack-Ansible provider_networks facts', () => {
  it('reads each network with its fields where they stand, quoted, plain, before a comment and in a flow list', () => {
    const facts = osaUserConfigFacts(parseOsaUserConfig(NETWORKS));
    assert.deepEqual(facts.providerNetworks?.key.range, rangeOf(NETWORKS, 'provider_networks'));
    assert.equal(facts.providerNetworks?.networks.length, 3);
    assert.deepEqual(
      osaDeclarations(facts).map((d) => [d.type, d.name.text, d.name.range]),
      [
        ['vlan', 'physnet1', rangeOf(NETWORKS, 'physnet1')],
        ['flat', 'external', rangeOf(NETWORKS, 'external')],
      ],
    );
    assert.equal(osaDeclarationsOpen(facts), false);
    const mappings = mappingsByGroup(facts).get('neutron_openvswitch_agent') ?? [];
    assert.deepEqual(mappings.map((m) => [m.physnet.text, m.metalDevice, m.containerDevice]), [
      ['physnet1', 'br-provider', 'eth12'],
      ['external', 'br-ext', 'eth13'],
    ]);
  });

  it('host_bind_override is the metal device; a reference_group network is left out of the per-group mappings', () => {
    const text = NETWORKS.replace('        network_interface: "bond1"\n', '        host_bind_override: "bond1"\n        reference_group: rack1\n');
    const mappings = mappingsByGroup(osaUserConfigFacts(parseOsaUserConfig(text))).get('neutron_openvswitch_agent') ?? [];
    assert.deepEqual(mappings.map((m) => m.physnet.text), ['external']);
    const bound = NETWORKS.replace('        network_interface: "bond1"\n', '        host_bind_override: "bond1"\n');
    assert.equal(mappingsByGroup(osaUserConfigFacts(parseOsaUserConfig(bound))).get('neutron_openvswitch_agent')?.[0].metalDevice, 'bond1');
  });

  it('a templated list, a templated net_name, per-host provider_networks or neutron_provider_networks leave the declarations open', () => {
    const open = (text: string) => osaDeclarationsOpen(osaUserConfigFacts(parseOsaUserConfig(text)));
    assert.equal(open('global_overrides:\n  provider_networks: "{{ my_networks }}"\n'), true);
    assert.equal(open(NETWORKS.replace('net_name: "physnet1"', 'net_name: "{{ physnet }}"')), true);
    assert.equal(open(NETWORKS + 'compute_hosts:\n  compute1:\n    ip: 10.0.0.31\n    container_vars:\n      provider_networks: []\n'), true);
    assert.equal(open(NETWORKS + 'neutron_provider_networks:\n  network_flat_networks: "flat"\n'), true);
  });
});

describe('OpenStack-Ansible provider_networks in the workspace', () => {
  it('a file without provider_networks is not indexed; a consistent deployment is silent', () => {
    assert.deepEqual(workspaceOf({ 'etc/openstack_deploy/user_variables.yml': 'neutron_plugin_type: ml2.ovs\n' }).files(), []);
    assert.deepEqual(codes({ [CONFIG]: NETWORKS, [AGENT]: AGENT_TEXT }), []);
  });

  it('an agent mapping a physnet no flat or vlan net_name names is physnet-undeclared, pointing at the net_names', () => {
    const agent = AGENT_TEXT.replace('physnet1:', 'physnet_1:');
    const service = workspaceOf({ [CONFIG]: NETWORKS, [AGENT]: agent });
    const [d, ...rest] = service.getDiagnostics(uriOf(AGENT));
    assert.deepEqual(rest, []);
    assert.equal(d?.code, 'physnet-undeclared');
    assert.deepEqual(d.range, rangeOf(agent, 'physnet_1'));
    assert.match(String(d.message), /^Physical network "physnet_1" is not declared in the OpenStack-Ansible provider_networks \(etc\/openstack_deploy\/openstack_user_config\.yml\): neither a flat nor a vlan provider network \(their net_name\) names it\..* Did you mean "physnet1"\?$/);
    assert.deepEqual(d.relatedInformation?.map((r) => [r.location.range, r.message]), [
      [rangeOf(NETWORKS, 'physnet1'), 'vlan provider network "physnet1" in etc/openstack_deploy/openstack_user_config.yml'],
      [rangeOf(NETWORKS, 'external'), 'flat provider network "external" in etc/openstack_deploy/openstack_user_config.yml'],
    ]);
    assert.deepEqual(service.getDiagnostics(uriOf(CONFIG)), []);
  });

  it('a vxlan net_name is no physnet: an agent mapping "vxlan" is physnet-undeclared', () => {
    assert.deepEqual(codes({ [CONFIG]: NETWORKS, [AGENT]: '[ovs]\nbridge_mappings = vxlan:br-vxlan\n' }), ['openvswitch_agent.ini physnet-undeclared']);
  });

  it('an edit of provider_networks re-checks the agents of the deployment', () => {
    const agent = AGENT_TEXT.replace('external:', 'public:');
    const service = workspaceOf({ [CONFIG]: NETWORKS, [AGENT]: agent });
    assert.equal(service.getDiagnostics(uriOf(AGENT)).length, 1);
    const changed = service.setFile(uriOf(CONFIG), NETWORKS.replace('net_name: external', 'net_name: public'));
    assert.ok(changed.includes(uriOf(AGENT)), changed.join(', '));
    assert.deepEqual(service.getDiagnostics(uriOf(AGENT)), []);
  });

  it('renaming a physnet from an agent renames the net_name, and only that network\'s', () => {
    const at = cursor(AGENT_TEXT.replace('physnet1:', 'phys|net1:'));
    const files = { [CONFIG]: NETWORKS, [AGENT]: at.text };
    const after = applyWorkspaceEdit(files, workspaceOf(files).rename(uriOf(AGENT), at.position, 'provider'));
    assert.equal(after[CONFIG], NETWORKS.replace('net_name: "physnet1"', 'net_name: "provider"'));
    assert.equal(after[AGENT], AGENT_TEXT.replace('physnet1:', 'provider:'));
  });

  it('references of a net_name find the agent mapping; definition from the agent goes to the net_name', () => {
    const at = cursor(NETWORKS.replace('net_name: external', 'net_name: exter|nal'));
    const service = workspaceOf({ [CONFIG]: at.text, [AGENT]: AGENT_TEXT });
    const refs = service.getReferences(uriOf(CONFIG), at.position, true).map((l) => [l.uri.slice(l.uri.lastIndexOf('/') + 1), l.range]);
    assert.deepEqual(refs, [
      ['openstack_user_config.yml', rangeOf(NETWORKS, 'external')],
      ['openvswitch_agent.ini', rangeOf(AGENT_TEXT, 'external')],
    ]);
    const fromAgent = cursor(AGENT_TEXT.replace('external:', 'ext|ernal:'));
    const definition = workspaceOf({ [CONFIG]: NETWORKS, [AGENT]: fromAgent.text }).getDefinition(uriOf(AGENT), fromAgent.position);
    assert.deepEqual(definition?.map((l) => l.range), [rangeOf(NETWORKS, 'external')]);
  });

  it('hover on net_name says what neutron_server declares and what the hosts of group_binds map', () => {
    const at = cursor(NETWORKS.replace('net_name: "physnet1"', 'net_name: "phys|net1"'));
    const hover = workspaceOf({ [CONFIG]: at.text }).getHover(uriOf(CONFIG), at.position);
    assert.deepEqual(hover?.range, rangeOf(NETWORKS, 'physnet1'));
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /^\*\*net_name\*\* \(OpenStack-Ansible provider network\): the physical network \(physnet\) name/);
    assert.match(value, /neutron_server declares `network_vlan_ranges = …,physnet1:101:200,physnet1:301:400`; the hosts of `neutron_openvswitch_agent` map `physnet1:br-provider` on metal, `physnet1:eth12` in a container\.$/);
  });

  it('completion offers the network types after type: and the agent groups in group_binds', () => {
    const typeAt = cursor(NETWORKS.replace('        type: flat\n', '        type: |\n'));
    const service = workspaceOf({ [CONFIG]: typeAt.text });
    assert.deepEqual(service.getCompletions(uriOf(CONFIG), typeAt.position).items.map((i) => i.label), ['flat', 'vlan', 'vxlan', 'geneve', 'raw']);
    const groupAt = cursor(NETWORKS.replace('          - neutron_openvswitch_agent\n    - network:\n        container_bridge: br-ext', '          - neutron_openvswitch_agent\n          - |\n    - network:\n        container_bridge: br-ext'));
    const groups = workspaceOf({ [CONFIG]: groupAt.text }).getCompletions(uriOf(CONFIG), groupAt.position).items.map((i) => i.label);
    assert.ok(groups.includes('neutron_linuxbridge_agent') && groups.includes('neutron_ovn_controller'), groups.join(', '));
  });
});

describe('provider networks the module cannot read, and mappings agents refuse', () => {
  it('every KeyError of the module is osa-provider-network-invalid at the network key; a misspelt type at its value', () => {
    const text = [
      'global_overrides:',
      '  provider_networks:',
      '    - network: {container_bridge: br-mgmt, group_binds: [hosts]}',
      '    - network: {type: vlan, group_binds: [neutron_openvswitch_agent]}',
      '    - network: {type: flat, net_name: ext}',
      '    - network: {type: geneve, net_name: geneve, group_binds: [neutron_ovn_controller]}',
      '    - network: {type: vxlan, range: "1:1000", group_binds: [neutron_openvswitch_agent]}',
      '    - network: {type: vxlan, group_binds: [neutron_openvswitch_agent]}',
      '    - network: {type: flta, net_name: ext2, group_binds: [neutron_openvswitch_agent]}',
      '    - network: {type: "{{ net_type }}", group_binds: [neutron_openvswitch_agent]}',
      '',
    ].join('\n');
    const found = workspaceOf({ [CONFIG]: text })
      .getDiagnostics(uriOf(CONFIG))
      .map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character, String(d.message).split(':')[0]]);
    assert.deepEqual(found, [
      ['osa-provider-network-invalid', 2, 6, 13, 'This provider network has no type, which the provider_networks module reads for every network'],
      ['osa-provider-network-invalid', 3, 6, 13, "This provider network has no net_name, which the provider_networks module reads for every vlan network (it is the physical network's name)"],
      ['osa-provider-network-invalid', 4, 6, 13, 'This provider network has no group_binds, which the provider_networks module reads for every flat network'],
      ['osa-provider-network-invalid', 5, 6, 13, 'This provider network has no range, which the provider_networks module reads from the first geneve network (its VNI range)'],
      ['osa-provider-network-invalid', 8, 22, 26, '"flta" is not a network type OpenStack-Ansible knows (flat, vlan, vxlan, geneve, raw)'],
    ]);
  });

  it('a misspelt type is fixed to the type it resembles', () => {
    const text = NETWORKS.replace('type: flat', 'type: falt');
    const files = { [CONFIG]: text };
    const service = workspaceOf(files);
    const [d] = service.getDiagnostics(uriOf(CONFIG));
    assert.deepEqual(d?.range, rangeOf(text, 'falt'));
    const actions = service.getCodeActions(uriOf(CONFIG), d.range, [d]).filter((a) => a.title.startsWith('Replace'));
    assert.deepEqual(actions.map((a) => a.title), ['Replace "falt" with "flat"']);
    assert.equal(applyWorkspaceEdit(files, actions[0].edit!)[CONFIG], NETWORKS);
  });

  it('one physnet on two devices for the Open vSwitch agents is osa-mapping-not-unique at the second net_name', () => {
    const text = NETWORKS.replace('net_name: external', 'net_name: physnet1');
    const [d, ...rest] = workspaceOf({ [CONFIG]: text }).getDiagnostics(uriOf(CONFIG));
    assert.deepEqual(rest, []);
    assert.equal(d?.code, 'osa-mapping-not-unique');
    assert.deepEqual(d.range, { start: { line: 24, character: 18 }, end: { line: 24, character: 26 } });
    assert.match(String(d.message), /^Physical network "physnet1" is also the net_name of the network at line 18, on another device, and both are bound to neutron_openvswitch_agent: /);
    assert.deepEqual(d.relatedInformation?.map((r) => r.location.range), [rangeOf(text, 'physnet1')]);
  });

  it('a flat and a vlan network on the same physnet and device are one mapping (the module merges them): silent', () => {
    const both = NETWORKS.replace('container_bridge: br-ext\n        container_interface: eth13', 'container_bridge: br-provider\n        container_interface: eth12').replace('net_name: external', 'net_name: physnet1');
    assert.deepEqual(codes({ [CONFIG]: both }), []);
  });

  it('the same physnet in groups no agent parses, or bound to different agent groups, is not judged', () => {
    const ovn = NETWORKS.replace('net_name: external', 'net_name: physnet1').replaceAll('neutron_openvswitch_agent', 'neutron_ovn_controller');
    assert.deepEqual(codes({ [CONFIG]: ovn }), []);
    const split = NETWORKS.replace('net_name: external', 'net_name: physnet1').replace('group_binds: [neutron_openvswitch_agent]', 'group_binds: [neutron_linuxbridge_agent]');
    assert.deepEqual(codes({ [CONFIG]: split }), []);
  });

  it('two physnets on one device are judged only when metal and container agree on the device', () => {
    const shared = NETWORKS.replace('container_bridge: br-ext\n        container_interface: eth13', 'container_bridge: br-provider\n        container_interface: eth12');
    assert.deepEqual(codes({ [CONFIG]: shared }), []);
    const bound = shared
      .replace('        network_interface: "bond1"\n', '        host_bind_override: "eth12"\n')
      .replace('container_interface: eth12\n        type: flat', 'container_interface: eth12\n        host_bind_override: eth12\n        type: flat');
    assert.deepEqual(codes({ [CONFIG]: bound }), ['openstack_user_config.yml osa-mapping-not-unique']);
  });
});
