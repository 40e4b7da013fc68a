import type { IniOption } from '../syntax/ast';
import { typoDistance } from '../text/nearest';
import type { LineIndex } from '../text/lineIndex';
import { buildCatalog, isCatalogKind, keyOf, normaliseSection } from './build';
import type { JsonValue } from './generate/zedFacts';
import type { CatalogEntry, CatalogKind, DeprecatedName, LookupResult, OptionStatus, SectionInfo } from './model';
import { CATALOG_KINDS } from './model';
import { extensionSectionNote } from './options/extensions';
import { type Release, type ReleaseId, compareReleases, labelOf, parseRelease } from './releases';
import { type ValueSource, valueSourceOf, valueSourceOfText } from './valueSource';
import type { ValueContext, ValueProblem, ValueType } from './valueTypes';
import { compareText } from '../text/compare';

/**
 * The option catalogue: every option of ml2_conf.ini/plugin.ini,
 * openvswitch_agent.ini, l3_agent.ini, linuxbridge_agent.ini,
 * sriov_agent.ini, dhcp_agent.ini and neutron.conf (Neutron's own groups and
 * every [DEFAULT] option) that some release from Icehouse to 2026.1 reads, with its type, default, history and explanation. Features
 * (diagnostics, hover, completion, quick fixes) read option knowledge only
 * from here.
 */

export * from './model';
export * from './releases';
export * from './valueTypes';
export { type ValueSource, valueSourceOf, valueSourceOfText } from './valueSource';
export { normaliseSection, isCatalogKind } from './build';
export { FILE_OF_KIND, SERVICE_OF_KIND, uncataloguedSection, type UncataloguedSection } from './services';

/**
 * Sections of another file a service legitimately reads from this one. The
 * OVS agent of an all-in-one (or devstack-style) host is often started with
 * plugin.ini/ml2_conf.ini as one of its --config-file arguments, so its
 * sections (`[ovs]`, `[agent]`, `[securitygroup]` …) are at home there.
 */
interface Lender {
  from: CatalogKind;
  note: string;
  /** Only these sections (all but DEFAULT when absent). */
  sections?: readonly string[];
  /** The lender's [DEFAULT] options too. */
  withDefault?: boolean;
}

const NEUTRON_CONF_NOTE = 'Read from neutron.conf as well: every Neutron service is started with neutron.conf besides its own file.';
const AGENT_SECTION_OF_NEUTRON_CONF: Lender = {
  from: 'neutron-conf',
  sections: ['agent'],
  note: 'Agent settings every Neutron agent registers (root helper, heartbeats), usually kept in neutron.conf.',
};

const BORROWED: Partial<Record<CatalogKind, Lender[]>> = {
  ml2: [
    {
      from: 'ovs-agent',
      note: 'Read by the Open vSwitch agent when it is started with this file as one of its configuration files (all-in-one and single-file set-ups).',
    },
  ],
  'ovs-agent': [AGENT_SECTION_OF_NEUTRON_CONF],
  'l3-agent': [AGENT_SECTION_OF_NEUTRON_CONF],
  'linuxbridge-agent': [AGENT_SECTION_OF_NEUTRON_CONF],
  'sriov-agent': [AGENT_SECTION_OF_NEUTRON_CONF],
  'dhcp-agent': [AGENT_SECTION_OF_NEUTRON_CONF],
  // neutron-server reads neutron.conf with ml2_conf.ini, and every agent is given neutron.conf with its own file.
  'neutron-conf': (['ml2', 'ovs-agent', 'l3-agent', 'dhcp-agent', 'sriov-agent', 'linuxbridge-agent'] as const).map((from) => ({
    from,
    withDefault: true,
    note: from === 'ml2' ? 'Read by neutron-server, which is started with neutron.conf and ml2_conf.ini (plugin.ini).' : NEUTRON_CONF_NOTE,
  })),
};

/** Whether the lender's service reads `section` from the borrowing file. */
function lends(lender: Lender, section: string): boolean {
  const wanted = normaliseSection(section);
  if (wanted === 'DEFAULT') return lender.withDefault === true;
  return !lender.sections || lender.sections.includes(wanted);
}

