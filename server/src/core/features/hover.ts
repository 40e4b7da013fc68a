import { rangeContains } from '../text/ranges';
import { captureNameAt } from './captures/names';
import { agentPatchPair } from '../network/patchPorts';
import type { CaptureDocument } from '../syntax/ast';
import { observedBridgeLines, observedPacketPath } from './observedHover';
import { literalMappings } from '../rules/bridgeMappings';
import type { Hover, Position } from 'vscode-languageserver-types';
import type { IniOption, Token } from '../syntax/ast';
import { isTemplated } from '../syntax/templates';
import { listItems, splitToken } from '../syntax/valueElements';
import { ovsAgentFactsOf, type MappingTarget, type Ml2Facts, type PciDeviceSpec } from '../workspace/facts';
import { DEFAULT_INTEGRATION_BRIDGE, DEFAULT_TUNNEL_BRIDGE } from '../workspace/facts';
import type { IndexedFile } from '../workspace/model';
import { PhysnetMappers, type PhysnetTargets } from '../workspace/physnetMappers';
import type { FileKind } from '../settings';
import type { DeploymentView, HostView } from '../workspace/views';
import type { HostDevice } from '../network/hostNetwork';
import { attachesToHint, sourceLabels, vocabulary } from '../network/sourceVocabulary';
import { cursorContext, type ValueCursor } from './cursorContext';
import type { FeatureContext } from './featureContext';
import { ifcfgKeyHover, ifcfgValueHover } from './ifcfg/hover';
import { keyfileHover } from './keyfile';
import { osNetConfigHover } from './osNetConfig';
import { kollaGlobalsHover } from './kollaGlobals';
import { osaProviderNetworksHover } from './osaProviderNetworks';
import { nicResolutionLine } from './nicNameHover';
import { ABSTRACT_NIC } from '../network/nicNames';
import { iniOptionMarkdown, iniSectionHover, iniValueHover } from './options/optionHover';
import { optionDocIn, TYPE_DRIVERS, typeDriverDoc, type OptionDoc } from './wiringDocs';
import { code, markdownHover } from './markdownHover';
import { compareText } from '../text/compare';

/**
 * Hover: every INI section and option from the option catalogue
 * (options/optionHover.ts); for the wiring options, also what this host and
 * its deployment make of the names in the value.
 */
export function hover(context: FeatureContext, position: Position): Hover | null {
  const named = networkNameHover(context, position);
  if (named) return named;
  if (context.file.facts.kind === 'nova-conf') {
    const spec = deviceSpecHover(context, context.file.facts.pciDeviceSpecs, position);
    if (spec) return spec;
  }
  if (context.file.doc.format === 'capture') return captureHover(context, context.file.doc, position);
  const cursor = cursorContext(context.file.doc, position);
  if (context.file.kind === 'nm-keyfile') return keyfileHover(cursor);
  if (context.file.facts.kind === 'kolla-globals') return kollaGlobalsHover(context, position);
  if (context.file.facts.kind === 'osa-user-config') return osaProviderNetworksHover(context, position);
  if (context.file.kind === 'os-net-config-mapping') return null;
  if (context.file.doc.format === 'yaml') return osNetConfigHover(context, position);
  switch (cursor.kind) {
    case 'section-header':
      return iniSectionHover(context, cursor.name);
    case 'option-name': {
      const explained = iniOptionMarkdown(context, cursor.section, cursor.option);
      if (!explained) return null;
      const doc = optionDocIn(context.file, cursor.section, cursor.name.text);
      let text = explained;
      if (doc?.value === 'physnet-bridge-mappings') {
        // This host's wiring is what a user hovers for: right after the one-line summary, before the reference text.
        const paragraphs = explained.split('\n\n');
        text = [...paragraphs.slice(0, 2), hostWiring(context, cursor.option), '---', ...paragraphs.slice(2)].join('\n\n');
      }
      if (doc?.more) text += '\n\n---\n\n' + doc.more;
      if (doc?.value === 'physnet-bridge-mappings') {
        const integration = reservedBridges(context.host).integration;
        const captured = literalMappings(context.file)
          .map((m) => observedPacketPath(context.host, m.bridge.text, integration))
          .filter((p): p is string => p !== undefined);
        if (captured.length) text += '\n\n' + captured.join('\n\n');
      }
      return markdownHover(text, cursor.name.range);
    }
    case 'option-value': {
      const doc = optionDocIn(context.file, cursor.section, cursor.option.name.text);
      return (doc ? valueHover(context, doc, cursor.value) : null) ?? iniValueHover(context, cursor.section, cursor.option, cursor.value);
    }
    case 'ifcfg-value': {
      if (cursor.assignment.key.text !== 'OVS_BRIDGE') return ifcfgValueHover(context, cursor.assignment, cursor.value);
      if (!cursor.value.text) return null;
      return markdownHover(bridgeDescription(context, cursor.value.text), cursor.value.range);
    }
    case 'ifcfg-key':
      return ifcfgKeyHover(context, cursor.key);
    default:
      return null;
  }
}

