import type { Range } from 'vscode-languageserver-types';
import type { IniOption } from '../syntax/ast';
import { DEFAULT_TYPE_DRIVERS, type Ml2Facts } from '../workspace/facts';
import type { IndexedFile } from '../workspace/model';
import { compareText } from '../text/compare';

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

/** hostsOf answers for frozen arrays (a deployment's files, which the index never changes), by limit. */
const hostsOfCache = new WeakMap<readonly IndexedFile[], Map<number, string>>();

/** Host names of files, distinct and sorted: `compute-0, compute-1 and 3 more (5 hosts)`. */
export function hostsOf(files: readonly IndexedFile[], limit = 3): string {
  if (!Object.isFrozen(files)) return listHosts(files, limit);
  let byLimit = hostsOfCache.get(files);
  if (!byLimit) hostsOfCache.set(files, (byLimit = new Map()));
  let listed = byLimit.get(limit);
  if (listed === undefined) byLimit.set(limit, (listed = listHosts(files, limit)));
  return listed;
}

function listHosts(files: readonly IndexedFile[], limit: number): string {
  const distinct = new Set<string>();
  for (const f of files) distinct.add(f.host.name);
  const n = distinct.size;
  const byName = (a: string, b: string) => compareText(a, b);
  let listed: string;
  if (limit < 1) listed = joinList([...distinct].sort(byName), limit);
  else if (n <= limit) listed = joinList([...distinct].sort(byName), limit);
  // Only the first names in order are shown: pick them without sorting them all.
  else listed = `${firstSorted(distinct, limit - 1, byName).join(', ')} and ${n - (limit - 1)} more`;
  return n > limit ? `${listed} (${n} hosts)` : listed;
}

/** The first `count` items as a stable sort by `compare` would order them. */
function firstSorted<T>(items: Iterable<T>, count: number, compare: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  if (count <= 0) return top;
  for (const item of items) {
    if (top.length === count && compare(item, top[count - 1]) >= 0) continue;
    let i = top.length;
    while (i > 0 && compare(item, top[i - 1]) < 0) i--;
    top.splice(i, 0, item);
    if (top.length > count) top.pop();
  }
  return top;
}

/**
 * How to name an ML2 file to users: its host, or its path when another ML2
 * file of the same deployment sits on that host too.
 */
export function ml2Label(file: IndexedFile, peers: readonly IndexedFile[]): string {
  const shared = peers.some((p) => p !== file && p.host.name === file.host.name);
  return shared ? file.relativePath : file.host.name;
}

