import type { NetworkSourceName } from './devices';

/**
 * How each network source is named in messages, and how it spells the
 * things a message asks the operator to write. Rules stay format-neutral by
 * asking here instead of spelling ifcfg variables themselves.
 */
export interface SourceVocabulary {
  /** "ifcfg file", "NetworkManager keyfile", … */
  label: string;
  /** How this source creates an OVS bridge of that name. */
  createsBridge(bridge: string): string;
  /** How this source attaches a port to a bridge. */
  attachesTo(bridge: string): string;
  /** The device's type as this source writes it ("TYPE=Bridge", "no TYPE"). */
  typeClause(sourceType: string | undefined): string;
  /** The types that make an OVS bridge, as this source writes them. */
  bridgeTypes: string;
  /** What happens at boot to a device whose bridge (or port) has no configuration. */
  missingController(device: string, controller: string): string;
}

const IFUP_MISSING = (device: string, bridge: string) =>
  `Bringing up "${device}" first tries to bring up "${bridge}", which fails because there is no configuration for it, so "${device}" is not attached to any bridge.`;
const NM_MISSING = (device: string, controller: string) =>
  `NetworkManager activates "${device}" only once its controller "${controller}" is active, and no profile provides it, so "${device}" stays down and carries no traffic.`;
const CAPTURE_MISSING = (device: string, bridge: string) => `The capture shows "${device}" on "${bridge}", but no bridge of that name.`;

const VOCABULARY: Record<NetworkSourceName, SourceVocabulary> = {
  ifcfg: {
    label: 'ifcfg file',
    createsBridge: (bridge) => `TYPE=OVSBridge with DEVICE=${bridge}`,
    attachesTo: (bridge) => `OVS_BRIDGE=${bridge}`,
    typeClause: (type) => (type === undefined ? 'no TYPE' : `TYPE=${type}`),
    bridgeTypes: 'TYPE=OVSBridge or TYPE=OVSUserBridge',
    missingController: IFUP_MISSING,
  },
  'nm-keyfile': {
    label: 'NetworkManager keyfile',
    createsBridge: (bridge) => `type=ovs-bridge with interface-name=${bridge}`,
    attachesTo: (bridge) => `an ovs-port profile with controller=${bridge}`,
    typeClause: (type) => (type === undefined ? 'no type' : `type=${type}`),
    bridgeTypes: 'type=ovs-bridge',
    missingController: NM_MISSING,
  },
  'os-net-config': {
    label: 'os-net-config file',
    createsBridge: (bridge) => `type: ovs_bridge with name: ${bridge}`,
    attachesTo: (bridge) => `a member of the ovs_bridge ${bridge}`,
    typeClause: (type) => (type === undefined ? 'no type' : `type: ${type}`),
    bridgeTypes: 'type: ovs_bridge or ovs_user_bridge',
    missingController: (device, bridge) => `os-net-config adds "${device}" to "${bridge}", which it does not create, so the ovs-vsctl call fails and "${device}" is on no bridge.`,
  },
  'ovs-vsctl-show': {
    label: '`ovs-vsctl show` capture',
    createsBridge: (bridge) => `Bridge ${bridge}`,
    attachesTo: (bridge) => `a Port under Bridge ${bridge}`,
    typeClause: (type) => (type === undefined ? 'no type' : `type: ${type}`),
    bridgeTypes: 'a Bridge',
    missingController: CAPTURE_MISSING,
  },
  'ip-address': {
    label: '`ip address` capture',
    createsBridge: (bridge) => `an ovs-system device ${bridge}`,
    attachesTo: () => 'master ovs-system',
    typeClause: (type) => (type === undefined ? 'no link type' : `link type ${type}`),
    bridgeTypes: 'an openvswitch device',
    missingController: CAPTURE_MISSING,
  },
  'ovs-ofctl': {
    label: '`ovs-ofctl` capture',
    createsBridge: (bridge) => `ovs-ofctl show ${bridge}`,
    attachesTo: (bridge) => `a port of ${bridge}`,
    typeClause: () => 'no type',
    bridgeTypes: 'a bridge',
    missingController: CAPTURE_MISSING,
  },
};

export function vocabulary(source: NetworkSourceName): SourceVocabulary {
  return VOCABULARY[source];
}

/** "ifcfg file", or "ifcfg file or NetworkManager keyfile" when a host mixes sources. */
export function sourceLabels(sources: readonly NetworkSourceName[]): string {
  const labels = sources.map((s) => VOCABULARY[s].label);
  return labels.length <= 1 ? (labels[0] ?? 'network configuration file') : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
}

/** "(TYPE=OVSBridge with DEVICE=br-ex)", one spelling per source present. */
export function createsBridgeHint(sources: readonly NetworkSourceName[], bridge: string): string {
  return sources.map((s) => VOCABULARY[s].createsBridge(bridge)).join('; or ');
}

export function attachesToHint(sources: readonly NetworkSourceName[], bridge: string): string {
  return sources.map((s) => VOCABULARY[s].attachesTo(bridge)).join('; or ');
}
