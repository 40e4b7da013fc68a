import { nearest } from '../text/nearest';

/**
 * Value types of ifcfg variables. Each type checks a value on its own, says
 * what it expects in a short phrase, offers values for completion, and splits
 * list values into elements with their offsets. Rules, hover and completion
 * all read these; nothing here knows about LSP or documents.
 *
 * Values are the text after bash quote removal (`IfcfgAssignment.value.text`).
 * Offsets in problems and elements are indexes into that text. Callers skip
 * values that expand (`$VAR`, backticks) or come from a template: their final
 * text is not known here.
 */

export type ValueKind =
  | 'boolean'
  | 'enum'
  | 'ipv4'
  | 'ipv6'
  | 'ip'
  | 'prefix'
  | 'netmask'
  | 'mac'
  | 'integer'
  | 'interface'
  | 'list'
  | 'key-value-words'
  | 'uuid'
  | 'path'
  | 'domain'
  | 'interface-type'
  | 'stp'
  | 'text';

/**
 * - `invalid`: the value is wrong for every reader (or the network scripts
 *   silently do something else with it).
 * - `readers-differ`: the network scripts (bash) and NetworkManager read the
 *   value differently, e.g. `on` as a boolean.
 * - `unusual`: legal but probably a typo of a well-known value.
 */
export type ValueProblemKind = 'invalid' | 'readers-differ' | 'unusual';

export interface ValueProblem {
  kind: ValueProblemKind;
  message: string;
  /** Offsets into the value text. */
  start: number;
  end: number;
  /** Replacement values for the span, best first (for a quick fix). */
  suggestions?: string[];
}

/** What a check may need to know about the rest of the file. */
export interface ValueContext {
  /** The file's TYPE value, if it sets one. */
  type?: string;
}

/** One element of a value (the whole value for scalar types). */
export interface ValueElement {
  text: string;
  start: number;
  end: number;
}

export interface ValueType {
  readonly kind: ValueKind;
  /** What the value should look like, as a phrase: "yes or no", "an IPv4 address such as 192.0.2.10". */
  readonly description: string;
  /** An empty value means "unset" to both readers and is always accepted. */
  validate(value: string, context?: ValueContext): ValueProblem[];
  /** Values worth offering in completion, most common first (empty when free-form). */
  complete(context?: ValueContext): string[];
  /** The elements of the value with their offsets. */
  elements(value: string): ValueElement[];
}

// ---------------------------------------------------------------- helpers

function quote(text: string): string {
  return `"${text}"`;
}

/** "a, b or c" */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function whole(value: string): ValueElement[] {
  return value === '' ? [] : [{ text: value, start: 0, end: value.length }];
}

function problem(kind: ValueProblemKind, message: string, start: number, end: number, suggestions?: string[]): ValueProblem {
  const p: ValueProblem = { kind, message, start, end };
  if (suggestions && suggestions.length > 0) p.suggestions = suggestions;
  return p;
}

