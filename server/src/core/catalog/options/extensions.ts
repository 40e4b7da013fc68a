import { EXTENSION_OPTION_FACTS } from '../data/extensions.generated';
import type { ExtensionOptionFacts } from '../generate/extensionFacts';
import type { CatalogKind, OptionDoc, OptionHistory, OptionSpec } from '../model';
import { isAtOrAfter, type ReleaseId } from '../releases';

/**
 * Option groups that extension projects (and Neutron's own agent extensions)
 * register in the services reading our files: facts from
 * data/extensions.generated.ts, explanations here. A group belongs to a file
 * kind when the service of that kind registers it once the extension is
 * loaded, so deployments legitimately write it in that file.
 */

interface ExtensionGroup {
  project: string;
  /** The service kinds that read the group, with the release from which each does (when later than the option). */
  kinds: Partial<Record<CatalogKind, { since?: ReleaseId }>>;
  /** What loads it, as a sentence ends: "when …". */
  loadedWhen: string;
  docs: Record<string, OptionDoc>;
}

const VPN_LOADED = 'the L3 agent loads neutron-vpnaas (`[agent] extensions = vpnaas` from Queens; before, neutron-vpn-agent ran in its place and read l3_agent.ini too)';
const FWAAS_LOADED = 'the agent loads neutron-fwaas (`[agent] extensions = fwaas_v2` in the L3 agent, and in the Open vSwitch agent from Queens)';

