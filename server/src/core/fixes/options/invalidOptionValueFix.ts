import type { CodeAction } from 'vscode-languageserver-types';
import { quickFix, singleFileEdit } from '../edits';
import type { FixContext } from '../fix';
import { iniDoc, stringOf, stringsOf } from './optionEdits';

/**
 * invalid-value in an INI file: replaces the rejected element (a choice, a
 * boolean, a bound, one tag of a VLAN range) with each valid value the value
 * type suggests, nearest first (preferred). ifcfg files have their own fix.
 */
export function invalidOptionValueFix({ file, diagnostic }: FixContext): CodeAction[] {
  const doc = iniDoc(file);
  if (!doc) return [];
  const index = doc.lineIndex;
  const current = index.text.slice(index.offsetAt(diagnostic.range.start), index.offsetAt(diagnostic.range.end));
  const key = stringOf(diagnostic, 'key');
  const suggestions = stringsOf(diagnostic, 'suggestions').filter((s) => s !== current && !/[\r\n]/.test(s));
  return suggestions.map((value, i) =>
    quickFix(
      `Change ${current ? `"${current}"` : key ?? 'the value'} to "${value}"`,
      diagnostic,
      singleFileEdit(file.uri, [{ range: diagnostic.range, newText: value }]),
      i === 0,
    ),
  );
}
