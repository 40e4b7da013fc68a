import type { CaptureDocument, IfcfgAssignment, IfcfgDocument, IniDocument, IniOption, Token, YamlDocument } from '../syntax/ast';
import type { AgentReport, ProviderNetwork } from '../captures/model';
import { captureNetwork } from '../network/sources/captures';
import { isTemplated } from '../syntax/templates';
import { normalizeSectionName } from '../syntax/iniParser';
import { listItems, splitToken } from '../syntax/valueElements';
import { sourceToken } from '../syntax/nodes';
import type { NetworkContribution } from '../network/devices';
import { ifcfgNetwork } from '../network/sources/ifcfg';
import { nmKeyfileNetwork } from '../network/sources/nmKeyfile';
import { osNetConfigNetwork } from '../network/sources/osNetConfig';

/**
 * The facts one file contributes to the workspace: names it declares or uses,
 * each with its range. Cross-file rules and navigation read only these.
 */

/** A list-valued option as set in a file. `templated`: its real content is unknown. */
export interface ListFact {
  option: IniOption;
  items: Token[];
  templated: boolean;
}

export interface ScalarFact {
  option: IniOption;
  templated: boolean;
}

export interface VlanRangeEntry {
  entry: Token;
  physnet: Token;
}

/** An entry of a `physnet:…` list whose first part names a physnet (`physical_network_mtus`). */
export interface PhysnetEntry {
  entry: Token;
  physnet: Token;
}

/** Every file's facts: a network source (ifcfg, keyfile, capture…) also says what it adds to its host's network model. */
export interface FactsBase {
  network?: NetworkContribution;
}

export interface Ml2Facts extends FactsBase {
  kind: 'ml2';
  typeDrivers: ListFact | undefined;
  tenantNetworkTypes: ListFact | undefined;
  externalNetworkType: ScalarFact | undefined;
  flatNetworks: ListFact | undefined;
  vlanRanges: (ListFact & { entries: VlanRangeEntry[] }) | undefined;
  /** [ml2] physical_network_mtus: `physnet:mtu` entries. */
  physnetMtus: (ListFact & { entries: PhysnetEntry[] }) | undefined;
  /**
   * The file is read by an Open vSwitch agent too: deployment tools (kolla
   * before Ussuri, packstack, older charms) start the agent with
   * `--config-file ml2_conf.ini`, and then its `[ovs] bridge_mappings` is the
   * agent's. Set when the file maps bridges there.
   */
  agent: OvsAgentFacts | undefined;
}

export interface BridgeMapping {
  entry: Token;
  physnet: Token;
  bridge: Token;
  /** Either side holds a template marker or substitution. */
  templated: boolean;
}

export interface OvsAgentFacts extends FactsBase {
  kind: 'ovs-agent';
  bridgeMappings: (ScalarFact & { mappings: BridgeMapping[] }) | undefined;
  integrationBridge: { name: string; option?: IniOption };
  tunnelBridge: { name: string; option?: IniOption };
  /** [ovs] resource_provider_bandwidths: `bridge:egress:ingress` entries (the bridge must be in bridge_mappings). */
  resourceProviderBandwidths: (ScalarFact & { entries: { entry: Token; bridge: Token }[] }) | undefined;
}

export interface L3AgentFacts extends FactsBase {
  kind: 'l3-agent';
  externalNetworkBridge: ScalarFact | undefined;
}

export interface IfcfgFacts extends FactsBase {
  kind: 'ifcfg';
  /** DEVICE, or the file name's suffix when DEVICE is not set. */
  device: string;
  deviceAssignment: IfcfgAssignment | undefined;
  type: string | undefined;
  typeAssignment: IfcfgAssignment | undefined;
  ovsBridge: IfcfgAssignment | undefined;
  /**
   * BOND_IFACES with its members (space-separated interface names). `members`
   * keep exact ranges; it is empty when the value is written with escapes or
   * expansions, so that a range could not point at one name.
   */
  bondIfaces: { assignment: IfcfgAssignment; members: Token[] } | undefined;
  /** OVS_PATCH_PEER: the patch port at the other end. */
  ovsPatchPeer: IfcfgAssignment | undefined;
  /** DEVICE, TYPE or OVS_BRIDGE come from a template or expansion: their real values are unknown. */
  templated: boolean;
}

/** NetworkManager.conf: only that it is there, and which settings plugins it loads. */
export interface NmConfFacts extends FactsBase {
  kind: 'nm-conf';
  /** [main] plugins, when set (`ifcfg-rh` makes NetworkManager read the ifcfg files). */
  plugins: string[] | undefined;
}

