import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { NeutronConfigService } from '../../../server/src/core/service';
import type { Token } from '../../../server/src/core/syntax/ast';
import { parseIfcfg, trailingText } from '../../../server/src/core/syntax/ifcfgParser';
import { parseIni } from '../../../server/src/core/syntax/iniParser';
import { listItems, splitToken } from '../../../server/src/core/syntax/valueElements';
import { ROOT, uriOf } from '../helpers';

/**
 * Seeded fuzzing: random and mutated inputs through both parsers and the
 * whole service. Nothing may throw, and every range must lie inside its
 * document. The seed is fixed, so a failure names an input that reproduces.
 */

const SEED = 0x6e657574; // "neut"
const INPUTS = Number(process.env.FUZZ_INPUTS ?? 2000);

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const VOCABULARY = [
  '[', ']', '=', ':', ',', '#', ';', ' ', '  ', '\t', '\r', '\n', '\r\n', '\n\n', '"', "'", '$', '`', '\\', '{{', '}}', '{%', '%}', '{#', '<%', '%>',
  '\ufeff', '\u0000', '\u2028', '\u0085', '\ud800', '\udfff', '😀', 'é', '*', '-', '.', '[DEFAULT]', '[ml2]', '[ml2_type_flat]', '[ml2_type_vlan]',
  '[ovs]', '[agent]', 'type_drivers', 'tenant_network_types', 'external_network_type', 'flat_networks', 'network_vlan_ranges', 'bridge_mappings',
  'integration_bridge', 'tunnel_bridge', 'external_network_bridge', 'physnet1', 'physnet2', 'datacentre', 'br-ex', 'br-int', 'br-tun',
  'br-very-long-name', 'flat', 'vlan', 'vxlan', 'geneve', '1:100', 'DEVICE', 'TYPE', 'OVSBridge', 'OVSPort', 'OVS_BRIDGE', 'DEVICETYPE=ovs',
  'export ', '$X', '${X}', "$'", '# neutron-config: disable=', '# neutron-config: disable-file=', 'physnet-undeclared', 'all', 'bridge-undefined',
];

const ML2 = `[ml2]
type_drivers = vxlan,vlan
tenant_network_types = vxlan
[ml2_type_flat]
flat_networks = physnet1
[ml2_type_vlan]
network_vlan_ranges = physnet2:100:200
`;
const OVS = `[ovs]
bridge_mappings = physnet1:br-ex,physnet2:br-vlan,physnet9:br-missing
integration_bridge = br-int
`;
const L3 = `[DEFAULT]
interface_driver = openvswitch
external_network_bridge = br-ex
`;
const BRIDGE = `DEVICE=br-ex
TYPE=OVSBridge
DEVICETYPE=ovs
ONBOOT=yes
`;
const PORT = `DEVICE=eth1
TYPE=OVSPort
DEVICETYPE=ovs
OVS_BRIDGE=br-ex
ONBOOT=yes
`;

/** The files of a small deployment; each fuzz input replaces one of them. */
const BASE: Record<string, string> = {
  'controller/etc/neutron/plugins/ml2/ml2_conf.ini': ML2,
  'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini': OVS,
  'compute-0/etc/neutron/l3_agent.ini': L3,
  'compute-0/etc/sysconfig/network-scripts/ifcfg-br-ex': BRIDGE,
  'compute-0/etc/sysconfig/network-scripts/ifcfg-eth1': PORT,
  'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini.j2': OVS,
};
const TARGETS = Object.keys(BASE);

function realFiles(): string[] {
  const texts = Object.values(BASE);
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const fixtures = path.join(dir, 'test', 'fixtures', 'parsers');
  if (fs.existsSync(fixtures)) for (const name of fs.readdirSync(fixtures).sort()) texts.push(fs.readFileSync(path.join(fixtures, name), 'utf8'));
  return texts;
}

