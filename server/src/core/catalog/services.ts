import type { CatalogKind } from './model';

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

const BY_KIND: Record<CatalogKind, ReadonlySet<string>> = {
  ml2: new Set([...EVERY_SERVICE, ...SERVER]),
  'ovs-agent': new Set(EVERY_SERVICE),
  'l3-agent': new Set(EVERY_SERVICE),
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

/** The service that reads a file kind, as a sentence names it. */
export const SERVICE_OF_KIND: Record<CatalogKind, string> = {
  ml2: 'neutron-server',
  'ovs-agent': 'the Open vSwitch agent',
  'l3-agent': 'the L3 agent',
};

/** The file name users know a kind by. */
export const FILE_OF_KIND: Record<CatalogKind, string> = {
  ml2: 'ml2_conf.ini',
  'ovs-agent': 'openvswitch_agent.ini',
  'l3-agent': 'l3_agent.ini',
};

export interface UncataloguedSection {
  name: string;
  /** Why the section is legitimate here, for hover. */
  note: string;
}

/** The section when the service of `kind` reads it although the catalogue does not describe its options. `section` is already normalised. */
export function uncataloguedSection(kind: CatalogKind, section: string): UncataloguedSection | undefined {
  if (!BY_KIND[kind].has(section)) return undefined;
  return {
    name: section,
    note: `${capitalise(SERVICE_OF_KIND[kind])} reads [${section}] from every configuration file it is given (the options are usually kept in neutron.conf). Its options are not in this catalogue, so they are not checked.`,
  };
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
