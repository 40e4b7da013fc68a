import type { CodeAction } from 'vscode-languageserver-types';
import { quickFix, singleFileEdit } from '../edits';
import type { FixContext } from '../fix';
import { stringsOf } from './ifcfgEdits';

/** unknown-variable: renames the key to each known name it is close to (the only one is preferred). */
export function unknownVariableFix({ file, diagnostic }: FixContext): CodeAction[] {
  const suggestions = stringsOf(diagnostic, 'suggestions').filter((s) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s));
  return suggestions.map((name) =>
    quickFix(`Rename to ${name}`, diagnostic, singleFileEdit(file.uri, [{ range: diagnostic.range, newText: name }]), suggestions.length === 1),
  );
}
