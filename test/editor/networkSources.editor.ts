/** NetworkManager keyfiles and os-net-config in the editor: hover from the host model, and a quick fix in each. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, hoverText, ourDiagnostics, rangeText, uriOf, waitFor } from './helpers';

const BRIDGE_KEYFILE = 'compute-1/etc/NetworkManager/system-connections/br-ex.nmconnection';
const PORT_KEYFILE = 'compute-1/etc/NetworkManager/system-connections/port-eth1.nmconnection';
const OS_NET_CONFIG = 'compute-2/etc/os-net-config/config.yaml';

async function hoverAt(uri: vscode.Uri, position: vscode.Position, needle: string): Promise<string> {
  const hovers = await waitFor(`a hover containing ${needle}`, async () => {
    const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
    return hoverText(found).includes(needle) ? found : undefined;
  });
  return hoverText(hovers);
}

/** Changes `from` to `to` on one line, waits for `code` there, applies the fix titled `title`, and checks the line is back. */
async function breakAndFix(relative: string, line: number, from: string, to: string, code: string, title: string): Promise<void> {
  const uri = uriOf(relative);
  const document = await vscode.workspace.openTextDocument(uri);
  const original = document.lineAt(line).text;
  const start = original.indexOf(from);
  assert.ok(start >= 0, `${from} on line ${line + 1} of ${relative}: ${original}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(line, start, line, start + from.length), to);
  assert.ok(await vscode.workspace.applyEdit(edit));
  const diagnostic = await waitFor(`${code} in ${relative}`, () => ourDiagnostics(uri).find((d) => codeOf(d) === code), {
    events: [vscode.languages.onDidChangeDiagnostics],
    describe: () => ourDiagnostics(uri).map((d) => `${codeOf(d)}@${rangeText(d.range)}`).join(', '),
  });
  assert.equal(rangeText(diagnostic.range), `${line}:${start}-${line}:${start + to.length}`);
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find((a): a is vscode.CodeAction => 'edit' in a && a.title === title);
  assert.ok(fix?.edit, `no "${title}" among: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  assert.equal(document.lineAt(line).text, original);
  await waitFor(`${code} to go away`, () => (ourDiagnostics(uri).some((d) => codeOf(d) === code) ? undefined : true), { events: [vscode.languages.onDidChangeDiagnostics] });
  await document.save();
}

suite('network sources: NetworkManager keyfiles and os-net-config', () => {
  test('hover on a keyfile bridge name describes the bridge from the host model', async () => {
    // Once the workspace is read (a hover during indexing says it is partial).
    const text = await hoverAt(uriOf(BRIDGE_KEYFILE), new vscode.Position(4, 17), 'Mapped from physnet');
    assert.match(text, /OVS bridge `br-ex`\*\* on compute-1/);
    assert.match(text, /Ports: `eth1` \(ovs-port\) in `port-eth1\.nmconnection`/);
    assert.match(text, /Mapped from physnet `physnet1`/);
    assert.doesNotMatch(text, /Partial/);
  });

  test('hover on a keyfile key explains it', async () => {
    const text = await hoverAt(uriOf(PORT_KEYFILE), new vscode.Position(5, 2), '[connection] master');
    assert.match(text, /The profile this one is a port of/);
  });

  test('a keyfile port naming a misspelt bridge: port-bridge-undefined, fixed by the replace fix', async () => {
    await breakAndFix(PORT_KEYFILE, 5, 'br-ex', 'br-exx', 'port-bridge-undefined', 'Replace "br-exx" with "br-ex"');
  });

  test('hover on an os-net-config bridge name describes the bridge from the host model', async () => {
    const text = await hoverAt(uriOf(OS_NET_CONFIG), new vscode.Position(12, 9), 'Mapped from physnet');
    assert.match(text, /OVS bridge `br-ex`\*\* on compute-2/);
    assert.match(text, /Ports: `nic2` \(interface\) in `config\.yaml`/);
  });

  test('an os-net-config patch port on a misspelt bridge: port-bridge-undefined, fixed by the replace fix', async () => {
    const uri = uriOf(OS_NET_CONFIG);
    const document = await vscode.workspace.openTextDocument(uri);
    const end = document.lineCount - 1;
    const block = '- type: ovs_patch_port\n  name: patch-ex\n  bridge_name: br-ex\n  peer: patch-int\n';
    const insert = new vscode.WorkspaceEdit();
    insert.insert(uri, new vscode.Position(end, 0), block);
    assert.ok(await vscode.workspace.applyEdit(insert));
    await breakAndFix(OS_NET_CONFIG, end + 2, 'br-ex', 'br-exx', 'port-bridge-undefined', 'Replace "br-exx" with "br-ex"');
    const remove = new vscode.WorkspaceEdit();
    remove.delete(uri, new vscode.Range(end, 0, end + 4, 0));
    assert.ok(await vscode.workspace.applyEdit(remove));
    await document.save();
  });
});
