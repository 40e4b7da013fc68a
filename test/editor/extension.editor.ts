/** The extension as VS Code sees it: activation and commands. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, installedMode, waitFor } from './helpers';

suite('extension', () => {
  test('activates by itself on a folder holding Neutron configs', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `VS Code does not know the extension ${EXTENSION_ID}`);
    // No activate() call here: the manifest's activation events must do it.
    await waitFor('the extension to activate', () => (extension.isActive ? true : undefined), {
      describe: () => `isActive=${extension.isActive}`,
    });
    if (installedMode()) {
      assert.match(extension.extensionPath, /neutron-config\.neutron-config-\d+\.\d+\.\d+$/, 'the installed .vsix, not the checkout');
    } else if (process.env.NEUTRON_EDITOR_CHECKOUT) {
      assert.equal(extension.extensionPath, process.env.NEUTRON_EDITOR_CHECKOUT, 'the development extension from the checkout');
    }
  });

  test('registers every command of its manifest, restart and output among them', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed: string[] = (extension.packageJSON.contributes?.commands ?? []).map((c: { command: string }) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const expected of ['neutronConfig.restartServer', 'neutronConfig.showOutput']) {
      assert.ok(contributed.includes(expected), `package.json contributes no ${expected}`);
    }
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), [], 'contributed commands without a handler');
  });
});
