/** Temporary copies of fixture deployments, and small helpers on document text. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { repoRoot } from './lspClient';

export const SERVER = path.join(repoRoot(), 'dist', 'server.js');

/** Copies `test/fixtures/<name>` into a fresh temporary directory and returns its path. */
export function copyFixture(name: string): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), `neutron-config-${name}-`));
  fs.cpSync(path.join(repoRoot(), 'test', 'fixtures', name), target, { recursive: true });
  return target;
}

export function removeDirectory(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export function uriOf(file: string): string {
  return URI.file(file).toString();
}

export interface Position {
  line: number;
  character: number;
}

/** The position of the `occurrence`-th match of `needle` in `text` (plus `offset` characters). */
export function positionOf(text: string, needle: string, offset = 0, occurrence = 1): Position {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`'${needle}' not found in text`);
  }
  index += offset;
  const before = text.slice(0, index);
  const line = before.split('\n').length - 1;
  return { line, character: index - (before.lastIndexOf('\n') + 1) };
}

export interface TextEdit {
  range: { start: Position; end: Position };
  newText: string;
}

function offsetAt(text: string, position: Position): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < position.line; i++) offset += lines[i].length + 1;
  return offset + position.character;
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  let result = text;
  for (const edit of sorted) {
    result = result.slice(0, offsetAt(result, edit.range.start)) + edit.newText + result.slice(offsetAt(result, edit.range.end));
  }
  return result;
}

/** Markdown or plain text of a hover's contents, whatever shape the server chose. */
export function hoverText(hover: any): string {
  const contents = hover?.contents;
  if (contents === undefined || contents === null) return '';
  const one = (c: any): string => (typeof c === 'string' ? c : typeof c?.value === 'string' ? c.value : '');
  return Array.isArray(contents) ? contents.map(one).join('\n') : one(contents);
}

/** The codes of published diagnostics, sorted. */
export function codesOf(diagnostics: any[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}
