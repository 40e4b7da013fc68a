/**
 * Protocol tests: start the bundled server (`node dist/server.js --stdio`) and
 * speak raw JSON-RPC to it as a client without pull diagnostics would.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient } from './lspClient';
import { PUSH_CLIENT_CAPABILITIES } from './capabilities';
import { SERVER, applyEdits, copyFixture, hoverText, positionOf, removeDirectory, uriOf } from './fixture';

const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const OVS = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';


function codes(diagnostics: any[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}

describe('language server over stdio, push diagnostics', () => {
  let dir: string;
  let client: LspClient;
  let ml2Uri: string;
  let ovsUri: string;
  let ovsText: string;
  let ml2Text: string;
  let ovsVersion = 1;

  before(async () => {
    dir = copyFixture('cli-basic');
    ml2Uri = uriOf(path.join(dir, ML2));
    ovsUri = uriOf(path.join(dir, OVS));
    ml2Text = fs.readFileSync(path.join(dir, ML2), 'utf8');
    ovsText = fs.readFileSync(path.join(dir, OVS), 'utf8');
    client = LspClient.start(SERVER);
    const result = await client.request('initialize', {
      processId: process.pid,
      rootUri: uriOf(dir),
      workspaceFolders: [{ uri: uriOf(dir), name: 'deployment' }],
      capabilities: PUSH_CLIENT_CAPABILITIES,
    });
    assert.equal(result.serverInfo.name, 'neutron-config');
    assert.equal(result.capabilities.diagnosticProvider, undefined, 'no pull diagnostics for a client without them');
    assert.deepEqual(result.capabilities.completionProvider.triggerCharacters, [':', ',', '=', ' ']);
    client.notify('initialized', {});
  });

  after(async () => {
    client?.kill();
    if (dir) removeDirectory(dir);
  });

  it('checks files that were never opened: the whole folder is indexed at start', async () => {
    const ovs = await client.waitForDiagnostics(ovsUri, (d) => d.length > 0, 'physnet-undeclared');
    const undeclared = ovs.find((d) => d.code === 'physnet-undeclared');
    assert.ok(undeclared, `physnet-undeclared expected, got ${JSON.stringify(ovs)}`);
    assert.deepEqual(undeclared.range, { start: { line: 1, character: 18 }, end: { line: 1, character: 26 } });
    assert.equal(undeclared.severity, 1);
    assert.equal(undeclared.source, 'neutron-config');

    const ml2 = await client.waitForDiagnostics(ml2Uri, (d) => d.length > 0, 'flat-type-driver-missing');
    const flat = ml2.find((d) => d.code === 'flat-type-driver-missing');
    assert.ok(flat, `flat-type-driver-missing expected, got ${JSON.stringify(ml2)}`);
    assert.equal(flat.range.start.line, 1, 'on the type_drivers line');
    assert.equal(flat.severity, 1);
  });

  it('asks for the neutronConfig settings of each folder and registers a watcher for all files', async () => {
    await client.waitFor('a file watcher registration', () =>
      client.serverRequests.some(
        (r) =>
          r.method === 'client/registerCapability' &&
          r.params.registrations.some((g: any) => g.method === 'workspace/didChangeWatchedFiles' && g.registerOptions.watchers.some((w: any) => w.globPattern === '**/*')),
      ),
    );
    const configuration = client.serverRequests.find((r) => r.method === 'workspace/configuration');
    assert.ok(configuration, 'workspace/configuration requested');
    assert.deepEqual(configuration.params.items, [{ scopeUri: uriOf(dir), section: 'neutronConfig' }]);
  });

  it('follows edits of an open document, across files', async () => {
    client.notify('textDocument/didOpen', { textDocument: { uri: ovsUri, languageId: 'ini', version: ovsVersion, text: ovsText } });
    // physnet2 -> physnet1, as an incremental change of the 8 characters.
    const start = positionOf(ovsText, 'physnet2');
    client.notify('textDocument/didChange', {
      textDocument: { uri: ovsUri, version: ++ovsVersion },
      contentChanges: [{ range: { start, end: { line: start.line, character: start.character + 8 } }, text: 'physnet1' }],
    });
    ovsText = ovsText.replace('physnet2', 'physnet1');
    const publishesBeforeEdit = client.notifications.length;
    await client.waitForDiagnostics(ovsUri, (d) => !codes(d).includes('physnet-undeclared'), 'physnet-undeclared gone after the edit');
    // The ML2 file was not touched, but physnet1 is now mapped on compute-0.
    await client.waitForDiagnostics(ml2Uri, (d) => !codes(d).includes('physnet-unmapped'), 'physnet-unmapped gone in the ML2 file');
    // The edited document is published first, the files it affects follow.
    const order = client.notifications
      .slice(publishesBeforeEdit)
      .filter((n) => n.method === 'textDocument/publishDiagnostics')
      .map((n) => n.params.uri);
    assert.ok(order.indexOf(ovsUri) >= 0 && order.indexOf(ovsUri) < order.indexOf(ml2Uri), `edited file first, got ${order.join(', ')}`);
    const ml2 = client.latestDiagnostics(ml2Uri)!;
    assert.ok(codes(ml2).includes('flat-type-driver-missing'), 'the type driver is still missing');

    // A burst of edits (typing): only the last state is checked and published.
    const publishesBefore = client.notifications.length;
    const names = ['physnet3', 'physnet4', 'physnet5', 'physnet6', 'physnet7', 'physnet8', 'physnet9'];
    for (let i = 0; i < 21; i++) {
      client.notify('textDocument/didChange', {
        textDocument: { uri: ovsUri, version: ++ovsVersion },
        contentChanges: [{ text: ovsText.replace('physnet1', names[i % names.length]) }],
      });
    }
    ovsText = ovsText.replace('physnet1', 'physnet9');
    const finalVersion = ovsVersion;
    // Wait for the last version: on a slow machine the first edit of the burst (physnet3) is published too.
    const ovs = await client.waitForVersion(ovsUri, finalVersion);
    assert.match(ovs.find((d) => d.code === 'physnet-undeclared').message, /physnet9/);
    const published = client.notifications
      .slice(publishesBefore)
      .filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === ovsUri);
    // The first edit is applied at once (the document was settled); the rest arrive while its diagnostics
    // wait to be published, so they are debounced, and those diagnostics, stale by then, are not sent.
    // One publication is expected; a second is tolerated on a machine slow enough to publish the first
    // edit before the second arrives, or to pause 150 ms mid-burst.
    assert.ok(published.length >= 1 && published.length <= 2, `few publications for 21 quick edits, got versions ${published.map((n) => n.params.version).join(', ')}`);
    assert.equal(published[published.length - 1].params.version, finalVersion);
  });

  it('answers hover on bridge_mappings and on a physnet inside it', async () => {
    const onKey = await client.request('textDocument/hover', { textDocument: { uri: ovsUri }, position: positionOf(ovsText, 'bridge_mappings', 3) });
    assert.ok(onKey, 'a hover on bridge_mappings');
    assert.match(hoverText(onKey), /br-ex/);
    const onPhysnet = await client.request('textDocument/hover', { textDocument: { uri: ovsUri }, position: positionOf(ovsText, 'physnet9', 2) });
    assert.ok(onPhysnet, 'a hover on the physnet');
    assert.match(hoverText(onPhysnet), /physnet9/);
  });

  it('completes declared physnets in bridge_mappings', async () => {
    const position = positionOf(ovsText, 'physnet9');
    const completion = await client.request('textDocument/completion', {
      textDocument: { uri: ovsUri },
      position,
      context: { triggerKind: 2, triggerCharacter: ' ' },
    });
    const items: any[] = Array.isArray(completion) ? completion : completion.items;
    assert.ok(items.some((item) => item.label === 'physnet1'), `physnet1 offered, got ${JSON.stringify(items.map((i) => i.label))}`);
  });

  it('offers a quick fix that adds flat to type_drivers', async () => {
    const ml2 = client.latestDiagnostics(ml2Uri)!;
    const flat = ml2.find((d) => d.code === 'flat-type-driver-missing');
    assert.ok(flat);
    const actions: any[] = await client.request('textDocument/codeAction', {
      textDocument: { uri: ml2Uri },
      range: flat.range,
      context: { diagnostics: [flat], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.kind === 'quickfix' && a.edit && JSON.stringify(a.edit).includes('flat'));
    assert.ok(fix, `a quick fix adding flat, got ${JSON.stringify(actions.map((a) => a.title))}`);
    const edits = fix.edit.changes?.[ml2Uri] ?? fix.edit.documentChanges?.find((c: any) => c.textDocument?.uri === ml2Uri)?.edits;
    assert.ok(edits, 'edits for the ML2 file');
    const fixed = applyEdits(ml2Text, edits);
    assert.match(fixed, /^type_drivers = vxlan,flat$/m);

    const none: any[] = await client.request('textDocument/codeAction', {
      textDocument: { uri: ml2Uri },
      range: flat.range,
      context: { diagnostics: [flat], only: ['refactor'] },
    });
    assert.deepEqual(none, [], 'only quick fixes are offered');
  });

  it('follows files created and deleted on disk (watched-file events)', async () => {
    const scripts = path.join(dir, 'compute-0', 'etc', 'sysconfig', 'network-scripts');
    fs.mkdirSync(scripts, { recursive: true });
    const port = path.join(scripts, 'ifcfg-eth1');
    fs.writeFileSync(port, 'DEVICE=eth1\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-nowhere\nONBOOT=yes\n');
    const portUri = uriOf(port);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: portUri, type: 1 }] });
    const found = await client.waitForDiagnostics(portUri, (d) => codes(d).includes('port-bridge-undefined'), 'port-bridge-undefined on the new file');
    const diagnostic = found.find((d) => d.code === 'port-bridge-undefined');
    assert.deepEqual(diagnostic.range, { start: { line: 3, character: 11 }, end: { line: 3, character: 21 } });

    fs.rmSync(port);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: portUri, type: 3 }] });
    await client.waitForDiagnostics(portUri, (d) => d.length === 0, 'diagnostics cleared after the delete');
  });

  it('survives binary garbage in a document and keeps answering', async () => {
    const garbageUri = uriOf(path.join(dir, 'junk', 'etc', 'neutron', 'plugins', 'ml2', 'openvswitch_agent.ini'));
    let bytes = '';
    let seed = 42;
    for (let i = 0; i < 4096; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes += String.fromCharCode(seed % 7 === 0 ? 0 : seed % 0xd7ff);
    }
    const logsBefore = client.notifications.length;
    const text = `[ovs]\nbridge_mappings = \u0000:\u0000,::,${bytes}\n[${bytes}\n=${bytes}`;
    client.notify('textDocument/didOpen', { textDocument: { uri: garbageUri, languageId: 'ini', version: 1, text } });
    client.notify('textDocument/didChange', { textDocument: { uri: garbageUri, version: 2 }, contentChanges: [{ text: bytes + text }] });
    for (const position of [{ line: 0, character: 0 }, { line: 1, character: 19 }, { line: 3, character: 100 }, { line: 999, character: 999 }]) {
      await client.request('textDocument/hover', { textDocument: { uri: garbageUri }, position });
      await client.request('textDocument/completion', { textDocument: { uri: garbageUri }, position });
      await client.request('textDocument/codeAction', {
        textDocument: { uri: garbageUri },
        range: { start: position, end: position },
        context: { diagnostics: [{ range: { start: position, end: position }, message: 'x', code: 'physnet-undeclared', source: 'neutron-config' }] },
      });
    }
    // The server still works on a sound file.
    const hover = await client.request('textDocument/hover', { textDocument: { uri: ovsUri }, position: positionOf(ovsText, 'bridge_mappings', 3) });
    assert.ok(hover, 'hover still answered after the garbage');
    assert.equal(client.hasExited, false);
    // Nothing failed on the way (a failure would be logged as an error, and answered neutrally).
    const errors = client.notifications.slice(logsBefore).filter((n) => n.method === 'window/logMessage' && n.params.type === 1);
    assert.deepEqual(errors.map((n) => n.params.message), []);
  });

  it('answers a request for an unknown document with a neutral result', async () => {
    const hover = await client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere/readme.txt' }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
  });

  it('applies changed settings (workspace/didChangeConfiguration)', async () => {
    client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ rules: { 'physnet-undeclared': 'hint' } })));
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const ovs = await client.waitForDiagnostics(ovsUri, (d) => d.some((x) => x.code === 'physnet-undeclared' && x.severity === 4), 'physnet-undeclared as a hint');
    assert.equal(ovs.length, 1);
    client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(ovsUri, (d) => d.some((x) => x.code === 'physnet-undeclared' && x.severity === 1), 'physnet-undeclared an error again');
  });

  it('goes back to the disk text when a document closes, and follows a renamed folder', async () => {
    client.notify('textDocument/didClose', { textDocument: { uri: ovsUri } });
    // On disk the mapping still names physnet2.
    await client.waitForDiagnostics(ovsUri, (d) => d.some((x) => x.code === 'physnet-undeclared' && /physnet2/.test(x.message)), 'the disk text checked again');

    const oldHost = path.join(dir, 'compute-0');
    const newHost = path.join(dir, 'compute-7');
    fs.renameSync(oldHost, newHost);
    client.notify('workspace/didRenameFiles', { files: [{ oldUri: uriOf(oldHost), newUri: uriOf(newHost) }] });
    const movedUri = uriOf(path.join(newHost, 'etc', 'neutron', 'plugins', 'ml2', 'openvswitch_agent.ini'));
    const moved = await client.waitForDiagnostics(movedUri, (d) => codes(d).includes('physnet-undeclared'), 'the moved file checked');
    assert.match(moved[0].message, /compute-7/, 'the host name comes from the new folder');
    await client.waitForDiagnostics(ovsUri, (d) => d.length === 0, 'the old path cleared');
  });

  it('indexes a workspace folder added later, and forgets it when removed', async () => {
    const second = copyFixture('cli-basic');
    try {
      const secondOvs = uriOf(path.join(second, OVS));
      client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uriOf(second), name: 'second' }], removed: [] } });
      await client.waitForDiagnostics(secondOvs, (d) => codes(d).includes('physnet-undeclared'), 'the new folder checked');
      client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: uriOf(second), name: 'second' }] } });
      await client.waitForDiagnostics(secondOvs, (d) => d.length === 0, 'the removed folder cleared');
    } finally {
      removeDirectory(second);
    }
  });

  it('shuts down and exits with code 0', async () => {
    const code = await client.shutdown();
    assert.equal(code, 0);
  });
});