/** A sosreport's `hostname` file: the name of the host the report was taken on. */
export interface SosHostnameFacts extends FactsBase {
  kind: 'sos-hostname';
  /** Undefined when the file holds no plausible host name. */
  hostname: string | undefined;
}

export type FileFacts = Ml2Facts | OvsAgentFacts | L3AgentFacts | IfcfgFacts | NmKeyfileFacts | OsNetConfigFacts | NmConfFacts | SosHostnameFacts | CaptureFacts;

/** A bridge mapping OVSDB holds for ovn-controller (`external_ids:ovn-bridge-mappings`), with where each side stands. */
export interface ObservedMapping {
  physnet: Token;
  bridge: Token;
}

/**
 * A capture file: its devices (the observed layer of its host's network),
 * and what it shows beyond them: OVN's mappings in OVSDB, agents' reports,
 * provider networks.
 */
export interface CaptureFacts extends FactsBase {
  kind: 'capture';
  /** Undefined when the capture holds no `ovs-vsctl list Open_vSwitch` record with the key. */
  ovnBridgeMappings: { option: Token; mappings: ObservedMapping[] } | undefined;
  agents: AgentReport[];
  networks: ProviderNetwork[];
}

export function captureFacts(doc: CaptureDocument): CaptureFacts {
  const facts: CaptureFacts = { kind: 'capture', ovnBridgeMappings: undefined, agents: [], networks: [] };
  for (const section of doc.sections) {
    if (section.type === 'agent-show') facts.agents.push(...section.agents);
    else if (section.type === 'network-show') facts.networks.push(...section.networks);
    else if (section.type === 'ovs-vsctl-list') {
      for (const record of section.records) {
        const entry = record.externalIds.find((e) => e.key === 'ovn-bridge-mappings');
        if (entry) facts.ovnBridgeMappings = { option: entry.value, mappings: observedMappings(entry.value, doc) };
      }
    }
  }
  facts.network = captureNetwork(doc);
  return facts;
}

/** `datacentre:br-ex,tenant:br-isolated` → each side's token. */
function observedMappings(value: Token, doc: CaptureDocument): ObservedMapping[] {
  const mappings: ObservedMapping[] = [];
  // The value's characters stand in the file as they are (no escapes in a mapping list).
  let at = value.start;
  for (const entry of value.text.split(',')) {
    const colon = entry.indexOf(':');
    const lead = entry.length - entry.trimStart().length;
    if (colon > 0 && entry.indexOf(':', colon + 1) < 0) {
      const physnet = entry.slice(0, colon).trim();
      const bridge = entry.slice(colon + 1).trim();
      const physnetStart = at + lead;
      const bridgeStart = at + colon + 1 + (entry.slice(colon + 1).length - entry.slice(colon + 1).trimStart().length);
      if (physnet && bridge) mappings.push({ physnet: sourceToken(doc.lineIndex, physnetStart, physnetStart + physnet.length), bridge: sourceToken(doc.lineIndex, bridgeStart, bridgeStart + bridge.length) });
    }
    at += entry.length + 1;
  }
  return mappings;
}

/** An os-net-config file: its devices are all the host model needs. */
export interface OsNetConfigFacts extends FactsBase {
  kind: 'os-net-config';
}

export function osNetConfigFacts(doc: YamlDocument): OsNetConfigFacts {
  return { kind: 'os-net-config', network: osNetConfigNetwork(doc) };
}

/** A NetworkManager keyfile profile: what the host model reads ([connection] and the OVS groups). */
export interface NmKeyfileFacts extends FactsBase {
  kind: 'nm-keyfile';
  connectionType: IniOption | undefined;
  interfaceName: IniOption | undefined;
}

export function nmKeyfileFacts(doc: IniDocument): NmKeyfileFacts {
  const option = (section: string, name: string) => findOption(doc, section, name);
  const connectionType = option('connection', 'type');
  const interfaceName = option('connection', 'interface-name');
  const facts: NmKeyfileFacts = { kind: 'nm-keyfile', connectionType, interfaceName };
  // A profile the key file reader refuses is not loaded. Its syntax error is the finding; what it meant to create is unknown.
  if (doc.problems.some((p) => p.severity === 'error')) {
    facts.network = { layer: 'declared', source: 'nm-keyfile', devices: [], uncertain: true };
    return facts;
  }
  facts.network = nmKeyfileNetwork(doc, {
    connectionType,
    interfaceName,
    controller: option('connection', 'controller') ?? option('connection', 'master'),
    portType: option('connection', 'port-type') ?? option('connection', 'slave-type'),
    id: option('connection', 'id'),
    uuid: option('connection', 'uuid'),
    ovsInterfaceType: option('ovs-interface', 'type'),
    patchPeer: option('ovs-patch', 'peer'),
  });
  return facts;
}