/** Splits on blanks the way bash word splitting does for an unquoted `$VAR`. */
export function splitWords(value: string): ValueElement[] {
  const out: ValueElement[] = [];
  const re = /[^ \t\n]+/g;
  for (let m = re.exec(value); m; m = re.exec(value)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

abstract class ScalarType implements ValueType {
  abstract readonly kind: ValueKind;
  abstract readonly description: string;
  validate(value: string, context?: ValueContext): ValueProblem[] {
    if (value === '') return [];
    return this.check(value, context);
  }
  protected abstract check(value: string, context?: ValueContext): ValueProblem[];
  complete(_context?: ValueContext): string[] {
    return [];
  }
  elements(value: string): ValueElement[] {
    return whole(value);
  }
}

// ---------------------------------------------------------------- boolean

/** Words the network scripts take as true / false (any case). */
export const TRUE_WORDS = ['yes', 'y', 'true', 't', '1', 'on'] as const;
export const FALSE_WORDS = ['no', 'n', 'false', 'f', '0', 'off'] as const;

/** Whether a boolean value reads as true, false, or neither (undefined). Case is ignored. */
export function booleanValue(value: string): boolean | undefined {
  const lower = value.toLowerCase();
  if ((TRUE_WORDS as readonly string[]).includes(lower)) return true;
  if ((FALSE_WORDS as readonly string[]).includes(lower)) return false;
  return undefined;
}

export class BooleanType extends ScalarType {
  readonly kind = 'boolean';
  readonly description = 'yes or no';
  protected check(value: string): ValueProblem[] {
    const lower = value.toLowerCase();
    if (lower === 'on' || lower === 'off') {
      const fix = lower === 'on' ? 'yes' : 'no';
      return [
        problem(
          'readers-differ',
          `The network scripts take ${quote(value)} as ${fix}, but NetworkManager does not know the word and falls back to the default. Write ${fix}.`,
          0,
          value.length,
          [fix],
        ),
      ];
    }
    if (booleanValue(value) !== undefined) return [];
    const near = nearest(value, ['yes', 'no', 'true', 'false'], 2);
    return [
      problem(
        'invalid',
        `${quote(value)} is not a yes/no value. NetworkManager ignores it and uses the default; the network scripts may take it either way.`,
        0,
        value.length,
        near.length > 0 ? near : ['yes', 'no'],
      ),
    ];
  }
  override complete(): string[] {
    return ['yes', 'no'];
  }
}

// ---------------------------------------------------------------- enum

export interface EnumOptions {
  /** The accepted spellings, most common first. */
  values: readonly string[];
  /** What each value does, for hover and completion details. */
  descriptions?: Readonly<Record<string, string>>;
  /**
   * Values only NetworkManager understands, and what the network scripts do
   * with them instead.
   */
  nmOnly?: { values: readonly string[]; scriptsFallback: string };
  /** Other values are legal (the list is what is commonly used); only near misses are reported. */
  open?: boolean;
  /** Compare without regard to case (both readers do). Default: exact case, as bash compares. */
  ignoreCase?: boolean;
  /**
   * Further values of an open enum that are legal but not offered (used by
   * other tools); they are never taken for typos of the listed ones.
   */
  alsoKnown?: readonly string[];
}

export class EnumType extends ScalarType {
  readonly kind = 'enum';
  readonly values: readonly string[];
  readonly descriptions: Readonly<Record<string, string>>;
  readonly open: boolean;
  private readonly nmOnly: EnumOptions['nmOnly'];
  private readonly ignoreCase: boolean;
  private readonly alsoKnown: readonly string[];

  constructor(options: EnumOptions) {
    super();
    this.values = options.values;
    this.descriptions = options.descriptions ?? {};
    this.open = options.open ?? false;
    this.nmOnly = options.nmOnly;
    this.ignoreCase = options.ignoreCase ?? false;
    this.alsoKnown = options.alsoKnown ?? [];
  }

  get description(): string {
    const all = [...this.values, ...(this.nmOnly?.values ?? [])];
    return this.open ? `a word such as ${orList(all)}` : `one of ${orList(all)}`;
  }

  private all(): string[] {
    return [...this.values, ...(this.nmOnly?.values ?? [])];
  }

  protected check(value: string): ValueProblem[] {
    const all = this.all();
    const exact = this.ignoreCase ? all.find((v) => v.toLowerCase() === value.toLowerCase()) : all.find((v) => v === value);
    if (exact !== undefined) {
      if (this.nmOnly?.values.includes(exact)) {
        return [
          problem(
            'readers-differ',
            `Only NetworkManager understands ${quote(exact)}; the network scripts ${this.nmOnly.scriptsFallback}.`,
            0,
            value.length,
          ),
        ];
      }
      return [];
    }
    if (this.alsoKnown.includes(value)) return [];
    const caseVariant = all.find((v) => v.toLowerCase() === value.toLowerCase());
    if (caseVariant !== undefined) {
      return [
        problem(
          'invalid',
          `Write ${quote(caseVariant)}: the network scripts compare this value letter for letter and do not recognise ${quote(value)}.`,
          0,
          value.length,
          [caseVariant],
        ),
      ];
    }
    const near = nearest(value, all);
    if (this.open) {
      if (near.length === 0) return [];
      return [problem('unusual', `${quote(value)} is not a common value here; did you mean ${orList(near.map(quote))}?`, 0, value.length, near)];
    }
    return [
      problem('invalid', `${quote(value)} is not accepted here; expected ${orList(all)}.`, 0, value.length, near.length > 0 ? near : [...all]),
    ];
  }

  override complete(): string[] {
    return this.all();
  }
}

// ---------------------------------------------------------------- addresses

interface Parsed<T> {
  ok?: T;
  error?: string;
}

/** Parses a dotted-quad IPv4 address strictly (no leading zeros, no prefix). */
export function parseIPv4(text: string): Parsed<number[]> {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^[0-9]{1,3}$/.test(p))) {
    return { error: `${quote(text)} is not an IPv4 address (four numbers from 0 to 255 joined by dots, such as 192.0.2.10).` };
  }
  const bytes: number[] = [];
  for (const p of parts) {
    const n = Number(p);
    if (n > 255) return { error: `${quote(text)} is not an IPv4 address: ${p} is larger than 255.` };
    if (p.length > 1 && p.startsWith('0')) {
      return {
        error: `${quote(text)} has a number with a leading zero (${p}); some tools read that as octal and NetworkManager refuses it. Drop the leading zero.`,
      };
    }
    bytes.push(n);
  }
  return { ok: bytes };
}