class Catalog {
  readonly entries: readonly CatalogEntry[];
  readonly problems: readonly string[];
  private readonly byKey = new Map<string, CatalogEntry>();
  private readonly aliases = new Map<string, { entry: CatalogEntry; alias: DeprecatedName }[]>();
  private readonly sectionsByKind = new Map<CatalogKind, Map<string, CatalogEntry[]>>();

  constructor() {
    const built = buildCatalog();
    this.entries = built.entries;
    this.problems = built.problems;
    for (const e of this.entries) {
      this.byKey.set(keyOf(e.kind, e.section, e.name), e);
      for (const alias of e.deprecatedNames) {
        const k = keyOf(e.kind, alias.section, alias.name);
        const list = this.aliases.get(k) ?? [];
        list.push({ entry: e, alias });
        this.aliases.set(k, list);
      }
      let sections = this.sectionsByKind.get(e.kind);
      if (!sections) this.sectionsByKind.set(e.kind, (sections = new Map()));
      const list = sections.get(e.section) ?? [];
      list.push(e);
      sections.set(e.section, list);
    }
  }

  ownOptions(kind: CatalogKind, section: string): CatalogEntry[] {
    return this.sectionsByKind.get(kind)?.get(normaliseSection(section)) ?? [];
  }

  ownSections(kind: CatalogKind): string[] {
    return [...(this.sectionsByKind.get(kind)?.keys() ?? [])];
  }

  hasOwnSection(kind: CatalogKind, section: string): boolean {
    return this.sectionsByKind.get(kind)?.has(section) ?? false;
  }

  exact(kind: CatalogKind, section: string, name: string): CatalogEntry | undefined {
    return this.byKey.get(keyOf(kind, section, name));
  }

  alias(kind: CatalogKind, section: string, name: string): { entry: CatalogEntry; alias: DeprecatedName }[] {
    return this.aliases.get(keyOf(kind, section, name)) ?? [];
  }
}

let instance: Catalog | undefined;

/** The catalogue, built once on first use. */
function catalog(): Catalog {
  if (!instance) instance = new Catalog();
  return instance;
}

/**
 * Builds the catalogue now (about 10 ms): the server does it while the
 * client waits for its answer to `initialize`, not on the first request or
 * check that needs an option's facts.
 */
export function prepareCatalog(): void {
  catalog();
}

/** A release given as a setting string, a Release, or nothing (any release). */
export type ReleaseInput = Release | ReleaseId | string | undefined | null;

function releaseOf(input: ReleaseInput): Release | undefined {
  if (!input) return undefined;
  if (typeof input === 'object') return input;
  return parseRelease(input);
}

/** Every entry of the catalogue (all kinds). */
export function allEntries(): readonly CatalogEntry[] {
  return catalog().entries;
}

/** Inconsistencies found while merging facts and specs; empty in a healthy build. */
export function catalogProblems(): readonly string[] {
  return catalog().problems;
}

/** Kinds whose sections this kind may hold besides its own (see BORROWED). */
function lenders(kind: CatalogKind, section?: string): Lender[] {
  const all = BORROWED[kind] ?? [];
  return section === undefined ? all : all.filter((l) => lends(l, section));
}

/**
 * Finds an option by the section and name written in a file of `kind`.
 * Exact names win over old aliases; a section borrowed from another file's
 * service is searched after the file's own. `release` (a setting string such
 * as `zed` or `2023.1`, or a Release) only affects `status`.
 */
export function lookup(kind: CatalogKind, section: string, name: string, release?: ReleaseInput): LookupResult | undefined {
  const c = catalog();
  const r = releaseOf(release);
  const own = c.exact(kind, section, name);
  if (own) return { entry: own, via: 'name', status: statusOf(own, r) };
  for (const lender of lenders(kind, section)) {
    const borrowed = c.exact(lender.from, section, name);
    if (borrowed) return { entry: borrowed, via: 'name', status: statusOf(borrowed, r), borrowedFrom: lender.from };
  }
  const aliasHit = pickAlias(c.alias(kind, section, name), r);
  if (aliasHit) return { entry: aliasHit.entry, via: 'alias', alias: aliasHit.alias, status: aliasStatus(aliasHit.entry, aliasHit.alias, r) };
  for (const lender of lenders(kind, section)) {
    const hit = pickAlias(c.alias(lender.from, section, name), r);
    if (hit) return { entry: hit.entry, via: 'alias', alias: hit.alias, status: aliasStatus(hit.entry, hit.alias, r), borrowedFrom: lender.from };
  }
  return undefined;
}

