import type { Range } from 'vscode-languageserver-types';
import type { Token } from '../syntax/ast';
import { isTemplated } from '../syntax/templates';
import { typoDistance } from '../text/nearest';
import { type Release, type ReleaseId, compareReleases, labelOf } from './releases';
import { type ValueSource, narrowed } from './valueSource';
import { groupedNumber } from '../text/numbers';
import { compareText } from '../text/compare';

/**
 * Value types that validate, describe and complete themselves, and cut a
 * value into elements with ranges (one physnet inside `bridge_mappings`, the
 * low tag of a VLAN range). Their rules follow oslo.config's types (what the
 * service refuses to start with) and the parsers Neutron runs on the value
 * afterwards (what makes the agent or server exit, or ignore the setting).
 *
 * Every message here is our own wording.
 */

/** oslo.config's type names, as its sample generator prints them. */
export type OsloTypeName =
  | 'string value'
  | 'boolean value'
  | 'integer value'
  | 'floating point value'
  | 'port value'
  | 'list value'
  | 'dict value'
  | 'IP address value'
  | 'host address value'
  | 'multi valued';

export interface ValueProblem {
  /** Stable code for fixes and tests. */
  code: ValueProblemCode;
  /**
   * `invalid`: oslo.config or Neutron refuses the value (the service stops, or
   * logs an error and ignores the setting). `unknown`: accepted as text, but not
   * a value we know; a typo, or a plugin's name.
   */
  kind: 'invalid' | 'unknown';
  message: string;
  range: Range;
  start: number;
  end: number;
  /** Valid values nearest to what was written, best first (quick fixes read these). */
  suggestions?: string[];
}

export type ValueProblemCode =
  | 'not-boolean'
  | 'not-integer'
  | 'not-number'
  | 'below-minimum'
  | 'above-maximum'
  | 'not-ip-address'
  | 'not-host-address'
  | 'empty'
  | 'not-a-choice'
  | 'choice-not-in-release'
  | 'unknown-item'
  | 'bad-pair'
  | 'empty-key'
  | 'duplicate-key'
  | 'unknown-key'
  | 'bad-mapping'
  | 'bad-vlan-range'
  | 'bad-tunnel-range'
  | 'bad-mtu'
  | 'bad-rate'
  | 'duplicate-name';

export type ElementRole =
  | 'value'
  | 'item'
  | 'key'
  | 'dict-value'
  | 'physnet'
  | 'bridge'
  | 'vlan-min'
  | 'vlan-max'
  | 'tunnel-min'
  | 'tunnel-max'
  | 'mtu'
  | 'rp-name'
  | 'rate';

/** A piece of the value a feature can point at (hover, definition, rename, completion). */
export interface ValueElement {
  role: ElementRole;
  token: Token;
  /** Index of the list item this element belongs to (items themselves carry their own index). */
  item?: number;
}

/**
 * Each list item as an element, followed by the parts of it that `rolesOf`
 * names, position by position (an undefined role leaves that part out).
 */
function itemElements(
  source: ValueSource,
  split: (item: Token) => Token[],
  rolesOf: (parts: Token[]) => readonly (ElementRole | undefined)[],
): ValueElement[] {
  const out: ValueElement[] = [];
  source.items().forEach((item, index) => {
    out.push({ role: 'item', token: item, item: index });
    const parts = split(item);
    rolesOf(parts).forEach((role, i) => {
      if (role && parts[i]) out.push({ role, token: parts[i], item: index });
    });
  });
  return out;
}

/**
 * A whole number within [min, max], or undefined after reporting why not;
 * an out-of-range number suggests the nearer bound.
 */
function boundedInteger(
  token: Token,
  out: ValueProblem[],
  code: 'bad-vlan-range' | 'bad-tunnel-range',
  min: number,
  max: number,
  messages: { notNumber: string; outside: (n: number) => string },
): number | undefined {
  const n = parsePythonInt(token.text);
  if (n === undefined) {
    out.push(problem(code, token, messages.notNumber));
    return undefined;
  }
  if (n < min || n > max) {
    out.push(problem(code, token, messages.outside(n), 'invalid', [String(n < min ? min : max)]));
    return undefined;
  }
  return n;
}

/** The role for a part that has text; an empty part is no element. */
function named(part: Token, role: ElementRole): ElementRole | undefined {
  return part.text ? role : undefined;
}

export interface ValueCompletion {
  /** Text to insert. */
  value: string;
  /** One line: what it means. */
  description?: string;
  deprecated?: boolean;
}

export interface ValueContext {
  /** The configured release; undefined means "any release". */
  release?: Release;
}

/** A named value with a meaning, for choices and known list items. */
export interface Choice {
  value: string;
  description?: string;
  /** First release that accepts it (undefined: Icehouse or earlier, or since the option exists). */
  since?: ReleaseId;
  /** First release that no longer accepts it. */
  removedIn?: ReleaseId;
  deprecated?: boolean;
}

export abstract class ValueType {
  /** Stable id: `boolean`, `integer`, `vlan-ranges` … */
  abstract readonly id: string;
  /** The oslo.config type behind it. */
  abstract readonly oslo: OsloTypeName;
  /** A value that is valid, to show as an example. */
  abstract readonly example: string;
  /** The accepted format, in a sentence or two. */
  abstract describe(): string;

  /** Checks the whole value. Templated values (`{{ … }}`, `$var`) are never judged. */
  validate(source: ValueSource, context: ValueContext = {}): ValueProblem[] {
    if (isTemplated(source.token.text)) return [];
    return this.check(source.token, source, context);
  }

  /** Checks one token: the whole value, or one item of a list. */
  abstract check(token: Token, source: ValueSource, context: ValueContext): ValueProblem[];

  /** The value cut into elements, for features. */
  elements(source: ValueSource): ValueElement[] {
    return source.token.text ? [{ role: 'value', token: source.token }] : [];
  }

