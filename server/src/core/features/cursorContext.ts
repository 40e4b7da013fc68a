import type { Position } from 'vscode-languageserver-types';
import type { IfcfgAssignment, IfcfgDocument, IniDocument, IniOption, IniSection, ParsedDocument, Token } from '../syntax/ast';
import type { LineIndex } from '../text/lineIndex';
import { listItems, splitToken } from '../syntax/valueElements';

/**
 * Where a cursor stands in a parsed document, in the terms features think in:
 * which section, which option, which element of a list value and which side
 * of a `:` inside it. Hover, completion and (later) definition and rename all
 * start here instead of looking at text themselves.
 */
export type CursorContext =
  | { kind: 'none' }
  /** On a comment line (INI) or a trailing comment (ifcfg). */
  | { kind: 'comment' }
  /** Inside a `[name]` header; `name` is the text between the brackets. */
  | { kind: 'section-header'; section: IniSection; name: Token }
  /** On the name of an option. `section` is undefined for an option before any header. */
  | { kind: 'option-name'; section: string | undefined; option: IniOption; name: Token }
  /** In the value of an option (on its first line after the separator, or on a continuation line). */
  | { kind: 'option-value'; section: string | undefined; option: IniOption; value: ValueCursor }
  /**
   * On an INI line that is neither header, comment nor option: a blank line or
   * a name being typed. `word` is the run of non-blank characters around the
   * cursor (empty at the cursor on a blank line), for option-name completion.
   */
  | { kind: 'ini-line'; section: string | undefined; word: Token }
  /** On the key of an ifcfg assignment. */
  | { kind: 'ifcfg-key'; assignment: IfcfgAssignment; key: Token }
  /**
   * In the value of an ifcfg assignment. `value` is the unquoted value with the
   * range to replace (inside the quotes when the value is quoted). `word` is
   * the space-separated word of the value under the cursor (one interface of
   * `BOND_IFACES="eth0 eth1"`), or an empty token at the cursor in white space.
   */
  | { kind: 'ifcfg-value'; assignment: IfcfgAssignment; value: Token; word: Token }
  /** On an ifcfg line with no assignment yet (blank, or a key being typed). */
  | { kind: 'ifcfg-line'; word: Token };

export type CursorKind = CursorContext['kind'];

/** The cursor inside an option value, split the way list and mapping values are. */
export interface ValueCursor {
  /** Offset of the cursor in the file. */
  offset: number;
  /** The comma-separated items of the whole value (empty items left out), as the facts see them. */
  elements: Token[];
  /**
   * The item under the cursor, trimmed. When the cursor is not on an item (an
   * empty value, between `,` and `,`, in white space) it is an empty token at
   * the cursor: the range a completion replaces.
   */
  element: Token;
  /** Index of `element` in `elements`, or undefined when the cursor is on no item. */
  elementIndex: number | undefined;
  /** `element` split at `:` (one part when there is none). */
  parts: Token[];
  /** Which part the cursor is in: the number of `:` before it within the element. */
  partIndex: number;
  /** The part under the cursor (trimmed), or an empty token at the cursor when it stands in white space. */
  part: Token;
}

/** Where `position` stands in `doc`. Never throws. */
export function cursorContext(doc: ParsedDocument, position: Position): CursorContext {
  if (doc.format === 'yaml' || doc.format === 'capture') return { kind: 'none' };
  return doc.format === 'ini' ? iniContext(doc, position) : ifcfgContext(doc, position);
}

// ---- INI ---------------------------------------------------------------------

function iniContext(doc: IniDocument, position: Position): CursorContext {
  const index = doc.lineIndex;
  if (position.line < 0 || position.line >= index.lineCount) return { kind: 'none' };
  const offset = index.offsetAt(position);
  const line = position.line;

  for (const section of doc.sections) {
    if (section.headerRange.start.line !== line) continue;
    return { kind: 'section-header', section, name: section.name };
  }
  if (doc.comments.some((c) => c.line === line)) return { kind: 'comment' };

  const options = [...doc.orphans, ...doc.sections.flatMap((s) => s.options)];
  for (const option of options) {
    const context = optionContext(option, line, offset, index);
    if (context) return context;
  }

  // A blank indented line right after a value: typing there continues the value.
  const lineText = index.text.slice(index.lineStart(line), index.lineEnd(line));
  if (lineText.trim() === '' && /^[ \t]/.test(lineText) && position.character > 0 && line > 0) {
    for (const option of options) {
      const last = option.segments[option.segments.length - 1];
      if (index.positionAt(last.start).line === line - 1) return { kind: 'option-value', section: option.section, option, value: valueCursor(option, offset, index) };
    }
  }
  return { kind: 'ini-line', section: sectionAtLine(doc, line), word: wordAt(index, line, offset) };
}

function optionContext(option: IniOption, line: number, offset: number, index: LineIndex): CursorContext | undefined {
  const first = option.name.range.start.line;
  const last = index.positionAt(option.segments[option.segments.length - 1].start).line;
  if (line < first || line > last) return undefined;
  if (line === first) {
    if (offset <= option.name.end) {
      return offset >= option.name.start ? { kind: 'option-name', section: option.section, option, name: option.name } : { kind: 'none' };
    }
    if (offset < option.separator.end) return { kind: 'none' };
  }
  return { kind: 'option-value', section: option.section, option, value: valueCursor(option, offset, index) };
}

