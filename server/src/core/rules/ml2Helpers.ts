import type { Range } from 'vscode-languageserver-types';
import type { IniOption } from '../syntax/ast';
import { DEFAULT_TYPE_DRIVERS, type Ml2Facts } from '../workspace/facts';
import type { IndexedFile } from '../workspace/model';

/** Shared wording and lookups of the ML2 rules (physnet-*, *-type-*, ml2-configs-disagree) and their fixes. */

/** Network types neutron ships a type driver for (the default of type_drivers). */
export const KNOWN_NETWORK_TYPES: readonly string[] = DEFAULT_TYPE_DRIVERS;

/** The option's value, or its name when the value is empty (an empty range is hard to see). */
export function valueOrName(option: IniOption): Range {
  return option.value.text ? option.value.range : option.name.range;
}

/**
 * The type drivers neutron-server loads with this ML2 file: the listed ones,
 * the defaults when type_drivers is absent, undefined when the value is templated.
 */
export function loadedTypeDrivers(facts: Ml2Facts): string[] | undefined {
  const drivers = facts.typeDrivers;
  if (!drivers) return [...DEFAULT_TYPE_DRIVERS];
  if (drivers.templated) return undefined;
  return drivers.items.map((t) => t.text);
}

/** `"a"`, `"a" and "b"`, `"a", "b", "c" and 4 more`. */
export function quotedList(names: readonly string[], limit = 4): string {
  return joinList(
    names.map((n) => `"${n}"`),
    limit,
  );
}

/** `a`, `a and b`, `a, b, c and 4 more`. */
export function joinList(items: readonly string[], limit = 4): string {
  if (items.length <= 1) return items.join('');
  if (items.length <= limit) return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  return `${items.slice(0, limit - 1).join(', ')} and ${items.length - (limit - 1)} more`;
}

/** Host names of files, distinct and sorted: `compute-0, compute-1 and 3 more (5 hosts)`. */
export function hostsOf(files: readonly IndexedFile[], limit = 3): string {
  const names = [...new Set(files.map((f) => f.host.name))].sort((a, b) => a.localeCompare(b));
  const listed = joinList(names, limit);
  return names.length > limit ? `${listed} (${names.length} hosts)` : listed;
}

/**
 * How to name an ML2 file to users: its host, or its path when another ML2
 * file of the same deployment sits on that host too.
 */
export function ml2Label(file: IndexedFile, peers: readonly IndexedFile[]): string {
  const shared = peers.some((p) => p !== file && p.host.name === file.host.name);
  return shared ? file.relativePath : file.host.name;
}

