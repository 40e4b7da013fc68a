import { distance } from 'fastest-levenshtein';

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

/**
 * The candidates within typo distance of `name`, nearest first (ties in
 * alphabetical order). Case is ignored when measuring, so `onboot` finds
 * `ONBOOT`; an exact (case-sensitive) match is never returned.
 */
export function nearest(name: string, candidates: Iterable<string>, limit = 3, allowance = typoAllowance(name)): string[] {
  return scoreNearest(name, candidates, allowance)
    .slice(0, limit)
    .map((s) => s.candidate);
}

export interface Scored {
  candidate: string;
  /** Edit distance, ignoring case. */
  score: number;
}

/** Like `nearest`, with the distances, nearest first (ties in alphabetical order). */
export function scoreNearest(name: string, candidates: Iterable<string>, allowance = typoAllowance(name)): Scored[] {
  const lower = name.toLowerCase();
  const scored: Scored[] = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === name) continue;
    const score = distance(lower, candidate.toLowerCase());
    if (score <= allowance) scored.push({ candidate, score });
  }
  return scored.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate));
}
