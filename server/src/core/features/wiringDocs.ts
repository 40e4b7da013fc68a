import type { FileKind } from '../settings';

/**
 * What hover and completion say about the options that wire provider
 * networks: one entry per (file kind, section, option). Data only; the option
 * catalogue can add entries or fields without touching the features.
 */

/** How a value is split into elements, so features know what an element under the cursor means. */
export type ValueShape =
  /** `physnet:bridge` pairs, comma-separated. */
  | 'physnet-bridge-mappings'
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
  /** The file users know the option from. */
  fileName: string;
  value: ValueShape;
  /** One sentence: what the option does. */
  summary: string;
  /** Markdown: how the value is written. */
  format: string;
  /** A line as it would stand in the file. */
  example: string;
  /** Markdown: the value when the option is absent. */
  defaultValue: string;
  /** Markdown sentences: what happens when the value is wrong. */
  whenWrong: string[];
  /** Markdown sentences: changes across releases. */
  history?: string[];
  /** Markdown: anything else worth knowing (for bridge_mappings, the packet path). */
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
  {
    kind: 'ovs-agent',
    section: 'ovs',
    name: 'bridge_mappings',
    fileName: 'openvswitch_agent.ini',
    value: 'physnet-bridge-mappings',
    summary: 'Tells the Open vSwitch agent on this host which OVS bridge leads to each physical network (physnet), so flat and VLAN networks can reach the wire.',
    format: 'Comma-separated `physnet:bridge` pairs with exactly one `:` each. A physnet may appear only once, and so may a bridge. The physnet names must match the ones the ML2 configuration declares (`flat_networks`, `network_vlan_ranges`), letter for letter.',
    example: 'bridge_mappings = physnet1:br-ex,physnet2:br-vlan',
    defaultValue: 'empty: this host can carry only tunnel (overlay) networks; no flat or VLAN port can be bound here.',
    whenWrong: [
      'A physnet or bridge listed twice makes the agent exit at start, complaining that the mappings are not unique.',
      'A bridge that does not exist in Open vSwitch makes the agent log that the bridge for that physical network is missing and stop. The agent creates br-int and br-tun itself, but never the mapped bridges.',
      'A physnet that a network uses but this host does not map leaves its ports unbound: users only see "Binding failed", and the reason is logged at DEBUG level.',
      'Mapping a physnet to the integration or tunnel bridge breaks the agent\'s own plumbing.',
      'Bridge names longer than 11 characters get hashed patch port names, which are hard to recognise when debugging.',
    ],
    more: PACKET_PATH,
  },
  {
    kind: 'ovs-agent',
    section: 'ovs',
    name: 'integration_bridge',
    fileName: 'openvswitch_agent.ini',
    value: 'bridge',
    summary: 'Names the central OVS bridge that every instance, router and DHCP port is plugged into; the agent creates it and wires it to the other bridges.',
    format: 'One bridge name.',
    example: 'integration_bridge = br-int',
    defaultValue: '`br-int`',
    whenWrong: [
      'It must not appear in `bridge_mappings`: that would tie a physical network to the bridge the agent manages itself.',
      'Services that plug ports (the compute service, the DHCP and L3 agents) have to use the same name, or their ports never reach the agent\'s flows.',
    ],
    history: ['The older spelling `ovs_integration_bridge` was deprecated in Ussuri and removed in 2024.1.'],
  },
  {
    kind: 'ovs-agent',
    section: 'ovs',
    name: 'tunnel_bridge',
    fileName: 'openvswitch_agent.ini',
    value: 'bridge',
    summary: 'Names the OVS bridge that holds the GRE, VXLAN or Geneve tunnel ports to other hosts; the agent creates it when tunnelling is enabled.',
    format: 'One bridge name.',
    example: 'tunnel_bridge = br-tun',
    defaultValue: '`br-tun`',
    whenWrong: ['It must not appear in `bridge_mappings`: the agent owns this bridge and rewrites its flows.'],
  },
  {
    kind: 'ml2',
    section: 'ml2',
    name: 'type_drivers',
    fileName: 'ml2_conf.ini',
    value: 'type-driver-list',
    summary: 'Chooses which network types (flat, VLAN, the tunnel types, …) neutron-server loads and therefore accepts.',
    format: 'Comma-separated type driver names: `local`, `flat`, `vlan`, `gre`, `vxlan`, `geneve`.',
    example: 'type_drivers = vxlan,flat,vlan',
    defaultValue: 'all of them: `local,flat,vlan,gre,vxlan,geneve`.',
    whenWrong: [
      'A type named in `tenant_network_types` (`project_network_types`) or `external_network_type` but missing here stops neutron-server at start ("No type driver for project network_type").',
      'Without `flat` here no flat provider network can be created, whatever `flat_networks` says; the same holds for `vlan` and `network_vlan_ranges`.',
    ],
  },
  {
    kind: 'ml2',
    section: 'ml2',
    name: 'tenant_network_types',
    fileName: 'ml2_conf.ini',
    value: 'type-driver-list',
    summary: 'Lists, in order of preference, the network types used for networks that projects create without provider attributes.',
    format: 'Comma-separated type driver names; the first type that still has a free segment wins.',
    example: 'tenant_network_types = vxlan',
    defaultValue: '`local`',
    whenWrong: ['Every type listed must also be in `type_drivers`, or neutron-server stops at start ("No type driver for project network_type").'],
    history: ['2026.1 renames it `project_network_types`; the old name is still read, and its removal is planned for 2027.1.'],
  },
  {
    kind: 'ml2',
    section: 'ml2',
    name: 'project_network_types',
    fileName: 'ml2_conf.ini',
    value: 'type-driver-list',
    summary: 'Lists, in order of preference, the network types used for networks that projects create without provider attributes.',
    format: 'Comma-separated type driver names; the first type that still has a free segment wins.',
    example: 'project_network_types = vxlan',
    defaultValue: '`local`',
    whenWrong: ['Every type listed must also be in `type_drivers`, or neutron-server stops at start ("No type driver for project network_type").'],
    history: ['The 2026.1 name of `tenant_network_types`. Releases before 2026.1 do not know it and use `tenant_network_types` only.'],
  },
  {
    kind: 'ml2',
    section: 'ml2',
    name: 'external_network_type',
    fileName: 'ml2_conf.ini',
    value: 'type-driver',
    summary: 'Sets the network type given to an external network that an administrator creates without provider attributes.',
    format: 'One type driver name.',
    example: 'external_network_type = flat',
    defaultValue: 'unset: external networks are typed like project networks (`tenant_network_types`).',
    whenWrong: ['The type must be in `type_drivers`, or neutron-server stops at start ("No type driver for project network_type").'],
  },
  {
    kind: 'ml2',
    section: 'ml2',
    name: 'mechanism_drivers',
    fileName: 'ml2_conf.ini',
    value: 'list',
    summary: 'Chooses the back-ends that bind ports to hosts, tried in the order given (for example `openvswitch`, `l2population`, `sriovnicswitch`, `macvtap`, `ovn`, `logger`).',
    format: 'Comma-separated driver names.',
    example: 'mechanism_drivers = openvswitch,l2population',
    defaultValue: 'empty: no driver binds ports, so every port fails to bind.',
    whenWrong: ['Hosts running the Open vSwitch agent need `openvswitch` here; without it their ports end up with "Binding failed".'],
    history: ['The `linuxbridge` driver was removed in 2025.1.'],
  },
  {
    kind: 'ml2',
    section: 'ml2_type_flat',
    name: 'flat_networks',
    fileName: 'ml2_conf.ini',
    value: 'physnet-list',
    summary: 'Lists the physical networks on which flat (untagged) networks may be created: one flat network takes a whole physnet.',
    format: 'Comma-separated physnet names, or `*` for any name. An empty value turns flat networks off.',
    example: 'flat_networks = physnet1,physnet2',
    defaultValue: '`*` since Mitaka (empty before).',
    whenWrong: [
      'Creating a flat network on a physnet not listed fails with "physical_network \'X\' unknown for flat provider network".',
      'The names must match the `bridge_mappings` of the agents exactly (case counts), or ports on that network cannot bind.',
      '`flat` has to be in `type_drivers` as well.',
    ],
  },
  {
    kind: 'ml2',
    section: 'ml2_type_vlan',
    name: 'network_vlan_ranges',
    fileName: 'ml2_conf.ini',
    value: 'vlan-ranges',
    summary: 'Declares the physical networks that carry VLAN networks and the pools of VLAN tags project networks may take from them.',
    format: 'Comma-separated entries, each `physnet` (all tags 1–4094) or `physnet:min:max` with 1 ≤ min ≤ max ≤ 4094. A physnet may have several ranges.',
    example: 'network_vlan_ranges = physnet2:100:199,physnet2:300:399',
    defaultValue: 'empty: no physnet is declared for VLAN networks.',
    whenWrong: [
      'Any malformed entry (a tag outside 1–4094, min above max, an empty physnet name) stops neutron-server ("Failed to parse network_vlan_ranges").',
      'The physnet names must match the `bridge_mappings` of the agents exactly, and `vlan` has to be in `type_drivers`.',
    ],
  },
  {
    kind: 'l3-agent',
    section: 'DEFAULT',
    name: 'external_network_bridge',
    fileName: 'l3_agent.ini',
    value: 'bridge',
    summary: 'Makes the L3 agent plug router gateway ports straight into the named bridge instead of going through br-int and `bridge_mappings`.',
    format: 'One bridge name, or an empty value to use `bridge_mappings`.',
    example: 'external_network_bridge =',
    defaultValue: '`br-ex` up to Mitaka; empty from Newton on.',
    whenWrong: [
      'With a non-empty value, an external network that is a flat or VLAN provider network does not work: the gateway bypasses the physnet wiring. Leave the value empty.',
    ],
    history: ['Deprecated in Liberty and removed in Stein; since Stein the agent silently ignores it.'],
  },
];

