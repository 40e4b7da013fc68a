import type { ExtraFacts, OptionHistory, OptionSpec } from '../model';
import { DictType, ListType, StringType } from '../valueTypes';

/**
 * OVN mechanism driver settings neutron-server reads from ml2_conf.ini
 * (`[ovn]`, `[ovn_nb_global]`). The driver moved into Neutron in Ussuri
 * (from networking-ovn); ml2_conf.ini's sample lists them from 2024.1, before
 * that they came in a separate ovn.ini sample, but deployments put them in
 * ml2_conf.ini all along.
 */

const USSURI: OptionHistory = { added: 'ussuri' };
const connection = new StringType({ what: 'tcp:IP:PORT, ssl:IP:PORT or unix:PATH', example: 'tcp:192.0.2.10:6641' });
const connectionList = new ListType(connection, { what: 'OVSDB addresses (tcp:IP:PORT, ssl:IP:PORT or unix:PATH), one per clustered database member', example: 'tcp:192.0.2.10:6641' });

const PEM: Record<string, string> = { private_key: 'key.pem', certificate: 'cert.pem', ca_cert: 'ca.pem' };

function ovn(name: string, facts: ExtraFacts, summary: string, extra: Partial<OptionSpec> = {}): OptionSpec {
  const pem = Object.keys(PEM).find((suffix) => name.endsWith(`_${suffix}`));
  if (pem && !extra.doc) extra = { ...extra, doc: { summary, example: `/etc/neutron/ovn/${name.startsWith('ovn_nb') ? 'nb' : 'sb'}-${PEM[pem]}` } };
  return { section: 'ovn', name, kinds: ['ml2'], facts, sampledSince: '2024.1', doc: { summary, ...(extra.doc ?? {}) }, history: extra.history ?? USSURI, ...withoutDoc(extra) };
}

function withoutDoc(extra: Partial<OptionSpec>): Partial<OptionSpec> {
  const { doc: _doc, history: _history, ...rest } = extra;
  void _doc;
  void _history;
  return rest;
}