function valueHover(context: FeatureContext, doc: OptionDoc, value: ValueCursor): Hover | null {
  const { element, part, partIndex } = value;
  if (!element.text) return null;
  switch (doc.value) {
    case 'physnet-bridge-mappings':
      if (!part.text) return null;
      if (partIndex === 0) return markdownHover(physnetDescription(context, part.text), part.range);
      if (partIndex === 1) return markdownHover(bridgeDescription(context, part.text), part.range);
      return null;
    case 'physnet-device-mappings':
      if (!part.text) return null;
      if (partIndex === 0) return markdownHover(physnetDescription(context, part.text), part.range);
      if (partIndex === 1) return markdownHover(agentDeviceDescription(context, part.text), part.range);
      return null;
    case 'physnet-list':
      if (element.text === '*') return markdownHover('`*` lets flat networks use **any** physnet name; each host still has to map the name in its `bridge_mappings`.', element.range);
      return markdownHover(physnetDescription(context, element.text), element.range);
    case 'vlan-ranges': {
      if (!part.text) return null;
      const range = vlanRangeLine(value.parts);
      if (partIndex === 0) return markdownHover(physnetDescription(context, part.text, range), part.range);
      return markdownHover(`**VLAN range ${code(element.text)}**\n\n${range}`, element.range);
    }
    case 'type-driver-list':
    case 'type-driver':
      return markdownHover(typeDriverDescription(element.text), element.range);
    default:
      return null;
  }
}

// ---- bridge_mappings: the host's resolved wiring ------------------------------

