import picomatch from 'picomatch';
import type { Settings } from '../settings';

/** Folders under a host's root that say nothing about the host (`etc/sysconfig/network-scripts`). */
const NON_HOST_TAILS = [['network-scripts'], ['sysconfig'], ['plugins', 'ml2'], ['neutron']];

/**
 * The host directory of a file, as path segments relative to its workspace
 * folder: the directory above its `etc/` component, or else its folder with
 * trailing configuration folders removed.
 */
export function hostDirSegments(relativeDirSegments: readonly string[]): string[] {
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

/** Compiled `hosts` globs of one folder. */
export class HostMatcher {
  private readonly matchers: { test: (path: string) => boolean; host: string }[];

  constructor(settings: Settings) {
    this.matchers = Object.entries(settings.hosts).map(([glob, host]) => ({ test: picomatch(glob, { dot: true }), host }));
  }

  /** A host name the user assigned to this path, if any. */
  hostOf(relativePath: string): string | undefined {
    for (const matcher of this.matchers) if (matcher.test(relativePath)) return matcher.host;
    return undefined;
  }
}
