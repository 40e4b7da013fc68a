import { osaProviderNetworksCompletion } from './osaProviderNetworks';
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type Position, type Range } from 'vscode-languageserver-types';
import { ovsAgentFactsOf, type Ml2Facts } from '../workspace/facts';
import { DEFAULT_INTEGRATION_BRIDGE, DEFAULT_TUNNEL_BRIDGE, DEFAULT_TYPE_DRIVERS } from '../workspace/facts';
import { vocabulary } from '../network/sourceVocabulary';
import { cursorContext, type ValueCursor } from './cursorContext';
import type { FeatureContext } from './featureContext';
import { ifcfgNameItems, ifcfgValueItems } from './ifcfg/completion';
import { keyfileCompletion } from './keyfile';
import { osNetConfigCompletion } from './osNetConfig';
import { code, declarationsOf, fileLabel } from './hover';
import { iniNameItems, iniValueItems } from './options/optionCompletion';
import { optionDocIn, TYPE_DRIVERS } from './wiringDocs';
import { compareText } from '../text/compare';

/**
 * Completion inside the values of the wiring options: physnets and bridges in
 * `bridge_mappings`, type driver names in the ML2 type lists, bridges in an
 * ifcfg `OVS_BRIDGE`. Each item replaces the whole element being typed.
 * Section names, option names and the values of every other option come from
 * the option catalogue (options/optionCompletion.ts).
 */
export function complete(context: FeatureContext, position: Position): CompletionList {
  return { isIncomplete: false, items: items(context, position) };
}

function items(context: FeatureContext, position: Position): CompletionItem[] {
  const cursor = cursorContext(context.file.doc, position);
  if (context.file.kind === 'nm-keyfile') return keyfileCompletion(context, cursor);
  // globals.yml holds any Ansible variable, and a mapping file only nicN names: nothing to offer there yet.
  if (context.file.kind === 'kolla-globals' || context.file.kind === 'os-net-config-mapping') return [];
  if (context.file.kind === 'osa-user-config') return osaProviderNetworksCompletion(context, position);
  if (context.file.doc.format === 'yaml') return osNetConfigCompletion(context, position);
  if (cursor.kind === 'ifcfg-value') {
    if (cursor.assignment.key.text !== 'OVS_BRIDGE') return ifcfgValueItems(context, cursor.assignment, cursor.value, cursor.word);
    return bridgeItems(context, cursor.value.range, new Set());
  }
  if (cursor.kind === 'ifcfg-key') return ifcfgNameItems(context, cursor.key, false);
  if (cursor.kind === 'ifcfg-line') return ifcfgNameItems(context, cursor.word, true);
  if (cursor.kind === 'section-header' || cursor.kind === 'ini-line' || cursor.kind === 'option-name') return iniNameItems(context, cursor);
  if (cursor.kind !== 'option-value') return [];
  const doc = optionDocIn(context.file, cursor.section, cursor.option.name.text);
  const value = cursor.value;
  switch (doc?.value) {
    case 'physnet-bridge-mappings':
      if (value.partIndex === 0) return physnetItems(context, value);
      if (value.partIndex === 1) return bridgeItems(context, value.part.range, othersPart(value, 1), true);
      return [];
    case 'physnet-device-mappings': {
      // The SR-IOV agent takes several physical functions for one physnet: its physnets stay offered.
      const repeats = context.file.kind === 'sriov-agent';
      if (value.partIndex === 0) return physnetItems(context, value, repeats);
      if (value.partIndex === 1) return interfaceItems(context, value.part.range, othersPart(value, 1));
      return [];
    }
    case 'type-driver-list':
      return typeDriverItems(value, cursor.option.name.text === 'type_drivers' ? undefined : enabledTypes(context), others(value));
    case 'type-driver': {
      const enabled = enabledTypes(context);
      return typeDriverItems(value, enabled, new Set(), enabled ?? DEFAULT_TYPE_DRIVERS);
    }
    default:
      return iniValueItems(context, cursor.section, cursor.option.name.text, value);
  }
}

/** Texts of the other elements of the value. */
function others(value: ValueCursor): Set<string> {
  return new Set(value.elements.filter((_, i) => i !== value.elementIndex).map((e) => e.text));
}

/** Texts of part `index` of the other elements (the physnets or the bridges already mapped). */
function othersPart(value: ValueCursor, index: number): Set<string> {
  const taken = new Set<string>();
  value.elements.forEach((e, i) => {
    if (i === value.elementIndex) return;
    const part = e.text.split(':')[index]?.trim();
    if (part) taken.add(part);
  });
  return taken;
}

// ---- physnets ---------------------------------------------------------------------

/**
 * Physnets the deployment declares (flat and VLAN), plus, where `flat_networks`
 * allows any name, the physnets other hosts map; minus those already in the value.
 */
function physnetItems(context: FeatureContext, value: ValueCursor, repeats = false): CompletionItem[] {
  const { deployment } = context;
  if (!deployment) return [];
  const taken = repeats ? new Set<string>() : othersPart(value, 0);
  const names = new Map<string, string>();
  for (const name of deployment.declaredNames()) {
    const kinds = [deployment.flat.names.has(name) ? 'flat' : '', deployment.vlan.names.has(name) ? 'VLAN' : ''].filter(Boolean);
    names.set(name, `physnet · ${kinds.join(' + ')}`);
  }
  if (deployment.flat.open) {
    for (const [name, occurrences] of deployment.mapped.names) {
      if (names.has(name)) continue;
      const elsewhere = [...new Set(occurrences.filter((o) => o.file.host !== context.file.host).map((o) => o.file.host.name))].sort();
      if (elsewhere.length) names.set(name, `physnet · mapped on ${elsewhere.join(', ')}`);
    }
  }
  return [...names]
    .filter(([name]) => !taken.has(name))
    .sort(([a], [b]) => compareText(a, b))
    .map(([name, detail]) => ({
      label: name,
      kind: CompletionItemKind.Value,
      detail,
      documentation: { kind: MarkupKind.Markdown, value: physnetDocumentation(context, name) },
      textEdit: { range: value.part.range, newText: name },
    }));
}

