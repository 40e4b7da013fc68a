/** os-net-config's mapping.yaml: nicN names resolved on the host (issue #14). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMappingFile } from '../../../server/src/core/syntax/yamlParser';
import { osNetConfigMappingFacts } from '../../../server/src/core/osNetConfig/mappingFacts';
import { KindMatcher } from '../../../server/src/core/workspace/fileKinds';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { cursor, formatRange, uriOf, workspaceOf } from '../helpers';

const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const AGENT = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const CONFIG = 'compute-0/etc/os-net-config/config.yaml';
const MAPPING = 'compute-0/etc/os-net-config/mapping.yaml';
const OVSDB = 'compute-0/ovs-vsctl-show.txt';
const IP = 'compute-0/ip-link.txt';
const ML2_TEXT = '[ml2]\ntype_drivers = flat,vxlan\ntenant_network_types = vxlan\n\n[ml2_type_flat]\nflat_networks = physnet1\n';
const CONFIG_TEXT = 'network_config:\n- type: ovs_bridge\n  name: br-ex\n  members:\n  - type: interface\n    name: nic2\n';
const OVSDB_TEXT = [
  '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  '    Bridge br-ex',
  '        Port eth1',
  '            Interface eth1',
  '        Port br-ex',
  '            Interface br-ex',
  '                type: internal',
  '    ovs_version: "2.17.7"',
  '',
].join('\n');
const link = (n: number, name: string) => `${n}: ${name}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq master ovs-system state UP mode DEFAULT group default qlen 1000\n    link/ether 52:54:00:1c:3a:0${n} brd ff:ff:ff:ff:ff:ff\n`;

const entries = (text: string) =>
  osNetConfigMappingFacts(parseMappingFile(text)).entries.map((e) => `${e.alias.text}@${formatRange(e.alias.range)} ${e.mac ? 'mac' : 'name'} ${e.target.text}@${formatRange(e.target.range)}`);

const configFindings = (files: Record<string, string>) =>
  workspaceOf({ [ML2]: ML2_TEXT, [AGENT]: '[ovs]\nbridge_mappings = physnet1:br-ex\n', [CONFIG]: CONFIG_TEXT, [OVSDB]: OVSDB_TEXT, ...files })
    .getDiagnostics(uriOf(CONFIG))
    .map((d) => `${d.code}@${formatRange(d.range)}`);

describe('os-net-config mapping file', () => {
  it('is its own kind, as mapping.yaml or mapping.yml in an os-net-config directory', () => {
    const kinds = new KindMatcher(DEFAULT_SETTINGS);
    assert.equal(kinds.kindOf('compute-0/etc/os-net-config/mapping.yaml'), 'os-net-config-mapping');
    assert.equal(kinds.kindOf('compute-0/etc/os-net-config/mapping.yml'), 'os-net-config-mapping');
    assert.equal(kinds.kindOf('compute-0/etc/os-net-config/config.yaml'), 'os-net-config');
    assert.notEqual(kinds.kindOf('compute-0/etc/mapping.yaml'), 'os-net-config-mapping');
  });

  it('reads each interface_mapping entry: names and MAC addresses, quoted ones inside their quotes', () => {
    const text = ['interface_mapping:', '  nic1: eth0', '  nic2: "52:54:00:1c:3a:0c"', "  'nic3': ens3f1", ''].join('\n');
    assert.deepEqual(entries(text), ['nic1@1:2-1:6 name eth0@1:8-1:12', 'nic2@2:2-2:6 mac 52:54:00:1c:3a:0c@2:9-2:26', 'nic3@3:3-3:7 name ens3f1@3:10-3:16']);
    assert.equal(osNetConfigMappingFacts(parseMappingFile(text)).uncertain, false);
  });

  it('a value that is not a plain string is not known for sure; no interface_mapping maps nothing', () => {
    assert.equal(osNetConfigMappingFacts(parseMappingFile('interface_mapping:\n  nic1: 12\n')).uncertain, true);
    assert.equal(osNetConfigMappingFacts(parseMappingFile('interface_mapping: eth0\n')).uncertain, true);
    assert.deepEqual(osNetConfigMappingFacts(parseMappingFile('# nothing\n')), { kind: 'os-net-config-mapping', entries: [], uncertain: false });
  });

  it('a mapping file that is not YAML gets the syntax finding', () => {
    const service = workspaceOf({ [MAPPING]: 'interface_mapping:\n  nic1: eth0\n   nic2: eth1\n' });
    const found = service.getDiagnostics(uriOf(MAPPING)).map((d) => `${d.code}@${formatRange(d.range)}`);
    assert.deepEqual(found, ['syntax@1:8-1:9']);
    assert.match(service.getDiagnostics(uriOf(MAPPING))[0].message as string, /os-net-config cannot load its mapping file/);
  });

  it('a nicN mapped to a name is that NIC: a bridge member the OVSDB shows elsewhere is observed-port-missing', () => {
    const ip = link(2, 'eth1') + link(3, 'eth3');
    assert.deepEqual(configFindings({ [MAPPING]: 'interface_mapping:\n  nic2: eth3\n', [IP]: ip }), ['observed-port-missing@5:10-5:14']);
    assert.deepEqual(configFindings({ [MAPPING]: 'interface_mapping:\n  nic2: eth1\n', [IP]: ip }), []);
    // Without an ip capture, whether eth3 exists (and so whether os-net-config honours the entry) is unknown.
    assert.deepEqual(configFindings({ [MAPPING]: 'interface_mapping:\n  nic2: eth3\n' }), []);
  });

  it('without an OVSDB capture, a mapped nicN the ip capture shows without carrier is observed-link-down', () => {
    const down = link(2, 'eth3').replace('UP,LOWER_UP', 'UP');
    const files = { [ML2]: ML2_TEXT, [AGENT]: '[ovs]\nbridge_mappings = physnet1:br-ex\n', [CONFIG]: CONFIG_TEXT, [IP]: down };
    const codes = (mapping: Record<string, string>) => workspaceOf({ ...files, ...mapping }).getDiagnostics(uriOf(CONFIG)).map((d) => `${d.code}@${formatRange(d.range)}`);
    assert.deepEqual(codes({ [MAPPING]: 'interface_mapping:\n  nic2: eth3\n' }), ['observed-link-down@5:10-5:14']);
    assert.deepEqual(codes({}), [], 'unmapped: nic2 is not judged');
  });

  it('an unmapped nicN, a MAC mapping, or a name the ip capture lacks (os-net-config ignores it) stays abstract: silent', () => {
    assert.deepEqual(configFindings({}), []);
    assert.deepEqual(configFindings({ [MAPPING]: 'interface_mapping:\n  nic1: eth0\n' }), []);
    assert.deepEqual(configFindings({ [MAPPING]: 'interface_mapping:\n  nic2: "52:54:00:1c:3a:0c"\n' }), []);
    assert.deepEqual(configFindings({ [MAPPING]: 'interface_mapping:\n  nic2: eth3\n', [IP]: link(2, 'eth0') + link(3, 'eth1') }), []);
  });

  it('an edit of mapping.yaml re-checks config.yaml', () => {
    const files = { [ML2]: ML2_TEXT, [AGENT]: '[ovs]\nbridge_mappings = physnet1:br-ex\n', [CONFIG]: CONFIG_TEXT, [OVSDB]: OVSDB_TEXT, [IP]: link(2, 'eth1') + link(3, 'eth3'), [MAPPING]: 'interface_mapping:\n  nic2: eth1\n' };
    const service = workspaceOf(files);
    assert.deepEqual(service.getDiagnostics(uriOf(CONFIG)), []);
    const affected = service.setFile(uriOf(MAPPING), 'interface_mapping:\n  nic2: eth3\n');
    assert.ok(affected.includes(uriOf(CONFIG)), 'config.yaml is re-checked');
    assert.deepEqual(service.getDiagnostics(uriOf(CONFIG)).map((d) => d.code), ['observed-port-missing']);
  });

  it('hover on nicN says what it resolves to, and from where', () => {
    const hover = (mapping: string | undefined, files: Record<string, string> = {}) => {
      const { text, position } = cursor(CONFIG_TEXT.replace('name: nic2', 'name: ni|c2'));
      const all: Record<string, string> = { [ML2]: ML2_TEXT, [CONFIG]: text, ...files };
      if (mapping !== undefined) all[MAPPING] = mapping;
      const result = workspaceOf(all).getHover(uriOf(CONFIG), position);
      return result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
    };
    const mapped = hover('interface_mapping:\n  nic2: eth1\n');
    assert.match(mapped, /OVS port `eth1`/);
    assert.match(mapped, /`nic2` is `eth1`: `compute-0\/etc\/os-net-config\/mapping.yaml` \(line 2\) maps it so/);
    assert.match(hover('interface_mapping:\n  nic2: "52:54:00:1c:3a:0c"\n'), /`nic2` is the NIC whose MAC address is `52:54:00:1c:3a:0c`/);
    assert.match(hover(undefined), /No mapping file of this host .* numbers it at run time among the host's active NICs .* `nic2` is number 2/);
    assert.match(hover('interface_mapping:\n  nic1: eth0\n'), /`compute-0\/etc\/os-net-config\/mapping.yaml` does not map `nic2`/);
    assert.match(hover('interface_mapping:\n  nic2: eth3\n', { [IP]: link(2, 'eth0') }), /maps `nic2` to `eth3`, but `compute-0\/ip-link.txt` lists no such device: os-net-config ignores that entry/);
  });
});
