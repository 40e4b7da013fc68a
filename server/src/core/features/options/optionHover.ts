import type { Hover } from 'vscode-languageserver-types';
import { type Release, isCatalogKind, lookup, normaliseSection, typeAt, valueSourceOf } from '../../catalog/index';
import { configuredRelease, isDefaultValue } from '../../rules/options/optionLines';
import type { IniOption, Token } from '../../syntax/ast';
import { isTemplated } from '../../syntax/templates';
import type { ValueCursor } from '../cursorContext';
import type { FeatureContext } from '../featureContext';
import { code, optionMarkdown, sectionMarkdown } from './optionDocs';
import { markdownHover } from '../markdownHover';

/**
 * Hover on the names and values of oslo.config INI files, from the option
 * catalogue: a section header, an option name (explanation, type, default,
 * values, history, standing in the configured release) and a value (what a
 * choice, a boolean, a range or a mapping means). The wiring hover of
 * features/hover.ts adds the cross-file view of the provider-network options.
 */

/** Markdown for a section header; null outside INI files of a catalogued kind. */
export function iniSectionHover(context: FeatureContext, name: Token): Hover | null {
  const { file } = context;
  if (file.doc.format !== 'ini' || !isCatalogKind(file.kind) || !name.text || isTemplated(name.text)) return null;
  const wanted = normaliseSection(name.text);
  const set = new Set(file.doc.sections.filter((s) => normaliseSection(s.name.text) === wanted).flatMap((s) => s.options.map((o) => o.name.text)));
  return markdownHover(sectionMarkdown(file.kind, name.text, file.renderedName, configuredRelease(file), set), name.range);
}

/** The catalogue's explanation of the option under the cursor, or undefined when the catalogue does not know it there. */
export function iniOptionMarkdown(context: FeatureContext, section: string | undefined, option: IniOption): string | undefined {
  const { file } = context;
  if (file.doc.format !== 'ini' || !isCatalogKind(file.kind) || section === undefined) return undefined;
  const release = configuredRelease(file);
  const found = lookup(file.kind, section, option.name.text, release);
  if (!found) return undefined;
  return optionMarkdown(found.entry, { kind: file.kind, fileName: file.renderedName, release, found });
}

/**
 * What the value (or the element of it under the cursor) means, as the
 * option's value type describes it. Null where the cursor is on no element,
 * the value is templated, or the type has nothing to say.
 */
export function iniValueHover(context: FeatureContext, section: string | undefined, option: IniOption, value: ValueCursor): Hover | null {
  const { file } = context;
  if (file.doc.format !== 'ini' || !isCatalogKind(file.kind) || section === undefined) return null;
  if (!value.element.text || isTemplated(value.element.text)) return null;
  const release: Release | undefined = configuredRelease(file);
  const found = lookup(file.kind, section, option.name.text, release);
  if (!found) return null;
  const type = typeAt(found.entry, release);
  const source = valueSourceOf(option, file.doc.lineIndex);
  const described = type.describeValue(source, value.offset, release ? { release } : {});
  const isDefault = !isTemplated(option.value.text) && isDefaultValue(found.entry, option, release);
  if (!described && !isDefault) return null;
  // Value types describe the list item (or the scalar) under the cursor: that is the range shown.
  const elements = type.elements(source).filter((e) => value.offset >= e.token.start && value.offset <= e.token.end);
  const token = described ? (elements.find((e) => e.role === 'item' || e.role === 'value')?.token ?? option.value) : option.value;
  const lines = [`**[${found.entry.section}] ${found.entry.name}** = ${code(token.text)}`, ''];
  if (described) lines.push(described);
  if (isDefault) lines.push(...(described ? [''] : []), 'This is the default value.');
  return markdownHover(lines.join('\n'), token.range);
}
