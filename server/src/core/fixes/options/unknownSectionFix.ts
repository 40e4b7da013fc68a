import type { CodeAction } from 'vscode-languageserver-types';
import { quickFix, singleFileEdit } from '../edits';
import type { FixContext } from '../fix';
import { iniDoc, stringsOf } from './optionEdits';

/** unknown-section: renames the header to each nearby section name of this file kind (the nearest is preferred). */
export function unknownSectionFix({ file, diagnostic }: FixContext): CodeAction[] {
  const doc = iniDoc(file);
  if (!doc) return [];
  const header = doc.sections.find((s) => s.name.range.start.line === diagnostic.range.start.line);
  if (!header) return [];
  return stringsOf(diagnostic, 'suggestions')
    .filter((s) => s !== header.name.text)
    .map((name, i) => quickFix(`Rename the section to [${name}]`, diagnostic, singleFileEdit(file.uri, [{ range: header.name.range, newText: name }]), i === 0));
}
