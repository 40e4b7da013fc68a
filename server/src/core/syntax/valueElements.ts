import type { LineIndex } from '../text/lineIndex';
import type { IniOption, Token } from './ast';
import { SourceToken, sourceToken } from './nodes';

/**
 * Splits option values into elements that keep their own ranges, so a rule,
 * hover or rename can point at one physnet inside `bridge_mappings`.
 */

/** The comma-separated items of a list value, trimmed, empty items left out. Works across continuation lines. */
export function listItems(option: IniOption, lineIndex: LineIndex): Token[] {
  const items: Token[] = [];
  for (const segment of option.segments) {
    let itemStart = 0;
    const text = segment.text;
    for (let i = 0; i <= text.length; i++) {
      if (i === text.length || text[i] === ',') {
        const item = trimmed(segment.start + itemStart, segment.start + i, lineIndex);
        if (item) items.push(item);
        itemStart = i + 1;
      }
    }
  }
  return items;
}

/** Splits `a:b:c` into its parts, each trimmed and with its range (empty parts keep an empty range). */
export function splitToken(token: Token, separator: string, lineIndex: LineIndex): Token[] {
  const parts: Token[] = [];
  let partStart = 0;
  const text = token.text;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === separator) {
      parts.push(trimmed(token.start + partStart, token.start + i, lineIndex) ?? emptyAt(token.start + i, lineIndex));
      partStart = i + 1;
    }
  }
  return parts;
}

function trimmed(start: number, end: number, lineIndex: LineIndex): Token | undefined {
  const text = lineIndex.text;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start >= end) return undefined;
  return sourceToken(lineIndex, start, end);
}

function emptyAt(offset: number, lineIndex: LineIndex): Token {
  return new SourceToken('', offset, offset, lineIndex);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}
