import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { getInterfaceType } from '../../ifcfg/interfaceTypes';
import { EnumType } from '../../ifcfg/valueTypes';
import { IFCFG_VARIABLES, lookupVariable, variablesForType, type IfcfgVariable } from '../../ifcfg/variables';
import type { IfcfgAssignment, IfcfgDocument, Token } from '../../syntax/ast';
import { isTemplated } from '../../syntax/templates';
import type { IfcfgFacts } from '../../workspace/facts';
import { OVS_BRIDGE_TYPES } from '../../workspace/facts';
import type { IndexedFile } from '../../workspace/model';
import type { FeatureContext } from '../featureContext';
import { code, defaultText, readByText, typeEntry, typeMarkdown, valueMeaning } from './describe';
import { compareText } from '../../text/compare';

/**
 * Completion in ifcfg files: variable names at the start of a line (inserted
 * with `=`), enum and boolean values, TYPE values, and the interface names of
 * the host where a variable lists devices (BOND_IFACES, OVSDHCPINTERFACES,
 * OVSREQUIRES, OVS_PATCH_PEER). Bridges after OVS_BRIDGE= are offered by
 * features/completion.ts.
 */

/** Asks the client to open completion again once `NAME=` is inserted (values follow). */
const TRIGGER_SUGGEST = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };

// ---- names --------------------------------------------------------------------

/**
 * Variable names for the word at the cursor. `word` is the key being edited
 * (`withEquals` false: only the name is replaced) or the word typed on a line
 * without `=` yet (`withEquals` true: `NAME=` is inserted).
 */
export function ifcfgNameItems(context: FeatureContext, word: Token, withEquals: boolean): CompletionItem[] {
  const doc = context.file.doc;
  if (doc.format !== 'ifcfg') return [];
  if (withEquals && !startsLine(doc, word)) return [];
  if (!/^[A-Za-z_0-9]*$/.test(word.text)) return [];
  const line = doc.lineIndex.positionAt(word.start).line;
  const taken = new Set(doc.assignments.filter((a) => a.line !== line).map((a) => a.key.text));
  const type = literalType(context.file);
  const variables = type === undefined ? IFCFG_VARIABLES : variablesForType(type);
  return variables
    .filter((v) => !taken.has(v.name))
    .map((variable) => nameItem(variable, word.range, withEquals));
}

function nameItem(variable: IfcfgVariable, range: Range, withEquals: boolean): CompletionItem {
  const order = IFCFG_VARIABLES.indexOf(variable);
  const item: CompletionItem = {
    label: variable.name,
    kind: CompletionItemKind.Variable,
    detail: variable.type.description,
    documentation: { kind: MarkupKind.Markdown, value: nameDocumentation(variable) },
    sortText: String(order).padStart(3, '0'),
    filterText: variable.name,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range, newText: withEquals ? `${variable.name}=` : variable.name },
  };
  if (withEquals && variable.type.complete().length > 0) item.command = TRIGGER_SUGGEST;
  return item;
}

function nameDocumentation(variable: IfcfgVariable): string {
  const out = [variable.explanation, ''];
  const fallback = defaultText(variable);
  if (fallback) out.push(`- Default: ${fallback}`);
  out.push(`- Read for: ${readByText(variable)}`);
  return out.join('\n');
}

/** Whether only blanks (or `export `) stand before the word on its line. */
function startsLine(doc: IfcfgDocument, word: Token): boolean {
  const index = doc.lineIndex;
  const line = index.positionAt(word.start).line;
  const before = index.text.slice(index.lineStart(line), word.start);
  return /^[ \t]*(export[ \t]+)?$/.test(before.replace(/^\ufeff/, ''));
}

// ---- values ---------------------------------------------------------------------

/**
 * Values for the assignment under the cursor. `value` is the whole value
 * (inside its quotes), `word` the blank-separated word under the cursor.
 */
