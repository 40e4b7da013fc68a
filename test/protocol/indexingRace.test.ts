/**
 * Answers that depend on the whole workspace are complete or refused, never
 * partial, while the server is still reading it: right after `initialize` on a
 * generated 1,000-host deployment, after a folder is added, and during a burst
 * of file events. Diagnostics are not published half-way through either.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient, LspError } from './lspClient';
import { SERVER, removeDirectory, uriOf } from './fixture';

const HOSTS = 1000;
const ML2_TEXT = '[ml2]\ntype_drivers = flat,vlan\ntenant_network_types = vlan\n\n[ml2_type_flat]\nflat_networks = physnet1\n\n[ml2_type_vlan]\nnetwork_vlan_ranges = physnet2:100:199\n';
const AGENT_TEXT = '[ovs]\nbridge_mappings = physnet1:br-ex,physnet2:br-vlan\n';
const bridgeFile = (name: string) => `DEVICE=${name}\nTYPE=OVSBridge\nDEVICETYPE=ovs\nONBOOT=yes\nNM_CONTROLLED=no\n`;
const portFile = (name: string, bridge: string) => `DEVICE=${name}\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=${bridge}\nONBOOT=yes\nNM_CONTROLLED=no\n`;

const CAPABILITIES = {
  window: { workDoneProgress: true },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: false },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
  },
  textDocument: { rename: { prepareSupport: true }, references: {}, definition: {}, synchronization: {} },
};

const AGENT = (host: string) => `${host}/etc/neutron/plugins/ml2/openvswitch_agent.ini`;
const ML2 = 'a-controller/etc/neutron/plugins/ml2/ml2_conf.ini';

/** A deployment of `HOSTS` computes; the controller sorts first, so the walk reads it long before the agents. */
function writeDeployment(root: string): string[] {
  const files: Record<string, string> = { [ML2]: ML2_TEXT };
  const hosts: string[] = [];
  for (let i = 0; i < HOSTS; i++) {
    const host = `compute-${String(i).padStart(4, '0')}`;
    hosts.push(host);
    const scripts = `${host}/etc/sysconfig/network-scripts`;
    files[AGENT(host)] = AGENT_TEXT;
    files[`${scripts}/ifcfg-br-ex`] = bridgeFile('br-ex');
    files[`${scripts}/ifcfg-br-vlan`] = bridgeFile('br-vlan');
    files[`${scripts}/ifcfg-eth1`] = portFile('eth1', 'br-ex');
    files[`${scripts}/ifcfg-eth2`] = portFile('eth2', 'br-vlan');
  }
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return hosts;
}

const physnet2In = (text: string) => {
  const index = text.indexOf('physnet2');
  const before = text.slice(0, index);
  return { line: before.split('\n').length - 1, character: index - (before.lastIndexOf('\n') + 1) };
};

const isReadingRefusal = (error: unknown) =>
  error instanceof LspError && error.code === -32803 && /Cannot rename yet: neutron-config is still reading the workspace/.test(error.message);