/** Each physnet → bridge → ports of the hovered bridge_mappings line, with where it is declared and what is missing. */
function hostWiring(context: FeatureContext, option: IniOption): string {
  const { host, deployment } = context;
  const name = host.host.name;
  const out = [`**Wiring on ${name}**`, ''];
  const facts = ovsAgentFactsOf(context.file.facts);
  if (facts?.bridgeMappings && facts.bridgeMappings.option !== option) {
    out.push(`⚠ A later \`bridge_mappings\` in this section replaces this one; oslo.config reads only the last.`, '');
  }
  const declared = host.network.declared;
  if (!declared.present) out.push(`${noNetworkConfiguration(name)}, so its bridges and ports cannot be checked.`, '');
  if (!deployment) out.push(`No ML2 configuration (\`ml2_conf.ini\`, \`plugin.ini\`) covers ${name}, so the physnets cannot be checked against declarations.`, '');

  const entries = listItems(option, context.file.doc.lineIndex);
  if (entries.length === 0) {
    out.push(`Nothing is mapped: ${name} can carry tunnel networks only, and flat or VLAN ports cannot bind here.`);
    return out.join('\n');
  }
  const physnetCount = new Map<string, number>();
  const bridgeCount = new Map<string, number>();
  const pairs: { entry: Token; physnet: string; bridge: string }[] = [];
  for (const entry of entries) {
    const parts = splitToken(entry, ':', context.file.doc.lineIndex);
    if (parts.length !== 2 || !parts[0].text || !parts[1].text) {
      out.push(`- ${code(entry.text)}: not a \`physnet:bridge\` pair; the agent refuses the whole option.`);
      continue;
    }
    pairs.push({ entry, physnet: parts[0].text, bridge: parts[1].text });
    physnetCount.set(parts[0].text, (physnetCount.get(parts[0].text) ?? 0) + 1);
    bridgeCount.set(parts[1].text, (bridgeCount.get(parts[1].text) ?? 0) + 1);
  }
  const ovs = reservedBridges(host);
  for (const { entry, physnet, bridge } of pairs) {
    if (isTemplated(entry.text)) {
      out.push(`- ${code(entry.text)}: filled in by a template or substitution; checked once rendered.`);
      continue;
    }
    const ports = declared.portsOf(bridge);
    const portText = !declared.present ? '?' : ports.length ? ports.map(describeDevice).join(', ') : '*no port*';
    out.push(`- ${code(physnet)} → ${code(bridge)} → ${portText}`);
    const notes: string[] = [];
    if (deployment && deployment.allows(physnet)) notes.push(`declared: ${declarationText(deployment, physnet)}`);
    const bridgeFiles = declared.bridge(bridge);
    if (bridgeFiles.length) notes.push(`bridge: ${bridgeFiles.map((d) => code(d.file.relativePath)).join(', ')}`);
    if (deployment && !deployment.allows(physnet)) {
      notes.push(`⚠ not declared: no ML2 config of this deployment lists ${code(physnet)} in \`flat_networks\` or \`network_vlan_ranges\`, so no network can use it`);
    }
    if ((physnetCount.get(physnet) ?? 0) > 1) notes.push(`⚠ ${code(physnet)} is mapped more than once; the agent exits at start`);
    if ((bridgeCount.get(bridge) ?? 0) > 1) notes.push(`⚠ ${code(bridge)} serves more than one physnet; the agent exits at start`);
    if (bridge === ovs.integration) notes.push(`⚠ ${code(bridge)} is the integration bridge, which the agent manages itself`);
    else if (bridge === ovs.tunnel) notes.push(`⚠ ${code(bridge)} is the tunnel bridge, which the agent manages itself`);
    else if (declared.knowsBridges && bridgeFiles.length === 0) {
      notes.push(`⚠ no ${sourceLabels(declared.sourceNames)} of ${name} defines ${code(bridge)} as an OVS bridge; if it does not exist the agent stops at start`);
    } else if (bridgeFiles.length && ports.length === 0) {
      notes.push(`⚠ nothing attaches a port, bond or interface to ${code(bridge)} (${attachesToHint(declared.sourceNames, bridge)}), so nothing leaves the host through it`);
    }
    for (const note of notes) out.push(`  - ${note}`);
    for (const line of observedBridgeLines(host, bridge, ovs.integration)) out.push(`  ${line.replace(/^- /, '- observed: ')}`);
  }
  return out.join('\n');
}

/** `eth1` (OVSPort), with the type as its source writes it. */
/**
 * On a device name or a reference to one in a network source other than
 * ifcfg (keyfiles, os-net-config; ifcfg values have their own hover): what
 * the host's model says about it, whatever file says it.
 */
function networkNameHover(context: FeatureContext, position: Position): Hover | null {
  const network = context.file.facts.network;
  if (!network || network.layer !== 'declared' || context.file.doc.format === 'ifcfg') return null;
  const offset = context.file.doc.lineIndex.offsetAt(position);
  const at = (token: Token | undefined) => token !== undefined && token.start <= offset && offset <= token.end;
  const declared = context.host.network.declared;
  const nics = context.host.network.nics;
  // An os-net-config nicN: described by the name its mapping gives it, with how it resolves.
  const named = (name: string) => (network.source === 'os-net-config' ? (nics.nameOf(name) ?? name) : name);
  const nicLine = (name: string) => (network.source === 'os-net-config' && ABSTRACT_NIC.test(name) ? `\n${nicResolutionLine(nics.resolve(name))}` : '');
  for (const device of network.devices) {
    if (at(device.nameToken)) {
      const text = device.role === 'ovs-bridge' ? bridgeDescription(context, device.name) : deviceDescription(context, named(device.name)) + nicLine(device.name);
      return markdownHover(text, device.nameToken!.range);
    }
    if (at(device.bridge?.token)) return markdownHover(bridgeDescription(context, declared.resolve(device.bridge!.name)), device.bridge!.token!.range);
    for (const ref of [device.port, device.peer, ...(device.members ?? [])]) {
      if (at(ref?.token)) return markdownHover(deviceDescription(context, declared.resolve(named(ref!.name))) + nicLine(ref!.name), ref!.token!.range);
    }
  }
  return null;
}

