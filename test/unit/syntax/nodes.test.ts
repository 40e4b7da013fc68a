import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseIfcfg } from '../../../server/src/core/syntax/ifcfgParser';
import { parseIni } from '../../../server/src/core/syntax/iniParser';
import { formatRange } from '../helpers';

/**
 * Parse-tree nodes compute their ranges on demand (syntax/nodes.ts). These
 * tests pin what readers rely on: every read gives the same plain range, a
 * serialised node keeps its range, and nodes that grow (continuation lines,
 * sections) report where they end now.
 */
describe('parse-tree nodes with ranges on demand', () => {
  const ini = parseIni(['[ovs]', '# bridges', 'bridge_mappings = physnet1:br-ex,', '  physnet2:br-vlan', '', '[agent]', 'tunnel_types=vxlan'].join('\n'));
  const ovs = ini.sections[0];
  const mappings = ovs.options[0];

  it('gives a new plain Range on every read, equal each time', () => {
    const first = mappings.name.range;
    const second = mappings.name.range;
    assert.notEqual(first, second);
    assert.deepEqual(first, second);
    assert.deepEqual(first, { start: { line: 2, character: 0 }, end: { line: 2, character: 15 } });
    assert.equal(Object.getPrototypeOf(first), Object.prototype);
  });

  it('extends an option and its section over continuation lines', () => {
    assert.equal(formatRange(mappings.range), '2:0-3:18');
    assert.equal(formatRange(mappings.value.range), '2:18-3:18');
    assert.equal(mappings.value.text, 'physnet1:br-ex,\nphysnet2:br-vlan');
    assert.equal(formatRange(ovs.headerRange), '0:0-0:5');
    assert.equal(formatRange(ovs.range), '0:0-3:18');
  });

  it('derives the separator and the comment text from the source', () => {
    assert.equal(mappings.separator.text, '=');
    assert.equal(formatRange(mappings.separator.range), '2:16-2:17');
    assert.equal(ini.comments[0].text, 'bridges');
    assert.equal(formatRange(ini.comments[0].range), '1:0-1:9');
    assert.equal(ini.sections[1].options[0].separator.text, '=');
  });

  it('keeps ranges when serialised (JSON.stringify, as over the protocol)', () => {
    const token = JSON.parse(JSON.stringify(mappings.name));
    assert.deepEqual(token, { text: 'bridge_mappings', start: mappings.name.start, end: mappings.name.end, range: mappings.name.range });
    const option = JSON.parse(JSON.stringify(mappings));
    assert.deepEqual(option.range, mappings.range);
    assert.deepEqual(option.separator.range, mappings.separator.range);
    assert.deepEqual(JSON.parse(JSON.stringify(ini.comments[0])), { text: 'bridges', line: 1, range: ini.comments[0].range });
    assert.deepEqual(JSON.parse(JSON.stringify(ovs)).headerRange, ovs.headerRange);
  });

  it('ifcfg: an assignment runs from its key to the end of the value as written; a plain value is its raw token', () => {
    const doc = parseIfcfg(['DEVICE=br-ex', "export TYPE='OVSBridge'  # bridge"].join('\n'));
    const [device, type] = doc.assignments;
    assert.equal(device.value, device.raw);
    assert.equal(formatRange(device.range), '0:0-0:12');
    assert.notEqual(type.value, type.raw);
    assert.equal(type.value.text, 'OVSBridge');
    assert.equal(formatRange(type.value.range), '1:13-1:22');
    assert.equal(type.raw.text, "'OVSBridge'");
    assert.equal(formatRange(type.range), '1:7-1:23');
    assert.equal(doc.comments[0].text, 'bridge');
    assert.equal(formatRange(doc.comments[0].range), '1:25-1:33');
    assert.deepEqual(JSON.parse(JSON.stringify(type)).range, type.range);
  });
});
