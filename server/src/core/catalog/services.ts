import type { CatalogKind } from './model';
import type { ReleaseId } from './releases';

/**
 * File kinds whose service Neutron dropped: from that release nothing reads
 * the file. The Linux bridge agent is gone from 2025.1 (26.0.0 has no
 * neutron/plugins/ml2/drivers/linuxbridge and no linuxbridge_agent.ini sample).
 * Without a configured release, a file of such a kind means the deployment
 * still runs an older release, so the removal of the whole file is no news.
 */
export const KIND_REMOVED: Partial<Record<CatalogKind, ReleaseId>> = { 'linuxbridge-agent': '2025.1' };

/**
 * Sections a Neutron service reads from every file it is given, besides the
 * catalogued ones: option groups that neutron.conf and the oslo libraries
 * register (a service merges all of its --config-file arguments, so such a
 * section is read from ml2_conf.ini or an agent file as well). Their options
 * are not in this catalogue, so they are neither checked nor explained; the
 * sections are only known to be legitimate.
 *
 * Kept short on purpose: a group listed here silences `unknown-section` for
 * that file kind, so only groups the service is known to register belong here.
 */

/** Groups every Neutron service registers (messaging, locks, privsep, profiling). */
const EVERY_SERVICE = [
  'oslo_concurrency',
  'oslo_messaging_amqp',
  'oslo_messaging_kafka',
  'oslo_messaging_notifications',
  'oslo_messaging_rabbit',
  'privsep',
  'profiler',
];

/** Groups neutron-server registers (it reads ml2_conf.ini / plugin.ini together with neutron.conf). */
const SERVER = [
  'cache',
  'cors',
  'database',
  'designate',
  'experimental',
  'healthcheck',
  'ironic',
  'keystone_authtoken',
  'nova',
  'oslo_middleware',
  'oslo_policy',
  'placement',
  'quotas',
  'service_providers',
  'ssl',
];

/**
 * Groups of neutron.conf besides the server's: those its sample lists from
 * the libraries (Neutron 21.0.0's etc/oslo-config-generator/neutron.conf:
 * oslo.cache, oslo.reports …) and those the deployment tools and extension
 * projects write there (keystonemiddleware's audit notifications, the
 * service credentials of neutron-vpnaas/neutron-lbaas/octavia, castellan's
 * key manager, osprofiler). Every agent reads neutron.conf too, but their
 * sections are catalogued ones (borrowed, see index.ts).
 */
const NEUTRON_CONF = [
  'oslo_reports',
  'oslo_versionedobjects',
  'audit_middleware_notifications',
  'coordination',
  'service_auth',
  'octavia',
  'certificates',
  'key_manager',
  'barbican',
  'vault',
  'oslo_limit',
  'oslo_messaging_zmq',
  'matchmaker_redis',
  // Plugins' own groups that kolla-ansible writes into neutron.conf (networking-infoblox @zed-eom).
  'infoblox',
];

const BY_KIND: Record<CatalogKind, ReadonlySet<string>> = {
  ml2: new Set([...EVERY_SERVICE, ...SERVER]),
  'ovs-agent': new Set(EVERY_SERVICE),
  'l3-agent': new Set(EVERY_SERVICE),
  'linuxbridge-agent': new Set(EVERY_SERVICE),
  'sriov-agent': new Set(EVERY_SERVICE),
  'dhcp-agent': new Set(EVERY_SERVICE),
  'neutron-conf': new Set([...EVERY_SERVICE, ...SERVER, ...NEUTRON_CONF]),
};

/**
 * [DEFAULT] options only neutron-server acts on (Neutron Zed's neutron.conf
 * namespaces neutron.db and neutron.extensions, and the API, plugin and
 * worker settings of the neutron namespace). The agents read [DEFAULT] from
 * their files too, so such a name there is no typo, only misplaced: it has
 * no effect. Names the agents use as well (host, state_path, rpc and
 * logging settings, dns_domain …) are deliberately absent.
 */