  /** Values worth offering (booleans, choices, known items). */
  complete(context: ValueContext = {}): ValueCompletion[] {
    void context;
    return [];
  }

  /** Explains a value (or the element under `offset`) for hover; undefined when there is nothing to add. */
  describeValue(source: ValueSource, offset?: number, context: ValueContext = {}): string | undefined {
    void source;
    void offset;
    void context;
    return undefined;
  }
}

// ---------------------------------------------------------------------------
// helpers

export function problem(
  code: ValueProblemCode,
  token: Token,
  message: string,
  kind: 'invalid' | 'unknown' = 'invalid',
  suggestions?: string[],
): ValueProblem {
  return {
    code,
    kind,
    message,
    range: token.range,
    start: token.start,
    end: token.end,
    ...(suggestions && suggestions.length ? { suggestions } : {}),
  };
}

/** Candidates nearest to `text`, case-insensitively, within a distance that still looks like a typo. */
export function nearest(text: string, candidates: readonly string[], limit = 3): string[] {
  const lower = text.toLowerCase();
  const max = Math.max(2, Math.floor(text.length / 3));
  return candidates
    .map((c) => ({ c, d: c.toLowerCase() === lower ? 0 : typoDistance(lower, c.toLowerCase()) }))
    .filter((x) => x.d <= max)
    .sort((a, b) => a.d - b.d || compareText(a.c, b.c))
    .filter((x, _, all) => x.d <= all[0].d + 1)
    .slice(0, limit)
    .map((x) => x.c);
}

function quote(text: string): string {
  return `"${text}"`;
}

/** Python's int() on a trimmed string: optional sign, digits, single underscores between digits. */
export function parsePythonInt(text: string): number | undefined {
  const s = text.trim();
  if (!/^[+-]?\d+(_\d+)*$/.test(s)) return undefined;
  return Number(s.replace(/_/g, ''));
}

/** Python's float() on a trimmed string. */
export function parsePythonFloat(text: string): number | undefined {
  const s = text.trim().toLowerCase();
  if (/^[+-]?(inf|infinity|nan)$/.test(s)) return s.includes('nan') ? NaN : s.startsWith('-') ? -Infinity : Infinity;
  if (!/^[+-]?((\d+(_\d+)*)?\.?\d+(_\d+)*|\d+(_\d+)*\.)(e[+-]?\d+(_\d+)*)?$/.test(s)) return undefined;
  const n = Number(s.replace(/_/g, ''));
  return Number.isNaN(n) ? undefined : n;
}

export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  if (parts.length !== 4) return false;
  return parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

export function isIPv6(text: string): boolean {
  if (!text || /[^0-9a-fA-F:.]/.test(text)) return false;
  let body = text;
  let groupsNeeded = 8;
  const lastColon = body.lastIndexOf(':');
  if (body.includes('.')) {
    const v4 = body.slice(lastColon + 1);
    if (!isIPv4(v4)) return false;
    body = body.slice(0, lastColon + 1) + '0:0';
  }
  const halves = body.split('::');
  if (halves.length > 2) return false;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const validGroup = (g: string) => /^[0-9a-fA-F]{1,4}$/.test(g);
  if (halves.length === 2) {
    const left = groups(halves[0]);
    const right = groups(halves[1]);
    if (![...left, ...right].every(validGroup)) return false;
    return left.length + right.length <= groupsNeeded - 1;
  }
  const all = groups(body);
  return all.length === groupsNeeded && all.every(validGroup);
}

function withinRelease(choice: Choice, release: Release | undefined): 'ok' | 'not-yet' | 'gone' {
  if (!release) return 'ok';
  if (choice.since && compareReleases(release, choice.since) < 0) return 'not-yet';
  if (choice.removedIn && compareReleases(release, choice.removedIn) >= 0) return 'gone';
  return 'ok';
}

function availability(choice: Choice): string {
  const bits: string[] = [];
  if (choice.since) bits.push(`since ${labelOf(choice.since)}`);
  if (choice.removedIn) bits.push(`until ${labelOf(choice.removedIn)}, which dropped it`);
  return bits.join(', ');
}