const ROLE_WORDS: Record<HostDevice['role'], string> = {
  'ovs-bridge': 'OVS bridge',
  'ovs-port': 'OVS port',
  'ovs-internal': 'OVS internal port',
  'ovs-patch': 'OVS patch port',
  'ovs-tunnel': 'OVS tunnel port',
  interface: 'Interface',
  bond: 'Bond',
  'linux-bridge': 'Linux bridge',
};

/**
 * On a name in a capture: for a bridge, what the host's configuration and
 * captures say of it; for a port or link, its declaration, or which mapping
 * made the agent create it.
 */
function captureHover(context: FeatureContext, doc: CaptureDocument, position: Position): Hover | null {
  const name = captureNameAt(doc, position);
  if (!name) return null;
  const text = name.token.text;
  if (name.kind === 'bridge') return markdownHover(bridgeDescription(context, text), name.token.range);
  if (context.host.network.declared.devicesNamed(text).length) return markdownHover(deviceDescription(context, text), name.token.range);
  const integration = reservedBridges(context.host).integration;
  for (const file of context.host.agentFiles) {
    for (const mapping of literalMappings(file)) {
      const pair = agentPatchPair(mapping.bridge.text);
      if (text !== pair.integration && text !== pair.physical) continue;
      const on = text === pair.integration ? integration : mapping.bridge.text;
      return markdownHover(
        `**OVS patch port ${code(text)}** on ${code(on)}

- The Open vSwitch agent creates it for the mapping ${code(`${mapping.physnet.text}:${mapping.bridge.text}`)} in ${code(file.relativePath)}; its peer is ${code(text === pair.integration ? pair.physical : pair.integration)}.`,
        name.token.range,
      );
    }
  }
  return null;
}

/** A device of the host (not a bridge): where it is defined and what it is attached to. */
function deviceDescription(context: FeatureContext, name: string): string {
  const { host } = context;
  const declared = host.network.declared;
  const devices = declared.devicesNamed(name);
  if (devices.length === 0) {
    return `**${code(name)}** on ${host.host.name}\n\n- ⚠ No ${sourceLabels(declared.sourceNames)} of ${host.host.name} defines it.`;
  }
  const out = [`**${ROLE_WORDS[devices[0].role]} ${code(name)}** on ${host.host.name}`, ''];
  for (const device of devices) {
    const where = `${ROLE_WORDS[device.role]} in ${code(device.file.relativePath)} (${vocabulary(device.file.facts.network!.source).typeClause(device.sourceType)})`;
    const on = device.bridge ? `, on bridge ${code(declared.resolve(device.bridge.name))}` : device.port ? `, in port ${code(declared.resolve(device.port.name))}` : '';
    const members = device.members?.length ? `, members ${device.members.map((m) => code(m.name)).join(', ')}` : '';
    const peer = device.peer ? `, peer ${code(device.peer.name)}` : '';
    out.push(`- ${where}${on}${members}${peer}`);
  }
  return out.join('\n');
}

function describeDevice(device: HostDevice): string {
  return `${code(device.name)} (${device.sourceType ?? vocabulary(device.file.facts.network!.source).typeClause(undefined)})`;
}

function noNetworkConfiguration(host: string): string {
  return `No network configuration of ${host} (ifcfg files, NetworkManager keyfiles, os-net-config) is in the workspace`;
}

function reservedBridges(host: HostView): { integration: string; tunnel: string } {
  const agent = host.agentFiles[0] && ovsAgentFactsOf(host.agentFiles[0].facts);
  return { integration: agent?.integrationBridge.name ?? DEFAULT_INTEGRATION_BRIDGE, tunnel: agent?.tunnelBridge.name ?? DEFAULT_TUNNEL_BRIDGE };
}

// ---- physnets -----------------------------------------------------------------

/** How one ML2 file lets networks use a physnet. */
export interface Declaration {
  type: 'flat' | 'vlan' | 'flat-any';
  file: IndexedFile;
  /** For VLAN: the entries naming the physnet (`physnet2:100:199`); for flat-any: why any name is allowed. */
  detail: string;
}

