import type { Range } from 'vscode-languageserver-types';
import type { LineIndex } from '../text/lineIndex';
import type { Comment, IfcfgAssignment, IfcfgQuoting, IniOption, IniSection, ParsedDocument, Token, ValueSegment } from './ast';

/**
 * The parse-tree nodes the workspace index keeps for every file. They store
 * UTF-16 offsets and work out their LSP range when asked, from the file's line
 * index: a range is two positions, three objects, and a workspace of thousands
 * of files holds millions of nodes whose ranges are never read (only those of
 * findings, hovers and edits are). Each access returns a new plain Range.
 *
 * Node objects are classes, so spreading one (`{ ...token }`) loses `range`:
 * copy the fields you need instead. `toJSON` keeps `range` for serialisation.
 */

export class SourceToken implements Token {
  readonly #lines: LineIndex;

  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number,
    lines: LineIndex,
  ) {
    this.#lines = lines;
  }

  get range(): Range {
    return this.#lines.range(this.start, this.end);
  }

  toJSON(): Token {
    return { text: this.text, start: this.start, end: this.end, range: this.range };
  }
}

/** A token whose text is the source between its offsets. */
export function sourceToken(lines: LineIndex, start: number, end: number): SourceToken {
  return new SourceToken(lines.text.slice(start, end), start, end, lines);
}

export class IniOptionNode implements IniOption {
  readonly #lines: LineIndex;
  /** Offset of the `=` or `:`. */
  readonly #separatorAt: number;
  /** Offset just past the last character of the last continuation line. */
  #end: number;
  /**
   * The value's lines once it has continuation lines. Until then its one
   * segment is the value itself, made when asked: most options have one line,
   * and an array and an object each for thousands of options add up.
   */
  #segments: ValueSegment[] | undefined;

  constructor(
    readonly name: Token,
    separatorAt: number,
    public value: Token,
    end: number,
    readonly section: string | undefined,
    lines: LineIndex,
  ) {
    this.#lines = lines;
    this.#separatorAt = separatorAt;
    this.#end = end;
  }

  get separator(): Token {
    return sourceToken(this.#lines, this.#separatorAt, this.#separatorAt + 1);
  }

  get segments(): ValueSegment[] {
    return this.#segments ?? [{ text: this.value.text, start: this.value.start }];
  }

  get range(): Range {
    return this.#lines.range(this.name.start, this.#end);
  }

  /** A continuation line adds to the value: `value` is the value with it, `segment` the line's part. */
  continueWith(segment: ValueSegment, value: Token): void {
    this.#segments ??= this.segments;
    this.#segments.push(segment);
    this.value = value;
    this.#end = segment.start + segment.text.length;
  }

  toJSON(): object {
    const { name, separator, value, segments, range, section } = this;
    return { name, separator, value, segments, range, section };
  }
}

export class IniSectionNode implements IniSection {
  readonly #lines: LineIndex;
  readonly #headerStart: number;
  readonly #headerEnd: number;
  /** Offset just past its last option or comment. */
  #end: number;
  readonly options: IniOption[] = [];

  constructor(
    readonly name: Token,
    headerStart: number,
    headerEnd: number,
    lines: LineIndex,
  ) {
    this.#lines = lines;
    this.#headerStart = headerStart;
    this.#headerEnd = headerEnd;
    this.#end = headerEnd;
  }

  get headerRange(): Range {
    return this.#lines.range(this.#headerStart, this.#headerEnd);
  }

  get range(): Range {
    return this.#lines.range(this.#headerStart, this.#end);
  }

  extendTo(end: number): void {
    this.#end = end;
  }

  toJSON(): object {
    const { name, headerRange, range, options } = this;
    return { name, headerRange, range, options };
  }
}

/** A comment from its marker (`#` or `;`) at `start` to `end`; its text is what follows the marker, trimmed. */
export class CommentNode implements Comment {
  readonly #lines: LineIndex;
  readonly #start: number;
  readonly #end: number;

  constructor(
    readonly line: number,
    start: number,
    end: number,
    lines: LineIndex,
  ) {
    this.#lines = lines;
    this.#start = start;
    this.#end = end;
  }

  get text(): string {
    return this.#lines.text.slice(this.#start + 1, this.#end).trim();
  }

  get range(): Range {
    return this.#lines.range(this.#start, this.#end);
  }

  toJSON(): Comment {
    return { text: this.text, line: this.line, range: this.range };
  }
}

export class IfcfgAssignmentNode implements IfcfgAssignment {
  readonly #lines: LineIndex;

  constructor(
    readonly key: Token,
    readonly value: Token,
    readonly raw: Token,
    readonly quoting: IfcfgQuoting,
    readonly expands: boolean,
    readonly exported: boolean,
    readonly line: number,
    lines: LineIndex,
  ) {
    this.#lines = lines;
  }

  /** From the key to the end of the value as written. */
  get range(): Range {
    return this.#lines.range(this.key.start, this.raw.end);
  }

  toJSON(): object {
    const { key, value, raw, quoting, expands, exported, line, range } = this;
    return { key, value, raw, quoting, expands, exported, line, range };
  }
}

/**
 * Statements (INI options with continuation lines, ifcfg assignments with a
 * quoted value over several lines) that span more than one line, as
 * [first line, last line]. A comment may not go between their lines: it
 * would end the option (oslo.config) or become part of the value (bash).
 */
export function multiLineStatements(doc: ParsedDocument): [first: number, last: number][] {
  if (doc.format === 'yaml' || doc.format === 'capture') return [];
  const ranges = doc.format === 'ini' ? [...doc.orphans, ...doc.sections.flatMap((s) => s.options)].map((o) => o.range) : doc.assignments.map((a) => a.range);
  const spans: [number, number][] = [];
  for (const range of ranges) if (range.end.line > range.start.line) spans.push([range.start.line, range.end.line]);
  return spans;
}
