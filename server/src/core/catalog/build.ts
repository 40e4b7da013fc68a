import { DEBIAN_OPTIONS } from './data/debian.generated';
import { ZED_OPTIONS } from './data/zed.generated';
import { DEBIAN_FILES, ZED_FILES, type JsonValue, type ZedOptionFacts, sampleTextOf } from './generate/zedFacts';
import type { CatalogEntry, CatalogKind, DeprecatedName, ExtraFacts, OptionHistory, OptionSpec } from './model';
import { CATALOG_KINDS } from './model';
import { AGENT_OPTIONS, withLinuxBridgeRemoval } from './options/agents';
import { L3_AGENT_OPTIONS } from './options/l3Agent';
import { EXTENSION_OPTIONS, withNetworkingOvnHistory } from './options/extensions';
import { ML2_OPTIONS } from './options/ml2';
import { OSLO_LOG_OPTIONS } from './options/osloLog';
import { OVN_OPTIONS } from './options/ovn';
import { OVS_AGENT_OPTIONS } from './options/ovsAgent';
import { SHARED_OPTIONS } from './options/shared';
import { RELEASES } from './releases';
import {
  BooleanType,
  type Choice,
  DictType,
  FloatType,
  HostAddressType,
  IntegerType,
  IpAddressType,
  ListType,
  type OsloTypeName,
  PortType,
  StringType,
  type ValueType,
} from './valueTypes';

/**
 * Merges Zed's generated facts with the hand-written specs (explanations,
 * history, sharper value types, options of other releases) into one entry per
 * option and file kind. Facts of Zed always come from the generated file;
 * specs add knowledge, never override a Zed fact.
 */

export const ALL_SPECS: readonly OptionSpec[] = [
  ...withLinuxBridgeRemoval([
    ...withNetworkingOvnHistory([...OSLO_LOG_OPTIONS, ...SHARED_OPTIONS, ...ML2_OPTIONS, ...OVN_OPTIONS, ...OVS_AGENT_OPTIONS, ...L3_AGENT_OPTIONS]),
    ...EXTENSION_OPTIONS,
  ]),
  ...AGENT_OPTIONS,
];

/** Zed's exact facts of every catalogued file: the shared JSON's three, and our own generator run's four. */
export const ALL_ZED_FACTS: readonly ZedOptionFacts[] = [...ZED_OPTIONS, ...DEBIAN_OPTIONS];

export interface BuiltCatalog {
  entries: CatalogEntry[];
  /** Inconsistencies between specs and facts (the catalogue test requires none). */
  problems: string[];
}

const KIND_OF_FILE: Record<string, CatalogKind> = { ...ZED_FILES, ...DEBIAN_FILES };

export function normaliseSection(section: string): string {
  // oslo.config lower-cases every group name except DEFAULT.
  return section === 'DEFAULT' ? section : section.toLowerCase();
}

export function keyOf(kind: CatalogKind, section: string, name: string): string {
  return `${kind}|${normaliseSection(section)}|${name}`;
}

export function buildCatalog(specs: readonly OptionSpec[] = ALL_SPECS, zed: readonly ZedOptionFacts[] = ALL_ZED_FACTS): BuiltCatalog {
  const problems: string[] = [];
  const zedByKey = new Map<string, ZedOptionFacts>();
  for (const f of zed) zedByKey.set(keyOf(KIND_OF_FILE[f.file], f.section, f.dest), f);

  // The first facts of each section and name, whichever file's sample they are from.
  const zedBySectionAndName = new Map<string, ZedOptionFacts>();
  for (const f of zed) {
    const key = `${normaliseSection(f.section)}|${f.dest}`;
    if (!zedBySectionAndName.has(key)) zedBySectionAndName.set(key, f);
  }

  const entries: CatalogEntry[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    for (const kind of spec.kinds) {
      const key = keyOf(kind, spec.section, spec.name);
      if (seen.has(key)) {
        problems.push(`${key}: described twice`);
        continue;
      }
      seen.add(key);
      const facts = zedByKey.get(key);
      const entry = facts ? fromZed(spec, kind, facts, problems) : fromExtra(spec, kind, problems, sameOptionElsewhere(zedBySectionAndName.get(`${normaliseSection(spec.section)}|${spec.name}`)));
      if (entry) entries.push(entry);
    }
  }
  for (const [key, facts] of zedByKey) {
    if (!seen.has(key)) {
      problems.push(`${key}: in Zed's sample but no spec explains it`);
      entries.push(fromZed({ section: facts.section, name: facts.dest, kinds: [KIND_OF_FILE[facts.file]], doc: { summary: 'No explanation yet.' } }, KIND_OF_FILE[facts.file], facts, problems));
    }
  }
  checkHistories(entries, problems);
  return { entries, problems };
}

