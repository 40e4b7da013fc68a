/**
 * OpenStack releases, in order, as the catalogue's history and the user's
 * `release` setting name them.
 *
 * A release is named by its series id: the lower-case code name up to Zed
 * (`zed`), the year-based version from 2023.1 on (`2023.1`). Either spelling,
 * the code name of a year-based release (`antelope`) and Neutron's own major
 * version (`21` = Zed) are accepted when parsing a setting.
 */

export interface Release {
  /** Position in {@link RELEASES}; larger is newer. */
  readonly index: number;
  /** Series id used throughout the catalogue: `icehouse` … `zed`, `2023.1` … */
  readonly id: ReleaseId;
  /** Code name, capitalised (`Zed`, `Antelope`). */
  readonly codename: string;
  /** Year-based version (`2023.1`), for releases that have one. */
  readonly version?: string;
  /** Neutron's version for the release: the major number (`21`) or, up to Kilo, the date-based version (`2015.1`). */
  readonly neutron: string;
  /** How to show it: `Zed`, `2023.1 (Antelope)`. */
  readonly label: string;
}

export type ReleaseId =
  | 'icehouse'
  | 'juno'
  | 'kilo'
  | 'liberty'
  | 'mitaka'
  | 'newton'
  | 'ocata'
  | 'pike'
  | 'queens'
  | 'rocky'
  | 'stein'
  | 'train'
  | 'ussuri'
  | 'victoria'
  | 'wallaby'
  | 'xena'
  | 'yoga'
  | 'zed'
  | '2023.1'
  | '2023.2'
  | '2024.1'
  | '2024.2'
  | '2025.1'
  | '2025.2'
  | '2026.1';

const TABLE: readonly [ReleaseId, string, string][] = [
  ['icehouse', 'Icehouse', '2014.1'],
  ['juno', 'Juno', '2014.2'],
  ['kilo', 'Kilo', '2015.1'],
  ['liberty', 'Liberty', '7'],
  ['mitaka', 'Mitaka', '8'],
  ['newton', 'Newton', '9'],
  ['ocata', 'Ocata', '10'],
  ['pike', 'Pike', '11'],
  ['queens', 'Queens', '12'],
  ['rocky', 'Rocky', '13'],
  ['stein', 'Stein', '14'],
  ['train', 'Train', '15'],
  ['ussuri', 'Ussuri', '16'],
  ['victoria', 'Victoria', '17'],
  ['wallaby', 'Wallaby', '18'],
  ['xena', 'Xena', '19'],
  ['yoga', 'Yoga', '20'],
  ['zed', 'Zed', '21'],
  ['2023.1', 'Antelope', '22'],
  ['2023.2', 'Bobcat', '23'],
  ['2024.1', 'Caracal', '24'],
  ['2024.2', 'Dalmatian', '25'],
  ['2025.1', 'Epoxy', '26'],
  ['2025.2', 'Flamingo', '27'],
  ['2026.1', 'Gazpacho', '28'],
];

export const RELEASES: readonly Release[] = Object.freeze(
  TABLE.map(([id, codename, neutron], index) => {
    const yearBased = /^\d{4}\.\d$/.test(id);
    const release: Release = {
      index,
      id,
      codename,
      ...(yearBased ? { version: id } : {}),
      neutron,
      label: yearBased ? `${id} (${codename})` : codename,
    };
    return Object.freeze(release);
  }),
);

export const OLDEST_RELEASE: Release = RELEASES[0];
export const NEWEST_RELEASE: Release = RELEASES[RELEASES.length - 1];
/** The release `neutron-zed-options.json` describes exactly. */
export const ZED: Release = RELEASES.find((r) => r.id === 'zed') as Release;

const BY_ID = new Map<string, Release>(RELEASES.map((r) => [r.id, r]));

export function release(id: ReleaseId): Release {
  return BY_ID.get(id) as Release;
}

export function isReleaseId(text: string): text is ReleaseId {
  return BY_ID.has(text);
}

/** Ways people write a release, lower-cased, mapped to it. */
const ALIASES = new Map<string, Release>();
for (const r of RELEASES) {
  ALIASES.set(r.id, r);
  ALIASES.set(r.codename.toLowerCase(), r);
  ALIASES.set(r.neutron, r);
}

/**
 * Reads a user's release setting: `zed`, `Zed`, `2023.1`, `antelope`,
 * `2023.1 (Antelope)`, `stable/zed`, `unmaintained/2023.1`, Neutron's version
 * (`21`, `21.0.0`, `21.2.1`, `2015.1.4`). Empty, `any` or unknown → undefined.
 */
export function parseRelease(text: string | undefined | null): Release | undefined {
  if (!text) return undefined;
  let s = text.trim().toLowerCase();
  if (!s) return undefined;
  s = s.replace(/^(stable|unmaintained)\//, '').replace(/-(eol|eom|em)$/, '');
  s = s.replace(/^openstack\s+/, '');
  const paren = /^(\S+)\s*\(([^)]*)\)$/.exec(s);
  if (paren) {
    const a = ALIASES.get(paren[1]);
    const b = ALIASES.get(paren[2].trim());
    if (a && (!b || a === b)) return a;
    return undefined;
  }
  const direct = ALIASES.get(s);
  if (direct) return direct;
  // Neutron versions: 21.0.0, 21.2.1, 7.0.0.0rc1 …
  const semver = /^(\d+)(?:\.\d+){1,3}(?:[a-z]+\d*)?$/.exec(s);
  if (semver) {
    const byMajor = ALIASES.get(semver[1]);
    if (byMajor && Number(semver[1]) >= 7 && Number(semver[1]) < 2000) return byMajor;
  }
  // Date-based Neutron versions up to Kilo: 2014.1, 2014.2.3, 2015.1.0
  const dated = /^(201[45]\.[12])(?:\.\d+)?$/.exec(s);
  if (dated) return ALIASES.get(dated[1]);
  return undefined;
}

/** Negative when a is older than b, 0 when equal, positive when newer. */
export function compareReleases(a: Release | ReleaseId, b: Release | ReleaseId): number {
  return indexOf(a) - indexOf(b);
}

export function isAtOrAfter(a: Release | ReleaseId, b: Release | ReleaseId): boolean {
  return compareReleases(a, b) >= 0;
}

export function isBefore(a: Release | ReleaseId, b: Release | ReleaseId): boolean {
  return compareReleases(a, b) < 0;
}

/** The release right after this one, if any. */
export function nextRelease(r: Release | ReleaseId): Release | undefined {
  return RELEASES[indexOf(r) + 1];
}

/** The release right before this one, if any. */
export function previousRelease(r: Release | ReleaseId): Release | undefined {
  return RELEASES[indexOf(r) - 1];
}

export function labelOf(r: Release | ReleaseId): string {
  return (typeof r === 'string' ? release(r) : r).label;
}

function indexOf(r: Release | ReleaseId): number {
  if (typeof r === 'string') {
    const found = BY_ID.get(r);
    if (!found) throw new Error(`unknown release id ${r}`);
    return found.index;
  }
  return r.index;
}