/** Where the deployment declares a physnet; when no file names it, the files whose `flat_networks` allow any name. */
export function declarationsOf(deployment: DeploymentView, physnet: string): Declaration[] {
  const found: Declaration[] = [];
  for (const file of deployment.ml2Files) {
    const facts = file.facts as Ml2Facts;
    if (facts.flatNetworks && !facts.flatNetworks.templated && facts.flatNetworks.items.some((i) => i.text === physnet)) {
      found.push({ type: 'flat', file, detail: physnet });
    }
    const vlan = (facts.vlanRanges?.entries ?? []).filter((e) => e.physnet.text === physnet).map((e) => e.entry.text);
    if (vlan.length) found.push({ type: 'vlan', file, detail: vlan.join(', ') });
  }
  if (found.length) return found;
  for (const file of deployment.ml2Files) {
    const flat = (file.facts as Ml2Facts).flatNetworks;
    if (!flat) found.push({ type: 'flat-any', file, detail: '`flat_networks` is not set and defaults to `*`' });
    else if (flat.templated) found.push({ type: 'flat-any', file, detail: '`flat_networks` comes from a template' });
    else if (flat.items.some((i) => i.text === '*')) found.push({ type: 'flat-any', file, detail: '`flat_networks = *`' });
  }
  return found;
}

export function fileLabel(file: IndexedFile): string {
  return `${code(file.relativePath)} (${file.host.name})`;
}

function declarationText(deployment: DeploymentView, physnet: string): string {
  const declarations = declarationsOf(deployment, physnet);
  if (declarations.length === 0) return 'unknown (`network_vlan_ranges` comes from a template)';
  return declarations
    .map((d) => {
      if (d.type === 'flat') return `flat in ${fileLabel(d.file)}`;
      if (d.type === 'vlan') return `VLAN ${code(d.detail)} in ${fileLabel(d.file)}`;
      return `flat, any name allowed: ${d.detail} in ${fileLabel(d.file)}`;
    })
    .join('; ');
}

function physnetDescription(context: FeatureContext, physnet: string, extra?: string): string {
  const { deployment } = context;
  const out = [`**Physical network ${code(physnet)}**`, ''];
  if (extra) out.push(`- This entry: ${extra}`);
  if (!deployment) {
    out.push(`- No ML2 configuration covers ${context.host.host.name}, so where ${code(physnet)} is declared is unknown.`);
    const mapping = PhysnetMappers.of(context.host.agentFiles).of(physnet);
    out.push(...mappingLines(new Set([context.host.host.name]), mapping ? targetsByLabel(mapping) : new Map()));
    return out.join('\n');
  }
  if (deployment.allows(physnet)) out.push(`- Declared: ${declarationText(deployment, physnet)}`);
  else {
    out.push(`- ⚠ No ML2 config of this deployment lists it in \`flat_networks\` or \`network_vlan_ranges\`, so neutron-server rejects networks on it.`);
  }
  out.push(...deploymentMappingLines(deployment, physnet));
  return out.join('\n');
}

/** Per deployment view (replaced whenever its files change) and physnet: the lines saying where it is mapped. */
const mappingLinesCache = new WeakMap<DeploymentView, Map<string, string[]>>();

function deploymentMappingLines(deployment: DeploymentView, physnet: string): string[] {
  let byPhysnet = mappingLinesCache.get(deployment);
  if (!byPhysnet) mappingLinesCache.set(deployment, (byPhysnet = new Map()));
  const cached = byPhysnet.get(physnet);
  if (cached) return cached;
  // From the index's running summary: neither the agents' order nor a walk of all of them.
  const mappers = deployment.physnetMappers;
  const mapping = mappers.of(physnet);
  const lines =
    !mapping || mapping.hosts.size === 0
      ? [
          mappers.files
            ? `- ⚠ No host of this deployment maps it (${mappingOptionsOf(mappers.agentKinds())}), so ports on its networks cannot bind anywhere.`
            : `- No L2 agent configuration of this deployment (Open vSwitch, Linux bridge, SR-IOV) is in the workspace.`,
        ]
      : mappingLines(mapping.hosts, targetsByLabel(mapping));
  byPhysnet.set(physnet, lines);
  return lines;
}

