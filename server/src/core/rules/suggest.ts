import { distance } from 'fastest-levenshtein';

/** Candidates close enough to `name` to be what was meant, nearest first. */
export function nearestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const maxDistance = Math.max(2, Math.floor(name.length / 3));
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === name) continue;
    const score = distance(name.toLowerCase(), candidate.toLowerCase());
    if (score <= maxDistance) scored.push({ candidate, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map((s) => s.candidate);
}
