import type { Location, Position } from 'vscode-languageserver-types';
import type { IndexedFile } from '../workspace/model';
import type { FeatureContext } from './featureContext';
import { flatWildcards, sortOccurrences, symbolAt, type Occurrence } from './nameOccurrences';

/**
 * Go to definition:
 * - a physnet → where the deployment declares it (its `flat_networks` items and
 *   `network_vlan_ranges` entries); when no file names it, what lets it in
 *   anyway: a `*` in flat_networks, a templated flat_networks or
 *   network_vlan_ranges, or the `[ml2_type_flat]` section whose flat_networks
 *   is left at its default `*`;
 * - a bridge → the DEVICE value of the host's ifcfg file that creates it (the
 *   file's start when DEVICE is absent and the file name says the device);
 * - an interface of BOND_IFACES or OVS_PATCH_PEER → its own ifcfg file, the same way.
 */
export function definition(context: FeatureContext, position: Position): Location[] | null {
  const at = symbolAt(context, position);
  if (at.kind !== 'name') return null;
  const { symbol } = at;
  const declarations = symbol.occurrences.filter((o) => o.declaration);
  if (declarations.length) return toLocations(declarations);
  if (symbol.kind !== 'physnet') return null;
  const fallbacks = physnetFallbacks(symbol.scope);
  return fallbacks.length ? fallbacks : null;
}

/** Where an undeclared physnet is allowed all the same. */
function physnetFallbacks(scope: IndexedFile[]): Location[] {
  const out: Location[] = flatWildcards(scope).map(({ file, token }) => ({ uri: file.uri, range: token.range }));
  for (const file of scope) {
    if (file.facts.kind !== 'ml2' || file.doc.format !== 'ini') continue;
    const { flatNetworks, vlanRanges } = file.facts;
    if (flatNetworks?.templated) out.push({ uri: file.uri, range: flatNetworks.option.value.range });
    if (vlanRanges?.templated) out.push({ uri: file.uri, range: vlanRanges.option.value.range });
    if (!flatNetworks) {
      const section = file.doc.sections.find((s) => s.name.text === 'ml2_type_flat');
      if (section) out.push({ uri: file.uri, range: section.name.range });
    }
  }
  return out;
}

export function toLocations(occurrences: Occurrence[]): Location[] {
  return sortOccurrences(occurrences).map((o) => ({ uri: o.file.uri, range: o.range }));
}
