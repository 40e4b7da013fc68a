/** The extension as VS Code sees it: activation, commands, and the status item's kind and host of a file. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMPUTE_OVS, EXTENSION_ID, NETWORK_BR_EX, installedMode, uriOf, waitFor } from './helpers';

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

  test('the status item says which kind and host the active file was given, and its deployment', async () => {
    // Read once the workspace is indexed: until then the file's host may have no deployment yet.
    const status = async (file: string) => {
      await vscode.window.showTextDocument(uriOf(file));
      return waitFor(`the status of ${file}`, async () => {
        const item = await vscode.commands.executeCommand<{ text: string; detail?: string }>('neutronConfig.statusItem');
        return item?.detail?.startsWith('deployment ') ? item : undefined;
      });
    };
    const agent = await status(COMPUTE_OVS);
    assert.equal(agent.text, 'Open vSwitch agent config · host compute-0');
    assert.match(agent.detail ?? '', /^deployment \S+ · \d+ files indexed$/);
    assert.equal((await status(NETWORK_BR_EX)).text, 'ifcfg network-script · host network');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
