import type { Diagnostic, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { NeutronConfigService } from '../../server/src/core/service';
import type { Settings } from '../../server/src/core/settings';

/** Shared test helpers: inline workspaces, cursor markers, exact ranges, applying edits. */

export const ROOT = 'file:///ws';

export function uriOf(relativePath: string): string {
  return `${ROOT}/${relativePath}`;
}

/** A service holding the given files (paths relative to one workspace folder). */
export function workspaceOf(files: Record<string, string>, settings?: Partial<Settings>): NeutronConfigService {
  const service = new NeutronConfigService({
    onRuleError: (rule, error) => {
      throw new Error(`rule ${rule.codes.join(',')} threw: ${String(error)}`);
    },
  });
  service.setWorkspaceFolders([{ uri: ROOT, ...(settings ? { settings } : {}) }]);
  for (const [path, text] of Object.entries(files)) service.setFile(uriOf(path), text);
  return service;
}

/** Diagnostics of one file as `code@line:char-line:char` strings, for exact comparison. */
export function codesAt(service: NeutronConfigService, relativePath: string): string[] {
  return service.getDiagnostics(uriOf(relativePath)).map(describe);
}

/** Every diagnostic of the workspace as `path code@range` strings, sorted. */
export function allFindings(service: NeutronConfigService): string[] {
  const out: string[] = [];
  for (const uri of service.files()) {
    for (const d of service.getDiagnostics(uri)) out.push(`${uri.slice(ROOT.length + 1)} ${describe(d)}`);
  }
  return out.sort();
}

export function describe(d: Diagnostic): string {
  return `${String(d.code)}@${formatRange(d.range)}`;
}

export function formatRange(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/**
 * The range of the `occurrence`-th (0-based) appearance of `needle` in `text`,
 * so tests state ranges by the token they mean.
 */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" #${occurrence} not found`);
  }
  return { start: positionAt(text, at), end: positionAt(text, at + needle.length) };
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** Splits `a|b` into the text without the marker and the marker's position. */
export function cursor(textWithBar: string): { text: string; position: Position } {
  const at = textWithBar.indexOf('|');
  if (at < 0) throw new Error('no | cursor marker');
  return { text: textWithBar.slice(0, at) + textWithBar.slice(at + 1), position: positionAt(textWithBar, at) };
}

/** The text after applying edits (non-overlapping, any order). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const offsets = lineOffsets(text);
  const toOffset = (p: Position) => Math.min(offsets[p.line] ?? text.length, text.length) + p.character;
  const sorted = [...edits].sort((a, b) => toOffset(b.range.start) - toOffset(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, toOffset(edit.range.start)) + edit.newText + result.slice(toOffset(edit.range.end));
  return result;
}

/**
 * Applies a WorkspaceEdit (`changes` or `documentChanges` with text edits,
 * creates and renames) to a map of relative path → text, returning the new map.
 */
export function applyWorkspaceEdit(files: Record<string, string>, edit: WorkspaceEdit): Record<string, string> {
  const result = { ...files };
  const rel = (uri: string) => uri.slice(ROOT.length + 1);
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) result[rel(uri)] = applyEdits(result[rel(uri)] ?? '', edits);
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind === 'create') result[rel(change.uri)] = result[rel(change.uri)] ?? '';
      else if (change.kind === 'rename') {
        result[rel(change.newUri)] = result[rel(change.oldUri)];
        delete result[rel(change.oldUri)];
      } else if (change.kind === 'delete') delete result[rel(change.uri)];
    } else {
      const path = rel(change.textDocument.uri);
      result[path] = applyEdits(result[path] ?? '', change.edits as TextEdit[]);
    }
  }
  return result;
}

function lineOffsets(text: string): number[] {
  const offsets = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') {
      offsets.push(i + 2);
      i++;
    } else if (text[i] === '\n' || text[i] === '\r') offsets.push(i + 1);
  }
  return offsets;
}