describe('language server over stdio: whole-workspace answers while indexing', () => {
  let dir: string;
  let client: LspClient;
  let hosts: string[];
  const mainFolder = () => path.join(dir, 'main');
  const uri = (rel: string, folder = mainFolder()) => uriOf(path.join(folder, rel));

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'neutron-config-race-'));
    hosts = writeDeployment(path.join(dir, 'main'));
    writeDeployment(path.join(dir, 'added'));
    writeDeployment(path.join(dir, 'early'));
    client = LspClient.start(SERVER);
    await client.request('initialize', {
      processId: process.pid,
      rootUri: uriOf(mainFolder()),
      workspaceFolders: [{ uri: uriOf(mainFolder()), name: 'main' }],
      capabilities: CAPABILITIES,
    });
  });

  after(() => {
    client?.kill();
    if (dir) removeDirectory(dir);
  });

  it('refuses a rename and holds references until the first index is complete, then answers for every host', async () => {
    client.notify('initialized', {});
    const target = { textDocument: { uri: uri(AGENT(hosts[0])) }, position: physnet2In(AGENT_TEXT) };
    // Sent before the walk can have read 5,000 files: refused, never a partial edit.
    const early = client.request('textDocument/rename', { ...target, newName: 'provider2' }).then(
      (edit) => ({ edit }),
      (error: unknown) => ({ error }),
    );
    const prepared = client.request('textDocument/prepareRename', target).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    const references = client.request<any[]>('textDocument/references', { ...target, context: { includeDeclaration: true } }, 30_000);
    // Hover answers at once (on an open document, known at once), and says when other files may not be read yet.
    client.notify('textDocument/didOpen', { textDocument: { uri: target.textDocument.uri, languageId: 'ini', version: 1, text: AGENT_TEXT } });
    const earlyHover = await client.request('textDocument/hover', target);
    const earlyText = String(earlyHover?.contents?.value ?? '');
    assert.match(earlyText, /\n\n---\n\n_Partial: still reading the workspace(: [\d,]+ of [\d,]+ files|: [\d,]+ files read, [\d,]+ found so far)?; what the other files say may be missing\._$/);

    const earlyAnswer = await early;
    assert.ok('error' in earlyAnswer && isReadingRefusal(earlyAnswer.error), `refused while reading, got ${JSON.stringify(earlyAnswer)}`);
    const preparedAnswer = await prepared;
    assert.ok('error' in preparedAnswer && isReadingRefusal(preparedAnswer.error), 'prepareRename refused too');

    // References waited for the whole workspace: every agent and the declaration.
    const found = await references;
    assert.equal(found.length, HOSTS + 1);
    assert.ok(found.some((l) => l.uri === uri(ML2)));

    // Once indexed, the same rename edits every host.
    const edit = await client.request('textDocument/rename', { ...target, newName: 'provider2' }, 30_000);
    assert.equal(edit.documentChanges.length, HOSTS + 1);
    const lateHover = await client.request('textDocument/hover', target);
    assert.doesNotMatch(String(lateHover?.contents?.value ?? ''), /Partial/);
    client.notify('textDocument/didClose', { textDocument: { uri: target.textDocument.uri } });

    // The client saw the walk as progress: a token created, begun, reported and ended.
    const progress = client.notifications.filter((n) => n.method === '$/progress').map((n) => n.params.value);
    assert.ok(client.countServerRequests('window/workDoneProgress/create') >= 1);
    assert.equal(progress[0].kind, 'begin');
    assert.equal(progress[0].title, 'Neutron Config');
    assert.equal(progress.at(-1).kind, 'end');
    assert.ok(progress.some((p) => p.kind === 'report' && /^Indexing [\d,]+ (of [\d,]+ files|files \(still finding more\))$/.test(p.message)));
  });

  it('publishes no cross-file finding half-way through a folder added later, and refuses renames in it until it is read', async () => {
    const added = path.join(dir, 'added');
    const ml2 = uri(ML2, added);
    const published = () => client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === ml2);
    client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uriOf(added), name: 'added' }], removed: [] } });
    // Opened while its folder is read: the agents that map physnet2 are not read yet, so a diagnostic
    // computed now would claim physnet-unmapped. Nothing may be published until the folder is whole.
    client.notify('textDocument/didOpen', { textDocument: { uri: ml2, languageId: 'ini', version: 1, text: ML2_TEXT } });
    const rename = await client
      .request('textDocument/rename', { textDocument: { uri: ml2 }, position: physnet2In(ML2_TEXT), newName: 'other' })
      .then((edit) => ({ edit }), (error: unknown) => ({ error }));
    assert.ok('error' in rename && isReadingRefusal(rename.error), `refused while reading, got ${JSON.stringify(rename).slice(0, 200)}`);
    // References wait for the folder to be whole; anything published mid-walk was sent before this answer.
    const found = await client.request<any[]>('textDocument/references', {
      textDocument: { uri: ml2 },
      position: physnet2In(ML2_TEXT),
      context: { includeDeclaration: true },
    }, 30_000);
    assert.equal(found.filter((l) => l.uri.startsWith(uriOf(added) + '/')).length, HOSTS + 1, 'every agent of the added folder and the declaration');
    assert.equal(client.notifications.filter((n) => n.method === '$/progress' && n.params.value.kind === 'end').length, 2, 'the added folder was read as progress too');
    // The file is clean once whole; a finding computed half-way would have been physnet-unmapped.
    assert.deepEqual(published().flatMap((n) => n.params.diagnostics.map((d: any) => d.code)), []);
  });

  it('publishes the diagnostics of a document open when its folder is read before the rest of the folder is read, complete', async () => {
    const early = path.join(dir, 'early');
    const agent = uri(AGENT(hosts[500]), early);
    const typo = '[ovs]\nbridge_mappings = physnet1:br-ex,physnet3:br-vlan\n';
    const ends = () => client.notifications.filter((n) => n.method === '$/progress' && n.params.value.kind === 'end').length;
    const endsBefore = ends();
    client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uriOf(early), name: 'early' }], removed: [] } });
    client.notify('textDocument/didOpen', { textDocument: { uri: agent, languageId: 'ini', version: 1, text: typo } });
    const first = await client.waitFor(
      'the open agent published',
      () => client.notifications.find((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === agent),
      30_000,
    );
    // Sent while the other 4,999 files of the folder were still being read: the walk's end came after it.
    assert.equal(ends(), endsBefore, 'published before the folder was read');
    assert.deepEqual(
      first.params.diagnostics.map((d: any) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]),
      [['physnet-undeclared', 1, 33, 1, 41]],
    );
    // And nothing else of the folder was: its cross-file findings wait for the whole of it.
    const earlyUris = () => client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri.startsWith(uriOf(early) + '/'));
    assert.deepEqual(earlyUris().map((n) => n.params.uri), [agent]);
    await client.request('textDocument/references', { textDocument: { uri: agent }, position: { line: 1, character: 20 }, context: { includeDeclaration: true } }, 30_000);
    assert.equal(ends(), endsBefore + 1);
    // Once the folder is whole the same list holds: it is not sent again.
    assert.deepEqual(earlyUris().filter((n) => n.params.uri === agent).length, 1);
  });

  it('answers references in full after a burst of file events', async () => {
    // A `git checkout` rewrote every agent: physnet2 → physnet1 only, on every host.
    const changes = hosts.map((host) => {
      fs.writeFileSync(path.join(mainFolder(), AGENT(host)), '[ovs]\nbridge_mappings = physnet1:br-ex\n');
      return { uri: uri(AGENT(host)), type: 2 };
    });
    client.notify('workspace/didChangeWatchedFiles', { changes });
    const found = await client.request<any[]>('textDocument/references', {
      textDocument: { uri: uri(ML2) },
      position: physnet2In(ML2_TEXT),
      context: { includeDeclaration: false },
    }, 30_000);
    assert.deepEqual(found, [], 'no agent maps physnet2 once every event is applied');
  });
});
