import type { CodeAction } from 'vscode-languageserver-types';
import type { IfcfgFacts } from '../../workspace/facts';
import { quickFix, singleFileEdit } from '../edits';
import type { FixContext } from '../fix';
import { ifcfgDoc, setVariable } from './ifcfgEdits';

/** ifcfg-ovs-devicetype-missing: DEVICETYPE=ovs, in place or on a new line after TYPE. */
export function ovsDevicetypeMissingFix({ file, diagnostic }: FixContext): CodeAction[] {
  const doc = ifcfgDoc(file);
  if (!doc) return [];
  const edit = setVariable(doc, 'DEVICETYPE', 'ovs', (file.facts as IfcfgFacts).typeAssignment);
  return [quickFix('Set DEVICETYPE=ovs', diagnostic, singleFileEdit(file.uri, [edit]), true)];
}
