import type { OptionSpec } from '../model';
import { HostAddressType, ListType, StringType } from '../valueTypes';

/**
 * Sections several of the three files carry: `[securitygroup]` (ML2 server
 * and OVS agent), `[network_log]` (OVS and L3 agents), the OVSDB connection
 * settings of `[ovs]` (OVS and L3 agents; the ML2 server too with OVN), the
 * agents' `[agent]` heartbeat and `[DEFAULT] rpc_response_max_timeout`.
 */

export const FIREWALL_DRIVERS = [
  { value: 'openvswitch', description: 'Security groups as OpenFlow rules in br-int, using conntrack; no per-port Linux bridge.', since: 'mitaka' as const },
  { value: 'iptables_hybrid', description: 'iptables rules on a per-port Linux bridge (qbr) between the instance and br-int; the classic OVS set-up.', since: 'mitaka' as const },
  { value: 'iptables', description: 'iptables rules applied directly to the port (for the Linux bridge agent).', since: 'mitaka' as const },
  { value: 'noop', description: 'No filtering by the agent: security groups are not enforced on this host.', since: 'mitaka' as const },
];

const ethertype = new StringType({ what: 'an Ethernet type in hexadecimal, such as 0x4008', example: '0x4008' });

export const SHARED_OPTIONS: OptionSpec[] = [
  // ---------------------------------------------------------------- [securitygroup]
  {
    section: 'securitygroup',
    name: 'firewall_driver',
    // The SR-IOV agent registers [securitygroup] too (neutron/agent/securitygroups_rpc.py imported by sriov_nic_agent.py @21.0.0), though its sample omits it.
    kinds: ['ml2', 'ovs-agent', 'sriov-agent'],
    perKind: { 'sriov-agent': { inSample: false, history: { added: 'juno' } } },
    type: new StringType({ choices: FIREWALL_DRIVERS, choiceMode: 'open', classPath: true }),
    doc: {
      summary: 'How the agent enforces security groups on the ports of this host.',
      details:
        'Read by the L2 agent. openvswitch programs the rules as flows in br-int; iptables_hybrid inserts a Linux bridge (qbr-XX) per port and filters there with iptables. Older releases took a class path, such as neutron.agent.linux.iptables_firewall.OVSHybridIptablesFirewallDriver; the short names exist since Mitaka. In ml2_conf.ini the server only needs it to know whether security groups are enforced at all.',
      example: 'openvswitch',
      whenUnset: 'No driver is loaded: the agent behaves as with noop and security groups are not enforced, although enable_security_group may say otherwise.',
      whenWrong:
        'A name the agent cannot load stops it. Switching an existing host between iptables_hybrid and openvswitch needs the old qbr bridges cleaned up (or the instances restarted). noop together with enable_security_group = true leaves ports open while the API shows rules.',
    },
    provider: true,
  },
  {
    section: 'securitygroup',
    name: 'enable_security_group',
    // The SR-IOV agent registers [securitygroup] too (neutron/agent/securitygroups_rpc.py imported by sriov_nic_agent.py @21.0.0), though its sample omits it.
    kinds: ['ml2', 'ovs-agent', 'sriov-agent'],
    perKind: { 'sriov-agent': { inSample: false, history: { added: 'juno' } } },
    doc: {
      summary: 'Whether the security group API is offered (server) and enforced (agent).',
      details: 'Set the same value on the server and on every agent; false is meant for deployments that want no filtering at all, together with firewall_driver = noop.',
      whenWrong: 'Server and agents disagreeing leaves ports either unfiltered or blocked in ways the API does not show.',
    },
  },
  {
    section: 'securitygroup',
    name: 'enable_ipset',
    // The SR-IOV agent registers [securitygroup] too (neutron/agent/securitygroups_rpc.py imported by sriov_nic_agent.py @21.0.0), though its sample omits it.
    kinds: ['ml2', 'ovs-agent', 'sriov-agent'],
    perKind: { 'sriov-agent': { inSample: false } },
    doc: {
      summary: 'Lets the iptables-based drivers group remote addresses in ipsets, so rules that refer to other groups stay small.',
      details: 'Has no effect with the openvswitch driver. Needs the ipset tool on the host.',
    },
    history: { added: 'juno' },
  },
  {
    section: 'securitygroup',
    name: 'permitted_ethertypes',
    // The SR-IOV agent registers [securitygroup] too (neutron/agent/securitygroups_rpc.py imported by sriov_nic_agent.py @21.0.0), though its sample omits it.
    kinds: ['ml2', 'ovs-agent', 'sriov-agent'],
    perKind: { 'sriov-agent': { inSample: false } },
    type: new ListType(ethertype, { what: 'Ethernet types in hexadecimal', example: '0x4008' }),
    doc: {
      summary: 'Extra Ethernet types (besides IPv4, IPv6 and ARP) that security groups let through.',
      format: 'Comma-separated Ethernet types in hexadecimal, each starting with 0x (0x4008 is InfiniBand).',
      example: '0x4008',
    },
    history: { added: 'train' },
  },

  // ---------------------------------------------------------------- [network_log]
  {
    section: 'network_log',
    name: 'rate_limit',
    kinds: ['ovs-agent', 'l3-agent'],
    doc: {
      summary: 'Most packets per second the logging extension writes to the log.',
      details: 'Used by the log extension of the OVS agent (security group logging) and the L3 agent (SNAT logging).',
    },
    history: { added: 'queens' },
    perKind: { 'l3-agent': { history: { added: 'rocky' } } },
  },
  {
    section: 'network_log',
    name: 'burst_limit',
    kinds: ['ovs-agent', 'l3-agent'],
    doc: { summary: 'Most logged packets the logging extension lets through in a burst above rate_limit.' },
    history: { added: 'queens' },
    perKind: { 'l3-agent': { history: { added: 'rocky' } } },
  },
  {
    section: 'network_log',
    name: 'local_output_log_base',
    kinds: ['ovs-agent', 'l3-agent'],
    doc: {
      summary: 'File where packet logs go; unset, they go to the agent\'s own log.',
      example: '/var/log/neutron/packets.log',
    },
    history: { added: 'queens' },
    perKind: { 'l3-agent': { history: { added: 'rocky' } } },
  },

  // ---------------------------------------------------------------- [ovs] OVSDB access (OVS agent, L3 agent, ML2 with OVN)
  {
    section: 'ovs',
    name: 'ovsdb_connection',
    kinds: ['ovs-agent', 'l3-agent'],
    type: new StringType({ what: 'tcp:IP:PORT, ssl:IP:PORT or unix:PATH', example: 'tcp:127.0.0.1:6640' }),
    doc: {
      summary: 'How the agent reaches the local Open vSwitch database (ovsdb-server).',
      format: 'tcp:IP:PORT, ssl:IP:PORT (then set the ssl_* files) or unix:PATH.',
      example: 'unix:/var/run/openvswitch/db.sock',
      details: 'With a tcp: address the agent asks ovs-vsctl to open that manager port on first use.',
      whenWrong: 'An address nothing listens on leaves the agent unable to create bridges or ports; it retries and logs timeouts.',
    },
    history: { added: 'kilo' },
  },
  {
    section: 'ovs',
    name: 'ssl_key_file',
    kinds: ['ovs-agent', 'l3-agent'],
    doc: { summary: 'Private key the agent presents when ovsdb_connection is an ssl: address.', example: '/etc/neutron/ovsdb/key.pem' },
    history: { added: 'queens' },
  },
  {
    section: 'ovs',
    name: 'ssl_cert_file',
    kinds: ['ovs-agent', 'l3-agent'],
    doc: { summary: 'Certificate the agent presents when ovsdb_connection is an ssl: address.', example: '/etc/neutron/ovsdb/cert.pem' },
    history: { added: 'queens' },
  },
  {
    section: 'ovs',
    name: 'ssl_ca_cert_file',
    kinds: ['ovs-agent', 'l3-agent'],
    doc: { summary: 'CA certificate that must have signed ovsdb-server\'s certificate when ovsdb_connection is an ssl: address.', example: '/etc/neutron/ovsdb/ca.pem' },
    history: { added: 'queens' },
  },
  {
    section: 'ovs',
    name: 'ovsdb_debug',
    kinds: ['ovs-agent', 'l3-agent'],
    doc: { summary: 'Adds the OVSDB library\'s own debug messages to the agent log.' },
    history: { added: 'rocky' },
  },
  {
    section: 'ovs',
    name: 'ovsdb_timeout',
    // The OVS agent registers this and the options up to igmp_flood_unregistered too (neutron.conf.agent.ovs_conf, through its
    // OVSDB library), though its sample does not list them.
    kinds: ['l3-agent', 'ml2', 'ovs-agent'],
    doc: {
      summary: 'Seconds to wait for an OVSDB command before giving up.',
      whenWrong: 'Too small on a busy host makes bridge and port changes fail with timeouts.',
    },
    deprecatedNames: [{ section: 'DEFAULT', name: 'ovs_vsctl_timeout', since: 'queens', removed: 'stein' }],
    history: { added: 'queens' },
    perKind: { ml2: { history: { added: 'ussuri' }, sampledSince: '2024.1' }, 'ovs-agent': { inSample: false } },
  },
  {
    section: 'ovs',
    name: 'bridge_mac_table_size',
    kinds: ['l3-agent', 'ml2', 'ovs-agent'],
    doc: { summary: 'Size of the MAC learning table of the bridges the service creates.' },
    history: { added: 'rocky' },
    perKind: { ml2: { history: { added: 'ussuri' }, sampledSince: '2024.1' }, 'ovs-agent': { inSample: false } },
  },
  {
    section: 'ovs',
    name: 'igmp_snooping_enable',
    kinds: ['l3-agent', 'ml2', 'ovs-agent'],
    doc: {
      summary: 'Turns on IGMP snooping on the integration bridge, so multicast reaches only the ports that joined a group.',
      details: 'With OVN it applies to the logical switches instead.',
    },
    history: { added: 'ussuri' },
    perKind: { ml2: { sampledSince: '2024.1' }, 'ovs-agent': { inSample: false } },
  },
  {
    section: 'ovs',
    name: 'igmp_flood',
    kinds: ['l3-agent', 'ml2', 'ovs-agent'],
    facts: { osloType: 'boolean value', default: false },
    doc: { summary: 'With IGMP snooping on, still floods multicast packets to every port.' },
    history: { added: '2024.1' },
    perKind: { 'ovs-agent': { inSample: false } },
  },
  {
    section: 'ovs',
    name: 'igmp_flood_reports',
    kinds: ['l3-agent', 'ml2', 'ovs-agent'],
    facts: { osloType: 'boolean value', default: true },
    doc: { summary: 'With IGMP snooping on, floods IGMP reports to every port.' },
    history: { added: '2024.1' },
    perKind: { 'ovs-agent': { inSample: false } },
  },
  {
    section: 'ovs',
    name: 'igmp_flood_unregistered',
    kinds: ['l3-agent', 'ml2', 'ovs-agent'],
    facts: { osloType: 'boolean value', default: false },
    doc: { summary: 'With IGMP snooping on, floods multicast to groups no port has joined.' },
    history: { added: '2024.1' },
    perKind: { 'ovs-agent': { inSample: false } },
  },
  {
    section: 'ovs',
    name: 'ovsdb_interface',
    kinds: ['ovs-agent', 'l3-agent'],
    facts: { osloType: 'string value', default: 'native', choices: ['vsctl', 'native'] },
    choiceDocs: {
      vsctl: { description: 'Run the ovs-vsctl command for every change.' },
      native: { description: 'Talk to ovsdb-server directly over ovsdb_connection.' },
    },
    doc: {
      summary: 'How the agent talked to the Open vSwitch database: through ovs-vsctl or natively.',
      whenWrong: 'Releases from Stein on ignore it; the native interface is the only one.',
    },
    history: {
      added: 'kilo',
      deprecated: 'queens',
      removed: 'stein',
      replacement: { section: 'ovs', name: 'ovsdb_connection', note: 'Only the native interface remains; point ovsdb_connection at the database.' },
      changes: [{ release: 'newton', text: 'The default changed from vsctl to native.' }],
    },
  },

  // ---------------------------------------------------------------- agents' [DEFAULT] and [agent]
  {
    section: 'DEFAULT',
    name: 'rpc_response_max_timeout',
    kinds: ['ovs-agent', 'l3-agent'],
    doc: {
      summary: 'Upper limit, in seconds, for the RPC timeout the agent grows after calls to the server time out.',
      details: 'The agent doubles its timeout after each timed-out call, up to this value.',
    },
    history: { added: 'stein' },
  },
  {
    section: 'agent',
    name: 'report_interval',
    kinds: ['l3-agent', 'ovs-agent'],
    doc: {
      summary: 'Seconds between the heartbeats the agent sends to the server; 0 turns them off.',
      details: 'Keep it well below the server\'s agent_down_time (neutron.conf), or the agent is shown as down and loses its routers or ports.',
      example: '30',
    },
    perKind: { 'ovs-agent': { inSample: false } },
  },
  {
    section: 'agent',
    name: 'log_agent_heartbeats',
    kinds: ['l3-agent', 'ovs-agent'],
    doc: { summary: 'Logs every heartbeat the agent sends.' },
    history: { added: 'liberty' },
    perKind: { 'ovs-agent': { inSample: false } },
  },
  {
    section: 'agent',
    name: 'availability_zone',
    kinds: ['l3-agent'],
    doc: {
      summary: 'Availability zone this agent belongs to; routers asking for a zone are scheduled to agents in it.',
      example: 'az1',
    },
    history: { added: 'mitaka' },
  },

  // ---------------------------------------------------------------- neutron.conf settings every service reads
  // Usually set in neutron.conf, which every Neutron service reads too; they
  // are legitimate in these files when a deployment keeps them there.
  {
    section: 'DEFAULT',
    name: 'host',
    kinds: ['ml2', 'ovs-agent', 'l3-agent', 'linuxbridge-agent', 'sriov-agent', 'dhcp-agent'],
    inSample: false,
    facts: { osloType: 'host address value', default: null },
    type: new HostAddressType(),
    doc: {
      summary: 'Name this service reports itself as; agents are known to the server (and ports are bound) by it.',
      details: 'Normally set in neutron.conf, or left to the system host name. It must equal the host name Nova uses for instances on this host (binding:host_id).',
      example: 'compute1',
      whenUnset: 'The system\'s host name.',
      whenWrong: 'A name different from Nova\'s makes every port on this host fail to bind.',
    },
  },
  {
    section: 'DEFAULT',
    name: 'state_path',
    kinds: ['ml2', 'ovs-agent', 'l3-agent', 'linuxbridge-agent', 'sriov-agent', 'dhcp-agent'],
    inSample: false,
    facts: { osloType: 'string value', default: '/var/lib/neutron' },
    doc: {
      summary: 'Directory where Neutron keeps its state; other paths refer to it as $state_path.',
      details: 'Normally set in neutron.conf.',
    },
  },
  {
    section: 'DEFAULT',
    name: 'rpc_response_timeout',
    kinds: ['ovs-agent', 'l3-agent', 'linuxbridge-agent', 'sriov-agent', 'dhcp-agent'],
    inSample: false,
    facts: { osloType: 'integer value', default: 60 },
    doc: { summary: 'Seconds an RPC call to the server may take before it times out (oslo.messaging).', details: 'Normally set in neutron.conf.' },
  },
  {
    section: 'DEFAULT',
    name: 'transport_url',
    kinds: ['ml2', 'ovs-agent', 'l3-agent', 'linuxbridge-agent', 'sriov-agent', 'dhcp-agent'],
    inSample: false,
    facts: { osloType: 'string value', default: null, secret: true },
    doc: {
      summary: 'Message bus URL (oslo.messaging), such as rabbit://user:password@controller:5672/.',
      details: 'Normally set in neutron.conf; it holds a password.',
      example: 'rabbit://neutron:secret@controller:5672/',
      whenWrong: 'A wrong URL leaves the service unable to talk to the rest of Neutron; agents show as down.',
    },
    history: { added: 'juno' },
  },
];
