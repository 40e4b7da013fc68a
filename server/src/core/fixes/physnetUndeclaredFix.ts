import type { CodeAction, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { joinList, ml2Label } from '../rules/ml2Helpers';
import type { Ml2Facts } from '../workspace/facts';
import type { IndexedFile } from '../workspace/model';
import { appendListItem, quickFix, replace, singleFileEdit } from './edits';
import type { FixContext } from './fix';

/**
 * For a mapped physnet the ML2 config does not allow: rename it to a declared
 * physnet (did-you-mean), or declare it as a flat network. The declaration
 * goes into every ML2 file of the deployment that lists flat networks, in one
 * edit, so HA controllers stay in agreement.
 */
export function physnetUndeclaredFix({ file, diagnostic, deployment }: FixContext): CodeAction[] {
  const data = diagnostic.data as { physnet?: unknown; suggestions?: unknown } | undefined;
  const physnet = typeof data?.physnet === 'string' ? data.physnet : undefined;
  if (!physnet) return [];
  const lineIndex = file.doc.lineIndex;
  const current = lineIndex.text.slice(lineIndex.offsetAt(diagnostic.range.start), lineIndex.offsetAt(diagnostic.range.end));
  if (current !== physnet) return []; // the document moved on since the diagnostic

  // A capture is evidence of what the host had: it is fixed on the host (ovs-vsctl set …), never edited here.
  const suggestions =
    file.kind !== 'capture' && Array.isArray(data?.suggestions) ? data.suggestions.filter((s): s is string => typeof s === 'string') : [];
  const actions = suggestions.map((name, i) =>
    quickFix(`Change to "${name}"`, diagnostic, singleFileEdit(file.uri, [replace(diagnostic.range, name)]), i === 0),
  );

  const targets = (deployment?.ml2Files ?? []).filter((ml2) => canDeclareFlat(ml2, physnet));
  if (targets.length > 0) {
    const changes: Record<string, TextEdit[]> = {};
    for (const ml2 of targets) {
      const option = (ml2.facts as Ml2Facts).flatNetworks!.option;
      changes[ml2.uri] = [appendListItem(option, physnet, ml2.doc.lineIndex)];
    }
    const all = deployment!.ml2Files;
    const where =
      targets.length === 1
        ? `${ml2Label(targets[0], all)}'s ML2 config`
        : `the ML2 configs of ${joinList(targets.map((t) => ml2Label(t, all)))}`;
    const edit: WorkspaceEdit = { changes };
    actions.push(quickFix(`Add "${physnet}" to flat_networks in ${where}`, diagnostic, edit, suggestions.length === 0));
  }
  return actions;
}

/** An ML2 file whose literal flat_networks list does not yet allow the physnet. */
function canDeclareFlat(ml2: IndexedFile, physnet: string): boolean {
  const flat = (ml2.facts as Ml2Facts).flatNetworks;
  return flat !== undefined && !flat.templated && !flat.items.some((t) => t.text === physnet || t.text === '*');
}