/** The mapping options agents of these kinds use, as code: `bridge_mappings`, `physical_interface_mappings`… */
function mappingOptionsOf(kinds: readonly FileKind[]): string {
  const names = new Set<string>();
  for (const kind of kinds) {
    if (kind === 'linuxbridge-agent') names.add('physical_interface_mappings');
    else if (kind === 'sriov-agent') names.add('physical_device_mappings');
    else names.add('bridge_mappings');
  }
  return [...names].sort().map(code).join(', ');
}

/** A device an L2 agent maps a physnet to: what the host's configuration and its `ip` capture say of it. */
function agentDeviceDescription(context: FeatureContext, name: string): string {
  const { host } = context;
  const declared = host.network.declared;
  const lines: string[] = [];
  if (declared.devicesNamed(name).length) lines.push(deviceDescription(context, name));
  else lines.push(`**${code(name)}** on ${host.host.name}`, '', `- No network configuration file of ${host.host.name} in the workspace describes it (a NIC exists without one).`);
  const kernel = host.network.observed.sources.filter((f) => f.facts.network?.source === 'ip-address');
  if (kernel.length) {
    const seen = kernel.some((f) => f.facts.network!.devices.some((d) => d.name === name));
    lines.push(seen ? `- Present in ${code(kernel[0].relativePath)}.` : `- ⚠ Not listed in ${code(kernel[0].relativePath)}.`);
  }
  return lines.join('\n');
}

/** On the physical_network or devname value of a nova device_spec. */
function deviceSpecHover(context: FeatureContext, specs: readonly PciDeviceSpec[], position: Position): Hover | null {
  for (const spec of specs) {
    if (spec.physnet && rangeContains(spec.physnet.range, position)) {
      const line = spec.devname ? `nova-compute offers the VFs of ${code(spec.devname.text)} to ports on this physnet` : 'nova-compute offers the matching PCI devices to ports on this physnet';
      return markdownHover(physnetDescription(context, spec.physnet.text, line), spec.physnet.range);
    }
    if (spec.devname && rangeContains(spec.devname.range, position)) return markdownHover(agentDeviceDescription(context, spec.devname.text), spec.devname.range);
  }
  return null;
}


/** Host names are listed in code-unit order; only the first few are shown. */
function mappingLines(hosts: Names, bridges: Map<string, Names>): string[] {
  if (bridges.size === 0) return [`- Not mapped by ${hosts.size === 1 ? firstNames(hosts) : 'any host'}.`];
  return [
    `- Mapped on ${hosts.size} host${hosts.size === 1 ? '' : 's'}: ${firstNames(hosts)}`,
    `- ${[...bridges.keys()].every((label) => label.startsWith('`')) ? 'Bridges' : 'Mapped to'}: ${[...bridges].map(([label, on]) => `${label} (${firstNames(on)})`).join(', ')}`,
  ];
}

/** Target → host names, from a summary of one physnet (a deployment's, or one host's); the key is the target as the hover line shows it. */
function targetsByLabel(mapping: PhysnetTargets): Map<string, Names> {
  const labels: [string, Names][] = [...mapping.targets.values()].map((t) => [TARGET_WORDS[t.target] + code(t.name), t.hosts]);
  return new Map(labels.sort(([a], [b]) => compareText(a, b)));
}

/** How a hover line names a mapping's target; OVS bridges go bare, as they always have. */
const TARGET_WORDS: Record<MappingTarget, string> = {
  'ovs-bridge': '',
  interface: 'interface ',
  'linux-bridge': 'Linux bridge ',
  'pf-interface': 'SR-IOV PF ',
};

const FIRST_NAMES = 5;

/** Host names, counted: a set, or a deployment's running count of them. */
type Names = Iterable<string> & { readonly size: number };

/** The first names in code-unit order (as `sort()` puts them), and how many more. */
function firstNames(names: Names): string {
  const first: string[] = [];
  for (const name of names) {
    if (first.length === FIRST_NAMES && name >= first[FIRST_NAMES - 1]) continue;
    let i = first.length;
    while (i > 0 && name < first[i - 1]) i--;
    first.splice(i, 0, name);
    if (first.length > FIRST_NAMES) first.pop();
  }
  const shown = first.join(', ');
  return names.size > FIRST_NAMES ? `${shown} and ${names.size - FIRST_NAMES} more` : shown;
}

