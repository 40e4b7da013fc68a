import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { IniDocument, IniOption, Token } from '../../../server/src/core/syntax/ast';
import { parseIni } from '../../../server/src/core/syntax/iniParser';
import { listItems, splitToken } from '../../../server/src/core/syntax/valueElements';
import { formatRange } from '../helpers';

function tok(t: Token): string {
  return `${JSON.stringify(t.text)}@${formatRange(t.range)}`;
}

function firstOption(text: string): { doc: IniDocument; option: IniOption } {
  const doc = parseIni(text);
  const option = doc.sections[0]?.options[0];
  assert.ok(option, 'no option');
  return { doc, option };
}

function items(text: string): string[] {
  const { doc, option } = firstOption(text);
  const result = listItems(option, doc.lineIndex);
  for (const item of result) assert.equal(text.slice(item.start, item.end), item.text);
  return result.map(tok);
}

describe('listItems', () => {
  it('splits a one-line list with exact ranges', () => {
    assert.deepEqual(items('[ml2]\ntype_drivers = flat,vlan,vxlan\n'), ['"flat"@1:15-1:19', '"vlan"@1:20-1:24', '"vxlan"@1:25-1:30']);
  });

  it('trims spaces and tabs around commas', () => {
    assert.deepEqual(items('[ml2]\ntype_drivers = flat ,  vlan\t,vxlan\n'), ['"flat"@1:15-1:19', '"vlan"@1:23-1:27', '"vxlan"@1:29-1:34']);
  });

  it('skips empty items', () => {
    assert.deepEqual(items('[s]\na = ,x,, ,y,\n'), ['"x"@1:5-1:6', '"y"@1:10-1:11']);
    assert.deepEqual(items('[s]\na =\n'), []);
    assert.deepEqual(items('[s]\na = , ,\n'), []);
  });

  it('works across continuation lines, an item per line or several', () => {
    const text = '[ovs]\nbridge_mappings = physnet1:br-ex,\n    physnet2:br-vlan , physnet3:br-3,\n\tphysnet4:br-4\n';
    assert.deepEqual(items(text), [
      '"physnet1:br-ex"@1:18-1:32',
      '"physnet2:br-vlan"@2:4-2:20',
      '"physnet3:br-3"@2:23-2:36',
      '"physnet4:br-4"@3:1-3:14',
    ]);
  });

  it('never joins an item across a line break (a missing comma gives two items)', () => {
    assert.deepEqual(items('[ovs]\nbridge_mappings = a:b\n  c:d\n'), ['"a:b"@1:18-1:21', '"c:d"@2:2-2:5']);
  });

  it('works after an empty first line and on CRLF', () => {
    assert.deepEqual(items('[s]\r\na =\r\n  x,\r\n  y\r\n'), ['"x"@2:2-2:3', '"y"@3:2-3:3']);
  });

  it('keeps ranges inside stripped quotes', () => {
    assert.deepEqual(items('[s]\na = "x, y"\n'), ['"x"@1:5-1:6', '"y"@1:8-1:9']);
  });

  it('counts a BOM before the file', () => {
    assert.deepEqual(items('\ufeff[s]\na = x\n'), ['"x"@1:4-1:5']);
  });
});

describe('splitToken', () => {
  function split(value: string, separator = ':'): string[] {
    const text = `[s]\na = ${value}\n`;
    const { doc, option } = firstOption(text);
    const [item] = listItems(option, doc.lineIndex);
    return splitToken(item, separator, doc.lineIndex).map(tok);
  }

  it('physnet:1:100 → three parts', () => {
    assert.deepEqual(split('physnet:1:100'), ['"physnet"@1:4-1:11', '"1"@1:12-1:13', '"100"@1:14-1:17']);
  });

  it(':br-ex → an empty first part at the start of the token', () => {
    assert.deepEqual(split(':br-ex'), ['""@1:4-1:4', '"br-ex"@1:5-1:10']);
  });

  it('physnet: → an empty last part at the end of the token', () => {
    assert.deepEqual(split('physnet:'), ['"physnet"@1:4-1:11', '""@1:12-1:12']);
  });

  it('no separator → the token itself', () => {
    assert.deepEqual(split('physnet3'), ['"physnet3"@1:4-1:12']);
  });

  it('trims spaces inside the parts and places an empty middle part at its separator', () => {
    assert.deepEqual(split('physnet 1 : br-ex'), ['"physnet 1"@1:4-1:13', '"br-ex"@1:16-1:21']);
    assert.deepEqual(split('a::b'), ['"a"@1:4-1:5', '""@1:6-1:6', '"b"@1:7-1:8']);
    assert.deepEqual(split('a: :b'), ['"a"@1:4-1:5', '""@1:7-1:7', '"b"@1:8-1:9']);
  });

  it('splits on another separator', () => {
    assert.deepEqual(split('1=2', '='), ['"1"@1:4-1:5', '"2"@1:6-1:7']);
  });

  it('splits a token on a continuation line with ranges on that line', () => {
    const text = '[s]\na = x,\n   physnet2:100:200\n';
    const { doc, option } = firstOption(text);
    const item = listItems(option, doc.lineIndex)[1];
    assert.deepEqual(splitToken(item, ':', doc.lineIndex).map(tok), ['"physnet2"@2:3-2:11', '"100"@2:12-2:15', '"200"@2:16-2:19']);
  });
});