export const OVN_OPTIONS: OptionSpec[] = [
  ovn('ovn_nb_connection', { osloType: 'string value', default: 'tcp:127.0.0.1:6641' }, 'Address of the OVN northbound database, where neutron-server writes logical switches, routers and ports.', {
    type: connection,
    factsChanges: [{ since: '2025.1', type: connectionList, osloType: 'list value', default: ['tcp:127.0.0.1:6641'], defaultText: 'tcp:127.0.0.1:6641' }],
    doc: {
      summary: 'Address of the OVN northbound database, where neutron-server writes logical switches, routers and ports.',
      example: 'tcp:192.0.2.10:6641',
      whenWrong: 'An address nothing answers on makes every network operation hang and fail.',
    },
    history: { added: 'ussuri', changes: [{ release: '2025.1', text: 'Became a list, so several members of a clustered database can be given.' }] },
  }),
  ovn('ovn_nb_private_key', { osloType: 'string value', default: '' }, 'Private key for SSL connections to the northbound database.'),
  ovn('ovn_nb_certificate', { osloType: 'string value', default: '' }, 'Certificate for SSL connections to the northbound database.'),
  ovn('ovn_nb_ca_cert', { osloType: 'string value', default: '' }, 'CA certificate that signed the northbound database\'s certificate.'),
  ovn('ovn_sb_connection', { osloType: 'string value', default: 'tcp:127.0.0.1:6642' }, 'Address of the OVN southbound database, from which neutron-server learns chassis and port bindings.', {
    type: connection,
    factsChanges: [{ since: '2025.1', type: connectionList, osloType: 'list value', default: ['tcp:127.0.0.1:6642'], defaultText: 'tcp:127.0.0.1:6642' }],
    history: { added: 'ussuri', changes: [{ release: '2025.1', text: 'Became a list, so several members of a clustered database can be given.' }] },
  }),
  ovn('ovn_sb_private_key', { osloType: 'string value', default: '' }, 'Private key for SSL connections to the southbound database.'),
  ovn('ovn_sb_certificate', { osloType: 'string value', default: '' }, 'Certificate for SSL connections to the southbound database.'),
  ovn('ovn_sb_ca_cert', { osloType: 'string value', default: '' }, 'CA certificate that signed the southbound database\'s certificate.'),
  ovn('ovsdb_connection_timeout', { osloType: 'integer value', default: 180 }, 'Seconds to wait for an OVSDB transaction against the OVN databases.'),
  ovn('ovsdb_retry_max_interval', { osloType: 'integer value', default: 180 }, 'Longest pause, in seconds, between attempts to reconnect to the OVN databases.'),
  ovn('ovsdb_probe_interval', { osloType: 'integer value', default: 60000, min: 0 }, 'Milliseconds of silence after which the OVSDB connection is probed; 0 turns probing off.'),
  ovn('neutron_sync_mode', { osloType: 'string value', default: 'log', choices: ['off', 'log', 'repair', 'migrate'] }, 'What neutron-server does at start-up when the OVN northbound database and the Neutron database disagree.', {
    choiceDocs: {
      off: { description: 'Do not compare.' },
      log: { description: 'Compare and log differences.' },
      repair: { description: 'Compare and fix OVN to match Neutron.' },
      migrate: { description: 'Like repair, and also adapt Neutron\'s records during a migration from the OVS agent to OVN.', since: 'xena' },
    },
  }),
  ovn('ovn_l3_mode', { osloType: 'boolean value', default: true }, 'Whether OVN itself provided routing; always on.', {
    history: { added: 'ussuri', deprecated: 'ussuri', removed: '2024.1' },
  }),
  ovn('ovn_l3_scheduler', { osloType: 'string value', default: 'leastloaded', choices: ['leastloaded', 'chance'] }, 'How router gateway ports are spread over the gateway chassis.', {
    choiceDocs: {
      leastloaded: { description: 'Pick the chassis with the fewest gateway ports.' },
      chance: { description: 'Pick a chassis at random.' },
    },
  }),
  ovn('enable_distributed_floating_ip', { osloType: 'boolean value', default: false }, 'Serves floating IPs on the compute node of the instance instead of the gateway chassis.', {
    doc: {
      summary: 'Serves floating IPs on the compute node of the instance instead of the gateway chassis.',
      details: 'Needs the external (provider) network to reach every compute node through ovn-bridge-mappings.',
      example: 'true',
      whenWrong: 'On while the compute nodes have no bridge mapping for the external network: floating IPs of their instances stop answering.',
    },
    provider: true,
  }),
  ovn('vif_type', { osloType: 'string value', default: 'ovs', choices: ['ovs', 'vhostuser'] }, 'VIF type reported for ports bound through OVN.', {
    history: { added: 'ussuri', deprecated: 'ussuri', removed: '2024.1' },
  }),
  ovn('vhost_sock_dir', { osloType: 'string value', default: '/var/run/openvswitch' }, 'Directory of vhost-user sockets for DPDK ports.'),
  ovn('dhcp_default_lease_time', { osloType: 'integer value', default: 43200 }, 'Lease time in seconds of OVN\'s built-in DHCP.'),
  ovn('ovsdb_log_level', { osloType: 'string value', default: 'INFO', choices: ['CRITICAL', 'ERROR', 'WARNING', 'INFO', 'DEBUG'] }, 'Log level of the OVSDB library inside neutron-server.'),
  ovn('ovn_metadata_enabled', { osloType: 'boolean value', default: false }, 'Whether the OVN metadata agent serves instance metadata; turn it on when that agent runs on the compute nodes.', {
    doc: {
      summary: 'Whether the OVN metadata agent serves instance metadata; turn it on when that agent runs on the compute nodes.',
      whenWrong: 'Off with the metadata agent deployed: instances get no metadata (keys, user data).',
    },
  }),
  ovn('dns_servers', { osloType: 'list value', default: [] }, 'DNS servers OVN\'s DHCP hands out to subnets that name none.', {
    type: new ListType(new StringType({ what: 'an IP address' }), { what: 'IP addresses', example: '192.0.2.53' }),
  }),
  ovn('ovn_dhcp4_global_options', { osloType: 'dict value', default: {} }, 'DHCPv4 options OVN adds for every subnet.', { type: new DictType({ what: 'option:value', example: 'ntp_server:192.0.2.123' }) }),
  ovn('ovn_dhcp6_global_options', { osloType: 'dict value', default: {} }, 'DHCPv6 options OVN adds for every subnet.', { type: new DictType({ what: 'option:value', example: 'ntp_server:2001:db8::123' }) }),
  ovn('ovn_emit_need_to_frag', { osloType: 'boolean value', default: false }, 'Makes OVN routers send "fragmentation needed" replies for packets larger than the next network\'s MTU.', {
    history: {
      added: 'ussuri',
      deprecated: '2025.1',
      removed: '2026.1',
      replacement: { note: 'Always on; OVN detects support by itself.' },
      changes: [{ release: '2025.1', text: 'The default changed to true.' }],
    },
    factsChanges: [{ since: '2025.1', default: true, defaultText: 'true' }],
  }),
  ovn('disable_ovn_dhcp_for_baremetal_ports', { osloType: 'boolean value', default: false }, 'Leaves DHCP of bare-metal ports to the DHCP agent instead of OVN.', { history: { added: 'zed' } }),
  ovn('allow_stateless_action_supported', { osloType: 'boolean value', default: true }, 'Whether OVN may use stateless ACLs for stateless security groups.', { history: { added: '2023.1', deprecated: '2023.1', removed: '2025.1' } }),
  ovn('localnet_learn_fdb', { osloType: 'boolean value', default: false }, 'Lets OVN learn MAC addresses seen on provider (localnet) ports, reducing flooding on provider networks.', {
    doc: {
      summary: 'Lets OVN learn MAC addresses seen on provider (localnet) ports, reducing flooding on provider networks.',
      example: 'true',
      whenWrong: 'Without an age limit (fdb_age_threshold) the learned table only grows.',
    },
    history: { added: '2023.2' },
    provider: true,
  }),
  ovn('fdb_age_threshold', { osloType: 'integer value', default: 0, min: 0 }, 'Seconds after which learned MAC entries of provider networks expire; 0 keeps them forever.', {
    history: { added: '2024.1', changes: [{ release: '2026.1', text: 'The default changed from 0 to 300 seconds.' }] },
    factsChanges: [{ since: '2026.1', default: 300, defaultText: '300' }],
  }),
  ovn('mac_binding_age_threshold', { osloType: 'integer value', default: 0, min: 0 }, 'Seconds after which learned IP-to-MAC bindings expire; 0 keeps them forever.', {
    history: { added: '2024.1', changes: [{ release: '2026.1', text: 'The default changed from 0 to 300 seconds.' }] },
    factsChanges: [{ since: '2026.1', default: 300, defaultText: '300' }],
  }),
  ovn('broadcast_arps_to_all_routers', { osloType: 'boolean value', default: true }, 'Floods ARP and neighbour requests on provider networks to every router attached to them.', { history: { added: '2024.2' } }),
  ovn('ovn_router_indirect_snat', { osloType: 'boolean value', default: false }, 'Applies a router\'s SNAT also to traffic from networks reached through other routers.', { history: { added: '2024.2' } }),
  ovn('dns_records_ovn_owned', { osloType: 'boolean value', default: false }, 'Lets OVN answer DNS queries for its records without forwarding them upstream.', { history: { added: '2025.1' } }),
  ovn('live_migration_activation_strategy', { osloType: 'string value', default: 'rarp', choices: ['rarp', ''] }, 'When a migrating port becomes active on the destination host.', {
    history: { added: '2025.1' },
    choiceDocs: {
      rarp: { description: 'After the hypervisor sends a reverse ARP from the migrated port.' },
      '': { description: 'Immediately.' },
    },
  }),
  ovn('stateless_nat_enabled', { osloType: 'boolean value', default: false }, 'Uses stateless NAT for floating IPs.', { history: { added: '2025.2' } }),
  ovn('ovs_create_tap', { osloType: 'boolean value', default: false }, 'Makes os-vif create tap devices for ports (deprecated as soon as introduced).', { history: { added: '2026.1', deprecated: '2026.1' } }),
  ovn('ha_failover_strategy', { osloType: 'string value', default: 'normal', choices: ['normal', 'aggressive', 'conservative', 'manual'] }, 'How quickly router gateways fail over between gateway chassis.', { history: { added: '2026.1' } }),
  ovn('bfd_min_rx', { osloType: 'integer value', default: 1000, min: 1 }, 'BFD minimum receive interval, in milliseconds, between gateway chassis.', { history: { added: '2026.1' } }),
  ovn('bfd_min_tx', { osloType: 'integer value', default: 100, min: 1 }, 'BFD minimum transmit interval, in milliseconds, between gateway chassis.', { history: { added: '2026.1' } }),
  ovn('bfd_mult', { osloType: 'integer value', default: 3, min: 1, max: 255 }, 'Missed BFD packets after which a gateway chassis is considered down.', { history: { added: '2026.1' } }),
  {
    section: 'ovn_nb_global',
    name: 'ignore_lsp_down',
    kinds: ['ml2'],
    facts: { osloType: 'boolean value', default: false },
    doc: { summary: 'Lets OVN answer ARP for ports that are down.' },
    history: { added: '2024.1' },
  },
  {
    section: 'ovn_nb_global',
    name: 'fdb_removal_limit',
    kinds: ['ml2'],
    facts: { osloType: 'integer value', default: 0, min: 0 },
    doc: { summary: 'Most expired MAC entries OVN removes per run; 0 means no limit.' },
    history: { added: '2024.1' },
  },
  {
    section: 'ovn_nb_global',
    name: 'mac_binding_removal_limit',
    kinds: ['ml2'],
    facts: { osloType: 'integer value', default: 0, min: 0 },
    doc: { summary: 'Most expired IP-to-MAC bindings OVN removes per run; 0 means no limit.' },
    history: { added: '2024.1' },
  },
];
