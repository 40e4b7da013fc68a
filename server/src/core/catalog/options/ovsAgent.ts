import type { OptionSpec } from '../model';
import {
  BridgeMappingsType,
  type Choice,
  DictType,
  FloatType,
  HostAddressType,
  IntegerType,
  PortType,
  ResourceRatesType,
  StringType,
  listOfChoices,
} from '../valueTypes';

/** Settings the Open vSwitch agent (neutron-openvswitch-agent) reads from openvswitch_agent.ini. */

const TUNNEL_TYPES: Choice[] = [
  { value: 'vxlan', description: 'VXLAN tunnels to other hosts, over UDP vxlan_udp_port.' },
  { value: 'gre', description: 'GRE tunnels to other hosts.' },
  { value: 'geneve', description: 'Geneve tunnels to other hosts.', since: 'liberty' },
];

const L2_EXTENSIONS: Choice[] = [
  { value: 'qos', description: 'Applies QoS policies (bandwidth limits, DSCP marking, minimum bandwidth) to ports.', since: 'liberty' },
  { value: 'fdb', description: 'Adds forwarding entries for ports to the bridges of shared SR-IOV NICs.', since: 'newton' },
  { value: 'log', description: 'Logs packets accepted or dropped by security groups (needs firewall_driver = openvswitch).', since: 'queens' },
  { value: 'dhcp', description: 'Answers DHCP for the host\'s ports in OpenFlow, without a DHCP agent.', since: 'xena' },
  { value: 'local_ip', description: 'Implements Local IP resources in OpenFlow.', since: 'yoga' },
  { value: 'metadata_path', description: 'Serves instance metadata through the agent, without an L3 or DHCP namespace proxy.', since: '2025.1' },
  // Shipped by extension projects: valid once that project is installed on the host.
  { value: 'fwaas_v2', description: 'Applies firewall groups to VM ports (neutron-fwaas; reads [fwaas]).', since: 'queens' },
  { value: 'sfc', description: 'Programs service function chains in OpenFlow (networking-sfc).', since: 'newton' },
  { value: 'bagpipe_bgpvpn', description: 'Attaches networks to BGP VPNs through BaGPipe (networking-bgpvpn until Ocata, networking-bagpipe after).', since: 'mitaka' },
];

const INVENTORY_KEYS: Choice[] = [
  { value: 'allocation_ratio', description: 'Overcommit factor (non-negative decimal).' },
  { value: 'min_unit', description: 'Smallest amount one allocation may ask for (non-negative integer).' },
  { value: 'max_unit', description: 'Largest amount one allocation may ask for (non-negative integer).' },
  { value: 'reserved', description: 'Amount kept out of allocations (non-negative integer).' },
  { value: 'step_size', description: 'Allocations must be a multiple of this (non-negative integer).' },
];

const inventoryDefaults = new DictType({
  keys: INVENTORY_KEYS,
  valueFor: {
    allocation_ratio: new FloatType({ min: 0 }),
    min_unit: new IntegerType({ min: 0 }),
    max_unit: new IntegerType({ min: 0 }),
    reserved: new IntegerType({ min: 0 }),
    step_size: new IntegerType({ min: 0 }),
  },
  example: 'allocation_ratio:1.0,min_unit:1,step_size:1',
  consequence: 'the agent refuses the value and stops.',
});

