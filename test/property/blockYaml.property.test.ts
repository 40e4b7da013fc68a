/**
 * The fast block-YAML reader against the `yaml` library (issue #18): on any
 * text it accepts, the library reports no error and builds the same tree,
 * node for node: kinds, scalar values and styles, and every range. Texts are
 * generated in the shapes os-net-config and Ansible files take, then mangled
 * (characters inserted and removed, lines re-indented, comments moved).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { readPlainBlockYaml } from '../../server/src/core/syntax/blockYaml';
import { yamlTree } from '../unit/syntax/yamlTree';
import { fuzzParameters, runsLabel } from './settings';

/** Scalars and keys as os-net-config files write them, and (less often) every construct the fast path leaves to the library. */
const PLAIN_SCALARS = ['br-ex', 'nic1', 'ovs_bridge', '10.0.0.1/24', 'fd00::1/64', 'true', 'False', 'null', '~', '1500', '007', '+5', 'a:b', 'http://x/y', 'x #y', 'x#y', 'a  b', '"q"', "'s'", '"a: b"', '""', "''", '$X', 'ens1f0.20', 'aa:bb:cc:dd:ee:ff', 'yes', 'TRUE', 'Null',
  '["192.0.2.1"]', "['a', b]", '[]', '[ x ]', '[x,]', '[1, true, ~]', '[a:b]'];
const ODD_SCALARS = [
  '-1', '0x1F', '0o17', '1.5', '1e3', '.inf', '-.Inf', '.nan', 'a: b', 'a:', '"a\\"b"', "'it''s'", '"x" y', '[a, b]', '{a: 1}', '&a x', '*a', '!t x',
  '|', '>', '? x', '%x', '@x', '`x', '-', '- x', '{{ nic }}', '"unterminated', "'open",
  '[a, [b]]', '[a: b]', '[a,,b]', '[a', '["x" y]', '[a #c]', '[a]x', '[a] # c', '[1.5]', '["a\\"b"]', '[{a: 1}]',
];
const PLAIN_KEYS = [
  'type', 'name', 'members', 'use_dhcp', 'addresses', 'ip_netmask', 'mtu', 'vlan_id', 'k/8', 'a.b', '1', 'true', 'null', 'shared-infra_hosts',
  'OS::TripleO::Net', 'provider:network_type', 'a b', '$x', '(k)', 'k=v',
];
const ODD_KEYS = ['"q"', "'q'", '-k', '.k', '<<', '? k', 'k ', 'k #c', '[k]', '{k}', '&a k', '!t k', 'x'.repeat(1000), 'x'.repeat(1025)];

const scalar = fc.oneof({ arbitrary: fc.constantFrom(...PLAIN_SCALARS), weight: 12 }, { arbitrary: fc.constantFrom(...ODD_SCALARS), weight: 1 });
const key = fc.oneof({ arbitrary: fc.constantFrom(...PLAIN_KEYS), weight: 12 }, { arbitrary: fc.constantFrom(...ODD_KEYS), weight: 1 });

type Tree = { scalar: string } | { map: [string, Tree][] } | { seq: Tree[] };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ scalar }),
    fc.record({ map: fc.array(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4 }) }),
    fc.record({ seq: fc.array(tie('node'), { minLength: 1, maxLength: 4 }) }),
  ),
})).node;

/** Renders a tree as block YAML, with the layout choices real files make (sequences under a key at its indentation or deeper). */
function render(node: Tree, indent: number, sameIndentSeq: boolean, step: number): string[] {
  const pad = ' '.repeat(indent);
  if ('scalar' in node) return [pad + node.scalar];
  if ('seq' in node) {
    return node.seq.flatMap((item) => {
      if ('scalar' in item) return [`${pad}- ${item.scalar}`];
      const inner = render(item, indent + 2, sameIndentSeq, step);
      return [`${pad}- ${inner[0].slice(indent + 2)}`, ...inner.slice(1)];
    });
  }
  return node.map.flatMap(([key, value]) => {
    if ('scalar' in value) return [`${pad}${key}: ${value.scalar}`];
    const deeper = 'seq' in value && sameIndentSeq ? indent : indent + step;
    return [`${pad}${key}:`, ...render(value, deeper, sameIndentSeq, step)];
  });
}

const layout = fc.record({ sameIndentSeq: fc.boolean(), step: fc.constantFrom(2, 4), documentStart: fc.boolean() });

/** A mangling of a rendered text: what editing and careless copying do. */
const mangling = fc.oneof(
  fc.record({ insert: fc.constantFrom(' ', '-', ':', '#', '\n', '"', "'", 'a', '\t', '# c', '\n  # c', '\n# c\n', '\n\n'), at: fc.nat() }),
  fc.record({ remove: fc.integer({ min: 1, max: 3 }), at: fc.nat() }),
  fc.record({ reindent: fc.integer({ min: -3, max: 3 }), line: fc.nat() }),
);

function mangle(text: string, m: { insert?: string; remove?: number; reindent?: number; at?: number; line?: number }): string {
  if (m.insert !== undefined) {
    const at = m.at! % (text.length + 1);
    return text.slice(0, at) + m.insert + text.slice(at);
  }
  if (m.remove !== undefined) {
    const at = m.at! % Math.max(1, text.length);
    return text.slice(0, at) + text.slice(at + m.remove);
  }
  const lines = text.split('\n');
  const i = m.line! % lines.length;
  lines[i] = m.reindent! > 0 ? ' '.repeat(m.reindent!) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-m.reindent!}}`), '');
  return lines.join('\n');
}

function checkAgainstLibrary(text: string): boolean {
  const fast = readPlainBlockYaml(text);
  if (fast === undefined) return false;
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  assert.deepEqual(doc.errors.map((e) => e.message), [], `accepted a text the library refuses: ${JSON.stringify(text)}`);
  assert.deepEqual(yamlTree(fast), yamlTree(doc.contents), `a different tree for ${JSON.stringify(text)}`);
  return true;
}

describe('block YAML fast path against the yaml library', () => {
  const runs = 5000;
  it(`builds the library's tree for every text it accepts, generated and mangled (${runsLabel(runs)})`, () => {
    let accepted = 0;
    let clean = 0;
    fc.assert(
      fc.property(tree, layout, fc.array(mangling, { maxLength: 2 }), fc.boolean(), (node, style, manglings, trailingNewline) => {
        let text = (style.documentStart ? '---\n' : '') + render(node, 0, style.sameIndentSeq, style.step).join('\n') + (trailingNewline ? '\n' : '');
        for (const m of manglings) text = mangle(text, m);
        if (checkAgainstLibrary(text)) {
          accepted++;
          if (manglings.length === 0) clean++;
        }
      }),
      fuzzParameters(runs),
    );
    // The property is only worth something if the fast path takes a fair share of the texts.
    assert.ok(accepted > runs / 10, `accepted ${accepted} of ${runs}`);
    assert.ok(clean > 0);
  });
});