const GROUPS: Record<string, ExtensionGroup> = {
  'neutron/FDB': {
    project: 'neutron',
    // The fdb extension serves both agents (neutron/agent/l2/extensions/fdb_population.py @21.0.0 imports the Linux bridge agent's constants).
    kinds: { 'ovs-agent': {}, 'linuxbridge-agent': {} },
    loadedWhen: 'the agent loads the fdb extension (`[agent] extensions = fdb`)',
    docs: {
      shared_physical_device_mappings: {
        summary: 'Physical networks whose NICs are shared between this agent and SR-IOV ports, as physnet:interface pairs; the fdb extension adds the MAC addresses of this agent\'s ports to those NICs so SR-IOV instances can reach them.',
        example: 'physnet1:ens2f0',
      },
    },
  },
  'neutron/ml2_sriov': {
    project: 'neutron',
    kinds: { ml2: {} },
    loadedWhen: 'neutron-server loads the sriovnicswitch mechanism driver',
    docs: {
      supported_pci_vendor_devs: { summary: 'PCI vendor:product IDs of the NICs the SR-IOV mechanism driver binds ports on; unset, any.', example: '15b3:1004,8086:10ca' },
      agent_required: { summary: 'Whether the SR-IOV mechanism driver needs a running SR-IOV NIC agent on the host to bind a port.' },
    },
  },
  'neutron-vpnaas/vpnagent': {
    project: 'neutron-vpnaas',
    kinds: { 'l3-agent': {} },
    loadedWhen: VPN_LOADED,
    docs: {
      vpn_device_driver: {
        summary: 'The VPN device driver class that sets up IPsec in router namespaces (OpenSwan, StrongSwan or Libreswan driver of neutron-vpnaas).',
        example: 'neutron_vpnaas.services.vpn.device_drivers.strongswan_ipsec.StrongSwanDriver',
        whenWrong: 'A driver whose IPsec daemon is not installed leaves every VPN connection down.',
      },
    },
  },
  'neutron-vpnaas/ipsec': {
    project: 'neutron-vpnaas',
    kinds: { 'l3-agent': {} },
    loadedWhen: VPN_LOADED,
    docs: {
      config_base_dir: { summary: 'Directory under which the IPsec drivers write each router\'s IPsec configuration.' },
      ipsec_status_check_interval: { summary: 'Seconds between checks of the IPsec processes\' connection status.' },
      enable_detailed_logging: { summary: 'Makes the IPsec daemons log in detail (for debugging connections).' },
    },
  },
  'neutron-vpnaas/openswan': {
    project: 'neutron-vpnaas',
    kinds: { 'l3-agent': {} },
    loadedWhen: VPN_LOADED,
    docs: {
      ipsec_config_template: { summary: 'Template of ipsec.conf for the OpenSwan (and Libreswan) driver.', whenUnset: 'The template shipped with neutron-vpnaas.' },
      ipsec_secret_template: { summary: 'Template of ipsec.secrets for the OpenSwan (and Libreswan) driver.', whenUnset: 'The template shipped with neutron-vpnaas.' },
    },
  },
  'neutron-vpnaas/strongswan': {
    project: 'neutron-vpnaas',
    kinds: { 'l3-agent': {} },
    loadedWhen: VPN_LOADED,
    docs: {
      ipsec_config_template: { summary: 'Template of ipsec.conf for the StrongSwan driver.', whenUnset: 'The template shipped with neutron-vpnaas.' },
      strongswan_config_template: { summary: 'Template of strongswan.conf for the StrongSwan driver.', whenUnset: 'The template shipped with neutron-vpnaas.' },
      ipsec_secret_template: { summary: 'Template of ipsec.secrets for the StrongSwan driver.', whenUnset: 'The template shipped with neutron-vpnaas.' },
      default_config_area: { summary: 'Directory of StrongSwan\'s own plugin configuration, copied into each router\'s IPsec directory.', example: '/etc/strongswan.d' },
    },
  },
  'neutron-vpnaas/pluto': {
    project: 'neutron-vpnaas',
    kinds: { 'l3-agent': {} },
    loadedWhen: VPN_LOADED,
    docs: {
      shutdown_check_timeout: { summary: 'Seconds of the first wait for the pluto daemon to stop.' },
      shutdown_check_retries: { summary: 'How many times the driver checks that pluto has stopped.' },
      shutdown_check_back_off: { summary: 'Factor by which each wait for pluto to stop grows.' },
      restart_check_config: { summary: 'Checks the IPsec configuration before restarting pluto.' },
    },
  },
  'neutron-vpnaas/libreswan': {
    project: 'neutron-vpnaas',
    kinds: { 'l3-agent': {} },
    loadedWhen: VPN_LOADED,
    docs: {
      shutdown_check_timeout: { summary: 'Seconds of the first wait for the pluto daemon to stop (moved to [pluto] in Mitaka).' },
      shutdown_check_retries: { summary: 'How many times the driver checks that pluto has stopped (moved to [pluto] in Mitaka).' },
      shutdown_check_back_off: { summary: 'Factor by which each wait for pluto to stop grows (moved to [pluto] in Mitaka).' },
    },
  },
  'neutron-vpnaas/cisco_csr_ipsec': {
    project: 'neutron-vpnaas',
    kinds: { 'l3-agent': {} },
    loadedWhen: 'the VPN agent runs the Cisco CSR device driver',
    docs: { status_check_interval: { summary: 'Seconds between status checks of IPsec connections on the Cisco CSR.' } },
  },
  'neutron-fwaas/fwaas': {
    project: 'neutron-fwaas',
    kinds: { 'l3-agent': {}, 'ovs-agent': { since: 'queens' } },
    loadedWhen: FWAAS_LOADED,
    docs: {
      driver: { summary: 'The firewall driver that programs firewall groups (iptables in router namespaces for the L3 agent).', example: 'iptables_v2' },
      enabled: { summary: 'Turns the firewall agent extension on.', whenWrong: 'Left false, firewall rules are accepted by the API but never applied.' },
      agent_version: { summary: 'Which FWaaS API the agent serves (v1 or v2).' },
      conntrack_driver: { summary: 'How the firewall clears connection tracking entries when rules change.' },
      firewall_l2_driver: { summary: 'The driver that applies firewall groups to VM ports in the Open vSwitch agent.', example: 'ovs' },
    },
  },
  'neutron-fwaas/default_fwg_rules': {
    project: 'neutron-fwaas',
    kinds: { ml2: {} },
    loadedWhen: 'neutron-server loads the firewall_v2 service plugin',
    docs: {},
  },
  'networking-odl/ml2_odl': {
    project: 'networking-odl',
    kinds: { ml2: {} },
    loadedWhen: 'neutron-server loads the opendaylight mechanism driver (opendaylight_v2 from Pike)',
    docs: {
      url: { summary: 'Address of OpenDaylight\'s Neutron northbound REST API.', example: 'http://192.0.2.20:8080/controller/nb/v2/neutron', whenWrong: 'Every port binding waits for the timeout and fails.' },
      username: { summary: 'User for OpenDaylight\'s REST API.' },
      password: { summary: 'Password for OpenDaylight\'s REST API.' },
      timeout: { summary: 'Seconds to wait for an answer from OpenDaylight.' },
      session_timeout: { summary: 'Minutes after which the session with OpenDaylight is renewed.' },
      sync_timeout: { summary: 'Seconds between full synchronisations with OpenDaylight.' },
      retry_count: { summary: 'How often a failed request to OpenDaylight is tried again.' },
      enable_lightweight_testing: { summary: 'Replaces OpenDaylight with an in-memory stand-in, for tests only.' },
      port_binding_controller: { summary: 'How ports are bound: from the host configuration OpenDaylight reports (pseudo-agentdb-binding) or legacy.' },
      maintenance_interval: { summary: 'Seconds between runs of the journal maintenance task.' },
      completed_rows_retention: { summary: 'Seconds completed journal rows are kept (0: deleted at once, -1: kept).' },
      processing_timeout: { summary: 'Seconds after which a journal row stuck in processing is retried.' },
      odl_hostconf_uri: { summary: 'Path of OpenDaylight\'s REST resource listing host configurations.' },
      restconf_poll_interval: { summary: 'Seconds between polls of the host configurations.' },
      enable_websocket_pseudo_agentdb: { summary: 'Learns host configuration changes from an OpenDaylight websocket instead of polling.' },
      odl_features_retry_interval: { summary: 'Seconds between attempts to read the features OpenDaylight supports.' },
      odl_features: { summary: 'Features to assume OpenDaylight supports, instead of asking it.' },
      enable_dhcp_service: { summary: 'Lets OpenDaylight serve DHCP instead of the DHCP agent.' },
      odl_features_json: { summary: 'The features OpenDaylight supports, as its JSON answer, instead of asking it.' },
    },
  },
  'networking-sfc/sfc': {
    project: 'networking-sfc',
    kinds: { ml2: {} },
    loadedWhen: 'neutron-server loads the sfc service plugin',
    docs: { drivers: { summary: 'Service function chaining drivers to load, in order.', example: 'ovs' } },
  },
  'networking-sfc/flowclassifier': {
    project: 'networking-sfc',
    kinds: { ml2: {} },
    loadedWhen: 'neutron-server loads the flow_classifier service plugin',
    docs: { drivers: { summary: 'Flow classifier drivers to load, in order.', example: 'ovs' } },
  },
};

