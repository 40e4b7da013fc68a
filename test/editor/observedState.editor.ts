/**
 * What a sosreport's command captures show, in the editor: the agent's
 * bridge_mappings checked against the captured OVSDB (observed-patch-missing),
 * hovers with the observed ports, OpenFlow numbers, flows and links, go to
 * definition into `ovs-vsctl show`, and the outline of that capture.
 *
 * The workspace is a copy of examples/, which holds no sosreport: the suite
 * copies test/fixtures/workspaces/sosreport-rhel7/ (without its expected.json)
 * from the checkout into that copy, and removes it again at the end. The
 * sosreport's host has no ML2 file of its own and joins the example's
 * deployment, whose `flat_networks = *` lets its physnets in, so the example's
 * findings and the fixture's stay as they are on their own.
 */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { allOurDiagnostics, codeOf, hoverContaining, ourDiagnostics, rangeText, relativeOf, uriOf, waitFor } from './helpers';

/** Where the fixture goes in the workspace copy. */
const FOLDER = 'sosreport-rhel7';
const SOSREPORT = `${FOLDER}/sosreport-compute-0.01234567-20190405123456`;
const AGENT = `${SOSREPORT}/var/lib/config-data/puppet-generated/neutron/etc/neutron/plugins/ml2/openvswitch_agent.ini`;
const IFCFG_BR_EX = `${SOSREPORT}/etc/sysconfig/network-scripts/ifcfg-br-ex`;
const VSCTL_SHOW = `${SOSREPORT}/sos_commands/openvswitch/ovs-vsctl_-t_5_show`;
/** 0-based: `bridge_mappings=datacentre:br-ex,physnet2:br-vlan`. */
const MAPPINGS_LINE = 13;

/** The checkout: the runners pass it; else two levels above out/editor-test/. */
function checkout(): string {
  return process.env.NEUTRON_EDITOR_CHECKOUT || path.resolve(__dirname, '..', '..');
}

type Found = vscode.Location | vscode.LocationLink;
const target = (l: Found) => ('targetUri' in l ? { uri: l.targetUri, range: l.targetSelectionRange ?? l.targetRange } : l);

/** Our diagnostics anywhere in the copied sosreport, as `file code@range` lines. */
function fixtureDiagnostics(): string[] {
  return allOurDiagnostics().filter((line) => line.startsWith(`${FOLDER}/`));
}

suite('observed state: a RHEL 7 sosreport with command captures', () => {
  suiteSetup(async () => {
    const source = vscode.Uri.file(path.join(checkout(), 'test', 'fixtures', 'workspaces', 'sosreport-rhel7', path.posix.basename(SOSREPORT)));
    await vscode.workspace.fs.stat(source);
    await vscode.workspace.fs.copy(source, uriOf(SOSREPORT), { overwrite: true });
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uriOf(FOLDER), { recursive: true, useTrash: false });
  });

  test('the agent file has exactly observed-patch-missing on br-vlan', async () => {
    const uri = uriOf(AGENT);
    await vscode.window.showTextDocument(uri, { preview: false });
    const expected = [`${AGENT} observed-patch-missing@13:42-13:49`];
    await waitFor(
      'exactly observed-patch-missing at 13:42-13:49 in the sosreport',
      () => (JSON.stringify(fixtureDiagnostics()) === JSON.stringify(expected) ? true : undefined),
      { events: [vscode.languages.onDidChangeDiagnostics], describe: () => `${JSON.stringify(fixtureDiagnostics())}, expected ${JSON.stringify(expected)}` },
    );
    const found = ourDiagnostics(uri);
    assert.deepEqual(
      found.map((d) => `${codeOf(d)}@${rangeText(d.range)}`),
      ['observed-patch-missing@13:42-13:49'],
    );
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.getText(found[0].range), 'br-vlan');
  });

  test('hover on br-ex in bridge_mappings shows what OVSDB, OpenFlow and ip captured', async () => {
    const uri = uriOf(AGENT);
    const document = await vscode.workspace.openTextDocument(uri);
    const line = document.lineAt(MAPPINGS_LINE).text;
    assert.equal(line, 'bridge_mappings=datacentre:br-ex,physnet2:br-vlan');
    const text = await hoverContaining(uri, new vscode.Position(MAPPINGS_LINE, line.indexOf('br-ex')), '**Observed**');
    for (const needle of ['**Observed**', 'OpenFlow port 2', 'phy-br-ex', 'master ovs-system']) {
      assert.ok(text.includes(needle), `the hover has no ${JSON.stringify(needle)}:\n${text}`);
    }
  });

  test('hover on bridge_mappings walks the packet path as captured', async () => {
    const text = await hoverContaining(uriOf(AGENT), new vscode.Position(MAPPINGS_LINE, 0), 'as captured');
    for (const needle of ['as captured', 'strip_vlan']) {
      assert.ok(text.includes(needle), `the hover has no ${JSON.stringify(needle)}:\n${text}`);
    }
  });

  test('go to definition on br-ex reaches its ifcfg file and its Bridge block in ovs-vsctl show', async () => {
    const uri = uriOf(AGENT);
    const document = await vscode.workspace.openTextDocument(uri);
    const position = new vscode.Position(MAPPINGS_LINE, document.lineAt(MAPPINGS_LINE).text.indexOf('br-ex'));
    let last: string[] = [];
    await waitFor(
      'definitions of br-ex in ifcfg-br-ex and in ovs-vsctl_-t_5_show',
      async () => {
        const found = await vscode.commands.executeCommand<Found[]>('vscode.executeDefinitionProvider', uri, position);
        last = found.map((l) => `${relativeOf(target(l).uri)}@${rangeText(target(l).range)}`);
        const files = found.map((l) => relativeOf(target(l).uri));
        return files.includes(IFCFG_BR_EX) && files.includes(VSCTL_SHOW) ? true : undefined;
      },
      { describe: () => JSON.stringify(last) },
    );
  });

  test('ovs-vsctl show lists br-ex with its ports as document symbols', async () => {
    const uri = uriOf(VSCTL_SHOW);
    await vscode.window.showTextDocument(uri, { preview: false });
    const describe = (symbols: vscode.DocumentSymbol[]): string =>
      JSON.stringify(symbols.map((s) => ({ name: s.name, children: (s.children ?? []).map((c) => `${c.name} [${(c.children ?? []).map((g) => g.name).join(', ')}]`) })));
    let last: vscode.DocumentSymbol[] = [];
    const bridge = await waitFor(
      'a bridge symbol br-ex under a section symbol of ovs-vsctl_-t_5_show',
      async () => {
        last = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
        for (const section of last) {
          const found = (section.children ?? []).find((c) => c.name === 'br-ex');
          if (found) return found;
        }
        return undefined;
      },
      { describe: () => describe(last) },
    );
    const ports = (bridge.children ?? []).map((c) => c.name);
    for (const port of ['phy-br-ex', 'eth1']) {
      assert.ok(ports.includes(port), `br-ex has no child ${port}: ${JSON.stringify(ports)}`);
    }
  });
});
