import type { CaptureDocument, IfcfgAssignment, IfcfgDocument, IniDocument, IniOption, Token, YamlDocument } from '../syntax/ast';
import type { AgentListSection, AgentReport, ProviderNetwork } from '../captures/model';
import { captureNetwork } from '../network/sources/captures';
import { isTemplated } from '../syntax/templates';
import { normalizeSectionName } from '../syntax/iniParser';
import { listItems, splitToken } from '../syntax/valueElements';
import { sourceToken } from '../syntax/nodes';
import type { NetworkContribution } from '../network/devices';
import { ifcfgNetwork } from '../network/sources/ifcfg';
import { nmKeyfileNetwork } from '../network/sources/nmKeyfile';
import { osNetConfigNetwork } from '../network/sources/osNetConfig';
import type { TripleoEnvFacts } from '../tripleo/environmentFacts';
import type { KollaGlobalsFacts } from '../kolla/globalsFacts';
import type { OsNetConfigMappingFacts } from '../osNetConfig/mappingFacts';
import type { OsaUserConfigFacts } from '../osa/providerNetworks';

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
  /** [ml2] mechanism_drivers (`ovn`: the deployment runs ML2/OVN, whose hosts map physnets in OVSDB). */
  mechanismDrivers: ListFact | undefined;
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

/** An OVS agent's `physnet:bridge` entry; `bridge` is the target. */
export interface BridgeMapping extends PhysnetMapping {
  bridge: Token;
}

export interface OvsAgentFacts extends FactsBase {
  kind: 'ovs-agent';
  bridgeMappings: (ScalarFact & { mappings: BridgeMapping[] }) | undefined;
  integrationBridge: { name: string; option?: IniOption };
  tunnelBridge: { name: string; option?: IniOption };
  /** [ovs] resource_provider_bandwidths: `bridge:egress:ingress` entries (the bridge must be in bridge_mappings). */
  resourceProviderBandwidths: (ScalarFact & { entries: { entry: Token; bridge: Token }[] }) | undefined;
}

/**
 * A `physnet:target` entry of an L2 agent's mapping option: an OVS bridge
 * (bridge_mappings), a Linux interface or bridge (the Linux bridge agent), a
 * physical function's interface (the SR-IOV agent).
 */
export interface PhysnetMapping {
  entry: Token;
  physnet: Token;
  target: Token;
  /** Either side holds a template marker or substitution. */
  templated: boolean;
}

export interface MappingFact extends ScalarFact {
  mappings: PhysnetMapping[];
}

/** linuxbridge_agent.ini: physnets mapped to interfaces the agent bridges, or to Linux bridges that exist already. */
export interface LinuxBridgeAgentFacts extends FactsBase {
  kind: 'linuxbridge-agent';
  /** [linux_bridge] physical_interface_mappings (`physnet:interface`). */
  interfaceMappings: MappingFact | undefined;
  /** [linux_bridge] bridge_mappings (`physnet:bridge`, a bridge the agent does not create). */
  bridgeMappings: MappingFact | undefined;
}

/** sriov_agent.ini: physnets mapped to the interfaces of SR-IOV physical functions (one physnet may have several). */
export interface SriovAgentFacts extends FactsBase {
  kind: 'sriov-agent';
  /** [sriov_nic] physical_device_mappings (`physnet:pf-interface`). */
  deviceMappings: MappingFact | undefined;
}

/** One device of nova's `[pci] device_spec` (a JSON object; a JSON list gives several). */
export interface PciDeviceSpec {
  option: IniOption;
  /** `physical_network` as nova reads it; undefined when unset, null or not a string. */
  physnetName: string | undefined;
  /** Where that value stands in the file; undefined as well when the scan cannot place it (see stringMembersInSource). */
  physnet: Token | undefined;
  /** `devname`: the interface whose VFs nova hands out. */
  devname: Token | undefined;
}

/** nova.conf: the SR-IOV devices nova-compute offers, with the physnet of each. */
export interface NovaConfFacts extends FactsBase {
  kind: 'nova-conf';
  pciDeviceSpecs: PciDeviceSpec[];
  /** Some device_spec is templated or not valid JSON: nova's physnets are not all known. */
  pciUnknown: boolean;
}

export interface DhcpAgentFacts extends FactsBase {
  kind: 'dhcp-agent';
}

export interface NeutronConfFacts extends FactsBase {
  kind: 'neutron-conf';
  corePlugin: ScalarFact | undefined;
  servicePlugins: ListFact | undefined;
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

export type FileFacts =
  | Ml2Facts
  | OvsAgentFacts
  | LinuxBridgeAgentFacts
  | SriovAgentFacts
  | L3AgentFacts
  | DhcpAgentFacts
  | NeutronConfFacts
  | NovaConfFacts
  | IfcfgFacts
  | NmKeyfileFacts
  | OsNetConfigFacts
  | OsNetConfigMappingFacts
  | TripleoEnvFacts
  | KollaGlobalsFacts
  | OsaUserConfigFacts
  | NmConfFacts
  | SosHostnameFacts
  | CaptureFacts;

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
  /** Each `openstack network agent list` the capture holds: the deployment's whole list of agents. */
  agentLists: AgentListSection[];
}

