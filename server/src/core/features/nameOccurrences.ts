import { rangeContains } from '../text/ranges';
import type { Position, Range } from 'vscode-languageserver-types';
import type { IfcfgAssignment, IniOption, Token } from '../syntax/ast';
import { isTemplated } from '../syntax/templates';
import { kollaBridges, kollaVariable } from '../kolla/globalsFacts';
import { literal, OSA_UNMAPPED_TYPES } from '../osa/providerNetworks';
import type { IfcfgFacts, L3AgentFacts, PciDeviceSpec } from '../workspace/facts';
import { agentMappingsOf, DEFAULT_INTEGRATION_BRIDGE, DEFAULT_TUNNEL_BRIDGE, OVS_BRIDGE_TYPES, ovsAgentFactsOf } from '../workspace/facts';
import type { Host, IndexedFile } from '../workspace/model';
import type { NetworkContribution } from '../network/devices';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { cursorContext } from './cursorContext';
import type { FeatureContext } from './featureContext';
import { compareText } from '../text/compare';

/**
 * Every place a physnet, bridge or interface name stands, read from the facts
 * of the files (open or not). A physnet is one name across a deployment; a
 * bridge or an interface is one name on a host. Definition, references,
 * highlights, rename, code lens and workspace symbols all read this.
 *
 * Files are taken from the live `Host.files` sets, never from the cached host
 * and deployment views: a view is kept while the names it summarises stay the
 * same, so the file objects (and ranges) it holds may be older than the text.
 */

export type NameKind = 'physnet' | 'bridge' | 'interface';

/** Where in its file an occurrence stands: the option or variable that holds it. */
export type Site =
  | 'flat_networks'
  | 'network_vlan_ranges'
  | 'physical_network_mtus'
  | 'bridge_mappings'
  | 'physical_interface_mappings'
  | 'physical_device_mappings'
  /** nova.conf [pci] device_spec: a device's physical_network or devname. */
  | 'device_spec'
  /** TripleO environments' heat parameters. */
  | 'NeutronFlatNetworks'
  | 'NeutronNetworkVLANRanges'
  | 'NeutronBridgeMappings'
  | 'NeutronPhysicalDevMappings'
  /** A kolla-ansible globals.yml's physnet names (one per bridge). */
  | 'neutron_physical_networks'
  /** An OpenStack-Ansible provider network's net_name. */
  | 'net_name'
  | 'resource_provider_bandwidths'
  | 'external_network_bridge'
  | 'DEVICE'
  /** An ifcfg file without DEVICE: its name says the device (`ifcfg-br-ex`). */
  | 'file-name'
  | 'OVS_BRIDGE'
  | 'BOND_IFACES'
  | 'OVS_PATCH_PEER'
  /** Other network sources (keyfiles, os-net-config, captures): the device's own name, its bridge, bond member, patch peer. */
  | 'device-name'
  | 'device-bridge'
  | 'device-member'
  | 'device-peer'
  /** The ovs-port a NetworkManager interface names as its controller. */
  | 'device-port';