function perKind(spec: OptionSpec, kind: CatalogKind) {
  return spec.perKind?.[kind] ?? {};
}

function historyOf(spec: OptionSpec, kind: CatalogKind): OptionHistory {
  return { ...(spec.history ?? {}), ...(perKind(spec, kind).history ?? {}) };
}

function choicesWithDocs(values: readonly string[] | undefined, spec: OptionSpec, kind: CatalogKind): Choice[] | undefined {
  if (!values) return undefined;
  const docs = perKind(spec, kind).choiceDocs ?? spec.choiceDocs ?? {};
  return values.map((value) => ({ value, ...(docs[value] ?? {}) }));
}

/** oslo.config's own type for the facts, when no spec gives a sharper one. */
export function typeFromFacts(osloType: OsloTypeName, choices: Choice[] | undefined, min: number | undefined, max: number | undefined, ignoreCase = false): ValueType {
  const bounds = { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
  switch (osloType) {
    case 'boolean value':
      return new BooleanType();
    case 'integer value':
      if (choices) return new IntegerType(bounds, undefined, choices.map((c) => ({ value: Number(c.value), ...(c.description ? { description: c.description } : {}) })));
      return new IntegerType(bounds);
    case 'port value':
      return new PortType({ min: min ?? 0, max: max ?? 65535 });
    case 'floating point value':
      return new FloatType(bounds);
    case 'IP address value':
      return new IpAddressType();
    case 'host address value':
      return new HostAddressType();
    case 'list value':
      return new ListType(choices ? new StringType({ choices, choiceMode: 'closed', ignoreCase }) : new StringType());
    case 'dict value':
      return new DictType();
    case 'string value':
    case 'multi valued':
    default:
      return new StringType(choices ? { choices, choiceMode: 'closed', ignoreCase } : {});
  }
}

function mergeDeprecatedNames(fromZed: { group: string; name: string }[] | undefined, fromSpec: DeprecatedName[] | undefined): DeprecatedName[] {
  const out: DeprecatedName[] = [];
  for (const d of fromSpec ?? []) out.push({ ...d, section: normaliseSection(d.section) });
  for (const d of fromZed ?? []) {
    const section = normaliseSection(d.group);
    if (!out.some((o) => o.section === section && o.name === d.name)) out.push({ section, name: d.name });
  }
  return out;
}

function fromZed(spec: OptionSpec, kind: CatalogKind, f: ZedOptionFacts, problems: string[]): CatalogEntry {
  const pk = perKind(spec, kind);
  const choices = choicesWithDocs(f.choices, spec, kind);
  const history = historyOf(spec, kind);
  if (f.deprecatedForRemoval && !history.deprecated) problems.push(`${kind} [${f.section}] ${f.dest}: Zed marks it deprecated but its history has no deprecated release`);
  if (spec.facts) problems.push(`${kind} [${f.section}] ${f.dest}: spec repeats facts that Zed's JSON already gives`);
  const type = pk.type ?? spec.type ?? typeFromFacts(f.type, choices, f.min, f.max, spec.ignoreCase);
  return {
    kind,
    section: normaliseSection(f.section),
    name: f.dest,
    key: `${normaliseSection(f.section)}/${f.dest}`,
    osloType: f.type,
    type,
    default: f.default,
    defaultText: f.sampleText,
    ...(f.choices ? { choices: f.choices } : {}),
    ...(f.min !== undefined ? { min: f.min } : {}),
    ...(f.max !== undefined ? { max: f.max } : {}),
    multi: false,
    secret: f.secret === true,
    deprecatedNames: mergeDeprecatedNames(f.deprecatedNames, spec.deprecatedNames),
    history,
    doc: pk.doc ?? spec.doc,
    provider: spec.provider === true,
    inSample: true,
    factsChanges: spec.factsChanges ?? [],
    zed: f,
  };
}

/** Zed's facts of the same section and name in another file's sample (the same option definition, read by another service too). */
function sameOptionElsewhere(f: ZedOptionFacts | undefined): ExtraFacts | undefined {
  if (!f) return undefined;
  return {
    osloType: f.type,
    default: f.default,
    ...(f.choices ? { choices: f.choices } : {}),
    ...(f.min !== undefined ? { min: f.min } : {}),
    ...(f.max !== undefined ? { max: f.max } : {}),
    ...(f.secret ? { secret: true } : {}),
  };
}

function fromExtra(spec: OptionSpec, kind: CatalogKind, problems: string[], elsewhere: ExtraFacts | undefined): CatalogEntry | undefined {
  const facts: ExtraFacts | undefined = spec.facts ?? elsewhere;
  const pk = perKind(spec, kind);
  const history = historyOf(spec, kind);
  if (!facts) {
    problems.push(`${kind} [${spec.section}] ${spec.name}: not in Zed's sample of this file and the spec gives no facts`);
    return undefined;
  }
  const choices = choicesWithDocs(facts.choices, spec, kind);
  const type = pk.type ?? spec.type ?? typeFromFacts(facts.osloType, choices, facts.min, facts.max, spec.ignoreCase);
  return {
    kind,
    section: normaliseSection(spec.section),
    name: spec.name,
    key: `${normaliseSection(spec.section)}/${spec.name}`,
    osloType: facts.osloType,
    type,
    default: facts.default,
    defaultText: sampleTextOf(facts.osloType, facts.default),
    ...(facts.choices ? { choices: facts.choices } : {}),
    ...(facts.min !== undefined ? { min: facts.min } : {}),
    ...(facts.max !== undefined ? { max: facts.max } : {}),
    multi: facts.multi === true,
    secret: facts.secret === true,
    deprecatedNames: mergeDeprecatedNames(undefined, spec.deprecatedNames),
    history,
    doc: pk.doc ?? spec.doc,
    provider: spec.provider === true,
    inSample: pk.inSample ?? spec.inSample ?? true,
    ...((pk.sampledSince ?? spec.sampledSince) ? { sampledSince: pk.sampledSince ?? spec.sampledSince } : {}),
    factsChanges: spec.factsChanges ?? [],
  };
}

/** Options missing from Zed's sample must have been removed before Zed, added after it, or be read without being sampled. */
function checkHistories(entries: CatalogEntry[], problems: string[]): void {
  const order = (id: string | undefined) => (id ? RELEASE_ORDER.indexOf(id) : -1);
  const zed = order('zed');
  for (const e of entries) {
    const h = e.history;
    for (const id of [h.added, h.deprecated, h.removed, ...(h.changes ?? []).map((c) => c.release)]) {
      if (id !== undefined && order(id) < 0) problems.push(`${e.kind} ${e.key}: unknown release ${id}`);
    }
    if (h.added && h.removed && order(h.added) >= order(h.removed)) problems.push(`${e.kind} ${e.key}: removed before it was added`);
    if (h.deprecated && h.removed && order(h.deprecated) > order(h.removed)) problems.push(`${e.kind} ${e.key}: deprecated after its removal`);
    if (e.zed) {
      if (h.removed && order(h.removed) <= zed) problems.push(`${e.kind} ${e.key}: in Zed's sample but its history removes it by Zed`);
      if (h.added && order(h.added) > zed) problems.push(`${e.kind} ${e.key}: in Zed's sample but its history adds it after Zed`);
    } else if (e.inSample) {
      const before = h.removed !== undefined && order(h.removed) <= zed;
      const after = h.added !== undefined && order(h.added) > zed;
      const sampledLater = e.sampledSince !== undefined && order(e.sampledSince) > zed;
      if (!before && !after && !sampledLater) problems.push(`${e.kind} ${e.key}: not in Zed's sample, yet its history says Zed reads it (mark it inSample: false, or fix the history)`);
    }
  }
}

const RELEASE_ORDER: readonly string[] = RELEASES.map((r) => r.id);

export function isCatalogKind(kind: string): kind is CatalogKind {
  return (CATALOG_KINDS as readonly string[]).includes(kind);
}

export type { JsonValue };
