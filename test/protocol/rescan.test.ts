/**
 * neutronConfig/checkWorkspace re-reads the folders from disk: a file gone
 * since the last read is forgotten (its findings withdrawn), one added is
 * checked, and the files the walk finds again keep their place. The client
 * here watches files itself but sends no events, as when changes happen
 * while the editor is closed or a watch is missed.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient } from './lspClient';
import { SERVER, codesOf, copyFixture, removeDirectory, uriOf } from './fixture';

const OVS = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';

describe('checking the workspace again from disk', () => {
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = copyFixture('cli-basic');
    client = LspClient.start(SERVER);
    await client.initializeOn(dir, { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: {} } });
    await client.waitForDiagnostics(uriOf(path.join(dir, OVS)), (d) => codesOf(d).includes('physnet-undeclared'), 'the first findings');
  });

  after(() => {
    client?.kill();
    if (dir) removeDirectory(dir);
  });

  it('forgets a file gone from disk and checks one added, with no file events', async () => {
    const before = await client.request('neutronConfig/checkWorkspace', {});
    assert.equal(before.files, 2);
    fs.rmSync(path.join(dir, OVS));
    const added = path.join(dir, 'compute-1', 'etc', 'neutron', 'plugins', 'ml2', 'openvswitch_agent.ini');
    fs.mkdirSync(path.dirname(added), { recursive: true });
    fs.writeFileSync(added, '[ovs]\nbridge_mappings = physnet7:br-ex\n');
    const after = await client.request('neutronConfig/checkWorkspace', {});
    assert.equal(after.files, 2);
    await client.waitForDiagnostics(uriOf(path.join(dir, OVS)), (d) => d.length === 0, 'the removed file\'s findings withdrawn');
    const found = await client.waitForDiagnostics(uriOf(added), (d) => codesOf(d).includes('physnet-undeclared'), 'the added file checked');
    assert.match(found.find((d: any) => d.code === 'physnet-undeclared').message, /physnet7/);
  });
});