function pickAlias(hits: { entry: CatalogEntry; alias: DeprecatedName }[], r: Release | undefined) {
  if (hits.length <= 1) return hits[0];
  // Prefer the alias that is read in the release asked for.
  return hits.find((h) => aliasStatus(h.entry, h.alias, r).state !== 'removed') ?? hits[0];
}

/** Where an option stands in a release; with no release, across all of them (deprecated or removed in the newest). */
export function statusOf(entry: CatalogEntry, release?: ReleaseInput): OptionStatus {
  const r = releaseOf(release);
  const h = entry.history;
  const replacement = h.replacement ? { replacement: h.replacement } : {};
  if (!r) {
    if (h.removed) return { state: 'removed', since: h.removed, ...replacement };
    if (h.deprecated) return { state: 'deprecated', since: h.deprecated, ...replacement };
    return { state: 'current' };
  }
  if (h.added && compareReleases(r, h.added) < 0) return { state: 'not-yet', since: h.added };
  if (h.removed && compareReleases(r, h.removed) >= 0) return { state: 'removed', since: h.removed, ...replacement };
  if (h.deprecated && compareReleases(r, h.deprecated) >= 0) return { state: 'deprecated', since: h.deprecated, ...replacement };
  return { state: 'current' };
}

function aliasStatus(entry: CatalogEntry, alias: DeprecatedName, r: Release | undefined): OptionStatus {
  const replacement = { replacement: { section: entry.section, name: entry.name, note: `Old name of [${entry.section}] ${entry.name}.` } };
  const since = alias.since ?? entry.history.added ?? 'icehouse';
  if (!r) {
    if (alias.removed) return { state: 'removed', since: alias.removed, ...replacement };
    return { state: 'deprecated', since, ...replacement };
  }
  if (alias.since && compareReleases(r, alias.since) < 0) {
    // Before the rename the old name may have been the option's own name.
    if (alias.nameSince && compareReleases(r, alias.nameSince) >= 0) return { state: 'current' };
    return { state: 'not-yet', since: alias.nameSince ?? alias.since };
  }
  if (alias.removed && compareReleases(r, alias.removed) >= 0) return { state: 'removed', since: alias.removed, ...replacement };
  const own = statusOf(entry, r);
  if (own.state === 'removed' || own.state === 'not-yet') return own;
  return { state: 'deprecated', since, ...replacement };
}

/** Sections per kind, sorted, and by name; built once per kind (the catalogue never changes). */
const sectionsByKind = new Map<CatalogKind, { list: readonly SectionInfo[]; byName: Map<string, SectionInfo> }>();

function sectionTable(kind: CatalogKind): { list: readonly SectionInfo[]; byName: Map<string, SectionInfo> } {
  let table = sectionsByKind.get(kind);
  if (!table) {
    const list = buildSectionsOf(kind);
    table = { list, byName: new Map(list.map((s) => [s.name, s])) };
    sectionsByKind.set(kind, table);
  }
  return table;
}

/** Whether a file of `kind` can hold this section in some release (own or borrowed). */
export function sectionsOf(kind: CatalogKind): SectionInfo[] {
  return [...sectionTable(kind).list];
}

function buildSectionsOf(kind: CatalogKind): SectionInfo[] {
  const c = catalog();
  const out = new Map<string, SectionInfo>();
  for (const name of c.ownSections(kind)) {
    const extension = extensionSectionNote(kind, name);
    const note = extension && `Read by ${extension.project === 'neutron' ? 'Neutron' : extension.project} when ${extension.loadedWhen}.`;
    out.set(name, { name, owners: [kind], borrowed: false, ...(extension ? { note, extension: extension.project } : {}) });
  }
  for (const lender of lenders(kind)) {
    for (const name of c.ownSections(lender.from)) {
      if (!lends(lender, name)) continue;
      const existing = out.get(name);
      if (existing) out.set(name, { ...existing, owners: [...existing.owners, lender.from] });
      else out.set(name, { name, owners: [lender.from], borrowed: true, note: lender.note });
    }
  }
  return [...out.values()].sort((a, b) => (a.name === 'DEFAULT' ? -1 : b.name === 'DEFAULT' ? 1 : compareText(a.name, b.name)));
}

