/**
 * The topology picture in the real editor: the webview opens on the example,
 * shows its hosts with compute-0's br-eth1 missing, a click opens where the
 * node is defined, and an edit that fixes the mapping redraws the node as
 * consistent; the code lens over bridge_mappings opens the picture on that
 * host. The picture's state is read through the extension's
 * neutronConfig.topologySnapshot command (a webview's DOM is not reachable
 * from tests); clicks go through the same command the webview posts to.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMPUTE_OVS, relativeOf, uriOf, waitFor } from './helpers';

interface Snapshot {
  nodes: { id: string; kind: string; label: string; state: string }[];
  filter: { host?: string };
  svgBytes: number;
}

const BR_ETH1 = 'deployment:examples/host:compute-0/bridge:br-eth1';
const BR_EX = 'deployment:examples/host:compute-0/bridge:br-ex';

const snapshot = () => vscode.commands.executeCommand<Snapshot | undefined>('neutronConfig.topologySnapshot');
const stateOf = (s: Snapshot | undefined, id: string) => s?.nodes.find((n) => n.id === id)?.state;

suite('topology picture', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('shows every agent host of the example, with the missing br-eth1 of compute-0', async () => {
    await vscode.commands.executeCommand('neutronConfig.showTopology');
    const shown = await waitFor('the picture drawn', async () => {
      const s = await snapshot();
      return s && s.svgBytes > 0 && s.nodes.some((n) => n.kind === 'host') ? s : undefined;
    });
    assert.deepEqual(shown.nodes.filter((n) => n.kind === 'host').map((n) => n.label), ['compute-0', 'compute-1', 'compute-2', 'network']);
    assert.equal(stateOf(shown, BR_ETH1), 'missing');
    assert.equal(stateOf(shown, 'deployment:examples/host:network/bridge:br-ex'), 'ok');
  });

  test('a click on br-eth1 opens compute-0\'s bridge_mappings at the bridge name', async () => {
    assert.equal(await vscode.commands.executeCommand('neutronConfig.openTopologyNode', BR_ETH1), true);
    const editor = await waitFor('the agent file in an editor', async () => {
      const active = vscode.window.activeTextEditor;
      return active && relativeOf(active.document.uri) === COMPUTE_OVS ? active : undefined;
    });
    assert.equal(editor.document.getText(editor.selection), 'br-eth1');
    assert.equal(editor.selection.start.line, 21);
  });

  test('fixing the mapping redraws the bridge as consistent, and undoing it brings the missing bridge back', async () => {
    const document = await vscode.workspace.openTextDocument(uriOf(COMPUTE_OVS));
    const original = document.getText();
    const at = original.indexOf('br-eth1');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + 'br-eth1'.length)), 'br-ex');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await waitFor('br-ex drawn as consistent on compute-0', async () => {
        const s = await snapshot();
        return stateOf(s, BR_EX) === 'ok' && stateOf(s, BR_ETH1) === undefined ? true : undefined;
      });
    } finally {
      const undo = new vscode.WorkspaceEdit();
      undo.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
      await vscode.workspace.applyEdit(undo);
      await document.save();
    }
    await waitFor('br-eth1 missing again', async () => (stateOf(await snapshot(), BR_ETH1) === 'missing' ? true : undefined));
  });

  test('the lens over bridge_mappings opens the picture on compute-0 alone', async () => {
    const document = await vscode.workspace.openTextDocument(uriOf(COMPUTE_OVS));
    const lens = await waitFor('the wiring lens', async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      return lenses?.find((l) => l.command?.title === 'Show the wiring of compute-0');
    });
    assert.equal(document.getText(lens.range), 'bridge_mappings');
    await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
    const shown = await waitFor('the picture of compute-0', async () => {
      const s = await snapshot();
      return s?.filter.host === 'compute-0' && s.nodes.some((n) => n.kind === 'host') ? s : undefined;
    });
    assert.deepEqual(shown.nodes.filter((n) => n.kind === 'host').map((n) => n.label), ['compute-0']);
  });
});
