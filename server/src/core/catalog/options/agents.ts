import { AGENT_OPTION_FACTS } from '../data/agents.generated';
import { DEBIAN_OPTIONS } from '../data/debian.generated';
import type { AgentOptionFacts, ScannedKind } from '../generate/agentFacts';
import { DEBIAN_FILES, sampleTextOf } from '../generate/zedFacts';
import type { CatalogKind, FactsChange, OptionDoc, OptionHistory, OptionSpec } from '../model';
import { isAtOrAfter, type ReleaseId } from '../releases';
import { BridgeMappingsType, type Choice, ExcludeDevicesType, StringType, type ValueType, listOfChoices } from '../valueTypes';
import { INTERFACE_DRIVERS, L3_AGENT_OPTIONS } from './l3Agent';
import { OVS_AGENT_OPTIONS } from './ovsAgent';
import { FIREWALL_DRIVERS, SHARED_OPTIONS } from './shared';

/**
 * The Linux bridge agent (linuxbridge_agent.ini), the SR-IOV NIC agent
 * (sriov_agent.ini), the DHCP agent (dhcp_agent.ini) and neutron.conf: facts
 * and history from data/agents.generated.ts (scan of neutron/opts.py at every
 * release tag) and data/debian.generated.ts (Zed's exact facts), our own
 * explanations here. Options without a written explanation carry only facts.
 */

type Key = `${ScannedKind}|${string}|${string}`;

interface Knowledge {
  doc: OptionDoc;
  type?: ValueType;
  provider?: boolean;
  choiceDocs?: OptionSpec['choiceDocs'];
  history?: Pick<OptionHistory, 'replacement' | 'changes'>;
}

/** The Linux bridge agent left Neutron in 2025.1 (neutron/plugins/ml2/drivers/linuxbridge and its sample are absent @26.0.0). */
export const LINUX_BRIDGE_REMOVED: ReleaseId = '2025.1';
const LINUX_BRIDGE_GONE = { note: 'The Linux bridge agent was removed in 2025.1; migrate the host to Open vSwitch or OVN.' };

/** Neutron's own service plugins (entry points `neutron.service_plugins` in setup.cfg @2014.1 … 27.0.0, pyproject.toml @28.0.0), and the best-known ones of other projects. */
const SERVICE_PLUGINS: Choice[] = [
  { value: 'router', description: 'Routers, floating IPs and external gateways (the L3 service, with the L3 agent).' },
  { value: 'metering', description: 'Traffic metering labels (with the metering agent).' },
  { value: 'qos', description: 'QoS policies (bandwidth limits, DSCP marking, minimum bandwidth).', since: 'liberty' },
  { value: 'tag', description: 'Tags on resources.', since: 'mitaka' },
  { value: 'auto_allocate', description: 'Get-me-a-network: automatic allocation of a project network topology.', since: 'mitaka' },
  { value: 'network_ip_availability', description: 'IP availability reports per network and subnet.', since: 'mitaka' },
  { value: 'flavors', description: 'Service flavors.', since: 'mitaka' },
  { value: 'timestamp_core', description: 'Creation and update time stamps (renamed timestamp in Newton).', since: 'mitaka', removedIn: 'newton' },
  { value: 'timestamp', description: 'Creation and update time stamps on resources.', since: 'newton' },
  { value: 'revisions', description: 'Revision numbers on resources.', since: 'newton' },
  { value: 'trunk', description: 'Trunk ports (VLAN-aware instances).', since: 'newton' },
  { value: 'segments', description: 'Routed provider networks (segments).', since: 'newton' },
  { value: 'loki', description: 'Random database delays and failures, for testing only.', since: 'ocata' },
  { value: 'logapi', description: 'Packet logging API (renamed log in Queens).', since: 'pike', removedIn: 'queens' },
  { value: 'log', description: 'Packet logging of security groups and SNAT.', since: 'queens' },
  { value: 'port_forwarding', description: 'Floating IP port forwarding.', since: 'rocky' },
  { value: 'placement', description: 'Reports segments and bandwidth to the placement service.', since: 'stein' },
  { value: 'network_segment_range', description: 'Network segment ranges managed through the API.', since: 'stein' },
  { value: 'conntrack_helper', description: 'Conntrack helpers on routers.', since: 'train' },
  { value: 'ovn-router', description: 'Routers implemented by OVN (with the ovn mechanism driver, instead of router).', since: 'ussuri' },
  { value: 'ndp_proxy', description: 'NDP proxies for IPv6 addresses behind routers.', since: 'yoga' },
  { value: 'local_ip', description: 'Local IPs (addresses shared by ports, answered on each host).', since: 'yoga' },
  { value: 'ovn-bgp', description: 'BGP for OVN routers.', since: '2026.1' },
  { value: 'dummy', description: 'A plugin that does nothing, for testing.' },
  // In Neutron's tree until Mitaka, from their own projects since: valid once the project is installed.
  { value: 'vpnaas', description: 'IPsec VPN as a service (neutron-vpnaas).' },
  { value: 'firewall_v2', description: 'Firewall groups, FWaaS v2 (neutron-fwaas).', since: 'newton' },
  { value: 'firewall', description: 'FWaaS v1 (neutron-fwaas, until Stein).' },
  { value: 'lbaasv2', description: 'Load balancers of LBaaS v2 (neutron-lbaas, retired after Train).', since: 'liberty' },
  { value: 'lbaas', description: 'LBaaS v1 (neutron-lbaas).' },
  { value: 'bgp', description: 'BGP dynamic routing (neutron-dynamic-routing; in Neutron\'s tree in Mitaka).' },
  { value: 'flow_classifier', description: 'Flow classifiers (networking-sfc).' },
  { value: 'sfc', description: 'Service function chaining (networking-sfc).' },
  { value: 'bgpvpn', description: 'BGP VPNs (networking-bgpvpn).' },
  { value: 'taas', description: 'Tap as a service (tap-as-a-service).' },
  { value: 'ovn-vpnaas', description: 'IPsec VPN for OVN deployments (neutron-vpnaas).' },
];