/** Explanations of the default firewall group rules, written once for both directions. */
function defaultFwgDoc(name: string): OptionDoc {
  if (name === 'shared') return { summary: 'Whether the default firewall group\'s rules are shared with all projects.' };
  if (name === 'enabled') return { summary: 'Whether the default firewall group\'s rules are enabled.' };
  if (name === 'protocol') return { summary: 'Protocol the default firewall group\'s rules match (tcp, udp, icmp; unset: any).' };
  const [direction, ...rest] = name.split('_');
  const what = rest.join(' ').replace('ipv4 address', 'IPv4 address').replace('ipv6 address', 'IPv6 address');
  if (what === 'action') return { summary: `What the default firewall group does with ${direction} traffic (allow, deny or reject).` };
  return { summary: `The ${what} the default firewall group's ${direction} rule matches; unset, any.` };
}

/** Where a group is documented for a section's hover. */
export interface ExtensionSectionNote {
  project: string;
  loadedWhen: string;
}

const NOTES = new Map<string, ExtensionSectionNote & { kinds: CatalogKind[] }>();
for (const [key, group] of Object.entries(GROUPS)) {
  const section = key.split('/')[1].toLowerCase();
  NOTES.set(section, { project: group.project, loadedWhen: group.loadedWhen, kinds: Object.keys(group.kinds) as CatalogKind[] });
}

/** The project and extension that make a section legitimate in a file of `kind`, if it is an extension's. */
export function extensionSectionNote(kind: CatalogKind, section: string): ExtensionSectionNote | undefined {
  const note = NOTES.get(section.toLowerCase());
  return note && note.kinds.includes(kind) ? note : undefined;
}

function later(a: ReleaseId | undefined, b: ReleaseId | undefined): ReleaseId | undefined {
  if (!a) return b;
  if (!b) return a;
  return isAtOrAfter(a, b) ? a : b;
}

function historyOf(f: ExtensionOptionFacts): OptionHistory {
  return {
    ...(f.added ? { added: f.added } : {}),
    ...(f.deprecated ? { deprecated: f.deprecated } : {}),
    ...(f.removed ? { removed: f.removed } : {}),
  };
}

