/**
 * The npm package (issue #17): `npm pack` holds the CLI, the server, Graphviz
 * and the licence notices, nothing else; installed from the tarball into an
 * empty project (no network: it has no dependencies), both bins run.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient, repoRoot } from '../protocol/lspClient';

const ROOT = repoRoot();
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function npm(args: string[], cwd: string): string {
  const result = spawnSync(NPM, args, { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, npm_config_update_notifier: 'false' } });
  assert.equal(result.status, 0, `npm ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

describe('the npm package', () => {
  let dir: string;
  let project: string;
  let packed: { name: string; version: string; filename: string; files: { path: string }[]; dependencies?: unknown }[];

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'neutron-config-pack-'));
    // --ignore-scripts: pack the bundles this run built, without prepack's production rebuild of dist/.
    packed = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT));
    project = path.join(dir, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'probe', version: '1.0.0', private: true }));
    npm(['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(dir, packed[0].filename)], project);
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('holds the CLI, the server, Graphviz and the notices, and no dependency to install', () => {
    assert.deepEqual(packed[0].files.map((f) => f.path).sort(), [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/THIRD_PARTY_NOTICES.md',
      'dist/cli.js',
      'dist/render.js',
      'dist/server.js',
      'package.json',
    ]);
    const manifest = JSON.parse(fs.readFileSync(path.join(project, 'node_modules', 'neutron-config', 'package.json'), 'utf8'));
    assert.equal(manifest.dependencies, undefined, 'everything is bundled');
    assert.deepEqual(manifest.bin, { 'neutron-config': './dist/cli.js', 'neutron-config-server': './dist/server.js' });
  });

  it('neutron-config checks a deployment and draws it', () => {
    const bin = path.join(project, 'node_modules', '.bin', 'neutron-config');
    const check = spawnSync(bin, ['check', path.join(ROOT, 'examples'), '--format', 'json'], { cwd: project, encoding: 'utf8' });
    assert.equal(check.status, 1, check.stderr);
    assert.deepEqual(
      (JSON.parse(check.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code).sort(),
      ['bridge-undefined', 'external-network-bridge-set', 'flat-type-driver-missing'],
    );
    const svg = spawnSync(bin, ['graph', path.join(ROOT, 'examples'), '--format', 'svg'], { cwd: project, encoding: 'utf8' });
    assert.equal(svg.status, 0, svg.stderr);
    assert.match(svg.stdout, /<svg[\s\S]*>br&#45;eth1<[\s\S]*<\/svg>/);
  });

  it('neutron-config-server answers initialize over stdio and shuts down cleanly', async () => {
    const client = LspClient.startExecutable(path.join(project, 'node_modules', '.bin', 'neutron-config-server'));
    try {
      const result = await client.request('initialize', { processId: process.pid, rootUri: pathToFileURL(path.join(ROOT, 'examples')).href, capabilities: {} });
      assert.equal(result.serverInfo.name, 'neutron-config');
      client.notify('initialized', {});
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });
});