/** Core plugins (entry points `neutron.core_plugins`): ml2 is the only one Neutron still ships. */
const CORE_PLUGINS: Choice[] = [{ value: 'ml2', description: 'The Modular Layer 2 plugin: type and mechanism drivers from ml2_conf.ini.' }];

const DHCP_DRIVERS: Choice[] = [{ value: 'neutron.agent.linux.dhcp.Dnsmasq', description: 'dnsmasq, one process per network in the network\'s namespace.' }];

const agentInterfaceDriver = new StringType({ choices: INTERFACE_DRIVERS, choiceMode: 'open', classPath: true });

const KNOWLEDGE: Partial<Record<Key, Knowledge>> = {
  // ------------------------------------------------------------------ Linux bridge agent
  'linuxbridge-agent|linux_bridge|physical_interface_mappings': {
    provider: true,
    type: new BridgeMappingsType('physnet', 'interface', 'interface', 'physnet1:eth1'),
    doc: {
      summary: 'Which host interface carries each physical network (physnet): the agent builds a Linux bridge per network on top of it.',
      format: 'Comma-separated physnet:interface entries, exactly one ":" each; each physnet and each interface at most once.',
      example: 'physnet1:eth1,physnet2:bond0',
      details: 'For a VLAN network the agent creates the sub-interface <interface>.<vlan> and bridges it; for a flat network it bridges the interface itself. The physnet names must match the server\'s flat_networks / network_vlan_ranges.',
      whenUnset: 'No physnet on this host: flat and VLAN ports cannot bind here, only VXLAN works.',
      whenWrong: 'An interface that does not exist stops the agent at start-up; a physnet the server does not know leaves its ports unbound.',
    },
  },
  'linuxbridge-agent|linux_bridge|bridge_mappings': {
    provider: true,
    type: new BridgeMappingsType('physnet', 'bridge', 'Linux bridge', 'physnet1:br-eth1'),
    doc: {
      summary: 'Physical networks whose traffic goes into an existing Linux bridge instead of one the agent builds.',
      format: 'Comma-separated physnet:bridge entries, exactly one ":" each.',
      example: 'physnet1:br-eth1',
      details: 'Meant for flat networks on a bridge the host already has (one that holds the host\'s own address, for instance). A physnet listed here as well as in physical_interface_mappings uses the bridge.',
      whenWrong: 'A bridge that does not exist leaves the ports of that physnet without connectivity.',
    },
  },
  'linuxbridge-agent|vxlan|enable_vxlan': {
    provider: true,
    doc: { summary: 'Whether the agent builds VXLAN interfaces for tunnelled (VXLAN) networks.', example: 'true', whenWrong: 'Off while the server offers VXLAN project networks: their ports do not bind on this host.' },
  },
  'linuxbridge-agent|vxlan|local_ip': {
    provider: true,
    doc: {
      summary: 'Address of this host on the tunnel (overlay) network; VXLAN packets leave from it.',
      example: '10.0.1.11',
      whenUnset: 'The agent cannot build VXLAN interfaces; with enable_vxlan on it refuses to start.',
      whenWrong: 'An address that is not on an interface of this host stops the agent.',
    },
  },
  'linuxbridge-agent|vxlan|l2_population': {
    doc: { summary: 'Uses the server\'s l2population driver to learn where each port lives, instead of multicast flooding.', details: 'Needs l2population in the server\'s mechanism_drivers as well.' },
  },
  'linuxbridge-agent|vxlan|arp_responder': { doc: { summary: 'Answers ARP requests for remote ports locally (with l2_population), so they are not flooded over the tunnels.' } },
  'linuxbridge-agent|vxlan|vxlan_group': { doc: { summary: 'Multicast group (or range) the VXLAN interfaces flood to when l2_population is off.', example: '224.0.0.1' } },
  'linuxbridge-agent|vxlan|multicast_ranges': { doc: { summary: 'Multicast groups for chosen VNI ranges, as group:vni_min:vni_max entries, overriding vxlan_group for those VNIs.', example: '224.0.0.10:10:90' } },
  'linuxbridge-agent|vxlan|ttl': { doc: { summary: 'TTL of the VXLAN packets the agent sends.' } },
  'linuxbridge-agent|vxlan|tos': { doc: { summary: 'TOS byte of VXLAN packets; [agent] dscp replaced it.' }, history: { replacement: { section: 'agent', name: 'dscp' } } },
  'linuxbridge-agent|vxlan|udp_srcport_min': { doc: { summary: 'Lowest UDP source port of VXLAN packets; 0 with udp_srcport_max 0 leaves the range to the kernel.' } },
  'linuxbridge-agent|vxlan|udp_srcport_max': { doc: { summary: 'Highest UDP source port of VXLAN packets.' } },
  'linuxbridge-agent|vxlan|udp_dstport': { doc: { summary: 'UDP destination port of VXLAN packets; unset, the kernel\'s default (8472 on Linux, not the IANA 4789).', whenWrong: 'Hosts that disagree cannot reach each other over VXLAN.' } },
  'linuxbridge-agent|securitygroup|firewall_driver': {
    type: new StringType({ choices: FIREWALL_DRIVERS.filter((d) => d.value === 'iptables' || d.value === 'noop'), choiceMode: 'open', classPath: true }),
    doc: {
      summary: 'How the agent enforces security groups on the ports of this host: iptables with the Linux bridge agent.',
      example: 'iptables',
      whenUnset: 'No driver: security groups are not enforced.',
      whenWrong: 'noop together with enable_security_group = true leaves ports open while the API shows rules.',
    },
  },
  'linuxbridge-agent|securitygroup|enable_security_group': { doc: { summary: 'Whether the agent enforces security groups; keep it equal to the server\'s setting.' } },
  'linuxbridge-agent|securitygroup|enable_ipset': { doc: { summary: 'Groups remote addresses of security group rules in ipsets, so the iptables rules stay small.' } },
  'linuxbridge-agent|agent|extensions': { doc: { summary: 'L2 agent extensions to load (qos, fdb, log …).', example: 'qos', whenWrong: 'A name the agent cannot load stops it.' } },
  'linuxbridge-agent|agent|prevent_arp_spoofing': { doc: { summary: 'Dropped ARP replies that did not come from a port\'s own addresses (now always done with port security).' } },

  // ------------------------------------------------------------------ SR-IOV NIC agent
  'sriov-agent|sriov_nic|physical_device_mappings': {
    provider: true,
    type: new BridgeMappingsType('physnet', 'interface', 'SR-IOV network device', 'physnet2:ens2f0'),
    doc: {
      summary: 'Which SR-IOV capable network device (the physical function) serves each physical network; instances get virtual functions of it.',
      format: 'Comma-separated physnet:interface entries, exactly one ":" each. A physnet may be listed several times (one entry per device), an interface only once.',
      example: 'physnet2:ens2f0,physnet2:ens2f1',
      details: 'The physnets must be declared on the server (network_vlan_ranges / flat_networks) and be the physical_network of nova\'s [pci] device_spec (passthrough_whitelist before Zed) on this host.',
      whenUnset: 'The agent manages no device: direct (SR-IOV) ports cannot bind on this host.',
      whenWrong: 'An entry without exactly one ":" stops the agent; a physnet that nova\'s PCI settings name differently leaves instances unschedulable or their ports unbound.',
    },
  },
  'sriov-agent|sriov_nic|exclude_devices': {
    type: new ExcludeDevicesType(),
    doc: {
      summary: 'Virtual functions the agent must leave alone (used by something else on the host), per network device.',
      format: 'Comma-separated interface:PCI-addresses entries; the PCI addresses of one device are separated by ";" (interface:pci;pci,interface:pci).',
      example: 'ens2f0:0000:07:00.2;0000:07:00.3',
      whenWrong: 'An entry without ":" or a device listed twice stops the agent; a device not in physical_device_mappings stops it too.',
    },
  },
  'sriov-agent|sriov_nic|resource_provider_bandwidths': {
    provider: true,
    doc: {
      summary: 'Bandwidth of each SR-IOV device, reported to placement for minimum-bandwidth QoS, as device:egress:ingress in kbps.',
      example: 'ens2f0:10000000:10000000',
      details: 'Each device must also be in physical_device_mappings.',
      whenWrong: 'A device not in physical_device_mappings, or a malformed entry, stops the agent.',
    },
  },
  'sriov-agent|sriov_nic|resource_provider_hypervisors': { doc: { summary: 'Hypervisor (nova compute node name) of each device\'s resource provider, as device:hypervisor pairs, when it is not the host name.' } },
  'sriov-agent|sriov_nic|resource_provider_default_hypervisor': { doc: { summary: 'Hypervisor name used for devices resource_provider_hypervisors does not list; unset, the host name.' } },
  'sriov-agent|sriov_nic|resource_provider_inventory_defaults': { doc: { summary: 'Inventory fields (allocation_ratio, min_unit, step_size, reserved) of the bandwidth resource providers.' } },
  'sriov-agent|agent|extensions': { doc: { summary: 'L2 agent extensions to load (qos for bandwidth limits and minimum bandwidth on VFs).', example: 'qos', whenWrong: 'A name the agent cannot load stops it.' } },

  // ------------------------------------------------------------------ DHCP agent
  'dhcp-agent|DEFAULT|interface_driver': {
    provider: true,
    type: agentInterfaceDriver,
    doc: {
      summary: 'How the agent plugs the DHCP ports of its namespaces into the L2 layer; openvswitch with the OVS agent.',
      example: 'openvswitch',
      details: 'Must match the L2 agent of the host. Class paths such as neutron.agent.linux.interface.OVSInterfaceDriver were the only form before Mitaka and still load.',
      whenUnset: 'Before 2025.1 there is no default and the agent refuses to start; from 2025.1 it is openvswitch.',
      whenWrong: 'A driver that does not match the host\'s L2 agent leaves DHCP ports unplugged: instances get no address.',
    },
    history: { changes: [{ release: '2025.1', text: 'The default became openvswitch (none before); linuxbridge was removed.' }] },
  },
  'dhcp-agent|DEFAULT|dhcp_driver': {
    type: new StringType({ choices: DHCP_DRIVERS, choiceMode: 'open', classPath: true }),
    doc: { summary: 'Class that runs the DHCP server of each network; Neutron ships only dnsmasq.', example: 'neutron.agent.linux.dhcp.Dnsmasq', whenWrong: 'A class that cannot be imported stops the agent.' },
  },
  'dhcp-agent|DEFAULT|enable_isolated_metadata': {
    provider: true,
    doc: {
      summary: 'Serves metadata (169.254.169.254) from the DHCP namespace on networks without a router, so instances there still get keys and user data.',
      example: 'true',
      details: 'The agent then sends a host route to 169.254.169.254 through the DHCP port. Needed for provider networks whose gateway is a physical router.',
      whenWrong: 'Off on provider networks without a Neutron router: instances get no metadata and cloud-init stalls.',
    },
  },
  'dhcp-agent|DEFAULT|force_metadata': {
    provider: true,
    doc: {
      summary: 'Serves metadata from the DHCP namespace on every network, routed or not, and always pushes the host route to it.',
      details: 'Takes precedence over enable_isolated_metadata; useful when the router is not a Neutron router, or with IPv6-only networks.',
      example: 'true',
      whenWrong: 'On together with a router that also serves metadata, instances get two routes to 169.254.169.254; harmless, but the DHCP agent\'s proxy answers.',
    },
  },
  'dhcp-agent|DEFAULT|enable_metadata_network': { doc: { summary: 'Serves metadata for routers\' networks through a dedicated 169.254.169.254/16 network (with enable_isolated_metadata).' } },
  'dhcp-agent|DEFAULT|ovs_use_veth': { doc: { summary: 'Plugs DHCP ports into OVS through veth pairs instead of OVS internal ports.', details: 'Only needed on old kernels without proper namespace support.' } },
  'dhcp-agent|DEFAULT|ovs_integration_bridge': {
    doc: { summary: 'OVS integration bridge the DHCP ports are plugged into.', example: 'br-int' },
    history: { replacement: { section: 'ovs', name: 'integration_bridge', note: 'Set [ovs] integration_bridge instead (same default, br-int).' } },
  },
  'dhcp-agent|DEFAULT|dnsmasq_config_file': { doc: { summary: 'Extra dnsmasq configuration file passed to every dnsmasq process (for DHCP options such as MTU or NTP).', example: '/etc/neutron/dnsmasq-neutron.conf' } },
  'dhcp-agent|DEFAULT|dnsmasq_dns_servers': { doc: { summary: 'DNS servers dnsmasq forwards to, instead of the host\'s resolvers.', example: '8.8.8.8,8.8.4.4' } },
  'dhcp-agent|DEFAULT|dnsmasq_local_resolv': { doc: { summary: 'Lets dnsmasq answer DNS from the host\'s resolv.conf when a subnet has no DNS servers.' } },
  'dhcp-agent|DEFAULT|dnsmasq_lease_max': { doc: { summary: 'Most leases one dnsmasq process hands out.' } },
  'dhcp-agent|DEFAULT|dnsmasq_base_log_dir': { doc: { summary: 'Directory under which each dnsmasq process logs its DHCP and DNS traffic; unset, dnsmasq does not log it.' } },
  'dhcp-agent|DEFAULT|dhcp_broadcast_reply': { doc: { summary: 'Makes dnsmasq broadcast its DHCP replies (for clients or fabrics that drop unicast offers).' } },
  'dhcp-agent|DEFAULT|dhcp_confs': { doc: { summary: 'Directory where the agent keeps each network\'s DHCP configuration files.' } },
  'dhcp-agent|DEFAULT|resync_interval': { doc: { summary: 'Seconds between resynchronisations with the server after an error.' } },
  'dhcp-agent|DEFAULT|num_sync_threads': { doc: { summary: 'How many networks the agent configures in parallel when it resynchronises.' } },
  'dhcp-agent|DEFAULT|dhcp_domain': { doc: { summary: 'Domain of the host names dnsmasq gives out; [DEFAULT] dns_domain of neutron.conf replaced it.' }, history: { replacement: { section: 'DEFAULT', name: 'dns_domain', note: 'Set dns_domain in neutron.conf.' } } },
  'dhcp-agent|agent|availability_zone': { doc: { summary: 'Availability zone this agent belongs to; networks asking for a zone are served by DHCP agents in it.', example: 'az1' } },

  // ------------------------------------------------------------------ neutron.conf
  'neutron-conf|DEFAULT|core_plugin': {
    provider: true,
    type: new StringType({ choices: CORE_PLUGINS, choiceMode: 'open', classPath: true }),
    doc: {
      summary: 'The core plugin neutron-server loads for networks, subnets and ports: ml2 (which then reads ml2_conf.ini).',
      example: 'ml2',
      whenUnset: 'neutron-server refuses to start.',
      whenWrong: 'A plugin that cannot be loaded stops neutron-server.',
    },
  },
  'neutron-conf|DEFAULT|service_plugins': {
    provider: true,
    type: listOfChoices(SERVICE_PLUGINS, { mode: 'open', classPath: true, example: 'router,qos,trunk' }),
    doc: {
      summary: 'Service plugins neutron-server loads besides the core plugin: router (L3), qos, trunk, segments, log …',
      details: 'Each plugin brings its API extension and often its own section ([quotas] items, [service_providers], an agent extension on the hosts). With OVN, ovn-router replaces router.',
      example: 'router,qos,trunk,segments',
      whenUnset: 'No routers, QoS or trunks: only networks, subnets and ports.',
      whenWrong: 'A plugin name that cannot be loaded stops neutron-server.',
    },
  },
  'neutron-conf|DEFAULT|interface_driver': {
    type: agentInterfaceDriver,
    doc: {
      summary: 'How the DHCP and L3 agents that read neutron.conf plug their ports; usually set in dhcp_agent.ini and l3_agent.ini instead.',
      example: 'openvswitch',
    },
    history: { changes: [{ release: '2025.1', text: 'The default became openvswitch (none before); linuxbridge was removed.' }] },
  },
  'neutron-conf|DEFAULT|global_physnet_mtu': {
    provider: true,
    doc: {
      summary: 'MTU of the underlying physical network; Neutron derives every network\'s MTU from it (minus the tunnel overhead for VXLAN/Geneve).',
      example: '9000',
      whenWrong: 'Larger than what the switches carry: big packets are dropped silently (TCP stalls, ping works).',
    },
  },
  'neutron-conf|DEFAULT|base_mac': { doc: { summary: 'Base of the MAC addresses Neutron gives ports; the last octets that are 00 are random.', example: 'fa:16:3e:00:00:00' } },
  'neutron-conf|DEFAULT|dvr_base_mac': { doc: { summary: 'Base of the MAC addresses of distributed routers\' host interfaces; must differ from base_mac.', example: 'fa:16:3f:00:00:00' } },
  'neutron-conf|DEFAULT|router_distributed': { provider: true, doc: { summary: 'Makes new routers distributed (DVR) unless the API call says otherwise.', details: 'Needs L3 agents in dvr mode on the compute nodes and dvr_snat on the network nodes.', example: 'true', whenWrong: 'On without DVR-mode L3 agents on the compute nodes: new routers get no distributed part and their floating IPs do not work.' } },
  'neutron-conf|DEFAULT|enable_dvr': { doc: { summary: 'Whether the DVR API extension is offered at all.' } },
  'neutron-conf|DEFAULT|l3_ha': { provider: true, doc: { summary: 'Makes new routers highly available (VRRP with keepalived across L3 agents) unless the API call says otherwise.', example: 'true', whenWrong: 'On with fewer than two L3 agents: creating a router fails.' } },
  'neutron-conf|DEFAULT|l3_ha_net_cidr': { doc: { summary: 'Address range of the networks joining an HA router\'s instances on the L3 agents.', example: '169.254.192.0/18' } },
  'neutron-conf|DEFAULT|l3_ha_network_type': { provider: true, doc: { summary: 'Network type of the HA networks; empty, the first of tenant_network_types.', example: 'vxlan', whenWrong: 'A type the ML2 type_drivers do not enable makes creating HA routers fail.' } },
  'neutron-conf|DEFAULT|l3_ha_network_physical_name': { provider: true, doc: { summary: 'Physical network of the HA networks when l3_ha_network_type is flat or vlan.', example: 'physnet1', whenWrong: 'A physnet not declared in ML2 makes creating HA routers fail.' } },
  'neutron-conf|DEFAULT|max_l3_agents_per_router': { doc: { summary: 'Most L3 agents an HA router is scheduled to; 0 means all.' } },
  'neutron-conf|DEFAULT|dhcp_agents_per_network': { doc: { summary: 'How many DHCP agents serve each network.' } },
  'neutron-conf|DEFAULT|agent_down_time': { doc: { summary: 'Seconds without a heartbeat after which the server considers an agent down; keep it at least twice the agents\' report_interval.' } },
  'neutron-conf|DEFAULT|allow_overlapping_ips': { doc: { summary: 'Allowed projects to use the same address ranges (always allowed from Zed).' } },
  'neutron-conf|DEFAULT|bind_host': { doc: { summary: 'Address neutron-server\'s API listens on.', example: '0.0.0.0' } },
  'neutron-conf|DEFAULT|bind_port': { doc: { summary: 'Port neutron-server\'s API listens on.', example: '9696' } },
  'neutron-conf|DEFAULT|api_workers': { doc: { summary: 'Number of API worker processes of neutron-server; unset, one per CPU (bounded by memory).' } },
  'neutron-conf|DEFAULT|rpc_workers': { doc: { summary: 'Number of RPC worker processes of neutron-server.' } },
  'neutron-conf|DEFAULT|rpc_state_report_workers': { doc: { summary: 'Number of RPC workers dedicated to the agents\' heartbeats.' } },
  'neutron-conf|DEFAULT|auth_strategy': { doc: { summary: 'How API requests are authenticated: keystone, or noauth for tests.' } },
  'neutron-conf|DEFAULT|dns_domain': { doc: { summary: 'Domain of the DNS names of ports (dnsmasq and the DNS integration use it).', example: 'example.org.' } },
  'neutron-conf|DEFAULT|external_dns_driver': { doc: { summary: 'Driver of the external DNS service (designate) for the DNS integration.' } },
  'neutron-conf|DEFAULT|notify_nova_on_port_status_changes': { doc: { summary: 'Tells nova when a port goes up or down, so instances boot only once their ports are wired.' } },
  'neutron-conf|DEFAULT|notify_nova_on_port_data_changes': { doc: { summary: 'Tells nova when a port\'s addresses or floating IPs change, so nova\'s cache stays right.' } },
  'neutron-conf|DEFAULT|ipam_driver': { doc: { summary: 'IP address management driver; internal is Neutron\'s own.' } },
  'neutron-conf|DEFAULT|vlan_transparent': { doc: { summary: 'Lets networks carry VLAN-tagged traffic of instances unchanged, when the mechanism drivers support it.' } },
  'neutron-conf|DEFAULT|network_scheduler_driver': { doc: { summary: 'Class that picks the DHCP agents of a network.' } },
  'neutron-conf|DEFAULT|router_scheduler_driver': { doc: { summary: 'Class that picks the L3 agent(s) of a router.' } },
  'neutron-conf|DEFAULT|state_path': { doc: { summary: 'Directory where Neutron keeps its state; other paths refer to it as $state_path.' } },
  'neutron-conf|DEFAULT|host': {
    doc: {
      summary: 'Name this service reports itself as; agents are known to the server (and ports are bound) by it.',
      whenUnset: 'The system\'s host name.',
      whenWrong: 'A name different from Nova\'s makes every port on this host fail to bind.',
    },
  },
  'neutron-conf|agent|root_helper': { doc: { summary: 'Command the agents prefix to privileged commands (rootwrap).', example: 'sudo neutron-rootwrap /etc/neutron/rootwrap.conf' } },
  'neutron-conf|agent|root_helper_daemon': { doc: { summary: 'The rootwrap daemon the agents keep running for privileged commands (faster than root_helper).', example: 'sudo neutron-rootwrap-daemon /etc/neutron/rootwrap.conf' } },
  'neutron-conf|agent|report_interval': { doc: { summary: 'Seconds between the heartbeats each agent sends to the server; 0 turns them off.' } },
  'neutron-conf|agent|availability_zone': { doc: { summary: 'Availability zone of the DHCP and L3 agents that read this file.', example: 'az1' } },
  'neutron-conf|quotas|quota_network': { doc: { summary: 'Networks a project may have; -1 for no limit.' } },
  'neutron-conf|quotas|quota_subnet': { doc: { summary: 'Subnets a project may have; -1 for no limit.' } },
  'neutron-conf|quotas|quota_port': { doc: { summary: 'Ports a project may have; -1 for no limit.' } },
  'neutron-conf|quotas|quota_router': { doc: { summary: 'Routers a project may have; -1 for no limit.' } },
  'neutron-conf|quotas|quota_floatingip': { doc: { summary: 'Floating IPs a project may have; -1 for no limit.' } },
  'neutron-conf|quotas|quota_security_group': { doc: { summary: 'Security groups a project may have; -1 for no limit.' } },
  'neutron-conf|quotas|quota_security_group_rule': { doc: { summary: 'Security group rules a project may have; -1 for no limit.' } },
  'neutron-conf|quotas|default_quota': { doc: { summary: 'Quota of resources that have no quota option of their own; -1 for no limit.' } },
  'neutron-conf|experimental|linuxbridge': { doc: { summary: 'Lets neutron-server load the Linux bridge mechanism driver, which became experimental in Zed.', details: 'Without it, linuxbridge in mechanism_drivers stops neutron-server (Zed … 2024.2).' } },
};

