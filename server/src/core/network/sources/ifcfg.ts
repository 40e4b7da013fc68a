import type { IfcfgAssignment, IfcfgDocument } from '../../syntax/ast';
import { getInterfaceType, type IfcfgTypeRole } from '../../ifcfg/interfaceTypes';
import { FileDeviceRanges, type DeviceRole, type NameRef, type NetworkContribution, type NetworkDevice } from '../devices';

/** The parts of an ifcfg file's facts the network model reads. */
export interface IfcfgNetworkInput {
  device: string;
  deviceAssignment: IfcfgAssignment | undefined;
  type: string | undefined;
  typeAssignment: IfcfgAssignment | undefined;
  ovsBridge: IfcfgAssignment | undefined;
  bondMembers: NameRef[] | undefined;
  ovsPatchPeer: IfcfgAssignment | undefined;
  templated: boolean;
}

const ROLE_BY_IFCFG_ROLE: Record<IfcfgTypeRole, DeviceRole> = {
  interface: 'interface',
  bridge: 'ovs-bridge',
  bond: 'bond',
  vlan: 'interface',
  port: 'ovs-port',
  'internal-port': 'ovs-internal',
  'patch-port': 'ovs-patch',
  tunnel: 'ovs-tunnel',
  'vhost-user-port': 'ovs-port',
};

/** The device an ifcfg file describes. TYPE=Bridge is a Linux bridge; an unknown TYPE is taken as an interface. */
export function ifcfgNetwork(doc: IfcfgDocument, input: IfcfgNetworkInput): NetworkContribution {
  const type = getInterfaceType(input.type);
  const role: DeviceRole = type
    ? type.name === 'Bridge'
      ? 'linux-bridge'
      : ROLE_BY_IFCFG_ROLE[type.role]
    : 'interface';
  const nameToken = input.deviceAssignment && !input.deviceAssignment.expands ? input.deviceAssignment.value : undefined;
  const device: NetworkDevice = {
    name: input.device,
    role,
    sourceType: input.type,
    ranges: new FileDeviceRanges(doc.lineIndex, input.deviceAssignment?.value, input.deviceAssignment ?? input.typeAssignment, input.typeAssignment),
    nameToken,
    addressed: isAddressed(doc),
  };
  const bridge = input.ovsBridge;
  if (bridge?.value.text) device.bridge = { name: bridge.value.text, token: bridge.expands ? undefined : bridge.value };
  if (input.bondMembers && role === 'bond') device.members = input.bondMembers;
  const peer = input.ovsPatchPeer;
  if (peer?.value.text && role === 'ovs-patch') device.peer = { name: peer.value.text, token: peer.expands ? undefined : peer.value };
  return { layer: 'declared', source: 'ifcfg', devices: [device], uncertain: input.templated };
}

/** A static address or a DHCP client on the device (the last assignment of each variable counts, as in bash). */
function isAddressed(doc: IfcfgDocument): boolean {
  const last = new Map<string, string>();
  for (const a of doc.assignments) last.set(a.key.text, a.value.text);
  const bootproto = (last.get('BOOTPROTO') ?? '').toLowerCase();
  const ovsBootproto = (last.get('OVSBOOTPROTO') ?? '').toLowerCase();
  if (bootproto === 'dhcp' || bootproto === 'bootp' || ovsBootproto === 'dhcp') return true;
  for (const [key, value] of last) if (/^(IPADDR|IPV6ADDR)\d*$/.test(key) && value) return true;
  return false;
}
