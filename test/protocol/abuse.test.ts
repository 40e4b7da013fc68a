/**
 * Protocol abuse (issue #12): positions out of range, unknown URIs, changes
 * of documents never opened or with an older version, bursts of edits and of
 * file events, malformed JSON-RPC, requests after shutdown, and files the
 * server must not read (links out of the workspace, files over the size
 * limit). After each, the server is still up and still answers hover.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient, LspError } from './lspClient';
import { SERVER, copyFixture, hoverText, positionOf, removeDirectory, uriOf } from './fixture';
import { PUSH_CLIENT_CAPABILITIES } from './capabilities';

const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const OVS = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const SCRIPTS = 'compute-0/etc/sysconfig/network-scripts';

async function start(dir: string, settings: Record<string, unknown> = {}): Promise<LspClient> {
  const client = LspClient.start(SERVER);
  client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
  await client.request('initialize', {
    processId: process.pid,
    rootUri: uriOf(dir),
    workspaceFolders: [{ uri: uriOf(dir), name: 'deployment' }],
    capabilities: PUSH_CLIENT_CAPABILITIES,
  });
  client.notify('initialized', {});
  return client;
}

describe('protocol abuse: the server answers, or refuses, and stays up', () => {
  let dir: string;
  let client: LspClient;
  let ovsUri: string;
  let ovsText: string;
  const hoverWorks = async () => {
    const hover = await client.request('textDocument/hover', { textDocument: { uri: ovsUri }, position: positionOf(ovsText, 'bridge_mappings', 2) });
    assert.match(hoverText(hover), /bridge_mappings/);
  };

  before(async () => {
    dir = copyFixture('cli-basic');
    ovsUri = uriOf(path.join(dir, OVS));
    ovsText = fs.readFileSync(path.join(dir, OVS), 'utf8');
    client = await start(dir);
    await client.waitForDiagnostics(ovsUri, (d) => d.some((x) => x.code === 'physnet-undeclared'), 'the first index');
  });

  after(() => {
    client?.kill();
    if (dir) removeDirectory(dir);
  });

  it('positions beyond the end, on a line past the last and negative: answers stay inside the document, no internal error', async () => {
    const doc = { uri: ovsUri };
    const lines = ovsText.split('\n');
    const inside = (range: any, what: string) => {
      for (const p of [range.start, range.end]) {
        assert.ok(p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length, `${what}: ${JSON.stringify(range)} is outside the document`);
      }
    };
    const rangesOf = (answer: any): any[] => {
      if (answer === null || answer instanceof LspError) return [];
      if (Array.isArray(answer)) return answer.flatMap(rangesOf);
      if (answer.range) return [answer.range];
      if (answer.start) return [answer];
      return [];
    };
    const positions = [
      { line: 0, character: 100_000 },
      { line: 100_000, character: 0 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
      { line: -1, character: -5 },
    ];
    for (const position of positions) {
      const label = JSON.stringify(position);
      for (const method of ['textDocument/hover', 'textDocument/definition', 'textDocument/documentHighlight', 'textDocument/prepareRename']) {
        const answer = await client.request(method, { textDocument: doc, position }).catch((e: unknown) => e);
        if (answer instanceof LspError) assert.notEqual(answer.code, -32603, `${method} at ${label} is no internal error: ${answer.message}`);
        for (const range of rangesOf(answer)) inside(range, `${method} at ${label}`);
      }
      const completion = await client.request('textDocument/completion', { textDocument: doc, position });
      assert.ok(Array.isArray(completion?.items), `completion at ${label}`);
      const references = await client.request('textDocument/references', { textDocument: doc, position, context: { includeDeclaration: true } });
      assert.ok(Array.isArray(references), `references at ${label}`);
      const range = { start: position, end: position };
      const actions = await client.request('textDocument/codeAction', { textDocument: doc, range, context: { diagnostics: [] } });
      assert.deepEqual(actions, [], `code actions at ${label}`);
      const hints = await client.request('textDocument/inlayHint', { textDocument: doc, range });
      assert.ok(Array.isArray(hints), `inlay hints at ${label}`);
      const rename = await client.request('textDocument/rename', { textDocument: doc, position, newName: 'x y' }).catch((e: unknown) => e);
      assert.ok(rename === null || (rename instanceof LspError && rename.code !== -32603), `rename to an impossible name at ${label}: ${JSON.stringify(rename)}`);
    }
    await hoverWorks();
  });

  it('unknown and odd URIs: neutral answers', async () => {
    const uris = [
      uriOf(path.join(dir, 'no', 'such', 'ml2_conf.ini')),
      uriOf('/etc/passwd'),
      'untitled:Untitled-1',
      'http://example.com/ml2_conf.ini',
      'file:///%E0%A4%A',
      'not a uri at all',
      '',
    ];
    for (const uri of uris) {
      const doc = { uri };
      const position = { line: 0, character: 0 };
      assert.equal(await client.request('textDocument/hover', { textDocument: doc, position }), null, `hover ${uri}`);
      assert.deepEqual(await client.request('textDocument/completion', { textDocument: doc, position }), { isIncomplete: false, items: [] }, `completion ${uri}`);
      assert.deepEqual(await client.request('textDocument/references', { textDocument: doc, position, context: { includeDeclaration: true } }), [], `references ${uri}`);
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: doc }), [], `symbols ${uri}`);
      assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: doc }), [], `code lens ${uri}`);
    }
    await hoverWorks();
  });

  it('a change of a document never opened is ignored; an older version never replaces a newer', async () => {
    const ghost = uriOf(path.join(dir, 'compute-9', 'etc', 'neutron', 'plugins', 'ml2', 'openvswitch_agent.ini'));
    client.notify('textDocument/didChange', { textDocument: { uri: ghost, version: 3 }, contentChanges: [{ text: '[ovs]\nbridge_mappings = x:y\n' }] });
    client.notify('textDocument/didChange', { textDocument: { uri: ovsUri, version: 7 }, contentChanges: [{ text: 'garbage' }] });

    const l3 = path.join(dir, 'compute-0', 'etc', 'neutron', 'l3_agent.ini');
    const l3Uri = uriOf(l3);
    const opened = '[DEFAULT]\nexternal_network_bridge = br-ex\n';
    client.notify('textDocument/didOpen', { textDocument: { uri: l3Uri, languageId: 'ini', version: 10, text: opened } });
    await client.waitForDiagnostics(l3Uri, (d) => d.some((x) => x.code === 'external-network-bridge-set'), 'the opened text checked');
    // Version 5 after 10: a confused client. Its text must not be checked as the document's.
    client.notify('textDocument/didChange', { textDocument: { uri: l3Uri, version: 5 }, contentChanges: [{ text: '[DEFAULT]\nbogus_option = 1\n' }] });
    client.notify('textDocument/didChange', { textDocument: { uri: l3Uri, version: 11 }, contentChanges: [{ text: '[DEFAULT]\nexternal_network_bridge =\n' }] });
    await client.waitFor('version 11 published', () =>
      client.notifications.some((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === l3Uri && n.params.version === 11),
    );
    const published = client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === l3Uri);
    assert.ok(!published.some((n) => n.params.version === 5), 'the stale version is never published');
    assert.ok(!published.some((n) => n.params.diagnostics.some((d: any) => d.code === 'unknown-option')), 'its text never checked');
    client.notify('textDocument/didClose', { textDocument: { uri: l3Uri } });
    await hoverWorks();
  });

  it('1,000 edits in a burst: the last version is published last, versions never go back', async () => {
    const ifcfg = path.join(dir, SCRIPTS, 'ifcfg-eth7');
    const uri = uriOf(ifcfg);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'ifcfg', version: 1, text: 'DEVICE=eth7\n' } });
    for (let version = 2; version <= 1001; version++) {
      const text = version === 1001 ? 'DEVICE=eth7\nTYPE=OVSPort\n' : `DEVICE=eth7\nMTU=${version}\n`;
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }
    const last = await client.waitFor('version 1001 published', () => {
      const n = client.notifications.filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri).at(-1);
      return n?.params.version === 1001 ? n : undefined;
    });
    assert.deepEqual(last.params.diagnostics.map((d: any) => d.code).sort(), ['ifcfg-nm-controlled', 'ifcfg-ovs-bridge-missing', 'ifcfg-ovs-devicetype-missing']);
    const versions = client.notifications
      .filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri)
      .map((m) => m.params.version as number);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `published in order: ${versions.join(',')}`);
    // Each pause of the server longer than the debounce (a loaded CI machine) may add a publication or two.
    assert.ok(versions.length < 100, `typing is debounced, not checked 1,000 times (${versions.length} publishes)`);
    client.notify('textDocument/didClose', { textDocument: { uri } });
    await hoverWorks();
  });

  it('1,000 watched-file events at once: every file is read, references are whole afterwards', async () => {
    const changes = [];
    for (let i = 0; i < 1000; i++) {
      const host = `burst-${String(i).padStart(4, '0')}`;
      const file = path.join(dir, host, 'etc', 'neutron', 'plugins', 'ml2', 'openvswitch_agent.ini');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, '[ovs]\nbridge_mappings = physnet1:br-ex\n');
      changes.push({ uri: uriOf(file), type: 1 });
    }
    client.notify('workspace/didChangeWatchedFiles', { changes });
    const ml2Uri = uriOf(path.join(dir, ML2));
    const ml2Text = fs.readFileSync(path.join(dir, ML2), 'utf8');
    const references = await client.request('textDocument/references', {
      textDocument: { uri: ml2Uri },
      position: positionOf(ml2Text, 'physnet1', 2),
      context: { includeDeclaration: false },
    }, 60_000);
    const burst = references.filter((r: any) => /\/burst-\d{4}\//.test(r.uri));
    assert.equal(burst.length, 1000, 'every new host maps physnet1');
    client.notify('workspace/didChangeWatchedFiles', { changes: changes.map((c) => ({ uri: c.uri, type: 3 })) });
    for (const change of changes) fs.rmSync(path.dirname(path.dirname(path.dirname(path.dirname(new URL(change.uri).pathname)))), { recursive: true, force: true });
    await hoverWorks();
  });

  it('a FIFO and a directory named like config files are not read, and the events after them are applied', async () => {
    const fifo = path.join(dir, 'compute-0', 'etc', 'neutron', 'l3_agent.ini');
    fs.rmSync(fifo, { force: true });
    execFileSync('mkfifo', [fifo]);
    const directory = path.join(dir, 'compute-1', 'etc', 'neutron', 'plugins', 'ml2', 'openvswitch_agent.ini');
    fs.mkdirSync(directory, { recursive: true });
    const after = path.join(dir, 'compute-2', 'etc', 'neutron', 'plugins', 'ml2', 'openvswitch_agent.ini');
    fs.mkdirSync(path.dirname(after), { recursive: true });
    fs.writeFileSync(after, '[ovs]\nbridge_mappings = physnet7:br-ex\n');
    client.notify('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uriOf(fifo), type: 1 },
        { uri: uriOf(directory), type: 1 },
        { uri: uriOf(after), type: 1 },
      ],
    });
    await client.waitForDiagnostics(uriOf(after), (d) => d.some((x) => x.code === 'physnet-undeclared'), 'the file after the FIFO is read');
    await hoverWorks();
    fs.rmSync(fifo);
    fs.rmSync(path.join(dir, 'compute-1'), { recursive: true });
    fs.rmSync(path.join(dir, 'compute-2'), { recursive: true });
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(fifo), type: 3 }, { uri: uriOf(path.join(dir, 'compute-2')), type: 3 }] });
  });

  it('malformed JSON-RPC: a body that is not JSON, a message without method, an unknown request', async () => {
    const body = '{"jsonrpc": "2.0", "id": 99, "method": "textDocument/hover", "params": ';
    client.writeRaw(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const odd = JSON.stringify({ jsonrpc: '2.0', id: 100 });
    client.writeRaw(`Content-Length: ${Buffer.byteLength(odd)}\r\n\r\n${odd}`);
    const wrongParams = await client.request('textDocument/hover', { textDocument: 42 }).catch((e: unknown) => e);
    assert.ok(wrongParams === null || (wrongParams instanceof LspError && wrongParams.code !== -32603), `hover with bad params: ${String(wrongParams)}`);
    await assert.rejects(client.request('neutronConfig/noSuchRequest', {}), (e: unknown) => e instanceof LspError && e.code === -32601);
    await hoverWorks();
    assert.equal(client.hasExited, false);
  });

  it('after shutdown: requests are refused, exit ends the process with 0', async () => {
    await client.request('shutdown', null);
    const late = await client.request('textDocument/hover', { textDocument: { uri: ovsUri }, position: { line: 0, character: 0 } }).catch((e: unknown) => e);
    assert.ok(late instanceof LspError, `refused after shutdown, got ${JSON.stringify(late)}`);
    assert.equal(late.code, -32600);
    client.notify('exit');
    await client.waitFor('exit', () => client.hasExited);
  });
});

describe('files the server does not read', () => {
  let base: string;
  let client: LspClient;

  before(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'neutron-config-skips-'));
  });

  after(() => {
    client?.kill();
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('a link out of the workspace and a file over maxFileSizeMB each show one finding; a second name of a file is read once', async () => {
    const dir = path.join(base, 'ws');
    fs.cpSync(copyFixtureOnce(), dir, { recursive: true });
    const outside = path.join(base, 'private.ini');
    fs.writeFileSync(outside, '[DEFAULT]\nsecret = 1\n');
    const l3 = path.join(dir, 'compute-0', 'etc', 'neutron', 'l3_agent.ini');
    fs.symlinkSync(outside, l3);
    const bigIfcfg = path.join(dir, SCRIPTS, 'ifcfg-eth5');
    fs.mkdirSync(path.dirname(bigIfcfg), { recursive: true });
    fs.writeFileSync(bigIfcfg, `DEVICE=eth5\n${'# padding\n'.repeat(20_000)}`);
    fs.symlinkSync('plugins/ml2/ml2_conf.ini', path.join(dir, 'controller', 'etc', 'neutron', 'plugin.ini'));

    client = await start(dir, { maxFileSizeMB: 0.1 });
    const linkDiagnostics = await client.waitForDiagnostics(uriOf(l3), (d) => d.length > 0, 'link-outside-workspace');
    assert.deepEqual(linkDiagnostics.map((d) => [d.code, d.range, d.severity]), [['link-outside-workspace', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, 3]]);
    const big = await client.waitForDiagnostics(uriOf(bigIfcfg), (d) => d.length > 0, 'file-too-large');
    assert.deepEqual(big.map((d) => d.code), ['file-too-large']);
    await client.waitForDiagnostics(uriOf(path.join(dir, ML2)), (d) => d.length > 0, 'the ML2 file checked');
    const info = await client.request('neutronConfig/fileInfo', { uri: uriOf(path.join(dir, ML2)) });
    const files = fs.readdirSync(dir, { recursive: true }).filter((f) => /(ml2_conf|openvswitch_agent|l3_agent)\.ini$|ifcfg-/.test(String(f)));
    // Every recognised real file but the big one and the two links.
    assert.equal(info.filesIndexed, files.length - 2);
    assert.equal(client.latestDiagnostics(uriOf(path.join(dir, 'controller', 'etc', 'neutron', 'plugin.ini'))), undefined, 'plugin.ini is the ML2 file: not published twice');
  });
});

describe('a workspace folder that does not exist', () => {
  it('is skipped; the other folder is indexed and answered', async () => {
    const dir = copyFixture('cli-basic');
    const client = LspClient.start(SERVER);
    try {
      client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
      const missing = path.join(os.tmpdir(), 'neutron-config-no-such-folder', 'really-not-there');
      await client.request('initialize', {
        processId: process.pid,
        rootUri: uriOf(missing),
        workspaceFolders: [
          { uri: uriOf(missing), name: 'gone' },
          { uri: uriOf(dir), name: 'deployment' },
        ],
        capabilities: PUSH_CLIENT_CAPABILITIES,
      });
      client.notify('initialized', {});
      const ovsUri = uriOf(path.join(dir, OVS));
      await client.waitForDiagnostics(ovsUri, (d) => d.some((x) => x.code === 'physnet-undeclared'), 'the existing folder indexed');
      const refs = await client.request('textDocument/references', {
        textDocument: { uri: ovsUri },
        position: positionOf(fs.readFileSync(path.join(dir, OVS), 'utf8'), 'physnet', 2),
        context: { includeDeclaration: true },
      });
      assert.ok(Array.isArray(refs) && refs.length > 0, 'whole-workspace answers are given');
    } finally {
      client.kill();
      removeDirectory(dir);
    }
  });
});

let fixtureCopy: string | undefined;
function copyFixtureOnce(): string {
  fixtureCopy ??= copyFixture('cli-basic');
  return fixtureCopy;
}
after(() => {
  if (fixtureCopy) removeDirectory(fixtureCopy);
});
