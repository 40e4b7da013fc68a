import { strict as assert } from 'node:assert';
import { describe as suite, test } from 'node:test';
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { NeutronConfigService } from '../../server/src/core/service';
import { PushDiagnostics, sameJson, type DiagnosticsSource } from '../../server/src/lsp/diagnostics';
import { WorkspaceSync } from '../../server/src/lsp/workspaceSync';
import { rangeOf, uriOf, workspaceOf } from './helpers';

/**
 * The re-check of a deployment after an ML2 edit: agents are judged again
 * against the new physnet sets (and come out exactly as a fresh service has
 * them), the views and the engine share what does not change, the push
 * delivery sends only lists that changed, and an edit of a document that is
 * only waiting for another file's re-check is not held back.
 */

const ml2Of = (host: string) => `${host}/etc/neutron/plugins/ml2/ml2_conf.ini`;
const agentOf = (host: string) => `${host}/etc/neutron/plugins/ml2/openvswitch_agent.ini`;

function ml2(flat: string): string {
  return (
    '[ml2]\ntype_drivers = flat,vlan,vxlan\ntenant_network_types = vxlan\nmechanism_drivers = openvswitch\n\n' +
    `[ml2_type_flat]\nflat_networks = ${flat}\n\n[ml2_type_vlan]\nnetwork_vlan_ranges = physnet2:100:200\n`
  );
}

function agent(mappings: string): string {
  return `[agent]\ntunnel_types = vxlan\n\n[ovs]\nbridge_mappings = ${mappings}\nlocal_ip = 172.16.0.10\n`;
}

/** Two controllers allowing physnet1 (flat) and physnet2 (VLAN); two agents map them, two map a typo. */
function deployment(): Record<string, string> {
  return {
    [ml2Of('controller-0')]: ml2('physnet1'),
    [ml2Of('controller-1')]: ml2('physnet1'),
    [agentOf('compute-0')]: agent('physnet1:br-ex'),
    [agentOf('compute-1')]: agent('physnet1:br-ex,physnet2:br-vlan'),
    [agentOf('compute-2')]: agent('physnetx:br-ex'),
    [agentOf('compute-3')]: agent('physnety:br-ex'),
  };
}

/** Every file's diagnostics as sent over the wire. */
function wire(service: NeutronConfigService, files: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of Object.keys(files).sort()) out[path] = JSON.parse(JSON.stringify(service.getDiagnostics(uriOf(path))));
  return out;
}

/** Applies one edit to a warm service and checks every file against a fresh service holding the same texts. */
function edit(service: NeutronConfigService, files: Record<string, string>, path: string, text: string, what: string): void {
  files[path] = text;
  service.setFile(uriOf(path), text);
  assert.deepEqual(wire(service, files), wire(workspaceOf(files), files), what);
}

function declarationsOf(files: Record<string, string>, host: string, flatNames: string) {
  const text = files[ml2Of(host)];
  /** The range of the whole option line starting with `prefix`. */
  const line = (prefix: string) => {
    const start = text.indexOf(prefix);
    return rangeOf(text, text.slice(start, text.indexOf('\n', start)));
  };
  return [
    { location: { uri: uriOf(ml2Of(host)), range: line('flat_networks') }, message: `flat_networks on ${host} allows ${flatNames}` },
    { location: { uri: uriOf(ml2Of(host)), range: line('network_vlan_ranges') }, message: `network_vlan_ranges on ${host} declares "physnet2"` },
  ];
}

