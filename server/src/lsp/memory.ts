/**
 * The V8 flags the server runs with. The VS Code client starts node with them
 * (SERVER_NODE_ARGS); server.ts also sets them at run time for clients that
 * start node without.
 *
 * - 2 MB semi-spaces instead of 16 MB: the index holds many small objects and
 *   young-generation headroom shows up as resident memory.
 * - The old generation may grow to 1.5 times what survived the last full
 *   collection before the next one starts. V8 otherwise allows up to 4 times
 *   on machines with much memory, and every re-check replaces the cached
 *   results of many files, so dead results piled up: peak RSS at 1,000 hosts
 *   was about 180 MB with the default and 132 MB with this flag. It bounds
 *   growth, not size: a large workspace can still use as much as it needs.
 *
 * Figures from `npm run bench -- --sizes 1000` (bench/README.md).
 */
export const SERVER_V8_FLAGS: readonly string[] = ['--max-semi-space-size=2', '--heap-growing-percent=50'];

/**
 * Everything node is started with: the V8 flags, and one V8 worker thread
 * rather than Node's four. The workers run the concurrent and parallel parts
 * of garbage collection; four of them on a two-core machine take the core the
 * main thread and the editor need, and requests wait (hover p95 while indexing
 * 1,000 hosts on two cores: 9.3 -> 7.0 ms, mean over six interleaved runs). A
 * language server's heap is small enough for one. This is a node option, not a
 * V8 flag: it cannot be set once node runs, so it is not in SERVER_V8_FLAGS.
 */
export const SERVER_NODE_ARGS: readonly string[] = [...SERVER_V8_FLAGS, '--v8-pool-size=1'];
