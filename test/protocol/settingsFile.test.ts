/**
 * The folder's .neutron-config.json in the language server (issue #17): the
 * same file the CLI reads applies under the editor's settings, follows changes
 * on disk, and what it gets wrong is said, not ignored.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient } from './lspClient';
import { PUSH_CLIENT_CAPABILITIES } from './capabilities';
import { SERVER, copyFixture, removeDirectory, uriOf } from './fixture';

const OVS = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const codes = (diagnostics: any[]) => diagnostics.map((d) => `${d.code}:${d.severity}`).sort();

describe('the settings file in the language server', () => {
  let dir: string;
  let client: LspClient;
  let editorSettings: unknown = null;

  before(async () => {
    dir = copyFixture('cli-basic');
    fs.writeFileSync(path.join(dir, '.neutron-config.json'), JSON.stringify({ rules: { 'physnet-undeclared': 'off', 'physnet-unmapped': 'information' }, rule: {} }));
    client = LspClient.start(SERVER);
    client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => editorSettings));
    await client.request('initialize', { processId: process.pid, rootUri: uriOf(dir), workspaceFolders: [{ uri: uriOf(dir), name: 'deployment' }], capabilities: PUSH_CLIENT_CAPABILITIES });
    client.notify('initialized', {});
  });

  after(() => {
    client?.kill();
    if (dir) removeDirectory(dir);
  });

  it('applies the file: a check turned off, another lowered; and says which key it does not know', async () => {
    const ml2 = await client.waitForDiagnostics(uriOf(path.join(dir, ML2)), (d) => d.length > 0, 'the ML2 findings');
    assert.deepEqual(codes(ml2), ['flat-type-driver-missing:1', 'physnet-unmapped:3']);
    assert.equal(client.latestDiagnostics(uriOf(path.join(dir, OVS))), undefined, 'the agent file is clean: physnet-undeclared is off');
    await client.waitFor('the warning about the unknown key', () =>
      client.serverRequests.find((r) => r.method === 'window/showMessageRequest' && /\.neutron-config\.json in deployment: unknown key 'rule' ignored/.test(r.params.message)),
    );
  });

  it('follows the file on disk, and the editor settings win over it', async () => {
    fs.writeFileSync(path.join(dir, '.neutron-config.json'), JSON.stringify({ rules: { 'physnet-unmapped': 'off' } }));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(dir, '.neutron-config.json')), type: 2 }] });
    const ovs = await client.waitForDiagnostics(uriOf(path.join(dir, OVS)), (d) => d.length > 0, 'physnet-undeclared back');
    assert.deepEqual(codes(ovs), ['physnet-undeclared:1']);
    await client.waitForDiagnostics(uriOf(path.join(dir, ML2)), (d) => codes(d).join() === 'flat-type-driver-missing:1', 'physnet-unmapped off');
    editorSettings = { rules: { 'physnet-unmapped': 'warning' } };
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(uriOf(path.join(dir, ML2)), (d) => codes(d).join() === 'flat-type-driver-missing:1,physnet-unmapped:2', 'the editor setting wins');
  });
});

describe('settings from initializationOptions, for a client that cannot answer workspace/configuration', () => {
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = copyFixture('cli-basic');
    client = LspClient.start(SERVER);
    await client.request('initialize', {
      processId: process.pid,
      rootUri: uriOf(dir),
      workspaceFolders: [{ uri: uriOf(dir), name: 'deployment' }],
      capabilities: { textDocument: { publishDiagnostics: {} } },
      initializationOptions: { settings: { rules: { 'physnet-undeclared': 'off', 'flat-type-driver-missing': 'hint' } } },
    });
    client.notify('initialized', {});
  });

  after(() => {
    client?.kill();
    if (dir) removeDirectory(dir);
  });

  it('are the settings of every folder', async () => {
    const ml2 = await client.waitForDiagnostics(uriOf(path.join(dir, ML2)), (d) => d.length > 0, 'the ML2 findings');
    assert.deepEqual(codes(ml2), ['flat-type-driver-missing:4', 'physnet-unmapped:2']);
    assert.equal(client.latestDiagnostics(uriOf(path.join(dir, OVS))), undefined, 'physnet-undeclared is off');
    assert.equal(client.countServerRequests('workspace/configuration'), 0);
  });
});
