import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cursorContext, type CursorContext } from '../../../server/src/core/features/cursorContext';
import { parseIfcfg } from '../../../server/src/core/syntax/ifcfgParser';
import { parseIni } from '../../../server/src/core/syntax/iniParser';
import { cursor, formatRange, rangeOf } from '../helpers';

function ini(textWithBar: string): { text: string; context: CursorContext } {
  const { text, position } = cursor(textWithBar);
  return { text, context: cursorContext(parseIni(text), position) };
}

function ifcfg(textWithBar: string): { text: string; context: CursorContext } {
  const { text, position } = cursor(textWithBar);
  return { text, context: cursorContext(parseIfcfg(text), position) };
}

/** The value cursor in a compact form: element, index, part, part index, with ranges. */
function valueSummary(context: CursorContext) {
  assert.equal(context.kind, 'option-value');
  if (context.kind !== 'option-value') throw new Error('unreachable');
  const v = context.value;
  return {
    option: `[${context.section}] ${context.option.name.text}`,
    elements: v.elements.map((e) => e.text),
    element: `${v.element.text}@${formatRange(v.element.range)}`,
    elementIndex: v.elementIndex,
    part: `${v.part.text}@${formatRange(v.part.range)}`,
    partIndex: v.partIndex,
  };
}

describe('cursorContext: INI', () => {
  it('finds the section name in a header', () => {
    const { text, context } = ini('[DEFAULT]\n[o|vs]\nbridge_mappings = a:b\n');
    assert.equal(context.kind, 'section-header');
    if (context.kind !== 'section-header') return;
    assert.equal(context.name.text, 'ovs');
    assert.deepEqual(context.name.range, rangeOf(text, 'ovs'));
  });

  it('finds the option and section under the cursor on an option name', () => {
    const { text, context } = ini('[ovs]\nbridge_ma|ppings = physnet1:br-ex\n');
    assert.equal(context.kind, 'option-name');
    if (context.kind !== 'option-name') return;
    assert.equal(context.section, 'ovs');
    assert.equal(context.option.name.text, 'bridge_mappings');
    assert.deepEqual(context.name.range, rangeOf(text, 'bridge_mappings'));
  });

  it('counts the end of the name as the name, the blank before "=" as nothing', () => {
    assert.equal(ini('[ovs]\nbridge_mappings| = a:b\n').context.kind, 'option-name');
    assert.equal(ini('[ovs]\nbridge_mappings |= a:b\n').context.kind, 'none');
  });

  it('knows an option before any section has no section', () => {
    const { context } = ini('bridge_|mappings = a:b\n');
    assert.equal(context.kind, 'option-name');
    if (context.kind === 'option-name') assert.equal(context.section, undefined);
  });

  it('gives the physnet side of a physnet:bridge entry', () => {
    const { context } = ini('[ovs]\nbridge_mappings = phys|net1:br-ex, physnet2:br-vlan\n');
    assert.deepEqual(valueSummary(context), {
      option: '[ovs] bridge_mappings',
      elements: ['physnet1:br-ex', 'physnet2:br-vlan'],
      element: 'physnet1:br-ex@1:18-1:32',
      elementIndex: 0,
      part: 'physnet1@1:18-1:26',
      partIndex: 0,
    });
  });

  it('gives the bridge side after the ":"', () => {
    const { context } = ini('[ovs]\nbridge_mappings = physnet1:br-ex, physnet2:br-|vlan\n');
    assert.deepEqual(valueSummary(context), {
      option: '[ovs] bridge_mappings',
      elements: ['physnet1:br-ex', 'physnet2:br-vlan'],
      element: 'physnet2:br-vlan@1:34-1:50',
      elementIndex: 1,
      part: 'br-vlan@1:43-1:50',
      partIndex: 1,
    });
  });

  it('treats the cursor right after ":" as an empty bridge being typed', () => {
    const { context } = ini('[ovs]\nbridge_mappings = physnet1:|\n');
    assert.deepEqual(valueSummary(context), {
      option: '[ovs] bridge_mappings',
      elements: ['physnet1:'],
      element: 'physnet1:@1:18-1:27',
      elementIndex: 0,
      part: '@1:27-1:27',
      partIndex: 1,
    });
  });

  it('treats the cursor right after "= " as an empty first element', () => {
    const { context } = ini('[ovs]\nbridge_mappings = |\n[agent]\n');
    assert.deepEqual(valueSummary(context), {
      option: '[ovs] bridge_mappings',
      elements: [],
      element: '@1:18-1:18',
      elementIndex: undefined,
      part: '@1:18-1:18',
      partIndex: 0,
    });
  });

  it('treats the cursor right after "=" with no space the same way', () => {
    const { context } = ini('[ovs]\nbridge_mappings =|');
    assert.equal(valueSummary(context).element, '@1:17-1:17');
  });

  it('gives an empty element after a comma', () => {
    const { context } = ini('[ovs]\nbridge_mappings = physnet1:br-ex,|\n');
    const summary = valueSummary(context);
    assert.equal(summary.element, '@1:33-1:33');
    assert.equal(summary.elementIndex, undefined);
    assert.deepEqual(summary.elements, ['physnet1:br-ex']);
  });

  it('follows the value onto continuation lines', () => {
    const { context } = ini('[ovs]\nbridge_mappings = physnet1:br-ex,\n    physnet2:br-v|lan\nintegration_bridge = br-int\n');
    assert.deepEqual(valueSummary(context), {
      option: '[ovs] bridge_mappings',
      elements: ['physnet1:br-ex', 'physnet2:br-vlan'],
      element: 'physnet2:br-vlan@2:4-2:20',
      elementIndex: 1,
      part: 'br-vlan@2:13-2:20',
      partIndex: 1,
    });
  });

  it('reads a blank indented line right after a value as more of that value', () => {
    const { context } = ini('[ovs]\nbridge_mappings = physnet1:br-ex,\n    |\n');
    assert.deepEqual(valueSummary(context), {
      option: '[ovs] bridge_mappings',
      elements: ['physnet1:br-ex'],
      element: '@2:4-2:4',
      elementIndex: undefined,
      part: '@2:4-2:4',
      partIndex: 0,
    });
  });

  it('splits VLAN ranges into physnet, min and max', () => {
    const { context } = ini('[ml2_type_vlan]\nnetwork_vlan_ranges = physnet2:100:1|99\n');
    const summary = valueSummary(context);
    assert.equal(summary.part, '199@1:35-1:38');
    assert.equal(summary.partIndex, 2);
  });

  it('gives an empty part when the cursor stands in white space inside an element', () => {
    const { context } = ini('[ovs]\nbridge_mappings = physnet1: | br-ex\n');
    const summary = valueSummary(context);
    assert.equal(summary.partIndex, 1);
    assert.equal(summary.part, '@1:28-1:28');
  });

  it('handles CRLF line ends', () => {
    const { context } = ini('[ovs]\r\nbridge_mappings = physnet1:br|-ex\r\n');
    assert.equal(valueSummary(context).part, 'br-ex@1:27-1:32');
  });

  it('recognises comments, lines being typed and positions past the end', () => {
    assert.equal(ini('[ovs]\n# a com|ment\n').context.kind, 'comment');
    const typed = ini('[ovs]\nbridge_ma|\n').context;
    assert.equal(typed.kind, 'ini-line');
    if (typed.kind === 'ini-line') {
      assert.equal(typed.section, 'ovs');
      assert.equal(typed.word.text, 'bridge_ma');
    }
    assert.deepEqual(cursorContext(parseIni('[ovs]\n'), { line: 9, character: 0 }), { kind: 'none' });
  });
});