export const SERVER_ONLY_DEFAULT_OPTIONS: ReadonlySet<string> = new Set([
  // neutron.db
  'agent_down_time', 'dhcp_load_type', 'enable_new_agents', 'rpc_resources_processing_step', 'max_routes',
  'enable_snat_by_default', 'network_scheduler_driver', 'network_auto_schedule', 'allow_automatic_dhcp_failover',
  'dhcp_agents_per_network', 'enable_services_on_agents_with_admin_state_down', 'dvr_base_mac', 'router_distributed',
  'enable_dvr', 'host_dvr_for_dhcp', 'router_scheduler_driver', 'router_auto_schedule', 'allow_automatic_l3agent_failover',
  'l3_ha', 'max_l3_agents_per_router', 'l3_ha_net_cidr', 'l3_ha_network_type', 'l3_ha_network_physical_name',
  // neutron.extensions
  'max_allowed_address_pair', 'allowed_conntrack_helpers',
  // neutron: the API, the core and service plugins, the server's workers, nova notifications
  'bind_host', 'bind_port', 'api_extensions_path', 'core_plugin', 'service_plugins', 'base_mac', 'allow_bulk',
  'pagination_max_limit', 'default_availability_zones', 'max_dns_nameservers', 'max_subnet_host_routes',
  'dhcp_agent_notification', 'notify_nova_on_port_status_changes', 'notify_nova_on_port_data_changes',
  'send_events_interval', 'ipam_driver', 'vlan_transparent', 'filter_validation', 'api_workers', 'rpc_workers',
  'rpc_state_report_workers',
]);

/**
 * [DEFAULT] options of the Neutron services the catalogue has no file kind
 * for, which read neutron.conf too: the metadata agent, the OVN metadata
 * agent and the metering agent (Neutron 21.0.0's namespaces
 * neutron.metadata.agent, neutron.ovn.metadata.agent and
 * neutron.metering.agent, listed with Debian 12's oslo-config-generator).
 * In neutron.conf they are no typo.
 */
export const OTHER_SERVICES_DEFAULT_OPTIONS: ReadonlySet<string> = new Set([
  'metadata_proxy_socket', 'metadata_proxy_user', 'metadata_proxy_group', 'auth_ca_cert', 'nova_metadata_host', 'nova_metadata_port',
  'metadata_proxy_shared_secret', 'nova_metadata_protocol', 'nova_metadata_insecure', 'nova_client_cert', 'nova_client_priv_key',
  'metadata_proxy_socket_mode', 'metadata_workers', 'metadata_backlog', 'nova_metadata_ip',
  'driver', 'measure_interval', 'report_interval', 'granular_traffic_data',
  // neutron-dynamic-routing's server side (neutron_dynamic_routing/services/bgp/bgp_plugin.py), written by puppet-neutron.
  'bgp_drscheduler_driver',
]);

/** The service that reads a file kind, as a sentence names it. */
export const SERVICE_OF_KIND: Record<CatalogKind, string> = {
  ml2: 'neutron-server',
  'ovs-agent': 'the Open vSwitch agent',
  'l3-agent': 'the L3 agent',
  'linuxbridge-agent': 'the Linux bridge agent',
  'sriov-agent': 'the SR-IOV NIC agent',
  'dhcp-agent': 'the DHCP agent',
  'neutron-conf': 'neutron-server',
};

/** The file name users know a kind by. */
export const FILE_OF_KIND: Record<CatalogKind, string> = {
  ml2: 'ml2_conf.ini',
  'ovs-agent': 'openvswitch_agent.ini',
  'l3-agent': 'l3_agent.ini',
  'linuxbridge-agent': 'linuxbridge_agent.ini',
  'sriov-agent': 'sriov_agent.ini',
  'dhcp-agent': 'dhcp_agent.ini',
  'neutron-conf': 'neutron.conf',
};

export interface UncataloguedSection {
  name: string;
  /** Why the section is legitimate here, for hover. */
  note: string;
}

/** The section when the service of `kind` reads it although the catalogue does not describe its options. `section` is already normalised. */
export function uncataloguedSection(kind: CatalogKind, section: string): UncataloguedSection | undefined {
  if (!BY_KIND[kind].has(section)) return undefined;
  if (kind === 'neutron-conf') {
    return {
      name: section,
      note: `Read from neutron.conf by neutron-server (and by the agents, which are given neutron.conf too); the options of [${section}] belong to a library or another project, so this catalogue does not check them.`,
    };
  }
  return {
    name: section,
    note: `${capitalise(SERVICE_OF_KIND[kind])} reads [${section}] from every configuration file it is given (the options are usually kept in neutron.conf). Its options are not in this catalogue, so they are not checked.`,
  };
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
