/**
 * The V8 flag the server runs with: 2 MB semi-spaces instead of 16 MB. The
 * index holds many small objects and young-generation headroom shows up as
 * peak memory (measured by npm run bench). The VS Code client starts the
 * server with it; server.ts also sets it at run time for other clients.
 */
export const SMALL_YOUNG_GENERATION = '--max-semi-space-size=2';