describe('cursorContext: ifcfg', () => {
  it('finds the key', () => {
    const { text, context } = ifcfg('DEVICE=eth1\nOVS_BR|IDGE=br-ex\n');
    assert.equal(context.kind, 'ifcfg-key');
    if (context.kind === 'ifcfg-key') assert.deepEqual(context.key.range, rangeOf(text, 'OVS_BRIDGE'));
  });

  it('finds an unquoted value', () => {
    const { text, context } = ifcfg('OVS_BRIDGE=br-|ex\n');
    assert.equal(context.kind, 'ifcfg-value');
    if (context.kind !== 'ifcfg-value') return;
    assert.equal(context.value.text, 'br-ex');
    assert.deepEqual(context.value.range, rangeOf(text, 'br-ex'));
  });

  it('gives the range inside the quotes of a quoted value, closed or not', () => {
    const closed = ifcfg('OVS_BRIDGE="br|-ex"\n');
    assert.equal(closed.context.kind, 'ifcfg-value');
    if (closed.context.kind === 'ifcfg-value') assert.equal(formatRange(closed.context.value.range), '0:12-0:17');
    const open = ifcfg('OVS_BRIDGE="br|\n');
    assert.equal(open.context.kind, 'ifcfg-value');
    if (open.context.kind === 'ifcfg-value') assert.equal(formatRange(open.context.value.range), '0:12-0:14');
  });

  it('gives an empty value right after "="', () => {
    const { context } = ifcfg('TYPE=OVSPort\nOVS_BRIDGE=|\n');
    assert.equal(context.kind, 'ifcfg-value');
    if (context.kind === 'ifcfg-value') assert.equal(formatRange(context.value.range), '1:11-1:11');
  });

  it('treats a trailing comment as a comment and a line being typed as a line', () => {
    assert.equal(ifcfg('OVS_BRIDGE=br-ex  # up|link\n').context.kind, 'comment');
    const typed = ifcfg('DEVICE=eth1\nOVS_B|\n').context;
    assert.equal(typed.kind, 'ifcfg-line');
    if (typed.kind === 'ifcfg-line') assert.equal(typed.word.text, 'OVS_B');
  });
});
