/**
 * Globs from settings (`fileKinds`, `hosts`). Settings may come from an
 * untrusted workspace, and picomatch compiles a glob to a backtracking
 * regular expression: a segment with many `*` (`*a*a*a*a*b`) or many `**`
 * segments costs exponential time on a long path, and extglobs nest
 * quantifiers. So extglobs are off, and a glob is refused when its cost is
 * not bounded: measured on a 255-character segment, three `*` cost 30 ms per
 * path, four 1.8 s, six never finish.
 */
import picomatch from 'picomatch';

/** Longest glob accepted. */
const MAX_GLOB_LENGTH = 256;
/** Most globs per setting: each is tried on every file of the folder. */
export const MAX_GLOBS = 100;
/** Most `*` in one path segment of a glob (a `**` segment does not count). */
const MAX_STARS_PER_SEGMENT = 2;
/** Most `**` segments in one glob. */
const MAX_GLOBSTARS = 2;

/** Why a glob is not used, or undefined when it is fine. */
export function globProblem(glob: string): string | undefined {
  if (glob.trim() === '') return 'it is empty';
  if (glob.length > MAX_GLOB_LENGTH) return `it is longer than ${MAX_GLOB_LENGTH} characters`;
  if (glob.startsWith('/') || /^[A-Za-z]:[\\/]/.test(glob)) return 'it is absolute; globs are relative to the workspace folder';
  const segments = glob.split('/');
  if (segments.includes('..')) return 'it leaves the workspace folder (..)';
  // `a/**/**/b` is `a/**/b`: repeated globstars cost without matching more.
  const collapsed = segments.filter((s, i) => !(s === '**' && segments[i - 1] === '**'));
  if (collapsed.filter((s) => s === '**').length > MAX_GLOBSTARS) return `it has more than ${MAX_GLOBSTARS} ** segments`;
  if (collapsed.some((s) => s !== '**' && (s.match(/\*/g)?.length ?? 0) > MAX_STARS_PER_SEGMENT)) {
    return `a segment has more than ${MAX_STARS_PER_SEGMENT} *, which can take minutes to match a long path`;
  }
  return undefined;
}

/** A matcher for a glob that passed `globProblem`, relative to the workspace folder, with `/` separators. */
export function compileGlob(glob: string, options: { basename?: boolean } = {}): (relativePath: string) => boolean {
  const segments = glob.split('/');
  const collapsed = segments.filter((s, i) => !(s === '**' && segments[i - 1] === '**')).join('/');
  return picomatch(collapsed, { dot: true, noextglob: true, basename: options.basename === true });
}