function specOf(f: ExtensionOptionFacts, group: ExtensionGroup): OptionSpec {
  const kinds = Object.keys(group.kinds) as CatalogKind[];
  const by = f.project === 'neutron' ? 'Neutron' : f.project;
  const doc = group.docs[f.name] ?? (f.section === 'default_fwg_rules' ? defaultFwgDoc(f.name) : { summary: `An option of ${by}.` });
  const perKind: OptionSpec['perKind'] = {};
  for (const kind of kinds) {
    const since = group.kinds[kind]?.since;
    if (since) perKind[kind] = { history: { ...historyOf(f), added: later(f.added, since) } };
  }
  return {
    section: f.section,
    name: f.name,
    kinds,
    inSample: false,
    facts: {
      osloType: f.osloType,
      default: f.default,
      ...(f.choices ? { choices: f.choices } : {}),
      ...(f.min !== undefined ? { min: f.min } : {}),
      ...(f.max !== undefined ? { max: f.max } : {}),
      ...(f.secret ? { secret: true } : {}),
      ...(f.osloType === 'multi valued' ? { multi: true } : {}),
    },
    doc: { ...doc, details: [doc.details, `Read by ${by} when ${group.loadedWhen}.`].filter(Boolean).join(' ') },
    history: historyOf(f),
    ...(f.deprecatedGroup ? { deprecatedNames: [{ section: f.deprecatedGroup, name: f.name }] } : {}),
    ...(Object.keys(perKind).length ? { perKind } : {}),
  };
}

export const EXTENSION_OPTIONS: OptionSpec[] = EXTENSION_OPTION_FACTS.flatMap((f) => {
  const group = GROUPS[`${f.project}/${f.section}`];
  return group ? [specOf(f, group)] : [];
});

/**
 * networking-ovn's [ovn] (and server [ovs]) options, read from ml2_conf.ini
 * by its mechanism driver before the driver moved into Neutron in Ussuri:
 * they extend the history of Neutron's own specs, or are specs of their own
 * when Neutron never took them over.
 */
export function withNetworkingOvnHistory(specs: readonly OptionSpec[]): OptionSpec[] {
  const ovnFacts = EXTENSION_OPTION_FACTS.filter((f) => f.project === 'networking-ovn');
  const byKey = new Map(ovnFacts.map((f) => [`${f.section.toLowerCase()}/${f.name}`, f]));
  const taken = new Set<string>();
  const out = specs.map((spec) => {
    const key = `${spec.section.toLowerCase()}/${spec.name}`;
    const f = byKey.get(key);
    const current = spec.perKind?.ml2?.history ?? spec.history;
    if (!f || !spec.kinds.includes('ml2') || current?.added !== 'ussuri') return spec;
    taken.add(key);
    const history: OptionHistory = {
      ...current,
      ...(f.added ? { added: f.added } : {}),
      changes: [{ release: 'ussuri', text: 'Read by Neutron\'s own OVN driver; before, networking-ovn\'s driver read it from the same file.' }, ...(current?.changes ?? [])],
    };
    // A spec shared with the agents changes only for neutron-server.
    if (spec.kinds.length > 1) return { ...spec, perKind: { ...spec.perKind, ml2: { ...spec.perKind?.ml2, history } } };
    return { ...spec, history };
  });
  for (const f of ovnFacts) {
    const key = `${f.section.toLowerCase()}/${f.name}`;
    if (taken.has(key) || specs.some((s) => `${s.section.toLowerCase()}/${s.name}` === key && s.kinds.includes('ml2'))) continue;
    out.push(specOf(f, { project: 'networking-ovn', kinds: { ml2: {} }, loadedWhen: 'neutron-server loads networking-ovn\'s ovn mechanism driver', docs: NETWORKING_OVN_ONLY_DOCS }));
  }
  return out;
}

const NETWORKING_OVN_ONLY_DOCS: Record<string, OptionDoc> = {
  ovsdb_connection: { summary: 'The OVN northbound database address in networking-ovn\'s first release (ovn_nb_connection took over).' },
  ovn_native_dhcp: { summary: 'Let OVN answer DHCP itself instead of the DHCP agent (always on from Pike).' },
  ovn_l3_admin_net_cidr: { summary: 'Addresses of the network joining OVN\'s gateway routers in Ocata.' },
};