function generate(random: Random, real: readonly string[]): string {
  switch (random.int(6)) {
    case 0: {
      // Random bytes read as Latin-1.
      let s = '';
      const n = random.int(400);
      for (let i = 0; i < n; i++) s += String.fromCharCode(random.int(256));
      return s;
    }
    case 1: {
      // Random UTF-16 code units: lone surrogates, NUL, every plane.
      let s = '';
      const n = random.int(300);
      for (let i = 0; i < n; i++) {
        const roll = random.int(10);
        s += roll < 5 ? String.fromCharCode(random.int(0x80)) : roll < 8 ? String.fromCharCode(random.int(0x10000)) : String.fromCodePoint(random.int(0x110000));
      }
      return s;
    }
    case 2: {
      // Tokens of both dialects in random order.
      let s = '';
      const n = random.int(120);
      for (let i = 0; i < n; i++) s += random.pick(VOCABULARY);
      return s;
    }
    case 3: {
      // A very long line, sometimes inside a real file.
      // Long in characters, not in list entries: the rules may be quadratic in
      // the number of entries, which real files keep small.
      const unit = random.pick(['a', 'physnet1:br-ex', ' ', '"', '\\', 'x=', 'é😀']);
      const long = unit.repeat(Math.ceil((10000 + random.int(30000)) / unit.length)) + (random.chance(0.3) ? ',x:y'.repeat(200) : '');
      return random.chance(0.5) ? `[ovs]\nbridge_mappings = ${long}\n` : random.pick(real) + long;
    }
    case 4: {
      // A real file with its line endings mixed and a BOM maybe.
      const text = random.pick(real).replace(/\n/g, () => random.pick(['\n', '\r\n', '\r', '\n\n', ' \n', '\t\r\n']));
      return random.chance(0.3) ? '\ufeff' + text : text;
    }
    default:
      return mutate(random, random.pick(real));
  }
}

/** Deletes, inserts, duplicates and swaps pieces of a text. */
function mutate(random: Random, text: string): string {
  let s = text;
  const steps = 1 + random.int(8);
  for (let i = 0; i < steps; i++) {
    const at = random.int(s.length + 1);
    const len = random.int(Math.min(40, s.length - at) + 1);
    switch (random.int(5)) {
      case 0:
        s = s.slice(0, at) + s.slice(at + len);
        break;
      case 1:
        s = s.slice(0, at) + random.pick(VOCABULARY) + s.slice(at);
        break;
      case 2:
        s = s.slice(0, at) + s.slice(at, at + len) + s.slice(at);
        break;
      case 3: {
        const other = random.int(s.length + 1);
        s = s.slice(0, at) + s.slice(other, other + len) + s.slice(at + len);
        break;
      }
      default:
        s = s.slice(0, at) + String.fromCharCode(random.int(0x10000)) + s.slice(at + 1);
    }
  }
  return s;
}

// ---- range checks ------------------------------------------------------------