/** The section as this kind knows it, or undefined when the file never has it. Section names are matched as oslo.config does (lower case, except DEFAULT). */
export function sectionInfo(kind: CatalogKind, section: string): SectionInfo | undefined {
  return sectionTable(kind).byName.get(normaliseSection(section));
}

/** Kinds that share a section (for hover: "also read by …"). */
export function kindsWithSection(section: string): CatalogKind[] {
  const wanted = normaliseSection(section);
  return CATALOG_KINDS.filter((k) => catalog().hasOwnSection(k, wanted));
}

/**
 * Options of a section in a file of `kind`: its own, then those of the
 * services that borrow the section. With a release, only options that
 * release reads (deprecated ones included).
 */
export function optionsOf(kind: CatalogKind, section: string, release?: ReleaseInput): CatalogEntry[] {
  const c = catalog();
  const r = releaseOf(release);
  const seen = new Set<string>();
  const out: CatalogEntry[] = [];
  const add = (e: CatalogEntry) => {
    if (seen.has(e.name)) return;
    if (r) {
      const s = statusOf(e, r).state;
      if (s === 'removed' || s === 'not-yet') return;
    }
    seen.add(e.name);
    out.push(e);
  };
  c.ownOptions(kind, section).forEach(add);
  for (const lender of lenders(kind, section)) c.ownOptions(lender.from, section).forEach(add);
  return out;
}

export interface Suggestions {
  /** Option names of the same section close to the one written, nearest first. */
  names: string[];
  /** Sections of this file where an option of exactly that name lives (a misplaced option). */
  sections: string[];
}

/** What an unknown option was probably meant to be. */
export function suggestFor(kind: CatalogKind, section: string, name: string, release?: ReleaseInput, limit = 3): Suggestions {
  const candidates = optionsOf(kind, section, release).map((e) => e.name);
  const names = nearestOf(name, candidates, limit);
  const sections: string[] = [];
  const wanted = normaliseSection(section);
  for (const s of sectionTable(kind).list) {
    if (s.name === wanted) continue;
    if (optionsOf(kind, s.name, release).some((e) => e.name === name)) sections.push(s.name);
  }
  return { names, sections };
}

/** Section names of this kind close to the one written. */
export function nearestSections(kind: CatalogKind, section: string, limit = 3): string[] {
  return nearestOf(section, sectionTable(kind).list.map((s) => s.name), limit);
}

function nearestOf(name: string, candidates: string[], limit: number): string[] {
  const lower = name.toLowerCase();
  const max = Math.max(2, Math.floor(name.length / 3));
  const scored: { c: string; d: number }[] = [];
  for (const c of new Set(candidates)) {
    if (c === name) continue;
    const cl = c.toLowerCase();
    let d = typoDistance(lower, cl);
    // A name that contains the other (ovs_integration_bridge / integration_bridge) is close, whatever its length.
    if (d > max && (cl.includes(lower) || lower.includes(cl)) && Math.min(cl.length, lower.length) >= 4) d = max;
    if (d <= max) scored.push({ c, d });
  }
  scored.sort((a, b) => a.d - b.d || compareText(a.c, b.c));
  // Keep only candidates about as close as the best one.
  const best = scored[0]?.d ?? 0;
  return scored
    .filter((s) => s.d <= best + 1)
    .slice(0, limit)
    .map((s) => s.c);
}

// ---------------------------------------------------------------------------
// facts by release

/** The value type in a release (a type may change, e.g. physical_network_mtus becomes a dict in 2025.1). */
export function typeAt(entry: CatalogEntry, release?: ReleaseInput): ValueType {
  const r = releaseOf(release);
  let type = entry.type;
  if (!r) return type;
  for (const change of entry.factsChanges) if (change.type && compareReleases(r, change.since) >= 0) type = change.type;
  return type;
}

