import type { CaptureDocument } from '../../syntax/ast';
import type { DumpFlowsSection, OfctlPort, VsctlInterface, VsctlShowSection } from '../../captures/model';
import type { DeviceRanges, DeviceRole, NetworkContribution, NetworkDevice, NetworkSourceName } from '../devices';

/**
 * What a capture file shows of its host's network, as the observed layer of
 * the host model: `ovs-vsctl show` gives the OVSDB's bridges and ports, `ip`
 * the kernel's links with their state, `ovs-ofctl show` the OpenFlow port
 * numbers and `ovs-ofctl dump-flows` the VLAN flows, per bridge.
 */
export function captureNetwork(doc: CaptureDocument): NetworkContribution | undefined {
  const devices: NetworkDevice[] = [];
  const openflow: OpenflowView[] = [];
  let source: NetworkSourceName | undefined;
  for (const section of doc.sections) {
    switch (section.type) {
      case 'ovs-vsctl-show':
        // The OVSDB is what absence-based checks ask: it names the file's contribution.
        source = 'ovs-vsctl-show';
        devices.push(...vsctlDevices(section));
        break;
      case 'ip-link':
        if (source !== 'ovs-vsctl-show') source = 'ip-address';
        if (!section.knowsLinkState) break;
        for (const link of section.links) {
          devices.push({
            name: link.name.text,
            role: 'interface',
            sourceType: undefined,
            ranges: { name: link.name.range, declaration: link.range, type: undefined, definition: link.range },
            nameToken: undefined,
            addressed: link.addressed,
            link: { up: link.flags.includes('UP'), lowerUp: link.flags.includes('LOWER_UP'), master: link.master, state: link.state, flags: link.flags },
          });
        }
        break;
      case 'ovs-ofctl-show':
        source ??= 'ovs-ofctl';
        if (section.bridge) openflow.push({ bridge: section.bridge, ports: section.ports, flows: undefined });
        break;
      case 'ovs-ofctl-dump-flows':
        source ??= 'ovs-ofctl';
        if (section.bridge) openflow.push({ bridge: section.bridge, ports: undefined, flows: section });
        break;
      default:
        break;
    }
  }
  if (!source) return undefined;
  return { layer: 'observed', source, devices, uncertain: false, ...(openflow.length ? { openflow } : {}) };
}

/** One bridge's OpenFlow side in one capture: its port numbers (ovs-ofctl show) or its flows (dump-flows). */
export interface OpenflowView {
  bridge: string;
  ports: OfctlPort[] | undefined;
  flows: DumpFlowsSection | undefined;
}

const ROLE_BY_INTERFACE_TYPE: Record<string, DeviceRole> = {
  '': 'ovs-port',
  system: 'ovs-port',
  internal: 'ovs-internal',
  patch: 'ovs-patch',
  vxlan: 'ovs-tunnel',
  gre: 'ovs-tunnel',
  geneve: 'ovs-tunnel',
  stt: 'ovs-tunnel',
  lisp: 'ovs-tunnel',
};

function vsctlDevices(section: VsctlShowSection): NetworkDevice[] {
  const devices: NetworkDevice[] = [];
  for (const bridge of section.bridges) {
    devices.push({
      name: bridge.name.text,
      role: 'ovs-bridge',
      sourceType: bridge.datapathType,
      ranges: { name: bridge.name.range, declaration: bridge.header, type: undefined, definition: bridge.range },
      nameToken: undefined,
    });
    for (const port of bridge.ports) {
      const bridgeRef = { name: bridge.name.text, token: undefined };
      if (port.interfaces.length > 1) {
        // An OVS bond: the port holds several interfaces.
        devices.push({
          ...portDevice(port.name.text, 'bond', 'bond', port.name.range, port.header, port.range),
          bridge: bridgeRef,
          members: port.interfaces.map((i) => ({ name: i.name.text, token: undefined })),
          ...(port.tag !== undefined ? { tag: port.tag } : {}),
        });
        for (const iface of port.interfaces) devices.push({ ...interfaceDevice(iface), role: 'interface' });
        continue;
      }
      const iface: VsctlInterface | undefined = port.interfaces[0];
      const device: NetworkDevice = iface ? interfaceDevice(iface) : portDevice(port.name.text, 'ovs-port', undefined, port.name.range, port.header, port.range);
      device.name = port.name.text;
      device.ranges = { name: port.name.range, declaration: port.header, type: undefined, definition: port.range };
      device.bridge = bridgeRef;
      if (port.tag !== undefined) device.tag = port.tag;
      devices.push(device);
    }
  }
  return devices;
}

function interfaceDevice(iface: VsctlInterface): NetworkDevice {
  const device = portDevice(iface.name.text, ROLE_BY_INTERFACE_TYPE[iface.type] ?? 'ovs-port', iface.type || undefined, iface.name.range, iface.header, iface.range);
  if (iface.peer) device.peer = { name: iface.peer.text, token: undefined };
  if (iface.error) device.error = iface.error;
  return device;
}

type Range = DeviceRanges['definition'];

function portDevice(name: string, role: DeviceRole, sourceType: string | undefined, nameRange: Range, header: Range, range: Range): NetworkDevice {
  return { name, role, sourceType, ranges: { name: nameRange, declaration: header, type: undefined, definition: range }, nameToken: undefined };
}
