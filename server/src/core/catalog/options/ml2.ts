import type { OptionSpec } from '../model';
import {
  type Choice,
  IntegerType,
  ListType,
  PhysnetMtusType,
  StringType,
  TunnelRangesType,
  VlanRangesType,
  listOfChoices,
} from '../valueTypes';

/** ML2 plugin settings read by neutron-server from ml2_conf.ini (plugin.ini). */

export const NETWORK_TYPES: Choice[] = [
  { value: 'flat', description: 'One untagged network that takes a whole physical network; the physnet must be allowed by flat_networks.' },
  { value: 'vlan', description: 'Networks kept apart by 802.1Q tags on a physical network; physnets and tag pools come from network_vlan_ranges.' },
  { value: 'vxlan', description: 'An overlay: frames travel between hosts inside UDP (VXLAN) packets, between their local_ip addresses; segment IDs come from [ml2_type_vxlan] vni_ranges.' },
  { value: 'geneve', description: 'An overlay using Geneve encapsulation, the one OVN uses; segment IDs come from [ml2_type_geneve] vni_ranges.', since: 'liberty' },
  { value: 'gre', description: 'An overlay: frames travel between hosts inside GRE tunnels, from one tunnel endpoint (local_ip) to another.' },
  { value: 'local', description: 'A network that lives on a single host; nothing leaves that host. Useful only for tests and all-in-one set-ups.' },
];

const MECHANISM_DRIVERS: Choice[] = [
  { value: 'openvswitch', description: 'Binds ports on hosts running the Open vSwitch agent.' },
  { value: 'ovn', description: 'Binds ports through OVN instead of Neutron agents (in Neutron since Ussuri; from networking-ovn before).' },
  { value: 'l2population', description: 'Pre-populates tunnel forwarding entries on the agents (needs l2_population = true on them).' },
  { value: 'linuxbridge', description: 'Binds ports on hosts running the Linux bridge agent.', removedIn: '2025.1' },
  { value: 'sriovnicswitch', description: 'Binds SR-IOV ports (vnic_type direct) on hosts running the SR-IOV agent.', since: 'juno' },
  { value: 'macvtap', description: 'Binds ports on hosts running the macvtap agent.', since: 'mitaka' },
  // Shipped by extension projects: valid once that project is installed beside neutron-server.
  { value: 'opendaylight_v2', description: 'Binds ports through OpenDaylight (networking-odl; reads [ml2_odl]).', since: 'mitaka' },
  { value: 'opendaylight', description: 'The first OpenDaylight driver (networking-odl; reads [ml2_odl]), replaced by opendaylight_v2.', since: 'kilo', removedIn: 'rocky' },
];

const EXTENSION_DRIVERS: Choice[] = [
  { value: 'port_security', description: 'Adds the port_security_enabled attribute to networks and ports.', since: 'kilo' },
  { value: 'qos', description: 'Lets QoS policies be attached to networks and ports.', since: 'liberty' },
  { value: 'dns', description: 'DNS integration: dns_name and dns_domain on ports and networks.', since: 'mitaka' },
  { value: 'dns_domain_ports', description: 'DNS integration with a dns_domain per port.', since: 'pike' },
  { value: 'data_plane_status', description: 'Adds the data_plane_status attribute to ports.', since: 'pike' },
  { value: 'uplink_status_propagation', description: 'Propagates the uplink status to SR-IOV VFs.', since: 'stein' },
  { value: 'tag_ports_during_bulk_creation', description: 'Accepts tags in bulk port creation.', since: 'ussuri' },
  { value: 'subnet_dns_publish_fixed_ip', description: 'Publishes fixed IPs of a subnet in DNS.', since: 'ussuri' },
  { value: 'port_device_profile', description: 'Adds the device_profile attribute to ports (Cyborg).', since: 'wallaby' },
  { value: 'port_numa_affinity_policy', description: 'Adds the numa_affinity_policy attribute to ports.', since: 'wallaby' },
  { value: 'dns_domain_keywords', description: 'Lets dns_domain contain project keywords.', since: 'xena' },
  { value: 'port_hints', description: 'Adds the hints attribute to ports.' },
  { value: 'port_hint_ovs_tx_steering', description: 'Adds the OVS transmit-steering port hint.' },
  { value: 'port_trusted', description: 'Adds the trusted attribute to ports (SR-IOV).' },
  { value: 'port_hardware_offload_type', description: 'Adds the hardware_offload_type attribute to ports.' },
  { value: 'uplink_status_propagation_updatable', description: 'Makes propagate_uplink_status updatable.' },
];