export const OVS_AGENT_OPTIONS: OptionSpec[] = [
  // ---------------------------------------------------------------- [ovs]
  {
    section: 'ovs',
    name: 'integration_bridge',
    kinds: ['ovs-agent', 'l3-agent', 'dhcp-agent'],
    perKind: {
      // neutron/agent/dhcp_agent.py registers neutron.conf.plugins.ml2.drivers.ovs_conf from 16.0.0 (absent @15.0.0).
      'dhcp-agent': {
        inSample: false,
        history: { added: 'ussuri' },
        doc: {
          summary: 'The OVS integration bridge the DHCP agent plugs the ports of its namespaces into; must be the OVS agent\'s integration_bridge.',
          details: 'The DHCP agent reads it since Ussuri, when it replaced [DEFAULT] ovs_integration_bridge; dhcp_agent.ini samples do not list it.',
          example: 'br-int',
          whenWrong: 'A bridge other than the OVS agent\'s integration_bridge leaves DHCP ports outside the agent\'s flows: instances get no address.',
        },
      },
      'l3-agent': {
        inSample: false,
        history: { added: 'ussuri' },
        doc: {
          summary: 'The OVS integration bridge the L3 agent plugs router ports into; must be the OVS agent\'s integration_bridge.',
          details: 'The L3 agent reads it since Ussuri, when it replaced [DEFAULT] ovs_integration_bridge; recent l3_agent.ini samples do not list it.',
          example: 'br-int',
          whenWrong: 'A bridge other than the OVS agent\'s integration_bridge leaves router ports outside the agent\'s flows: routers pass no traffic.',
        },
      },
    },
    provider: true,
    type: new StringType({ what: 'an OVS bridge name', example: 'br-int', required: true }),
    doc: {
      summary: 'The OVS bridge every instance port and router/DHCP port is plugged into.',
      details:
        'The agent creates it itself and connects it by patch ports to tunnel_bridge and to every bridge of bridge_mappings. Nova and the L3/DHCP agents must use the same name. Never list it in bridge_mappings.',
      example: 'br-int',
      whenWrong: 'A name differing from what Nova and the other agents use leaves their ports unplugged from the agent\'s flows.',
    },
    deprecatedNames: [{ section: 'ovs', name: 'ovs_integration_bridge', since: 'ussuri', removed: '2024.1' }],
  },
  {
    section: 'ovs',
    name: 'tunnel_bridge',
    kinds: ['ovs-agent'],
    provider: true,
    type: new StringType({ what: 'an OVS bridge name', example: 'br-tun', required: true }),
    doc: {
      summary: 'The OVS bridge holding the VXLAN/GRE/Geneve tunnel ports to other hosts.',
      details: 'Created by the agent when tunnel_types is set; joined to the integration bridge by int_peer_patch_port and tun_peer_patch_port. Never list it in bridge_mappings.',
      example: 'br-tun',
      whenWrong: 'Mapping it in bridge_mappings, or giving it the name of a physical bridge, mixes tunnel and provider traffic and breaks both.',
    },
  },
  {
    section: 'ovs',
    name: 'int_peer_patch_port',
    kinds: ['ovs-agent'],
    doc: { summary: 'Name of the patch port on the integration bridge that leads to the tunnel bridge.', whenWrong: 'Names longer than 15 characters are not valid interface names.' },
  },
  {
    section: 'ovs',
    name: 'tun_peer_patch_port',
    kinds: ['ovs-agent'],
    doc: { summary: 'Name of the patch port on the tunnel bridge that leads to the integration bridge.', whenWrong: 'Names longer than 15 characters are not valid interface names.' },
  },
  {
    section: 'ovs',
    name: 'local_ip',
    kinds: ['ovs-agent'],
    provider: true,
    doc: {
      summary: 'Address of this host that the tunnels (VXLAN, GRE, Geneve) start and end at.',
      details:
        'Must be configured on an interface of this host, and reachable from the local_ip of every other host with tunnels. IPv6 works since Mitaka (set overlay_ip_version = 6 on the server). Only needed when tunnel_types is set.',
      example: '10.0.0.11',
      whenUnset: 'Fine for flat/VLAN-only hosts; with tunnel_types set the agent refuses to start.',
      whenWrong: 'An address not present on this host stops the agent ("Tunneling can\'t be enabled with invalid local_ip"). An address other hosts cannot reach leaves overlay networks silently cut between hosts.',
    },
    history: { changes: [{ release: 'mitaka', text: 'IPv6 addresses accepted.' }] },
  },
  {
    section: 'ovs',
    name: 'bridge_mappings',
    kinds: ['ovs-agent'],
    provider: true,
    type: new BridgeMappingsType(),
    doc: {
      summary: 'Which OVS bridge carries each physical network (physnet) on this host: the link between provider networks and the wire.',
      format: 'Comma-separated physnet:bridge entries, exactly one ":" each, both names non-empty.',
      example: 'physnet1:br-ex,physnet2:br-vlan',
      details:
        'For each entry the agent connects the bridge to the integration bridge with the patch ports int-<bridge> and phy-<bridge>, and translates between the local VLAN tag of br-int and the network\'s real tag (none for flat). The physnet names must match flat_networks / network_vlan_ranges and the provider:physical_network of the networks; the bridges must already exist (ovs-vsctl add-br) and hold the physical interface. A port on a flat or VLAN network binds on this host only if its physnet is listed here.',
      whenUnset: 'No physnet on this host: flat and VLAN ports cannot bind here ("Binding failed"), only tunnelled networks work.',
      whenWrong:
        'A physnet or bridge given twice, or an entry without exactly one ":", stops the agent. A bridge that does not exist stops it too ("Bridge X for physical network Y does not exist. Agent terminated!"). Mapping br-int or br-tun breaks the agent\'s own wiring. Bridge names over 11 characters get hashed patch-port names.',
    },
  },
  {
    section: 'ovs',
    name: 'resource_provider_bandwidths',
    kinds: ['ovs-agent'],
    provider: true,
    type: new ResourceRatesType('bridge', ['egress', 'ingress'], 'kbps', 'resource_provider_bandwidths'),
    doc: {
      summary: 'Bandwidth of each physical bridge, reported to placement so instances with minimum-bandwidth QoS land where it is available.',
      format: 'Comma-separated bridge:egress:ingress entries in kbps; either rate may be left empty (not reported).',
      example: 'br-ex:10000000:10000000',
      details: 'Each bridge must also be in bridge_mappings. Nothing is reported when it is empty.',
      whenWrong: 'A bridge missing from bridge_mappings, a bridge listed twice or a rate that is not a whole number stops the agent.',
    },
    history: { added: 'stein' },
  },
  {
    section: 'ovs',
    name: 'resource_provider_hypervisors',
    kinds: ['ovs-agent'],
    type: new DictType({ what: 'bridge:hypervisor', example: 'br-ex:compute1.example.org' }),
    doc: {
      summary: 'Hypervisor (Nova compute node name) each bridge\'s resource provider belongs to, when it differs from the host name.',
      format: 'Comma-separated bridge:hypervisor pairs.',
      example: 'br-ex:compute1.example.org',
    },
    history: { added: 'ussuri' },
  },
  {
    section: 'ovs',
    name: 'resource_provider_packet_processing_without_direction',
    kinds: ['ovs-agent'],
    type: new ResourceRatesType('hypervisor', ['total'], 'kilo packets per second', 'resource_provider_packet_processing_without_direction'),
    doc: {
      summary: 'Packet rate this host can process, in thousands of packets per second, without telling directions apart; reported to placement.',
      format: 'Comma-separated hypervisor:rate entries; the hypervisor may be left empty to mean this host.',
      example: ':1000',
      whenWrong: 'Setting it together with the _with_direction variant stops the agent.',
    },
    history: { added: 'yoga' },
  },
  {
    section: 'ovs',
    name: 'resource_provider_packet_processing_with_direction',
    kinds: ['ovs-agent'],
    type: new ResourceRatesType('hypervisor', ['egress', 'ingress'], 'kilo packets per second', 'resource_provider_packet_processing_with_direction'),
    doc: {
      summary: 'Packet rates this host can process per direction, in thousands of packets per second; reported to placement.',
      format: 'Comma-separated hypervisor:egress:ingress entries; the hypervisor may be left empty to mean this host.',
      example: ':1000:1000',
      whenWrong: 'Setting it together with the _without_direction variant stops the agent.',
    },
    history: { added: 'yoga' },
  },
  {
    section: 'ovs',
    name: 'resource_provider_default_hypervisor',
    kinds: ['ovs-agent'],
    doc: { summary: 'Hypervisor name used for resource providers when resource_provider_hypervisors does not name one; defaults to the host name.' },
    history: { added: 'xena' },
  },
  {
    section: 'ovs',
    name: 'resource_provider_inventory_defaults',
    kinds: ['ovs-agent'],
    type: inventoryDefaults,
    doc: {
      summary: 'Inventory settings of the bandwidth resource providers this agent reports to placement.',
      format: 'Comma-separated key:value pairs; keys allocation_ratio, min_unit, max_unit, reserved, step_size.',
      example: 'allocation_ratio:1.0,min_unit:1,step_size:1,reserved:0',
      whenWrong: 'An unknown key or a negative number stops the agent.',
    },
    history: { added: 'stein' },
  },
  {
    section: 'ovs',
    name: 'resource_provider_packet_processing_inventory_defaults',
    kinds: ['ovs-agent'],
    type: inventoryDefaults,
    doc: {
      summary: 'Inventory settings of the packet-rate resource providers this agent reports to placement.',
      format: 'Comma-separated key:value pairs; keys allocation_ratio, min_unit, max_unit, reserved, step_size.',
      example: 'allocation_ratio:1.0,min_unit:1',
    },
    history: { added: 'yoga' },
  },
  {
    section: 'ovs',
    name: 'datapath_type',
    kinds: ['ovs-agent'],
    provider: true,
    choiceDocs: {
      system: { description: 'The Linux kernel datapath; the usual choice.' },
      netdev: { description: 'The userspace datapath, used with DPDK.' },
    },
    doc: {
      summary: 'Open vSwitch datapath of the bridges the agent creates.',
      example: 'system',
      whenWrong: 'netdev on a host without a DPDK-enabled Open vSwitch leaves the bridges unable to forward. All bridges of the host should use the same datapath.',
    },
    history: { added: 'liberty' },
  },
  {
    section: 'ovs',
    name: 'vhostuser_socket_dir',
    kinds: ['ovs-agent'],
    doc: { summary: 'Directory of the vhost-user sockets of DPDK ports (datapath_type = netdev).', example: '/var/run/openvswitch' },
    history: { added: 'mitaka' },
  },
  {
    section: 'ovs',
    name: 'of_listen_address',
    kinds: ['ovs-agent'],
    doc: { summary: 'Address the agent\'s built-in OpenFlow controller listens on; the bridges connect to it.', example: '127.0.0.1' },
    history: { added: 'liberty' },
  },
  {
    section: 'ovs',
    name: 'of_listen_port',
    kinds: ['ovs-agent'],
    doc: { summary: 'Port of the agent\'s built-in OpenFlow controller.', example: '6633', whenWrong: 'A port already in use stops the agent from programming flows.' },
    history: { added: 'liberty' },
  },
  {
    section: 'ovs',
    name: 'of_connect_timeout',
    kinds: ['ovs-agent'],
    doc: { summary: 'Seconds to wait for a bridge to connect to the agent\'s OpenFlow controller.' },
    history: { added: 'liberty', changes: [{ release: 'train', text: 'The default changed from 30 to 300 seconds.' }] },
  },
  {
    section: 'ovs',
    name: 'of_request_timeout',
    kinds: ['ovs-agent'],
    doc: { summary: 'Seconds to wait for the answer to a single OpenFlow request.' },
    history: { added: 'liberty', changes: [{ release: 'train', text: 'The default changed from 10 to 300 seconds.' }] },
  },
  {
    section: 'ovs',
    name: 'of_inactivity_probe',
    kinds: ['ovs-agent'],
    doc: { summary: 'Seconds of silence after which a bridge probes its OpenFlow controller connection; 0 turns probing off.' },
    history: { added: 'train' },
  },
  {
    section: 'ovs',
    name: 'openflow_processed_per_port',
    kinds: ['ovs-agent'],
    doc: { summary: 'Sends all OpenFlow rules of a port in one transaction, instead of in batches of a fixed number of rules.' },
    history: { added: 'zed' },
  },
  {
    section: 'ovs',
    name: 'qos_meter_bandwidth',
    kinds: ['ovs-agent'],
    facts: { osloType: 'boolean value', default: false },
    doc: { summary: 'Implements QoS bandwidth limits with OpenFlow meters instead of interface policing.' },
    history: { added: '2025.1' },
  },
  {
    section: 'ovs',
    name: 'trunk_enabled',
    kinds: ['ovs-agent'],
    facts: { osloType: 'boolean value', default: true },
    doc: { summary: 'Whether the agent handles trunk ports (VLAN-aware instances).' },
    history: { added: '2026.1' },
  },
  {
    section: 'ovs',
    name: 'use_veth_interconnection',
    kinds: ['ovs-agent'],
    facts: { osloType: 'boolean value', default: false },
    doc: {
      summary: 'Joined the integration bridge to the physical bridges with veth pairs instead of OVS patch ports.',
      whenWrong: 'Releases from Wallaby on ignore it and always use patch ports.',
    },
    history: { added: 'juno', deprecated: 'victoria', removed: 'wallaby', replacement: { note: 'Patch ports are always used.' } },
  },
  {
    section: 'ovs',
    name: 'of_interface',
    kinds: ['ovs-agent'],
    facts: { osloType: 'string value', default: 'native', choices: ['ovs-ofctl', 'native'] },
    choiceDocs: {
      'ovs-ofctl': { description: 'Program flows by running ovs-ofctl.' },
      native: { description: 'Program flows through the agent\'s built-in OpenFlow controller.' },
    },
    doc: {
      summary: 'How the agent programmed OpenFlow: with the ovs-ofctl command or with its built-in controller.',
      whenWrong: 'Releases from Train on ignore it; only the built-in controller remains.',
    },
    history: {
      added: 'liberty',
      deprecated: 'pike',
      removed: 'train',
      replacement: { note: 'Only the native controller remains (see of_listen_address and of_listen_port).' },
      changes: [{ release: 'newton', text: 'The default changed from ovs-ofctl to native.' }],
    },
  },
  {
    section: 'ovs',
    name: 'enable_tunneling',
    kinds: ['ovs-agent'],
    facts: { osloType: 'boolean value', default: false },
    doc: { summary: 'Turned on GRE tunnels in the Icehouse and Juno agent (ovs_neutron_plugin.ini).', whenWrong: 'Later releases ignore it.' },
    history: { removed: 'kilo', replacement: { section: 'agent', name: 'tunnel_types', note: 'List the tunnel types in [agent] tunnel_types.' } },
  },
  {
    section: 'ovs',
    name: 'tunnel_type',
    kinds: ['ovs-agent'],
    facts: { osloType: 'string value', default: '' },
    doc: { summary: 'Tunnel type of the old monolithic Open vSwitch plugin (ovs_neutron_plugin.ini).' },
    history: { removed: 'kilo', replacement: { section: 'agent', name: 'tunnel_types' } },
  },
  {
    section: 'ovs',
    name: 'tenant_network_type',
    kinds: ['ovs-agent'],
    facts: { osloType: 'string value', default: 'local' },
    doc: { summary: 'Project network type of the old monolithic Open vSwitch plugin, a server setting of ovs_neutron_plugin.ini.' },
    history: { removed: 'kilo', replacement: { section: 'ml2', name: 'tenant_network_types', note: 'An ML2 server setting in ml2_conf.ini.' } },
  },
  {
    section: 'ovs',
    name: 'network_vlan_ranges',
    kinds: ['ovs-agent'],
    facts: { osloType: 'list value', default: [] },
    doc: { summary: 'VLAN ranges of the old monolithic Open vSwitch plugin, a server setting of ovs_neutron_plugin.ini.' },
    history: { removed: 'kilo', replacement: { section: 'ml2_type_vlan', name: 'network_vlan_ranges', note: 'An ML2 server setting in ml2_conf.ini.' } },
  },
  {
    section: 'ovs',
    name: 'tunnel_id_ranges',
    kinds: ['ovs-agent'],
    facts: { osloType: 'list value', default: [] },
    doc: { summary: 'Tunnel id ranges of the old monolithic Open vSwitch plugin, a server setting of ovs_neutron_plugin.ini.' },
    history: { removed: 'kilo', replacement: { section: 'ml2_type_gre', name: 'tunnel_id_ranges', note: 'An ML2 server setting ([ml2_type_gre] or [ml2_type_vxlan] vni_ranges) in ml2_conf.ini.' } },
  },

  // ---------------------------------------------------------------- [agent]
  {
    section: 'agent',
    name: 'tunnel_types',
    kinds: ['ovs-agent'],
    provider: true,
    type: listOfChoices(TUNNEL_TYPES, { mode: 'closed', what: 'tunnel types (vxlan, gre, geneve)', example: 'vxlan' }),
    doc: {
      summary: 'Tunnel types this agent builds to other hosts, for overlay (VXLAN, GRE, Geneve) networks.',
      details: 'Leave it empty on hosts that only use flat and VLAN networks. When set, local_ip must be an address of this host, and the same types must be in the server\'s type_drivers.',
      example: 'vxlan',
      whenUnset: 'No tunnels: overlay networks do not reach this host.',
      whenWrong: 'Anything other than vxlan, gre or geneve stops the agent ("Invalid tunnel type specified"); so does a missing or foreign local_ip.',
    },
  },
  {
    section: 'agent',
    name: 'vxlan_udp_port',
    kinds: ['ovs-agent'],
    doc: {
      summary: 'UDP port of VXLAN tunnels.',
      details: 'Every host must use the same port; firewalls between hosts must let it through.',
      example: '4789',
      whenWrong: 'Hosts with different ports cannot reach each other over VXLAN.',
    },
  },
  {
    section: 'agent',
    name: 'veth_mtu',
    kinds: ['ovs-agent'],
    doc: { summary: 'MTU of the veth pairs used when use_veth_interconnection was on.', whenWrong: 'Unused since veth interconnection went away.' },
    history: { deprecated: 'yoga', removed: '2024.1', replacement: { note: 'Patch ports are used instead of veth pairs; nothing to set.' } },
  },
  {
    section: 'agent',
    name: 'l2_population',
    kinds: ['ovs-agent'],
    provider: true,
    doc: {
      summary: 'Receives tunnel endpoints and forwarding entries from the server instead of flooding to every host.',
      details: 'Needs l2population in the server\'s mechanism_drivers; required by arp_responder and by distributed routing (DVR).',
      example: 'true',
      whenWrong: 'On with l2population missing on the server: tunnels to other hosts are never built and overlay traffic stops.',
    },
  },
  {
    section: 'agent',
    name: 'arp_responder',
    kinds: ['ovs-agent'],
    doc: {
      summary: 'Answers ARP requests for remote instances locally in br-tun instead of flooding them over tunnels.',
      details: 'Only works with l2_population = true.',
      whenWrong: 'Breaks addresses that move between ports outside Neutron\'s knowledge (some allowed-address-pairs set-ups).',
    },
    history: { added: 'juno' },
  },
  {
    section: 'agent',
    name: 'dont_fragment',
    kinds: ['ovs-agent'],
    doc: { summary: 'Sets the don\'t-fragment bit on the outer header of tunnelled packets.', whenWrong: 'Off, oversized tunnel packets get fragmented by the underlay, which costs performance.' },
    history: { added: 'juno' },
  },
  {
    section: 'agent',
    name: 'enable_distributed_routing',
    kinds: ['ovs-agent'],
    provider: true,
    doc: {
      summary: 'Prepares this host for distributed virtual routers (DVR): routing between networks and floating IPs happen on the compute host.',
      details: 'Set it on every OVS agent of a DVR deployment, together with l2_population; the L3 agents of compute hosts then run with agent_mode = dvr.',
      example: 'true',
      whenWrong: 'Mixed settings across hosts break east-west traffic of distributed routers.',
    },
    history: { added: 'juno' },
  },
  {
    section: 'agent',
    name: 'minimize_polling',
    kinds: ['ovs-agent'],
    doc: { summary: 'Waits for OVSDB to report interface changes instead of polling for them.' },
  },
  {
    section: 'agent',
    name: 'ovsdb_monitor_respawn_interval',
    kinds: ['ovs-agent'],
    doc: { summary: 'Seconds to wait before restarting the OVSDB monitor when it stops talking.' },
  },
  {
    section: 'agent',
    name: 'drop_flows_on_start',
    kinds: ['ovs-agent'],
    doc: { summary: 'Deletes all flows when the agent starts, instead of replacing them gracefully.', whenWrong: 'On, every agent restart cuts the host\'s traffic until the flows are rebuilt.' },
    history: { added: 'liberty' },
  },
  {
    section: 'agent',
    name: 'tunnel_csum',
    kinds: ['ovs-agent'],
    doc: { summary: 'Adds checksums to the outer header of GRE and VXLAN packets.' },
    history: { added: 'liberty' },
  },
  {
    section: 'agent',
    name: 'baremetal_smartnic',
    kinds: ['ovs-agent'],
    doc: { summary: 'Lets the agent bind bare-metal ports on a SmartNIC that runs Open vSwitch.' },
    history: { added: 'train' },
  },
  {
    section: 'agent',
    name: 'explicitly_egress_direct',
    kinds: ['ovs-agent'],
    doc: { summary: 'Outputs accepted egress unicast traffic directly to its destination port instead of using the NORMAL action (which can flood when MAC entries expire).' },
    history: { added: 'ussuri' },
  },
  {
    section: 'agent',
    name: 'extensions',
    kinds: ['ovs-agent', 'l3-agent'],
    type: listOfChoices(L2_EXTENSIONS, { mode: 'open', example: 'qos' }),
    doc: {
      summary: 'Agent extensions to load (qos, log, fdb, dhcp …).',
      example: 'qos',
      whenWrong: 'An unknown name stops the agent.',
    },
    history: { added: 'liberty' },
    perKind: {
      'l3-agent': {
        type: listOfChoices(
          [
            { value: 'fip_qos', description: 'Bandwidth limits on floating IPs.', since: 'queens' },
            { value: 'gateway_ip_qos', description: 'Bandwidth limits on router gateway IPs.', since: 'stein' },
            { value: 'port_forwarding', description: 'Floating IP port forwarding.', since: 'rocky' },
            { value: 'snat_log', description: 'Logging of SNAT connections.', since: 'stein' },
            { value: 'conntrack_helper', description: 'Conntrack helpers on routers.', since: 'train' },
            { value: 'ndp_proxy', description: 'NDP proxies for IPv6 addresses behind routers.', since: 'zed' },
            // Shipped by extension projects: valid once that project is installed on the host.
            { value: 'vpnaas', description: 'IPsec VPN connections in routers (neutron-vpnaas; reads [vpnagent], [ipsec] and the driver\'s section).', since: 'queens' },
            { value: 'fwaas_v2', description: 'Firewall groups on router ports (neutron-fwaas; reads [fwaas]).', since: 'newton' },
            { value: 'fwaas_v2_log', description: 'Logging of firewall group traffic (neutron-fwaas; reads [network_log]).', since: 'rocky' },
            { value: 'fwaas', description: 'Firewalls of the first FWaaS API (neutron-fwaas; reads [fwaas]).', since: 'newton', removedIn: 'stein' },
          ],
          { mode: 'open', example: 'fip_qos' },
        ),
        doc: {
          summary: 'L3 agent extensions to load (fip_qos, port_forwarding, snat_log …).',
          example: 'fip_qos,port_forwarding',
          whenWrong: 'An unknown name stops the agent.',
        },
        history: { added: 'ocata' },
      },
    },
  },
  {
    section: 'agent',
    name: 'polling_interval',
    kinds: ['ovs-agent'],
    inSample: false,
    facts: { osloType: 'integer value', default: 2 },
    doc: { summary: 'Seconds between the agent\'s checks for port changes (the sample file of recent releases does not list it, but the agent reads it).' },
  },
  {
    section: 'agent',
    name: 'quitting_rpc_timeout',
    kinds: ['ovs-agent'],
    inSample: false,
    facts: { osloType: 'integer value', default: 10 },
    doc: { summary: 'RPC timeout, in seconds, the agent uses once it received SIGTERM; 0 keeps the normal one.' },
    history: { added: 'kilo' },
  },
  {
    section: 'agent',
    name: 'dscp',
    kinds: ['ovs-agent'],
    inSample: false,
    type: new IntegerType({ min: 0, max: 63 }),
    facts: { osloType: 'integer value', default: null, min: 0, max: 63 },
    doc: { summary: 'DSCP value written into the outer header of tunnelled packets.', example: '46' },
    history: { added: 'queens' },
  },
  {
    section: 'agent',
    name: 'dscp_inherit',
    kinds: ['ovs-agent'],
    inSample: false,
    facts: { osloType: 'boolean value', default: false },
    doc: { summary: 'Copies the DSCP value of the inner packet into the outer tunnel header.' },
    history: { added: 'queens' },
  },
  {
    section: 'agent',
    name: 'prevent_arp_spoofing',
    kinds: ['ovs-agent'],
    facts: { osloType: 'boolean value', default: true },
    doc: { summary: 'Blocked ARP replies for addresses a port does not own.', whenWrong: 'Later releases ignore it; port security decides.' },
    history: { added: 'kilo', deprecated: 'mitaka', removed: 'pike', replacement: { note: 'ARP spoofing protection follows port_security_enabled of each port.' } },
  },
  {
    section: 'agent',
    name: 'agent_type',
    kinds: ['ovs-agent'],
    facts: { osloType: 'string value', default: 'Open vSwitch agent' },
    doc: { summary: 'Agent type the agent reported to the server.', whenWrong: 'Later releases ignore it.' },
    history: { added: 'liberty', deprecated: 'mitaka', removed: 'ussuri' },
  },

  // ---------------------------------------------------------------- [dhcp] (dhcp extension)
  {
    section: 'dhcp',
    name: 'enable_ipv6',
    kinds: ['ovs-agent'],
    doc: { summary: 'Lets the agent\'s dhcp extension answer DHCPv6 as well as DHCPv4.' },
    history: { added: 'yoga' },
  },
  {
    section: 'dhcp',
    name: 'dhcp_renewal_time',
    kinds: ['ovs-agent'],
    doc: { summary: 'DHCP renewal time (T1) in seconds offered by the dhcp extension; 0 means half the lease time.' },
    history: { added: 'yoga' },
  },
  {
    section: 'dhcp',
    name: 'dhcp_rebinding_time',
    kinds: ['ovs-agent'],
    doc: { summary: 'DHCP rebinding time (T2) in seconds offered by the dhcp extension; 0 means seven eighths of the lease time.' },
    history: { added: 'yoga' },
  },

  // ---------------------------------------------------------------- [metadata] (metadata_path extension)
  ...metadataOptions(),

  // ---------------------------------------------------------------- [xenapi]
  ...(['connection_url', 'connection_username', 'connection_password'] as const).map(
    (name): OptionSpec => ({
      section: 'xenapi',
      name,
      kinds: ['ovs-agent'],
      facts: { osloType: 'string value', default: null, ...(name === 'connection_password' ? { secret: true } : {}) },
      doc: { summary: `XenAPI ${name.replace('connection_', '')} the agent used to reach the XenServer dom0 on Xen hosts.`, whenWrong: 'Xen support is gone; remove the section.' },
      history: { added: 'ocata', deprecated: 'wallaby', removed: 'xena', replacement: { note: 'XenServer support was removed.' } },
    }),
  ),
];

