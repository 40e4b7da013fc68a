import type { CodeAction } from 'vscode-languageserver-types';
import { deleteLines, quickFix, singleFileEdit } from './edits';
import type { FixContext } from './fix';

/** Deletes the overridden (dead) occurrence of a duplicated option, continuation lines included. */
export function duplicateOptionFix({ file, diagnostic }: FixContext): CodeAction[] {
  if (file.doc.format !== 'ini') return [];
  const line = diagnostic.range.start.line;
  const option = file.doc.sections.flatMap((s) => s.options).find((o) => o.name.range.start.line === line);
  if (!option) return [];
  const edit = deleteLines(line, option.range.end.line, file.doc.lineIndex);
  return [quickFix(`Remove this overridden "${option.name.text}" line`, diagnostic, singleFileEdit(file.uri, [edit]), true)];
}