/** Sections whose options mean the same in every agent: their hand-written explanation (and sharper type) is taken from the specs of the other files. */
const SAME_EVERYWHERE = new Set(['ovs', 'network_log', 'metadata_rate_limiting', 'securitygroup', 'agent|report_interval', 'agent|log_agent_heartbeats', 'agent|polling_interval', 'agent|quitting_rpc_timeout', 'agent|dscp', 'agent|dscp_inherit', 'DEFAULT|rpc_response_max_timeout']);
const DONORS: readonly OptionSpec[] = [...SHARED_OPTIONS, ...OVS_AGENT_OPTIONS, ...L3_AGENT_OPTIONS];

function donorOf(section: string, name: string): OptionSpec | undefined {
  if (!SAME_EVERYWHERE.has(section) && !SAME_EVERYWHERE.has(`${section}|${name}`)) return undefined;
  return DONORS.find((s) => s.section === section && s.name === name);
}

const SERVICE: Record<ScannedKind, string> = {
  'linuxbridge-agent': 'the Linux bridge agent',
  'sriov-agent': 'the SR-IOV NIC agent',
  'dhcp-agent': 'the DHCP agent',
  'neutron-conf': 'neutron-server (and the agents, which read neutron.conf too)',
};

const KIND_OF_DEBIAN_FILE: Record<string, ScannedKind> = DEBIAN_FILES;

