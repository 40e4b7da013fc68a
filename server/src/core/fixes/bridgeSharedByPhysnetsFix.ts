import type { CodeAction } from 'vscode-languageserver-types';
import { quickFix, singleFileEdit } from './edits';
import type { FixContext } from './fix';
import { mappingEntryAt, removeListEntry } from './mappingEntryEdits';

/** Removes the later mapping that reuses a bridge already mapped to another physical network. */
export function bridgeSharedByPhysnetsFix({ file, diagnostic }: FixContext): CodeAction[] {
  const found = mappingEntryAt(file, diagnostic.range);
  if (!found?.previous) return [];
  const edit = removeListEntry(file, found.entry, found.previous);
  if (!edit) return [];
  return [quickFix(`Remove the mapping "${found.entry.text}"`, diagnostic, singleFileEdit(file.uri, [edit]))];
}
