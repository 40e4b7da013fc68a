import type { CodeAction } from 'vscode-languageserver-types';
import { findOption } from '../workspace/facts';
import { quickFix, singleFileEdit } from './edits';
import type { FixContext } from './fix';

/** Empties external_network_bridge (`external_network_bridge =`), quotes and continuation lines included. */
export function externalNetworkBridgeSetFix({ file, diagnostic }: FixContext): CodeAction[] {
  if (file.kind !== 'l3-agent' || file.doc.format !== 'ini') return [];
  const option = findOption(file.doc, 'DEFAULT', 'external_network_bridge');
  if (!option) return [];
  const index = file.doc.lineIndex;
  const at = index.offsetAt(diagnostic.range.start);
  if (at < option.name.start || at > index.offsetAt(option.range.end)) return [];
  const edit = { range: index.range(option.separator.end, index.offsetAt(option.range.end)), newText: '' };
  return [quickFix('Empty external_network_bridge', diagnostic, singleFileEdit(file.uri, [edit]), true)];
}
