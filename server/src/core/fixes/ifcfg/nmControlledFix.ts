import type { CodeAction } from 'vscode-languageserver-types';
import { quickFix, singleFileEdit } from '../edits';
import type { FixContext } from '../fix';
import { ifcfgDoc, setVariable } from './ifcfgEdits';

/** ifcfg-nm-controlled: NM_CONTROLLED=no, in place or after the last assignment. */
export function nmControlledFix({ file, diagnostic }: FixContext): CodeAction[] {
  const doc = ifcfgDoc(file);
  if (!doc) return [];
  return [quickFix('Set NM_CONTROLLED=no', diagnostic, singleFileEdit(file.uri, [setVariable(doc, 'NM_CONTROLLED', 'no')]), true)];
}
