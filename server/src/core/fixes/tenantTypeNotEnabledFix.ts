import type { CodeAction } from 'vscode-languageserver-types';
import { KNOWN_NETWORK_TYPES } from '../rules/ml2Helpers';
import type { Ml2Facts } from '../workspace/facts';
import { appendListItem, quickFix, replace, singleFileEdit } from './edits';
import type { FixContext } from './fix';

/**
 * A network type without its driver: load the driver (add the type to
 * type_drivers), or, for a name no driver has, pick the nearest real one.
 */
export function tenantTypeNotEnabledFix({ file, diagnostic }: FixContext): CodeAction[] {
  if (file.kind !== 'ml2') return [];
  const data = diagnostic.data as { type?: unknown; suggestions?: unknown; source?: unknown } | undefined;
  const type = typeof data?.type === 'string' ? data.type : undefined;
  if (!type) return [];
  const lineIndex = file.doc.lineIndex;
  const actions: CodeAction[] = [];

  // Replacing only makes sense where the diagnostic stands on the type itself.
  const current = lineIndex.text.slice(lineIndex.offsetAt(diagnostic.range.start), lineIndex.offsetAt(diagnostic.range.end));
  if (data?.source !== 'default' && current === type) {
    const suggestions = Array.isArray(data?.suggestions) ? data.suggestions.filter((s): s is string => typeof s === 'string') : [];
    suggestions.forEach((name, i) =>
      actions.push(quickFix(`Change to "${name}"`, diagnostic, singleFileEdit(file.uri, [replace(diagnostic.range, name)]), i === 0)),
    );
  }

  const drivers = (file.facts as Ml2Facts).typeDrivers;
  if (drivers && !drivers.templated && !drivers.items.some((t) => t.text === type)) {
    const known = KNOWN_NETWORK_TYPES.includes(type);
    const edit = appendListItem(drivers.option, type, lineIndex);
    actions.push(quickFix(`Add "${type}" to type_drivers`, diagnostic, singleFileEdit(file.uri, [edit]), known && actions.length === 0));
  }
  return actions;
}