/** Zed's exact facts of our kinds, by kind|section|name. */
const IN_ZED = new Set(DEBIAN_OPTIONS.map((f) => `${KIND_OF_DEBIAN_FILE[f.file]}|${f.section.toLowerCase() === 'default' ? 'DEFAULT' : f.section.toLowerCase()}|${f.dest}`));

function keyOf(kind: ScannedKind, section: string, name: string): Key {
  return `${kind}|${section === 'DEFAULT' ? section : section.toLowerCase()}|${name}`;
}

function genericDoc(kind: ScannedKind, section: string, name: string): OptionDoc {
  const words = name.replace(/_/g, ' ');
  return { summary: `A setting of ${SERVICE[kind]} in [${section}] (${words}); no explanation written yet, only its facts and history.` };
}

function factsChangesOf(f: AgentOptionFacts): FactsChange[] {
  if (!f.defaults) return [];
  return f.defaults.map((d) => ({ since: d.since, default: d.default, defaultText: sampleTextOf(f.osloType, d.default) }));
}

function historyOf(f: AgentOptionFacts, k: Knowledge | undefined): OptionHistory {
  const changes = [...(k?.history?.changes ?? [])];
  if (f.types && !k?.history?.changes) {
    for (const t of f.types.slice(1)) changes.push({ release: t.since, text: `oslo.config type became ${t.osloType}.` });
  }
  if (f.defaults && !k?.history?.changes) {
    for (const d of f.defaults.slice(1)) changes.push({ release: d.since, text: `The default became ${sampleTextOf(f.osloType, d.default) || 'empty'}.` });
  }
  const removedWithAgent = f.kind === 'linuxbridge-agent' && f.removed === LINUX_BRIDGE_REMOVED;
  const replacement = k?.history?.replacement ?? (removedWithAgent ? LINUX_BRIDGE_GONE : undefined);
  return {
    ...(f.added ? { added: f.added } : {}),
    ...(f.deprecated ? { deprecated: f.deprecated } : {}),
    ...(f.removed ? { removed: f.removed } : {}),
    ...(replacement ? { replacement } : {}),
    ...(changes.length ? { changes } : {}),
  };
}