function rangeSize(min: number, max: number): number {
  return max - min + 1;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${groupedNumber(n)} ${n === 1 ? one : many}`;
}

function itemAt(items: Token[], offset: number | undefined): { token: Token; index: number } | undefined {
  if (offset === undefined) return undefined;
  const index = items.findIndex((t) => offset >= t.start && offset <= t.end);
  return index < 0 ? undefined : { token: items[index], index };
}

// ---------------------------------------------------------------------------
// scalar types

export class BooleanType extends ValueType {
  readonly id = 'boolean';
  readonly oslo = 'boolean value' as const;
  readonly example = 'true';
  static readonly TRUE = ['true', 'yes', 'on', '1'];
  static readonly FALSE = ['false', 'no', 'off', '0'];

  describe(): string {
    return 'A boolean: true/false, yes/no, on/off or 1/0, in any letter case.';
  }

  check(token: Token): ValueProblem[] {
    const s = token.text.toLowerCase();
    if (BooleanType.TRUE.includes(s) || BooleanType.FALSE.includes(s)) return [];
    if (!token.text) return [problem('not-boolean', token, 'A boolean is needed here (true or false); an empty value makes oslo.config refuse the option.', 'invalid', ['true', 'false'])];
    const guess = nearest(s, [...BooleanType.TRUE, ...BooleanType.FALSE, 'enabled', 'disabled']).map((g) =>
      g === 'enabled' ? 'true' : g === 'disabled' ? 'false' : g,
    );
    const suggestions = [...new Set([...guess, 'true', 'false'])].slice(0, 3);
    return [
      problem(
        'not-boolean',
        token,
        `${quote(token.text)} is not a boolean. oslo.config accepts true/false, yes/no, on/off or 1/0 (any case) and refuses to start the service otherwise.`,
        'invalid',
        suggestions,
      ),
    ];
  }

  override complete(): ValueCompletion[] {
    return [
      { value: 'true', description: 'Turns it on.' },
      { value: 'false', description: 'Turns it off.' },
    ];
  }

  override describeValue(source: ValueSource): string | undefined {
    const s = source.token.text.toLowerCase();
    if (BooleanType.TRUE.includes(s)) return `${quote(source.token.text)} reads as true.`;
    if (BooleanType.FALSE.includes(s)) return `${quote(source.token.text)} reads as false.`;
    return undefined;
  }
}

export interface NumberBounds {
  min?: number;
  max?: number;
}

export class IntegerType extends ValueType {
  readonly id: string = 'integer';
  readonly oslo: OsloTypeName = 'integer value';
  readonly example: string;

  constructor(
    readonly bounds: NumberBounds = {},
    /** A unit for descriptions (`seconds`, `kbps`). */
    readonly unit?: string,
    /** Allowed values with meanings (oslo.config's integer choices). */
    readonly choices?: readonly { value: number; description?: string }[],
  ) {
    super();
    this.example = String(choices?.[0]?.value ?? bounds.min ?? 1);
  }

  describe(): string {
    if (this.choices) return `One of the integers ${this.choices.map((c) => c.value).join(', ')}.`;
    return `An integer${this.unitText()}${boundsText(this.bounds)}.`;
  }

  protected unitText(): string {
    return this.unit ? ` (${this.unit})` : '';
  }

  check(token: Token): ValueProblem[] {
    if (token.text.trim() === '') return []; // oslo.config reads an empty integer as "not set"
    const n = parsePythonInt(token.text);
    if (n === undefined) {
      const asFloat = parsePythonFloat(token.text);
      const hint = asFloat !== undefined ? ' Write it without a decimal part.' : '';
      return [problem('not-integer', token, `${quote(token.text)} is not a whole number; oslo.config refuses it and the service does not start.${hint}`, 'invalid')];
    }
    return this.checkNumber(n, token);
  }

  protected checkNumber(n: number, token: Token): ValueProblem[] {
    if (this.choices) {
      if (this.choices.some((c) => c.value === n)) return [];
      return [problem('not-a-choice', token, `${n} is not accepted here; use ${this.choices.map((c) => c.value).join(' or ')}.`, 'invalid', this.choices.map((c) => String(c.value)))];
    }
    return boundsProblems(n, token, this.bounds, this.unit);
  }

  override complete(): ValueCompletion[] {
    return (this.choices ?? []).map((c) => ({ value: String(c.value), ...(c.description ? { description: c.description } : {}) }));
  }

  override describeValue(source: ValueSource): string | undefined {
    const n = parsePythonInt(source.token.text);
    if (n === undefined) return undefined;
    const choice = this.choices?.find((c) => c.value === n);
    if (choice?.description) return `${n}: ${choice.description}`;
    return undefined;
  }
}

function boundsText(bounds: NumberBounds): string {
  if (bounds.min !== undefined && bounds.max !== undefined) return ` from ${bounds.min} to ${bounds.max}`;
  if (bounds.min !== undefined) return ` of at least ${bounds.min}`;
  if (bounds.max !== undefined) return ` of at most ${bounds.max}`;
  return '';
}

function boundsProblems(n: number, token: Token, bounds: NumberBounds, unit?: string): ValueProblem[] {
  const u = unit ? ` ${unit}` : '';
  if (bounds.min !== undefined && n < bounds.min) {
    return [problem('below-minimum', token, `${n}${u} is below the smallest value allowed here (${bounds.min}); oslo.config refuses it and the service does not start.`, 'invalid', [String(bounds.min)])];
  }
  if (bounds.max !== undefined && n > bounds.max) {
    return [problem('above-maximum', token, `${n}${u} is above the largest value allowed here (${bounds.max}); oslo.config refuses it and the service does not start.`, 'invalid', [String(bounds.max)])];
  }
  return [];
}

export class PortType extends IntegerType {
  override readonly id = 'port';
  override readonly oslo = 'port value' as const;

  constructor(bounds: NumberBounds = { min: 0, max: 65535 }) {
    super(bounds);
  }

  override describe(): string {
    return `A TCP/UDP port number${boundsText(this.bounds)}.`;
  }

  override readonly example = '4789';
}

export class FloatType extends ValueType {
  readonly id = 'float';
  readonly oslo = 'floating point value' as const;
  readonly example: string;

  constructor(
    readonly bounds: NumberBounds = {},
    readonly unit?: string,
  ) {
    super();
    this.example = String(bounds.min ?? 1.0);
  }

  describe(): string {
    return `A number, decimals allowed${this.unit ? ` (${this.unit})` : ''}${boundsText(this.bounds)}.`;
  }

  check(token: Token): ValueProblem[] {
    if (token.text.trim() === '') return [];
    const n = parsePythonFloat(token.text);
    if (n === undefined) return [problem('not-number', token, `${quote(token.text)} is not a number; oslo.config refuses it and the service does not start.`, 'invalid')];
    return boundsProblems(n, token, this.bounds, this.unit);
  }
}

export class IpAddressType extends ValueType {
  readonly id = 'ip-address';
  readonly oslo = 'IP address value' as const;
  readonly example: string;

  constructor(readonly version?: 4 | 6) {
    super();
    this.example = version === 6 ? 'fd00::10' : '192.0.2.10';
  }

  describe(): string {
    if (this.version === 4) return 'An IPv4 address, such as 192.0.2.10 (no prefix length, no host name).';
    if (this.version === 6) return 'An IPv6 address, such as fd00::10 (no prefix length, no host name).';
    return 'An IPv4 or IPv6 address, such as 192.0.2.10 or fd00::10 (no prefix length, no host name).';
  }

  check(token: Token): ValueProblem[] {
    const text = token.text;
    if (!text) return [problem('empty', token, 'An IP address is needed here; oslo.config refuses an empty one. Comment the line out to leave it unset.', 'invalid')];
    const v4 = isIPv4(text);
    const v6 = isIPv6(text);
    if ((this.version === 4 && v4) || (this.version === 6 && v6) || (!this.version && (v4 || v6))) return [];
    let hint = '';
    if (/\/\d+$/.test(text)) hint = ' Drop the prefix length: only the address goes here.';
    else if (/^[A-Za-z]/.test(text) && !v6) hint = ' A host name is not accepted: write the address itself.';
    else if (/^\d+(\.\d+){3}$/.test(text)) hint = ' Each of the four numbers must be 0–255, without leading zeros.';
    const what = this.version ? `an IPv${this.version} address` : 'an IP address';
    return [problem('not-ip-address', token, `${quote(text)} is not ${what}; oslo.config refuses it and the service does not start.${hint}`, 'invalid')];
  }

  override describeValue(source: ValueSource): string | undefined {
    const t = source.token.text;
    if (isIPv4(t)) return `${t} is an IPv4 address.`;
    if (isIPv6(t)) return `${t} is an IPv6 address.`;
    return undefined;
  }
}

const HOSTNAME = /^(?=.{1,253}$)([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/;

/** oslo.config's host address: an IP address or a host name. */
export class HostAddressType extends ValueType {
  readonly id = 'host-address';
  readonly oslo = 'host address value' as const;
  readonly example = 'controller';

  describe(): string {
    return 'An IP address or a host name (such as 192.0.2.10 or controller.example.org).';
  }

  check(token: Token): ValueProblem[] {
    const t = token.text;
    if (isIPv4(t) || isIPv6(t)) return [];
    if (t && HOSTNAME.test(t) && /[A-Za-z-]/.test(t.replace(/\.$/, '').split('.').pop() ?? '')) return [];
    return [problem('not-host-address', token, `${quote(t)} is neither an IP address nor a host name; oslo.config refuses it.`, 'invalid')];
  }
}

export interface StringTypeOptions {
  /** Accepted values with their meanings. */
  choices?: readonly Choice[];
  /** `closed`: anything else is refused (oslo.config choices). `open`: others are allowed (a plugin, a class path) but unknown ones are reported as such. */
  choiceMode?: 'closed' | 'open';
  /** oslo.config's ignore_case for choices. */
  ignoreCase?: boolean;
  /** Accept an import path (`package.module:Class` or `package.module.Class`) besides the choices. */
  classPath?: boolean;
  /** How to describe the text when there are no choices (`a file path`). */
  what?: string;
  example?: string;
  /** Refuse an empty value (the service needs one). */
  required?: boolean;
}

export class StringType extends ValueType {
  readonly id: string = 'string';
  readonly oslo: OsloTypeName = 'string value';
  readonly example: string;

  constructor(readonly options: StringTypeOptions = {}) {
    super();
    this.example = options.example ?? options.choices?.[0]?.value ?? 'text';
  }

  get choices(): readonly Choice[] | undefined {
    return this.options.choices;
  }

  describe(): string {
    const choices = this.options.choices;
    if (choices && choices.length) {
      const list = choices.map((c) => c.value).join(', ');
      if (this.options.choiceMode === 'open') {
        return `One of ${list}${this.options.classPath ? ', or the import path of a class' : ''}${this.options.ignoreCase ? ' (any letter case)' : ''}.`;
      }
      return `One of ${list}${this.options.ignoreCase ? ' (any letter case)' : ''}.`;
    }
    return this.options.what ? `Text: ${this.options.what}.` : 'Text.';
  }

  check(token: Token, _source: ValueSource, context: ValueContext): ValueProblem[] {
    const text = token.text;
    if (!text) {
      if (this.options.required) return [problem('empty', token, 'This option needs a value; left empty, the service cannot start. Comment the line out to use the default instead.', 'invalid', this.options.choices?.map((c) => c.value))];
      if (!this.options.choices || this.options.choiceMode === 'open') return [];
    }
    const choices = this.options.choices;
    if (!choices || !choices.length) return [];
    const match = this.findChoice(text);
    if (match) {
      const when = withinRelease(match, context.release);
      if (when === 'ok') return [];
      const rel = context.release ? labelOf(context.release) : '';
      const message =
        when === 'not-yet'
          ? `${quote(text)} is not available in ${rel}: it was added in ${labelOf(match.since as ReleaseId)}.`
          : `${quote(text)} is no longer available in ${rel}: ${labelOf(match.removedIn as ReleaseId)} removed it.`;
      // An open list may have had the name from a plugin before Neutron shipped it.
      const kind = this.options.choiceMode === 'open' && when === 'not-yet' ? 'unknown' : 'invalid';
      return [problem('choice-not-in-release', token, message, kind, nearest(text, this.available(context).map((c) => c.value)))];
    }
    if (this.options.classPath && /^[A-Za-z_][\w]*(\.[A-Za-z_]\w*)+(:[A-Za-z_]\w*)?$/.test(text)) return [];
    const values = this.available(context).map((c) => c.value);
    const suggestions = nearest(text, values);
    if (this.options.choiceMode === 'open') {
      return [problem('not-a-choice', token, `${quote(text)} is not one of the names Neutron ships (${values.join(', ')}). If it is not a plugin's name, the service fails to load it.`, 'unknown', suggestions)];
    }
    return [problem('not-a-choice', token, `${quote(text)} is not accepted here; oslo.config allows only ${values.join(', ')}${this.options.ignoreCase ? ' (any case)' : ''} and refuses to start the service otherwise.`, 'invalid', suggestions.length ? suggestions : values.slice(0, 3))];
  }

  findChoice(text: string): Choice | undefined {
    const choices = this.options.choices ?? [];
    if (this.options.ignoreCase) return choices.find((c) => c.value.toLowerCase() === text.toLowerCase());
    return choices.find((c) => c.value === text);
  }

  available(context: ValueContext): Choice[] {
    return (this.options.choices ?? []).filter((c) => withinRelease(c, context.release) === 'ok');
  }

  override complete(context: ValueContext = {}): ValueCompletion[] {
    return this.available(context).map((c) => ({
      value: c.value,
      ...(c.description ? { description: c.description } : {}),
      ...(c.deprecated ? { deprecated: true } : {}),
    }));
  }

  override describeValue(source: ValueSource): string | undefined {
    const choice = this.findChoice(source.token.text);
    if (!choice) return undefined;
    const extra = availability(choice);
    return `${choice.value}: ${choice.description ?? 'a known value.'}${extra ? ` (${extra})` : ''}`;
  }
}

