/** Assertions that positions, ranges, tokens and edits lie inside their document. */
import { strict as assert } from 'node:assert';
import type { CodeAction, Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { Token } from '../../server/src/core/syntax/ast';

/** Line lengths as LSP counts them: \r\n, \r and \n end a line. */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function assertPositionIn(lengths: number[], p: Position, what: string): void {
  assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: not integers ${JSON.stringify(p)}`);
  assert.ok(p.line >= 0 && p.line < lengths.length, `${what}: line ${p.line} outside 0..${lengths.length - 1}`);
  assert.ok(p.character >= 0 && p.character <= lengths[p.line], `${what}: character ${p.character} outside line ${p.line} of length ${lengths[p.line]}`);
}

export function assertRangeIn(lengths: number[], r: Range, what: string): void {
  assertPositionIn(lengths, r.start, what + ' start');
  assertPositionIn(lengths, r.end, what + ' end');
  assert.ok(comparePositions(r.start, r.end) <= 0, `${what}: start after end ${JSON.stringify(r)}`);
}

export function assertTokenIn(text: string, lengths: number[], t: Token, what: string): void {
  assert.ok(t.start >= 0 && t.start <= t.end && t.end <= text.length, `${what}: offsets ${t.start}-${t.end} of ${text.length}`);
  assertRangeIn(lengths, t.range, what);
}

function assertEditsIn(texts: ReadonlyMap<string, string>, uri: string, edits: TextEdit[], what: string): void {
  const text = texts.get(uri);
  if (text === undefined) return; // a file the edit creates
  const lengths = lineLengths(text);
  for (const edit of edits) assertRangeIn(lengths, edit.range, `${what} edit in ${uri}`);
}

/** Every text edit of a code action lies inside the document it edits. */
export function assertActionIn(texts: ReadonlyMap<string, string>, action: CodeAction, what: string): void {
  assert.equal(typeof action.title, 'string', what);
  const edit = action.edit;
  if (!edit) return;
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) assertEditsIn(texts, uri, edits, what);
  for (const change of edit.documentChanges ?? []) {
    if ('edits' in change) assertEditsIn(texts, change.textDocument.uri, change.edits as TextEdit[], what);
  }
}
