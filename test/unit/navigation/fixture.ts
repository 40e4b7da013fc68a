/**
 * Two deployments for navigation tests. site-a: a controller (ML2), compute-0
 * (agent, l3 agent, bridges br-ex and br-vlan with ports, a bond and patch
 * ports), compute-1 (agent, a templated bridge file), compute-2 and network-0
 * (agents only). site-b: its own ML2 with `flat_networks = *` and a host that
 * also maps physnet1 and has its own br-ex, which nothing in site-a may touch.
 */
import type { Position } from 'vscode-languageserver-types';
import { cursor, uriOf, workspaceOf } from '../helpers';
import type { NeutronConfigService } from '../../../server/src/core/service';

export const ML2 = 'site-a/controller/etc/neutron/plugins/ml2/ml2_conf.ini';
export const ML2_B = 'site-b/controller/etc/neutron/plugins/ml2/ml2_conf.ini';
export const agent = (host: string, site = 'site-a') => `${site}/${host}/etc/neutron/plugins/ml2/openvswitch_agent.ini`;
export const l3 = (host: string, site = 'site-a') => `${site}/${host}/etc/neutron/l3_agent.ini`;
export const ifcfg = (host: string, name: string, site = 'site-a') => `${site}/${host}/etc/sysconfig/network-scripts/ifcfg-${name}`;

export const ML2_TEXT = [
  '[ml2]',
  'type_drivers = flat,vlan,vxlan',
  'physical_network_mtus = physnet1:9000,physnet2:1500',
  '',
  '[ml2_type_flat]',
  'flat_networks = physnet1',
  '',
  '[ml2_type_vlan]',
  'network_vlan_ranges = physnet2:100:200,physnet2:300:300,physnet3',
  '',
].join('\n');

export const ML2_B_TEXT = ['[ml2]', 'type_drivers = flat,vxlan', '', '[ml2_type_flat]', 'flat_networks = *', ''].join('\n');

export const AGENT_0 = '[ovs]\nbridge_mappings = physnet1:br-ex,physnet2:br-vlan\nresource_provider_bandwidths = br-ex:1000:1000\n';
export const L3_0 = '[DEFAULT]\nexternal_network_bridge = br-ex\n';
export const BR_EX = 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nONBOOT=yes\n';
/** No DEVICE: the file name says the device. */
export const BR_VLAN = '# VLAN trunk bridge\nTYPE=OVSBridge\nDEVICETYPE=ovs\nONBOOT=yes\n';
export const ETH1 = 'DEVICE=eth1\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE="br-ex"\nONBOOT=yes\n';
export const BOND0 = 'DEVICE=bond0\nTYPE=OVSBond\nDEVICETYPE=ovs\nOVS_BRIDGE=br-vlan\nBOND_IFACES="eth2 eth3"\n';
export const ETH2 = 'DEVICE=eth2\nTYPE=Ethernet\nONBOOT=yes\n';
export const ETH3 = 'DEVICE=eth3\nTYPE=Ethernet\nONBOOT=yes\n';
export const PATCH_A = 'DEVICE=patch-a\nTYPE=OVSPatchPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-ex\nOVS_PATCH_PEER=patch-b\n';
export const PATCH_B = 'DEVICE=patch-b\nTYPE=OVSPatchPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-vlan\nOVS_PATCH_PEER=patch-a\n';

export const AGENT_1 = '[ovs]\nbridge_mappings = physnet1:br-ex\n';
export const BR_EX_1_TEMPLATE = 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nIPADDR={{ external_ip }}\n';
export const AGENT_2 = '[ovs]\nbridge_mappings = physnet2:br-vlan\n';
export const AGENT_N = '[ovs]\nbridge_mappings = physnet1:br-ex\n';

export const AGENT_B = '[ovs]\nbridge_mappings = physnet1:br-ex,physnet7:br-seven\n';
export const BR_EX_B = 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\n';

export function files(): Record<string, string> {
  return {
    [ML2]: ML2_TEXT,
    [agent('compute-0')]: AGENT_0,
    [l3('compute-0')]: L3_0,
    [ifcfg('compute-0', 'br-ex')]: BR_EX,
    [ifcfg('compute-0', 'br-vlan')]: BR_VLAN,
    [ifcfg('compute-0', 'eth1')]: ETH1,
    [ifcfg('compute-0', 'bond0')]: BOND0,
    [ifcfg('compute-0', 'eth2')]: ETH2,
    [ifcfg('compute-0', 'eth3')]: ETH3,
    [ifcfg('compute-0', 'patch-a')]: PATCH_A,
    [ifcfg('compute-0', 'patch-b')]: PATCH_B,
    [agent('compute-1')]: AGENT_1,
    [ifcfg('compute-1', 'br-ex') + '.j2']: BR_EX_1_TEMPLATE,
    [agent('compute-2')]: AGENT_2,
    [agent('network-0')]: AGENT_N,
    [ML2_B]: ML2_B_TEXT,
    [agent('compute-0', 'site-b')]: AGENT_B,
    [ifcfg('compute-0', 'br-ex', 'site-b')]: BR_EX_B,
  };
}

/**
 * The service over `files()` with the file at `path` replaced by `textWithBar`
 * minus its `|`; returns the service, the files and the cursor position.
 */
export function at(path: string, textWithBar: string, base = files()): { service: NeutronConfigService; files: Record<string, string>; uri: string; position: Position; text: string } {
  const { text, position } = cursor(textWithBar);
  const all = { ...base, [path]: text };
  return { service: workspaceOf(all), files: all, uri: uriOf(path), position, text };
}

/** `text` with the `|` inserted before the `occurrence`-th (0-based) `needle`, plus `offset` characters. */
export function mark(text: string, needle: string, offset = 0, occurrence = 0): string {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" #${occurrence} not in text`);
  }
  index += offset;
  return text.slice(0, index) + '|' + text.slice(index);
}

/** `path @ line:char-line:char` of a location, for exact, readable comparisons. */
export function where(location: { uri: string; range: { start: Position; end: Position } }): string {
  const r = location.range;
  return `${location.uri.slice('file:///ws/'.length)} @ ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** The same as `where`, from a path and a text range. */
export function loc(path: string, range: { start: Position; end: Position }): string {
  return where({ uri: uriOf(path), range });
}
