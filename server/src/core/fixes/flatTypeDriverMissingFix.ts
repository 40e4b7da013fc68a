import type { CodeAction } from 'vscode-languageserver-types';
import type { Ml2Facts } from '../workspace/facts';
import { appendListItem, quickFix, singleFileEdit } from './edits';
import type { FixContext } from './fix';

/** Adds `flat` to type_drivers, in the separator style the line already uses. */
export function flatTypeDriverMissingFix({ file, diagnostic }: FixContext): CodeAction[] {
  if (file.kind !== 'ml2') return [];
  const drivers = (file.facts as Ml2Facts).typeDrivers;
  if (!drivers || drivers.templated || drivers.items.some((t) => t.text === 'flat')) return [];
  const edit = appendListItem(drivers.option, 'flat', file.doc.lineIndex);
  return [quickFix('Add "flat" to type_drivers', diagnostic, singleFileEdit(file.uri, [edit]), true)];
}