function specOf(f: AgentOptionFacts): OptionSpec {
  const key = keyOf(f.kind, f.section, f.name);
  const k = KNOWLEDGE[key];
  const donor = k ? undefined : donorOf(f.section, f.name);
  const inZed = IN_ZED.has(key);
  const donorFacts = donor?.facts;
  const doc = k?.doc ?? donor?.doc ?? genericDoc(f.kind, f.section, f.name);
  const type = k?.type ?? (donor && donor.type && donor.type.oslo === f.osloType ? donor.type : undefined);
  const spec: OptionSpec = {
    section: f.section,
    name: f.name,
    kinds: [f.kind],
    doc,
    history: historyOf(f, k),
    ...(type ? { type } : {}),
    ...(k?.provider || donor?.provider ? { provider: true } : {}),
    ...(k?.choiceDocs ?? donor?.choiceDocs ? { choiceDocs: k?.choiceDocs ?? donor?.choiceDocs } : {}),
    ...(f.deprecatedNames ? { deprecatedNames: f.deprecatedNames.map((d) => ({ section: d.section, name: d.name })) } : {}),
  };
  if (f.preMitaka) spec.history = { ...spec.history, changes: [...(spec.history?.changes ?? []), { release: f.removed ?? 'mitaka', text: 'Dropped with the hand-written sample files, before the samples were generated.' }] };
  const changes = factsChangesOf(f);
  if (changes.length) spec.factsChanges = changes;
  if (!inZed) {
    const fromDonor = f.defaultInSource && donorFacts && donorFacts.osloType === f.osloType;
    spec.facts = {
      osloType: f.osloType,
      default: fromDonor ? donorFacts.default : f.default,
      ...(f.choices ? { choices: f.choices } : {}),
      ...(f.min !== undefined ? { min: f.min } : {}),
      ...(f.max !== undefined ? { max: f.max } : {}),
      ...(f.secret ? { secret: true } : {}),
      ...(f.osloType === 'multi valued' ? { multi: true } : {}),
    };
  }
  return spec;
}

