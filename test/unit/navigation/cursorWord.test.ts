import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cursorContext } from '../../../server/src/core/features/cursorContext';
import { parseIfcfg } from '../../../server/src/core/syntax/ifcfgParser';
import { cursor, formatRange } from '../helpers';

/** The `word` of an ifcfg value under the cursor (added for BOND_IFACES members). */
function word(textWithBar: string): string {
  const { text, position } = cursor(textWithBar);
  const context = cursorContext(parseIfcfg(text), position);
  assert.equal(context.kind, 'ifcfg-value');
  if (context.kind !== 'ifcfg-value') return '';
  return `${context.word.text}@${formatRange(context.word.range)}`;
}

describe('cursorContext: the word of an ifcfg value', () => {
  it('picks one member of a quoted list, ends included', () => {
    assert.equal(word('BOND_IFACES="eth0 et|h1"\n'), 'eth1@0:18-0:22');
    assert.equal(word('BOND_IFACES="|eth0 eth1"\n'), 'eth0@0:13-0:17');
    assert.equal(word('BOND_IFACES="eth0| eth1"\n'), 'eth0@0:13-0:17');
  });

  it('is empty at the cursor between members, and the whole value when it is one word', () => {
    assert.equal(word('BOND_IFACES="eth0  | eth1"\n'), '@0:19-0:19');
    assert.equal(word('OVS_BRIDGE=br-|ex\n'), 'br-ex@0:11-0:16');
  });
});