const VNIC_TYPES: Choice[] = ['normal', 'direct', 'direct-physical', 'macvtap', 'baremetal', 'virtio-forwarder', 'smart-nic', 'vdpa', 'remote-managed', 'accelerator-direct', 'accelerator-direct-physical'].map((value) => ({ value }));

const networkTypeList = listOfChoices(NETWORK_TYPES, { mode: 'closed', what: 'network types (flat, vlan, vxlan, geneve, gre, local)', example: 'vxlan' });

export const ML2_OPTIONS: OptionSpec[] = [
  {
    section: 'ml2',
    name: 'type_drivers',
    kinds: ['ml2'],
    type: listOfChoices(NETWORK_TYPES, { mode: 'closed', what: 'network types (flat, vlan, vxlan, geneve, gre, local)', example: 'flat,vlan,vxlan' }),
    provider: true,
    doc: {
      summary: 'Network types neutron-server can create: the type drivers ML2 loads.',
      details:
        'Every type used by a provider network (provider:network_type), by tenant_network_types and by external_network_type must be listed here. Each type has its own section: flat → [ml2_type_flat], vlan → [ml2_type_vlan], vxlan → [ml2_type_vxlan], geneve → [ml2_type_geneve], gre → [ml2_type_gre].',
      example: 'flat,vlan,vxlan',
      whenUnset: 'All types are loaded (local, flat, vlan, gre, vxlan, geneve).',
      whenWrong:
        'A name that is not a type driver stops neutron-server, and so does a type named in tenant_network_types (project_network_types) or external_network_type but missing here ("No type driver for project network_type"). Leaving out a type that networks already use makes those networks unusable, and creating a provider network of that type fails with "network_type value not supported".',
    },
  },
  {
    section: 'ml2',
    name: 'tenant_network_types',
    kinds: ['ml2'],
    type: networkTypeList,
    provider: true,
    doc: {
      summary: 'Network types given, in order of preference, to networks that projects create without provider attributes.',
      details:
        'The first type with free segments wins: vxlan needs vni_ranges, vlan needs network_vlan_ranges with a min:max range. Provider networks (created by an administrator with provider:network_type) do not depend on it. Use an empty value to let projects create no networks of their own.',
      example: 'vxlan',
      whenUnset: 'local: project networks only work within one host; set it to vxlan or vlan for real deployments.',
      whenWrong: 'A type missing from type_drivers stops neutron-server ("No type driver for project network_type"). A type without free ranges makes project network creation fail.',
    },
    history: {
      deprecated: '2026.1',
      replacement: { section: 'ml2', name: 'project_network_types', note: 'Renamed; the old name is still read for now (its removal is planned for 2027.1).' },
    },
  },
  {
    section: 'ml2',
    name: 'project_network_types',
    kinds: ['ml2'],
    type: networkTypeList,
    provider: true,
    facts: { osloType: 'list value', default: ['local'] },
    deprecatedNames: [{ section: 'ml2', name: 'tenant_network_types', since: '2026.1' }],
    doc: {
      summary: 'Network types given, in order of preference, to networks that projects create without provider attributes (the new name of tenant_network_types).',
      details: 'The first type with free segments wins: vxlan needs vni_ranges, vlan needs network_vlan_ranges with a min:max range.',
      example: 'vxlan',
      whenUnset: 'local: project networks only work within one host.',
      whenWrong: 'A type missing from type_drivers stops neutron-server.',
    },
    history: { added: '2026.1' },
  },
  {
    section: 'ml2',
    name: 'mechanism_drivers',
    kinds: ['ml2'],
    type: listOfChoices(MECHANISM_DRIVERS, { mode: 'open', what: 'mechanism driver names (openvswitch, ovn, l2population, sriovnicswitch …)', example: 'openvswitch,l2population' }),
    provider: true,
    doc: {
      summary: 'Mechanism drivers ML2 asks, in order, to bind each port to a host.',
      details:
        'With the OVS agent use openvswitch (and l2population if the agents set l2_population = true); with OVN use ovn. A port binds only when a driver finds, on the port\'s host, an agent that maps the network\'s physnet (for flat and VLAN) or supports its tunnel type.',
      example: 'openvswitch,l2population',
      whenUnset: 'No driver is loaded and no port can be bound: every instance boot fails with a binding error.',
      whenWrong: 'An unknown name stops neutron-server. linuxbridge is gone from 2025.1 on.',
    },
  },
  {
    section: 'ml2',
    name: 'extension_drivers',
    kinds: ['ml2'],
    type: listOfChoices(EXTENSION_DRIVERS, { mode: 'open', what: 'extension driver names (port_security, qos, dns …)', example: 'port_security' }),
    doc: {
      summary: 'ML2 extension drivers that add attributes to networks and ports (port security, QoS, DNS …).',
      example: 'port_security,qos',
      whenWrong: 'An unknown name stops neutron-server. Without port_security, the port_security_enabled attribute does not exist.',
    },
    history: { added: 'juno' },
  },
  {
    section: 'ml2',
    name: 'path_mtu',
    kinds: ['ml2'],
    provider: true,
    doc: {
      summary: 'Largest IP packet, in bytes, the underlay carries between hosts; overlay networks get this minus their encapsulation overhead.',
      details:
        'Together with global_physnet_mtu (neutron.conf) it decides the MTU of VXLAN, Geneve and GRE networks. 0 means use global_physnet_mtu.',
      example: '9000',
      whenWrong: 'Larger than what the underlay really carries: tunnelled packets are dropped and big transfers hang while small ones work.',
    },
    history: { added: 'kilo', changes: [{ release: 'mitaka', text: 'The default was 1500 in Mitaka only; 0 before and after.' }] },
  },
  {
    section: 'ml2',
    name: 'physical_network_mtus',
    kinds: ['ml2'],
    type: new PhysnetMtusType(false),
    factsChanges: [{ since: '2025.1', type: new PhysnetMtusType(true), osloType: 'dict value', default: {}, defaultText: '' }],
    provider: true,
    doc: {
      summary: 'MTU of each physical network, for flat and VLAN networks on physnets whose MTU differs from global_physnet_mtu.',
      format: 'Comma-separated physnet:mtu entries.',
      example: 'physnet1:9000,physnet2:1500',
      details: 'Physnets not listed use global_physnet_mtu (neutron.conf). From 2025.1 oslo.config reads it as a dict, so a physnet given twice is refused outright.',
      whenWrong: 'An MTU above what the physical network carries makes large packets vanish. Before 2025.1 a malformed entry makes neutron-server log an error and ignore the whole option.',
    },
    history: { added: 'kilo', changes: [{ release: '2025.1', text: 'Read as a dict (key:value pairs) instead of a list; the written format stays physnet:mtu.' }] },
  },
  {
    section: 'ml2',
    name: 'external_network_type',
    kinds: ['ml2'],
    type: new StringType({ choices: NETWORK_TYPES, choiceMode: 'closed' }),
    provider: true,
    doc: {
      summary: 'Network type given to external networks created without provider attributes.',
      details: 'Unset, such networks get a type from tenant_network_types like any project network. External networks normally are provider networks (flat or VLAN on the physnet of br-ex), created with explicit provider attributes.',
      example: 'flat',
      whenWrong: 'A type missing from type_drivers stops neutron-server.',
    },
    history: { added: 'liberty' },
  },
  {
    section: 'ml2',
    name: 'overlay_ip_version',
    kinds: ['ml2'],
    type: new IntegerType({}, undefined, [
      { value: 4, description: 'Tunnels run between IPv4 addresses (20 bytes of IP header).' },
      { value: 6, description: 'Tunnels run between IPv6 addresses (40 bytes of IP header).' },
    ]),
    doc: {
      summary: 'IP version (4 or 6) of the addresses tunnels run between.',
      details: 'Used to compute the MTU overhead of VXLAN, Geneve and GRE networks. Set 6 when the agents\' local_ip addresses are IPv6; every agent must then use IPv6 endpoints.',
      example: '4',
      whenWrong: 'Mismatched with the agents\' local_ip, overlay MTUs come out wrong by 20 bytes.',
    },
    history: { added: 'newton', changes: [{ release: '2024.2', text: 'oslo.config itself now refuses values other than 4 and 6.' }] },
  },
  {
    section: 'ml2',
    name: 'tunnelled_network_rp_name',
    kinds: ['ml2'],
    facts: { osloType: 'string value', default: 'rp_tunnelled' },
    doc: { summary: 'Name of the placement resource provider that stands for tunnelled networks, for bandwidth-aware scheduling on overlays.' },
    history: { added: '2023.1' },
  },
  {
    section: 'ml2',
    name: 'segment_mtu',
    kinds: ['ml2'],
    facts: { osloType: 'integer value', default: 0 },
    doc: {
      summary: 'MTU of the physical segments, in Kilo and Liberty.',
      whenWrong: 'Releases from Mitaka on ignore it.',
    },
    history: { added: 'kilo', removed: 'mitaka', replacement: { note: 'Set global_physnet_mtu in neutron.conf (and physical_network_mtus for physnets that differ).' } },
  },

  // ---------------------------------------------------------------- type driver sections
  {
    section: 'ml2_type_flat',
    name: 'flat_networks',
    kinds: ['ml2'],
    type: new ListType(new StringType({ what: 'a physnet name, or * for any', example: 'physnet1' }), { what: 'physnet names, or * to allow any', example: 'physnet1', unique: true }),
    provider: true,
    doc: {
      summary: 'Physical networks on which flat (untagged) provider networks may be created.',
      details:
        'Each physnet can carry one flat network. The names must match the physnet side of bridge_mappings on the agents of the hosts that should reach them; ML2 does not know agents\' mappings when the network is created, so a typo shows up only when ports fail to bind.',
      example: 'physnet1',
      whenUnset: '* (any physnet name is accepted) since Mitaka; before Mitaka the default was empty, which disables flat networks.',
      whenWrong: 'A physnet not listed makes flat network creation fail ("physical_network \'X\' unknown for flat provider network"). An empty value disables flat networks entirely. flat has to be in type_drivers as well.',
    },
    history: { changes: [{ release: 'mitaka', text: 'The default changed from empty (no flat networks) to * (any physnet).' }] },
  },
  {
    section: 'ml2_type_vlan',
    name: 'network_vlan_ranges',
    kinds: ['ml2'],
    type: new VlanRangesType(),
    provider: true,
    doc: {
      summary: 'Physical networks that carry VLAN networks, and the VLAN tags project networks may be given.',
      format: 'Comma-separated physnet or physnet:min:max entries; tags 1–4094, min not above max; a physnet may appear several times.',
      example: 'physnet1:100:199,physnet2',
      details:
        'physnet alone allows provider VLAN networks on it (any tag) without giving project networks any; physnet:min:max also hands out min–max to project networks when vlan is in tenant_network_types. The physnet names must match bridge_mappings on the agents.',
      whenUnset: 'No physnet carries VLANs: VLAN provider networks cannot be created.',
      whenWrong: 'Any parse error (a bad tag, min above max, a missing physnet) stops neutron-server ("Failed to parse network_vlan_ranges"). Tags the physical switches do not trunk to the hosts leave networks silently dead. vlan has to be in type_drivers as well.',
    },
  },
  {
    section: 'ml2_type_gre',
    name: 'tunnel_id_ranges',
    kinds: ['ml2'],
    type: new TunnelRangesType('GRE key', 2 ** 32 - 1),
    doc: {
      summary: 'GRE keys handed out to project networks.',
      format: 'Comma-separated min:max ranges, 1 to 4,294,967,295.',
      example: '1:1000',
      whenWrong: 'A malformed range stops neutron-server.',
    },
  },
  {
    section: 'ml2_type_vxlan',
    name: 'vni_ranges',
    kinds: ['ml2'],
    type: new TunnelRangesType('VXLAN VNI', 2 ** 24 - 1),
    provider: true,
    doc: {
      summary: 'VXLAN network identifiers (VNIs) handed out to project networks.',
      format: 'Comma-separated min:max ranges, 1 to 16,777,215.',
      example: '1:1000',
      whenUnset: 'No VNIs: vxlan project networks cannot be created (provider VXLAN networks with an explicit segmentation id still can).',
      whenWrong: 'A malformed range stops neutron-server.',
    },
  },
  {
    section: 'ml2_type_vxlan',
    name: 'vxlan_group',
    kinds: ['ml2'],
    type: new StringType({ what: 'a multicast address or range in CIDR form', example: '239.1.1.1' }),
    doc: {
      summary: 'Multicast group (or range) for VXLAN broadcast traffic; only the Linux bridge agent uses it.',
      example: '239.1.1.1',
    },
  },
  {
    section: 'ml2_type_geneve',
    name: 'vni_ranges',
    kinds: ['ml2'],
    type: new TunnelRangesType('Geneve VNI', 2 ** 24 - 1),
    doc: {
      summary: 'Geneve network identifiers handed out to project networks (OVN uses Geneve).',
      format: 'Comma-separated min:max ranges, 1 to 16,777,215.',
      example: '1:65536',
      whenWrong: 'A malformed range stops neutron-server.',
    },
    history: { added: 'liberty' },
  },
  {
    section: 'ml2_type_geneve',
    name: 'max_header_size',
    kinds: ['ml2'],
    doc: {
      summary: 'Size in bytes of the Geneve header, used to compute the MTU of Geneve networks.',
      details: 'OVN needs at least 38; keep the default unless the underlay carries extra options.',
      whenWrong: 'Too small: Geneve networks get an MTU that does not fit the underlay, and large packets are lost.',
    },
    history: { added: 'liberty', changes: [{ release: 'newton', text: 'The default changed from 50 to 30.' }] },
  },
  {
    section: 'l2pop',
    name: 'agent_boot_time',
    kinds: ['ml2'],
    facts: { osloType: 'integer value', default: 180 },
    doc: { summary: 'Seconds after an agent starts during which l2population sends it the full forwarding table.' },
    history: { deprecated: 'stein', removed: 'train', replacement: { note: 'No longer needed; the agents ask for the table themselves.' } },
  },

  // ---------------------------------------------------------------- mechanism driver sections
  {
    section: 'ovs_driver',
    name: 'vnic_type_prohibit_list',
    kinds: ['ml2'],
    type: listOfChoices(VNIC_TYPES, { mode: 'open', example: 'direct' }),
    doc: { summary: 'VNIC types the openvswitch mechanism driver refuses to bind, leaving them to other drivers.', example: 'direct' },
    deprecatedNames: [{ section: 'ovs_driver', name: 'vnic_type_blacklist', nameSince: 'stein', since: 'victoria', removed: '2024.1' }],
    history: { added: 'victoria', changes: [{ release: 'victoria', text: 'Renamed from vnic_type_blacklist (added in Stein); the old name was read until 2024.1.' }] },
  },
  {
    section: 'sriov_driver',
    name: 'vnic_type_prohibit_list',
    kinds: ['ml2'],
    type: listOfChoices(VNIC_TYPES, { mode: 'open', example: 'direct-physical' }),
    doc: { summary: 'VNIC types the sriovnicswitch mechanism driver refuses to bind.', example: 'direct-physical' },
    deprecatedNames: [{ section: 'sriov_driver', name: 'vnic_type_blacklist', nameSince: 'stein', since: 'victoria', removed: '2024.1' }],
    history: { added: 'victoria', changes: [{ release: 'victoria', text: 'Renamed from vnic_type_blacklist (added in Stein); the old name was read until 2024.1.' }] },
  },
];
