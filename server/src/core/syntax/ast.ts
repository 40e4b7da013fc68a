import type { Range } from 'vscode-languageserver-types';
import type { LineIndex } from '../text/lineIndex';
import type { CaptureSection } from '../captures/model';

// The parsers build these as classes that work out ranges on demand (nodes.ts); readers see plain fields.
/** A piece of source text with where it stands. Offsets are UTF-16 indexes into the file. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly range: Range;
}

/** A finding of the parser itself, before any rule runs. */
export interface ParseProblem {
  code: 'syntax' | 'option-outside-section' | 'duplicate-option';
  message: string;
  range: Range;
  severity: 'error' | 'warning';
  /** What a quick fix needs (for duplicates: where the other occurrence is). */
  data?: Record<string, unknown>;
}

export interface Comment {
  readonly text: string;
  readonly line: number;
  readonly range: Range;
}

/** One physical line of an option's value (the first line, then each continuation line). */
export interface ValueSegment {
  text: string;
  /** Offset of the segment's first character in the file. */
  start: number;
}

export interface IniOption {
  name: Token;
  /** The `=` or `:` between name and value. */
  readonly separator: Token;
  /**
   * The value as oslo.config sees it: trimmed, continuation lines joined with
   * a line break. `value.range` runs from its first to its last character; an
   * empty value has an empty range right after the separator.
   */
  value: Token;
  segments: ValueSegment[];
  /** From the start of the name to the end of the last continuation line. */
  readonly range: Range;
  /** Name of the section holding it; undefined for an option before any header. */
  section: string | undefined;
}

export interface IniSection {
  name: Token;
  /** The whole `[name]` header line. */
  readonly headerRange: Range;
  /** From the header to the end of its last option or comment. */
  readonly range: Range;
  options: IniOption[];
}

export interface IniDocument {
  format: 'ini';
  lineIndex: LineIndex;
  sections: IniSection[];
  /** Options before any section header (oslo.config refuses the file). */
  orphans: IniOption[];
  comments: Comment[];
  problems: ParseProblem[];
}

export type IfcfgQuoting = 'none' | 'single' | 'double' | 'ansi-c' | 'mixed';

export interface IfcfgAssignment {
  key: Token;
  /**
   * The value after bash quote removal; its range covers the characters inside
   * the quotes when the whole value is one quoted word, else the raw value.
   */
  value: Token;
  /** The value exactly as written, quotes included. */
  raw: Token;
  quoting: IfcfgQuoting;
  /** Whether the value holds an unquoted or double-quoted `$` or backtick expansion. */
  expands: boolean;
  /** The `export ` keyword before the key, if any. */
  exported: boolean;
  line: number;
  readonly range: Range;
}

export interface IfcfgDocument {
  format: 'ifcfg';
  lineIndex: LineIndex;
  assignments: IfcfgAssignment[];
  comments: Comment[];
  problems: ParseProblem[];
}

/** A YAML file (os-net-config): the tree as the `yaml` library parsed it, with offsets on every node. */
export interface YamlDocument {
  format: 'yaml';
  lineIndex: LineIndex;
  /** The parsed tree (a `yaml` Document's contents): YAMLMap, YAMLSeq, Scalar nodes with `range`. */
  root: unknown;
  comments: Comment[];
  problems: ParseProblem[];
  /** The text holds template markers (`{{`, `{%`): what it says is not known for sure. */
  templated: boolean;
}

/** A file of command output (`ovs-vsctl show`, `ip a`, …): see captures/. Captures are evidence, never "wrong": no problems, no comments. */
export interface CaptureDocument {
  format: 'capture';
  lineIndex: LineIndex;
  /** The command outputs the file holds, in order. */
  sections: CaptureSection[];
  comments: Comment[];
  problems: ParseProblem[];
}

export type ParsedDocument = IniDocument | IfcfgDocument | YamlDocument | CaptureDocument;
