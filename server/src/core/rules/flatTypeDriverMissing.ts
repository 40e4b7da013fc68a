import type { Ml2Facts } from '../workspace/facts';
import type { NameOccurrence } from '../workspace/views';
import { joinList, quotedList, valueOrName } from './ml2Helpers';
import type { Finding, Rule } from './rule';
import { compareText } from '../text/compare';

/**
 * Flat networks are in use but the ML2 file's type_drivers does not load
 * `flat`. Judged per ML2 file: each neutron-server reads its own.
 */
export const flatTypeDriverMissing: Rule = {
  codes: ['flat-type-driver-missing'],
  scope: 'deployment',
  kinds: ['ml2'],
  reads: (kind) => (kind === 'ml2' ? ['declarations', 'agents'] : []),
  check({ file, deployment }) {
    if (file.kind !== 'ml2') return [];
    const facts = file.facts as Ml2Facts;
    const drivers = facts.typeDrivers;
    if (!drivers || drivers.templated || drivers.items.some((t) => t.text === 'flat')) return [];
    const flat = facts.flatNetworks;

    let reason: string | undefined;
    const related: NonNullable<Finding['related']> = [];
    if (flat && !flat.templated && flat.items.length > 0) {
      const names = flat.items.map((t) => t.text);
      reason = names.includes('*')
        ? 'flat_networks = * allows flat networks on any physical network'
        : `flat_networks lists ${quotedList(names)}`;
      related.push({ uri: file.uri, range: flat.option.range, message: 'flat networks are declared here' });
    } else if ((!flat || flat.templated) && deployment && !deployment.vlan.open) {
      // flat_networks is left at its default `*` (or unknown): a mapped physnet with no VLAN range can only be flat.
      const flatOnly: [string, NameOccurrence[]][] = [...deployment.mapped.names]
        .filter(([physnet]) => !deployment.vlan.names.has(physnet))
        .sort(([a], [b]) => compareText(a, b));
      if (flatOnly.length > 0) {
        const described = flatOnly.map(([physnet, where]) => `"${physnet}" (${joinList([...new Set(where.map((o) => o.file.host.name))].sort(), 3)})`);
        for (const [physnet, where] of flatOnly.slice(0, 5)) {
          for (const o of where.slice(0, 3)) related.push({ uri: o.file.uri, range: o.token.range, message: `${o.file.host.name} maps "${physnet}"` });
        }
        const one = flatOnly.length === 1;
        reason =
          `${joinList(described, 3)} ${one ? 'is' : 'are'} mapped by agents but ${one ? 'has' : 'have'} no network_vlan_ranges entry, ` +
          `so only a flat network can use ${one ? 'it' : 'them'}`;
      }
    }
    if (!reason) return [];

    const finding: Finding = {
      code: 'flat-type-driver-missing',
      range: valueOrName(drivers.option),
      message:
        `type_drivers does not load "flat", yet ${reason}. ` +
        `neutron-server on ${file.host.name} rejects every request to create a flat network, because no type driver handles network type "flat".`,
      data: { add: 'flat' },
    };
    if (related.length) finding.related = related;
    return [finding];
  },
};