/** The default in a release (the newest when no release is given): its JSON value and the sample's text. */
export function defaultAt(entry: CatalogEntry, release?: ReleaseInput): { value: JsonValue; text: string } {
  const r = releaseOf(release);
  let value = entry.default;
  let text = entry.defaultText;
  // With no release, the newest default.
  const changes = r ? entry.factsChanges.filter((c) => compareReleases(r, c.since) >= 0) : entry.factsChanges;
  for (const c of changes) {
    if (c.default !== undefined) value = c.default;
    if (c.defaultText !== undefined) text = c.defaultText;
  }
  return { value, text };
}

/** The line a sample file writes for the option, uncommented: `name = default`. */
export function sampleLine(entry: CatalogEntry, release?: ReleaseInput): string {
  const text = defaultAt(entry, release).text;
  return text === '' ? `${entry.name} =` : `${entry.name} = ${text}`;
}

/**
 * Validates a value of an option. Templated values are accepted, and so is
 * the placeholder a sample file writes for the default (`<None>` for an unset
 * option, or a sample default such as `(1 + <num_of_cpus>) / 2`), so an
 * uncommented sample line stays silent.
 */
export function validateValue(entry: CatalogEntry, source: ValueSource, release?: ReleaseInput): ValueProblem[] {
  const r = releaseOf(release);
  const text = source.token.text;
  if (text === entry.defaultText && isSamplePlaceholder(entry)) return [];
  // A release whose default is unset writes `<None>` in its sample (vlan_transparent from 2025.2).
  const def = defaultAt(entry, r);
  if (def.value === null && text === def.text) return [];
  const context: ValueContext = r ? { release: r } : {};
  return typeAt(entry, r).validate(source, context);
}

/** Validates the value of a parsed option against its entry. */
export function validateOption(entry: CatalogEntry, option: IniOption, lineIndex: LineIndex, release?: ReleaseInput): ValueProblem[] {
  return validateValue(entry, valueSourceOf(option, lineIndex), release);
}

/** Validates a bare value (tests, settings). Ranges are relative to `text`. */
export function validateText(entry: CatalogEntry, text: string, release?: ReleaseInput): ValueProblem[] {
  return validateValue(entry, valueSourceOfText(text), release);
}

function isSamplePlaceholder(entry: CatalogEntry): boolean {
  return entry.default === null || entry.zed?.sampleDefault !== undefined;
}

/** A short line about the option's history, for hover: "Added in Liberty · deprecated in Pike · removed in Train (…)". */
export function historyText(entry: CatalogEntry): string {
  const h = entry.history;
  const parts: string[] = [];
  parts.push(h.added ? `Added in ${labelOf(h.added)}` : 'Present since Icehouse or earlier');
  if (h.deprecated) parts.push(`deprecated in ${labelOf(h.deprecated)}`);
  if (h.removed) parts.push(`removed in ${labelOf(h.removed)}`);
  let text = parts.join(' · ');
  if (h.replacement) {
    const where = h.replacement.name ? `[${h.replacement.section ?? entry.section}] ${h.replacement.name}` : '';
    const note = h.replacement.note ?? '';
    text += `. Instead: ${[where, note].filter(Boolean).join(' — ')}`;
  }
  for (const c of h.changes ?? []) text += `\n${labelOf(c.release)}: ${c.text}`;
  for (const a of entry.deprecatedNames) {
    const span = [a.since ? `since ${labelOf(a.since)}` : '', a.removed ? `until ${labelOf(a.removed)}` : ''].filter(Boolean).join(', ');
    text += `\nAlso read as [${a.section}] ${a.name}${span ? ` (${span})` : ''}.`;
  }
  return text;
}

/** Catalogue size per kind, with and without history (for reports). */
export function catalogStats(): Record<CatalogKind, { options: number; withHistory: number; zed: number; sections: number }> {
  const out = {} as Record<CatalogKind, { options: number; withHistory: number; zed: number; sections: number }>;
  for (const kind of CATALOG_KINDS) {
    const list = allEntries().filter((e) => e.kind === kind);
    out[kind] = {
      options: list.length,
      withHistory: list.filter((e) => hasHistory(e)).length,
      zed: list.filter((e) => e.zed).length,
      sections: new Set(list.map((e) => e.section)).size,
    };
  }
  return out;
}

