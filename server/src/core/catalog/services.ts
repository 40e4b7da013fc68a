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
