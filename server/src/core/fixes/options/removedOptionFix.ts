import type { CodeAction } from 'vscode-languageserver-types';
import { normaliseSection } from '../../catalog/index';
import { quickFix, singleFileEdit } from '../edits';
import type { FixContext } from '../fix';
import { deleteOption, iniDoc, isSet, optionAt, renameOrMove, targetOf } from './optionEdits';

/**
 * removed-option: delete the line with its continuation lines. When an option
 * of this file took over under a new name (an old name, or a setting that
 * moved), renaming or moving the line keeps the setting and is preferred,
 * unless the file already sets the successor.
 */
export function removedOptionFix({ file, diagnostic }: FixContext): CodeAction[] {
  const doc = iniDoc(file);
  if (!doc) return [];
  const at = optionAt(doc, diagnostic.range);
  if (!at) return [];
  const { option, section } = at;
  const actions: CodeAction[] = [];
  const target = targetOf(diagnostic, 'replacement');
  if (target && !isSet(doc, target.section, target.name)) {
    const sameSection = normaliseSection(section.name.text) === normaliseSection(target.section);
    const title = sameSection ? `Rename to "${target.name}"` : `Move to [${target.section}] ${target.name}`;
    actions.push(quickFix(title, diagnostic, singleFileEdit(file.uri, renameOrMove(doc, option, section, target.section, target.name)), true));
  }
  actions.push(quickFix(`Delete the "${option.name.text}" line`, diagnostic, singleFileEdit(file.uri, [deleteOption(doc, option)]), actions.length === 0));
  return actions;
}
