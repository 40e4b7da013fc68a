import {
  FILE_OF_KIND,
  SERVICE_OF_KIND,
  type CatalogEntry,
  type CatalogKind,
  type LookupResult,
  type OptionStatus,
  type Release,
  defaultAt,
  explain,
  historyText,
  kindsWithSection,
  labelOf,
  optionsOf,
  statusOf,
  typeAt,
} from '../../catalog/index';
import { sectionVerdict } from '../../rules/options/optionLines';

/**
 * Markdown about options and sections, from the catalogue alone: what hover
 * shows on a name and completion shows as documentation. One renderer, so
 * both say the same thing.
 */

export interface OptionDocOptions {
  kind: CatalogKind;
  /** The file name the user sees (`plugin.ini`, `ml2_conf.ini`). */
  fileName: string;
  release: Release | undefined;
  /** How the name as written was found (an old name, a borrowed section). */
  found?: LookupResult;
}

/** The default as a sentence: the sample's text, then what leaving the option out means. */
export function defaultDisplay(entry: CatalogEntry, release: Release | undefined): string {
  const text = defaultAt(entry, release).text;
  if (text === '<None>') return 'not set';
  if (text === '') return 'empty';
  return code(text);
}

/** `list value`, `integer value, 1 to 65535`: the type with its bounds. */
export function typeSummary(entry: CatalogEntry, release: Release | undefined): string {
  const type = typeAt(entry, release);
  const bounds =
    entry.min !== undefined && entry.max !== undefined
      ? `${entry.min} to ${entry.max}`
      : entry.min !== undefined
        ? `at least ${entry.min}`
        : entry.max !== undefined
          ? `at most ${entry.max}`
          : '';
  return [type.oslo, bounds].filter(Boolean).join(', ');
}

export function optionMarkdown(entry: CatalogEntry, options: OptionDocOptions): string {
  const { release, found } = options;
  const x = explain(entry, release);
  const type = typeAt(entry, release);
  const out = [`**[${entry.section}] ${entry.name}** · ${code(options.fileName)}`, ''];
  if (found?.via === 'alias' && found.alias) {
    out.push(`${code(found.alias.name)}${found.alias.section !== entry.section ? ` in [${found.alias.section}]` : ''} is an old name of this option.`, '');
  }
  if (found?.borrowedFrom) {
    out.push(`*Read by ${SERVICE_OF_KIND[found.borrowedFrom]} (an option of ${code(FILE_OF_KIND[found.borrowedFrom])}) when it is started with this file too, as all-in-one set-ups do.*`, '');
  }
  out.push(prose(x.summary));
  if (x.details) out.push('', prose(x.details));
  out.push('', `**Type:** ${typeSummary(entry, release)}`);
  out.push('', `**Format:** ${prose(x.format)}`);
  if (x.example !== undefined) out.push('', '```ini', `${entry.name} = ${x.example}`.trimEnd(), '```');
  out.push('', `**Default:** ${defaultLine(entry, release)}`);
  if (type.oslo !== 'boolean value') {
    const values = type.complete(release ? { release } : {});
    if (values.length) {
      out.push('', '**Values:**');
      for (const v of values.slice(0, 20)) out.push(`- ${code(v.value || '""')}${v.description ? ` — ${v.description}` : ''}${v.deprecated ? ' *(deprecated)*' : ''}`);
      if (values.length > 20) out.push(`- … and ${values.length - 20} more`);
    }
  }
  if (x.whenWrong) out.push('', `**When it is wrong:** ${prose(x.whenWrong)}`);
  out.push('', '**Releases:**', ...historyText(entry).split('\n').map((l) => `- ${l}`));
  const status = found?.status ?? statusOf(entry, release);
  const standing = statusLine(status, release);
  if (standing) out.push('', standing);
  if (entry.secret) out.push('', 'Secret: its value is hidden in logs.');
  if (!entry.inSample) out.push('', 'Read by the service although the sample file does not list it.');
  return out.join('\n');
}

function defaultLine(entry: CatalogEntry, release: Release | undefined): string {
  const shown = defaultDisplay(entry, release);
  const unset = entry.doc.whenUnset;
  return unset ? `${shown}. ${prose(unset)}` : `${shown}.`;
}

/** Catalogue prose as Markdown: `int-<bridge>` must not vanish as an HTML tag (code spans are left alone). */
export function prose(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '\\<')))
    .join('');
}

/** Where the option stands in the configured release, or in the newest one when none is set; nothing when it is current. */
export function statusLine(status: OptionStatus, release: Release | undefined): string | undefined {
  const where = release ? `**In ${labelOf(release)}:**` : '**In the newest release:**';
  switch (status.state) {
    case 'current':
      return undefined;
    case 'deprecated':
      return `${where} deprecated since ${labelOf(status.since)}.${status.replacement?.name ? ` Use [${status.replacement.section}] ${status.replacement.name}.` : ''}`;
    case 'removed':
      return `${where} no longer read; removed in ${labelOf(status.since)}.`;
    case 'not-yet':
      return `${where} not read yet; added in ${labelOf(status.since)}.`;
  }
}

/** A section of a file kind: who reads it and which options it has. */
export function sectionMarkdown(kind: CatalogKind, name: string, fileName: string, release: Release | undefined, set: ReadonlySet<string> = new Set()): string {
  const verdict = sectionVerdict(kind, name);
  const title = `**[${name}]** · ${code(fileName)}`;
  if (verdict.state === 'uncatalogued') return [title, '', verdict.note].join('\n');
  if (verdict.state !== 'known') {
    const elsewhere = kindsWithSection(name).filter((k) => k !== kind);
    const where = elsewhere.length ? ` It is a section of ${elsewhere.map((k) => code(FILE_OF_KIND[k])).join(' and ')}.` : '';
    return [title, '', `${capitalise(SERVICE_OF_KIND[kind])} reads no option from this section.${where}`].join('\n');
  }
  const info = verdict.info;
  const out = [title, ''];
  out.push(
    info.borrowed
      ? `Read by ${info.owners.map((k) => SERVICE_OF_KIND[k]).join(' and ')} from this file. ${info.note ?? ''}`.trim()
      : info.extension
        ? (info.note ?? '')
        : `Read by ${SERVICE_OF_KIND[kind]}${info.owners.length > 1 ? ` (and ${info.owners.filter((k) => k !== kind).map((k) => SERVICE_OF_KIND[k]).join(', ')} in all-in-one set-ups)` : ''}.`,
  );
  const others = kindsWithSection(name).filter((k) => k !== kind && !info.owners.includes(k));
  if (others.length && name !== 'DEFAULT') out.push('', `Also a section of ${others.map((k) => code(FILE_OF_KIND[k])).join(' and ')}, with options of its own there.`);
  // Options the release reads (with no release set, those the newest one still reads).
  const entries = optionsOf(kind, name, release).filter((e) => release || statusOf(e).state !== 'removed');
  if (entries.length) {
    const shown = entries.slice(0, 60).map((e) => (set.has(e.name) ? `**${code(e.name)}**` : code(e.name)));
    const count = `${entries.length}${set.size ? '; those set here in bold' : ''}`;
    out.push('', `**Options** (${count}): ${shown.join(' · ')}${entries.length > 60 ? ` and ${entries.length - 60} more` : ''}`);
  }
  return out.join('\n');
}

export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