function metadataOptions(): OptionSpec[] {
  const kinds = ['ovs-agent'] as const;
  const history = { added: '2023.2' as const };
  return [
    { section: 'metadata', name: 'nova_metadata_host', kinds, type: new HostAddressType(), facts: { osloType: 'host address value', default: '127.0.0.1' }, history, doc: { summary: 'Address of the Nova metadata API the agent\'s metadata proxy forwards to.', example: 'controller' } },
    { section: 'metadata', name: 'nova_metadata_port', kinds, type: new PortType(), facts: { osloType: 'port value', default: 8775, min: 0, max: 65535 }, history, doc: { summary: 'Port of the Nova metadata API.' } },
    { section: 'metadata', name: 'nova_metadata_protocol', kinds, facts: { osloType: 'string value', default: 'http', choices: ['http', 'https'] }, history, doc: { summary: 'Protocol used to reach the Nova metadata API.' } },
    { section: 'metadata', name: 'nova_metadata_insecure', kinds, facts: { osloType: 'boolean value', default: false }, history, doc: { summary: 'Skips certificate checks when nova_metadata_protocol is https.' } },
    { section: 'metadata', name: 'metadata_proxy_shared_secret', kinds, facts: { osloType: 'string value', default: '', secret: true }, history, doc: { summary: 'Secret shared with Nova to sign metadata requests; must equal Nova\'s [neutron] metadata_proxy_shared_secret.', whenWrong: 'A mismatch makes every metadata request fail with 403.' } },
    { section: 'metadata', name: 'auth_ca_cert', kinds, facts: { osloType: 'string value', default: null }, history, doc: { summary: 'CA certificate file for HTTPS connections to the Nova metadata API.' } },
    { section: 'metadata', name: 'nova_client_cert', kinds, facts: { osloType: 'string value', default: '' }, history, doc: { summary: 'Client certificate presented to the Nova metadata API.' } },
    { section: 'metadata', name: 'nova_client_priv_key', kinds, facts: { osloType: 'string value', default: '' }, history, doc: { summary: 'Private key of nova_client_cert.' } },
    { section: 'metadata', name: 'provider_cidr', kinds, facts: { osloType: 'string value', default: '240.0.0.0/16' }, history: { added: '2025.1' }, doc: { summary: 'Address range the metadata_path extension uses for its internal metadata ports.', example: '240.0.0.0/16' } },
    { section: 'metadata', name: 'provider_vlan_id', kinds, facts: { osloType: 'integer value', default: 1 }, history: { added: '2025.1' }, doc: { summary: 'Local VLAN id used by the metadata_path extension on br-int.' } },
    { section: 'metadata', name: 'provider_base_mac', kinds, facts: { osloType: 'string value', default: 'fa:16:ee:00:00:00' }, history: { added: '2025.1' }, doc: { summary: 'Base MAC address of the metadata_path extension\'s internal ports.' } },
    { section: 'metadata', name: 'host_proxy_listen_port', kinds, facts: { osloType: 'integer value', default: 80 }, history: { added: '2025.1' }, doc: { summary: 'Port the host-side metadata proxy of the metadata_path extension listens on.' } },
  ];
}
