import type { CodeAction } from 'vscode-languageserver-types';
import type { IfcfgFacts } from '../../workspace/facts';
import { quickFix, singleFileEdit } from '../edits';
import type { FixContext } from '../fix';
import { replaceValue, stringOf } from './ifcfgEdits';

/** ifcfg-device-mismatch: DEVICE set to the file name's suffix. */
export function deviceMismatchFix({ file, diagnostic }: FixContext): CodeAction[] {
  const suffix = stringOf(diagnostic, 'suffix');
  const device = file.facts.kind === 'ifcfg' ? (file.facts as IfcfgFacts).deviceAssignment : undefined;
  if (!suffix || !device || !/^[A-Za-z0-9_.@+-]+$/.test(suffix)) return [];
  return [quickFix(`Set DEVICE=${suffix} (the file name's suffix)`, diagnostic, singleFileEdit(file.uri, [replaceValue(device, suffix)]), true)];
}
