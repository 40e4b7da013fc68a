import { compileGlob } from './globs';
import type { Settings } from '../settings';

/** Folders under a host's root that say nothing about the host (`etc/sysconfig/network-scripts`). */
const NON_HOST_TAILS = [['network-scripts'], ['sysconfig'], ['plugins', 'ml2'], ['neutron']];

/**
 * The host directory of a file, as path segments relative to its workspace
 * folder, from the layouts real hosts produce:
 * - an extracted sosreport: its root (`sosreport-<host>-…/`, or any folder
 *   holding `sos_commands/`), whatever lies below;
 * - TripleO's container configuration: the directory above
 *   `var/lib/config-data/` (`<host>/var/lib/config-data/puppet-generated/neutron/etc/neutron/…`),
 *   and kolla's in TripleO, above `var/lib/kolla/`;
 * - else the directory above its last `etc/` component (`<host>/etc/kolla/<service>/…` included);
 * - else its folder with trailing configuration folders removed.
 */
export function hostDirSegments(relativeDirSegments: readonly string[]): string[] {
  const sos = sosreportRoot(relativeDirSegments);
  if (sos !== undefined) return relativeDirSegments.slice(0, sos);
  const s = relativeDirSegments;
  for (let i = 0; i + 2 < s.length; i++) {
    if (s[i] === 'var' && s[i + 1] === 'lib' && (s[i + 2] === 'config-data' || s[i + 2] === 'kolla')) return s.slice(0, i);
  }
  const etc = relativeDirSegments.lastIndexOf('etc');
  if (etc >= 0) return relativeDirSegments.slice(0, etc);
  const segments = [...relativeDirSegments];
  let stripped = true;
  while (stripped && segments.length > 0) {
    stripped = false;
    for (const tail of NON_HOST_TAILS) {
      if (segments.length >= tail.length && tail.every((part, i) => segments[segments.length - tail.length + i] === part)) {
        segments.length -= tail.length;
        stripped = true;
      }
    }
  }
  return segments;
}

/** The number of leading segments that make up a sosreport's root, if the path is inside one. */
function sosreportRoot(segments: readonly string[]): number | undefined {
  for (let i = segments.length - 1; i >= 0; i--) {
    if (segments[i] === 'sos_commands') return i;
    if (segments[i].startsWith('sosreport-')) return i + 1;
  }
  return undefined;
}

/**
 * The host name in a sosreport's folder name, as sos builds it from the short
 * host name: `sosreport-<name>[.<case>]-<YYYYMMDDhhmmss>` (the legacy pattern of
 * sos 3) or `sosreport-<name>[-<label>][-<case>]-<YYYY-MM-DD>-<7 letters>`
 * (sos 4's friendly pattern, which a label or case id lengthens: the report's
 * own `hostname` file, where present, is the better source).
 */
export function hostFromSosreportName(folderName: string): string | undefined {
  if (!folderName.startsWith('sosreport-')) return undefined;
  const rest = folderName.slice('sosreport-'.length).replace(/\.tar(\.(xz|gz|bz2))?$/, '');
  const friendly = /^(.+)-\d{4}-\d{2}-\d{2}-[a-z]{7}$/.exec(rest);
  if (friendly) return friendly[1];
  const legacy = /^(.+?)(\.[^-]*)?-\d{14}$/.exec(rest);
  if (legacy) return legacy[1];
  return rest || undefined;
}

/**
 * When a sosreport was taken, from its folder name: `2019-04-05 12:34`
 * (sos 3's `-YYYYMMDDhhmmss`) or `2024-03-05` (sos 4's `-YYYY-MM-DD-xxxxxxx`).
 */
export function dateFromSosreportName(folderName: string): string | undefined {
  if (!folderName.startsWith('sosreport-')) return undefined;
  const rest = folderName.replace(/\.tar(\.(xz|gz|bz2))?$/, '');
  const friendly = /-(\d{4}-\d{2}-\d{2})-[a-z]{7}$/.exec(rest);
  if (friendly) return friendly[1];
  const legacy = /-(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})\d{2}$/.exec(rest);
  return legacy ? `${legacy[1]}-${legacy[2]}-${legacy[3]} ${legacy[4]}:${legacy[5]}` : undefined;
}

/** Compiled `hosts` globs of one folder. */
export class HostMatcher {
  private readonly matchers: { test: (path: string) => boolean; host: string }[];

  constructor(settings: Settings) {
    this.matchers = Object.entries(settings.hosts).map(([glob, host]) => ({ test: compileGlob(glob), host }));
  }

  /** A host name the user assigned to this path, if any. */
  hostOf(relativePath: string): string | undefined {
    for (const matcher of this.matchers) if (matcher.test(relativePath)) return matcher.host;
    return undefined;
  }
}
