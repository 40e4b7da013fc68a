// Bundles the three entry points into dist/:
//   dist/extension.js  VS Code client (vscode is provided by the editor)
//   dist/server.js     language server (executable, package bin neutron-config-server: neutron-config-server --stdio)
//   dist/cli.js        command-line checker (executable, package bin neutron-config)
//   dist/render.js     Graphviz (WebAssembly) for the topology picture, loaded on demand
//   dist/THIRD_PARTY_NOTICES.md  the licence of every package bundled into them
//
//   node esbuild.mjs               development build, with source maps
//   node esbuild.mjs --production  minified, no source maps (used for the .vsix)
//   node esbuild.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import { chmodSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const quiet = args.has('--quiet');

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const CLI = 'dist/cli.js';
const SERVER = 'dist/server.js';

/** Makes a bundle runnable as a package bin: a node shebang and the executable bit. */
function executable(outfile) {
  return {
    banner: { js: '#!/usr/bin/env node' },
    plugins: [
      {
        name: 'make-executable',
        setup(build) {
          build.onEnd((result) => {
            if (result.errors.length === 0) chmodSync(outfile, 0o755);
          });
        },
      },
    ],
  };
}

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
  { ...common, entryPoints: ['server/src/server.ts'], outfile: SERVER, ...executable(SERVER) },
  // Graphviz for the topology picture, loaded at run time by the CLI and the extension (render/loadRenderer.ts).
  { ...common, entryPoints: ['server/src/render/svg.ts'], outfile: 'dist/render.js', sourcemap: false },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: CLI, ...executable(CLI) },
];

/**
 * The licence texts of the packages whose code the bundles contain, found
 * from esbuild's metafiles (every input under node_modules), so the notices
 * list exactly what ships.
 */
function writeNotices(metafiles) {
  const packages = new Map();
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (!match) continue;
      const dir = input.slice(0, match.index + match[0].length);
      packages.set(match[1], dir);
    }
  }
  const sections = [];
  for (const [name, dir] of [...packages].sort(([a], [b]) => a.localeCompare(b))) {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const licenceFile = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = licenceFile ? readFileSync(path.join(dir, licenceFile), 'utf8').trim() : `Licence: ${manifest.license ?? 'not stated'} (no licence file in the package).`;
    sections.push(`## ${name} ${manifest.version}\n\nLicence: ${manifest.license ?? 'see below'}${manifest.repository ? `; source: ${typeof manifest.repository === 'string' ? manifest.repository : manifest.repository.url}` : ''}\n\n\`\`\`\n${text}\n\`\`\`\n`);
  }
  writeFileSync('dist/THIRD_PARTY_NOTICES.md', `# Third-party notices\n\nneutron-config's bundles in dist/ contain code of these packages, under their licences.\n\n${sections.join('\n')}`);
}

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
  const results = await Promise.all(targets.map((options) => esbuild.build({ ...options, metafile: true })));
  writeNotices(results.map((result) => result.metafile));
  if (!quiet) {
    const mode = production ? 'production' : 'development';
    console.error(`Built dist/extension.js, dist/server.js, dist/cli.js, dist/render.js (${mode}, ${Date.now() - started} ms).`);
  }
}

main().catch(() => {
  // esbuild has already printed the errors.
  process.exit(1);
});