suite('deployment re-check after ML2 edits', () => {
  test('a rename in every controller re-judges each agent mapping the physnet it takes away', () => {
    const files = deployment();
    const service = workspaceOf(files);
    wire(service, files);
    edit(service, files, ml2Of('controller-0'), ml2('physnet9'), 'physnet1 still allowed by controller-1');
    assert.deepEqual(service.getDiagnostics(uriOf(agentOf('compute-0'))), [], 'compute-0 is still fine');
    edit(service, files, ml2Of('controller-1'), ml2('physnet9'), 'physnet1 allowed nowhere');

    const compute0 = files[agentOf('compute-0')];
    const expected: Diagnostic = {
      range: rangeOf(compute0, 'physnet1'),
      severity: 1,
      code: 'physnet-undeclared',
      source: 'neutron-config',
      message:
        'Physical network "physnet1" is not declared in any of the ML2 configs (controller-0 and controller-1): neither flat_networks nor network_vlan_ranges names it. ' +
        'neutron-server refuses to create a flat or VLAN network on "physnet1", so this mapping on compute-0 can never carry a network. Did you mean "physnet2"?',
      data: { physnet: 'physnet1', suggestions: ['physnet2', 'physnet9'] },
      relatedInformation: [...declarationsOf(files, 'controller-0', '"physnet9"'), ...declarationsOf(files, 'controller-1', '"physnet9"')],
    };
    assert.deepEqual(JSON.parse(JSON.stringify(service.getDiagnostics(uriOf(agentOf('compute-0'))))), [expected]);
    const compute1 = service.getDiagnostics(uriOf(agentOf('compute-1')));
    assert.deepEqual(
      compute1.map((d) => [d.code, d.range]),
      [['physnet-undeclared', rangeOf(files[agentOf('compute-1')], 'physnet1')]],
      'compute-1: physnet1 only, physnet2 keeps its VLAN range',
    );

    edit(service, files, ml2Of('controller-0'), ml2('physnet1'), 'renamed back in one controller');
    edit(service, files, ml2Of('controller-1'), ml2('physnet1'), 'renamed back in both');
    assert.deepEqual(service.getDiagnostics(uriOf(agentOf('compute-0'))), []);
  });

  test('an edit that keeps every mapped physnet allowed leaves clean agents as they were and updates the others', () => {
    const files = deployment();
    const service = workspaceOf(files);
    const before = wire(service, files);
    edit(service, files, ml2Of('controller-0'), ml2('physnet1,physnet3'), 'physnet3 allowed as well');
    const after = wire(service, files);
    for (const host of ['compute-0', 'compute-1']) assert.deepEqual(after[agentOf(host)], [], `${host} stays clean`);
    assert.deepEqual(after[agentOf('compute-0')], before[agentOf('compute-0')]);
    // The typo's related information lists what the controllers allow now.
    const typo = service.getDiagnostics(uriOf(agentOf('compute-2')));
    assert.equal(typo.length, 1);
    assert.deepEqual(JSON.parse(JSON.stringify(typo[0].relatedInformation)), [
      ...declarationsOf(files, 'controller-0', '"physnet1" and "physnet3"'),
      ...declarationsOf(files, 'controller-1', '"physnet1"'),
    ]);
    assert.notDeepEqual(after[agentOf('compute-2')], before[agentOf('compute-2')]);
  });

  test('findings that share related information share its converted list, which serialises as before', () => {
    const files = deployment();
    const service = workspaceOf(files);
    const [a] = service.getDiagnostics(uriOf(agentOf('compute-2')));
    const [b] = service.getDiagnostics(uriOf(agentOf('compute-3')));
    assert.ok(a.relatedInformation && a.relatedInformation === b.relatedInformation, 'one list for both');
    const expected = [...declarationsOf(files, 'controller-0', '"physnet1"'), ...declarationsOf(files, 'controller-1', '"physnet1"')];
    assert.deepEqual(JSON.parse(JSON.stringify(a.relatedInformation)), expected);
    assert.deepEqual(JSON.parse(JSON.stringify(b.relatedInformation)), expected);
  });

  test('the mapped-physnet set carries over to a view rebuilt after an ML2 edit, not after an agent edit', () => {
    const files = deployment();
    const service = workspaceOf(files);
    const viewOf = () => service.context(uriOf(ml2Of('controller-0')))?.deployment;
    const first = viewOf();
    assert.ok(first);
    const mapped = first.mapped;
    edit(service, files, ml2Of('controller-0'), ml2('physnet1,physnet3'), 'ML2 edit');
    const second = viewOf();
    assert.ok(second && second !== first, 'a new view');
    assert.equal(second.mapped, mapped, 'the same mapped set');
    edit(service, files, agentOf('compute-0'), agent('physnet2:br-ex'), 'agent edit');
    const third = viewOf();
    assert.ok(third && third.mapped !== mapped, 'mapped again');
    assert.deepEqual([...third.mapped.names.keys()].sort(), ['physnet1', 'physnet2', 'physnetx', 'physnety']);
    assert.deepEqual(third.mapped.names.get('physnet1')?.map((o) => o.file.host.name), ['compute-1']);
  });
});

