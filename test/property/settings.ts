/**
 * How many runs each property gets, and from which seed. `npm test` runs a
 * bounded number with a fixed seed (reproducible); `npm run fuzz -- --runs N
 * [--seed S]` sets FUZZ_RUNS and FUZZ_SEED for long runs. A failure prints
 * the seed and the shrunk counterexample, and `FUZZ_SEED=<seed>` replays it.
 */
import type { Parameters } from 'fast-check';

const DEFAULT_SEED = 0x6e657574; // "neut"

/** fast-check parameters for a property whose default run count in `npm test` is `runs`. */
export function fuzzParameters<T>(runs: number): Parameters<T> {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  const seed = Number(process.env.FUZZ_SEED);
  return {
    numRuns: Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : runs,
    seed: Number.isInteger(seed) ? seed : DEFAULT_SEED,
    // Long runs report progress-free; a counterexample is shrunk and printed once.
    endOnFailure: true,
    includeErrorInReport: true,
  };
}

/** Runs chosen for this process, for test names ("… (200 runs)"). */
export function runsLabel(runs: number): string {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  const n = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : runs;
  return `${n.toLocaleString('en-US')} runs`;
}
