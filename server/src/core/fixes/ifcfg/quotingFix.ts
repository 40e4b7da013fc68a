import type { CodeAction } from 'vscode-languageserver-types';
import { quickFix, singleFileEdit } from '../edits';
import type { FixContext } from '../fix';
import { ifcfgDoc, stringOf } from './ifcfgEdits';

/** ifcfg-quoting: yes/no for on/off, double quotes around a value with unquoted spaces. */
export function quotingFix({ file, diagnostic }: FixContext): CodeAction[] {
  const replacement = stringOf(diagnostic, 'replacement');
  if (!ifcfgDoc(file) || replacement === undefined) return [];
  const kind = stringOf(diagnostic, 'kind');
  const title = kind === 'on-off' ? `Write ${replacement}` : kind === 'unquoted-space' ? 'Quote the value' : undefined;
  if (!title) return [];
  return [quickFix(title, diagnostic, singleFileEdit(file.uri, [{ range: diagnostic.range, newText: replacement }]), true)];
}
