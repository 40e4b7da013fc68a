import type { OptionSpec } from '../model';
import { type Choice, IntegerType, ListType, StringType } from '../valueTypes';

/** Settings the L3 agent (neutron-l3-agent) reads from l3_agent.ini. */

export const INTERFACE_DRIVERS: Choice[] = [
  { value: 'openvswitch', description: 'Plugs router and gateway ports into Open vSwitch (br-int).', since: 'mitaka' },
  { value: 'linuxbridge', description: 'Plugs router ports into Linux bridges (Linux bridge agent).', since: 'mitaka', removedIn: '2025.1' },
  { value: 'null', description: 'Plugs nothing; for drivers that wire ports themselves.', since: 'mitaka' },
];

const AGENT_MODES: Record<string, Omit<Choice, 'value'>> = {
  legacy: { description: 'Centralised routing: this agent runs whole routers (SNAT, floating IPs, routing) on a network node.' },
  dvr_snat: { description: 'DVR network node: runs the central SNAT part of distributed routers (and whole legacy routers).' },
  dvr: { description: 'DVR compute node: routes between networks and serves floating IPs for the instances of this host.' },
  dvr_no_external: { description: 'DVR compute node without external connectivity: east-west routing only; floating IPs are served by the dvr_snat node.', since: 'pike' },
};

const CONNTRACKD = { added: '2025.1' as const };