// ---------------------------------------------------------------------------
// lists and dicts

/** A comma-separated list; each item is checked by `item`. */
export class ListType extends ValueType {
  readonly id: string = 'list';
  readonly oslo: OsloTypeName = 'list value';
  readonly example: string;

  constructor(
    readonly item: ValueType,
    readonly options: { what?: string; example?: string; unique?: boolean } = {},
  ) {
    super();
    this.example = options.example ?? item.example;
  }

  describe(): string {
    const what = this.options.what ?? `items, each: ${lowerFirst(this.item.describe())}`;
    return `A comma-separated list of ${what}`;
  }

  check(_token: Token, source: ValueSource, context: ValueContext): ValueProblem[] {
    const out: ValueProblem[] = [];
    const seen = new Map<string, Token>();
    for (const item of source.items()) {
      if (isTemplated(item.text)) continue;
      out.push(...this.item.check(item, source, context));
      if (this.options.unique) {
        if (seen.has(item.text)) out.push(problem('duplicate-name', item, `${quote(item.text)} is listed twice.`, 'unknown'));
        else seen.set(item.text, item);
      }
    }
    return out;
  }

  override elements(source: ValueSource): ValueElement[] {
    return source.items().map((token, index) => ({ role: 'item' as const, token, item: index }));
  }

