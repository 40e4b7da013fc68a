/**
 * The node arguments the server wants (server/src/lsp/memory.ts) cannot be
 * set once it runs; a client that starts node without them is told which are
 * missing, once, in the log. The VS Code client's way of starting it is not.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { SERVER_NODE_ARGS } from '../../server/src/lsp/memory';
import { LspClient } from './lspClient';
import { SERVER, copyFixture, removeDirectory } from './fixture';

const NOTE = /^node runs this server without /;

async function logOfIndexing(client: LspClient, dir: string): Promise<string[]> {
  await client.initializeOn(dir, { textDocument: { publishDiagnostics: {} } });
  const logged = () => client.notifications.filter((n) => n.method === 'window/logMessage').map((n) => String(n.params.message));
  await client.waitFor('the folder indexed', () => logged().some((m) => m.startsWith('Indexed ')));
  return logged();
}

describe('node arguments', () => {
  const dir = copyFixture('cli-basic');
  const clients: LspClient[] = [];
  after(() => {
    for (const client of clients) client.kill();
    removeDirectory(dir);
  });

  it('started as the VS Code client starts it, the server says nothing about them', async () => {
    const client = LspClient.startExecutable(process.execPath, [...SERVER_NODE_ARGS, SERVER, '--stdio']);
    clients.push(client);
    const log = await logOfIndexing(client, dir);
    assert.deepEqual(log.filter((m) => NOTE.test(m)), []);
  });

  it('started without them, it names each one once, as information', async () => {
    const client = LspClient.start(SERVER);
    clients.push(client);
    await logOfIndexing(client, dir);
    const notes = client.notifications.filter((n) => n.method === 'window/logMessage' && NOTE.test(n.params.message));
    assert.equal(notes.length, 1);
    assert.equal(notes[0].params.type, 3);
    assert.match(notes[0].params.message, new RegExp(`^node runs this server without ${SERVER_NODE_ARGS.join(' ')}: `));
  });
});
