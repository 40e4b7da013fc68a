/**
 * Protocol tests for pull diagnostics, as VS Code's client uses them:
 * `textDocument/diagnostic` for open documents, `workspace/diagnostic` for all
 * files (so problems of files never opened reach the Problems panel), result
 * ids for unchanged files, `workspace/diagnostic/refresh` after a change.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient, LspError } from './lspClient';
import { SERVER, copyFixture, removeDirectory, uriOf } from './fixture';

const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const OVS = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';

const PULL_CLIENT_CAPABILITIES = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
    diagnostics: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { dataSupport: true },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
  },
};

describe('language server over stdio, pull diagnostics', () => {
  let dir: string;
  let client: LspClient;
  let ml2Uri: string;
  let ovsUri: string;
  let ovsText: string;
  /** uri -> resultId, as a client keeps them. */
  const known = new Map<string, string>();

  const workspacePull = async (timeoutMs?: number) => {
    const report = await client.request(
      'workspace/diagnostic',
      { previousResultIds: [...known].map(([uri, value]) => ({ uri, value })) },
      timeoutMs,
    );
    for (const item of report.items) if (item.resultId) known.set(item.uri, item.resultId);
    return report.items as any[];
  };

  before(async () => {
    dir = copyFixture('cli-basic');
    ml2Uri = uriOf(path.join(dir, ML2));
    ovsUri = uriOf(path.join(dir, OVS));
    ovsText = fs.readFileSync(path.join(dir, OVS), 'utf8');
    client = LspClient.start(SERVER);
    // Settings come back from workspace/configuration: turn one check off to see that they apply.
    client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ rules: { 'physnet-unmapped': 'off' } })));
    const result = await client.request('initialize', {
      processId: process.pid,
      rootUri: uriOf(dir),
      workspaceFolders: [{ uri: uriOf(dir), name: 'deployment' }],
      capabilities: PULL_CLIENT_CAPABILITIES,
    });
    assert.deepEqual(result.capabilities.diagnosticProvider, {
      identifier: 'neutron-config',
      interFileDependencies: true,
      workspaceDiagnostics: true,
    });
    client.notify('initialized', {});
  });

  after(() => {
    client?.kill();
    if (dir) removeDirectory(dir);
  });

  it('reports every file of the workspace through workspace/diagnostic', async () => {
    const items = await workspacePull();
    const byUri = new Map(items.map((item) => [item.uri, item]));
    assert.ok(byUri.has(ml2Uri) && byUri.has(ovsUri), `both files reported, got ${[...byUri.keys()].join(', ')}`);
    assert.equal(byUri.get(ovsUri).kind, 'full');
    assert.deepEqual(byUri.get(ovsUri).items.map((d: any) => d.code), ['physnet-undeclared']);
    // physnet-unmapped is off in the folder's settings.
    assert.deepEqual(byUri.get(ml2Uri).items.map((d: any) => d.code), ['flat-type-driver-missing']);
    assert.equal(client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics').length, 0, 'nothing pushed');
  });

  it('answers textDocument/diagnostic with a result id, then "unchanged"', async () => {
    client.notify('textDocument/didOpen', { textDocument: { uri: ovsUri, languageId: 'ini', version: 1, text: ovsText } });
    const first = await client.request('textDocument/diagnostic', { textDocument: { uri: ovsUri } });
    assert.equal(first.kind, 'full');
    assert.deepEqual(first.items.map((d: any) => d.code), ['physnet-undeclared']);
    assert.ok(first.resultId);
    const second = await client.request('textDocument/diagnostic', { textDocument: { uri: ovsUri }, previousResultId: first.resultId });
    assert.deepEqual(second, { kind: 'unchanged', resultId: first.resultId });
  });

  it('holds workspace/diagnostic while nothing changed, and answers when an edit changes another file', async () => {
    const refreshesBefore = client.countServerRequests('workspace/diagnostic/refresh');
    const pending = workspacePull(15_000);
    let answered = false;
    void pending.then(() => (answered = true), () => (answered = true));
    // A request on the same connection is answered while the workspace pull is held.
    const hover = await client.request('textDocument/hover', { textDocument: { uri: ovsUri }, position: { line: 1, character: 3 } });
    assert.ok(hover);
    assert.equal(answered, false, 'nothing new, so the workspace pull is still open');

    // physnet2 -> physnet1: fixes the OVS file; the ML2 file keeps its error.
    client.notify('textDocument/didChange', {
      textDocument: { uri: ovsUri, version: 2 },
      contentChanges: [{ text: ovsText.replace('physnet2', 'physnet1') }],
    });
    const items = await pending;
    const ovs = items.find((item) => item.uri === ovsUri);
    assert.ok(ovs, 'the edited file is reported');
    assert.deepEqual(ovs.items, []);
    assert.ok(!items.some((item) => item.uri === ml2Uri), 'the ML2 file is not re-sent: its result is unchanged');
    await client.waitFor('workspace/diagnostic/refresh', () => client.countServerRequests('workspace/diagnostic/refresh') > refreshesBefore);

    const again = await client.request('textDocument/diagnostic', { textDocument: { uri: ovsUri } });
    assert.deepEqual(again.items, []);
  });

  it('answers a cancelled workspace/diagnostic with the cancellation error', async () => {
    const { id, response } = client.requestWithId('workspace/diagnostic', { previousResultIds: [...known].map(([uri, value]) => ({ uri, value })) });
    client.notify('$/cancelRequest', { id });
    await assert.rejects(response, (error: unknown) => error instanceof LspError && error.code === -32800);
  });

  it('shuts down and exits with code 0', async () => {
    assert.equal(await client.shutdown(), 0);
  });
});
