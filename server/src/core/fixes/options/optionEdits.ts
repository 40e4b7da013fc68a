import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { normaliseSection } from '../../catalog/index';
import type { IniDocument, IniOption, IniSection } from '../../syntax/ast';
import type { IndexedFile } from '../../workspace/model';
import { deleteLines, eol } from '../edits';
import type { FixContext, QuickFix } from '../fix';

/** Edits of INI option lines shared by the option quick fixes: rename, move to another section, delete. */

export function iniDoc(file: IndexedFile): IniDocument | undefined {
  return file.doc.format === 'ini' && file.kind !== 'ifcfg' ? file.doc : undefined;
}

/** The option whose name the diagnostic stands on. */
export function optionAt(doc: IniDocument, range: Range): { option: IniOption; section: IniSection } | undefined {
  for (const section of doc.sections) {
    for (const option of section.options) {
      const start = option.name.range.start;
      if (start.line === range.start.line && start.character === range.start.character) return { option, section };
    }
  }
  return undefined;
}

export function stringOf(diagnostic: Diagnostic, key: string): string | undefined {
  const value = (diagnostic.data as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : undefined;
}

export function stringsOf(diagnostic: Diagnostic, key: string): string[] {
  const value = (diagnostic.data as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** `{section, name}` from the diagnostic's data. */
export function targetOf(diagnostic: Diagnostic, key: string): { section: string; name: string } | undefined {
  const value = (diagnostic.data as Record<string, unknown> | undefined)?.[key] as { section?: unknown; name?: unknown } | undefined;
  return typeof value?.section === 'string' && typeof value.name === 'string' ? { section: value.section, name: value.name } : undefined;
}

/** Deletes the option's lines, continuation lines included. */
export function deleteOption(doc: IniDocument, option: IniOption): TextEdit {
  return deleteLines(option.name.range.start.line, option.range.end.line, doc.lineIndex);
}

/** Whether the document sets `name` in `section` (section names matched as oslo.config does). */
export function isSet(doc: IniDocument, section: string, name: string): boolean {
  const wanted = normaliseSection(section);
  return doc.sections.some((s) => normaliseSection(s.name.text) === wanted && s.options.some((o) => o.name.text === name));
}

/**
 * Moves an option to another section under a (possibly) new name, keeping
 * its value exactly as written (continuation lines too): the old lines go,
 * the new one follows the last option of the target section, or a new
 * section at the end of the file holds it.
 */
export function moveOption(doc: IniDocument, option: IniOption, section: string, name: string): TextEdit[] {
  const index = doc.lineIndex;
  const nl = eol(index);
  const lastLine = option.range.end.line;
  const line = name + index.text.slice(option.name.end, index.lineEnd(lastLine));
  const edits: TextEdit[] = [deleteOption(doc, option)];
  const wanted = normaliseSection(section);
  const target = [...doc.sections].reverse().find((s) => normaliseSection(s.name.text) === wanted);
  if (target) {
    const last = target.options[target.options.length - 1];
    const after = last ? last.range.end.line : target.headerRange.end.line;
    const at = index.lineEnd(after);
    edits.push({ range: index.range(at, at), newText: nl + line });
  } else {
    const text = index.text;
    const at = text.length;
    const lead = text.length === 0 ? '' : /(\r\n|\n|\r)$/.test(text) ? nl : nl + nl;
    edits.push({ range: index.range(at, at), newText: `${lead}[${section}]${nl}${line}${nl}` });
  }
  return edits;
}

/** Renames in place when the section stays, moves otherwise. */
export function renameOrMove(doc: IniDocument, option: IniOption, from: IniSection, section: string, name: string): TextEdit[] {
  if (normaliseSection(from.name.text) === normaliseSection(section)) return [{ range: option.name.range, newText: name }];
  return moveOption(doc, option, section, name);
}

/** Runs several fixes for one code; each one ignores the files it is not about. */
export function allFixes(...fixes: (QuickFix | undefined)[]): QuickFix {
  return (context: FixContext): CodeAction[] => fixes.flatMap((fix) => (fix ? fix(context) : []));
}
