import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Range,
} from 'vscode-languageserver-types';
import {
  type CatalogEntry,
  DictType,
  ListType,
  SERVICE_OF_KIND,
  defaultAt,
  isCatalogKind,
  lookup,
  normaliseSection,
  optionsOf,
  sectionsOf,
  statusOf,
  typeAt,
} from '../../catalog/index';
import { configuredRelease } from '../../rules/options/optionLines';
import type { IniDocument, Token } from '../../syntax/ast';
import { isTemplated } from '../../syntax/templates';
import type { CursorContext, ValueCursor } from '../cursorContext';
import type { FeatureContext } from '../featureContext';
import { defaultDisplay, optionMarkdown, sectionMarkdown, typeSummary } from './optionDocs';

/**
 * Completion of section names, option names and option values in oslo.config
 * INI files, from the option catalogue. Wiring values (physnets, bridges,
 * type drivers) are completed by features/completion.ts, which falls back to
 * these value items elsewhere.
 */

/** Asks the client to open completion again once `name = ` is inserted, when the value has choices. */
const TRIGGER_SUGGEST = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };

/** Section names inside `[`, and option names on a name or a line being typed. */
export function iniNameItems(context: FeatureContext, cursor: CursorContext): CompletionItem[] {
  const { file } = context;
  if (file.doc.format !== 'ini' || !isCatalogKind(file.kind)) return [];
  const doc = file.doc;
  switch (cursor.kind) {
    case 'section-header': {
      // The parser reads `[ov` as a header too: complete it with its closing bracket.
      const index = doc.lineIndex;
      const header = index.text.slice(index.offsetAt(cursor.section.headerRange.start), index.offsetAt(cursor.section.headerRange.end));
      return sectionItems(context, doc, cursor.name, cursor.name.text, !header.endsWith(']'));
    }
    case 'ini-line': {
      const word = cursor.word;
      if (word.text.startsWith('[')) {
        // A lone `[`: replace what follows it, and close it.
        const closed = word.text.endsWith(']') && word.text.length > 1;
        const start = word.start + 1;
        const end = closed ? word.end - 1 : word.end;
        const token = { text: doc.lineIndex.text.slice(start, end), start, end, range: doc.lineIndex.range(start, end) };
        return sectionItems(context, doc, token, '', !closed);
      }
      if (!/^[A-Za-z0-9_-]*$/.test(word.text) || !startsLine(doc, word)) return [];
      return optionItems(context, doc, cursor.section, word, true);
    }
    case 'option-name':
      return optionItems(context, doc, cursor.section, cursor.name, false);
    default:
      return [];
  }
}

function startsLine(doc: IniDocument, word: Token): boolean {
  const line = doc.lineIndex.positionAt(word.start).line;
  return doc.lineIndex.text.slice(doc.lineIndex.lineStart(line), word.start).trim() === '';
}

function sectionItems(context: FeatureContext, doc: IniDocument, token: Token, current: string, close: boolean): CompletionItem[] {
  const { file } = context;
  if (!isCatalogKind(file.kind)) return [];
  const kind = file.kind;
  const release = configuredRelease(file);
  const present = new Set(doc.sections.map((s) => normaliseSection(s.name.text)));
  present.delete(normaliseSection(current));
  // Options the release reads; with no release set, those the newest release still reads.
  const live = (section: string) => optionsOf(kind, section, release).filter((e) => release || statusOf(e).state !== 'removed').length;
  return sectionsOf(kind)
    .filter((s) => !present.has(s.name) && live(s.name) > 0)
    .map((s, i) => ({
      label: s.name,
      kind: CompletionItemKind.Module,
      detail: s.borrowed
        ? `section · read by ${s.owners.map((k) => SERVICE_OF_KIND[k]).join(', ')}`
        : `section · ${s.extension && s.extension !== 'neutron' ? `${s.extension} · ` : ''}${live(s.name)} option${live(s.name) === 1 ? '' : 's'}`,
      documentation: { kind: MarkupKind.Markdown, value: sectionMarkdown(kind, s.name, file.renderedName, release) },
      // The file's own sections first, DEFAULT leading; borrowed ones, then extensions', after.
      sortText: `${s.borrowed ? 1 : s.extension ? 2 : 0}${String(i).padStart(3, '0')}`,
      textEdit: { range: token.range, newText: close ? `${s.name}]` : s.name },
    }));
}

/**
 * Options of the section not yet set in it (old names count as set), with
 * type and default in the detail and the explanation as documentation.
 * `withValue`: the line has no `=` yet, so `name = ` is inserted with the
 * default as a snippet placeholder; otherwise only the name is replaced.
 * Deprecated options are tagged and sorted last; with no release set,
 * options every release has dropped are left out.
 */
