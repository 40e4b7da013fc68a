import { nearestNames } from '../text/nearest';
import type { Range } from 'vscode-languageserver-types';
import type { Ml2Facts } from '../workspace/facts';
import { KNOWN_NETWORK_TYPES, loadedTypeDrivers, valueOrName } from './ml2Helpers';
import type { Finding, Rule } from './rule';

/**
 * Every type in tenant_network_types / project_network_types and the
 * external_network_type must have its type driver loaded, or neutron-server
 * exits at start. Judged per ML2 file.
 */
export const tenantTypeNotEnabled: Rule = {
  codes: ['tenant-type-not-enabled'],
  scope: 'file',
  kinds: ['ml2'],
  check({ file }) {
    if (file.kind !== 'ml2') return [];
    const facts = file.facts as Ml2Facts;
    const loaded = loadedTypeDrivers(facts);
    if (!loaded) return [];
    const drivers = facts.typeDrivers;
    const loadedText = drivers
      ? loaded.length
        ? `type_drivers loads only ${loaded.join(', ')}`
        : 'type_drivers is empty'
      : `type_drivers is not set, so only the default drivers (${loaded.join(', ')}) load`;
    const findings: Finding[] = [];
    const report = (type: string, range: Range, where: string, source: 'tenant' | 'external' | 'default') => {
      const known = KNOWN_NETWORK_TYPES.includes(type);
      const suggestions = known ? [] : nearestNames(type, [...loaded, ...KNOWN_NETWORK_TYPES]);
      const hint = suggestions.length ? ` Did you mean "${suggestions[0]}"?` : '';
      findings.push({
        code: 'tenant-type-not-enabled',
        range,
        message:
          `${where}, but no type driver serves network type "${type}": ${loadedText}. ` +
          `neutron-server on ${file.host.name} reports the missing driver and exits at start.${hint}`,
        data: { type, suggestions, source },
      });
    };

    const tenant = facts.tenantNetworkTypes;
    if (tenant && !tenant.templated) {
      for (const item of tenant.items) {
        if (!loaded.includes(item.text)) report(item.text, item.range, `${tenant.option.name.text} lists "${item.text}"`, 'tenant');
      }
    } else if (!tenant && drivers && !loaded.includes('local')) {
      // Not set: neutron-server allocates project networks of its default type, local.
      report('local', valueOrName(drivers.option), 'tenant_network_types is not set and defaults to "local"', 'default');
    }

    const external = facts.externalNetworkType;
    const externalType = external?.option.value.text ?? '';
    // `<None>` is how sample files spell "not set"; left uncommented it is read as unset by this checker.
    if (external && !external.templated && externalType && externalType !== '<None>' && !loaded.includes(externalType)) {
      report(externalType, external.option.value.range, `external_network_type is "${externalType}"`, 'external');
    }
    return findings;
  },
};
