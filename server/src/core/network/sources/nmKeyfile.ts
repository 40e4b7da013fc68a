import type { IniDocument, IniOption } from '../../syntax/ast';
import { isTemplated } from '../../syntax/templates';
import { FileDeviceRanges, type DeviceRole, type NameRef, type NetworkContribution, type NetworkDevice } from '../devices';

/**
 * The device a NetworkManager keyfile profile describes, for the host model.
 * NetworkManager models Open vSwitch in three layers of profiles
 * (nm-openvswitch(7)): an `ovs-bridge`, its `ovs-port`s (controller: the
 * bridge), and for each port one `ovs-interface`, ethernet or bond profile
 * (controller: the port). A `controller=` / `master=` names the controller
 * profile by interface name or by connection UUID; the host model resolves
 * both (aliases).
 */
export interface NmKeyfileNetworkInput {
  connectionType: IniOption | undefined;
  interfaceName: IniOption | undefined;
  /** `controller=` (NetworkManager 1.46 and later) or the older `master=`. */
  controller: IniOption | undefined;
  /** `port-type=` or the older `slave-type=`. */
  portType: IniOption | undefined;
  id: IniOption | undefined;
  uuid: IniOption | undefined;
  /** [ovs-interface] type: internal, patch, dpdk or system. */
  ovsInterfaceType: IniOption | undefined;
  /** [ovs-patch] peer. */
  patchPeer: IniOption | undefined;
}

/** The option's value, when it is a literal (not templated). */
function literal(option: IniOption | undefined): string | undefined {
  const text = option?.value.text;
  return text && !isTemplated(text) ? text : undefined;
}

function nameRef(option: IniOption): NameRef {
  return { name: option.value.text, token: isTemplated(option.value.text) ? undefined : option.value };
}

export function nmKeyfileNetwork(doc: IniDocument, input: NmKeyfileNetworkInput): NetworkContribution | undefined {
  const type = literal(input.connectionType);
  const uncertain = [input.connectionType, input.interfaceName, input.controller, input.portType].some((o) => o !== undefined && isTemplated(o.value.text));
  const role = roleOf(type, literal(input.ovsInterfaceType));
  const name = literal(input.interfaceName);
  if (!role || !name || !input.interfaceName) return { layer: 'declared', source: 'nm-keyfile', devices: [], uncertain };
  const device: NetworkDevice = {
    name,
    role,
    sourceType: type === 'ovs-interface' ? `ovs-interface (${literal(input.ovsInterfaceType) ?? 'internal'})` : type,
    ranges: new FileDeviceRanges(doc.lineIndex, input.interfaceName.value, input.interfaceName, input.connectionType),
    nameToken: input.interfaceName.value,
  };
  const aliases = [literal(input.uuid), literal(input.id)].filter((a): a is string => a !== undefined && a !== name);
  if (aliases.length > 0) device.aliases = aliases;
  const controller = input.controller?.value.text ? input.controller : undefined;
  const portType = literal(input.portType);
  if (controller) {
    // An ovs-port's controller is a bridge; an interface's controller is a port.
    if (type === 'ovs-port' || portType === 'ovs-bridge') device.bridge = nameRef(controller);
    else if (portType === 'ovs-port') device.port = nameRef(controller);
  }
  if (role === 'ovs-patch' && input.patchPeer?.value.text) device.peer = nameRef(input.patchPeer);
  return { layer: 'declared', source: 'nm-keyfile', devices: [device], uncertain };
}

function roleOf(type: string | undefined, ovsInterfaceType: string | undefined): DeviceRole | undefined {
  switch (type) {
    case 'ovs-bridge':
      return 'ovs-bridge';
    case 'ovs-port':
      return 'ovs-port';
    case 'ovs-interface':
      return ovsInterfaceType === 'patch' ? 'ovs-patch' : ovsInterfaceType === 'dpdk' || ovsInterfaceType === 'system' ? 'ovs-port' : 'ovs-internal';
    case 'ethernet':
    case '802-3-ethernet':
    case 'vlan':
    case 'infiniband':
      return 'interface';
    case 'bond':
      return 'bond';
    case 'bridge':
      return 'linux-bridge';
    default:
      return undefined;
  }
}