/** Parses an IPv6 address (with an optional embedded IPv4 tail), returning its eight 16-bit groups. */
export function parseIPv6(text: string): Parsed<number[]> {
  const bad = { error: `${quote(text)} is not an IPv6 address (hex groups joined by colons, such as 2001:db8::10).` };
  if (!/^[0-9A-Fa-f:.]+$/.test(text)) return bad;
  const halves = text.split('::');
  if (halves.length > 2) return bad;
  const groupsOf = (part: string, allowV4Tail: boolean): number[] | undefined => {
    if (part === '') return [];
    const items = part.split(':');
    const out: number[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (allowV4Tail && i === items.length - 1 && item.includes('.')) {
        const v4 = parseIPv4(item);
        if (!v4.ok) return undefined;
        out.push((v4.ok[0] << 8) | v4.ok[1], (v4.ok[2] << 8) | v4.ok[3]);
        continue;
      }
      if (!/^[0-9A-Fa-f]{1,4}$/.test(item)) return undefined;
      out.push(parseInt(item, 16));
    }
    return out;
  };
  if (halves.length === 1) {
    const groups = groupsOf(halves[0], true);
    return groups && groups.length === 8 ? { ok: groups } : bad;
  }
  const head = groupsOf(halves[0], false);
  const tail = groupsOf(halves[1], true);
  if (!head || !tail || head.length + tail.length > 7) return bad;
  return { ok: [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail] };
}

export class IPv4Type extends ScalarType {
  readonly kind = 'ipv4';
  readonly description = 'an IPv4 address such as 192.0.2.10';
  protected check(value: string): ValueProblem[] {
    const slash = value.indexOf('/');
    if (slash >= 0 && parseIPv4(value.slice(0, slash)).ok) {
      return [
        problem(
          'invalid',
          `Write the address without ${quote(value.slice(slash))}: the prefix length goes in PREFIX (or NETMASK), and the network scripts would append it a second time.`,
          slash,
          value.length,
          [value.slice(0, slash)],
        ),
      ];
    }
    const parsed = parseIPv4(value);
    return parsed.error ? [problem('invalid', parsed.error, 0, value.length)] : [];
  }
}

export interface IPv6Options {
  /** Accept `addr/len` (len 0–128). */
  prefix?: boolean;
  /** Accept `addr%interface` (a gateway reached through a given device). */
  zone?: boolean;
}