export function sosHostnameFacts(text: string): SosHostnameFacts {
  const first = text.split(/\r?\n/, 1)[0].trim();
  return { kind: 'sos-hostname', hostname: /^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/.test(first) ? first : undefined };
}

export const DEFAULT_TYPE_DRIVERS = ['local', 'flat', 'vlan', 'gre', 'vxlan', 'geneve'];
export const DEFAULT_INTEGRATION_BRIDGE = 'br-int';
export const DEFAULT_TUNNEL_BRIDGE = 'br-tun';
export const OVS_BRIDGE_TYPES = ['OVSBridge', 'OVSUserBridge'];

/** The last assignment of an option in a section (oslo.config keeps the last). */
export function findOption(doc: IniDocument, section: string, name: string): IniOption | undefined {
  let found: IniOption | undefined;
  for (const s of doc.sections) {
    if (normalizeSectionName(s.name.text) !== section) continue;
    for (const option of s.options) if (option.name.text === name) found = option;
  }
  return found;
}

function listFact(doc: IniDocument, section: string, name: string): ListFact | undefined {
  const option = findOption(doc, section, name);
  if (!option) return undefined;
  return { option, items: listItems(option, doc.lineIndex), templated: isTemplated(option.value.text) };
}

function scalarFact(doc: IniDocument, section: string, name: string): ScalarFact | undefined {
  const option = findOption(doc, section, name);
  return option ? { option, templated: isTemplated(option.value.text) } : undefined;
}

export function ml2Facts(doc: IniDocument): Ml2Facts {
  const vlan = listFact(doc, 'ml2_type_vlan', 'network_vlan_ranges');
  const mtus = listFact(doc, 'ml2', 'physical_network_mtus');
  return {
    kind: 'ml2',
    typeDrivers: listFact(doc, 'ml2', 'type_drivers'),
    // 2026.1 renames tenant_network_types; either name is read.
    tenantNetworkTypes: listFact(doc, 'ml2', 'project_network_types') ?? listFact(doc, 'ml2', 'tenant_network_types'),
    externalNetworkType: scalarFact(doc, 'ml2', 'external_network_type'),
    flatNetworks: listFact(doc, 'ml2_type_flat', 'flat_networks'),
    vlanRanges: vlan && {
      ...vlan,
      entries: vlan.items.map((entry) => ({ entry, physnet: splitToken(entry, ':', doc.lineIndex)[0] })),
    },
    physnetMtus: mtus && {
      ...mtus,
      entries: mtus.items.map((entry) => ({ entry, physnet: splitToken(entry, ':', doc.lineIndex)[0] })),
    },
    agent: findOption(doc, 'ovs', 'bridge_mappings') ? ovsAgentFacts(doc) : undefined,
  };
}

/** Sections only neutron-server's ML2 plugin reads. */
const ML2_SERVER_SECTION = /^ml2(_type_\w+)?$/;
/** Sections the Open vSwitch agent reads. */
const OVS_AGENT_SECTIONS = new Set(['ovs', 'agent', 'securitygroup']);

/**
 * Whether an ML2-named file is in truth the agent's: it maps bridges or sets
 * agent sections, and holds no ML2 server section. Packstack and older
 * charms write compute nodes' agent settings into `ml2_conf.ini` (the agent
 * is started with `--config-file ml2_conf.ini`); judging such a file as a
 * second controller's would report server problems on a host that runs none.
 */
export function readByAgentOnly(doc: IniDocument): boolean {
  let agent = false;
  for (const section of doc.sections) {
    const name = normalizeSectionName(section.name.text);
    if (ML2_SERVER_SECTION.test(name)) return false;
    if (OVS_AGENT_SECTIONS.has(name) && section.options.length > 0) agent = true;
  }
  return agent;
}

/** The Open vSwitch agent settings a file holds: an agent file's, or a shared ML2 file's (see Ml2Facts.agent). */
export function ovsAgentFactsOf(facts: FileFacts): OvsAgentFacts | undefined {
  if (facts.kind === 'ovs-agent') return facts;
  return facts.kind === 'ml2' ? facts.agent : undefined;
}