function optionItems(context: FeatureContext, doc: IniDocument, section: string | undefined, word: Token, withValue: boolean): CompletionItem[] {
  const { file } = context;
  if (section === undefined || isTemplated(section) || !isCatalogKind(file.kind)) return [];
  const kind = file.kind;
  const release = configuredRelease(file);
  const wanted = normaliseSection(section);
  const wordLine = doc.lineIndex.positionAt(word.start).line;
  // Names set in the section, with the other names of the same setting (old names and their successors).
  const taken = new Set<string>();
  for (const s of doc.sections) {
    if (normaliseSection(s.name.text) !== wanted) continue;
    for (const o of s.options) {
      if (o.name.range.start.line === wordLine) continue;
      taken.add(o.name.text);
      const hit = lookup(kind, s.name.text, o.name.text, release);
      if (!hit) continue;
      taken.add(hit.entry.name);
      for (const alias of hit.entry.deprecatedNames) if (normaliseSection(alias.section) === wanted) taken.add(alias.name);
    }
  }
  const items: CompletionItem[] = [];
  for (const entry of optionsOf(kind, section, release)) {
    if (taken.has(entry.name) || entry.deprecatedNames.some((a) => normaliseSection(a.section) === wanted && taken.has(a.name))) continue;
    const status = statusOf(entry, release).state;
    if (status === 'removed' || status === 'not-yet') continue;
    const deprecated = status === 'deprecated';
    const values = valueChoices(entry, release);
    const item: CompletionItem = {
      label: entry.name,
      kind: CompletionItemKind.Property,
      detail: `${typeSummary(entry, release)} · default ${defaultDisplay(entry, release).replace(/`/g, '')}`,
      documentation: { kind: MarkupKind.Markdown, value: optionMarkdown(entry, { kind, fileName: file.renderedName, release }) },
      sortText: `${deprecated ? 1 : 0}${entry.name}`,
      filterText: entry.name,
      textEdit: { range: word.range, newText: withValue ? `${entry.name} = ${placeholder(entry, release)}` : entry.name },
    };
    if (withValue) {
      item.insertTextFormat = InsertTextFormat.Snippet;
      if (values.length && placeholder(entry, release) === '$0') item.command = TRIGGER_SUGGEST;
    }
    if (deprecated) item.tags = [CompletionItemTag.Deprecated];
    items.push(item);
  }
  return items;
}

/** The default as a snippet placeholder; none for an unset default or a sample's description of one (`<num_of_cpus>`). */
function placeholder(entry: CatalogEntry, release: ReturnType<typeof configuredRelease>): string {
  const text = defaultAt(entry, release).text;
  if (!text || text.includes('<')) return '$0';
  return `\${1:${text.replace(/[\\$}]/g, (c) => `\\${c}`)}}`;
}

function valueChoices(entry: CatalogEntry, release: ReturnType<typeof configuredRelease>) {
  return typeAt(entry, release).complete(release ? { release } : {});
}

/**
 * Values for booleans, choices and known list items: each replaces the
 * element under the cursor (a list's other items are left out), or, for a
 * dict, the key before `:`.
 */
export function iniValueItems(context: FeatureContext, section: string | undefined, optionName: string, value: ValueCursor): CompletionItem[] {
  const { file } = context;
  if (file.doc.format !== 'ini' || !isCatalogKind(file.kind) || section === undefined) return [];
  const release = configuredRelease(file);
  const found = lookup(file.kind, section, optionName, release);
  if (!found) return [];
  const type = typeAt(found.entry, release);
  let range: Range = value.element.range;
  let taken = new Set<string>();
  if (type instanceof DictType) {
    if (value.partIndex !== 0) return [];
    range = value.part.range;
    taken = new Set(value.elements.filter((_, i) => i !== value.elementIndex).map((e) => e.text.split(':')[0].trim()));
  } else if (type instanceof ListType) {
    taken = new Set(value.elements.filter((_, i) => i !== value.elementIndex).map((e) => e.text));
  } else if (value.elements.length > 1 && value.elementIndex !== 0) {
    return [];
  }
  const def = defaultAt(found.entry, release).text;
  return type
    .complete(release ? { release } : {})
    .filter((v) => !taken.has(v.value))
    .map((v, i) => {
      const item: CompletionItem = {
        label: v.value === '' ? '""' : v.value,
        kind: CompletionItemKind.EnumMember,
        detail: v.value === def ? `${type.oslo} · the default` : type.oslo,
        sortText: String(i).padStart(3, '0'),
        textEdit: { range, newText: v.value },
      };
      if (v.description) item.documentation = { kind: MarkupKind.Markdown, value: v.description };
      if (v.deprecated) item.tags = [CompletionItemTag.Deprecated];
      return item;
    });
}

/**
 * The list for a client without `completionItem.snippetSupport`: snippet
 * items become plain text with each placeholder's default written out
 * (`name = ${1:true}` → `name = true`, `name = $0` → `name = `).
 */
export function withoutSnippets(list: CompletionList): CompletionList {
  const plain = (text: string) =>
    text
      .replace(/\$\{\d+:((?:\\.|[^\\}])*)\}/g, (_, value: string) => value.replace(/\\(.)/g, '$1'))
      .replace(/\$\{?\d+\}?/g, '');
  return {
    ...list,
    items: list.items.map((item) => {
      if (item.insertTextFormat !== InsertTextFormat.Snippet) return item;
      const copy: CompletionItem = { ...item, insertTextFormat: InsertTextFormat.PlainText };
      if (copy.insertText !== undefined) copy.insertText = plain(copy.insertText);
      if (copy.textEdit && 'newText' in copy.textEdit) copy.textEdit = { ...copy.textEdit, newText: plain(copy.textEdit.newText) };
      return copy;
    }),
  };
}