export class IPv6Type extends ScalarType {
  readonly kind = 'ipv6';
  constructor(private readonly options: IPv6Options = {}) {
    super();
  }
  get description(): string {
    if (this.options.prefix) return 'an IPv6 address with an optional prefix length, such as 2001:db8::10/64';
    if (this.options.zone) return 'an IPv6 address, optionally followed by %device, such as fe80::1%eth0';
    return 'an IPv6 address such as 2001:db8::1';
  }
  protected check(value: string): ValueProblem[] {
    let address = value;
    if (this.options.zone) {
      const percent = address.indexOf('%');
      if (percent >= 0) {
        const device = address.slice(percent + 1);
        const deviceProblems = INTERFACE_NAME.validate(device).map((p) => ({ ...p, start: p.start + percent + 1, end: p.end + percent + 1 }));
        if (device === '') deviceProblems.push(problem('invalid', 'A device name must follow "%".', percent, value.length));
        address = address.slice(0, percent);
        const parsed = parseIPv6(address);
        return [...(parsed.error ? [problem('invalid', parsed.error, 0, percent)] : []), ...deviceProblems];
      }
    }
    if (this.options.prefix) {
      const slash = address.indexOf('/');
      if (slash >= 0) {
        const len = address.slice(slash + 1);
        const out: ValueProblem[] = [];
        const parsed = parseIPv6(address.slice(0, slash));
        if (parsed.error) out.push(problem('invalid', parsed.error, 0, slash));
        if (!/^[0-9]{1,3}$/.test(len) || Number(len) > 128) {
          out.push(problem('invalid', `${quote(len)} is not an IPv6 prefix length (a whole number from 0 to 128).`, slash + 1, value.length));
        }
        return out;
      }
    }
    const parsed = parseIPv6(address);
    return parsed.error ? [problem('invalid', parsed.error, 0, value.length)] : [];
  }
}

/** Either address family (name servers). */
export class IPType extends ScalarType {
  readonly kind = 'ip';
  readonly description = 'an IPv4 or IPv6 address';
  protected check(value: string): ValueProblem[] {
    if (value.includes(':')) {
      const parsed = parseIPv6(value);
      return parsed.error ? [problem('invalid', parsed.error, 0, value.length)] : [];
    }
    const parsed = parseIPv4(value);
    return parsed.error ? [problem('invalid', parsed.error, 0, value.length)] : [];
  }
}

export class PrefixType extends ScalarType {
  readonly kind = 'prefix';
  readonly description = 'an IPv4 prefix length from 0 to 32, such as 24';
  protected check(value: string): ValueProblem[] {
    if (/^[0-9]+$/.test(value)) {
      const n = Number(value);
      if (n <= 32) return [];
      return [problem('invalid', `${value} is outside 0–32, the range of an IPv4 prefix length.`, 0, value.length, ['32'])];
    }
    if (value.startsWith('/') && /^\/[0-9]+$/.test(value) && Number(value.slice(1)) <= 32) {
      return [problem('invalid', `Write the prefix length without the slash.`, 0, value.length, [value.slice(1)])];
    }
    const mask = parseIPv4(value);
    if (mask.ok) {
      const len = maskLength(mask.ok);
      return [
        problem(
          'invalid',
          `PREFIX takes a number of bits, not a dotted mask${len !== undefined ? `; ${value} is /${len}` : ''}.`,
          0,
          value.length,
          len !== undefined ? [String(len)] : undefined,
        ),
      ];
    }
    return [problem('invalid', `${quote(value)} is not a prefix length (a whole number from 0 to 32).`, 0, value.length)];
  }
}

/** The number of leading one-bits, or undefined when the ones are not contiguous. */
export function maskLength(bytes: readonly number[]): number | undefined {
  const bits = bytes.map((b) => b.toString(2).padStart(8, '0')).join('');
  const ones = bits.indexOf('0') < 0 ? 32 : bits.indexOf('0');
  return bits.slice(ones).includes('1') ? undefined : ones;
}

export function maskOfLength(length: number): string {
  const bytes: number[] = [];
  for (let i = 0; i < 4; i++) {
    const bits = Math.max(0, Math.min(8, length - i * 8));
    bytes.push((0xff00 >> bits) & 0xff);
  }
  return bytes.join('.');
}

export class NetmaskType extends ScalarType {
  readonly kind = 'netmask';
  readonly description = 'a dotted netmask such as 255.255.255.0';
  protected check(value: string): ValueProblem[] {
    if (/^\/?[0-9]{1,2}$/.test(value) && Number(value.replace('/', '')) <= 32) {
      const len = Number(value.replace('/', ''));
      return [
        problem(
          'invalid',
          `${quote(value)} looks like a prefix length; NETMASK takes a dotted mask (${maskOfLength(len)}), or set PREFIX=${len} instead.`,
          0,
          value.length,
          [maskOfLength(len)],
        ),
      ];
    }
    const parsed = parseIPv4(value);
    if (parsed.error) return [problem('invalid', parsed.error.replace('an IPv4 address', 'a netmask'), 0, value.length)];
    if (maskLength(parsed.ok!) === undefined) {
      return [problem('invalid', `${value} is not a netmask: its one-bits must run unbroken from the left, as in 255.255.255.0.`, 0, value.length)];
    }
    return [];
  }
}

