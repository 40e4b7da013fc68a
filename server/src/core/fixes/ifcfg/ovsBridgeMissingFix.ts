import type { CodeAction } from 'vscode-languageserver-types';
import type { IfcfgFacts } from '../../workspace/facts';
import { quickFix, singleFileEdit } from '../edits';
import type { FixContext } from '../fix';
import { ifcfgDoc, setVariable, stringsOf } from './ifcfgEdits';

/** ifcfg-ovs-bridge-missing: OVS_BRIDGE set to one of the host's bridges (the only one is preferred). */
export function ovsBridgeMissingFix({ file, diagnostic }: FixContext): CodeAction[] {
  const doc = ifcfgDoc(file);
  if (!doc) return [];
  const facts = file.facts as IfcfgFacts;
  const bridges = stringsOf(diagnostic, 'bridges').filter((b) => /^[A-Za-z0-9_.-]+$/.test(b) && b !== facts.device);
  return bridges.map((bridge) =>
    quickFix(
      `Set OVS_BRIDGE=${bridge}`,
      diagnostic,
      singleFileEdit(file.uri, [setVariable(doc, 'OVS_BRIDGE', bridge, facts.typeAssignment)]),
      bridges.length === 1,
    ),
  );
}
