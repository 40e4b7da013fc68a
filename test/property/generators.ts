/**
 * Inputs for the property tests: random bytes and code units, tokens of both
 * dialects in any order, very long lines, real files with mixed line ends,
 * and real files mutated (pieces deleted, inserted, duplicated, swapped).
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const VOCABULARY = [
  '[', ']', '=', ':', ',', '#', ';', ' ', '  ', '\t', '\r', '\n', '\r\n', '\n\n', '"', "'", '$', '`', '\\', '{{', '}}', '{%', '%}', '{#', '<%', '%>',
  '\ufeff', '\u0000', '\u2028', '\u0085', '\ud800', '\udfff', '😀', 'é', '*', '-', '.', '[DEFAULT]', '[ml2]', '[ml2_type_flat]', '[ml2_type_vlan]',
  '[ovs]', '[agent]', 'type_drivers', 'tenant_network_types', 'external_network_type', 'flat_networks', 'network_vlan_ranges', 'bridge_mappings',
  'integration_bridge', 'tunnel_bridge', 'external_network_bridge', 'physnet1', 'physnet2', 'datacentre', 'br-ex', 'br-int', 'br-tun',
  'br-very-long-name', 'flat', 'vlan', 'vxlan', 'geneve', '1:100', 'DEVICE', 'TYPE', 'OVSBridge', 'OVSPort', 'OVS_BRIDGE', 'DEVICETYPE=ovs',
  'export ', '$X', '${X}', "$'", '# neutron-config: disable=', '# neutron-config: disable-file=', 'physnet-undeclared', 'all', 'bridge-undefined',
  '# ovs-vsctl show', '$ ip a', '[root@h ~]# ovs-ofctl dump-flows br-ex', '    Bridge ', '        Port ', '            Interface ', 'type: patch',
  'options: {peer=', 'tag: ', 'ovs_version: "2.17.7"', ' cookie=0x0, table=0, ', 'priority=4,in_port=2,dl_vlan=5 actions=strip_vlan,NORMAL',
  'vlan_tci=0x0000/0x1fff actions=mod_vlan_vid:5', 'OFPT_FEATURES_REPLY (xid=0x2)', ' 2(phy-br-ex): addr:aa', '5: eth1: <BROADCAST,UP,LOWER_UP> master ovs-system',
  'external_ids        : {ovn-bridge-mappings="', '"provider:physical_network": ', '| provider:network_type | ', '"agent_type": "Open vSwitch agent"',
  '[linux_bridge]', 'physical_interface_mappings', '[sriov_nic]', 'physical_device_mappings', 'exclude_devices', '[pci]', 'device_spec',
  '{"devname": "ens1f0", "physical_network": "sriov1"}', 'mechanism_drivers', 'ovn', 'parameter_defaults:', '  NeutronBridgeMappings: ',
  '  NeutronNetworkVLANRanges: ', '  ComputeParameters:', 'neutron_bridge_name: ', 'neutron_external_interface: ', 'neutron_physical_networks: ',
  'interface_mapping:', '  nic1: ', 'aa:bb:cc:dd:ee:ff', '- ', '&a ', '*a', '!!str ', '|\n', '? ',
];

export const ML2 = '[ml2]\ntype_drivers = vxlan,vlan\ntenant_network_types = vxlan\n[ml2_type_flat]\nflat_networks = physnet1\n[ml2_type_vlan]\nnetwork_vlan_ranges = physnet2:100:200\n';
export const OVS = '[ovs]\nbridge_mappings = physnet1:br-ex,physnet2:br-vlan,physnet9:br-missing\nintegration_bridge = br-int\n';
export const L3 = '[DEFAULT]\ninterface_driver = openvswitch\nexternal_network_bridge = br-ex\n';
export const BRIDGE = 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nONBOOT=yes\n';
export const PORT = 'DEVICE=eth1\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-ex\nONBOOT=yes\n';
export const KEYFILE = '[connection]\nid=ovs-port-eth2\ntype=ovs-port\ninterface-name=eth2\nmaster=br-ex\nslave-type=ovs-bridge\n';
export const OS_NET_CONFIG = 'network_config:\n- type: ovs_bridge\n  name: br-vlan\n  members:\n  - type: interface\n    name: nic3\n- type: ovs_patch_port\n  name: patch-a\n  bridge_name: "br-ex"\n  peer: patch-b\n';

export const LINUXBRIDGE = '[linux_bridge]\nphysical_interface_mappings = physnet1:eth1,physnet2:eth9\n[vxlan]\nenable_vxlan = false\n';
export const SRIOV = '[sriov_nic]\nphysical_device_mappings = sriov1:ens1f0\nexclude_devices = ens1f0:0000:07:00.2\n';
export const NOVA = '[pci]\ndevice_spec = {"devname": "ens1f0", "physical_network": "sriov1"}\ndevice_spec = {"vendor_id": "8086", "physical_network": "sriov9"}\n';
export const NEUTRON_CONF = '[DEFAULT]\ncore_plugin = ml2\nservice_plugins = router,qos\n[agent]\nreport_interval = 30\n';
export const DHCP = '[DEFAULT]\ninterface_driver = openvswitch\nenable_isolated_metadata = true\n';
export const TRIPLEO_ENV = 'parameter_defaults:\n  NeutronNetworkVLANRanges: "datacentre:1:100,tenant:200:300"\n  NeutronBridgeMappings: [datacentre:br-ex, tenatn:br-tenant]\n  ComputeParameters:\n    NeutronPhysicalDevMappings: "sriov1:ens1f0"\n';
export const KOLLA_GLOBALS = '---\nneutron_external_interface: "eth1,eth2,eth3"\nneutron_bridge_name: "br-ex,br-vlan"\nneutron_physical_networks: physnet1,physnet8\n';
export const NIC_MAPPING = 'interface_mapping:\n  nic1: eth0\n  nic3: "aa:bb:cc:dd:ee:ff"\n';

export const CAPTURE =
  '# ovs-vsctl show\n5e3c1d2a-0b1c-4d2e-8f3a-4b5c6d7e8f90\n    Bridge br-int\n        Port int-br-ex\n            Interface int-br-ex\n                type: patch\n' +
  '                options: {peer=phy-br-ex}\n    Bridge br-ex\n        Port phy-br-ex\n            Interface phy-br-ex\n                type: patch\n' +
  '                options: {peer=int-br-ex}\n        Port "eth1"\n            Interface "eth1"\n    ovs_version: "2.17.7"\n' +
  '# ovs-ofctl show br-ex\nOFPT_FEATURES_REPLY (xid=0x2): dpid:0000\n 2(phy-br-ex): addr:aa\n     state:      LINK_DOWN\n' +
  '# ovs-ofctl dump-flows br-ex\n cookie=0x0, table=0, priority=4,in_port=2,dl_vlan=5 actions=strip_vlan,NORMAL\n' +
  '# ovs-ofctl dump-flows br-int\n cookie=0x0, table=0, priority=3,in_port=1,vlan_tci=0x0000/0x1fff actions=mod_vlan_vid:7,resubmit(,60)\n' +
  '# ip a\n3: eth1: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc mq master ovs-system state DOWN\n' +
  '# ovs-vsctl list Open_vSwitch\n_uuid               : 5e3c\nexternal_ids        : {ovn-bridge-mappings="physnet1:br-ex,physnet2:br-gone"}\n';
export const NETWORK_SHOW = '{\n  "name": "ext",\n  "provider:network_type": "flat",\n  "provider:physical_network": "physnet7"\n}\n';
export const AGENT_SHOW = '{"agent_type": "Open vSwitch agent", "host": "compute-0.example", "configuration": {"bridge_mappings": {"physnet1": "br-other"}}}\n';

/** The files of a small deployment, by path relative to the workspace folder; inputs replace one of them. */
export const BASE: Readonly<Record<string, string>> = {
  'controller/etc/neutron/plugins/ml2/ml2_conf.ini': ML2,
  'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini': OVS,
  'compute-0/etc/neutron/l3_agent.ini': L3,
  'compute-0/etc/sysconfig/network-scripts/ifcfg-br-ex': BRIDGE,
  'compute-0/etc/sysconfig/network-scripts/ifcfg-eth1': PORT,
  'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini.j2': OVS,
  'compute-0/etc/NetworkManager/system-connections/ovs-port-eth2.nmconnection': KEYFILE,
  'compute-0/etc/os-net-config/config.yaml': OS_NET_CONFIG,
  'compute-0/etc/os-net-config/mapping.yaml': NIC_MAPPING,
  'compute-1/etc/neutron/plugins/ml2/linuxbridge_agent.ini': LINUXBRIDGE,
  'compute-1/etc/neutron/plugins/ml2/sriov_agent.ini': SRIOV,
  'compute-1/etc/nova/nova.conf': NOVA,
  'controller/etc/neutron/neutron.conf': NEUTRON_CONF,
  'controller/etc/neutron/dhcp_agent.ini': DHCP,
  'templates/environments/network-environment.yaml': TRIPLEO_ENV,
  'etc/kolla/globals.yml': KOLLA_GLOBALS,
  'compute-0/captures.txt': CAPTURE,
  'controller/network-show.json': NETWORK_SHOW,
  'controller/agent-show.json': AGENT_SHOW,
};
export const TARGETS = Object.keys(BASE);