export interface MacOptions {
  /** The address is assigned to a device, so it must not be a group (multicast) address. */
  assignable?: boolean;
}

export class MacType extends ScalarType {
  readonly kind = 'mac';
  readonly description = 'a MAC address such as 52:54:00:12:34:56';
  constructor(private readonly options: MacOptions = {}) {
    super();
  }
  protected check(value: string): ValueProblem[] {
    const octets = value.split(':');
    const wellFormed = (octets.length === 6 || octets.length === 20) && octets.every((o) => /^[0-9A-Fa-f]{2}$/.test(o));
    if (!wellFormed) {
      const dashed = value.split('-');
      const suggestion = dashed.length === 6 && dashed.every((o) => /^[0-9A-Fa-f]{2}$/.test(o)) ? [dashed.join(':')] : undefined;
      return [
        problem(
          'invalid',
          `${quote(value)} is not a MAC address: write six two-digit hex numbers joined by colons, such as 52:54:00:12:34:56 (twenty for InfiniBand).`,
          0,
          value.length,
          suggestion,
        ),
      ];
    }
    if (this.options.assignable && octets.length === 6 && (parseInt(octets[0], 16) & 1) === 1) {
      return [problem('invalid', `${value} is a multicast (group) address; the kernel refuses to give it to a device. The first byte must be even.`, 0, 2)];
    }
    return [];
  }
}

// ---------------------------------------------------------------- numbers and names

export interface IntegerOptions {
  min: number;
  max: number;
  /** What the number counts, for the description ("bytes", "seconds"). */
  unit?: string;
}

export class IntegerType extends ScalarType {
  readonly kind = 'integer';
  readonly min: number;
  readonly max: number;
  readonly unit: string | undefined;
  constructor(options: IntegerOptions) {
    super();
    this.min = options.min;
    this.max = options.max;
    this.unit = options.unit;
  }
  get description(): string {
    return `a whole number from ${this.min} to ${this.max}${this.unit ? ` (${this.unit})` : ''}`;
  }
  protected check(value: string): ValueProblem[] {
    if (!/^[0-9]+$/.test(value)) {
      return [problem('invalid', `${quote(value)} is not a whole number; expected ${this.min} to ${this.max}.`, 0, value.length)];
    }
    const n = Number(value);
    if (n < this.min || n > this.max) {
      const clamp = String(Math.max(this.min, Math.min(this.max, n)));
      return [problem('invalid', `${value} is out of range; it must lie between ${this.min} and ${this.max}.`, 0, value.length, [clamp])];
    }
    return [];
  }
}

/** Linux keeps device names in 16 bytes including the terminating NUL. */
export const MAX_INTERFACE_NAME = 15;

export class InterfaceNameType extends ScalarType {
  readonly kind = 'interface';
  readonly description = `a network device name of at most ${MAX_INTERFACE_NAME} characters, such as eth0 or br-ex`;
  protected check(value: string): ValueProblem[] {
    const out: ValueProblem[] = [];
    if (value === '.' || value === '..') out.push(problem('invalid', `${quote(value)} cannot name a network device.`, 0, value.length));
    const bad = /[/:\s]/.exec(value);
    if (bad) {
      const what = bad[0] === '/' ? 'a slash' : bad[0] === ':' ? 'a colon (the old alias syntax, which is skipped at boot)' : 'white space';
      out.push(problem('invalid', `A device name cannot contain ${what}.`, bad.index, bad.index + 1));
    }
    if (value.length > MAX_INTERFACE_NAME) {
      out.push(
        problem(
          'invalid',
          `${quote(value)} is ${value.length} characters long; Linux limits device names to ${MAX_INTERFACE_NAME}.`,
          MAX_INTERFACE_NAME,
          value.length,
        ),
      );
    }
    return out;
  }
}

