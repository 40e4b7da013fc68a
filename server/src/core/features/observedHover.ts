import type { VlanFlow } from '../captures/model';
import type { HostDevice, NetworkLayer } from '../network/hostNetwork';
import { agentPatchPair } from '../network/patchPorts';
import type { HostView } from '../workspace/views';
import { code } from './markdownHover';

/**
 * What the host's captures show of a mapped bridge, for hovers: its ports in
 * OVSDB, the patch pair with OpenFlow port numbers, the local VLANs its flows
 * and br-int's handle, and the uplink NIC's link state. Empty when the host
 * has no capture of the bridge.
 */
export function observedBridgeLines(host: HostView, bridge: string, integration: string): string[] {
  const observed = host.network.observed;
  if (!observed.present) return [];
  const out: string[] = [];
  const inOvsdb = observed.bridge(bridge);
  const knowsOvsdb = observed.has('ovs-vsctl-show');
  if (inOvsdb.length) {
    const ports = observed.portsOf(bridge).filter((p) => p.file.facts.network?.source === 'ovs-vsctl-show');
    out.push(`- In OVSDB (${code(inOvsdb[0].file.relativePath)}): ${ports.length ? ports.map(describePort).join(', ') : '*no port*'}`);
  } else if (knowsOvsdb) out.push(`- ⚠ Not in OVSDB: the captured \`ovs-vsctl show\` has no bridge ${code(bridge)}.`);
  if (bridge !== integration && (inOvsdb.length || observed.openflow(bridge))) {
    const names = agentPatchPair(bridge);
    const int = portNumber(observed, integration, names.integration);
    const phy = portNumber(observed, bridge, names.physical);
    const intSeen = observed.portsOf(integration).some((p) => p.name === names.integration && p.role === 'ovs-patch');
    const phySeen = observed.portsOf(bridge).some((p) => p.name === names.physical && p.role === 'ovs-patch');
    if (knowsOvsdb || int !== undefined || phy !== undefined) {
      const side = (name: string, on: string, number: number | undefined, seen: boolean) =>
        `${code(name)} on ${code(on)}${number !== undefined ? ` (OpenFlow port ${number})` : ''}${knowsOvsdb && !seen ? ' ⚠ missing' : ''}`;
      out.push(`- Patch pair: ${side(names.integration, integration, int, intSeen)} ↔ ${side(names.physical, bridge, phy, phySeen)}`);
    }
    const vlans = localVlans(observed, integration, bridge);
    if (vlans) out.push(`- ${vlans}`);
  }
  for (const port of observed.portsOf(bridge)) {
    if (port.role !== 'ovs-port' || port.file.facts.network?.source !== 'ovs-vsctl-show') continue;
    const link = observed.devicesNamed(port.name).find((d) => d.link)?.link;
    if (link) {
      const ok = link.up && link.lowerUp && link.master === 'ovs-system';
      out.push(`- ${code(port.name)}: ${link.flags.join(',') || 'no flags'}${link.master ? `, master ${link.master}` : ''}${ok ? '' : ' ⚠'}`);
    }
  }
  return out;
}

/** The packet path of the guide, with this host's captured names and numbers. */
export function observedPacketPath(host: HostView, bridge: string, integration: string): string | undefined {
  const observed = host.network.observed;
  if (!observed.present || bridge === integration) return undefined;
  const names = agentPatchPair(bridge);
  const int = portNumber(observed, integration, names.integration);
  const phy = portNumber(observed, bridge, names.physical);
  const tagged = flows(observed, integration).filter((f) => f.setsVlan !== undefined && (f.matchUntagged || f.matchVlan !== undefined) && (int === undefined || f.inPort === String(int) || f.inPort === names.integration));
  const untagged = flows(observed, bridge).filter((f) => f.matchVlan !== undefined && (f.strips || f.setsVlan !== undefined) && (phy === undefined || f.inPort === String(phy) || f.inPort === names.physical));
  const uplinks = observed.portsOf(bridge).filter((p) => (p.role === 'ovs-port' || p.role === 'bond') && p.file.facts.network?.source === 'ovs-vsctl-show');
  if (int === undefined && phy === undefined && tagged.length === 0 && untagged.length === 0 && uplinks.length === 0) return undefined;
  const vlan = untagged[0]?.matchVlan ?? tagged[0]?.setsVlan;
  const out = [`**On ${host.host.name}, as captured** (${code(bridge)}):`, ''];
  out.push(`1. On ${code(integration)} the instance's port carries local VLAN ${vlan ?? '*N*'}.`);
  out.push(`2. ${code(names.integration)}${int !== undefined ? ` (port ${int})` : ''} hands it to ${code(names.physical)}${phy !== undefined ? ` (port ${phy})` : ''} on ${code(bridge)}.`);
  const out1 = untagged.find((f) => f.matchVlan === vlan) ?? untagged[0];
  if (out1) out.push(`3. ${code(bridge)} matches \`dl_vlan=${out1.matchVlan}\` and ${out1.strips ? 'strips the tag (`strip_vlan`): a flat network' : `sets VLAN ${out1.setsVlan}: a VLAN network`}.`);
  if (uplinks.length) out.push(`4. The frame leaves through ${uplinks.map((u) => code(u.name)).join(', ')}.`);
  const in1 = tagged.find((f) => f.setsVlan === vlan) ?? tagged[0];
  if (in1) out.push('', `Back in: ${code(integration)} gives traffic from ${code(names.integration)} local VLAN ${in1.setsVlan} (\`mod_vlan_vid:${in1.setsVlan}\`).`);
  return out.join('\n');
}

function describePort(port: HostDevice): string {
  if (port.role === 'ovs-patch') return `${code(port.name)} (patch ↔ ${code(port.peer?.name ?? '?')})`;
  if (port.role === 'ovs-internal') return `${code(port.name)} (internal)`;
  if (port.role === 'bond') return `${code(port.name)} (bond of ${(port.members ?? []).map((m) => code(m.name)).join(', ')})`;
  return `${code(port.name)}${port.sourceType && port.sourceType !== 'system' ? ` (${port.sourceType})` : ''}${port.error ? ' ⚠ error' : ''}`;
}

function portNumber(observed: NetworkLayer, bridge: string, port: string): number | undefined {
  return observed.openflow(bridge)?.ports.get(port)?.port.number;
}

function flows(observed: NetworkLayer, bridge: string): VlanFlow[] {
  return (observed.openflow(bridge)?.flows ?? []).flatMap((f) => [...f.section.vlanFlows]);
}

function localVlans(observed: NetworkLayer, integration: string, bridge: string): string | undefined {
  const tags = [...new Set(flows(observed, integration).flatMap((f) => (f.setsVlan !== undefined && (f.matchUntagged || f.matchVlan !== undefined) ? [f.setsVlan] : [])))];
  const strips = [...new Set(flows(observed, bridge).flatMap((f) => (f.matchVlan !== undefined && (f.strips || f.setsVlan !== undefined) ? [f.matchVlan] : [])))];
  if (!tags.length && !strips.length) return undefined;
  const parts: string[] = [];
  if (observed.openflow(integration)?.flows.length) parts.push(`${code(integration)} tags local VLAN ${tags.join(', ') || 'none'}`);
  if (observed.openflow(bridge)?.flows.length) parts.push(`${code(bridge)} untags local VLAN ${strips.join(', ') || 'none'}`);
  return `Flows: ${parts.join('; ')}`;
}
