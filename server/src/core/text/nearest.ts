import { compareText } from './compare';

/** Did-you-mean: typo distance and nearest names, for every rule, fix and feature. */

/**
 * Edit distance with adjacent transpositions counted as one edit (optimal
 * string alignment), so `vxaln` is one step from `vxlan`: typos swap letters
 * more often than they replace two.
 */
export function typoDistance(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (!n) return m;
  if (!m) return n;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m];
}

/**
 * How far (in single-character edits) a name may be from a candidate and still
 * count as a probable typo of it. Short names get less slack, so that a
 * private variable such as `IP` is not mistaken for `VID`.
 */
export function typoAllowance(name: string): number {
  if (name.length <= 4) return 1;
  if (name.length <= 8) return 2;
  return 3;
}

/** Slack for free-form names (physnets, bridges, network types): a third of the name, at least two edits. */
export function nameAllowance(name: string): number {
  return Math.max(2, Math.floor(name.length / 3));
}

export interface Scored {
  candidate: string;
  /** Typo distance, ignoring case. */
  score: number;
}

/**
 * The candidates within `allowance` of `name`, nearest first (ties in
 * alphabetical order). Case is ignored when measuring, so `onboot` finds
 * `ONBOOT`; an exact (case-sensitive) match is never returned.
 */
export function scoreNearest(name: string, candidates: Iterable<string>, allowance = typoAllowance(name)): Scored[] {
  const lower = name.toLowerCase();
  const scored: Scored[] = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === name) continue;
    const score = typoDistance(lower, candidate.toLowerCase());
    if (score <= allowance) scored.push({ candidate, score });
  }
  return scored.sort((a, b) => a.score - b.score || compareText(a.candidate, b.candidate));
}

/** Like `scoreNearest`, names only, at most `limit`. */
export function nearest(name: string, candidates: Iterable<string>, limit = 3, allowance = typoAllowance(name)): string[] {
  return scoreNearest(name, candidates, allowance)
    .slice(0, limit)
    .map((s) => s.candidate);
}

/** Did-you-mean for free-form names: physnets, bridges, network types. */
export function nearestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
  return nearest(name, candidates, limit, nameAllowance(name));
}