export const L3_AGENT_OPTIONS: OptionSpec[] = [
  {
    section: 'DEFAULT',
    name: 'interface_driver',
    kinds: ['l3-agent'],
    provider: true,
    type: new StringType({ choices: INTERFACE_DRIVERS, choiceMode: 'open', classPath: true }),
    doc: {
      summary: 'How the agent plugs router interfaces into the L2 layer; openvswitch with the OVS agent.',
      details: 'Must match the L2 agent of the host. Class paths such as neutron.agent.linux.interface.OVSInterfaceDriver were the only form before Mitaka and still load.',
      example: 'openvswitch',
      whenUnset: 'Before 2025.1 there is no default and the agent refuses to start; from 2025.1 it is openvswitch.',
      whenWrong: 'A driver that does not match the host\'s L2 agent leaves router ports unplugged: routers exist but pass no traffic.',
    },
    history: { changes: [{ release: '2025.1', text: 'The default became openvswitch (none before); linuxbridge was removed.' }] },
    factsChanges: [{ since: '2025.1', default: 'openvswitch', defaultText: 'openvswitch' }],
  },
  {
    section: 'DEFAULT',
    name: 'agent_mode',
    kinds: ['l3-agent'],
    provider: true,
    choiceDocs: AGENT_MODES,
    doc: {
      summary: 'The role of this L3 agent: centralised (legacy), or a part of distributed virtual routing (DVR).',
      details: 'Network nodes run legacy or dvr_snat; compute nodes of a DVR deployment run dvr (or dvr_no_external). DVR also needs enable_distributed_routing and l2_population on the OVS agents.',
      example: 'legacy',
      whenWrong: 'dvr on a network node, or dvr_snat on every compute node, schedules router parts where they cannot work; distributed routers lose SNAT or floating IPs.',
    },
    history: { added: 'juno', changes: [{ release: 'pike', text: 'dvr_no_external added.' }] },
  },
  {
    section: 'DEFAULT',
    name: 'ovs_use_veth',
    kinds: ['l3-agent'],
    doc: { summary: 'Plugs router ports into OVS through veth pairs instead of OVS internal ports.', details: 'Only needed on old kernels without proper namespace support.' },
  },
  {
    section: 'DEFAULT',
    name: 'ovs_integration_bridge',
    kinds: ['l3-agent'],
    provider: true,
    doc: {
      summary: 'OVS integration bridge the router ports are plugged into.',
      example: 'br-int',
      whenWrong: 'A bridge other than the OVS agent\'s integration_bridge leaves router ports outside the agent\'s flows.',
    },
    history: {
      deprecated: 'ussuri',
      removed: '2024.1',
      replacement: { section: 'ovs', name: 'integration_bridge', note: 'Set [ovs] integration_bridge instead (same default, br-int).' },
    },
  },
  {
    section: 'DEFAULT',
    name: 'external_network_bridge',
    kinds: ['l3-agent'],
    provider: true,
    facts: { osloType: 'string value', default: 'br-ex' },
    doc: {
      summary: 'Bridge the agent plugged router gateways into directly, bypassing bridge_mappings.',
      example: '',
      details:
        'Non-empty, router gateways go straight into that bridge without a VLAN or physnet, so an external network that is a flat or VLAN provider network (mapped to br-ex in bridge_mappings) does not work. Setting it to an empty value made gateways go through br-int and bridge_mappings like any other port.',
      whenUnset: 'br-ex until Mitaka (gateways bypass bridge_mappings); empty from Newton.',
      whenWrong: 'Stein and later silently ignore it.',
    },
    history: {
      deprecated: 'mitaka',
      removed: 'stein',
      replacement: { note: 'Create the external network as a flat (or VLAN) provider network on a physnet that bridge_mappings maps to br-ex.' },
      changes: [{ release: 'newton', text: 'The default changed from br-ex to empty.' }],
    },
    factsChanges: [{ since: 'newton', default: '', defaultText: '' }],
  },
  {
    section: 'DEFAULT',
    name: 'gateway_external_network_id',
    kinds: ['l3-agent'],
    facts: { osloType: 'string value', default: '' },
    doc: { summary: 'Limited the agent to routers whose gateway is on this one external network.', whenWrong: 'Train and later ignore it.' },
    history: { deprecated: 'pike', removed: 'train', replacement: { note: 'An agent serves routers of any external network; schedule with availability zones instead.' } },
  },
  {
    section: 'DEFAULT',
    name: 'router_id',
    kinds: ['l3-agent'],
    facts: { osloType: 'string value', default: '' },
    doc: { summary: 'Made the agent host only this one router (used without namespaces).' },
    history: { deprecated: 'mitaka', removed: 'newton', replacement: { note: 'Routers always live in namespaces now.' } },
  },
  {
    section: 'DEFAULT',
    name: 'use_namespaces',
    kinds: ['l3-agent'],
    facts: { osloType: 'boolean value', default: true },
    doc: { summary: 'Put each router in its own network namespace (off meant one router per agent).' },
    history: { deprecated: 'liberty', removed: 'mitaka', replacement: { note: 'Namespaces are always used.' } },
  },
  {
    section: 'DEFAULT',
    name: 'router_delete_namespaces',
    kinds: ['l3-agent'],
    facts: { osloType: 'boolean value', default: true },
    doc: { summary: 'Deleted a router\'s namespace when the router went away.' },
    history: { deprecated: 'liberty', removed: 'mitaka', replacement: { note: 'Namespaces are always deleted.' } },
  },
  {
    section: 'DEFAULT',
    name: 'send_arp_for_ha',
    kinds: ['l3-agent'],
    facts: { osloType: 'integer value', default: 3 },
    doc: { summary: 'Number of gratuitous ARPs sent when a router address moves.' },
    history: { deprecated: 'ocata', removed: 'pike' },
  },
  {
    section: 'DEFAULT',
    name: 'network_device_mtu',
    kinds: ['l3-agent'],
    facts: { osloType: 'integer value', default: null },
    doc: { summary: 'MTU set on router interfaces, before Neutron computed MTUs per network.' },
    history: { deprecated: 'mitaka', removed: 'newton', replacement: { note: 'Interfaces take the MTU of their network (global_physnet_mtu, path_mtu on the server).' } },
  },
  {
    section: 'DEFAULT',
    name: 'ovs_vsctl_timeout',
    kinds: ['l3-agent'],
    facts: { osloType: 'integer value', default: 10 },
    doc: { summary: 'Timeout in seconds of ovs-vsctl commands.' },
    history: { deprecated: 'queens', removed: 'stein', replacement: { section: 'ovs', name: 'ovsdb_timeout' } },
  },
  {
    section: 'DEFAULT',
    name: 'metadata_proxy_socket',
    kinds: ['l3-agent'],
    inSample: false,
    facts: { osloType: 'string value', default: '$state_path/metadata_proxy' },
    doc: {
      summary: 'UNIX socket of the metadata agent, which the router namespaces\' metadata proxies forward to.',
      details: 'Must be the same path as in metadata_agent.ini; the L3 agent reads it although recent sample files do not list it here.',
    },
  },
  {
    section: 'DEFAULT',
    name: 'handle_internal_only_routers',
    kinds: ['l3-agent'],
    doc: { summary: 'Whether this agent also hosts routers that have no external gateway.', details: 'Usually on for just one agent; with it off everywhere, routers without a gateway are hosted nowhere.' },
  },
  {
    section: 'DEFAULT',
    name: 'metadata_port',
    kinds: ['l3-agent'],
    doc: { summary: 'Port the metadata proxy inside router namespaces listens on (requests to 169.254.169.254:80 are redirected there).', example: '9697' },
  },
  {
    section: 'DEFAULT',
    name: 'enable_metadata_proxy',
    kinds: ['l3-agent'],
    doc: {
      summary: 'Runs a metadata proxy in each router namespace, so instances on routed networks reach the metadata service.',
      whenWrong: 'Off without the DHCP agent\'s isolated metadata: instances get no metadata (keys, user data).',
    },
  },
  {
    section: 'DEFAULT',
    name: 'ipv6_gateway',
    kinds: ['l3-agent'],
    type: new StringType({ what: 'an IPv6 link-local address, or empty', example: 'fe80::1' }),
    doc: {
      summary: 'Link-local address of the upstream IPv6 router, for external networks without an IPv6 subnet.',
      example: 'fe80::1',
      whenWrong: 'An address that is not link-local is ignored with an error in the log.',
    },
    history: { added: 'kilo' },
  },
  {
    section: 'DEFAULT',
    name: 'prefix_delegation_driver',
    kinds: ['l3-agent'],
    doc: { summary: 'Program used for IPv6 prefix delegation.', details: 'Only dibbler ships with Neutron.' },
    history: { added: 'liberty', removed: '2025.1', replacement: { note: 'IPv6 prefix delegation was removed.' } },
  },
  {
    section: 'DEFAULT',
    name: 'pd_dhcp_driver',
    kinds: ['l3-agent'],
    facts: { osloType: 'string value', default: 'dibbler' },
    doc: { summary: 'Program used for IPv6 prefix delegation, in Liberty to Pike.' },
    history: { added: 'liberty', removed: 'queens', replacement: { section: 'DEFAULT', name: 'prefix_delegation_driver' } },
  },
  {
    section: 'DEFAULT',
    name: 'pd_confs',
    kinds: ['l3-agent'],
    doc: { summary: 'Directory of the prefix delegation client\'s files.' },
    history: { added: 'liberty', removed: '2025.1', replacement: { note: 'IPv6 prefix delegation was removed.' } },
  },
  {
    section: 'DEFAULT',
    name: 'vendor_pen',
    kinds: ['l3-agent'],
    doc: { summary: 'IANA enterprise number sent in DHCPv6 prefix delegation requests.' },
    history: { added: 'liberty', removed: '2025.1', replacement: { note: 'IPv6 prefix delegation was removed.' } },
  },
  {
    section: 'DEFAULT',
    name: 'metadata_access_mark',
    kinds: ['l3-agent'],
    doc: { summary: 'iptables mark (hexadecimal) for packets allowed to reach the metadata proxy; change it only if it clashes with other marks.' },
    history: { added: 'kilo' },
  },
  {
    section: 'DEFAULT',
    name: 'external_ingress_mark',
    kinds: ['l3-agent'],
    doc: { summary: 'iptables mark (hexadecimal) for packets entering a router from the external network.' },
    history: { added: 'kilo' },
  },
  {
    section: 'DEFAULT',
    name: 'radvd_user',
    kinds: ['l3-agent'],
    doc: { summary: 'User radvd switches to after starting; empty leaves it running as the user that started it (root).', example: 'neutron' },
    history: { added: 'ussuri' },
  },
  {
    section: 'DEFAULT',
    name: 'cleanup_on_shutdown',
    kinds: ['l3-agent'],
    doc: { summary: 'Deletes all routers of this agent (namespaces, processes) when the agent stops.', whenWrong: 'On, stopping or restarting the agent cuts routed traffic.' },
    history: { added: 'ussuri' },
  },
  {
    section: 'DEFAULT',
    name: 'keepalived_use_no_track',
    kinds: ['l3-agent'],
    doc: { summary: 'Uses keepalived\'s no_track option for the addresses of HA routers (needs keepalived 2.0.3 or newer).' },
    history: { added: 'victoria', deprecated: 'wallaby', removed: '2023.1' },
  },
  {
    section: 'DEFAULT',
    name: 'periodic_interval',
    kinds: ['l3-agent'],
    doc: { summary: 'Seconds between the agent\'s periodic tasks (such as full router resynchronisation).' },
  },
  {
    section: 'DEFAULT',
    name: 'periodic_fuzzy_delay',
    kinds: ['l3-agent'],
    doc: { summary: 'Longest random delay, in seconds, before the periodic tasks first run, to spread load.' },
  },
  {
    section: 'DEFAULT',
    name: 'api_workers',
    kinds: ['l3-agent'],
    doc: { summary: 'Number of API worker processes; the L3 agent serves no API, so it has no effect here.' },
    history: { changes: [{ release: '2024.1', text: 'oslo.config refuses values below 1.' }] },
  },
  {
    section: 'DEFAULT',
    name: 'rpc_workers',
    kinds: ['l3-agent'],
    doc: { summary: 'Number of RPC worker processes; used by neutron-server, not by the L3 agent.' },
    history: { changes: [{ release: '2024.1', text: 'oslo.config refuses negative values.' }] },
  },
  {
    section: 'DEFAULT',
    name: 'rpc_state_report_workers',
    kinds: ['l3-agent'],
    doc: { summary: 'Number of RPC workers for agent state reports; used by neutron-server, not by the L3 agent.' },
    history: { added: 'mitaka' },
  },

  // ---------------------------------------------------------------- L3 HA (keepalived)
  {
    section: 'DEFAULT',
    name: 'ha_confs_path',
    kinds: ['l3-agent'],
    doc: { summary: 'Directory for keepalived configuration of HA routers.', example: '$state_path/ha_confs' },
    history: { added: 'juno' },
  },
  {
    section: 'DEFAULT',
    name: 'ha_vrrp_auth_type',
    kinds: ['l3-agent'],
    choiceDocs: {
      PASS: { description: 'VRRP packets carry a plain-text password.' },
      AH: { description: 'VRRP packets are authenticated with IPsec AH.' },
    },
    doc: { summary: 'Authentication of the VRRP packets HA routers exchange.', whenWrong: 'Agents of one router disagreeing make both sides master (split brain).' },
    history: { added: 'juno' },
  },
  {
    section: 'DEFAULT',
    name: 'ha_vrrp_auth_password',
    kinds: ['l3-agent'],
    doc: { summary: 'Password of VRRP authentication; must be the same on all L3 agents.', whenWrong: 'Different passwords split HA routers into several masters.' },
    history: { added: 'juno' },
  },
  {
    section: 'DEFAULT',
    name: 'ha_vrrp_advert_int',
    kinds: ['l3-agent'],
    doc: { summary: 'Seconds between VRRP advertisements of HA routers; failover takes about three of them.' },
    history: { added: 'juno' },
  },
  {
    section: 'DEFAULT',
    name: 'ha_keepalived_state_change_server_threads',
    kinds: ['l3-agent'],
    doc: { summary: 'Threads handling keepalived\'s state-change notifications.', whenUnset: '(1 + number of CPUs) / 2.' },
    history: { added: 'ocata' },
  },
  {
    section: 'DEFAULT',
    name: 'ha_vrrp_health_check_interval',
    kinds: ['l3-agent'],
    doc: { summary: 'Seconds between keepalived checks that the router\'s gateway answers pings; 0 turns the check off.' },
    history: { added: 'ocata' },
  },
  ...(
    [
      ['ha_conntrackd_enabled', 'boolean value', false, 'Runs conntrackd beside keepalived so HA routers keep connection state across failover.'],
      ['ha_conntrackd_hashsize', 'integer value', 32768, 'Size of conntrackd\'s hash table.'],
      ['ha_conntrackd_hashlimit', 'integer value', 131072, 'Most connections conntrackd tracks.'],
      ['ha_conntrackd_unix_backlog', 'integer value', 20, 'Backlog of conntrackd\'s control socket.'],
      ['ha_conntrackd_socketbuffersize', 'integer value', 262142, 'Netlink socket buffer size of conntrackd.'],
      ['ha_conntrackd_socketbuffersize_max_grown', 'integer value', 655355, 'Largest size conntrackd may grow its netlink buffer to.'],
      ['ha_conntrackd_ipv4_mcast_addr', 'string value', '225.0.0.50', 'Multicast address conntrackd instances synchronise over.'],
      ['ha_conntrackd_group', 'integer value', 3780, 'Multicast group (port) of conntrackd synchronisation.'],
      ['ha_conntrackd_sndsocketbuffer', 'integer value', 24985600, 'Send buffer of conntrackd\'s multicast socket.'],
      ['ha_conntrackd_rcvsocketbuffer', 'integer value', 24985600, 'Receive buffer of conntrackd\'s multicast socket.'],
    ] as const
  ).map(
    ([name, osloType, def, summary]): OptionSpec => ({
      section: 'DEFAULT',
      name,
      kinds: ['l3-agent'],
      facts: { osloType, default: def },
      doc: { summary },
      history: CONNTRACKD,
    }),
  ),

  // ---------------------------------------------------------------- router advertisements
  {
    section: 'DEFAULT',
    name: 'ra_confs',
    kinds: ['l3-agent'],
    doc: { summary: 'Directory for radvd configuration (IPv6 router advertisements).' },
    history: { added: 'juno' },
  },
  {
    section: 'DEFAULT',
    name: 'min_rtr_adv_interval',
    kinds: ['l3-agent'],
    doc: { summary: 'Shortest interval in seconds between IPv6 router advertisements.' },
    history: { added: 'mitaka' },
  },
  {
    section: 'DEFAULT',
    name: 'max_rtr_adv_interval',
    kinds: ['l3-agent'],
    doc: { summary: 'Longest interval in seconds between IPv6 router advertisements.', whenWrong: 'Below min_rtr_adv_interval, radvd refuses its configuration.' },
    history: { added: 'mitaka' },
  },

  // ---------------------------------------------------------------- [metadata_rate_limiting]
  {
    section: 'metadata_rate_limiting',
    name: 'rate_limit_enabled',
    kinds: ['l3-agent'],
    facts: { osloType: 'boolean value', default: false },
    doc: { summary: 'Limits how often instances may query the metadata service through the router\'s proxy.' },
    history: { added: '2024.1' },
  },
  {
    section: 'metadata_rate_limiting',
    name: 'ip_versions',
    kinds: ['l3-agent'],
    type: new ListType(new IntegerType({}, undefined, [{ value: 4, description: 'IPv4 metadata requests.' }, { value: 6, description: 'IPv6 metadata requests.' }]), { what: 'IP versions (4, 6)', example: '4' }),
    facts: { osloType: 'list value', default: [4] },
    doc: { summary: 'IP versions whose metadata requests are rate limited.' },
    history: { added: '2024.1' },
  },
  ...(
    [
      ['base_window_duration', 'Length in seconds of the normal rate-limit window.'],
      ['base_query_rate_limit', 'Requests allowed per normal window.'],
      ['burst_window_duration', 'Length in seconds of the burst window.'],
      ['burst_query_rate_limit', 'Requests allowed per burst window.'],
    ] as const
  ).map(
    ([name, summary]): OptionSpec => ({
      section: 'metadata_rate_limiting',
      name,
      kinds: ['l3-agent'],
      facts: { osloType: 'integer value', default: 10 },
      doc: { summary },
      history: { added: '2024.1' },
    }),
  ),
];