/**
 * Zed's [DEFAULT] options of neutron.conf that libraries register (oslo.messaging,
 * oslo.service): read by every service from neutron.conf, facts only; their
 * history belongs to those libraries and is not tracked here.
 */
function libraryDefaultSpecs(): OptionSpec[] {
  const scanned = new Set(AGENT_OPTION_FACTS.map((f) => keyOf(f.kind, f.section, f.name)));
  const out: OptionSpec[] = [];
  for (const f of DEBIAN_OPTIONS) {
    const kind = KIND_OF_DEBIAN_FILE[f.file];
    if (f.namespace === 'oslo.log' || f.namespace.startsWith('neutron')) continue;
    if (scanned.has(keyOf(kind, f.section, f.dest))) continue;
    const k = KNOWLEDGE[keyOf(kind, f.section, f.dest)];
    out.push({
      section: f.section,
      name: f.dest,
      kinds: [kind],
      doc: k?.doc ?? LIBRARY_DOCS[f.dest] ?? { summary: `An option of ${f.namespace}, which every Neutron service reads from [DEFAULT].`, details: `Its history across releases belongs to ${f.namespace} and is not tracked here.` },
    });
  }
  return out;
}

const LIBRARY_DOCS: Record<string, OptionDoc> = {
  transport_url: {
    summary: 'Message bus URL (oslo.messaging), such as rabbit://user:password@controller:5672/; every service talks to the others through it.',
    example: 'rabbit://neutron:secret@controller:5672/',
    whenWrong: 'A wrong URL leaves the service unable to talk to the rest of Neutron; agents show as down.',
  },
  rpc_response_timeout: { summary: 'Seconds an RPC call may take before it times out (oslo.messaging).' },
  control_exchange: { summary: 'Default exchange of the message bus that Neutron\'s topics live in (oslo.messaging).' },
  api_paste_config: { summary: 'Paste configuration of neutron-server\'s API pipeline (oslo.service).', example: 'api-paste.ini' },
};