/** The base files and the parser fixtures (real configuration files of many shapes). */
export function realFiles(): string[] {
  const texts = Object.values(BASE);
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const fixtures = path.join(dir, 'test', 'fixtures', 'parsers');
  if (fs.existsSync(fixtures)) for (const name of fs.readdirSync(fixtures).sort()) texts.push(fs.readFileSync(path.join(fixtures, name), 'utf8'));
  return texts;
}

const real = realFiles();
const realFile = fc.constantFrom(...real);
const token = fc.constantFrom(...VOCABULARY);

/** One edit of a text, at positions given as fractions of its length (so it applies to any text). */
interface Mutation {
  kind: 'delete' | 'insert' | 'duplicate' | 'move' | 'replace';
  at: number;
  from: number;
  length: number;
  token: string;
  unit: number;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<Mutation['kind'][]>('delete', 'insert', 'duplicate', 'move', 'replace'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  from: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat(40),
  token,
  unit: fc.integer({ min: 0, max: 0xffff }),
});

export function mutate(text: string, steps: readonly Mutation[]): string {
  let s = text;
  for (const step of steps) {
    const at = Math.floor(step.at * (s.length + 1));
    const len = Math.min(step.length, s.length - at);
    switch (step.kind) {
      case 'delete':
        s = s.slice(0, at) + s.slice(at + len);
        break;
      case 'insert':
        s = s.slice(0, at) + step.token + s.slice(at);
        break;
      case 'duplicate':
        s = s.slice(0, at) + s.slice(at, at + len) + s.slice(at);
        break;
      case 'move': {
        const other = Math.floor(step.from * (s.length + 1));
        s = s.slice(0, at) + s.slice(other, other + len) + s.slice(at + len);
        break;
      }
      default:
        s = s.slice(0, at) + String.fromCharCode(step.unit) + s.slice(at + 1);
    }
  }
  return s;
}