suite('sameJson', () => {
  test('equal when the JSON would be, key order and undefined properties aside', () => {
    assert.ok(sameJson([], []));
    assert.ok(sameJson({ a: 1, b: [1, 'x', { c: null }] }, { b: [1, 'x', { c: null }], a: 1 }));
    assert.ok(sameJson({ a: 1, b: undefined }, { a: 1 }));
    assert.ok(sameJson({ a: 1 }, { a: 1, b: undefined }));
  });

  test('different on any difference of value, length or key', () => {
    assert.ok(!sameJson([], [{}]));
    assert.ok(!sameJson({ a: 1 }, { a: 2 }));
    assert.ok(!sameJson({ a: 1 }, { a: 1, b: 0 }));
    assert.ok(!sameJson({ a: 1, c: 0 }, { a: 1, b: 0 }));
    assert.ok(!sameJson({ a: '1' }, { a: 1 }));
    assert.ok(!sameJson({ a: null }, { a: {} }));
    assert.ok(!sameJson([1, 2], [2, 1]));
    assert.ok(!sameJson({ a: [] }, { a: {} }));
    assert.ok(!sameJson({ range: { start: { line: 1, character: 2 } } }, { range: { start: { line: 1, character: 3 } } }));
  });

  test('errs towards different where JSON would blur values', () => {
    assert.ok(!sameJson({ a: NaN }, { a: NaN }));
    assert.ok(!sameJson({ toJSON: () => 1 }, { toJSON: () => 1 }));
  });
});

// ---- push delivery ------------------------------------------------------------

function diagnostic(message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 1, code: 'physnet-undeclared', source: 'neutron-config', message };
}

/** A connection that writes one message per turn of the event loop, as vscode-jsonrpc does. */
class FakeConnection {
  readonly sent: { uri: string; version?: number; diagnostics: Diagnostic[] }[] = [];
  unwritten = 0;
  maxUnwritten = 0;
  private writing: Promise<void> = Promise.resolve();

