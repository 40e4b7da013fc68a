import type { Range, TextEdit } from 'vscode-languageserver-types';
import { ovsAgentFactsOf } from '../workspace/facts';
import type { IndexedFile } from '../workspace/model';
import { listItems } from '../syntax/valueElements';
import type { Token } from '../syntax/ast';

/**
 * The bridge_mappings entry (`physnet:bridge`, as one list item) that holds
 * `range`, with the item before it, if any.
 */
export function mappingEntryAt(file: IndexedFile, range: Range): { entry: Token; previous: Token | undefined } | undefined {
  if (file.doc.format !== 'ini') return undefined;
  const fact = ovsAgentFactsOf(file.facts)?.bridgeMappings;
  if (!fact) return undefined;
  const index = file.doc.lineIndex;
  const at = index.offsetAt(range.start);
  const items = listItems(fact.option, index);
  const i = items.findIndex((item) => item.start <= at && at < item.end);
  if (i < 0) return undefined;
  return { entry: items[i], previous: i > 0 ? items[i - 1] : undefined };
}

/**
 * Removes one entry from the list together with the comma that joins it to
 * the previous entry (`a:x, b:y, a:z` without `a:z` is `a:x, b:y`); the
 * first entry goes with the comma after it. The rest stays as written.
 */
export function removeListEntry(file: IndexedFile, entry: Token, previous: Token | undefined): TextEdit | undefined {
  if (file.doc.format !== 'ini') return undefined;
  const index = file.doc.lineIndex;
  if (previous) return { range: index.range(previous.end, entry.end), newText: '' };
  const text = index.text;
  let end = entry.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  if (text[end] !== ',') return { range: index.range(entry.start, entry.end), newText: '' };
  end++;
  while (end < text.length && /\s/.test(text[end])) end++;
  return { range: index.range(entry.start, end), newText: '' };
}
