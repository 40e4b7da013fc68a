import type { CodeAction } from 'vscode-languageserver-types';
import { normaliseSection } from '../../catalog/index';
import { quickFix, singleFileEdit } from '../edits';
import type { FixContext } from '../fix';
import { deleteOption, iniDoc, isSet, optionAt, renameOrMove, targetOf } from './optionEdits';

/**
 * deprecated-option with a successor: rename the line to the current name,
 * moving it to the successor's section when that differs (the value is kept
 * as written). When the file already sets the successor, oslo.config reads
 * that one and ignores the old line, so the fix deletes the old line
 * instead of creating a duplicate.
 */
export function deprecatedOptionFix({ file, diagnostic }: FixContext): CodeAction[] {
  const doc = iniDoc(file);
  if (!doc) return [];
  const at = optionAt(doc, diagnostic.range);
  const target = targetOf(diagnostic, 'replacement');
  if (!at || !target) return [];
  const { option, section } = at;
  const label = `[${target.section}] ${target.name}`;
  if (isSet(doc, target.section, target.name)) {
    return [quickFix(`Remove "${option.name.text}" (${label} is set and wins)`, diagnostic, singleFileEdit(file.uri, [deleteOption(doc, option)]), true)];
  }
  const sameSection = normaliseSection(section.name.text) === normaliseSection(target.section);
  const title = sameSection ? `Rename to "${target.name}"` : `Move to ${label}`;
  return [quickFix(title, diagnostic, singleFileEdit(file.uri, renameOrMove(doc, option, section, target.section, target.name)), true)];
}
