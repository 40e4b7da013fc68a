import { captureNameAt } from './captures/names';
import type { CaptureDocument } from '../syntax/ast';
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
 * - an interface of BOND_IFACES or OVS_PATCH_PEER → its own ifcfg file, the same way;
 * - a bridge or an interface the host's captures show → also its block there
 *   (its `Bridge` or `Port` in `ovs-vsctl show`, its line in `ip`), after
 *   the configuration's definitions.
 */
export function definition(context: FeatureContext, position: Position): Location[] | null {
  if (context.file.doc.format === 'capture') return captureDefinition(context, context.file.doc, position);
  const at = symbolAt(context, position);
  if (at.kind !== 'name') return null;
  const { symbol } = at;
  const declarations = symbol.occurrences.filter((o) => o.declaration);
  const observed = symbol.kind === 'physnet' ? [] : observedBlocks(context, symbol.name, symbol.kind === 'bridge');
  if (declarations.length || observed.length) return [...toLocations(declarations), ...observed];
  if (symbol.kind !== 'physnet') return null;
  const fallbacks = physnetFallbacks(symbol.scope);
  return fallbacks.length ? fallbacks : null;
}

/** A device's blocks in the host's captures: a bridge's `Bridge` block, a port's `Port` block, then its `ip` line. */
function observedBlocks(context: FeatureContext, name: string, bridge: boolean): Location[] {
  const observed = context.host.network.observed;
  const devices = bridge ? observed.bridge(name) : observed.devicesNamed(name).filter((d) => d.role !== 'ovs-bridge');
  return devices.map((d) => ({ uri: d.file.uri, range: d.ranges.definition }));
}

/** From a name in a capture to where the host's configuration declares that bridge or device. */
function captureDefinition(context: FeatureContext, doc: CaptureDocument, position: Position): Location[] | null {
  const name = captureNameAt(doc, position);
  if (!name) return null;
  const declared = context.host.network.declared;
  const devices = name.kind === 'bridge' ? declared.bridge(name.token.text) : declared.devicesNamed(name.token.text);
  return devices.length ? devices.map((d) => ({ uri: d.file.uri, range: d.ranges.name })) : null;
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
