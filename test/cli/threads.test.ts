/**
 * The CLI on several threads (--jobs, cliThreads.ts) prints what it prints on
 * one, byte for byte: on every fixture workspace (with its settings), and on
 * all of them at once as one large workspace, in JSON and SARIF.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { run } from '../../server/src/cli';
import { shareOut } from '../../server/src/cliThreads';
import { NeutronConfigService } from '../../server/src/core/service';
import { repoRoot } from '../protocol/lspClient';

const FIXTURES = path.join(repoRoot(), 'test', 'fixtures', 'workspaces');
const names = fs.readdirSync(FIXTURES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'neutron-config-threads-'));

async function check(dir: string, extra: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await run(['check', dir, '--root', dir, ...extra], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), colour: false, cwd: dir });
  return { status, stdout, stderr };
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath ?? e.path, e.name));
}

/** Whether the fixture's files can be shared out between two threads at all (it has two hosts that can be checked alone). */
function shares(dir: string, settings: object | undefined): boolean {
  const service = new NeutronConfigService();
  service.setWorkspaceFolders([{ uri: pathToFileURL(dir).href, ...(settings ? { settings } : {}) }]);
  const uris = listFiles(dir).map((f) => pathToFileURL(f).href).filter((uri) => service.isRecognised(uri));
  return shareOut(service, uris, 2) !== undefined;
}

describe('the CLI on several threads', () => {
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('prints the same JSON with --jobs 2 as with --jobs 1, on every fixture workspace that can be shared out', async () => {
    let shared = 0;
    const differences: string[] = [];
    for (const name of names) {
      const dir = path.join(FIXTURES, name);
      const { settings } = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as { settings?: object };
      const config = path.join(scratch, `${name}.json`);
      fs.writeFileSync(config, JSON.stringify(settings ?? {}));
      // A workspace that cannot be shared out is checked on one thread whatever --jobs says.
      if (!shares(dir, settings)) continue;
      shared++;
      const one = await check(dir, ['--format', 'json', '--config', config, '--jobs', '1']);
      const two = await check(dir, ['--format', 'json', '--config', config, '--jobs', '2']);
      if (JSON.stringify(one) !== JSON.stringify(two)) differences.push(`${name}:\n--jobs 1 ${JSON.stringify(one).slice(0, 400)}\n--jobs 2 ${JSON.stringify(two).slice(0, 400)}`);
    }
    assert.deepEqual(differences, []);
    // Not vacuous: most fixtures have hosts a thread can check alone.
    assert.ok(shared > names.length / 2, `${shared} of ${names.length} fixtures share out`);
  });

  it('prints the same JSON and SARIF with 1, 2 and 3 threads on all the fixtures as one workspace', async () => {
    const all = path.join(scratch, 'all');
    fs.cpSync(FIXTURES, all, { recursive: true });
    assert.ok(shares(all, undefined));
    for (const format of ['json', 'sarif']) {
      const [one, two, three] = [await check(all, ['--format', format, '--jobs', '1']), await check(all, ['--format', format, '--jobs', '2']), await check(all, ['--format', format, '--jobs', '3'])];
      assert.equal(one.status, 1, `${format}: the fixtures hold errors`);
      assert.ok(one.stdout.length > 10_000);
      assert.deepEqual(two, one, `${format}: 2 threads`);
      assert.deepEqual(three, one, `${format}: 3 threads`);
    }
  });
});