  override complete(context: ValueContext = {}): ValueCompletion[] {
    return this.item.complete(context);
  }

  override describeValue(source: ValueSource, offset?: number, context: ValueContext = {}): string | undefined {
    const at = itemAt(source.items(), offset);
    if (!at) {
      const n = source.items().length;
      return n ? `${plural(n, 'item')}.` : 'An empty list.';
    }
    return this.item.describeValue(narrowed(source, at.token), offset, context);
  }
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** `key:value` pairs, comma-separated (oslo.config DictOpt). */
export class DictType extends ValueType {
  readonly id: string = 'dict';
  readonly oslo: OsloTypeName = 'dict value';
  readonly example: string;

  constructor(
    readonly options: {
      /** Checks each value. */
      value?: ValueType;
      /** Keys that are allowed, with meanings; others are refused. */
      keys?: readonly Choice[];
      /** Per-key value types (overrides `value`). */
      valueFor?: Record<string, ValueType>;
      what?: string;
      example?: string;
      /** How Neutron treats a bad value (default: oslo.config refuses, the service stops). */
      consequence?: string;
    } = {},
  ) {
    super();
    this.example = options.example ?? 'key:value';
  }

  describe(): string {
    const keys = this.options.keys ? ` Keys: ${this.options.keys.map((k) => k.value).join(', ')}.` : '';
    return `Comma-separated key:value pairs${this.options.what ? ` (${this.options.what})` : ''}, each key at most once.${keys}`;
  }

  check(_token: Token, source: ValueSource, context: ValueContext): ValueProblem[] {
    const out: ValueProblem[] = [];
    const seen = new Set<string>();
    const consequence = this.options.consequence ?? 'oslo.config refuses the value and the service does not start.';
    for (const item of source.items()) {
      if (isTemplated(item.text)) continue;
      const parts = source.splitOnce(item, ':');
      if (parts.length < 2) {
        out.push(problem('bad-pair', item, `${quote(item.text)} is not a key:value pair; ${consequence}`));
        continue;
      }
      const [key, value] = parts;
      if (!key.text) {
        out.push(problem('empty-key', key.text ? key : item, `The pair ${quote(item.text)} has no key before ":"; ${consequence}`));
        continue;
      }
      if (seen.has(key.text)) out.push(problem('duplicate-key', key, `${quote(key.text)} is given twice; ${consequence}`));
      seen.add(key.text);
      const keys = this.options.keys;
      if (keys && !keys.some((k) => k.value === key.text)) {
        out.push(problem('unknown-key', key, `${quote(key.text)} is not a key Neutron knows here (${keys.map((k) => k.value).join(', ')}); ${consequence}`, 'invalid', nearest(key.text, keys.map((k) => k.value))));
        continue;
      }
      const valueType = this.options.valueFor?.[key.text] ?? this.options.value;
      if (valueType && !isTemplated(value.text)) out.push(...valueType.check(value, source, context));
    }
    return out;
  }

  override elements(source: ValueSource): ValueElement[] {
    return itemElements(source, (item) => source.splitOnce(item, ':'), () => ['key', 'dict-value']);
  }

  override complete(): ValueCompletion[] {
    return (this.options.keys ?? []).map((k) => ({ value: `${k.value}:`, ...(k.description ? { description: k.description } : {}) }));
  }

  override describeValue(source: ValueSource, offset?: number): string | undefined {
    const at = itemAt(source.items(), offset);
    if (!at || !this.options.keys) return undefined;
    const key = source.splitOnce(at.token, ':')[0].text;
    const choice = this.options.keys.find((k) => k.value === key);
    return choice?.description ? `${key}: ${choice.description}` : undefined;
  }
}

// ---------------------------------------------------------------------------
// Neutron's structured lists

/** `physnet:bridge` entries (`[ovs] bridge_mappings`), parsed by neutron-lib's parse_mappings. */
export class BridgeMappingsType extends ValueType {
  readonly id = 'bridge-mappings';
  readonly oslo = 'list value' as const;