function physnetDocumentation(context: FeatureContext, physnet: string): string {
  const deployment = context.deployment;
  if (!deployment) return '';
  const lines = declarationsOf(deployment, physnet).map((d) => {
    if (d.type === 'flat') return `- flat in ${fileLabel(d.file)}`;
    if (d.type === 'vlan') return `- VLAN ${code(d.detail)} in ${fileLabel(d.file)}`;
    return `- flat, any name allowed (${d.detail}) in ${fileLabel(d.file)}`;
  });
  const mapped = [...new Set((deployment.mapped.names.get(physnet) ?? []).map((o) => o.file.host.name))].sort();
  if (mapped.length) lines.push(`- mapped on ${mapped.join(', ')}`);
  return [`**Physical network ${code(physnet)}**`, '', ...lines].join('\n');
}

// ---- bridges ------------------------------------------------------------------------

/** This host's declared OVS bridges, minus `taken` and, in bridge_mappings, the agent's own bridges. */
function bridgeItems(context: FeatureContext, range: Range, taken: Set<string>, excludeReserved = false): CompletionItem[] {
  const { host } = context;
  if (excludeReserved) {
    const agent = host.agentFiles[0] && ovsAgentFactsOf(host.agentFiles[0].facts);
    taken.add(agent?.integrationBridge.name ?? DEFAULT_INTEGRATION_BRIDGE);
    taken.add(agent?.tunnelBridge.name ?? DEFAULT_TUNNEL_BRIDGE);
  }
  const declared = host.network.declared;
  return [...declared.bridges]
    .filter(([name]) => !taken.has(name))
    .sort(([a], [b]) => compareText(a, b))
    .map(([name, definitions]) => {
      const ports = declared.portsOf(name).map((p) => `${code(p.name)} (${p.sourceType ?? vocabulary(p.file.facts.network!.source).typeClause(undefined)})`);
      const { file, sourceType } = definitions[0];
      return {
        label: name,
        kind: CompletionItemKind.Interface,
        detail: `${sourceType ?? 'OVS bridge'} · ${file.renderedName}`,
        documentation: {
          kind: MarkupKind.Markdown,
          value: [
            `**OVS bridge ${code(name)}** on ${host.host.name}`,
            '',
            `- defined in ${code(file.relativePath)}`,
            `- ports: ${ports.length ? ports.join(', ') : 'none'}`,
          ].join('\n'),
        },
        textEdit: { range, newText: name },
      };
    });
}

// ---- interfaces ---------------------------------------------------------------------

/**
 * Interfaces of this host for the Linux bridge and SR-IOV agents: those its
 * configuration describes (not OVS bridges or ports, which these agents cannot
 * use) and those its `ip` capture lists, minus `taken`.
 */
function interfaceItems(context: FeatureContext, range: Range, taken: Set<string>): CompletionItem[] {
  const { host } = context;
  const found = new Map<string, string>();
  for (const device of host.network.declared.devices()) {
    if (device.role === 'ovs-bridge' || device.bridge || device.abstractName) continue;
    if (!found.has(device.name)) found.set(device.name, `${device.sourceType ?? 'interface'} · ${device.file.renderedName}`);
  }
  for (const file of host.network.observed.sources) {
    if (file.facts.network?.source !== 'ip-address') continue;
    for (const device of file.facts.network.devices) {
      if (device.name !== 'lo' && !found.has(device.name)) found.set(device.name, `in ${file.renderedName}`);
    }
  }
  return [...found]
    .filter(([name]) => !taken.has(name))
    .sort(([a], [b]) => compareText(a, b))
    .map(([name, detail]) => ({ label: name, kind: CompletionItemKind.Interface, detail, textEdit: { range, newText: name } }));
}

// ---- type drivers ---------------------------------------------------------------------

/** The type drivers this ML2 file enables, or undefined when that is not known (templated). */
function enabledTypes(context: FeatureContext): string[] | undefined {
  const facts = context.file.facts as Ml2Facts;
  if (facts.kind !== 'ml2') return undefined;
  if (!facts.typeDrivers) return DEFAULT_TYPE_DRIVERS;
  return facts.typeDrivers.templated ? undefined : facts.typeDrivers.items.map((t) => t.text);
}

/**
 * Type driver names minus `taken`; `only` limits them to a set. `enabled`
 * marks the names missing from `type_drivers` in the detail.
 */
function typeDriverItems(value: ValueCursor, enabled: string[] | undefined, taken: Set<string>, only?: string[]): CompletionItem[] {
  return TYPE_DRIVERS.map((t, i) => ({ ...t, order: i }))
    .filter((t) => !taken.has(t.name) && (!only || only.includes(t.name)))
    .map((t) => ({
      label: t.name,
      kind: CompletionItemKind.EnumMember,
      detail: enabled && !enabled.includes(t.name) ? 'type driver · not in type_drivers' : 'type driver',
      documentation: { kind: MarkupKind.Markdown, value: t.description },
      sortText: String(t.order),
      textEdit: { range: value.element.range, newText: t.name },
    }));
}
