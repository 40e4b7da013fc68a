import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { SERVER_NODE_ARGS, missingNodeArgs } from '../../server/src/lsp/memory';

const ROOT = path.resolve(__dirname, '../../..');

/** Every way we start the server uses the node arguments the VS Code client passes (server/src/lsp/memory.ts). */
describe('server V8 flags', () => {
  it('the benchmark starts the server with SERVER_NODE_ARGS', () => {
    const bench = fs.readFileSync(path.join(ROOT, 'bench/run.mjs'), 'utf8');
    const match = /const SERVER_NODE_ARGS = (\[[^\]]*\]);/.exec(bench);
    assert.ok(match, 'SERVER_NODE_ARGS not found in bench/run.mjs');
    assert.deepEqual(JSON.parse(match[1].replace(/'/g, '"')), [...SERVER_NODE_ARGS]);
  });

  it('the Neovim set-up (test/neovim/init.lua, quoted in the README) starts node with them', () => {
    for (const file of ['test/neovim/init.lua', 'README.md']) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      const flags = SERVER_NODE_ARGS.map((flag) => `'${flag}'`).join(', ');
      assert.ok(text.includes(`cmd = { 'node', ${flags}, server, '--stdio' }`), file);
    }
  });

  it('node accepts every argument (it refuses unknown ones with "bad option")', () => {
    const run = spawnSync(process.execPath, [...SERVER_NODE_ARGS, '-e', '0'], { encoding: 'utf8' });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
  });

  it('says which arguments a process was started without, from its command line and NODE_OPTIONS', () => {
    assert.deepEqual(missingNodeArgs(['--max-semi-space-size=2', '--v8-pool-size=1'], ''), []);
    assert.deepEqual(missingNodeArgs([], '--v8-pool-size=1  --max-semi-space-size=2'), []);
    assert.deepEqual(missingNodeArgs(['--inspect'], '--v8-pool-size=1'), ['--max-semi-space-size=2']);
    assert.deepEqual(missingNodeArgs([], ''), [...SERVER_NODE_ARGS]);
    assert.deepEqual(missingNodeArgs(['--max-semi-space-size=16'], ''), [...SERVER_NODE_ARGS], 'another value is not the argument');
  });
});
