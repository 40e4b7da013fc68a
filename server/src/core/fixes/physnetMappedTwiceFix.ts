import type { CodeAction } from 'vscode-languageserver-types';
import { quickFix, singleFileEdit } from './edits';
import type { FixContext } from './fix';
import { mappingEntryAt, removeListEntry } from './mappingEntryEdits';

/** Removes the repeated mapping of a physical network (the entry the diagnostic stands on). */
export function physnetMappedTwiceFix({ file, diagnostic }: FixContext): CodeAction[] {
  const found = mappingEntryAt(file, diagnostic.range);
  if (!found?.previous) return [];
  const edit = removeListEntry(file, found.entry, found.previous);
  if (!edit) return [];
  const data = diagnostic.data as { bridge?: unknown; firstBridge?: unknown } | undefined;
  // Dropping an exact repeat changes nothing the agent would do: preferred.
  const exactRepeat = data !== undefined && data.bridge === data.firstBridge;
  return [quickFix(`Remove the repeated mapping "${found.entry.text}"`, diagnostic, singleFileEdit(file.uri, [edit]), exactRepeat)];
}
