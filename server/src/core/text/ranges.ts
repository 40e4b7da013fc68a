import type { Position, Range } from 'vscode-languageserver-types';

/** Whether a position lies in a range, both ends included (a cursor right after a name is still on it). */
export function rangeContains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}
