/**
 * Protocol tests for navigation and refactoring over stdio: definition,
 * references, highlights, prepareRename/rename (with a file rename and a
 * refusal), document and workspace symbols, code lens and inlay hints, on a
 * small two-host deployment written to a temporary folder and never opened.
 *
 * Needs `registerNavigationHandlers` wired into startServer (and the bundle
 * rebuilt); until then the server does not advertise definitionProvider and
 * every test here is skipped with a note.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import { LspClient, LspError } from './lspClient';
import { SERVER, applyEdits, positionOf, removeDirectory, uriOf } from './fixture';

const FILES: Record<string, string> = {
  'controller/etc/neutron/plugins/ml2/ml2_conf.ini': '[ml2]\ntype_drivers = flat,vlan\n\n[ml2_type_flat]\nflat_networks = physnet1\n\n[ml2_type_vlan]\nnetwork_vlan_ranges = physnet2:100:199\n',
  'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini': '[ovs]\nbridge_mappings = physnet1:br-ex,physnet2:br-vlan\n',
  'compute-0/etc/sysconfig/network-scripts/ifcfg-br-ex': 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\n',
  'compute-0/etc/sysconfig/network-scripts/ifcfg-br-vlan': 'DEVICE=br-vlan\nTYPE=OVSBridge\nDEVICETYPE=ovs\n',
  'compute-0/etc/sysconfig/network-scripts/ifcfg-eth1': 'DEVICE=eth1\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-ex\n',
  'compute-1/etc/neutron/plugins/ml2/openvswitch_agent.ini': '[ovs]\nbridge_mappings = physnet1:br-ex\n',
};
const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const AGENT0 = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const AGENT1 = 'compute-1/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const BR_EX = 'compute-0/etc/sysconfig/network-scripts/ifcfg-br-ex';
const ETH1 = 'compute-0/etc/sysconfig/network-scripts/ifcfg-eth1';

const NAVIGATION_CLIENT_CAPABILITIES = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
    codeLens: { refreshSupport: true },
    inlayHint: { refreshSupport: true },
    symbol: {},
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    definition: { linkSupport: false },
    references: {},
    documentHighlight: {},
    rename: { prepareSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeLens: {},
    inlayHint: {},
  },
};

describe('language server over stdio: navigation and rename', () => {
  let dir: string;
  let client: LspClient;
  let wired = false;
  const uri = (rel: string) => uriOf(path.join(dir, rel));
  const rel = (u: string) => path.relative(dir, new URL(u).pathname);
  const pos = (file: string, needle: string, offset = 0, occurrence = 1) => positionOf(FILES[file], needle, offset, occurrence);
  const skipUnlessWired = (t: TestContext): boolean => {
    if (!wired) t.skip('registerNavigationHandlers is not wired into startServer (or dist/ is not rebuilt)');
    return !wired;
  };

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'neutron-config-navigation-'));
    for (const [file, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    client = LspClient.start(SERVER);
    const result = await client.request('initialize', {
      processId: process.pid,
      rootUri: uriOf(dir),
      workspaceFolders: [{ uri: uriOf(dir), name: 'deployment' }],
      capabilities: NAVIGATION_CLIENT_CAPABILITIES,
    });
    wired = result.capabilities.definitionProvider !== undefined;
    if (wired) {
      assert.equal(result.capabilities.referencesProvider, true);
      assert.equal(result.capabilities.documentHighlightProvider, true);
      assert.deepEqual(result.capabilities.renameProvider, { prepareProvider: true });
      assert.ok(result.capabilities.documentSymbolProvider);
      assert.equal(result.capabilities.workspaceSymbolProvider, true);
      assert.deepEqual(result.capabilities.codeLensProvider, { resolveProvider: false });
      assert.deepEqual(result.capabilities.inlayHintProvider, { resolveProvider: false });
    }
    client.notify('initialized', {});
    if (!wired) return;
    // The folder is read in the background; push diagnostics start once it is all indexed, and
    // br-vlan has no port, so a first publishDiagnostics says the index is complete.
    await client.waitFor('the first pushed diagnostics', () => client.notifications.some((n) => n.method === 'textDocument/publishDiagnostics'));
  });

  after(() => {
    client?.kill();
    if (dir) removeDirectory(dir);
  });

  it('goes to the declaration of a physnet in another file', async (t) => {
    if (skipUnlessWired(t)) return;
    const found: any[] = await client.request('textDocument/definition', { textDocument: { uri: uri(AGENT0) }, position: pos(AGENT0, 'physnet1', 3) });
    assert.deepEqual(found, [{ uri: uri(ML2), range: { start: pos(ML2, 'physnet1'), end: pos(ML2, 'physnet1', 8) } }]);
  });

  it('goes from OVS_BRIDGE to the DEVICE line of the bridge file', async (t) => {
    if (skipUnlessWired(t)) return;
    const found: any[] = await client.request('textDocument/definition', { textDocument: { uri: uri(ETH1) }, position: pos(ETH1, 'br-ex', 1) });
    assert.deepEqual(found, [{ uri: uri(BR_EX), range: { start: pos(BR_EX, 'br-ex'), end: pos(BR_EX, 'br-ex', 5) } }]);
  });

  it('finds references across hosts, with and without the declaration', async (t) => {
    if (skipUnlessWired(t)) return;
    const ask = async (includeDeclaration: boolean) => {
      const found: any[] = await client.request('textDocument/references', {
        textDocument: { uri: uri(AGENT1) },
        position: pos(AGENT1, 'physnet1'),
        context: { includeDeclaration },
      });
      return found.map((l) => `${rel(l.uri)}@${l.range.start.line}:${l.range.start.character}`);
    };
    assert.deepEqual(await ask(true), [`${AGENT0}@1:18`, `${AGENT1}@1:18`, `${ML2}@4:16`]);
    assert.deepEqual(await ask(false), [`${AGENT0}@1:18`, `${AGENT1}@1:18`]);
  });

  it('highlights a bridge within its file', async (t) => {
    if (skipUnlessWired(t)) return;
    const found: any[] = await client.request('textDocument/documentHighlight', { textDocument: { uri: uri(AGENT0) }, position: pos(AGENT0, 'br-ex') });
    assert.deepEqual(found, [{ range: { start: pos(AGENT0, 'br-ex'), end: pos(AGENT0, 'br-ex', 5) }, kind: 2 }]);
  });

  it('prepares a rename with the exact range, and refuses one on an option name with a message', async (t) => {
    if (skipUnlessWired(t)) return;
    const prepared = await client.request('textDocument/prepareRename', { textDocument: { uri: uri(AGENT0) }, position: pos(AGENT0, 'physnet2', 2) });
    assert.deepEqual(prepared, { range: { start: pos(AGENT0, 'physnet2'), end: pos(AGENT0, 'physnet2', 8) }, placeholder: 'physnet2' });
    await assert.rejects(
      client.request('textDocument/prepareRename', { textDocument: { uri: uri(AGENT0) }, position: pos(AGENT0, 'bridge_mappings', 2) }),
      (error: unknown) => error instanceof LspError && error.code === -32803 && /"bridge_mappings" is an option name/.test(error.message),
    );
  });

  it('renames a physnet in every file of the deployment, none of them open', async (t) => {
    if (skipUnlessWired(t)) return;
    const edit = await client.request('textDocument/rename', { textDocument: { uri: uri(AGENT1) }, position: pos(AGENT1, 'physnet1'), newName: 'provider' });
    const after: Record<string, string> = {};
    for (const change of edit.documentChanges) {
      assert.equal(change.kind, undefined, 'text edits only');
      assert.equal(change.textDocument.version, null);
      after[rel(change.textDocument.uri)] = applyEdits(FILES[rel(change.textDocument.uri)], change.edits);
    }
    assert.deepEqual(after, {
      [AGENT0]: FILES[AGENT0].replace('physnet1', 'provider'),
      [AGENT1]: FILES[AGENT1].replace('physnet1', 'provider'),
      [ML2]: FILES[ML2].replace('physnet1', 'provider'),
    });
  });

  it('renames a bridge with its ifcfg file in the same edit', async (t) => {
    if (skipUnlessWired(t)) return;
    const edit = await client.request('textDocument/rename', { textDocument: { uri: uri(ETH1) }, position: pos(ETH1, 'br-ex'), newName: 'br-provider' });
    const kinds = edit.documentChanges.map((c: any) => c.kind ?? rel(c.textDocument.uri));
    assert.deepEqual(kinds, [AGENT0, BR_EX, ETH1, 'rename']);
    const rename = edit.documentChanges[3];
    assert.equal(rename.oldUri, uri(BR_EX));
    assert.equal(rename.newUri, uri('compute-0/etc/sysconfig/network-scripts/ifcfg-br-provider'));
    const device = edit.documentChanges[1];
    assert.equal(applyEdits(FILES[BR_EX], device.edits), FILES[BR_EX].replace('br-ex', 'br-provider'));
  });

  it('refuses an invalid new name with a message', async (t) => {
    if (skipUnlessWired(t)) return;
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri: uri(AGENT0) }, position: pos(AGENT0, 'br-ex'), newName: 'br-much-too-long-name' }),
      (error: unknown) => error instanceof LspError && error.code === -32803 && /Linux interface names have at most 15/.test(error.message),
    );
  });

  it('answers document symbols and workspace symbols', async (t) => {
    if (skipUnlessWired(t)) return;
    const symbols: any[] = await client.request('textDocument/documentSymbol', { textDocument: { uri: uri(ML2) } });
    assert.deepEqual(
      symbols.map((s) => `${s.name}: ${(s.children ?? []).map((c: any) => c.name).join(', ')}`),
      ['ml2: type_drivers', 'ml2_type_flat: flat_networks', 'ml2_type_vlan: network_vlan_ranges'],
    );
    const found: any[] = await client.request('workspace/symbol', { query: 'PHYSNET' });
    assert.deepEqual(found.map((s) => `${s.name} ${rel(s.location.uri)}`), [`physnet1 ${ML2}`, `physnet2 ${ML2}`]);
  });

  it('answers code lenses with a showReferences command, and inlay hints', async (t) => {
    if (skipUnlessWired(t)) return;
    const lenses: any[] = await client.request('textDocument/codeLens', { textDocument: { uri: uri(AGENT0) } });
    assert.deepEqual(lenses.map((l) => l.command.title), ['physnet1: mapped on 2 of 2 hosts', 'physnet2: mapped on 1 of 2 hosts · missing on compute-1']);
    assert.equal(lenses[0].command.command, 'editor.action.showReferences');
    assert.equal(lenses[0].command.arguments[0], uri(AGENT0));
    assert.equal(lenses[0].command.arguments[2].length, 3);
    const hints: any[] = await client.request('textDocument/inlayHint', {
      textDocument: { uri: uri(ML2) },
      range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
    });
    assert.deepEqual(hints.map((h) => `${h.position.line}:${h.position.character} ${h.label}`), ['7:38 100 tags']);
  });

  it('answers from the unsaved text of an open document, with its version in rename edits', async (t) => {
    if (skipUnlessWired(t)) return;
    const text = '[ovs]\n# edited, not saved\nbridge_mappings = physnet1:br-ex\n';
    client.notify('textDocument/didOpen', { textDocument: { uri: uri(AGENT1), languageId: 'ini', version: 7, text } });
    const found: any[] = await client.request('textDocument/references', {
      textDocument: { uri: uri(ML2) },
      position: pos(ML2, 'physnet1'),
      context: { includeDeclaration: false },
    });
    assert.deepEqual(found.map((l) => `${rel(l.uri)}@${l.range.start.line}:${l.range.start.character}`), [`${AGENT0}@1:18`, `${AGENT1}@2:18`]);
    const edit = await client.request('textDocument/rename', { textDocument: { uri: uri(ML2) }, position: pos(ML2, 'physnet1'), newName: 'ext' });
    const agent1 = edit.documentChanges.find((c: any) => rel(c.textDocument.uri) === AGENT1);
    assert.equal(agent1.textDocument.version, 7);
    assert.equal(applyEdits(text, agent1.edits), text.replace('physnet1', 'ext'));
  });
});
