/**
 * What node is started with to run the server. The VS Code client passes them
 * (execArgv); the README's Neovim set-up and the benchmark use them too
 * (test/unit/serverFlags.test.ts). They are command-line options: V8 sizes
 * the young generation when it sets the heap up, so `v8.setFlagsFromString`
 * in a running server changes nothing (measured: 32 MB of new space either
 * way, 4 MB with the option on the command line).
 *
 * - 2 MB semi-spaces instead of 16 MB: the index holds many small objects and
 *   young-generation headroom shows up as resident memory (RSS after indexing
 *   1,000 hosts: 114 against 140 MB).
 * - One V8 worker thread rather than Node's four. The workers run the
 *   concurrent and parallel parts of garbage collection; four of them on a
 *   two-core machine take the core the main thread and the editor need, and
 *   requests wait (hover p95 while indexing 1,000 hosts on two cores: 9.3 ->
 *   7.0 ms, mean over six interleaved runs), and indexing itself is slower
 *   (initialize -> every file published: 1,204 against 1,015 ms). A language
 *   server's heap is small enough for one.
 *
 * `--heap-growing-percent=50` (the old generation grows by half of what
 * survived before the next full collection) was here too: it bounded the
 * dead results of re-checks when they were larger. Now it costs a sixth of
 * the indexing time (1,119 against 955 ms, median of nine interleaved runs)
 * and saves 2 MB after indexing; without it the 1,000-host bench peaks at
 * 133 MB as with it, the 10,000-host one at 652 against 616 MB.
 *
 * Figures from `npm run bench` and interleaved runs of the production bundle
 * on the 1,000-host bench tree (bench/README.md).
 */
export const SERVER_NODE_ARGS: readonly string[] = ['--max-semi-space-size=2', '--v8-pool-size=1'];

/** The arguments of SERVER_NODE_ARGS this process was started without (command line or NODE_OPTIONS). */
export function missingNodeArgs(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): string[] {
  const given = new Set([...execArgv, ...nodeOptions.split(/\s+/)]);
  return SERVER_NODE_ARGS.filter((arg) => !given.has(arg));
}