export function ifcfgValueItems(context: FeatureContext, assignment: IfcfgAssignment, value: Token, word: Token): CompletionItem[] {
  const match = lookupVariable(assignment.key.text);
  if (!match || assignment.expands || isTemplated(assignment.raw.text)) return [];
  const { variable } = match;
  const listed = new Set(value.text.split(/\s+/).filter((w) => w && w !== word.text));
  switch (variable.name) {
    case 'BOND_IFACES':
      return deviceItems(context, word.range, listed, (f) => !isOvs(f));
    case 'OVSDHCPINTERFACES': {
      const bridge = (context.file.facts as IfcfgFacts).device;
      return deviceItems(context, word.range, listed, (f) => (f.facts as IfcfgFacts).ovsBridge?.value.text === bridge);
    }
    case 'OVSREQUIRES':
      return deviceItems(context, word.range, listed, () => true);
    case 'OVS_PATCH_PEER':
      return deviceItems(context, value.range, new Set(), (f) => (f.facts as IfcfgFacts).type === 'OVSPatchPort');
    case 'TYPE':
      return typeItems(value.range);
    default:
      break;
  }
  const kind = variable.type.kind;
  const type = literalType(context.file);
  const choices = variable.type.complete(type === undefined ? {} : { type });
  if (choices.length === 0) return [];
  const isList = kind === 'list' || kind === 'key-value-words';
  const range = isList ? word.range : value.range;
  return choices
    .filter((choice) => !isList || !listed.has(choice))
    .map((choice, i) => {
      const meaning = kind === 'boolean' ? (choice === 'yes' ? 'true' : 'false') : valueMeaning(variable.type, choice);
      const item: CompletionItem = {
        label: choice,
        kind: kind === 'key-value-words' ? CompletionItemKind.Property : CompletionItemKind.EnumMember,
        detail: meaning ?? variable.type.description,
        sortText: String(i).padStart(3, '0'),
        textEdit: { range, newText: choice },
      };
      if (variable.type instanceof EnumType && variable.type.descriptions[choice]) {
        item.documentation = { kind: MarkupKind.Markdown, value: `${code(`${variable.name}=${choice}`)}: ${variable.type.descriptions[choice]}` };
      }
      return item;
    });
}

function typeItems(range: Range): CompletionItem[] {
  return ['Ethernet', 'OVSBridge', 'OVSPort', 'OVSIntPort', 'OVSBond', 'OVSPatchPort', 'OVSTunnel', 'OVSUserBridge', 'OVSDPDKPort', 'OVSDPDKBond', 'OVSDPDKVhostUserPort', 'Bridge', 'Bond', 'Vlan', 'InfiniBand']
    .map((name, i) => ({ name, i, entry: typeEntry(name) }))
    .filter((t) => t.entry !== undefined)
    .map(({ name, i, entry }) => ({
      label: name,
      kind: CompletionItemKind.EnumMember,
      detail: entry!.ovs ? 'Open vSwitch (DEVICETYPE=ovs)' : 'interface type',
      documentation: { kind: MarkupKind.Markdown, value: typeMarkdown(entry!) },
      sortText: String(i).padStart(3, '0'),
      textEdit: { range, newText: name },
    }));
}

/** The host's ifcfg devices that pass `keep`, minus this file's own device and the names already listed. */
function deviceItems(context: FeatureContext, range: Range, listed: Set<string>, keep: (file: IndexedFile) => boolean): CompletionItem[] {
  const self = (context.file.facts as IfcfgFacts).device;
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const file of context.host.ifcfgFiles) {
    const facts = file.facts as IfcfgFacts;
    if (file === context.file || facts.templated || facts.device === self || listed.has(facts.device) || seen.has(facts.device) || !keep(file)) continue;
    seen.add(facts.device);
    items.push({
      label: facts.device,
      kind: CompletionItemKind.Interface,
      detail: `${facts.type ?? 'Ethernet'} · ${file.renderedName}`,
      documentation: { kind: MarkupKind.Markdown, value: `**${facts.device}** on ${context.host.host.name}\n\n- defined in ${code(file.relativePath)}` },
      textEdit: { range, newText: facts.device },
    });
  }
  return items.sort((a, b) => compareText(a.label, b.label));
}

function isOvs(file: IndexedFile): boolean {
  const type = (file.facts as IfcfgFacts).type;
  return type !== undefined && (getInterfaceType(type)?.ovs === true || OVS_BRIDGE_TYPES.includes(type));
}

function literalType(file: IndexedFile): string | undefined {
  const assignment = (file.facts as IfcfgFacts).typeAssignment;
  return assignment && !assignment.expands && !isTemplated(assignment.value.text) ? assignment.value.text : undefined;
}
