import { captureSymbols } from './captures/symbols';
import { SymbolKind, type DocumentSymbol, type Location, type SymbolInformation } from 'vscode-languageserver-types';
import { ovsAgentFactsOf } from '../workspace/facts';
import type { IniOption, ParsedDocument } from '../syntax/ast';
import type { Host, IndexedFile } from '../workspace/model';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { deviceOccurrencesIn, isBridgeFile, physnetOccurrencesIn } from './nameOccurrences';
import { compareText } from '../text/compare';

// ---- document symbols -------------------------------------------------------------

/** Sections with their options (INI), or the variables in order (ifcfg), with exact ranges. */
export function documentSymbols(doc: ParsedDocument): DocumentSymbol[] {
  if (doc.format === 'ifcfg') {
    return doc.assignments.map((a) => ({
      name: a.key.text,
      detail: shortDetail(a.raw.text),
      kind: SymbolKind.Variable,
      range: a.range,
      selectionRange: a.key.range,
    }));
  }
  if (doc.format === 'yaml') return [];
  if (doc.format === 'capture') return captureSymbols(doc);
  const symbols: DocumentSymbol[] = doc.orphans.map(optionSymbol);
  for (const section of doc.sections) {
    symbols.push({
      name: section.name.text,
      kind: SymbolKind.Namespace,
      range: section.range,
      selectionRange: section.name.range,
      children: section.options.map(optionSymbol),
    });
  }
  return symbols;
}

function optionSymbol(option: IniOption): DocumentSymbol {
  return {
    name: option.name.text,
    detail: shortDetail(option.value.text),
    kind: SymbolKind.Property,
    range: option.range,
    selectionRange: option.name.range,
  };
}

const DETAIL_MAX = 60;

/** The value on one line, shortened. */
function shortDetail(value: string): string {
  const flat = value.replace(/\s*\n\s*/g, ' ');
  return flat.length > DETAIL_MAX ? `${flat.slice(0, DETAIL_MAX - 1)}…` : flat;
}

// ---- workspace symbols ------------------------------------------------------------

/**
 * Physnets (where declared; where mapped when no ML2 config declares them),
 * bridges (their ifcfg file) and hosts, whose name matches `query`: a
 * case-insensitive substring, or its characters in order. Best matches first.
 */
export function workspaceSymbols(index: WorkspaceIndex, query: string, limit = 1000): SymbolInformation[] {
  const found: { symbol: SymbolInformation; score: number }[] = [];
  const add = (name: string, kind: SymbolKind, location: Location, containerName: string) => {
    const score = matchScore(query, name);
    if (score !== undefined) found.push({ symbol: { name, kind, location, containerName }, score });
  };
  const files = [...index.allFiles()].sort((a, b) => compareText(a.path, b.path));

  // Physnets: declarations per ML2 file; mappings only for names no ML2 config of the deployment declares.
  const declared = new Map<string | undefined, Set<string>>();
  for (const file of files) {
    if (file.kind !== 'ml2') continue;
    const seen = new Set<string>();
    for (const o of physnetOccurrencesIn(file)) {
      if (!o.declaration || seen.has(o.name)) continue;
      seen.add(o.name);
      addTo(declared, file.host.deployment, o.name);
      add(o.name, SymbolKind.Constant, { uri: file.uri, range: o.range }, `physnet · ${o.site} · ${file.host.name}`);
    }
  }
  for (const file of files) {
    if (!ovsAgentFactsOf(file.facts)) continue;
    const seen = new Set<string>();
    for (const o of physnetOccurrencesIn(file)) {
      if (seen.has(o.name) || (file.host.deployment !== undefined && declared.get(file.host.deployment)?.has(o.name))) continue;
      seen.add(o.name);
      add(o.name, SymbolKind.Constant, { uri: file.uri, range: o.range }, `physnet · mapped, not declared · ${file.host.name}`);
    }
  }

  // Bridges: the ifcfg file creating each.
  for (const file of files) {
    if (file.facts.kind !== 'ifcfg' || !isBridgeFile(file.facts)) continue;
    const declaration = deviceOccurrencesIn(file).find((o) => o.declaration);
    if (declaration) add(declaration.name, SymbolKind.Interface, { uri: file.uri, range: declaration.range }, `bridge · ${file.host.name}`);
  }

  // Hosts: the file that says most about each.
  for (const host of index.allHosts()) {
    const file = mainFile(host);
    if (file) add(host.name, SymbolKind.Module, { uri: file.uri, range: startOf() }, `host · ${hostDir(host)}`);
  }

  return found
    .sort((a, b) => a.score - b.score || compareText(a.symbol.name, b.symbol.name) || compareText(a.symbol.location.uri, b.symbol.location.uri))
    .slice(0, limit)
    .map((f) => f.symbol);
}

/** 0 exact, 1 prefix, 2 substring, 3 characters in order (all case-insensitive); undefined: no match. Empty query: everything. */
export function matchScore(query: string, name: string): number | undefined {
  const q = query.trim().toLowerCase();
  const n = name.toLowerCase();
  if (!q) return 3;
  if (n === q) return 0;
  if (n.startsWith(q)) return 1;
  if (n.includes(q)) return 2;
  let at = 0;
  for (const ch of q) {
    at = n.indexOf(ch, at);
    if (at < 0) return undefined;
    at++;
  }
  return 3;
}

const KIND_ORDER = ['ovs-agent', 'ml2', 'l3-agent', 'ifcfg'];

function mainFile(host: Host): IndexedFile | undefined {
  return [...host.files].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compareText(a.path, b.path))[0];
}

function hostDir(host: Host): string {
  const folder = host.folder.path;
  const relative = host.dir === folder ? '.' : host.dir.startsWith(folder + '/') ? host.dir.slice(folder.length + 1) : host.dir;
  return relative || '.';
}

function startOf() {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

function addTo<K>(map: Map<K, Set<string>>, key: K, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
