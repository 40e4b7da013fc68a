import type { CodeAction } from 'vscode-languageserver-types';
import { quickFix, singleFileEdit } from '../edits';
import type { FixContext } from '../fix';
import { iniDoc, isSet, moveOption, optionAt, stringsOf, targetOf } from './optionEdits';

/**
 * unknown-option: move the line to the section of this file that has the
 * name (preferred), or rename it to each suggested name (the nearest first),
 * or, for a name the configured release does not read yet, go back to the
 * name that release reads.
 */
export function unknownOptionFix({ file, diagnostic }: FixContext): CodeAction[] {
  const doc = iniDoc(file);
  if (!doc) return [];
  const at = optionAt(doc, diagnostic.range);
  if (!at) return [];
  const { option } = at;
  const actions: CodeAction[] = [];
  // The exact name in another section is a stronger hint than a near miss in this one.
  for (const section of stringsOf(diagnostic, 'sections')) {
    if (isSet(doc, section, option.name.text)) continue;
    actions.push(quickFix(`Move to [${section}]`, diagnostic, singleFileEdit(file.uri, moveOption(doc, option, section, option.name.text)), actions.length === 0));
  }
  for (const name of stringsOf(diagnostic, 'suggestions').filter((n) => n !== option.name.text)) {
    actions.push(quickFix(`Rename to "${name}"`, diagnostic, singleFileEdit(file.uri, [{ range: option.name.range, newText: name }]), actions.length === 0));
  }
  const move = targetOf(diagnostic, 'move');
  if (move && !isSet(doc, move.section, move.name)) {
    actions.push(quickFix(`Move to [${move.section}] ${move.name}`, diagnostic, singleFileEdit(file.uri, moveOption(doc, option, move.section, move.name)), actions.length === 0));
  }
  return actions;
}