const BY_KEY = new Map<string, OptionDoc>(DOCS.map((doc) => [key(doc.kind, doc.section, doc.name), doc]));

function key(kind: FileKind, section: string, name: string): string {
  return `${kind}\u0000${section}\u0000${name}`;
}

/** The entry for an option as it stands in a file of `kind`, if it is one of the wiring options. */
export function optionDoc(kind: FileKind, section: string | undefined, name: string): OptionDoc | undefined {
  return section === undefined ? undefined : BY_KEY.get(key(kind, section, name));
}

export function allOptionDocs(): readonly OptionDoc[] {
  return DOCS;
}

/** The option's explanation as markdown (title, summary, format with example, default, consequences, history, more). */
export function renderOptionDoc(doc: OptionDoc): string {
  const out = [`**[${doc.section}] ${doc.name}** · \`${doc.fileName}\``, '', doc.summary, '', `**Format:** ${doc.format}`, '', '```ini', doc.example, '```', '', `**Default:** ${doc.defaultValue}`, '', '**When it is wrong:**', ...doc.whenWrong.map((s) => `- ${s}`)];
  if (doc.history?.length) out.push('', '**Releases:**', ...doc.history.map((s) => `- ${s}`));
  if (doc.more) out.push('', doc.more);
  return out.join('\n');
}

/** A network type ML2 can load, in the order Neutron lists them by default. */
export interface TypeDriverDoc {
  name: string;
  /** One line: what a network of this type is. */
  description: string;
}

export const TYPE_DRIVERS: readonly TypeDriverDoc[] = [
  { name: 'local', description: 'A network that lives on a single host; nothing leaves that host. Useful only for tests and all-in-one setups.' },
  { name: 'flat', description: 'One untagged network that takes a whole physical network; the physnet must be allowed by `flat_networks`.' },
  { name: 'vlan', description: 'Networks kept apart by 802.1Q tags on a physical network; physnets and tag pools come from `network_vlan_ranges`.' },
  { name: 'gre', description: 'An overlay: frames travel between hosts inside GRE tunnels, from one tunnel endpoint (`local_ip`) to another.' },
  { name: 'vxlan', description: 'An overlay: frames travel between hosts inside UDP (VXLAN) packets; segment IDs come from `vni_ranges`.' },
  { name: 'geneve', description: 'An overlay using Geneve encapsulation, the one OVN uses; segment IDs come from `[ml2_type_geneve] vni_ranges`.' },
];

export function typeDriverDoc(name: string): TypeDriverDoc | undefined {
  return TYPE_DRIVERS.find((t) => t.name === name);
}