  constructor(
    readonly left: string = 'physnet',
    readonly right: string = 'bridge',
    /** What the right-hand side is, as hover names it ("OVS bridge", "Linux bridge", "interface"). */
    readonly through: string = 'OVS bridge',
    readonly example: string = 'physnet1:br-ex',
  ) {
    super();
  }

  describe(): string {
    return `A comma-separated list of ${this.left}:${this.right} pairs, such as ${this.example}: exactly one ":" per entry, a name on both sides.`;
  }

  check(_token: Token, source: ValueSource): ValueProblem[] {
    const out: ValueProblem[] = [];
    for (const item of source.items()) {
      if (isTemplated(item.text)) continue;
      const parts = source.split(item, ':');
      if (parts.length !== 2) {
        const why = parts.length === 1 ? `has no ":" between the ${this.left} and the ${this.right}` : 'has more than one ":"';
        out.push(problem('bad-mapping', item, `${quote(item.text)} ${why}. Each entry is ${this.left}:${this.right}; the agent refuses the mapping and exits.`));
        continue;
      }
      if (!parts[0].text) out.push(problem('bad-mapping', item, `${quote(item.text)} has no ${this.left} name before ":"; the agent refuses the mapping and exits.`));
      else if (!parts[1].text) out.push(problem('bad-mapping', item, `${quote(item.text)} has no ${this.right} name after ":"; the agent refuses the mapping and exits.`));
    }
    return out;
  }

  override elements(source: ValueSource): ValueElement[] {
    const right = this.right === 'bridge' ? 'bridge' : 'dict-value';
    return itemElements(source, (item) => source.split(item, ':'), (parts) => (parts.length === 2 ? [named(parts[0], 'physnet'), named(parts[1], right)] : []));
  }

  override describeValue(source: ValueSource, offset?: number): string | undefined {
    const at = itemAt(source.items(), offset);
    const items = source.items();
    if (!at) return items.length ? `${plural(items.length, 'mapping')}.` : 'No mappings.';
    const parts = source.split(at.token, ':');
    if (parts.length !== 2 || !parts[0].text || !parts[1].text) return undefined;
    return `Traffic of physical network ${quote(parts[0].text)} leaves through ${this.through} ${quote(parts[1].text)}.`;
  }
}

/**
 * `[sriov_nic] exclude_devices`: `interface:pci;pci` entries, split on the
 * first ":" (PCI addresses hold ":" themselves), interface names unique, PCI
 * addresses separated by ";" (empty ones skipped), as the SR-IOV agent's
 * parse_exclude_devices reads them.
 */
export class ExcludeDevicesType extends ValueType {
  readonly id = 'exclude-devices';
  readonly oslo = 'list value' as const;
  readonly example = 'ens2f0:0000:07:00.2;0000:07:00.3';

  describe(): string {
    return 'A comma-separated list of interface:PCI-addresses entries, such as ens2f0:0000:07:00.2;0000:07:00.3,ens2f1:0000:05:00.1: the network device, one ":", then the PCI addresses (domain:bus:slot.function) of its virtual functions separated by ";".';
  }

  check(_token: Token, source: ValueSource): ValueProblem[] {
    const out: ValueProblem[] = [];
    const seen = new Set<string>();
    for (const item of source.items()) {
      if (isTemplated(item.text)) continue;
      const [dev, rest] = source.splitOnce(item, ':');
      if (rest === undefined) {
        out.push(problem('bad-mapping', item, `${quote(item.text)} has no ":" between the network device and its PCI addresses; the SR-IOV agent refuses the setting and exits.`));
        continue;
      }
      if (!dev.text) {
        out.push(problem('bad-mapping', item, `${quote(item.text)} has no network device before ":"; the SR-IOV agent refuses the setting and exits.`));
        continue;
      }
      if (seen.has(dev.text)) {
        out.push(problem('duplicate-key', dev, `${quote(dev.text)} is listed twice; the SR-IOV agent refuses the setting and exits. Put all its PCI addresses in one entry, separated by ";".`));
        continue;
      }
      seen.add(dev.text);
      for (const pci of source.split(rest, ';')) {
        if (!pci.text || isTemplated(pci.text)) continue;
        if (!PCI_ADDRESS.test(pci.text)) {
          out.push(problem('bad-pair', pci, `${quote(pci.text)} is not a PCI address (domain:bus:slot.function, such as 0000:07:00.2); it matches no virtual function, so nothing is excluded.`, 'unknown'));
        }
      }
    }
    return out;
  }

  override elements(source: ValueSource): ValueElement[] {
    return itemElements(source, (item) => {
      const [dev, rest] = source.splitOnce(item, ':');
      return rest === undefined ? [dev] : [dev, rest];
    }, (parts) => (parts.length === 2 && parts[0].text ? [named(parts[0], 'key')] : []));
  }