export interface Occurrence {
  kind: NameKind;
  name: string;
  file: IndexedFile;
  site: Site;
  /** Declares the name (flat_networks and network_vlan_ranges for a physnet; DEVICE or the file name for a device). */
  declaration: boolean;
  /** Where the name stands; an empty range at the file start for `file-name`. */
  range: Range;
  /** File offset of the name's first character (0 for `file-name`). */
  start: number;
  /**
   * The range a rename replaces: the name's range, or the whole raw value of
   * an ifcfg assignment written with escapes. Undefined for `file-name`.
   */
  editRange: Range | undefined;
}

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A name written out literally: not templated, no characters that would make it part of something else. */
export function isPlainName(text: string): boolean {
  return text !== '' && text !== '*' && !isTemplated(text) && !/[\s{}%<>$`'"]/.test(text);
}

// ---- scopes -------------------------------------------------------------------

function byPath(a: IndexedFile, b: IndexedFile): number {
  return compareText(a.path, b.path);
}

/** The files of a host as they are now. */
export function hostFiles(host: Host): IndexedFile[] {
  return [...host.files].sort(byPath);
}

/** The hosts of the deployment `host` belongs to (only `host` itself when no ML2 config covers it). */
export function deploymentHosts(index: WorkspaceIndex, host: Host): Host[] {
  if (host.deployment === undefined) return [host];
  return [...index.hostsOfDeployment(host.deployment)].sort((a, b) => compareText(a.name, b.name) || compareText(a.key, b.key));
}

/** The files where a physnet seen from `host` may appear: its deployment's, or only its own without one. */
export function physnetScopeFiles(index: WorkspaceIndex, host: Host): IndexedFile[] {
  return deploymentHosts(index, host)
    .flatMap((h) => [...h.files])
    .sort(byPath);
}

// ---- occurrences ------------------------------------------------------------------

function tokenOccurrence(kind: NameKind, file: IndexedFile, site: Site, token: Token, declaration: boolean): Occurrence {
  return { kind, name: token.text, file, site, declaration, range: token.range, start: token.start, editRange: token.range };
}

/** Physnet names in one file: declarations in ML2 configs, uses in ML2 and agent configs. */
export function physnetOccurrencesIn(file: IndexedFile): Occurrence[] {
  const out: Occurrence[] = [];
  const facts = file.facts;
  if (facts.kind === 'ml2') {
    for (const item of facts.flatNetworks?.items ?? []) {
      if (isPlainName(item.text)) out.push(tokenOccurrence('physnet', file, 'flat_networks', item, true));
    }
    for (const { physnet } of facts.vlanRanges?.entries ?? []) {
      if (isPlainName(physnet.text)) out.push(tokenOccurrence('physnet', file, 'network_vlan_ranges', physnet, true));
    }
    for (const { physnet } of facts.physnetMtus?.entries ?? []) {
      if (isPlainName(physnet.text)) out.push(tokenOccurrence('physnet', file, 'physical_network_mtus', physnet, false));
    }
  }
  for (const option of agentMappingsOf(facts)) {
    for (const { physnet } of option.fact.mappings) {
      if (isPlainName(physnet.text)) out.push(tokenOccurrence('physnet', file, option.name as Site, physnet, false));
    }
  }
  if (facts.kind === 'nova-conf') {
    for (const { physnet } of facts.pciDeviceSpecs) {
      if (physnet && isPlainName(physnet.text)) out.push(tokenOccurrence('physnet', file, 'device_spec', physnet, false));
    }
  }
  if (facts.kind === 'kolla-globals') {
    // kolla's default physnet1..N have no text of their own: only names set in neutron_physical_networks are found and renamed.
    const named = kollaVariable(facts, 'neutron_physical_networks');
    for (const item of named?.unknown ? [] : (named?.items ?? [])) if (isPlainName(item.text)) out.push(tokenOccurrence('physnet', file, 'neutron_physical_networks', item, false));
  }
  if (facts.kind === 'osa-user-config') {
    // A flat or vlan network's net_name declares the physnet; any other mapped type only maps it.
    for (const network of facts.providerNetworks?.networks ?? []) {
      const name = network.fields.get('net_name');
      const type = literal(network, 'type');
      if (!name?.value || name.unknown || (type !== undefined && OSA_UNMAPPED_TYPES.has(type))) continue;
      if (isPlainName(name.value.text)) out.push(tokenOccurrence('physnet', file, 'net_name', name.value, type === 'flat' || type === 'vlan'));
    }
  }
  if (facts.kind === 'tripleo-env') {
    for (const parameter of facts.parameters) {
      if (parameter.name !== 'NeutronFlatNetworks') continue;
      for (const item of parameter.items) if (isPlainName(item.text)) out.push(tokenOccurrence('physnet', file, 'NeutronFlatNetworks', item, true));
    }
    for (const { physnets } of facts.vlanPhysnets) {
      for (const physnet of physnets) if (isPlainName(physnet.text)) out.push(tokenOccurrence('physnet', file, 'NeutronNetworkVLANRanges', physnet, true));
    }
    for (const { parameter, mappings } of facts.mappings) {
      for (const { physnet } of mappings) if (isPlainName(physnet.text)) out.push(tokenOccurrence('physnet', file, parameter.name as Site, physnet, false));
    }
  }
  return out;
}

/**
 * Uses of a physnet that no occurrence can stand for: a nova device_spec whose
 * physical_network the scan could not place in the file. A rename must refuse
 * rather than leave it behind.
 */
export function unplacedPhysnetUses(files: Iterable<IndexedFile>, name: string): IndexedFile[] {
  const out: IndexedFile[] = [];
  for (const file of files) {
    if (file.facts.kind !== 'nova-conf') continue;
    if (file.facts.pciDeviceSpecs.some((s) => s.physnetName === name && !s.physnet)) out.push(file);
  }
  return out;
}

/**
 * kolla-ansible globals.yml files whose physnet of this name is kolla's
 * default (`physnetN` for the Nth bridge, neutron_physical_networks unset):
 * the name is written nowhere, so no edit can rename it there.
 */
export function unwrittenKollaPhysnets(files: Iterable<IndexedFile>, name: string): IndexedFile[] {
  const out: IndexedFile[] = [];
  for (const file of files) {
    if (file.facts.kind !== 'kolla-globals' || kollaVariable(file.facts, 'neutron_physical_networks')) continue;
    if (kollaBridges(file.facts)?.some((b) => b.physnet === name)) out.push(file);
  }
  return out;
}

/** Bridge and interface names in one file of a host. */
export function deviceOccurrencesIn(file: IndexedFile): Occurrence[] {
  const out: Occurrence[] = [];
  const facts = file.facts;
  const agent = ovsAgentFactsOf(facts);
  if (agent) {
    for (const { bridge } of agent.bridgeMappings?.mappings ?? []) {
      if (isPlainName(bridge.text)) out.push(tokenOccurrence('bridge', file, 'bridge_mappings', bridge, false));
    }
    for (const { bridge } of agent.resourceProviderBandwidths?.entries ?? []) {
      if (isPlainName(bridge.text)) out.push(tokenOccurrence('bridge', file, 'resource_provider_bandwidths', bridge, false));
    }
  }
  switch (facts.kind) {
    case 'ovs-agent':
    case 'ml2':
      break;
    case 'linuxbridge-agent':
    case 'sriov-agent':
      // The interfaces these agents use (a Linux bridge agent's bridge_mappings names Linux bridges, which the host model does not hold).
      for (const option of agentMappingsOf(facts)) {
        if (option.target !== 'interface' && option.target !== 'pf-interface') continue;
        for (const { target } of option.fact.mappings) {
          if (isPlainName(target.text)) out.push(tokenOccurrence('interface', file, option.name as Site, target, false));
        }
      }
      break;
    case 'nova-conf':
      for (const { devname } of facts.pciDeviceSpecs) {
        if (devname && isPlainName(devname.text)) out.push(tokenOccurrence('interface', file, 'device_spec', devname, false));
      }
      break;
    case 'l3-agent': {
      const value = (facts as L3AgentFacts).externalNetworkBridge?.option.value;
      if (value && isPlainName(value.text)) out.push(tokenOccurrence('bridge', file, 'external_network_bridge', value, false));
      break;
    }
    case 'ifcfg': {
      const kind: NameKind = isBridgeFile(facts) ? 'bridge' : 'interface';
      const device = facts.deviceAssignment;
      if (device && device.value.text) {
        const occurrence = assignmentOccurrence(kind, file, 'DEVICE', device, true);
        if (occurrence) out.push(occurrence);
      } else if (isPlainName(facts.device)) {
        out.push({ kind, name: facts.device, file, site: 'file-name', declaration: true, range: FILE_START, start: 0, editRange: undefined });
      }
      if (facts.ovsBridge) {
        const occurrence = assignmentOccurrence('bridge', file, 'OVS_BRIDGE', facts.ovsBridge, false);
        if (occurrence) out.push(occurrence);
      }
      for (const member of facts.bondIfaces?.members ?? []) {
        if (isPlainName(member.text)) out.push(tokenOccurrence('interface', file, 'BOND_IFACES', member, false));
      }
      if (facts.ovsPatchPeer) {
        const occurrence = assignmentOccurrence('interface', file, 'OVS_PATCH_PEER', facts.ovsPatchPeer, false);
        if (occurrence) out.push(occurrence);
      }
      break;
    }
    default:
      // Sources added later (keyfiles, os-net-config) speak through their network contribution.
      if (file.facts.network) out.push(...networkOccurrences(file, file.facts.network));
      break;
  }
  return out;
}

/** Names in a network source other than ifcfg, read from its contribution to the host's model. */
function networkOccurrences(file: IndexedFile, network: NetworkContribution): Occurrence[] {
  const out: Occurrence[] = [];
  // Captures record what a host had at one moment: a rename must never edit them.
  if (network.layer !== 'declared') return out;
  const add = (kind: NameKind, site: Site, token: Token | undefined, declaration: boolean) => {
    if (token && isPlainName(token.text)) out.push(tokenOccurrence(kind, file, site, token, declaration));
  };
  for (const device of network.devices) {
    add(device.role === 'ovs-bridge' ? 'bridge' : 'interface', 'device-name', device.nameToken, true);
    add('bridge', 'device-bridge', device.bridge?.token, false);
    for (const member of device.members ?? []) add('interface', 'device-member', member.token, false);
    add('interface', 'device-peer', device.peer?.token, false);
    add('interface', 'device-port', device.port?.token, false);
  }
  return out;
}

/** An ifcfg value as one name; a value written with escapes is replaced whole (quotes and all) by a rename. */
function assignmentOccurrence(kind: NameKind, file: IndexedFile, site: Site, assignment: IfcfgAssignment, declaration: boolean): Occurrence | undefined {
  const { value, raw } = assignment;
  if (assignment.expands || !isPlainName(value.text)) return undefined;
  const exact = value.end - value.start === value.text.length && file.text.slice(value.start, value.end) === value.text;
  return { kind, name: value.text, file, site, declaration, range: value.range, start: value.start, editRange: exact ? value.range : raw.range };
}

export function isBridgeFile(facts: IfcfgFacts): boolean {
  return facts.type !== undefined && OVS_BRIDGE_TYPES.includes(facts.type);
}

/** Every occurrence of a physnet in `files`. */
export function physnetOccurrences(files: Iterable<IndexedFile>, name: string): Occurrence[] {
  const out: Occurrence[] = [];
  for (const file of files) for (const o of physnetOccurrencesIn(file)) if (o.name === name) out.push(o);
  return out;
}

/**
 * Every occurrence of a bridge (or interface) on a host. For an interface,
 * the DEVICE of any ifcfg file naming it counts as its declaration, bridge or not.
 */
export function deviceOccurrences(files: Iterable<IndexedFile>, kind: 'bridge' | 'interface', name: string): Occurrence[] {
  const out: Occurrence[] = [];
  for (const file of files) {
    for (const o of deviceOccurrencesIn(file)) {
      if (o.name !== name) continue;
      if (o.kind === kind || (kind === 'interface' && o.declaration)) out.push(o);
    }
  }
  return out;
}

/** The `*` items of flat_networks in the ML2 configs among `files`. */
export function flatWildcards(files: Iterable<IndexedFile>): { file: IndexedFile; token: Token }[] {
  const out: { file: IndexedFile; token: Token }[] = [];
  for (const file of files) {
    if (file.facts.kind !== 'ml2') continue;
    const flat = file.facts.flatNetworks;
    for (const item of flat?.items ?? []) if (item.text === '*') out.push({ file, token: item });
  }
  return out;
}

/** The bridges the Open vSwitch agent of a host creates and manages itself. */
export function reservedBridgeNames(files: Iterable<IndexedFile>): Set<string> {
  const names = new Set([DEFAULT_INTEGRATION_BRIDGE, DEFAULT_TUNNEL_BRIDGE]);
  for (const file of files) {
    const agent = ovsAgentFactsOf(file.facts);
    if (!agent) continue;
    names.add(agent.integrationBridge.name);
    names.add(agent.tunnelBridge.name);
  }
  return names;
}

/** The `file:` URI with its last path segment replaced. */
export function siblingUri(uri: string, basename: string): string {
  return uri.slice(0, uri.lastIndexOf('/') + 1) + encodeURIComponent(basename);
}

// ---- the name under the cursor ------------------------------------------------------

/** A physnet, bridge or interface name under the cursor, with everything that names the same thing. */
export interface NamedSymbol {
  kind: NameKind;
  name: string;
  /** The occurrence under the cursor. */
  at: Occurrence;
  /** All occurrences in scope (the deployment for a physnet, the host otherwise), the one under the cursor included. */
  occurrences: Occurrence[];
  /** The files of the scope. */
  scope: IndexedFile[];
}

export type SymbolAtCursor =
  | { kind: 'name'; symbol: NamedSymbol }
  /** The `*` of `flat_networks`: it stands for every physnet. */
  | { kind: 'wildcard'; token: Token }
  /** The cursor is on something that looks like a name but cannot be followed or renamed; `message` says why. */
  | { kind: 'refused'; message: string }
  /** Nothing here (white space, a comment, an empty element). */
  | { kind: 'nothing' };

interface Candidate {
  kind: NameKind;
  token: Token;
  /** What the option or variable is called, for messages. */
  where: string;
  /** The option this token belongs to (INI), to tell an overridden option from a malformed entry. */
  option?: IniOption;
}

/** What the cursor stands on, in the terms of names: the common start of definition, references, highlights and rename. */
export function symbolAt(context: FeatureContext, position: Position): SymbolAtCursor {
  const candidate = candidateAt(context, position);
  if (!candidate || 'refused' in candidate || 'wildcard' in candidate) {
    if (!candidate) return { kind: 'nothing' };
    if ('wildcard' in candidate) return { kind: 'wildcard', token: candidate.wildcard };
    return { kind: 'refused', message: candidate.refused };
  }
  const { kind, token } = candidate;
  if (!token.text) return { kind: 'nothing' };
  if (!isPlainName(token.text)) {
    return {
      kind: 'refused',
      message: `"${token.text}" is filled in by a template or a variable, so its real name is not known here; change it where the template gets its values.`,
    };
  }
  const file = context.file;
  const scope = kind === 'physnet' ? physnetScopeFiles(context.index, file.host) : hostFiles(file.host);
  const occurrences = kind === 'physnet' ? physnetOccurrences(scope, token.text) : deviceOccurrences(scope, kind, token.text);
  const at = occurrences.find((o) => o.file === file && o.start === token.start);
  if (!at) {
    const overridden = candidate.option && !isLiveOption(file, candidate.option);
    return {
      kind: 'refused',
      message: overridden
        ? `This "${candidate.where}" has no effect: a later one in the same section replaces it, so "${token.text}" here is not read.`
        : `"${token.text}" is not read as a ${kind} here: the entry of ${candidate.where} it stands in is malformed.`,
    };
  }
  return { kind: 'name', symbol: { kind, name: token.text, at, occurrences, scope } };
}

function isLiveOption(file: IndexedFile, option: IniOption): boolean {
  const facts = file.facts;
  const live: (IniOption | undefined)[] = [];
  if (facts.kind === 'ml2') live.push(facts.flatNetworks?.option, facts.vlanRanges?.option, facts.physnetMtus?.option);
  const agent = ovsAgentFactsOf(facts);
  if (agent) live.push(agent.bridgeMappings?.option, agent.resourceProviderBandwidths?.option);
  if (facts.kind === 'l3-agent') live.push(facts.externalNetworkBridge?.option);
  for (const mapping of agentMappingsOf(facts)) live.push(mapping.fact.option);
  return live.includes(option);
}

type CandidateResult = Candidate | { refused: string } | { wildcard: Token } | undefined;

const NOT_A_NAME = 'Only physnet and bridge names can be renamed or followed';

function candidateAt(context: FeatureContext, position: Position): CandidateResult {
  const file = context.file;
  if (file.facts.kind === 'tripleo-env' || file.facts.kind === 'kolla-globals' || file.facts.kind === 'osa-user-config') return toolCandidate(physnetOccurrencesIn(file), position);
  const cursor = cursorContext(file.doc, position);
  switch (cursor.kind) {
    case 'section-header':
      return { refused: `"[${cursor.name.text}]" is a section name that Neutron looks for; it cannot be renamed.` };
    case 'option-name':
      return { refused: `"${cursor.name.text}" is an option name that Neutron looks for; it cannot be renamed. ${NOT_A_NAME}.` };
    case 'ifcfg-key':
      return { refused: `"${cursor.key.text}" is a variable name that the network scripts look for; it cannot be renamed. ${NOT_A_NAME}.` };
    case 'option-value': {
      const { value, option } = cursor;
      const where = `[${cursor.section ?? ''}] ${option.name.text}`;
      if (file.facts.kind === 'nova-conf') return deviceSpecCandidate(file.facts.pciDeviceSpecs, option, position, where);
      const site = `${file.kind} ${cursor.section ?? ''} ${option.name.text}`;
      switch (site) {
        case 'linuxbridge-agent linux_bridge physical_interface_mappings':
        case 'sriov-agent sriov_nic physical_device_mappings':
          if (value.partIndex === 0) return { kind: 'physnet', token: value.part, where, option };
          if (value.partIndex === 1) return { kind: 'interface', token: value.part, where, option };
          return undefined;
        case 'linuxbridge-agent linux_bridge bridge_mappings':
          if (value.partIndex === 0) return { kind: 'physnet', token: value.part, where, option };
          return value.part.text ? { refused: `"${value.part.text}" is a Linux bridge that exists before the agent starts; ${NOT_A_NAME.toLowerCase()}.` } : undefined;
        case 'ml2 ml2_type_flat flat_networks':
          if (value.element.text === '*') return { wildcard: value.element };
          return value.element.text ? { kind: 'physnet', token: value.element, where, option } : undefined;
        case 'ml2 ml2_type_vlan network_vlan_ranges':
          if (value.partIndex === 0) return { kind: 'physnet', token: value.part, where, option };
          return value.element.text ? { refused: `"${value.element.text}" gives VLAN tags; ${NOT_A_NAME.toLowerCase()}.` } : undefined;
        case 'ml2 ml2 physical_network_mtus':
          if (value.partIndex === 0) return { kind: 'physnet', token: value.part, where, option };
          return value.part.text ? { refused: `"${value.part.text}" is an MTU; ${NOT_A_NAME.toLowerCase()}.` } : undefined;
        case 'ovs-agent ovs bridge_mappings':
          if (value.partIndex === 0) return { kind: 'physnet', token: value.part, where, option };
          if (value.partIndex === 1) return { kind: 'bridge', token: value.part, where, option };
          return undefined;
        case 'ovs-agent ovs resource_provider_bandwidths':
          if (value.partIndex === 0) return { kind: 'bridge', token: value.part, where, option };
          return value.part.text ? { refused: `"${value.part.text}" is a bandwidth in kbps; ${NOT_A_NAME.toLowerCase()}.` } : undefined;
        case 'l3-agent DEFAULT external_network_bridge':
          return value.element.text ? { kind: 'bridge', token: value.element, where, option } : undefined;
        case 'ovs-agent ovs integration_bridge':
        case 'ovs-agent ovs tunnel_bridge':
          return value.element.text
            ? { refused: `"${value.element.text}" is a bridge the Open vSwitch agent creates and manages itself; it is not renamed with the physnet bridges.` }
            : undefined;
        default:
          return value.element.text ? { refused: `"${value.element.text}" is a value of ${where}. ${NOT_A_NAME}.` } : undefined;
      }
    }
    case 'ifcfg-value': {
      const key = cursor.assignment.key.text;
      const facts = file.facts as IfcfgFacts;
      if (cursor.assignment.expands) {
        return cursor.value.text ? { refused: `The value of ${key} is expanded by the shell, so its real name is not known here.` } : undefined;
      }
      switch (key) {
        case 'DEVICE':
          return { kind: isBridgeFile(facts) ? 'bridge' : 'interface', token: cursor.value, where: key };
        case 'OVS_BRIDGE':
          return { kind: 'bridge', token: cursor.value, where: key };
        case 'OVS_PATCH_PEER':
          return { kind: 'interface', token: cursor.value, where: key };
        case 'BOND_IFACES':
          return cursor.word.text ? { kind: 'interface', token: cursor.word, where: key } : undefined;
        default:
          return cursor.value.text ? { refused: `"${cursor.value.text}" is a value of ${key}. ${NOT_A_NAME}.` } : undefined;
      }
    }
    default:
      return undefined;
  }
}

/**
 * In a deployment tool's file (a TripleO environment, a kolla globals.yml,
 * OpenStack-Ansible's provider_networks), the physnets of the variables read;
 * their bridges and devices are the hosts' network configuration's business.
 */
function toolCandidate(occurrences: Occurrence[], position: Position): CandidateResult {
  const at = occurrences.find((o) => rangeContains(o.range, position));
  return at ? { kind: 'physnet', token: { text: at.name, start: at.start, end: at.start + at.name.length, range: at.range }, where: at.site } : undefined;
}

/** In a nova device_spec, only the values of physical_network and devname are names. */
function deviceSpecCandidate(specs: PciDeviceSpec[], option: IniOption, position: Position, where: string): CandidateResult {
  for (const spec of specs) {
    if (spec.option !== option) continue;
    if (spec.physnet && rangeContains(spec.physnet.range, position)) return { kind: 'physnet', token: spec.physnet, where, option };
    if (spec.devname && rangeContains(spec.devname.range, position)) return { kind: 'interface', token: spec.devname, where, option };
  }
  return { refused: `Only the physical_network and devname values of ${where} are names that can be followed; ${NOT_A_NAME.toLowerCase()}.` };
}


// ---- presentation helpers ---------------------------------------------------------

/** Sorts occurrences by file, then position. */
export function sortOccurrences(occurrences: Occurrence[]): Occurrence[] {
  return [...occurrences].sort((a, b) => byPath(a.file, b.file) || a.start - b.start || Number(b.declaration) - Number(a.declaration));
}

/** Hosts of `scope` that run an Open vSwitch agent (have an openvswitch_agent.ini), by name. */
export function agentHosts(scope: Iterable<IndexedFile>): Map<Host, IndexedFile[]> {
  const hosts = new Map<Host, IndexedFile[]>();
  for (const file of scope) {
    if (!ovsAgentFactsOf(file.facts)) continue;
    const files = hosts.get(file.host) ?? [];
    files.push(file);
    hosts.set(file.host, files);
  }
  return hosts;
}

/** Whether some agent file of a host maps `physnet`. */
export function hostMaps(agentFiles: IndexedFile[], physnet: string): boolean {
  return agentFiles.some((f) => (ovsAgentFactsOf(f.facts)?.bridgeMappings?.mappings ?? []).some((m) => m.physnet.text === physnet));
}
