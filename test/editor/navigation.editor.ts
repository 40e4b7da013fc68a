/**
 * Definition and rename across files and hosts. These answer only when the
 * server advertises definitionProvider / renameProvider; a timeout here says so.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMPUTE_OVS, L3, ML2, NETWORK_BR_EX, NETWORK_ETH1, NETWORK_OVS, allOurDiagnostics, rangeText, relativeOf, uriOf, waitFor } from './helpers';

type Found = vscode.Location | vscode.LocationLink;
const target = (l: Found) => ('targetUri' in l ? { uri: l.targetUri, range: l.targetSelectionRange ?? l.targetRange } : l);
const describeLocations = (found: Found[]) => found.map((l) => `${relativeOf(target(l).uri)}@${rangeText(target(l).range)}`);

async function definitions(file: string, line: number, character: number): Promise<string[]> {
  const uri = uriOf(file);
  await vscode.workspace.openTextDocument(uri);
  const found = await waitFor(
    `a definition at ${file}:${line}:${character}`,
    async () => {
      const result = await vscode.commands.executeCommand<Found[]>('vscode.executeDefinitionProvider', uri, new vscode.Position(line, character));
      return result.length > 0 ? result : undefined;
    },
    { describe: () => 'no answer: does the server advertise definitionProvider (server/src/lsp/navigationHandlers.ts)?' },
  );
  return describeLocations(found);
}

/** File renames of an edit, from VS Code's internal entry list; undefined where that is not readable. */
function fileOperations(edit: vscode.WorkspaceEdit): string[] | undefined {
  const all = (edit as unknown as { _allEntries?: () => { _type: number; from?: vscode.Uri; to?: vscode.Uri }[] })._allEntries;
  if (typeof all !== 'function') return undefined;
  return all
    .call(edit)
    .filter((e) => e.from && e.to)
    .map((e) => `${relativeOf(e.from!)} -> ${relativeOf(e.to!)}`);
}

suite('navigation', () => {
  test('goes from a bridge in bridge_mappings to the DEVICE line of its ifcfg file', async () => {
    // Then its Bridge block in the network node's captures (ovs-vsctl show).
    assert.deepEqual(await definitions(NETWORK_OVS, 21, 28), [`${NETWORK_BR_EX}@2:7-2:12`, 'network/troubleshooting-captures.txt@14:0-23:30']);
  });

  test('goes from a physnet to where ML2 allows it (flat_networks = *)', async () => {
    assert.deepEqual(await definitions(NETWORK_OVS, 21, 20), [`${ML2}@29:15-29:16`]);
  });

  test('renames a bridge on its host: mappings, ifcfg files and the ifcfg file name', async () => {
    const uri = uriOf(NETWORK_OVS);
    await vscode.workspace.openTextDocument(uri);
    const edit = await waitFor(
      'a rename edit for br-ex',
      async () => {
        const result = await vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>(
          'vscode.executeDocumentRenameProvider',
          uri,
          new vscode.Position(21, 28),
          'br-provider',
        );
        return result && result.size > 0 ? result : undefined;
      },
      { describe: () => 'no answer: does the server advertise renameProvider?' },
    );
    const touched = edit
      .entries()
      .map(([u, edits]) => `${relativeOf(u)}: ${edits.map((e) => `${rangeText(e.range)}=${e.newText}`).join(' ')}`)
      .sort();
    assert.deepEqual(touched, [
      `${L3}: 9:26-9:31=br-provider`,
      `${NETWORK_OVS}: 21:27-21:32=br-provider`,
      `${NETWORK_BR_EX}: 2:7-2:12=br-provider`,
      `${NETWORK_ETH1}: 4:11-4:16=br-provider`,
    ].sort());

    // The edit renames ifcfg-br-ex too. vscode.executeDocumentRenameProvider hands back a
    // WorkspaceEdit whose file renames come before all text edits (VS Code's conversion of the
    // result regroups them), while the server sends the text edits of ifcfg-br-ex first: applied
    // as it comes back, the rename runs first and the edits of the old file fail. F2 in the editor
    // keeps the server's order. So the test applies what the server sent, in its order: the text
    // edits, then the file rename, which it checks where the (internal) list of entries is readable.
    const renamed = NETWORK_BR_EX.replace(/br-ex$/, 'br-provider');
    const fileRenames = fileOperations(edit);
    if (fileRenames) assert.deepEqual(fileRenames, [`${NETWORK_BR_EX} -> ${renamed}`], 'the edit renames the ifcfg file');
    const textEdits = new vscode.WorkspaceEdit();
    for (const [u, edits] of edit.entries()) textEdits.set(u, edits);
    assert.ok(await vscode.workspace.applyEdit(textEdits), 'VS Code applied the text edits of the rename');
    assert.ok(await vscode.workspace.saveAll(false), 'saved');
    const fileRename = new vscode.WorkspaceEdit();
    fileRename.renameFile(uriOf(NETWORK_BR_EX), uriOf(renamed));
    assert.ok(await vscode.workspace.applyEdit(fileRename), 'VS Code renamed the ifcfg file');
    const text = async (file: string) => (await vscode.workspace.openTextDocument(uriOf(file))).getText();
    assert.match(await text(NETWORK_OVS), /^bridge_mappings = physnet1:br-provider$/m);
    assert.match(await text(NETWORK_ETH1), /^OVS_BRIDGE=br-provider$/m);
    assert.match(await text(L3), /^external_network_bridge = br-provider$/m);
    assert.match(await text(renamed), /^DEVICE=br-provider$/m);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(uriOf(NETWORK_BR_EX))), 'the old ifcfg-br-ex is gone');
    // compute-0 is another host: its br-ex is another bridge.
    assert.match(await text(COMPUTE_OVS), /^bridge_mappings = physnet1:br-eth1$/m);

    // The network host's files stay consistent: the L3 warning moves with the new name. Its captures, taken
    // before the rename and never edited, have no bridge of the new name: that is what the host runs until redeployed.
    const expected = [
      `${COMPUTE_OVS} bridge-undefined@21:27-21:34`,
      `${ML2} flat-type-driver-missing@15:15-15:20`,
      `${L3} external-network-bridge-set@9:26-9:37`,
      `${NETWORK_OVS} observed-bridge-missing@21:27-21:38`,
    ].sort();
    await waitFor('the findings after the rename', () => (JSON.stringify(allOurDiagnostics()) === JSON.stringify(expected) ? true : undefined), {
      events: [vscode.languages.onDidChangeDiagnostics],
      describe: () => JSON.stringify(allOurDiagnostics()),
    });
  });
});
