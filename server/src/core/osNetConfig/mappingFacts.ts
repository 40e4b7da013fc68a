import type { Scalar } from 'yaml';
import type { Token, YamlDocument } from '../syntax/ast';
import { isTemplated } from '../syntax/templates';
import { yaml } from '../syntax/yamlLibrary';
import { scalarToken } from '../syntax/yamlScalars';
import type { FactsBase } from '../workspace/facts';

/**
 * os-net-config's mapping file (`/etc/os-net-config/mapping.yaml`, its
 * `--mapping-file` default, os_net_config/cli.py): under `interface_mapping`,
 * each abstract name (`nic2`) maps to a kernel name (`eth1`) or to a MAC
 * address, which os-net-config looks up among the host's NICs
 * (os_net_config/objects.py, mapped_nics).
 */
export interface NicMappingEntry {
  /** The abstract name (`nic2`). */
  alias: Token;
  /** What it maps to, as written. */
  target: Token;
  /** The target is a MAC address, resolved only on the host. */
  mac: boolean;
}

export interface OsNetConfigMappingFacts extends FactsBase {
  kind: 'os-net-config-mapping';
  entries: NicMappingEntry[];
  /** Templated, not loadable, or an entry not read: a name absent from `entries` may still be mapped. */
  uncertain: boolean;
}

/** The MAC spellings netaddr's valid_mac accepts in practice (colons, dashes, Cisco dots, bare hex). */
const MAC = /^(?:[0-9a-f]{1,2}(?:[:-][0-9a-f]{1,2}){5}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}|[0-9a-f]{12})$/i;

export function isMacAddress(text: string): boolean {
  return MAC.test(text);
}

export function osNetConfigMappingFacts(doc: YamlDocument): OsNetConfigMappingFacts {
  const facts: OsNetConfigMappingFacts = { kind: 'os-net-config-mapping', entries: [], uncertain: doc.templated || doc.problems.length > 0 };
  const { isMap, isScalar } = yaml();
  if (!isMap(doc.root)) return facts;
  const section = doc.root.items.find((p) => isScalar(p.key) && p.key.value === 'interface_mapping')?.value;
  if (section === undefined || section === null) return facts;
  if (!isMap(section)) return { ...facts, uncertain: true };
  for (const pair of section.items) {
    const key = isScalar(pair.key) ? (pair.key as Scalar) : undefined;
    const value = isScalar(pair.value) ? (pair.value as Scalar) : undefined;
    const alias = key && typeof key.value === 'string' ? scalarToken(key, doc.lineIndex) : undefined;
    // A number (an unquoted all-digit MAC YAML 1.1 reads as sexagesimal) or an expression is not known for sure.
    const target = value && typeof value.value === 'string' ? scalarToken(value, doc.lineIndex) : undefined;
    if (!alias || !target || isTemplated(alias.text) || isTemplated(target.text)) {
      facts.uncertain = true;
      continue;
    }
    facts.entries.push({ alias, target, mac: isMacAddress(target.text) });
  }
  return facts;
}
