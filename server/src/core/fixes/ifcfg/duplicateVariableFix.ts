import type { CodeAction } from 'vscode-languageserver-types';
import { deleteLines, quickFix, singleFileEdit } from '../edits';
import type { FixContext } from '../fix';
import { ifcfgDoc, replaceValue } from './ifcfgEdits';

/**
 * duplicate-variable: for a list variable (OVS_OPTIONS, BONDING_OPTS …),
 * merges both values into the last assignment, which bash keeps (preferred,
 * nothing is lost); always offers to remove the overridden line.
 */
export function duplicateVariableFix({ file, diagnostic }: FixContext): CodeAction[] {
  const doc = ifcfgDoc(file);
  const data = diagnostic.data as { key?: unknown; later?: unknown; mergeable?: unknown } | undefined;
  if (!doc || typeof data?.key !== 'string' || typeof data.later !== 'number') return [];
  const earlier = doc.assignments.find((a) => a.line === diagnostic.range.start.line && a.key.text === data.key);
  const later = doc.assignments.find((a) => a.line === data.later && a.key.text === data.key);
  if (!earlier || !later) return [];
  const remove = deleteLines(earlier.line, earlier.line, doc.lineIndex);
  const actions: CodeAction[] = [];
  if (data.mergeable === true && !earlier.expands && !later.expands) {
    const words = [...earlier.value.text.split(/\s+/), ...later.value.text.split(/\s+/)].filter(Boolean);
    const joined = [...new Set(words)].join(' ');
    const merged = later.quoting === 'single' || later.quoting === 'double' ? joined : `"${joined}"`;
    actions.push(quickFix(`Merge both ${data.key} values into one line`, diagnostic, singleFileEdit(file.uri, [replaceValue(later, merged), remove]), true));
  }
  actions.push(quickFix(`Remove this overridden ${data.key} line`, diagnostic, singleFileEdit(file.uri, [remove]), actions.length === 0));
  return actions;
}
