// Bundles the three entry points into dist/:
//   dist/extension.js  VS Code client (vscode is provided by the editor)
//   dist/server.js     language server (node dist/server.js --stdio)
//   dist/cli.js        command-line checker (executable, package "bin")
//   dist/render.js     Graphviz (WebAssembly) for the topology picture, loaded on demand
//
//   node esbuild.mjs               development build, with source maps
//   node esbuild.mjs --production  minified, no source maps (used for the .vsix)
//   node esbuild.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import { chmodSync, readFileSync, rmSync } from 'node:fs';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const quiet = args.has('--quiet');

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const CLI = 'dist/cli.js';

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // vscode-uri and friends ship an ESM build next to a UMD one; the ESM one bundles cleanly.
  mainFields: ['module', 'main'],
  external: ['vscode'],
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  minify: production,
  keepNames: true,
  legalComments: production ? 'none' : 'inline',
  define: { __NEUTRON_CONFIG_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
};

/** @type {esbuild.BuildOptions[]} */
const targets = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js' },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  // Graphviz for the topology picture, loaded at run time by the CLI and the extension (render/loadRenderer.ts).
  { ...common, entryPoints: ['server/src/render/svg.ts'], outfile: 'dist/render.js', sourcemap: false },
  {
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: CLI,
    banner: { js: '#!/usr/bin/env node' },
    plugins: [
      {
        name: 'make-executable',
        setup(build) {
          build.onEnd((result) => {
            if (result.errors.length === 0) chmodSync(CLI, 0o755);
          });
        },
      },
    ],
  },
];

/** Prints one line per finished (re)build in watch mode; VS Code problem matchers key on these. */
const watchReporter = {
  name: 'watch-reporter',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

async function main() {
  const started = Date.now();
  if (production) rmSync('dist', { recursive: true, force: true });
  if (watch) {
    const contexts = await Promise.all(
      targets.map((options) => esbuild.context({ ...options, plugins: [...(options.plugins ?? []), watchReporter] })),
    );
    await Promise.all(contexts.map((context) => context.watch()));
    return;
  }
  await Promise.all(targets.map((options) => esbuild.build(options)));
  if (!quiet) {
    const mode = production ? 'production' : 'development';
    console.error(`Built dist/extension.js, dist/server.js, dist/cli.js, dist/render.js (${mode}, ${Date.now() - started} ms).`);
  }
}

main().catch(() => {
  // esbuild has already printed the errors.
  process.exit(1);
});