function valueCursor(option: IniOption, offset: number, index: LineIndex): ValueCursor {
  const elements = listItems(option, index);
  const text = index.text;
  const line = index.positionAt(offset).line;
  // The segment on the cursor's line; a blank line after the value has none and reads as an empty one.
  const segment = option.segments.find((s) => index.positionAt(s.start).line === line) ?? { text: '', start: offset };
  // The item runs from the last comma before the cursor to the next comma (or the line's end) after it.
  const segmentEnd = Math.max(segment.start + segment.text.length, offset);
  let itemStart = segment.start;
  let itemEnd = segmentEnd;
  for (let i = segment.start; i < segmentEnd; i++) {
    if (text[i] !== ',') continue;
    if (i < offset) itemStart = i + 1;
    else {
      itemEnd = i;
      break;
    }
  }
  let element = trim(text, itemStart, itemEnd, index);
  if (!element || offset < element.start || offset > element.end) element = emptyAt(offset, index);
  const found = elements.findIndex((e) => e.start === element.start && element.text !== '');
  const parts = element.text ? splitToken(element, ':', index) : [element];
  let partIndex = 0;
  for (let i = element.start; i < offset && i < element.end; i++) if (text[i] === ':') partIndex++;
  let part = parts[partIndex] ?? emptyAt(offset, index);
  if (offset < part.start || offset > part.end) part = emptyAt(offset, index);
  return { offset, elements, element, elementIndex: found >= 0 ? found : undefined, parts, partIndex, part };
}

function sectionAtLine(doc: IniDocument, line: number): string | undefined {
  let current: string | undefined;
  for (const section of doc.sections) {
    if (section.headerRange.start.line > line) break;
    current = section.name.text;
  }
  return current;
}

// ---- ifcfg -------------------------------------------------------------------

function ifcfgContext(doc: IfcfgDocument, position: Position): CursorContext {
  const index = doc.lineIndex;
  if (position.line < 0 || position.line >= index.lineCount) return { kind: 'none' };
  const offset = index.offsetAt(position);
  const line = position.line;
  const assignment = doc.assignments.find((a) => a.line === line);
  if (!assignment) {
    if (doc.comments.some((c) => c.line === line)) return { kind: 'comment' };
    return { kind: 'ifcfg-line', word: wordAt(index, line, offset) };
  }
  if (offset >= assignment.key.start && offset <= assignment.key.end) return { kind: 'ifcfg-key', assignment, key: assignment.key };
  if (offset > assignment.raw.end) {
    return doc.comments.some((c) => c.line === line && offset >= index.offsetAt(c.range.start)) ? { kind: 'comment' } : { kind: 'none' };
  }
  if (offset < assignment.raw.start) return { kind: 'none' };
  const value = ifcfgValue(assignment, index);
  return { kind: 'ifcfg-value', assignment, value, word: wordIn(value, offset, index) };
}

/** The run of non-blank characters of `value` around `offset` (an empty token at `offset` in white space). */
function wordIn(value: Token, offset: number, index: LineIndex): Token {
  const text = index.text;
  if (offset < value.start || offset > value.end) return emptyAt(offset, index);
  let start = offset;
  let end = offset;
  while (start > value.start && !/\s/.test(text[start - 1])) start--;
  while (end < value.end && !/\s/.test(text[end])) end++;
  return { text: text.slice(start, end), start, end, range: index.range(start, end) };
}

/** The value with the range a replacement should cover: inside the quotes, also when the closing quote is still missing. */
function ifcfgValue(assignment: IfcfgAssignment, index: LineIndex): Token {
  const { value, raw } = assignment;
  const quote = raw.text[0];
  if (value.start === raw.start && (quote === '"' || quote === "'") && raw.text.length > 0) {
    const closed = raw.text.length > 1 && raw.text.endsWith(quote);
    const start = raw.start + 1;
    const end = closed ? raw.end - 1 : raw.end;
    return { text: value.text, start, end, range: index.range(start, end) };
  }
  return value;
}

// ---- shared ------------------------------------------------------------------

/** The run of non-blank characters around the cursor on its line (empty at the cursor on white space). */
function wordAt(index: LineIndex, line: number, offset: number): Token {
  const text = index.text;
  const lineStart = index.lineStart(line);
  const lineEnd = index.lineEnd(line);
  let start = offset;
  let end = offset;
  while (start > lineStart && !/\s/.test(text[start - 1])) start--;
  while (end < lineEnd && !/\s/.test(text[end])) end++;
  return { text: text.slice(start, end), start, end, range: index.range(start, end) };
}

function trim(text: string, start: number, end: number, index: LineIndex): Token | undefined {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (start >= end) return undefined;
  return { text: text.slice(start, end), start, end, range: index.range(start, end) };
}

function emptyAt(offset: number, index: LineIndex): Token {
  return { text: '', start: offset, end: offset, range: index.range(offset, offset) };
}