/** `physnet` alone, or `physnet:min:max`: the tags it spans, or why neutron-server would refuse it. */
function vlanRangeLine(parts: Token[]): string {
  if (parts.length === 1) return 'all tags 1–4094 (4094 tags)';
  const [min, max] = [parts[1]?.text ?? '', parts[2]?.text ?? ''];
  const valid = parts.length === 3 && /^\d+$/.test(min) && /^\d+$/.test(max);
  const lo = Number(min);
  const hi = Number(max);
  if (!valid || lo < 1 || hi > 4094 || lo > hi) {
    return '⚠ not a valid range (`physnet:min:max` with 1 ≤ min ≤ max ≤ 4094); neutron-server refuses to start.';
  }
  const count = hi - lo + 1;
  return `tags ${lo}–${hi} (${count} tag${count === 1 ? '' : 's'})`;
}

// ---- bridges ------------------------------------------------------------------

/** A bridge on this host: its ifcfg file, its ports, the physnets that map it, and what is missing. */
function bridgeDescription(context: FeatureContext, bridge: string): string {
  const { host } = context;
  const name = host.host.name;
  const out = [`**OVS bridge ${code(bridge)}** on ${name}`, ''];
  const ovs = reservedBridges(host);
  if (bridge === ovs.integration || bridge === ovs.tunnel) {
    const role = bridge === ovs.integration ? 'integration' : 'tunnel';
    out.push(`- ⚠ The ${role} bridge: the Open vSwitch agent creates and manages it, so no physnet may be mapped to it.`);
  }
  const declared = host.network.declared;
  const files = declared.bridge(bridge);
  if (files.length) {
    out.push(`- Defined in ${files.map((d) => `${code(d.file.relativePath)} (${vocabulary(d.file.facts.network!.source).typeClause(d.sourceType)})`).join(', ')}`);
  } else if (!declared.present) out.push(`- ${noNetworkConfiguration(name)}, so whether the bridge exists is unknown.`);
  else if (!declared.uncertain) {
    const how = declared.sourceNames.map((source) => vocabulary(source).bridgeTypes).join('; or ');
    out.push(`- ⚠ No ${sourceLabels(declared.sourceNames)} of ${name} defines it with ${how}.`);
  }

  const ports = declared.portsOf(bridge);
  if (ports.length) out.push(`- Ports: ${ports.map((p) => `${describeDevice(p)} in ${code(p.file.renderedName)}`).join(', ')}`);
  else if (files.length) {
    out.push(`- ⚠ No port: nothing attaches to it (${attachesToHint(declared.sourceNames, bridge)}), so traffic mapped to it never reaches the wire.`);
  }

  const mappedFrom: string[] = [];
  for (const file of host.agentFiles) {
    for (const m of ovsAgentFactsOf(file.facts)?.bridgeMappings?.mappings ?? []) {
      if (m.bridge.text === bridge) mappedFrom.push(`${code(m.physnet.text)} in ${code(file.relativePath)}`);
    }
  }
  if (mappedFrom.length) out.push(`- Mapped from physnet ${mappedFrom.join(', ')}`);
  else out.push(`- No physnet of ${name} is mapped to it in \`bridge_mappings\`.`);
  if (bridge.length > 11) out.push(`- Its name is longer than 11 characters, so the patch ports \`int-…\`/\`phy-…\` get shortened with a hash.`);
  const observed = observedBridgeLines(host, bridge, ovs.integration);
  if (observed.length) out.push('', '**Observed**', '', ...observed);
  return out.join('\n');
}

// ---- type drivers ---------------------------------------------------------------

function typeDriverDescription(name: string): string {
  const doc = typeDriverDoc(name);
  if (doc) return `**Type driver ${code(name)}**\n\n${doc.description}`;
  return `${code(name)} is not one of the type drivers Neutron ships (${TYPE_DRIVERS.map((t) => t.name).join(', ')}).`;
}

// ---- shared -----------------------------------------------------------------------

export { code };