export function ovsAgentFacts(doc: IniDocument): OvsAgentFacts {
  const option = findOption(doc, 'ovs', 'bridge_mappings');
  let bridgeMappings: OvsAgentFacts['bridgeMappings'];
  if (option) {
    const mappings: BridgeMapping[] = [];
    for (const entry of listItems(option, doc.lineIndex)) {
      const parts = splitToken(entry, ':', doc.lineIndex);
      // Malformed entries stop the agent; they are the value checker's business, not a mapping.
      if (parts.length !== 2 || !parts[0].text || !parts[1].text) continue;
      mappings.push({ entry, physnet: parts[0], bridge: parts[1], templated: isTemplated(entry.text) });
    }
    bridgeMappings = { option, templated: isTemplated(option.value.text), mappings };
  }
  return {
    kind: 'ovs-agent',
    bridgeMappings,
    integrationBridge: bridgeSetting(doc, 'integration_bridge', DEFAULT_INTEGRATION_BRIDGE),
    tunnelBridge: bridgeSetting(doc, 'tunnel_bridge', DEFAULT_TUNNEL_BRIDGE),
    resourceProviderBandwidths: resourceProviderBandwidths(doc),
  };
}

function resourceProviderBandwidths(doc: IniDocument): OvsAgentFacts['resourceProviderBandwidths'] {
  const option = findOption(doc, 'ovs', 'resource_provider_bandwidths');
  if (!option) return undefined;
  const entries = listItems(option, doc.lineIndex).map((entry) => ({ entry, bridge: splitToken(entry, ':', doc.lineIndex)[0] }));
  return { option, templated: isTemplated(option.value.text), entries };
}

function bridgeSetting(doc: IniDocument, name: string, fallback: string): { name: string; option?: IniOption } {
  const option = findOption(doc, 'ovs', name);
  if (!option || !option.value.text || isTemplated(option.value.text)) return { name: fallback };
  return { name: option.value.text, option };
}

export function nmConfFacts(doc: IniDocument): NmConfFacts {
  const plugins = findOption(doc, 'main', 'plugins');
  return { kind: 'nm-conf', plugins: plugins ? plugins.value.text.split(/[\s,]+/).filter(Boolean) : undefined };
}

export function l3AgentFacts(doc: IniDocument): L3AgentFacts {
  return { kind: 'l3-agent', externalNetworkBridge: scalarFact(doc, 'DEFAULT', 'external_network_bridge') };
}

/** The last assignment of a key (bash and NetworkManager keep the last). */
export function lastAssignment(doc: IfcfgDocument, key: string): IfcfgAssignment | undefined {
  for (let i = doc.assignments.length - 1; i >= 0; i--) if (doc.assignments[i].key.text === key) return doc.assignments[i];
  return undefined;
}

/** `renderedName` is the file name without template suffix (`ifcfg-br-ex`). */
export function ifcfgFacts(doc: IfcfgDocument, renderedName: string): IfcfgFacts {
  const deviceAssignment = lastAssignment(doc, 'DEVICE');
  const typeAssignment = lastAssignment(doc, 'TYPE');
  const ovsBridge = lastAssignment(doc, 'OVS_BRIDGE');
  const suffix = renderedName.replace(/^ifcfg-/, '');
  const unknown = (a: IfcfgAssignment | undefined) => a !== undefined && (a.expands || isTemplated(a.value.text));
  const facts: IfcfgFacts = {
    kind: 'ifcfg',
    device: deviceAssignment?.value.text || suffix,
    deviceAssignment,
    type: typeAssignment?.value.text,
    typeAssignment,
    ovsBridge,
    bondIfaces: bondIfaces(doc),
    ovsPatchPeer: lastAssignment(doc, 'OVS_PATCH_PEER'),
    templated: unknown(deviceAssignment) || unknown(typeAssignment) || unknown(ovsBridge) || isTemplated(suffix),
  };
  facts.network = ifcfgNetwork(doc, {
    ...facts,
    bondMembers: facts.bondIfaces?.members.map((token) => ({ name: token.text, token })),
  });
  return facts;
}

function bondIfaces(doc: IfcfgDocument): IfcfgFacts['bondIfaces'] {
  const assignment = lastAssignment(doc, 'BOND_IFACES');
  if (!assignment) return undefined;
  const { value } = assignment;
  const members: Token[] = [];
  // Only when the value stands in the file character for character can a member get its own range.
  if (!assignment.expands && value.end - value.start === value.text.length && doc.lineIndex.text.slice(value.start, value.end) === value.text) {
    for (const match of value.text.matchAll(/\S+/g)) {
      const start = value.start + (match.index ?? 0);
      const end = start + match[0].length;
      members.push(sourceToken(doc.lineIndex, start, end));
    }
  }
  return { assignment, members };
}