  sendDiagnostics(params: { uri: string; version?: number; diagnostics: Diagnostic[] }): Promise<void> {
    this.sent.push(params);
    this.unwritten++;
    this.maxUnwritten = Math.max(this.maxUnwritten, this.unwritten);
    this.writing = this.writing.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(() => {
      this.unwritten--;
    });
    return this.writing;
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > 5000) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

suite('push delivery', () => {
  test('sends changed lists once, open documents first, and waits for the connection to write them', async () => {
    const uris = Array.from({ length: 300 }, (_, i) => `file:///ws/host-${i}/etc/neutron/plugins/ml2/openvswitch_agent.ini`);
    const open = uris[250];
    const lists = new Map<string, Diagnostic[]>(uris.map((uri, i) => [uri, i % 3 === 0 ? [] : [diagnostic(`finding ${i}`)]]));
    const source: DiagnosticsSource = {
      knownFiles: () => uris,
      getDiagnostics: (uri) => lists.get(uri) ?? [],
      clientUri: (uri) => uri,
      openVersion: (uri) => (uri === open ? 7 : null),
      flushPendingEdits: () => undefined,
      hasPendingEdit: () => false,
      isSettled: () => true,
      whenSettled: () => Promise.resolve(),
      isComplete: () => true,
      whenComplete: () => Promise.resolve(),
    };
    const connection = new FakeConnection();
    const logger = { error: () => undefined, warn: () => undefined, info: () => undefined };
    const delivery = new PushDiagnostics(connection as unknown as Connection, source, logger);
    try {
      const withFindings = uris.filter((uri) => lists.get(uri)!.length > 0);
      delivery.changed(uris);
      await until(() => uris.every((uri) => !delivery.isUndelivered(uri)) && connection.unwritten === 0, 'first round');
      assert.equal(connection.sent[0].uri, open, 'the open document first');
      assert.equal(connection.sent[0].version, 7);
      assert.deepEqual(connection.sent.map((p) => p.uri).sort(), [...withFindings].sort(), 'empty lists never sent are not sent');
      assert.ok(connection.maxUnwritten <= 64, `at most 64 unwritten messages, saw ${connection.maxUnwritten}`);

      // Equal lists in new arrays: nothing to send. One list emptied, one changed: those two.
      for (const uri of uris) lists.set(uri, lists.get(uri)!.map((d) => ({ ...d })));
      lists.set(uris[1], []);
      lists.set(uris[2], [diagnostic('finding 2, changed')]);
      connection.sent.length = 0;
      delivery.changed(uris);
      await until(() => uris.every((uri) => !delivery.isUndelivered(uri)) && connection.unwritten === 0, 'second round');
      assert.deepEqual(
        connection.sent.map((p) => [p.uri, p.diagnostics.map((d) => d.message)]),
        [
          [uris[1], []],
          [uris[2], ['finding 2, changed']],
        ],
      );
    } finally {
      delivery.dispose();
    }
  });

  test('while the workspace is read, only open documents whose diagnostics are complete go out; the rest once it settles', async () => {
    const uris = Array.from({ length: 40 }, (_, i) => `file:///ws/host-${i}/etc/neutron/plugins/ml2/openvswitch_agent.ini`);
    const [complete, waiting] = [uris[30], uris[31]];
    const lists = new Map<string, Diagnostic[]>(uris.map((uri, i) => [uri, [diagnostic(`finding ${i}`)]]));
    let settled = false;
    let settle!: () => void;
    const settledOnce = new Promise<void>((resolve) => (settle = resolve));
    const source: DiagnosticsSource = {
      knownFiles: () => uris,
      getDiagnostics: (uri) => lists.get(uri) ?? [],
      clientUri: (uri) => uri,
      openVersion: (uri) => (uri === complete || uri === waiting ? 1 : null),
      flushPendingEdits: () => undefined,
      hasPendingEdit: () => false,
      isSettled: () => settled,
      whenSettled: () => settledOnce,
      isComplete: (uri) => settled || uri === complete,
      whenComplete: (uri) => (uri === complete ? Promise.resolve() : settledOnce),
    };
    const connection = new FakeConnection();
    const delivery = new PushDiagnostics(connection as unknown as Connection, source, { error: () => undefined, warn: () => undefined, info: () => undefined });
    try {
      delivery.changed(uris);
      await until(() => !delivery.isUndelivered(complete) && connection.unwritten === 0, 'the complete open document');
      assert.deepEqual(connection.sent.map((p) => p.uri), [complete], 'nothing else while the workspace is read, not even the other open document');
      settled = true;
      settle();
      await until(() => uris.every((uri) => !delivery.isUndelivered(uri)) && connection.unwritten === 0, 'the rest');
      assert.equal(connection.sent[1].uri, waiting, 'the other open document first');
      assert.deepEqual(connection.sent.map((p) => p.uri).sort(), [...uris].sort(), 'each once: the early list is not sent again');
    } finally {
      delivery.dispose();
    }
  });
});

// ---- settled documents ----------------------------------------------------------

suite('edits of open documents', () => {
  test('an edit is held back only while the diagnostics of the same document\'s previous edit wait', () => {
    const files = deployment();
    const service = workspaceOf(files);
    const documents = new Map<string, TextDocument>();
    const undelivered = new Set<string>();
    const sync = new WorkspaceSync(
      service,
      { get: (uri: string) => documents.get(uri) } as unknown as TextDocuments<TextDocument>,
      { error: (message: string) => assert.fail(message), warn: () => undefined, info: () => undefined },
      (uris) => {
        for (const uri of uris) undelivered.add(uri);
      },
      (uri) => undelivered.has(uri),
    );
    const [a, b] = [uriOf(ml2Of('controller-0')), uriOf(ml2Of('controller-1'))];
    const held = (uri: string) => service.index.get(uri)?.text;
    const type = (uri: string, text: string) => {
      const document = TextDocument.create(uri, 'ini', (documents.get(uri)?.version ?? 0) + 1, text);
      documents.set(uri, document);
      if (document.version === 1) sync.documentOpened(document);
      else sync.documentChanged(document);
    };
    try {
      type(a, files[ml2Of('controller-0')]);
      type(b, files[ml2Of('controller-1')]);
      undelivered.clear();

      type(a, ml2('physnet9'));
      assert.equal(held(a), ml2('physnet9'), 'a settled document: applied at once');
      assert.ok(undelivered.has(b), 'the peer waits for its re-check');
      type(b, ml2('physnet9'));
      assert.equal(held(b), ml2('physnet9'), 'waiting only for a peer\'s re-check: applied at once');
      assert.ok(!sync.hasPendingEdit(b));

      type(a, ml2('physnet8'));
      assert.equal(held(a), ml2('physnet9'), 'its own previous edit undelivered: held back');
      assert.ok(sync.hasPendingEdit(a));
      sync.flushPendingEdits();
      assert.equal(held(a), ml2('physnet8'));

      // Delivered, then marked again by the peer's edit: a's next edit goes through at once.
      undelivered.clear();
      type(b, ml2('physnet7'));
      assert.ok(undelivered.has(a));
      type(a, ml2('physnet7'));
      assert.equal(held(a), ml2('physnet7'));
      assert.ok(!sync.hasPendingEdit(a));
    } finally {
      sync.stop();
    }
  });
});

