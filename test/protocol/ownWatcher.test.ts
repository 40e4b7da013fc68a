/**
 * A client that does not watch files (issue #17): the server watches the
 * folders itself, so a change made on disk outside the editor (git pull, a
 * script) still updates the findings, and a file removed takes its own away.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient } from './lspClient';
import { SERVER, codesOf, copyFixture, removeDirectory, uriOf } from './fixture';

const OVS = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';

describe('the server watching the folders itself', () => {
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = copyFixture('cli-basic');
    client = LspClient.start(SERVER);
    // No workspace.didChangeWatchedFiles: nobody tells the server about changes on disk.
    await client.initializeOn(dir, { textDocument: { publishDiagnostics: {} } });
    await client.waitForDiagnostics(uriOf(path.join(dir, OVS)), (d) => codesOf(d).includes('physnet-undeclared'), 'the first findings');
    // The watch is set up once the folder is read; the server says so.
    await client.waitFor('the server watching the folder', () => client.notifications.some((n) => n.method === 'window/logMessage' && /^Watching .* for changes on disk/.test(n.params.message)));
  });

  after(() => {
    client?.kill();
    if (dir) removeDirectory(dir);
  });

  it('does not ask the client to watch files', () => {
    assert.equal(client.countServerRequests('client/registerCapability'), 0);
  });

  it('sees a file changed on disk, and one added', async () => {
    const file = path.join(dir, OVS);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('physnet2', 'physnet1'));
    await client.waitForDiagnostics(uriOf(file), (d) => !codesOf(d).includes('physnet-undeclared'), 'physnet-undeclared gone after the change on disk');
    const second = path.join(dir, 'compute-1', 'etc', 'neutron', 'plugins', 'ml2', 'openvswitch_agent.ini');
    fs.mkdirSync(path.dirname(second), { recursive: true });
    fs.writeFileSync(second, '[ovs]\nbridge_mappings = physnet5:br-ex\n');
    const found = await client.waitForDiagnostics(uriOf(second), (d) => codesOf(d).includes('physnet-undeclared'), 'the new host checked');
    assert.match(found.find((d: any) => d.code === 'physnet-undeclared').message, /physnet5/);
    // The new directories are watched too: a later change there is seen.
    fs.writeFileSync(second, '[ovs]\nbridge_mappings = physnet1:br-ex\n');
    await client.waitForDiagnostics(uriOf(second), (d) => !codesOf(d).includes('physnet-undeclared'), 'the change in the new directory seen');
  });

  it('drops the findings of a file removed from disk', async () => {
    const ml2 = path.join(dir, ML2);
    fs.rmSync(ml2);
    await client.waitForDiagnostics(uriOf(ml2), (d) => d.length === 0, 'the ML2 file forgotten');
  });
});