export class UuidType extends ScalarType {
  readonly kind = 'uuid';
  readonly description = 'a UUID such as 5fb06bd0-0bb0-7ffb-45f1-d6edd65f3e03';
  protected check(value: string): ValueProblem[] {
    if (/^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/.test(value)) return [];
    return [problem('invalid', `${quote(value)} is not a UUID (32 hex digits grouped 8-4-4-4-12).`, 0, value.length)];
  }
}

export class PathType extends ScalarType {
  readonly kind = 'path';
  readonly description = 'an absolute file path';
  protected check(value: string): ValueProblem[] {
    return value.startsWith('/') ? [] : [problem('invalid', `${quote(value)} is not an absolute path; start it with "/".`, 0, value.length)];
  }
}

export class DomainType extends ScalarType {
  readonly kind = 'domain';
  readonly description = 'a DNS domain name such as example.com';
  protected check(value: string): ValueProblem[] {
    const name = value.endsWith('.') ? value.slice(0, -1) : value;
    const labels = name.split('.');
    const okLabel = (l: string) => /^[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/.test(l);
    if (name.length > 253 || labels.some((l) => !okLabel(l))) {
      return [problem('invalid', `${quote(value)} is not a domain name (letters, digits and hyphens in dot-separated labels).`, 0, value.length)];
    }
    return [];
  }
}

export class TextType extends ScalarType {
  readonly kind = 'text';
  constructor(readonly description: string = 'free text') {
    super();
  }
  protected check(): ValueProblem[] {
    return [];
  }
}

// ---------------------------------------------------------------- lists

/** A blank-separated list (bash word splitting), each word of one element type. */
export class ListType implements ValueType {
  readonly kind = 'list';
  constructor(
    readonly element: ValueType,
    private readonly noun: string,
  ) {}
  get description(): string {
    return `a blank-separated list of ${this.noun}`;
  }
  validate(value: string, context?: ValueContext): ValueProblem[] {
    const out: ValueProblem[] = [];
    for (const e of this.elements(value)) {
      for (const p of this.element.validate(e.text, context)) out.push({ ...p, start: p.start + e.start, end: p.end + e.start });
    }
    return out;
  }
  complete(context?: ValueContext): string[] {
    return this.element.complete(context);
  }
  elements(value: string): ValueElement[] {
    return splitWords(value);
  }
}

export interface KeyValueWordsOptions {
  /** What the words set, for messages ("Port table columns"). */
  noun: string;
  /** A typical value, for messages ("tag=100"). */
  example: string;
  /** Allow `column:key=value`. */
  allowSubKey?: boolean;
  /** Keys offered in completion (each completed as `key=`). */
  keys?: readonly string[];
}

/** Blank-separated `key=value` words (OVS_OPTIONS, BONDING_OPTS, OVS_TUNNEL_OPTIONS). */
export class KeyValueWordsType implements ValueType {
  readonly kind = 'key-value-words';
  constructor(private readonly options: KeyValueWordsOptions) {}
  get description(): string {
    return `blank-separated key=value words setting ${this.options.noun}, such as ${this.options.example}`;
  }
  validate(value: string): ValueProblem[] {
    const out: ValueProblem[] = [];
    const key = this.options.allowSubKey ? /^[A-Za-z_][A-Za-z0-9_-]*(:[A-Za-z0-9_.-]+)?=/ : /^[A-Za-z_][A-Za-z0-9_-]*=/;
    for (const w of splitWords(value)) {
      if (key.test(w.text)) continue;
      out.push(
        problem(
          'invalid',
          `${quote(w.text)} is not a key=value word; each word here sets one of the ${this.options.noun}, as in ${this.options.example}.`,
          w.start,
          w.end,
        ),
      );
    }
    return out;
  }
  complete(): string[] {
    return (this.options.keys ?? []).map((k) => `${k}=`);
  }
  elements(value: string): ValueElement[] {
    return splitWords(value);
  }
}

// ---------------------------------------------------------------- shared instances

export const BOOLEAN = new BooleanType();
export const IPV4 = new IPv4Type();
export const IP = new IPType();
export const PREFIX = new PrefixType();
export const NETMASK = new NetmaskType();
export const INTERFACE_NAME = new InterfaceNameType();
export const INTERFACE_LIST = new ListType(INTERFACE_NAME, 'device names');
