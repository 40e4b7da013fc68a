import {
  type CatalogEntry,
  type CatalogKind,
  type LookupResult,
  type Release,
  type ReleaseId,
  type SectionInfo,
  BooleanType,
  compareReleases,
  defaultAt,
  isCatalogKind,
  lookup,
  normaliseSection,
  parsePythonFloat,
  parsePythonInt,
  parseRelease,
  sectionInfo,
  typeAt,
  uncataloguedSection,
} from '../../catalog/index';
import type { IniDocument, IniOption, IniSection } from '../../syntax/ast';
import { isTemplated } from '../../syntax/templates';
import type { IndexedFile } from '../../workspace/model';

/**
 * What the option catalogue says about each section and option line of an
 * INI file, at the release its workspace folder is set to. Shared by the
 * option rules (unknown-section, unknown-option, invalid-value,
 * deprecated-option, removed-option), their quick fixes and the option
 * hover and completion, so all of them judge a line the same way.
 */

export interface IniFile {
  file: IndexedFile;
  kind: CatalogKind;
  doc: IniDocument;
}

/** The file when it is an oslo.config INI file the catalogue covers. */
export function iniFileOf(file: IndexedFile): IniFile | undefined {
  if (file.doc.format !== 'ini' || !isCatalogKind(file.kind)) return undefined;
  return { file, kind: file.kind, doc: file.doc };
}

/**
 * The release the folder is set to (`neutronConfig.release`, `--release`), or
 * undefined for "any release" (unset, or a name no release answers to).
 */
export function configuredRelease(file: IndexedFile): Release | undefined {
  return parseRelease(file.folder.settings.release);
}

export type SectionVerdict =
  /** A section the catalogue describes for this kind (own or borrowed). */
  | { state: 'known'; info: SectionInfo }
  /** A section the service reads whose options the catalogue does not describe (neutron.conf groups). */
  | { state: 'uncatalogued'; note: string }
  /** The name comes from a template: not judged. */
  | { state: 'templated' }
  | { state: 'unknown' };

export function sectionVerdict(kind: CatalogKind, name: string): SectionVerdict {
  if (isTemplated(name)) return { state: 'templated' };
  const info = sectionInfo(kind, name);
  if (info) return { state: 'known', info };
  const other = uncataloguedSection(kind, normaliseSection(name));
  if (other) return { state: 'uncatalogued', note: other.note };
  return { state: 'unknown' };
}

/** An option line of a catalogued section, with what the catalogue found for its name. */
export interface OptionLine {
  section: IniSection;
  option: IniOption;
  /** Undefined: no release knows the name in this section. */
  found: LookupResult | undefined;
  /** False when a later line sets the same name in the same section (oslo.config keeps only the last). */
  effective: boolean;
}

/**
 * The last answer: the option rules run one after the other on the same file
 * and ask for the same lines, so one entry serves them all without keeping
 * every file's lines alive. A document is never changed after parsing (an
 * edit parses a new one), so the entry never goes stale.
 */
let recent: { doc: IniDocument; key: string; lines: readonly OptionLine[] } | undefined;

/** Every option of the file's catalogued sections whose name is literal. Shared between callers: do not modify. */
export function optionLines(ini: IniFile, release: Release | undefined): readonly OptionLine[] {
  const key = `${ini.kind}|${release?.id ?? ''}`;
  if (recent && recent.doc === ini.doc && recent.key === key) return recent.lines;
  const lines = computeOptionLines(ini, release);
  recent = { doc: ini.doc, key, lines };
  return lines;
}

function computeOptionLines(ini: IniFile, release: Release | undefined): OptionLine[] {
  const out: OptionLine[] = [];
  const last = lastOccurrences(ini.doc);
  for (const section of ini.doc.sections) {
    if (sectionVerdict(ini.kind, section.name.text).state !== 'known') continue;
    for (const option of section.options) {
      if (isTemplated(option.name.text)) continue;
      out.push({
        section,
        option,
        found: lookup(ini.kind, section.name.text, option.name.text, release),
        effective: last.get(keyOf(section.name.text, option.name.text)) === option,
      });
    }
  }
  return out;
}

function keyOf(section: string, name: string): string {
  return `${normaliseSection(section)}\u0000${name}`;
}

function lastOccurrences(doc: IniDocument): Map<string, IniOption> {
  const last = new Map<string, IniOption>();
  for (const section of doc.sections) for (const option of section.options) last.set(keyOf(section.name.text, option.name.text), option);
  return last;
}

/** `[ml2] type_drivers`, for messages. */
export function optionLabel(entry: Pick<CatalogEntry, 'section' | 'name'>): string {
  return `[${entry.section}] ${entry.name}`;
}

/**
 * Whether a value leaves the option as it is by default in that release (the
 * newest when none is given): the same text as the sample, or the same
 * boolean, number or list once read. A templated value is unknown: it counts
 * as possibly the default.
 */
export function isDefaultValue(entry: CatalogEntry, option: IniOption, release: Release | undefined): boolean {
  const text = option.value.text;
  if (isTemplated(text)) return true;
  const def = defaultAt(entry, release);
  if (text === def.text) return true;
  const value = def.value;
  switch (typeAt(entry, release).oslo) {
    case 'boolean value': {
      const lower = text.toLowerCase();
      const read = BooleanType.TRUE.includes(lower) ? true : BooleanType.FALSE.includes(lower) ? false : undefined;
      return read !== undefined && read === value;
    }
    case 'integer value':
    case 'port value':
      return typeof value === 'number' && parsePythonInt(text) === value;
    case 'floating point value':
      return typeof value === 'number' && parsePythonFloat(text) === value;
    case 'list value': {
      if (!Array.isArray(value)) return false;
      const items = text
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
      return items.length === value.length && items.every((item, i) => item === String(value[i]));
    }
    default:
      return typeof value === 'string' && text.trim() === value;
  }
}

/** The first release that reads the name as written (Icehouse when the catalogue knows no start). */
export function firstReleaseReading(found: LookupResult): ReleaseId {
  if (found.via === 'alias' && found.alias) {
    return found.alias.nameSince ?? found.alias.since ?? found.entry.history.added ?? 'icehouse';
  }
  return found.entry.history.added ?? 'icehouse';
}

/** The option that takes over from a deprecated or removed one, as this file kind reads it in the release. */
export interface Successor {
  section: string;
  name: string;
  /** Its entry, when this file kind reads it (in the release, when one is set). */
  entry: CatalogEntry | undefined;
}

export function successorOf(kind: CatalogKind, found: LookupResult, release: Release | undefined): Successor | undefined {
  if (found.via === 'alias') return { section: found.entry.section, name: found.entry.name, entry: found.entry };
  const r = found.entry.history.replacement;
  if (!r?.name) return undefined;
  const section = r.section ?? found.entry.section;
  const hit = lookup(kind, section, r.name, release);
  const usable = hit && hit.via === 'name' && hit.status.state !== 'removed' && hit.status.state !== 'not-yet';
  return { section, name: r.name, entry: usable ? hit.entry : undefined };
}

/**
 * With no release set, renaming to the successor is good advice only when
 * every release that reads the name as written also reads the successor
 * (`logfile` → `log_file`). `tenant_network_types` → `project_network_types`
 * is not: releases before 2026.1 read only the old name.
 */
export function renameSafeInEveryRelease(found: LookupResult, successor: Successor | undefined): boolean {
  if (!successor?.entry) return true;
  const since = successor.entry.history.added ?? 'icehouse';
  return compareReleases(since, firstReleaseReading(found)) <= 0;
}