function hasHistory(e: CatalogEntry): boolean {
  const h = e.history;
  return Boolean(h.added || h.deprecated || h.removed || (h.changes && h.changes.length) || e.deprecatedNames.some((a) => a.since || a.removed));
}

export function isKnownKind(kind: string): kind is CatalogKind {
  return isCatalogKind(kind);
}

// ---------------------------------------------------------------------------
// explanations for hover and completion documentation

export interface Explanation {
  /** What it does. */
  summary: string;
  details?: string;
  /** Accepted format, in words. */
  format: string;
  /** A value as a user writes it, when one is worth showing. */
  example?: string;
  /** The default as the sample writes it, with what leaving it out means. */
  default: string;
  /** What goes wrong when it is wrong. */
  whenWrong?: string;
  /** Added / deprecated / removed, aliases and changes. */
  history: string;
  /** oslo.config type name, with bounds or choices. */
  typeLine: string;
}

/**
 * The full explanation of an option in a release (or across releases): the
 * hand-written text, completed from the facts where the text leaves
 * something out (format from the value type, example and default from the
 * sample, the usual consequence of an unreadable value).
 */
export function explain(entry: CatalogEntry, release?: ReleaseInput): Explanation {
  const r = releaseOf(release);
  const type = typeAt(entry, r);
  const def = defaultAt(entry, r);
  const doc = entry.doc;
  const defaultText =
    def.text === '<None>' ? 'not set' : def.text === '' ? 'empty' : def.text;
  const usableDefault = def.text && !def.text.includes('<') ? def.text : undefined;
  const example = doc.example ?? usableDefault ?? (type.example !== 'text' ? type.example : undefined);
  const bounds = [entry.min !== undefined ? `min ${entry.min}` : '', entry.max !== undefined ? `max ${entry.max}` : ''].filter(Boolean).join(', ');
  const choices = entry.choices ? `choices: ${entry.choices.map((c) => (c === '' ? '""' : c)).join(', ')}` : '';
  const typeLine = [type.oslo, bounds, choices].filter(Boolean).join('; ');
  return {
    summary: doc.summary,
    ...(doc.details ? { details: doc.details } : {}),
    format: doc.format ?? type.describe(),
    ...(example !== undefined ? { example } : {}),
    default: doc.whenUnset ? `${defaultText}. ${doc.whenUnset}` : defaultText,
    ...(doc.whenWrong || genericWhenWrong(entry) ? { whenWrong: doc.whenWrong ?? genericWhenWrong(entry) } : {}),
    history: historyText(entry),
    typeLine,
  };
}

function genericWhenWrong(entry: CatalogEntry): string | undefined {
  switch (entry.osloType) {
    case 'boolean value':
    case 'integer value':
    case 'port value':
    case 'floating point value':
    case 'IP address value':
    case 'host address value':
      return 'A value oslo.config cannot read as this type stops the service at start-up.';
    default:
      return entry.choices ? 'A value outside the choices stops the service at start-up.' : undefined;
  }
}

/** The explanation as Markdown, for hover and completion documentation. */
export function explainMarkdown(entry: CatalogEntry, release?: ReleaseInput): string {
  const x = explain(entry, release);
  const lines = [`**[${entry.section}] ${entry.name}** — ${x.typeLine}`, '', x.summary];
  if (x.details) lines.push('', x.details);
  lines.push('', `Format: ${x.format}`);
  if (x.example !== undefined) lines.push('', `Example: \`${entry.name} = ${x.example}\``);
  lines.push('', `Default: ${x.default}`);
  if (x.whenWrong) lines.push('', `When wrong: ${x.whenWrong}`);
  lines.push('', x.history.replace(/\n/g, '  \n'));
  if (entry.secret) lines.push('', 'Secret: its value is hidden in logs.');
  if (!entry.inSample) lines.push('', 'Read by the service although the sample file does not list it.');
  return lines.join('\n');
}