  override describeValue(source: ValueSource, offset?: number): string | undefined {
    const at = itemAt(source.items(), offset);
    if (!at) return undefined;
    const [dev, rest] = source.splitOnce(at.token, ':');
    if (rest === undefined || !dev.text) return undefined;
    const n = source.split(rest, ';').filter((p) => p.text).length;
    return `The SR-IOV agent leaves ${plural(n, 'virtual function')} of ${quote(dev.text)} alone.`;
  }
}

const PCI_ADDRESS = /^[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.[0-7]$/;

/** `physnet` or `physnet:min:max` entries (`[ml2_type_vlan] network_vlan_ranges`). */
export class VlanRangesType extends ValueType {
  readonly id = 'vlan-ranges';
  readonly oslo = 'list value' as const;
  readonly example = 'physnet1:100:199';
  static readonly MIN = 1;
  static readonly MAX = 4094;

  describe(): string {
    return 'A comma-separated list of physnet (any VLAN of it may be used) or physnet:min:max entries (VLAN tags min to max for project networks), tags 1–4094, min not above max; such as physnet1:100:199,physnet2.';
  }

  check(_token: Token, source: ValueSource): ValueProblem[] {
    const out: ValueProblem[] = [];
    const stop = 'neutron-server cannot parse the ranges and stops.';
    for (const item of source.items()) {
      if (isTemplated(item.text)) continue;
      const parts = source.split(item, ':');
      if (parts.length === 1) continue; // a physnet without a range
      if (parts.length !== 3) {
        out.push(problem('bad-vlan-range', item, `${quote(item.text)} must be either a physnet alone or physnet:min:max (two ":"); ${stop}`));
        continue;
      }
      const [net, lo, hi] = parts;
      if (!net.text) out.push(problem('bad-vlan-range', item, `${quote(item.text)} has no physnet name before the range; ${stop}`));
      const min = this.tag(lo, out, stop);
      const max = this.tag(hi, out, stop);
      if (min !== undefined && max !== undefined && min > max) {
        out.push(problem('bad-vlan-range', source.slice(item, lo.start - item.start, hi.end - item.start), `The range starts at ${min} but ends at ${max}; the first tag must not be above the last. ${stop}`));
      }
    }
    return out;
  }

  private tag(token: Token, out: ValueProblem[], stop: string): number | undefined {
    return boundedInteger(token, out, 'bad-vlan-range', VlanRangesType.MIN, VlanRangesType.MAX, {
      notNumber: `${token.text ? quote(token.text) : 'An empty tag'} is not a VLAN tag (a whole number from 1 to 4094); ${stop}`,
      outside: (n) => `${n} is outside the VLAN tags 1–4094; ${stop}`,
    });
  }

  override elements(source: ValueSource): ValueElement[] {
    return itemElements(source, (item) => source.split(item, ':'), (parts) => [named(parts[0], 'physnet'), ...(parts.length === 3 ? (['vlan-min', 'vlan-max'] as const) : [])]);
  }

  override describeValue(source: ValueSource, offset?: number): string | undefined {
    const at = itemAt(source.items(), offset);
    if (!at) return undefined;
    const parts = source.split(at.token, ':');
    if (parts.length === 1) return `Physical network ${quote(parts[0].text)} may carry VLAN provider networks with any tag (1–4094); none of its tags are handed out to project networks.`;
    if (parts.length !== 3) return undefined;
    const min = parsePythonInt(parts[1].text);
    const max = parsePythonInt(parts[2].text);
    if (min === undefined || max === undefined || min > max) return undefined;
    return `Physical network ${quote(parts[0].text)}: VLAN tags ${min}–${max} (${plural(rangeSize(min, max), 'tag')}) are handed out to project networks; provider networks may use any tag.`;
  }
}

/** `min:max` entries of tunnel ids (`vni_ranges`, `tunnel_id_ranges`). */
export class TunnelRangesType extends ValueType {
  readonly id = 'tunnel-ranges';
  readonly oslo = 'list value' as const;
  readonly example: string;

  constructor(
    /** `VXLAN VNI`, `Geneve VNI`, `GRE key` */
    readonly what: string,
    readonly max: number,
  ) {
    super();
    this.example = what.startsWith('GRE') ? '1:1000' : '1001:2000';
  }

  describe(): string {
    return `A comma-separated list of min:max ranges of ${this.what}s, each from 1 to ${groupedNumber(this.max)} with min not above max; such as ${this.example}.`;
  }

  check(_token: Token, source: ValueSource): ValueProblem[] {
    const out: ValueProblem[] = [];
    const stop = 'neutron-server cannot parse the ranges and stops.';
    for (const item of source.items()) {
      if (isTemplated(item.text)) continue;
      const parts = source.split(item, ':');
      if (parts.length !== 2) {
        out.push(problem('bad-tunnel-range', item, `${quote(item.text)} is not a min:max range (exactly one ":"); ${stop}`));
        continue;
      }
      const min = this.id_(parts[0], out, stop);
      const max = this.id_(parts[1], out, stop);
      if (min !== undefined && max !== undefined && min > max) {
        out.push(problem('bad-tunnel-range', item, `The range starts at ${min} but ends at ${max}; the first ${this.what} must not be above the last. ${stop}`));
      }
    }
    return out;
  }

  private id_(token: Token, out: ValueProblem[], stop: string): number | undefined {
    return boundedInteger(token, out, 'bad-tunnel-range', 1, this.max, {
      notNumber: `${token.text ? quote(token.text) : 'An empty bound'} is not a whole number; ${stop}`,
      outside: (n) => `${n} is not a valid ${this.what} (1 to ${groupedNumber(this.max)}); ${stop}`,
    });
  }

  override elements(source: ValueSource): ValueElement[] {
    return itemElements(source, (item) => source.split(item, ':'), (parts) => (parts.length === 2 ? ['tunnel-min', 'tunnel-max'] : []));
  }

  override describeValue(source: ValueSource, offset?: number): string | undefined {
    const at = itemAt(source.items(), offset);
    if (!at) return undefined;
    const parts = source.split(at.token, ':');
    if (parts.length !== 2) return undefined;
    const min = parsePythonInt(parts[0].text);
    const max = parsePythonInt(parts[1].text);
    if (min === undefined || max === undefined || min > max) return undefined;
    return `${this.what}s ${min}–${max}: ${plural(rangeSize(min, max), 'project network')} at most.`;
  }
}

/** `physnet:mtu` entries (`[ml2] physical_network_mtus`): a list until 2024.2, a dict from 2025.1. */
export class PhysnetMtusType extends ValueType {
  readonly id = 'physnet-mtus';
  readonly oslo: OsloTypeName;
  readonly example = 'physnet1:9000';

  constructor(readonly asDict: boolean) {
    super();
    this.oslo = asDict ? 'dict value' : 'list value';
  }

  describe(): string {
    return 'A comma-separated list of physnet:mtu entries, such as physnet1:9000,physnet2:1500; each physnet at most once, the MTU a whole number.';
  }

  check(_token: Token, source: ValueSource): ValueProblem[] {
    const out: ValueProblem[] = [];
    const seen = new Set<string>();
    const consequence = this.asDict
      ? 'oslo.config refuses the value and neutron-server does not start.'
      : 'neutron-server logs an error and ignores every entry of the option.';
    for (const item of source.items()) {
      if (isTemplated(item.text)) continue;
      const parts = this.asDict ? source.splitOnce(item, ':') : source.split(item, ':');
      if (parts.length !== 2) {
        out.push(problem('bad-mapping', item, `${quote(item.text)} must be physnet:mtu (exactly one ":"); ${consequence}`));
        continue;
      }
      const [net, mtu] = parts;
      if (!net.text) {
        out.push(problem('bad-mapping', item, `${quote(item.text)} has no physnet name before ":"; ${consequence}`));
        continue;
      }
      if (!mtu.text) {
        out.push(problem('bad-mapping', item, `${quote(item.text)} has no MTU after ":"; ${consequence}`));
        continue;
      }
      if (seen.has(net.text)) out.push(problem('duplicate-key', net, `Physical network ${quote(net.text)} is given an MTU twice; ${consequence}`));
      seen.add(net.text);
      const n = parsePythonInt(mtu.text);
      if (n === undefined) out.push(problem('bad-mtu', mtu, `${quote(mtu.text)} is not an MTU (a whole number of bytes, such as 1500 or 9000).`));
      else if (n < 68) out.push(problem('bad-mtu', mtu, `An MTU of ${n} bytes is too small to carry IP traffic (IPv4 needs at least 68, IPv6 1280).`, 'unknown'));
    }
    return out;
  }

  override elements(source: ValueSource): ValueElement[] {
    return itemElements(source, (item) => source.split(item, ':'), (parts) => (parts.length === 2 ? [named(parts[0], 'physnet'), named(parts[1], 'mtu')] : []));
  }

  override describeValue(source: ValueSource, offset?: number): string | undefined {
    const at = itemAt(source.items(), offset);
    if (!at) return undefined;
    const parts = source.split(at.token, ':');
    const n = parts.length === 2 ? parsePythonInt(parts[1].text) : undefined;
    if (n === undefined) return undefined;
    return `Networks on physical network ${quote(parts[0].text)} get an MTU of at most ${n} bytes (less the overhead of the network type).`;
  }
}

/**
 * `name[:rate:…]` entries of placement resource providers, such as
 * `resource_provider_bandwidths` (`bridge:egress:ingress`, kbps; either
 * rate may be left empty) or the packet-processing rates.
 */
export class ResourceRatesType extends ValueType {
  readonly id = 'resource-rates';
  readonly oslo = 'list value' as const;
  readonly example: string;

  constructor(
    /** What the name is: `bridge`, `hypervisor`. */
    readonly nameWhat: string,
    /** Names of the rates, in order: ['egress', 'ingress'] or ['total']. */
    readonly rates: readonly string[],
    readonly unit: string,
    readonly optionName: string,
  ) {
    super();
    this.example = `${nameWhat === 'bridge' ? 'br-ex' : 'compute1'}:${rates.map(() => '1000000').join(':')}`;
  }

  describe(): string {
    const shape = [this.nameWhat, ...this.rates].join(':');
    return `A comma-separated list of ${shape} entries (${this.unit}); a rate may be left empty, and a ${this.nameWhat} alone means no rates. Such as ${this.example}.`;
  }

  check(_token: Token, source: ValueSource): ValueProblem[] {
    const out: ValueProblem[] = [];
    const seen = new Set<string>();
    const stop = 'the agent cannot parse it and stops.';
    for (const item of source.items()) {
      if (isTemplated(item.text)) continue;
      const parts = source.split(item, ':');
      if (parts.length !== 1 && parts.length !== this.rates.length + 1) {
        out.push(problem('bad-mapping', item, `${quote(item.text)} must be ${[this.nameWhat, ...this.rates].join(':')} (${this.rates.length} ":"), or the ${this.nameWhat} alone; ${stop}`));
        continue;
      }
      const name = parts[0];
      if (seen.has(name.text)) out.push(problem('duplicate-name', name.text ? name : item, `${name.text ? quote(name.text) : 'The unnamed entry'} is listed twice; ${stop}`));
      seen.add(name.text);
      for (const rate of parts.slice(1)) {
        if (!rate.text) continue;
        const n = parsePythonInt(rate.text);
        if (n === undefined || n < 0) out.push(problem('bad-rate', rate, `${quote(rate.text)} is not a rate: write a whole number of ${this.unit} (0 or more), or leave it empty; ${stop}`));
      }
    }
    return out;
  }

  override elements(source: ValueSource): ValueElement[] {
    const name = this.nameWhat === 'bridge' ? 'bridge' : 'rp-name';
    return itemElements(source, (item) => source.split(item, ':'), (parts) => parts.map((part, i) => named(part, i === 0 ? name : 'rate')));
  }

  override describeValue(source: ValueSource, offset?: number): string | undefined {
    const at = itemAt(source.items(), offset);
    if (!at) return undefined;
    const parts = source.split(at.token, ':');
    const bits = this.rates.map((r, i) => {
      const text = parts[i + 1]?.text;
      return `${r} ${text ? `${Number(text).toLocaleString('en-US')} ${this.unit}` : 'not reported'}`;
    });
    return `${this.nameWhat === 'bridge' ? 'Bridge' : 'Hypervisor'} ${quote(parts[0].text)}: ${bits.join(', ')}.`;
  }
}

/** Lists whose items are known names (drivers, extensions). */
export function listOfChoices(
  choices: readonly Choice[],
  options: { mode?: 'closed' | 'open'; classPath?: boolean; what?: string; example?: string; unique?: boolean } = {},
): ListType {
  const item = new StringType({ choices, choiceMode: options.mode ?? 'open', ...(options.classPath ? { classPath: true } : {}) });
  return new ListType(item, { ...(options.what ? { what: options.what } : {}), example: options.example ?? choices[0]?.value ?? '', unique: options.unique ?? true });
}