/**
 * Options a service reads although no sample of its file lists them: the
 * SR-IOV agent imports neutron.plugins.ml2.drivers.agent.config, which
 * registers the common L2 agent options in [agent]
 * (neutron/plugins/ml2/drivers/mech_sriov/agent/common/config.py @21.0.0);
 * the DHCP agent registers meta_conf.SHARED_OPTS (neutron/agent/dhcp_agent.py
 * @21.0.0, register_meta_conf_opts). Facts and explanation come from the
 * same option in another file's catalogue.
 */
const READ_NOT_SAMPLED: { kind: ScannedKind; section: string; name: string; from: { kind: CatalogKind; specs: readonly OptionSpec[] } | AgentOptionFacts | undefined; added?: ReleaseId }[] = [
  ...(['polling_interval', 'quitting_rpc_timeout', 'dscp', 'dscp_inherit'] as const).map((name) => ({
    kind: 'sriov-agent' as const,
    section: 'agent',
    name,
    from: { kind: 'ovs-agent' as CatalogKind, specs: OVS_AGENT_OPTIONS },
    added: name === 'dscp' || name === 'dscp_inherit' ? ('queens' as const) : name === 'quitting_rpc_timeout' ? ('liberty' as const) : ('juno' as const),
  })),
  { kind: 'dhcp-agent', section: 'DEFAULT', name: 'metadata_proxy_socket', from: { kind: 'l3-agent', specs: L3_AGENT_OPTIONS } },
  { kind: 'dhcp-agent', section: 'DEFAULT', name: 'metadata_proxy_user', from: AGENT_OPTION_FACTS.find((f) => f.kind === 'neutron-conf' && f.name === 'metadata_proxy_user'), added: 'kilo' },
  { kind: 'dhcp-agent', section: 'DEFAULT', name: 'metadata_proxy_group', from: AGENT_OPTION_FACTS.find((f) => f.kind === 'neutron-conf' && f.name === 'metadata_proxy_group'), added: 'kilo' },
];

