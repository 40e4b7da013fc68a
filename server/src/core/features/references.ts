import { DocumentHighlightKind, type DocumentHighlight, type Location, type Position } from 'vscode-languageserver-types';
import { toLocations } from './definition';
import type { FeatureContext } from './featureContext';
import { symbolAt } from './nameOccurrences';

/**
 * Find references: a physnet across its deployment, a bridge or an interface
 * across its host. Declarations (flat_networks / network_vlan_ranges items;
 * DEVICE lines, or the file start of an ifcfg file without DEVICE) are
 * included only when asked.
 */
export function references(context: FeatureContext, position: Position, includeDeclaration: boolean): Location[] {
  const at = symbolAt(context, position);
  if (at.kind !== 'name') return [];
  return toLocations(at.symbol.occurrences.filter((o) => includeDeclaration || !o.declaration));
}

/** The same name within this file: declarations as writes, uses as reads. */
export function documentHighlights(context: FeatureContext, position: Position): DocumentHighlight[] {
  const at = symbolAt(context, position);
  if (at.kind === 'wildcard') return [{ range: at.token.range, kind: DocumentHighlightKind.Text }];
  if (at.kind !== 'name') return [];
  return at.symbol.occurrences
    .filter((o) => o.file === context.file && o.site !== 'file-name')
    .sort((a, b) => a.start - b.start)
    .map((o) => ({ range: o.range, kind: o.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
}
