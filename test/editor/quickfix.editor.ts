/** Quick fixes and edits: the document changes and the findings follow. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMPUTE_OVS, ML2, codeOf, ourDiagnostics, rangeText, uriOf, waitFor } from './helpers';

suite('quick fixes', () => {
  test('adds "flat" to type_drivers and the error goes away', async () => {
    const uri = uriOf(ML2);
    const document = await vscode.workspace.openTextDocument(uri);
    const diagnostic = await waitFor('flat-type-driver-missing on ml2_conf.ini', () =>
      ourDiagnostics(uri).find((d) => codeOf(d) === 'flat-type-driver-missing'),
    );
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a): a is vscode.CodeAction => 'kind' in a && a.title === 'Add "flat" to type_drivers');
    assert.ok(fix, `no "Add \\"flat\\" to type_drivers" among: ${titles.join(' | ')}`);
    assert.equal(fix.kind?.value, 'quickfix');
    assert.equal(fix.isPreferred, true, 'the fix is the preferred one (Ctrl+. / auto fix)');
    // fix.diagnostics is not checked: vscode.executeCodeActionProvider does not hand them back.
    assert.ok(fix.edit, 'the fix carries its edit');

    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'VS Code applied the fix');
    assert.equal(document.lineAt(15).text, 'type_drivers = vxlan,flat');
    await waitFor('flat-type-driver-missing to go away', () => (ourDiagnostics(uri).length === 0 ? true : undefined), {
      events: [vscode.languages.onDidChangeDiagnostics],
      describe: () => ourDiagnostics(uri).map((d) => `${codeOf(d)}@${rangeText(d.range)}`).join(', '),
    });
    await document.save();
  });

  test('offers to silence a finding with a comment', async () => {
    const uri = uriOf(COMPUTE_OVS);
    const diagnostic = await waitFor('bridge-undefined on compute-0', () => ourDiagnostics(uri).find((d) => codeOf(d) === 'bridge-undefined'));
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    assert.ok(actions.some((a) => a.title === 'Ignore bridge-undefined on this line'), actions.map((a) => a.title).join(' | '));
  });

  test('a new ifcfg file on compute-0 clears bridge-undefined in openvswitch_agent.ini', async () => {
    const agent = uriOf(COMPUTE_OVS);
    const bridgeFile = uriOf('compute-0/etc/sysconfig/network-scripts/ifcfg-br-eth1');
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(bridgeFile, { ignoreIfExists: false });
    edit.insert(bridgeFile, new vscode.Position(0, 0), 'DEVICE=br-eth1\nTYPE=OVSBridge\nDEVICETYPE=ovs\nONBOOT=yes\n');
    assert.ok(await vscode.workspace.applyEdit(edit), 'VS Code created the file');
    assert.ok(await vscode.workspace.saveAll(false), 'saved');
    await waitFor(
      'bridge-undefined to go away from compute-0 openvswitch_agent.ini',
      () => (ourDiagnostics(agent).some((d) => codeOf(d) === 'bridge-undefined') ? undefined : true),
      { events: [vscode.languages.onDidChangeDiagnostics], describe: () => ourDiagnostics(agent).map(codeOf).join(', ') },
    );
  });
});
