/**
 * A workspace without Neutron or host network configuration (run with
 * `--workspace test/fixtures/editor-plain --suites plainWorkspace.editor`):
 * opening its tox.ini activates the extension (it activates for .ini files)
 * but does not start the language server; opening an ml2_conf.ini does.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor } from './helpers';

const EXTENSION_ID = 'neutron-config.neutron-config';
const serverState = () => vscode.commands.executeCommand<string>('neutronConfig.serverState');

suite('a workspace without configuration', () => {
  test('a plain tox.ini activates the extension but starts no server', async () => {
    const [tox] = await vscode.workspace.findFiles('tox.ini');
    assert.ok(tox, 'the fixture has a tox.ini');
    await vscode.window.showTextDocument(tox);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    await waitFor('the extension active', () => (extension?.isActive ? true : undefined));
    // Once the start-up check has looked at the workspace, it waits instead of starting.
    assert.equal(await waitFor('the start-up check done', async () => ((await serverState()) === 'starting or stopped' ? undefined : serverState())), 'waiting for a configuration file');
  });

  test('opening an ml2_conf.ini starts it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'neutron-config-plain-'));
    const ml2 = path.join(dir, 'controller', 'etc', 'neutron', 'plugins', 'ml2', 'ml2_conf.ini');
    fs.mkdirSync(path.dirname(ml2), { recursive: true });
    fs.writeFileSync(ml2, '[ml2]\ntype_drivers = flat\n\n[ml2_type_flat]\nflat_networks = physnet1\n');
    try {
      await vscode.window.showTextDocument(vscode.Uri.file(ml2));
      await waitFor('the server running', async () => ((await serverState()) === 'running' ? true : undefined));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
