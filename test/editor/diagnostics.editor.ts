/** Diagnostics of the example deployment, as the Problems panel gets them. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMPUTE_OVS, L3, ML2, allOurDiagnostics, codeOf, ourDiagnostics, uriOf, waitFor } from './helpers';

/** What `node dist/cli.js check examples --format json` reports: the three findings of examples/README.md. */
const EXPECTED = [
  `${COMPUTE_OVS} bridge-undefined@21:27-21:34`,
  `${ML2} flat-type-driver-missing@15:15-15:20`,
  `${L3} external-network-bridge-set@9:26-9:31`,
].sort();

suite('diagnostics', () => {
  test('reports the three findings of the example deployment, none of its files open', async () => {
    await waitFor(
      'exactly the three findings of examples/README.md',
      () => (JSON.stringify(allOurDiagnostics()) === JSON.stringify(EXPECTED) ? true : undefined),
      { events: [vscode.languages.onDidChangeDiagnostics], describe: () => `${JSON.stringify(allOurDiagnostics())}, expected ${JSON.stringify(EXPECTED)}` },
    );
  });

  test('gives each finding its severity and a message that names what is wrong', async () => {
    const only = (file: string) => {
      const found = ourDiagnostics(uriOf(file));
      assert.equal(found.length, 1, `${file}: ${found.map(codeOf).join(', ')}`);
      return found[0];
    };
    const bridge = only(COMPUTE_OVS);
    assert.equal(bridge.severity, vscode.DiagnosticSeverity.Error);
    assert.match(bridge.message, /br-eth1/);
    assert.match(bridge.message, /compute-0/);
    const flat = only(ML2);
    assert.equal(flat.severity, vscode.DiagnosticSeverity.Error);
    assert.match(flat.message, /type_drivers/);
    const external = only(L3);
    // br-ex also carries flat-only physnet1: the flat external network works, the setting is only obsolete.
    assert.equal(external.severity, vscode.DiagnosticSeverity.Information);
    assert.match(external.message, /external_network_bridge/);
  });

  test('keeps the findings when the files are opened in editors', async () => {
    for (const file of [ML2, COMPUTE_OVS, L3]) {
      await vscode.window.showTextDocument(uriOf(file), { preview: false });
    }
    await waitFor(
      'the same three findings with the files open',
      () => (JSON.stringify(allOurDiagnostics()) === JSON.stringify(EXPECTED) ? true : undefined),
      { events: [vscode.languages.onDidChangeDiagnostics], describe: () => JSON.stringify(allOurDiagnostics()) },
    );
  });
});