export function captureFacts(doc: CaptureDocument): CaptureFacts {
  const facts: CaptureFacts = { kind: 'capture', ovnBridgeMappings: undefined, agents: [], networks: [], agentLists: [] };
  for (const section of doc.sections) {
    if (section.type === 'agent-show') facts.agents.push(...section.agents);
    else if (section.type === 'agent-list') facts.agentLists.push(section);
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
    mechanismDrivers: listFact(doc, 'ml2', 'mechanism_drivers'),
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

/** The L2 agents that map physnets in their own files (OVN maps them in OVSDB). */
export type L2AgentName = 'openvswitch' | 'linuxbridge' | 'sriov';

/** What the target of a mapping names. */
export type MappingTarget = 'ovs-bridge' | 'interface' | 'linux-bridge' | 'pf-interface';

/** One option of an L2 agent that maps physnets, as its file sets it. */
export interface AgentMappingOption {
  agent: L2AgentName;
  /** The option's name as written in sentences (`physical_interface_mappings`). */
  name: string;
  target: MappingTarget;
  fact: MappingFact;
}

/** Every physnet mapping option a file sets, of whichever L2 agent reads it. */
export function agentMappingsOf(facts: FileFacts): AgentMappingOption[] {
  if (facts.kind === 'linuxbridge-agent') {
    const out: AgentMappingOption[] = [];
    if (facts.interfaceMappings) out.push({ agent: 'linuxbridge', name: 'physical_interface_mappings', target: 'interface', fact: facts.interfaceMappings });
    if (facts.bridgeMappings) out.push({ agent: 'linuxbridge', name: 'bridge_mappings', target: 'linux-bridge', fact: facts.bridgeMappings });
    return out;
  }
  if (facts.kind === 'sriov-agent') {
    return facts.deviceMappings ? [{ agent: 'sriov', name: 'physical_device_mappings', target: 'pf-interface', fact: facts.deviceMappings }] : [];
  }
  const ovs = ovsAgentFactsOf(facts)?.bridgeMappings;
  return ovs ? [{ agent: 'openvswitch', name: 'bridge_mappings', target: 'ovs-bridge', fact: ovs }] : [];
}

/** Whether a file is read by an L2 agent that maps physnets (OVS, Linux bridge, SR-IOV). */
export function isL2AgentFacts(facts: FileFacts): boolean {
  return facts.kind === 'linuxbridge-agent' || facts.kind === 'sriov-agent' || ovsAgentFactsOf(facts) !== undefined;
}

/** The agent as a sentence names it. */
export const AGENT_LABELS: Record<L2AgentName, string> = {
  openvswitch: 'Open vSwitch agent',
  linuxbridge: 'Linux bridge agent',
  sriov: 'SR-IOV agent',
};

/** The Open vSwitch agent settings a file holds: an agent file's, or a shared ML2 file's (see Ml2Facts.agent). */
export function ovsAgentFactsOf(facts: FileFacts): OvsAgentFacts | undefined {
  if (facts.kind === 'ovs-agent') return facts;
  return facts.kind === 'ml2' ? facts.agent : undefined;
}

export function ovsAgentFacts(doc: IniDocument): OvsAgentFacts {
  const mapping = mappingFact(doc, 'ovs', 'bridge_mappings');
  const bridgeMappings: OvsAgentFacts['bridgeMappings'] = mapping && {
    option: mapping.option,
    templated: mapping.templated,
    mappings: mapping.mappings.map((m) => ({ ...m, bridge: m.target })),
  };
  return {
    kind: 'ovs-agent',
    bridgeMappings,
    integrationBridge: bridgeSetting(doc, 'integration_bridge', DEFAULT_INTEGRATION_BRIDGE),
    tunnelBridge: bridgeSetting(doc, 'tunnel_bridge', DEFAULT_TUNNEL_BRIDGE),
    resourceProviderBandwidths: resourceProviderBandwidths(doc),
  };
}

/** A `physnet:target,…` option; malformed entries stop the agent and are the value checker's business, not mappings. */
function mappingFact(doc: IniDocument, section: string, name: string): MappingFact | undefined {
  const option = findOption(doc, section, name);
  if (!option) return undefined;
  const mappings: PhysnetMapping[] = [];
  for (const entry of listItems(option, doc.lineIndex)) {
    const parts = splitToken(entry, ':', doc.lineIndex);
    if (parts.length !== 2 || !parts[0].text || !parts[1].text) continue;
    mappings.push({ entry, physnet: parts[0], target: parts[1], templated: isTemplated(entry.text) });
  }
  return { option, templated: isTemplated(option.value.text), mappings };
}

export function linuxBridgeAgentFacts(doc: IniDocument): LinuxBridgeAgentFacts {
  return {
    kind: 'linuxbridge-agent',
    interfaceMappings: mappingFact(doc, 'linux_bridge', 'physical_interface_mappings'),
    bridgeMappings: mappingFact(doc, 'linux_bridge', 'bridge_mappings'),
  };
}

export function sriovAgentFacts(doc: IniDocument): SriovAgentFacts {
  return { kind: 'sriov-agent', deviceMappings: mappingFact(doc, 'sriov_nic', 'physical_device_mappings') };
}

export function dhcpAgentFacts(): DhcpAgentFacts {
  return { kind: 'dhcp-agent' };
}

export function neutronConfFacts(doc: IniDocument): NeutronConfFacts {
  return { kind: 'neutron-conf', corePlugin: scalarFact(doc, 'DEFAULT', 'core_plugin'), servicePlugins: listFact(doc, 'DEFAULT', 'service_plugins') };
}

/** Every assignment of an option in a section, in order (a MultiStrOpt keeps them all). */
export function findOptions(doc: IniDocument, section: string, name: string): IniOption[] {
  const found: IniOption[] = [];
  for (const s of doc.sections) {
    if (normalizeSectionName(s.name.text) !== section) continue;
    for (const option of s.options) if (option.name.text === name) found.push(option);
  }
  return found;
}

export function novaConfFacts(doc: IniDocument): NovaConfFacts {
  // device_spec (Zed) is read under its old names when it is not set: [pci] passthrough_whitelist, [DEFAULT] pci_passthrough_whitelist.
  let options = findOptions(doc, 'pci', 'device_spec');
  if (options.length === 0) options = findOptions(doc, 'pci', 'passthrough_whitelist');
  if (options.length === 0) options = findOptions(doc, 'DEFAULT', 'pci_passthrough_whitelist');
  const facts: NovaConfFacts = { kind: 'nova-conf', pciDeviceSpecs: [], pciUnknown: false };
  for (const option of options) {
    const specs = pciDeviceSpecs(option, doc);
    if (specs) facts.pciDeviceSpecs.push(...specs);
    else facts.pciUnknown = true;
  }
  return facts;
}

/**
 * The devices of one device_spec value: a JSON object, or a list of them.
 * Undefined when the value is templated or not JSON nova could read (nova-compute
 * refuses to start then; the value checker says so).
 */
function pciDeviceSpecs(option: IniOption, doc: IniDocument): PciDeviceSpec[] | undefined {
  const text = option.value.text;
  if (isTemplated(text)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const objects = Array.isArray(parsed) ? parsed : [parsed];
  if (!objects.every((o) => typeof o === 'object' && o !== null && !Array.isArray(o))) return undefined;
  // Ranges: the string members of each top-level object as they stand in the source.
  const inSource = stringMembersInSource(option, doc);
  const specs: PciDeviceSpec[] = [];
  for (const [index, object] of (objects as Record<string, unknown>[]).entries()) {
    const members = inSource.filter((m) => m.object === index);
    const token = (key: string) => {
      const value = object[key];
      if (typeof value !== 'string') return undefined;
      return members.find((m) => m.key === key && m.value.text === value)?.value;
    };
    const physnetName = typeof object.physical_network === 'string' ? object.physical_network : undefined;
    specs.push({ option, physnetName, physnet: token('physical_network'), devname: token('devname') });
  }
  return specs;
}

interface SourceMember {
  key: string;
  value: Token;
  /** Index of the top-level object it belongs to. */
  object: number;
}

/**
 * `"key": "value"` pairs of the top-level objects, with the value's range, where
 * a pair stands on one line. A scan, not a parser: a pair it misreads is dropped
 * by the caller, which keeps only values equal to what JSON.parse read.
 */
function stringMembersInSource(option: IniOption, doc: IniDocument): SourceMember[] {
  const members: SourceMember[] = [];
  let depth = 0;
  let object = -1;
  for (const segment of option.segments) {
    const text = segment.text;
    const pair = /"((?:[^"\\]|\\.)*)"\s*:\s*"((?:[^"\\]|\\.)*)"|[{}"]/g;
    for (let match = pair.exec(text); match; match = pair.exec(text)) {
      if (match[0] === '{') {
        if (depth === 0) object++;
        depth++;
      } else if (match[0] === '}') depth--;
      else if (match[1] !== undefined && depth === 1 && !match[1].includes('\\') && !match[2].includes('\\')) {
        const start = segment.start + match.index + match[0].length - match[2].length - 1;
        members.push({ key: match[1], value: sourceToken(doc.lineIndex, start, start + match[2].length), object });
      }
    }
  }
  return members;
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
