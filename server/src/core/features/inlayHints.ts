import { rangeContains } from '../text/ranges';
import type { InlayHint, Position, Range } from 'vscode-languageserver-types';
import { isTemplated } from '../syntax/templates';
import { splitToken } from '../syntax/valueElements';
import type { FeatureContext } from './featureContext';

/**
 * Hints where an ML2 value says less than it means:
 * - after a `network_vlan_ranges` entry, how many VLAN tags it gives
 *   (`physnet1:100:200` → `101 tags`; `physnet1` alone → `4094 tags`);
 * - after a `*` in flat_networks: any physnet may carry flat networks;
 * - after an empty flat_networks: flat networks are disabled;
 * - where flat_networks is left out (after `[ml2_type_flat]`, else after
 *   `flat` in type_drivers): its default `*`.
 */
export function inlayHints(context: FeatureContext, range: Range): InlayHint[] {
  const { file } = context;
  if (file.facts.kind !== 'ml2' || file.doc.format !== 'ini') return [];
  const { lineIndex } = file.doc;
  const hints: InlayHint[] = [];
  const hint = (position: Position, label: string, tooltip: string) => hints.push({ position, label, tooltip, paddingLeft: true });

  for (const { entry } of file.facts.vlanRanges?.entries ?? []) {
    if (isTemplated(entry.text)) continue;
    const parts = splitToken(entry, ':', lineIndex);
    if (parts.length === 1 && parts[0].text) {
      hint(entry.range.end, '4094 tags', `No range given: ${parts[0].text} may use every VLAN tag, 1–4094.`);
    } else if (parts.length === 3 && /^\d+$/.test(parts[1].text) && /^\d+$/.test(parts[2].text)) {
      const [lo, hi] = [Number(parts[1].text), Number(parts[2].text)];
      if (lo < 1 || hi > 4094 || lo > hi) continue;
      const count = hi - lo + 1;
      hint(entry.range.end, `${count} tag${count === 1 ? '' : 's'}`, `VLAN tags ${lo}–${hi} of ${parts[0].text || 'this physnet'}.`);
    }
  }

  const flat = file.facts.flatNetworks;
  if (flat && !flat.templated) {
    for (const item of flat.items) {
      if (item.text === '*') hint(item.range.end, 'any physnet', 'Flat networks may use any physnet name; each host still has to map it in bridge_mappings.');
    }
    if (flat.items.length === 0) hint(flat.option.value.range.end, 'flat networks disabled', 'An empty flat_networks allows no flat provider network.');
  } else if (!flat) {
    const label = 'flat_networks = * (default)';
    const tooltip = 'flat_networks is not set, so it keeps its default "*" (since Mitaka): flat networks may use any physnet name.';
    const section = file.doc.sections.find((s) => s.name.text === 'ml2_type_flat');
    const flatDriver = file.facts.typeDrivers?.templated ? undefined : file.facts.typeDrivers?.items.find((i) => i.text === 'flat');
    if (section) hint(section.headerRange.end, label, tooltip);
    else if (flatDriver) hint(flatDriver.range.end, label, tooltip);
  }
  return hints.filter((h) => rangeContains(range, h.position)).sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}

