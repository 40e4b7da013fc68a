import type { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { yaml } from './yamlLibrary';

/**
 * A fast reader for the plain block YAML that os-net-config files and most
 * deployment variables are written in: nested `key: value` maps and `- item`
 * sequences of one-line scalars. It builds the `yaml` library's own nodes with
 * the ranges that library gives them, in a fraction of its time (the library
 * lexes into tokens, builds a concrete tree, then composes: about 0.7 ms per
 * twenty-line file in a cold process).
 *
 * Anything beyond that subset (flow collections and JSON, anchors, tags,
 * block and multi-line scalars, escapes, complex keys, tabs, directives,
 * several documents, or a comment that would widen a node's range) answers
 * undefined, and the caller hands the text to the library. So does anything
 * the library would report as an error: this reader never accepts a text the
 * library refuses. test/unit/syntax/blockYaml.test.ts compares the two on
 * every fixture and on thousands of generated and mangled documents.
 */
export function readPlainBlockYaml(text: string): unknown | undefined {
  if (UNSUPPORTED_CHARACTERS.test(text)) return undefined;
  try {
    return new BlockReader(text).document();
  } catch {
    // Beyond the subset (OUTSIDE_SUBSET), or a text this reader trips on: the library's.
    return undefined;
  }
}

// Tabs, carriage returns, byte-order marks, control characters and the
// Unicode line breaks: each changes what a line or its indentation is.
// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHARACTERS = /[\x00-\x09\x0b-\x1f\x7f\x85\u2028\u2029\ufeff]/;

/** Thrown inside the reader at the first construct beyond the subset. */
const OUTSIDE_SUBSET = Symbol('outside the plain block subset');
function outside(): never {
  throw OUTSIDE_SUBSET;
}

/** Nesting deeper than this is left to the library (and keeps recursion shallow). */
const MAX_DEPTH = 64;

/** The YAML 1.2 core schema's numbers other than decimal integers: the library resolves those. */
const OTHER_NUMBER = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const DOCUMENT_START = /^---(?: +#.*)?$/;
const DECIMAL_INTEGER = /^[-+]?[0-9]+$/;
const NULL = /^(?:~|null|Null|NULL)$/;
const TRUE = /^(?:true|True|TRUE)$/;
const FALSE = /^(?:false|False|FALSE)$/;
/**
 * A key we read: plain words as os-net-config, Ansible, heat and the OpenStack
 * client write them (`ip_netmask`, `shared-infra_hosts`, `OS::TripleO::Net`,
 * `provider:network_type`); no trailing space, nothing that starts a quote,
 * an anchor, a tag or a flow collection.
 */
const PLAIN_KEY = /^[A-Za-z0-9_$(][A-Za-z0-9_$().\/:+= -]*(?<! )$/;
/** Characters that cannot start a plain scalar, or start one only in ways left to the library. */
const INDICATORS = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

/** Where a plain scalar inside a flow sequence stops (or turns into something beyond the subset). */
const FLOW_STOPS = new Set([',', ']', '[', '{', '}', '#']);

const SPACE = 0x20;
const HASH = 0x23;

class BlockReader {
  private readonly lib = yaml();
  /** Offset of each line's first character. */
  private readonly starts: number[] = [];
  /** Offset of each line's end (its newline, or the end of the text). */
  private readonly ends: number[] = [];
  /** Column of each line's content; a sequence entry's `- ` counts as indentation of what follows it. */
  private readonly indents: number[] = [];
  /** Whether a line holds content (not blank, not only a comment). */
  private readonly content: boolean[] = [];
  /** The next line to read. */
  private line = 0;

  constructor(private readonly text: string) {
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      let column = start;
      while (column < end && text.charCodeAt(column) === SPACE) column++;
      this.starts.push(start);
      this.ends.push(end);
      this.indents.push(column - start);
      this.content.push(column < end && text.charCodeAt(column) !== HASH);
      if (end === text.length) break;
      start = end + 1;
    }
  }

  document(): unknown | undefined {
    this.checkComments();
    this.skipToContent();
    // A leading `---` (Ansible's habit) marks where the one document starts.
    if (this.line < this.starts.length && this.indents[this.line] === 0 && DOCUMENT_START.test(this.at(this.line))) {
      this.line++;
      this.skipToContent();
    }
    if (this.line >= this.starts.length) return undefined;
    const firstLine = this.at(this.line);
    if (firstLine.startsWith('---') || firstLine.startsWith('...') || firstLine.startsWith('%')) outside();
    const root = this.block(this.indents[this.line], 0);
    this.skipToContent();
    if (this.line < this.starts.length) outside();
    return root;
  }

  /**
   * A comment line sets no structure, but one indented deeper than the
   * content after it (or than nothing, at the end) belongs to the end of a
   * node and widens that node's range: left to the library.
   */
  private checkComments(): void {
    let nextContentIndent = 0;
    for (let i = this.starts.length - 1; i >= 0; i--) {
      if (this.content[i]) nextContentIndent = this.indents[i];
      else if (this.indents[i] < this.ends[i] - this.starts[i] && this.indents[i] > nextContentIndent) outside();
    }
  }

  private commentBetween(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (this.indents[i] < this.ends[i] - this.starts[i]) return true;
    return false;
  }

  /** The text of a line from its content column. */
  private at(line: number): string {
    return this.text.slice(this.starts[line] + this.indents[line], this.ends[line]);
  }

  private skipToContent(): void {
    while (this.line < this.starts.length && !this.content[this.line]) this.line++;
  }

  /** Whether the line's content is a sequence entry: `-` then a space or the end of the line. */
  private isEntry(line: number): boolean {
    const offset = this.starts[line] + this.indents[line];
    if (this.text.charCodeAt(offset) !== 0x2d) return false;
    return offset + 1 === this.ends[line] || this.text.charCodeAt(offset + 1) === SPACE;
  }

  /** The collection whose first line is the current one, at its indentation. */
  private block(indent: number, depth: number): YAMLMap | YAMLSeq {
    if (depth > MAX_DEPTH) outside();
    return this.isEntry(this.line) ? this.sequence(indent, depth) : this.map(indent, depth);
  }

  private sequence(indent: number, depth: number): YAMLSeq {
    const seq = new this.lib.YAMLSeq();
    const start = this.starts[this.line] + indent;
    let end = start;
    let gap = this.line;
    while (this.line < this.starts.length && this.indents[this.line] === indent && this.isEntry(this.line)) {
      const line = this.line;
      const dash = this.starts[line] + indent;
      let column = dash + 1;
      while (column < this.ends[line] && this.text.charCodeAt(column) === SPACE) column++;
      let item: unknown;
      if (column === this.ends[line] || this.text.charCodeAt(column) === HASH) {
        if (column < this.ends[line] && this.text.charCodeAt(column - 1) !== SPACE) outside();
        // `-` alone: the entry is the block on the following lines.
        this.line++;
        this.skipToContent();
        if (this.line >= this.starts.length || this.indents[this.line] <= indent) outside();
        item = this.block(this.indents[this.line], depth + 1);
      } else {
        // What follows `- ` is read as a line of its own, indented to where it starts.
        this.indents[line] = column - this.starts[line];
        if (this.isEntry(line)) outside();
        item = this.startsQuoted(line) || this.keyAt(line) === undefined ? this.lineScalar(line) : this.map(this.indents[line], depth + 1);
      }
      seq.items.push(item);
      end = (item as { range: [number, number, number] }).range[2];
      gap = this.line;
      this.skipToContent();
      if (this.line < this.starts.length && this.indents[this.line] > indent) outside();
    }
    // Comments after a sequence's last entry may belong to it and widen its range.
    if (this.commentBetween(gap, this.line)) outside();
    seq.range = [start, end, end];
    return seq;
  }

  private map(indent: number, depth: number): YAMLMap {
    const map = new this.lib.YAMLMap();
    const start = this.starts[this.line] + indent;
    let end = start;
    while (this.line < this.starts.length && this.indents[this.line] === indent) {
      const line = this.line;
      if (this.isEntry(line)) outside();
      const keyEnd = this.keyAt(line);
      if (keyEnd === undefined) outside();
      const keyStart = this.starts[line] + indent;
      const key = this.scalar(this.text.slice(keyStart, keyEnd), 'PLAIN', [keyStart, keyEnd, keyEnd]);
      let column = keyEnd + 1;
      while (column < this.ends[line] && this.text.charCodeAt(column) === SPACE) column++;
      let value: Scalar | YAMLMap | YAMLSeq;
      if (column === this.ends[line] || this.text.charCodeAt(column) === HASH) {
        const comment = column < this.ends[line];
        this.line++;
        this.skipToContent();
        const next = this.line < this.starts.length ? this.line : -1;
        if (next !== -1 && this.indents[next] > indent) value = this.block(this.indents[next], depth + 1);
        else if (next !== -1 && this.indents[next] === indent && this.isEntry(next)) value = this.sequence(indent, depth + 1);
        else {
          // Nothing: a null, placed where the library places it (comments around it widen its range).
          if (comment || this.commentBetween(line + 1, next === -1 ? this.starts.length : next)) outside();
          const at = this.ends[line];
          value = this.scalar('', 'PLAIN', [at, at, at]);
        }
      } else {
        // Continue the line as the value, from where it starts.
        this.indents[line] = column - this.starts[line];
        if (this.isEntry(line) || (!this.startsQuoted(line) && this.keyAt(line) !== undefined)) outside();
        value = this.lineScalar(line);
      }
      map.items.push(new this.lib.Pair(key, value) as Pair);
      end = value.range![2];
      this.skipToContent();
      if (this.line < this.starts.length && this.indents[this.line] > indent) outside();
    }
    map.range = [start, end, end];
    return map;
  }

  private startsQuoted(line: number): boolean {
    const first = this.text.charCodeAt(this.starts[line] + this.indents[line]);
    return first === 0x22 || first === 0x27;
  }

  /**
   * Where a plain `key:` ends on the line (the colon's offset), or undefined
   * when the line holds no `: ` before a comment. A key written in any other
   * way than PLAIN_KEY is beyond the subset.
   */
  private keyAt(line: number): number | undefined {
    const start = this.starts[line] + this.indents[line];
    const end = this.ends[line];
    for (let i = start; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c === HASH && i > start && this.text.charCodeAt(i - 1) === SPACE) return undefined;
      if (c !== 0x3a || (i + 1 < end && this.text.charCodeAt(i + 1) !== SPACE)) continue;
      // The library refuses implicit keys longer than 1024 characters (counted its way): long ones are left to it.
      if (i - start > 1000 || !PLAIN_KEY.test(this.text.slice(start, i))) outside();
      return i;
    }
    return undefined;
  }

  /** A one-line scalar starting at the line's content column; the line is consumed. */
  private lineScalar(line: number): Scalar | YAMLSeq {
    const start = this.starts[line] + this.indents[line];
    const end = this.ends[line];
    const first = this.text[start];
    // A plain scalar would continue on more-indented lines: the caller sees them and leaves the text to the library.
    this.line = line + 1;
    if (first === '"' || first === "'") {
      const { inner, type, after } = this.quotedAt(start, end);
      this.expectOnlyComment(after, end);
      return this.scalar(inner, type, [start, after, this.lineEnd(line)]);
    }
    if (first === '[') return this.flowSequence(line, start, end);
    if (INDICATORS.has(first)) outside();
    let valueEnd = end;
    for (let i = start; i < end; i++) {
      if (this.text.charCodeAt(i) === HASH && this.text.charCodeAt(i - 1) === SPACE) {
        valueEnd = i;
        break;
      }
    }
    while (valueEnd > start && this.text.charCodeAt(valueEnd - 1) === SPACE) valueEnd--;
    return this.scalar(this.text.slice(start, valueEnd), 'PLAIN', [start, valueEnd, this.lineEnd(line)]);
  }

  /**
   * A one-line flow sequence of scalars (`dns_servers: ["192.0.2.53"]`), the
   * only flow collection read here. An entry's range ends where the comma or
   * bracket after it stands, as the library has it.
   */
  private flowSequence(line: number, open: number, end: number): YAMLSeq {
    const seq = new this.lib.YAMLSeq();
    seq.flow = true;
    let i = open + 1;
    const skipSpaces = () => {
      while (i < end && this.text.charCodeAt(i) === SPACE) i++;
    };
    for (;;) {
      skipSpaces();
      if (i >= end) outside();
      if (this.text[i] === ']') break;
      const itemStart = i;
      const first = this.text[i];
      let source: string;
      let type: 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' = 'PLAIN';
      let valueEnd: number;
      if (first === '"' || first === "'") {
        const quoted = this.quotedAt(i, end);
        source = quoted.inner;
        type = quoted.type;
        i = valueEnd = quoted.after;
      } else {
        if (INDICATORS.has(first)) outside();
        while (i < end && !FLOW_STOPS.has(this.text[i])) i++;
        valueEnd = i;
        while (valueEnd > itemStart && this.text.charCodeAt(valueEnd - 1) === SPACE) valueEnd--;
        source = this.text.slice(itemStart, valueEnd);
        // `: `, a comment, or a nested collection inside a flow sequence: the library's.
        if (i < end && this.text[i] !== ',' && this.text[i] !== ']') outside();
        if (/:(?: |$)| #/.test(source)) outside();
      }
      skipSpaces();
      if (i >= end || (this.text[i] !== ',' && this.text[i] !== ']')) outside();
      seq.items.push(this.scalar(source, type, [itemStart, valueEnd, i]));
      if (this.text[i] === ',') i++;
    }
    this.expectOnlyComment(i + 1, end);
    seq.range = [open, i + 1, this.lineEnd(line)];
    return seq;
  }

  /** A quoted scalar starting at `start` and closed before `end`, without escapes (those are the library's). */
  private quotedAt(start: number, end: number): { inner: string; type: 'QUOTE_DOUBLE' | 'QUOTE_SINGLE'; after: number } {
    const quote = this.text[start];
    const close = this.text.indexOf(quote, start + 1);
    if (close === -1 || close >= end) outside();
    const inner = this.text.slice(start + 1, close);
    if (quote === '"' ? inner.includes('\\') : this.text[close + 1] === "'") outside();
    return { inner, type: quote === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', after: close + 1 };
  }

  /** After a quoted scalar: spaces, then the line's end or a comment. */
  private expectOnlyComment(from: number, end: number): void {
    let i = from;
    while (i < end && this.text.charCodeAt(i) === SPACE) i++;
    if (i === end) return;
    if (this.text.charCodeAt(i) !== HASH || i === from) outside();
  }

  /** Past the line's newline: where the library ends a node written on that line. */
  private lineEnd(line: number): number {
    return this.ends[line] === this.text.length ? this.text.length : this.ends[line] + 1;
  }

  private scalar(source: string, type: 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE', range: [number, number, number]): Scalar {
    const node = new this.lib.Scalar(type === 'PLAIN' ? resolvePlain(source) : source);
    node.type = type;
    node.range = range;
    return node;
  }
}

/** A plain scalar's value under the YAML 1.2 core schema, the library's default. */
function resolvePlain(source: string): unknown {
  if (source === '' || NULL.test(source)) return null;
  if (TRUE.test(source)) return true;
  if (FALSE.test(source)) return false;
  if (DECIMAL_INTEGER.test(source)) return parseInt(source, 10);
  if (OTHER_NUMBER.test(source)) outside();
  return source;
}
