import type { CodeAction } from 'vscode-languageserver-types';
import { quickFix, singleFileEdit } from '../edits';
import type { FixContext } from '../fix';
import { ifcfgDoc, stringOf, stringsOf } from './ifcfgEdits';

/** invalid-value in an ifcfg file: replaces the rejected span with each suggested value (the only one is preferred). */
export function invalidValueFix({ file, diagnostic }: FixContext): CodeAction[] {
  if (!ifcfgDoc(file)) return [];
  const key = stringOf(diagnostic, 'key');
  // Values go in unquoted or inside the quotes already there, so only plain words are offered.
  const suggestions = stringsOf(diagnostic, 'suggestions').filter((s) => /^[A-Za-z0-9_.:\/=+-]+$/.test(s));
  return suggestions.map((value) =>
    quickFix(
      key ? `Change ${key} to ${value}` : `Change to ${value}`,
      diagnostic,
      singleFileEdit(file.uri, [{ range: diagnostic.range, newText: value }]),
      suggestions.length === 1,
    ),
  );
}