/** Line lengths as LSP counts them: \r\n, \r and \n end a line. */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function assertPositionIn(lengths: number[], p: Position, what: string): void {
  assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: not integers ${JSON.stringify(p)}`);
  assert.ok(p.line >= 0 && p.line < lengths.length, `${what}: line ${p.line} outside 0..${lengths.length - 1}`);
  assert.ok(p.character >= 0 && p.character <= lengths[p.line], `${what}: character ${p.character} outside line ${p.line} of length ${lengths[p.line]}`);
}

function assertRangeIn(lengths: number[], r: Range, what: string): void {
  assertPositionIn(lengths, r.start, what + ' start');
  assertPositionIn(lengths, r.end, what + ' end');
  assert.ok(comparePositions(r.start, r.end) <= 0, `${what}: start after end ${JSON.stringify(r)}`);
}

function assertTokenIn(text: string, lengths: number[], t: Token, what: string): void {
  assert.ok(t.start >= 0 && t.start <= t.end && t.end <= text.length, `${what}: offsets ${t.start}-${t.end} of ${text.length}`);
  assertRangeIn(lengths, t.range, what);
}

function checkIni(text: string): void {
  const lengths = lineLengths(text);
  const doc = parseIni(text);
  for (const p of doc.problems) assertRangeIn(lengths, p.range, `ini problem ${p.code}`);
  for (const c of doc.comments) assertRangeIn(lengths, c.range, 'ini comment');
  for (const section of doc.sections) {
    assertTokenIn(text, lengths, section.name, 'section name');
    assertRangeIn(lengths, section.headerRange, 'section header');
    assertRangeIn(lengths, section.range, 'section');
  }
  for (const option of [...doc.sections.flatMap((s) => s.options), ...doc.orphans]) {
    assertTokenIn(text, lengths, option.name, 'option name');
    assertTokenIn(text, lengths, option.separator, 'separator');
    assertTokenIn(text, lengths, option.value, 'value');
    assertRangeIn(lengths, option.range, 'option');
    if (!option.value.text.includes('\n')) assert.equal(text.slice(option.value.start, option.value.end), option.value.text);
    for (const item of listItems(option, doc.lineIndex)) {
      assertTokenIn(text, lengths, item, 'list item');
      assert.equal(text.slice(item.start, item.end), item.text);
      for (const part of splitToken(item, ':', doc.lineIndex)) {
        assertTokenIn(text, lengths, part, 'list item part');
        assert.equal(text.slice(part.start, part.end), part.text);
      }
    }
  }
}

function checkIfcfg(text: string): void {
  const lengths = lineLengths(text);
  const doc = parseIfcfg(text);
  for (const p of doc.problems) assertRangeIn(lengths, p.range, `ifcfg problem ${p.code}`);
  for (const c of doc.comments) assertRangeIn(lengths, c.range, 'ifcfg comment');
  for (const a of doc.assignments) {
    assertTokenIn(text, lengths, a.key, 'key');
    assertTokenIn(text, lengths, a.value, 'ifcfg value');
    assertTokenIn(text, lengths, a.raw, 'raw');
    assertRangeIn(lengths, a.range, 'assignment');
    assert.equal(text.slice(a.raw.start, a.raw.end), a.raw.text);
    const trailing = trailingText(doc, a);
    if (trailing) assertTokenIn(text, lengths, trailing, 'trailing text');
  }
}

// ---- service checks ----------------------------------------------------------

function positionsFor(random: Random, lengths: number[], diagnostics: Diagnostic[]): Position[] {
  const positions: Position[] = [{ line: 0, character: 0 }];
  for (let i = 0; i < 6; i++) {
    const line = random.int(lengths.length);
    positions.push({ line, character: random.int(lengths[line] + 1) });
  }
  const last = lengths.length - 1;
  positions.push({ line: last, character: lengths[last] });
  for (const d of diagnostics.slice(0, 5)) positions.push(d.range.start, d.range.end);
  // Positions a stale client may send: past the line end, past the last line.
  positions.push({ line: 0, character: lengths[0] + 5 }, { line: last + 3, character: 2 });
  return positions;
}

function checkEdits(texts: Map<string, string>, uri: string, edits: TextEdit[], what: string): void {
  const text = texts.get(uri);
  if (text === undefined) return; // a file the edit creates
  const lengths = lineLengths(text);
  for (const edit of edits) assertRangeIn(lengths, edit.range, `${what} edit in ${uri}`);
}

function checkAction(texts: Map<string, string>, action: CodeAction, what: string): void {
  assert.equal(typeof action.title, 'string', what);
  const edit = action.edit;
  if (!edit) return;
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) checkEdits(texts, uri, edits, what);
  for (const change of edit.documentChanges ?? []) {
    if ('edits' in change) checkEdits(texts, change.textDocument.uri, change.edits as TextEdit[], what);
  }
}

function exercise(service: NeutronConfigService, texts: Map<string, string>, uri: string, random: Random, features = true): void {
  const text = texts.get(uri)!;
  const lengths = lineLengths(text);
  const diagnostics = service.getDiagnostics(uri);
  for (const d of diagnostics) {
    assertRangeIn(lengths, d.range, `diagnostic ${String(d.code)}`);
    for (const related of d.relatedInformation ?? []) {
      const other = texts.get(related.location.uri);
      if (other !== undefined) assertRangeIn(lineLengths(other), related.location.range, `related of ${String(d.code)}`);
    }
  }
  // A client asks for the actions at the cursor: the first diagnostics of each code stand for the rest
  // (a 20,000-entry value can yield as many diagnostics).
  const perCode = new Map<string, number>();
  for (const d of diagnostics) {
    const seen = perCode.get(String(d.code)) ?? 0;
    perCode.set(String(d.code), seen + 1);
    if (seen >= 3) continue;
    for (const action of service.getCodeActions(uri, d.range, [d])) checkAction(texts, action, `fix for ${String(d.code)}`);
  }
  if (!features) return;
  for (const position of positionsFor(random, lengths, diagnostics)) {
    const hover = service.getHover(uri, position);
    if (hover?.range) assertRangeIn(lengths, hover.range, 'hover');
    const completions = service.getCompletions(uri, position);
    for (const item of completions.items) {
      const edit = item.textEdit;
      if (edit && 'range' in edit) assertRangeIn(lengths, edit.range, `completion ${item.label}`);
      if (edit && 'insert' in edit) {
        assertRangeIn(lengths, edit.insert, `completion ${item.label} insert`);
        assertRangeIn(lengths, edit.replace, `completion ${item.label} replace`);
      }
      for (const extra of item.additionalTextEdits ?? []) assertRangeIn(lengths, extra.range, `completion ${item.label} extra`);
    }
  }
}

function freshService(): { service: NeutronConfigService; texts: Map<string, string> } {
  const service = new NeutronConfigService({
    onRuleError: (rule, error) => {
      throw new Error(`rule ${rule.codes.join(',')} threw: ${error instanceof Error ? error.stack : String(error)}`);
    },
  });
  service.setWorkspaceFolders([{ uri: ROOT }]);
  const texts = new Map<string, string>();
  for (const [p, text] of Object.entries(BASE)) {
    service.setFile(uriOf(p), text);
    texts.set(uriOf(p), text);
  }
  return { service, texts };
}

/** Runs `body` and, on failure, says which input broke it (JSON, so invisible characters show). */
function withInput(label: string, input: string, body: () => void): void {
  try {
    body();
  } catch (error) {
    const shown = input.length > 300 ? JSON.stringify(input.slice(0, 300)) + `… (${input.length} chars)` : JSON.stringify(input);
    if (error instanceof Error) error.message = `${label}, input ${shown}:\n${error.message}`;
    throw error;
  }
}

describe('robustness: seeded fuzz', () => {
  const real = realFiles();

  it(`parseIni and parseIfcfg never throw and keep ranges inside the text (${INPUTS} inputs)`, () => {
    const random = new Random(SEED);
    for (let i = 0; i < INPUTS; i++) {
      const input = generate(random, real);
      withInput(`input #${i}`, input, () => {
        checkIni(input);
        checkIfcfg(input);
      });
    }
  });

  it(`the service answers every request on every file kind without throwing (${INPUTS} inputs)`, () => {
    const random = new Random(SEED ^ 0x5a5a5a5a);
    let { service, texts } = freshService();
    for (let i = 0; i < INPUTS; i++) {
      // Start over now and then so damage does not pile up in one workspace.
      if (i % 200 === 0) ({ service, texts } = freshService());
      const target = uriOf(TARGETS[i % TARGETS.length]);
      const input = generate(random, real);
      withInput(`input #${i} as ${target.slice(ROOT.length + 1)}`, input, () => {
        const affected = service.setFile(target, input);
        texts.set(target, input);
        assert.ok(affected.includes(target), 'setFile must name the file it changed');
        exercise(service, texts, target, random);
        // The other files see the damaged one through their host and deployment.
        for (const uri of texts.keys()) if (uri !== target) exercise(service, texts, uri, random, false);
      });
    }
  });

  it('survives removing and re-adding files in between', () => {
    const random = new Random(SEED + 1);
    const { service, texts } = freshService();
    for (let i = 0; i < 200; i++) {
      const target = uriOf(TARGETS[random.int(TARGETS.length)]);
      if (random.chance(0.3)) {
        service.removeFile(target);
        texts.delete(target);
      } else {
        const input = generate(random, real);
        service.setFile(target, input);
        texts.set(target, input);
      }
      for (const uri of texts.keys()) withInput(`step ${i}`, texts.get(uri)!, () => exercise(service, texts, uri, random, uri === target));
    }
  });
});