function readNotSampled(): OptionSpec[] {
  return READ_NOT_SAMPLED.map((r) => {
    const history: OptionHistory = r.added ? { added: r.added } : {};
    if (r.from && 'specs' in r.from) {
      const donor = r.from.specs.find((s) => s.section === r.section && s.name === r.name);
      if (!donor?.facts) throw new Error(`no facts for ${r.kind} [${r.section}] ${r.name}`);
      return { section: r.section, name: r.name, kinds: [r.kind], inSample: false, facts: donor.facts, doc: donor.doc, history, ...(donor.type ? { type: donor.type } : {}) };
    }
    const f = r.from;
    if (!f) throw new Error(`no facts for ${r.kind} [${r.section}] ${r.name}`);
    const doc: OptionDoc =
      r.name === 'metadata_proxy_user'
        ? { summary: 'User the metadata proxies of the DHCP namespaces run as; empty, the agent\'s own user.' }
        : { summary: 'Group the metadata proxies of the DHCP namespaces run as; empty, the agent\'s own group.' };
    return { section: r.section, name: r.name, kinds: [r.kind], inSample: false, facts: { osloType: f.osloType, default: f.default }, doc, history };
  });
}

/**
 * [DEFAULT] root_helper: registered in [DEFAULT] besides [AGENT] "for
 * backward compatibility" until Juno (neutron/agent/common/config.py
 * register_root_helper @2014.1, 2014.2; only [AGENT] @2015.1.0).
 */
const DEFAULT_ROOT_HELPER: OptionSpec = {
  section: 'DEFAULT',
  name: 'root_helper',
  kinds: ['dhcp-agent', 'linuxbridge-agent', 'neutron-conf'],
  inSample: false,
  facts: { osloType: 'string value', default: 'sudo' },
  doc: { summary: 'Command prefixed to privileged commands, read from [DEFAULT] as well as [agent] until Juno.', example: 'sudo neutron-rootwrap /etc/neutron/rootwrap.conf' },
  history: { removed: 'kilo', replacement: { section: 'agent', name: 'root_helper' } },
};

export const AGENT_OPTIONS: OptionSpec[] = [...AGENT_OPTION_FACTS.map(specOf), ...libraryDefaultSpecs(), ...readNotSampled(), DEFAULT_ROOT_HELPER];

/** Specs shared with other kinds (oslo.log) that name the Linux bridge agent: its file is read by nothing from 2025.1. */
export function withLinuxBridgeRemoval(specs: readonly OptionSpec[]): OptionSpec[] {
  const kind: CatalogKind = 'linuxbridge-agent';
  return specs.map((spec) => {
    if (!spec.kinds.includes(kind) || spec.kinds.length === 1) return spec;
    const own = { ...(spec.history ?? {}), ...(spec.perKind?.[kind]?.history ?? {}) };
    if (own.removed && !isAtOrAfter(own.removed, LINUX_BRIDGE_REMOVED)) return spec;
    if (own.added && isAtOrAfter(own.added, LINUX_BRIDGE_REMOVED)) return { ...spec, kinds: spec.kinds.filter((k) => k !== kind) };
    return { ...spec, perKind: { ...spec.perKind, [kind]: { ...spec.perKind?.[kind], history: { ...own, removed: LINUX_BRIDGE_REMOVED, replacement: own.replacement ?? LINUX_BRIDGE_GONE } } } };
  });
}
