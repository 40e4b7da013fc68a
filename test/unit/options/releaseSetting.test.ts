import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Connection } from 'vscode-languageserver';
import { run } from '../../../server/src/cli';
import { configurationReader, fixedSettingsReader } from '../../../server/src/lsp/workspaceSync';
import { uriOf, workspaceOf } from '../helpers';

/**
 * The release reaches the option rules from every face: the CLI's --release
 * flag and settings files, the LSP's `neutronConfig.release` (per workspace
 * folder through workspace/configuration, or pushed), and a change of folder
 * settings re-checks the files.
 */

const L3 = 'network-0/etc/neutron/l3_agent.ini';
const EMPTY_BRIDGE = '[DEFAULT]\ninterface_driver = openvswitch\nexternal_network_bridge =\n';

const directories: string[] = [];
after(() => {
  for (const dir of directories) fs.rmSync(dir, { recursive: true, force: true });
});

function deployment(extra: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'neutron-config-release-'));
  directories.push(dir);
  for (const [file, text] of Object.entries({ [L3]: EMPTY_BRIDGE, ...extra })) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

async function check(args: string[]): Promise<{ status: number; codes: string[] }> {
  let stdout = '';
  const status = await run(['check', ...args, '--format', 'json'], { stdout: (t) => (stdout += t), stderr: () => undefined, colour: false, cwd: os.tmpdir() });
  const result = JSON.parse(stdout) as { diagnostics: { code: string; severity: string }[] };
  return { status, codes: result.diagnostics.map((d) => `${d.code}:${d.severity}`) };
}

describe('the release setting', () => {
  it('CLI: --release reaches the rules; without it any release is assumed', async () => {
    const dir = deployment();
    assert.deepEqual(await check([dir]), { status: 0, codes: [] });
    assert.deepEqual(await check([dir, '--release', 'train']), { status: 1, codes: ['removed-option:error'] });
    assert.deepEqual(await check([dir, '--release', 'rocky']), { status: 0, codes: [] });
  });

  it('CLI: a folder settings file sets it too, and the flag wins', async () => {
    const dir = deployment({ '.neutron-config.json': JSON.stringify({ release: 'stein' }) });
    assert.deepEqual((await check([dir])).codes, ['removed-option:error']);
    assert.deepEqual((await check([dir, '--release', 'queens'])).codes, []);
  });

  it('LSP: neutronConfig.release is read per folder, pulled or pushed', async () => {
    const folders = [
      { uri: 'file:///a', fsPath: '/a', name: 'a' },
      { uri: 'file:///b', fsPath: '/b', name: 'b' },
    ];
    const asked: unknown[] = [];
    const connection = {
      workspace: {
        getConfiguration: async (items: { scopeUri: string; section: string }[]) => {
          asked.push(...items);
          return items.map((item) => (item.scopeUri === 'file:///a' ? { release: 'zed' } : {}));
        },
      },
    } as unknown as Connection;
    const pulled = await configurationReader(connection)(folders);
    assert.equal(pulled.get('file:///a')?.release, 'zed');
    assert.equal(pulled.get('file:///b')?.release, '');
    assert.deepEqual(asked, [
      { scopeUri: 'file:///a', section: 'neutronConfig' },
      { scopeUri: 'file:///b', section: 'neutronConfig' },
    ]);
    const pushed = await fixedSettingsReader({ release: ' 2024.1 ' })(folders);
    assert.equal(pushed.get('file:///b')?.release, '2024.1');
  });

  it('a change of folder settings re-checks the files', () => {
    const service = workspaceOf({ [L3]: EMPTY_BRIDGE });
    assert.deepEqual(service.getDiagnostics(uriOf(L3)), []);
    const affected = service.setFolderSettings('file:///ws', { release: 'train' });
    assert.ok(affected.includes(uriOf(L3)));
    assert.deepEqual(
      service.getDiagnostics(uriOf(L3)).map((d) => d.code),
      ['removed-option'],
    );
  });
});