/** Bytes read as Latin-1, as a file of any bytes decodes. */
const bytes = fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 400 }).map((codes) => String.fromCharCode(...codes));
/** Any UTF-16 code units: lone surrogates, NUL, every plane. */
const units = fc.string({ unit: 'binary', maxLength: 300 });
const tokens = fc.array(token, { maxLength: 120 }).map((parts) => parts.join(''));
/** A line of 10k to 40k characters, alone in a bridge_mappings value or after a real file. */
const longLine = fc
  .tuple(fc.constantFrom('a', 'physnet1:br-ex', ' ', '"', '\\', 'x=', 'é😀'), fc.integer({ min: 10_000, max: 40_000 }), fc.boolean(), fc.boolean(), realFile)
  .map(([unit, length, entries, alone, file]) => {
    const long = unit.repeat(Math.ceil(length / unit.length)) + (entries ? ',x:y'.repeat(200) : '');
    return alone ? `[ovs]\nbridge_mappings = ${long}\n` : file + long;
  });
const lineEnds = fc
  .tuple(realFile, fc.array(fc.constantFrom('\n', '\r\n', '\r', '\n\n', ' \n', '\t\r\n'), { minLength: 1, maxLength: 8 }), fc.boolean())
  .map(([file, ends, bom]) => {
    let i = 0;
    const text = file.replace(/\n/g, () => ends[i++ % ends.length]);
    return bom ? '\ufeff' + text : text;
  });
const mutated = fc.tuple(realFile, fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([file, steps]) => mutate(file, steps));

/** Any text a configuration file may hold, weighted towards texts that look like configuration. */
export const anyConfigText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: bytes, weight: 1 },
  { arbitrary: units, weight: 1 },
  { arbitrary: tokens, weight: 2 },
  { arbitrary: longLine, weight: 1 },
  { arbitrary: lineEnds, weight: 1 },
  { arbitrary: mutated, weight: 4 },
);

/** Texts close to real configuration (no long lines): what fixes are tried on. */
export const configLikeText: fc.Arbitrary<string> = fc.oneof({ arbitrary: tokens, weight: 1 }, { arbitrary: mutated, weight: 4 }, { arbitrary: lineEnds, weight: 1 });
