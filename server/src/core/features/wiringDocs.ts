import { NETWORK_TYPES } from '../catalog/options/ml2';
import type { FileKind } from '../settings';
import { DEFAULT_TYPE_DRIVERS, ovsAgentFactsOf } from '../workspace/facts';
import type { IndexedFile } from '../workspace/model';

/**
 * The options that wire provider networks across files and hosts, and how
 * hover and completion read their values (which element is a physnet, a
 * bridge, a type driver). What an option does, its default and history come
 * from the option catalogue (catalog/), the one table behind hover,
 * completion and checking; this file only adds the cross-file view.
 */

/** How a value is split into elements, so features know what an element under the cursor means. */
export type ValueShape =
  /** `physnet:bridge` pairs, comma-separated. */
  | 'physnet-bridge-mappings'
  /** `physnet:device` pairs of the Linux bridge and SR-IOV agents: a NIC, a physical function, or a Linux bridge. */
  | 'physnet-device-mappings'
  /** Comma-separated physnet names (`*` allowed). */
  | 'physnet-list'
  /** `physnet` or `physnet:min:max` entries, comma-separated. */
  | 'vlan-ranges'
  /** Comma-separated type driver names. */
  | 'type-driver-list'
  /** One type driver name. */
  | 'type-driver'
  /** One OVS bridge name. */
  | 'bridge'
  /** A comma-separated list of free names. */
  | 'list';

export interface OptionDoc {
  kind: FileKind;
  section: string;
  name: string;
  value: ValueShape;
  /** Markdown shown after the catalogue's explanation (for bridge_mappings, the packet path). */
  more?: string;
}

const PACKET_PATH = [
  'How a packet of an instance on a flat or VLAN provider network leaves this host:',
  '',
  '1. The instance writes to its `eth0`; on the host that is a **tap** device.',
  '2. With the `iptables_hybrid` firewall the tap sits in a small Linux bridge **`qbr-…`** where the security group rules run as iptables rules; the veth pair `qvb-…`/`qvo-…` links it to br-int. Other firewall drivers plug the tap into br-int directly.',
  '3. On the integration bridge **br-int** the port carries a *local* VLAN tag that the agent picked for this network. The tag only has meaning inside this host and usually differs between hosts.',
  '4. br-int hands the frame to the patch port **`int-<bridge>`**, whose peer **`phy-<bridge>`** sits on the bridge this option maps the physnet to.',
  '5. A flow on that bridge takes the local tag off (for a VLAN network it puts the network\'s own VLAN tag in its place).',
  '6. The frame leaves through the **physical interface** (or bond) attached to the bridge, for example `eth1`.',
  '',
  'Incoming traffic takes the same road backwards: it arrives untagged (or with the network\'s tag) on the NIC, crosses the mapped bridge and the patch ports, and a flow on br-int gives it the local tag again (`mod_vlan_vid`) before it reaches the instance\'s port.',
].join('\n');

const DOCS: readonly OptionDoc[] = [
  { kind: 'ovs-agent', section: 'ovs', name: 'bridge_mappings', value: 'physnet-bridge-mappings', more: PACKET_PATH },
  { kind: 'ovs-agent', section: 'ovs', name: 'integration_bridge', value: 'bridge' },
  { kind: 'linuxbridge-agent', section: 'linux_bridge', name: 'physical_interface_mappings', value: 'physnet-device-mappings' },
  { kind: 'linuxbridge-agent', section: 'linux_bridge', name: 'bridge_mappings', value: 'physnet-device-mappings' },
  { kind: 'sriov-agent', section: 'sriov_nic', name: 'physical_device_mappings', value: 'physnet-device-mappings' },
  { kind: 'ovs-agent', section: 'ovs', name: 'tunnel_bridge', value: 'bridge' },
  { kind: 'ml2', section: 'ml2', name: 'type_drivers', value: 'type-driver-list' },
  { kind: 'ml2', section: 'ml2', name: 'tenant_network_types', value: 'type-driver-list' },
  { kind: 'ml2', section: 'ml2', name: 'project_network_types', value: 'type-driver-list' },
  { kind: 'ml2', section: 'ml2', name: 'external_network_type', value: 'type-driver' },
  { kind: 'ml2', section: 'ml2', name: 'mechanism_drivers', value: 'list' },
  { kind: 'ml2', section: 'ml2_type_flat', name: 'flat_networks', value: 'physnet-list' },
  { kind: 'ml2', section: 'ml2_type_vlan', name: 'network_vlan_ranges', value: 'vlan-ranges' },
  { kind: 'l3-agent', section: 'DEFAULT', name: 'external_network_bridge', value: 'bridge' },
];

const BY_KEY = new Map<string, OptionDoc>(DOCS.map((doc) => [key(doc.kind, doc.section, doc.name), doc]));

function key(kind: FileKind, section: string, name: string): string {
  return `${kind}\u0000${section}\u0000${name}`;
}

/** The entry for an option as it stands in a file of `kind`, if it is one of the wiring options. */
export function optionDoc(kind: FileKind, section: string | undefined, name: string): OptionDoc | undefined {
  return section === undefined ? undefined : BY_KEY.get(key(kind, section, name));
}

/** The wiring doc of an option in this file: an ML2 file that an agent reads too (Ml2Facts.agent) has the agent's [ovs] options. */
export function optionDocIn(file: IndexedFile, section: string | undefined, name: string): OptionDoc | undefined {
  return optionDoc(file.kind, section, name) ?? (ovsAgentFactsOf(file.facts) ? optionDoc('ovs-agent', section, name) : undefined);
}

export function allOptionDocs(): readonly OptionDoc[] {
  return DOCS;
}

/** A network type ML2 can load, in the order Neutron lists them by default. */
export interface TypeDriverDoc {
  name: string;
  /** One line: what a network of this type is (the catalogue's description of the choice). */
  description: string;
}

export const TYPE_DRIVERS: readonly TypeDriverDoc[] = DEFAULT_TYPE_DRIVERS.map((name) => ({
  name,
  description: NETWORK_TYPES.find((t) => t.value === name)?.description ?? '',
}));

export function typeDriverDoc(name: string): TypeDriverDoc | undefined {
  return TYPE_DRIVERS.find((t) => t.name === name);
}
