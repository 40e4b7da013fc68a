/**
 * The V8 flags the server runs with. The VS Code client starts node with them;
 * server.ts also sets them at run time for clients that start node without.
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
