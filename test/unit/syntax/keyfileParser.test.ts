/** The NetworkManager keyfile parser: GKeyFile's reading, with exact ranges. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseKeyfile } from '../../../server/src/core/syntax/keyfileParser';
import { formatRange } from '../helpers';

const options = (text: string) =>
  parseKeyfile(text).sections.flatMap((s) => s.options.map((o) => `[${s.name.text}] ${o.name.text}=${JSON.stringify(o.value.text)} name@${formatRange(o.name.range)} value@${formatRange(o.value.range)}`));
const problems = (text: string) => parseKeyfile(text).problems.map((p) => `${p.code}@${formatRange(p.range)} ${p.message.split('.')[0]}`);

describe('NetworkManager keyfile parser', () => {
  it('reads groups and key=value pairs; white space around the key and before the value is not part of them', () => {
    const text = '[connection]\nid=br-ex\n  interface-name = br-ex\ntype=ovs-bridge \n\n[ipv4]\nmethod=disabled\n';
    assert.deepEqual(options(text), [
      '[connection] id="br-ex" name@1:0-1:2 value@1:3-1:8',
      '[connection] interface-name="br-ex" name@2:2-2:16 value@2:19-2:24',
      '[connection] type="ovs-bridge" name@3:0-3:4 value@3:5-3:15',
      '[ipv4] method="disabled" name@6:0-6:6 value@6:7-6:15',
    ]);
    assert.deepEqual(problems(text), []);
  });

  it('an indented line is a line of its own (no continuation lines), a # comment only at the start', () => {
    const text = '[connection]\nid=a\n    type=ethernet\nuuid=1 # not a comment\n  # a comment\n';
    assert.deepEqual(options(text), [
      '[connection] id="a" name@1:0-1:2 value@1:3-1:4',
      '[connection] type="ethernet" name@2:4-2:8 value@2:9-2:17',
      '[connection] uuid="1 # not a comment" name@3:0-3:4 value@3:5-3:22',
    ]);
    assert.deepEqual(parseKeyfile(text).comments.map((c) => `${c.line} ${c.text}`), ['4 a comment']);
  });

  it('what GKeyFile refuses: a line without =, a key before any group, a header without ], no key, a BOM', () => {
    assert.deepEqual(problems('[connection]\ninterface-name br-ex\n'), ['syntax@1:0-1:20 This line is not a key=value pair, a [group] or a # comment']);
    assert.deepEqual(problems('id=x\n[connection]\n'), ['syntax@0:0-0:4 This key comes before any [group]']);
    // Without its header, the key after it has no group either.
    assert.deepEqual(problems('[connection\nid=x\n'), ['syntax@0:0-0:11 This group header has no closing "]"', 'syntax@1:0-1:4 This key comes before any [group]']);
    assert.deepEqual(problems('[connection]\n=x\n'), ['syntax@1:0-1:2 This line has a value but no key']);
    assert.deepEqual(problems('\ufeff[connection]\nid=x\n'), ['syntax@0:0-0:1 The file starts with a UTF-8 byte order mark (BOM), which is not part of a group header']);
    assert.match(parseKeyfile('[connection]\nx\n').problems[0].message, /refuses the whole file, so this profile is not loaded\.$/);
  });

  it('template lines are neither keys nor errors', () => {
    assert.deepEqual(problems('[connection]\n{% if bond %}\ntype=bond\n{% endif %}\n'), []);
  });
});
