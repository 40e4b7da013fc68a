/** Hover, completion and document symbols, through VS Code's command API. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMPUTE_OVS, ML2, NETWORK_ETH1, NETWORK_OVS, hoverText, rangeText, uriOf, waitFor } from './helpers';

suite('features', () => {
  test('hover on bridge_mappings explains the option and shows the wiring of the host', async () => {
    const uri = uriOf(NETWORK_OVS);
    await vscode.workspace.openTextDocument(uri);
    const hovers = await waitFor(
      'a hover on bridge_mappings',
      async () => {
        const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(21, 3));
        return found.some((h) => hoverText([h]).includes('bridge_mappings')) ? found : undefined;
      },
      { describe: () => 'no hover from the extension' },
    );
    const ours = hovers.filter((h) => hoverText([h]).includes('bridge_mappings'));
    assert.equal(ours.length, 1);
    const text = hoverText(ours);
    assert.match(text, /\*\*\[ovs\] bridge_mappings\*\*/);
    assert.match(text, /physnet:bridge/);
    assert.match(text, /Wiring on network/);
    assert.match(text, /`physnet1` → `br-ex` → `eth1`/);
    assert.equal(ours[0].range && rangeText(ours[0].range), '21:0-21:15', 'the hover covers the option name');
  });

  test('completes bridge names of the host after "physnet1:"', async () => {
    const uri = uriOf(COMPUTE_OVS);
    const document = await vscode.workspace.openTextDocument(uri);
    const at = new vscode.Position(21, 27);
    assert.equal(document.getText(new vscode.Range(21, 0, 21, 27)), 'bridge_mappings = physnet1:');
    const list = await waitFor(
      'completion items after "physnet1:"',
      async () => {
        const found = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, at);
        return found.items.some((i) => i.label === 'br-ex') ? found : undefined;
      },
      { describe: () => 'no item "br-ex"' },
    );
    const item = list.items.find((i) => i.label === 'br-ex')!;
    // The item replaces the whole bridge name (br-eth1), not only what precedes the cursor.
    const replaced = item.range instanceof vscode.Range ? item.range : item.range?.replacing;
    assert.ok(replaced, 'the item says which text it replaces');
    assert.equal(rangeText(replaced), '21:27-21:34');
    // Only bridges that exist on compute-0: ifcfg-br-ex. Word-based suggestions have kind Text.
    const bridges = list.items.filter((i) => i.kind !== vscode.CompletionItemKind.Text).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.deepEqual(bridges, ['br-ex']);
  });

  test('lists sections and options as document symbols', async () => {
    const uri = uriOf(ML2);
    await vscode.workspace.openTextDocument(uri);
    const symbols = await waitFor('document symbols of ml2_conf.ini', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      return found && found.length > 0 ? found : undefined;
    });
    assert.deepEqual(
      symbols.map((s) => `${s.name}: ${s.children.map((c) => c.name).join(', ')}`),
      [
        'DEFAULT: ',
        'ml2: type_drivers, tenant_network_types, mechanism_drivers, extension_drivers',
        'ml2_type_flat: flat_networks',
        'ml2_type_vlan: ',
        'ml2_type_gre: ',
        'ml2_type_vxlan: vni_ranges',
        'securitygroup: enable_security_group, enable_ipset',
      ],
    );
    const ml2 = symbols.find((s) => s.name === 'ml2')!;
    assert.equal(ml2.kind, vscode.SymbolKind.Namespace);
  });

  test('lists the keys of an ifcfg file as document symbols', async () => {
    const uri = uriOf(NETWORK_ETH1);
    await vscode.workspace.openTextDocument(uri);
    const symbols = await waitFor('document symbols of ifcfg-eth1', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      return found && found.length > 0 ? found : undefined;
    });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['DEVICE', 'TYPE', 'DEVICETYPE', 'OVS_BRIDGE', 'ONBOOT', 'NM_CONTROLLED', 'BOOTPROTO'],
    );
  });
});
