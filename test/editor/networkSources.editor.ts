/** NetworkManager keyfiles and os-net-config in the editor: hover from the host model, and a quick fix in each. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { breakAndFix, hoverContaining, uriOf } from './helpers';

const BRIDGE_KEYFILE = 'compute-1/etc/NetworkManager/system-connections/br-ex.nmconnection';
const PORT_KEYFILE = 'compute-1/etc/NetworkManager/system-connections/port-eth1.nmconnection';
const OS_NET_CONFIG = 'compute-2/etc/os-net-config/config.yaml';

suite('network sources: NetworkManager keyfiles and os-net-config', () => {
  test('hover on a keyfile bridge name describes the bridge from the host model', async () => {
    // Once the workspace is read (a hover during indexing says it is partial).
    const text = await hoverContaining(uriOf(BRIDGE_KEYFILE), new vscode.Position(4, 17), 'Mapped from physnet');
    assert.match(text, /OVS bridge `br-ex`\*\* on compute-1/);
    assert.match(text, /Ports: `eth1` \(ovs-port\) in `port-eth1\.nmconnection`/);
    assert.match(text, /Mapped from physnet `physnet1`/);
    assert.doesNotMatch(text, /Partial/);
  });

  test('hover on a keyfile key explains it', async () => {
    const text = await hoverContaining(uriOf(PORT_KEYFILE), new vscode.Position(5, 2), '[connection] master');
    assert.match(text, /The profile this one is a port of/);
  });

  test('a keyfile port naming a misspelt bridge: port-bridge-undefined, fixed by the replace fix', async () => {
    await breakAndFix(PORT_KEYFILE, 5, { from: 'br-ex', to: 'br-exx' }, { code: 'port-bridge-undefined', fix: 'Replace "br-exx" with "br-ex"' }, 'save');
  });

  test('hover on an os-net-config bridge name describes the bridge from the host model', async () => {
    const text = await hoverContaining(uriOf(OS_NET_CONFIG), new vscode.Position(12, 9), 'Mapped from physnet');
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
    await breakAndFix(OS_NET_CONFIG, end + 2, { from: 'br-ex', to: 'br-exx' }, { code: 'port-bridge-undefined', fix: 'Replace "br-exx" with "br-ex"' }, 'save');
    const remove = new vscode.WorkspaceEdit();
    remove.delete(uri, new vscode.Range(end, 0, end + 4, 0));
    assert.ok(await vscode.workspace.applyEdit(remove));
    await document.save();
  });
});
