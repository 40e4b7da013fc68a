/**
 * Property tests of the parsers (issue #12): for any text, parseIni and
 * parseIfcfg do not throw, every range lies inside the text and matches its
 * offsets, and positions round-trip through the line index.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseIfcfg, trailingText } from '../../server/src/core/syntax/ifcfgParser';
import { parseIni } from '../../server/src/core/syntax/iniParser';
import { parseKeyfile } from '../../server/src/core/syntax/keyfileParser';
import { parseYaml } from '../../server/src/core/syntax/yamlParser';
import { osNetConfigNetwork } from '../../server/src/core/network/sources/osNetConfig';
import { parseCapture } from '../../server/src/core/captures/parseCapture';
import { captureFacts } from '../../server/src/core/workspace/facts';
import { listItems, splitToken } from '../../server/src/core/syntax/valueElements';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { anyConfigText } from './generators';
import { assertRangeIn, assertTokenIn, lineLengths } from './ranges';
import { fuzzParameters, runsLabel } from './settings';

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

function checkKeyfile(text: string): void {
  const lengths = lineLengths(text);
  const doc = parseKeyfile(text);
  for (const p of doc.problems) assertRangeIn(lengths, p.range, `keyfile problem ${p.code}`);
  for (const section of doc.sections) {
    assertTokenIn(text, lengths, section.name, 'group name');
    for (const option of section.options) {
      assertTokenIn(text, lengths, option.name, 'key');
      assertTokenIn(text, lengths, option.value, 'keyfile value');
      assert.equal(text.slice(option.value.start, option.value.end), option.value.text);
    }
  }
}

function checkYaml(text: string): void {
  const lengths = lineLengths(text);
  const doc = parseYaml(text);
  for (const p of doc.problems) assertRangeIn(lengths, p.range, `yaml problem ${p.code}`);
  for (const device of osNetConfigNetwork(doc).devices) {
    assertRangeIn(lengths, device.ranges.name, 'os-net-config name');
    assertRangeIn(lengths, device.ranges.definition, 'os-net-config object');
    if (device.nameToken) assert.equal(text.slice(device.nameToken.start, device.nameToken.end), device.name);
  }
}

function checkCapture(text: string): void {
  const lengths = lineLengths(text);
  const doc = parseCapture(text, 'capture.txt');
  const facts = captureFacts(doc);
  for (const section of doc.sections) {
    assertRangeIn(lengths, section.range, `capture section ${section.type}`);
    if (section.type === 'ovs-vsctl-show') {
      for (const bridge of section.bridges) {
        assertTokenIn(text, lengths, bridge.name, 'bridge name');
        assertRangeIn(lengths, bridge.range, 'bridge');
        for (const port of bridge.ports) for (const iface of port.interfaces) if (iface.peer) assertTokenIn(text, lengths, iface.peer, 'peer');
      }
    }
    if (section.type === 'ovs-ofctl-dump-flows') for (const flow of section.vlanFlows) assertRangeIn(lengths, flow.range, 'flow');
    if (section.type === 'ip-link') for (const link of section.links) assertTokenIn(text, lengths, link.name, 'link name');
  }
  for (const m of facts.ovnBridgeMappings?.mappings ?? []) {
    assertTokenIn(text, lengths, m.physnet, 'ovn physnet');
    assertTokenIn(text, lengths, m.bridge, 'ovn bridge');
  }
  for (const network of facts.networks) if (network.physicalNetwork) assertRangeIn(lengths, network.physicalNetwork.range, 'provider physnet');
  for (const device of facts.network?.devices ?? []) assertRangeIn(lengths, device.ranges.definition, 'observed device');
}

describe('property: parsers', () => {
  it(`parseIni, parseIfcfg, parseKeyfile, parseYaml and parseCapture never throw and keep every range inside the text (${runsLabel(1500)})`, () => {
    fc.assert(
      fc.property(anyConfigText, (text) => {
        checkIni(text);
        checkIfcfg(text);
        checkKeyfile(text);
        checkYaml(text);
        checkCapture(text);
      }),
      fuzzParameters(1500),
    );
  });

  it(`positions round-trip: offset → position → offset, and every position is inside its line (${runsLabel(1500)})`, () => {
    fc.assert(
      fc.property(anyConfigText, fc.double({ min: 0, max: 1, noNaN: true }), (text, fraction) => {
        const index = new LineIndex(text);
        const lengths = lineLengths(text);
        const offset = Math.min(text.length, Math.floor(fraction * (text.length + 1)));
        const position = index.positionAt(offset);
        // Inside a \r\n pair there is no position of its own: it is the end of the line.
        const expected = text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset;
        assert.equal(index.offsetAt(position), expected);
        assert.ok(position.line < lengths.length && position.character <= lengths[position.line], JSON.stringify(position));
      }),
      fuzzParameters(1500),
    );
  });

  it('an offset between the CR and the LF of a line end is the end of that line (found at run 152,841 of seed 20261206)', () => {
    const index = new LineIndex('\r\nbr-int\r\n');
    assert.deepEqual(index.positionAt(1), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(9), { line: 1, character: 6 });
    assert.deepEqual(index.positionAt(10), { line: 2, character: 0 });
  });
});
