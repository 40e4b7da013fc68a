import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseIni } from '../../../server/src/core/syntax/iniParser';
import { release } from '../../../server/src/core/catalog/releases';
import { valueSourceOf, valueSourceOfText } from '../../../server/src/core/catalog/valueSource';
import {
  BooleanType,
  BridgeMappingsType,
  DictType,
  FloatType,
  HostAddressType,
  IntegerType,
  IpAddressType,
  ListType,
  PhysnetMtusType,
  PortType,
  ResourceRatesType,
  StringType,
  TunnelRangesType,
  type ValueContext,
  type ValueType,
  VlanRangesType,
  isIPv4,
  isIPv6,
  listOfChoices,
} from '../../../server/src/core/catalog/valueTypes';
import { formatRange } from '../helpers';

/** Problems as `code@line:char-line:char`, ranges relative to the value text. */
function problems(type: ValueType, text: string, context: ValueContext = {}): string[] {
  return type.validate(valueSourceOfText(text), context).map((p) => `${p.code}@${formatRange(p.range)}`);
}

function ok(type: ValueType, ...texts: string[]): void {
  for (const text of texts) assert.deepEqual(problems(type, text), [], `expected "${text}" to be valid for ${type.id}`);
}

/** The single problem of `text` spans `needle` (first occurrence) and has `code`. */
function bad(type: ValueType, text: string, code: string, needle: string = text, context: ValueContext = {}): void {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} not in ${text}`);
  assert.deepEqual(problems(type, text, context), [`${code}@0:${at}-0:${at + needle.length}`], text);
}

describe('BooleanType', () => {
  const t = new BooleanType();
  test('accepts what oslo.config accepts, in any case', () => ok(t, 'true', 'False', 'YES', 'no', 'On', 'off', '1', '0'));
  test('refuses the rest, with suggestions', () => {
    bad(t, 'ture', 'not-boolean');
    bad(t, 'enabled', 'not-boolean');
    bad(t, '', 'not-boolean');
    bad(t, '2', 'not-boolean');
    const [p] = t.validate(valueSourceOfText('ture'));
    assert.equal(p.kind, 'invalid');
    assert.equal(p.suggestions?.[0], 'true');
  });
  test('completes and describes', () => {
    assert.deepEqual(t.complete().map((c) => c.value), ['true', 'false']);
    assert.match(t.describeValue(valueSourceOfText('Yes')) ?? '', /true/);
  });
});

describe('IntegerType and PortType', () => {
  test('integers as Python reads them; empty means unset', () => {
    ok(new IntegerType(), '0', '-3', '+7', ' 42 ', '1_000', '');
    bad(new IntegerType(), '1.5', 'not-integer');
    bad(new IntegerType(), 'ten', 'not-integer');
    bad(new IntegerType(), '0x10', 'not-integer');
  });
  test('bounds', () => {
    const t = new IntegerType({ min: 100 });
    ok(t, '100', '250');
    bad(t, '99', 'below-minimum');
    bad(new IntegerType({ min: 0, max: 63 }), '64', 'above-maximum');
  });
  test('integer choices', () => {
    const t = new IntegerType({}, undefined, [{ value: 4 }, { value: 6 }]);
    ok(t, '4', '6');
    bad(t, '5', 'not-a-choice');
  });
  test('ports are 0–65535', () => {
    const t = new PortType();
    ok(t, '0', '4789', '65535');
    bad(t, '65536', 'above-maximum');
    bad(t, '-1', 'below-minimum');
    bad(t, 'http', 'not-integer');
  });
});

describe('FloatType', () => {
  test('floats as Python reads them', () => {
    ok(new FloatType(), '30', '0.5', '1e3', '.5', '-2.0', 'inf', '');
    bad(new FloatType(), '1,5', 'not-number');
    bad(new FloatType({ min: 0 }), '-0.5', 'below-minimum');
  });
});

describe('IpAddressType and HostAddressType', () => {
  test('IPv4 and IPv6 addresses', () => {
    ok(new IpAddressType(), '10.0.0.1', '0.0.0.0', '255.255.255.255', '::1', 'fd00::10', '2001:db8:0:0:0:0:0:1', '::ffff:192.0.2.1', '::');
    assert.ok(!isIPv4('010.0.0.1'));
    assert.ok(!isIPv6('1::2::3'));
    assert.ok(!isIPv6('12345::1'));
  });
  test('refuses prefixes, host names, bad octets and empty values', () => {
    bad(new IpAddressType(), '10.0.0.1/24', 'not-ip-address');
    bad(new IpAddressType(), 'compute1', 'not-ip-address');
    bad(new IpAddressType(), '10.0.0.256', 'not-ip-address');
    bad(new IpAddressType(), '', 'empty');
    bad(new IpAddressType(4), 'fd00::1', 'not-ip-address');
  });
  test('host addresses take names too', () => {
    ok(new HostAddressType(), 'controller', 'controller.example.org', '192.0.2.1', 'fd00::1');
    bad(new HostAddressType(), 'bad name', 'not-host-address');
  });
});

describe('StringType with choices', () => {
  const closed = new StringType({ choices: [{ value: 'system' }, { value: 'netdev' }] });
  test('closed choices are case-sensitive and refused otherwise', () => {
    ok(closed, 'system', 'netdev');
    bad(closed, 'System', 'not-a-choice');
    bad(closed, 'netdv', 'not-a-choice');
    assert.equal(closed.validate(valueSourceOfText('netdv'))[0].suggestions?.[0], 'netdev');
  });
  test('ignore_case', () => {
    const t = new StringType({ choices: ['Days', 'Hours'].map((value) => ({ value })), ignoreCase: true });
    ok(t, 'days', 'HOURS');
  });
  test('open choices accept class paths and flag unknown names as unknown', () => {
    const t = new StringType({ choices: [{ value: 'openvswitch' }, { value: 'iptables_hybrid' }], choiceMode: 'open', classPath: true });
    ok(t, 'openvswitch', 'neutron.agent.linux.iptables_firewall.OVSHybridIptablesFirewallDriver', 'pkg.mod:Driver', '');
    const [p] = t.validate(valueSourceOfText('openvswtch'));
    assert.equal(p.kind, 'unknown');
    assert.deepEqual(p.suggestions, ['openvswitch']);
  });
  test('choices limited to releases', () => {
    const t = new StringType({ choices: [{ value: 'legacy' }, { value: 'dvr_no_external', since: 'pike' }, { value: 'linuxbridge', removedIn: '2025.1' }] });
    ok(t, 'dvr_no_external', 'linuxbridge');
    assert.deepEqual(problems(t, 'dvr_no_external', { release: release('pike') }), []);
    bad(t, 'dvr_no_external', 'choice-not-in-release', 'dvr_no_external', { release: release('ocata') });
    bad(t, 'linuxbridge', 'choice-not-in-release', 'linuxbridge', { release: release('2025.1') });
  });
});

describe('ListType', () => {
  test('checks each item with its own range and skips empty items', () => {
    const t = listOfChoices([{ value: 'vxlan' }, { value: 'gre' }, { value: 'geneve' }], { mode: 'closed' });
    ok(t, 'vxlan', 'vxlan, gre', '', 'vxlan,', ' , gre');
    assert.deepEqual(problems(t, 'vxlan, vlan,gre'), ['not-a-choice@0:7-0:11']);
    assert.deepEqual(problems(t, 'vxlan, vxlan'), ['duplicate-name@0:7-0:12']);
  });
  test('items continue over continuation lines', () => {
    const t = listOfChoices([{ value: 'vxlan' }, { value: 'gre' }], { mode: 'closed' });
    assert.deepEqual(problems(t, 'vxlan,\n  bogus'), ['not-a-choice@1:2-1:7']);
  });
  test('elements carry item indexes', () => {
    const t = new ListType(new StringType());
    const els = t.elements(valueSourceOfText('a, b'));
    assert.deepEqual(els.map((e) => [e.role, e.token.text, e.item]), [['item', 'a', 0], ['item', 'b', 1]]);
  });
});

describe('DictType', () => {
  test('key:value pairs, keys once, values typed', () => {
    const t = new DictType({ keys: [{ value: 'allocation_ratio' }, { value: 'min_unit' }], valueFor: { allocation_ratio: new FloatType({ min: 0 }), min_unit: new IntegerType({ min: 0 }) } });
    ok(t, 'allocation_ratio:1.0,min_unit:1', '', 'min_unit: 2');
    assert.deepEqual(problems(t, 'min_unit'), ['bad-pair@0:0-0:8']);
    assert.deepEqual(problems(t, ':1'), ['empty-key@0:0-0:2']);
    assert.deepEqual(problems(t, 'min_unit:1,min_unit:2'), ['duplicate-key@0:11-0:19']);
    assert.deepEqual(problems(t, 'min_units:1'), ['unknown-key@0:0-0:9']);
    assert.deepEqual(problems(t, 'allocation_ratio:-1'), ['below-minimum@0:17-0:19']);
  });
  test('a value may contain ":"', () => {
    ok(new DictType(), 'ntp_server:2001:db8::1');
  });
});

describe('BridgeMappingsType', () => {
  const t = new BridgeMappingsType();
  test('physnet:bridge entries', () => ok(t, 'physnet1:br-ex', 'physnet1:br-ex, physnet2:br-vlan', '', 'physnet1 : br-ex'));
  test('exactly one colon, both sides non-empty, exact ranges', () => {
    assert.deepEqual(problems(t, 'physnet1'), ['bad-mapping@0:0-0:8']);
    assert.deepEqual(problems(t, 'physnet1:br-ex:x'), ['bad-mapping@0:0-0:16']);
    assert.deepEqual(problems(t, 'physnet1:br-ex,:br-vlan'), ['bad-mapping@0:15-0:23']);
    assert.deepEqual(problems(t, 'physnet1:'), ['bad-mapping@0:0-0:9']);
  });
  test('duplicates are left to the cross-option rules', () => ok(t, 'physnet1:br-ex,physnet1:br-ex2'));
  test('elements name physnets and bridges', () => {
    const els = t.elements(valueSourceOfText('physnet1:br-ex, physnet2:br-vlan'));
    assert.deepEqual(
      els.filter((e) => e.role !== 'item').map((e) => `${e.role}:${e.token.text}@${e.token.start}-${e.token.end}`),
      ['physnet:physnet1@0-8', 'bridge:br-ex@9-14', 'physnet:physnet2@16-24', 'bridge:br-vlan@25-32'],
    );
  });
  test('describes one mapping', () => {
    assert.match(t.describeValue(valueSourceOfText('physnet1:br-ex,physnet2:br-vlan'), 20) ?? '', /physnet2.*br-vlan/);
  });
});

describe('VlanRangesType', () => {
  const t = new VlanRangesType();
  test('physnet or physnet:min:max', () => ok(t, 'physnet1', 'physnet1:100:199', 'physnet1:1:4094,physnet2', 'physnet1:100:100', 'physnet1:1:10,physnet1:20:30'));
  test('tags 1–4094, min ≤ max, two colons, a physnet name', () => {
    assert.deepEqual(problems(t, 'physnet1:0:10'), ['bad-vlan-range@0:9-0:10']);
    assert.deepEqual(problems(t, 'physnet1:100:4095'), ['bad-vlan-range@0:13-0:17']);
    assert.deepEqual(problems(t, 'physnet1:200:100'), ['bad-vlan-range@0:9-0:16']);
    assert.deepEqual(problems(t, 'physnet1:100'), ['bad-vlan-range@0:0-0:12']);
    assert.deepEqual(problems(t, ':100:200'), ['bad-vlan-range@0:0-0:8']);
    assert.deepEqual(problems(t, 'physnet1:a:200'), ['bad-vlan-range@0:9-0:10']);
    assert.deepEqual(problems(t, 'physnet1:100:199, physnet2:5:1'), ['bad-vlan-range@0:27-0:30']);
  });
  test('describes the size of a range', () => {
    assert.match(t.describeValue(valueSourceOfText('physnet1:100:199'), 3) ?? '', /100–199 \(100 tags\)/);
    assert.match(t.describeValue(valueSourceOfText('physnet2'), 3) ?? '', /any tag/);
  });
  test('elements', () => {
    const els = t.elements(valueSourceOfText('physnet1:100:199'));
    assert.deepEqual(els.map((e) => e.role), ['item', 'physnet', 'vlan-min', 'vlan-max']);
  });
});

describe('TunnelRangesType', () => {
  const vni = new TunnelRangesType('VXLAN VNI', 2 ** 24 - 1);
  test('min:max within 1 … 2^24−1', () => {
    ok(vni, '1:1000', '1:16777215', '100:200, 300:400');
    assert.deepEqual(problems(vni, '0:10'), ['bad-tunnel-range@0:0-0:1']);
    assert.deepEqual(problems(vni, '1:16777216'), ['bad-tunnel-range@0:2-0:10']);
    assert.deepEqual(problems(vni, '200:100'), ['bad-tunnel-range@0:0-0:7']);
    assert.deepEqual(problems(vni, '100'), ['bad-tunnel-range@0:0-0:3']);
    assert.deepEqual(problems(vni, '1:2:3'), ['bad-tunnel-range@0:0-0:5']);
  });
  test('GRE keys go up to 2^32−1', () => {
    ok(new TunnelRangesType('GRE key', 2 ** 32 - 1), '1:4294967295');
  });
});

describe('PhysnetMtusType', () => {
  test('list form (until 2024.2)', () => {
    const t = new PhysnetMtusType(false);
    ok(t, 'physnet1:9000', 'physnet1:9000,physnet2:1500', '');
    assert.deepEqual(problems(t, 'physnet1'), ['bad-mapping@0:0-0:8']);
    assert.deepEqual(problems(t, 'physnet1:jumbo'), ['bad-mtu@0:9-0:14']);
    assert.deepEqual(problems(t, 'physnet1:9000,physnet1:1500'), ['duplicate-key@0:14-0:22']);
    assert.equal(t.oslo, 'list value');
  });
  test('dict form (from 2025.1)', () => {
    const t = new PhysnetMtusType(true);
    assert.equal(t.oslo, 'dict value');
    assert.deepEqual(problems(t, 'physnet1:9000:1'), ['bad-mtu@0:9-0:15']);
  });
});

describe('ResourceRatesType (resource_provider_bandwidths)', () => {
  const t = new ResourceRatesType('bridge', ['egress', 'ingress'], 'kbps', 'resource_provider_bandwidths');
  test('bridge:egress:ingress, rates optional', () => ok(t, 'br-ex:1000:2000', 'br-ex::2000', 'br-ex::', 'br-ex', 'br-ex:1000:2000,br-phy:10:10'));
  test('shape, rates and duplicates', () => {
    assert.deepEqual(problems(t, 'br-ex:1000'), ['bad-mapping@0:0-0:10']);
    assert.deepEqual(problems(t, 'br-ex:fast:1'), ['bad-rate@0:6-0:10']);
    assert.deepEqual(problems(t, 'br-ex:-1:1'), ['bad-rate@0:6-0:8']);
    assert.deepEqual(problems(t, 'br-ex:1:1,br-ex:2:2'), ['duplicate-name@0:10-0:15']);
  });
  test('elements name the bridge', () => {
    assert.deepEqual(t.elements(valueSourceOfText('br-ex:1:2')).map((e) => e.role), ['item', 'bridge', 'rate', 'rate']);
  });
});

describe('templated values are never judged', () => {
  const types: ValueType[] = [new BooleanType(), new IntegerType({ min: 1 }), new IpAddressType(), new BridgeMappingsType(), new VlanRangesType(), new PortType()];
  for (const type of types) {
    test(type.id, () => ok(type, '{{ neutron_bridge_mappings }}', '$my_ip', '${local_ip}', '<%= @local_ip %>', '{% if x %}1{% endif %}'));
  }
  test('a templated item inside a list is skipped', () => {
    ok(new BridgeMappingsType(), 'physnet1:br-ex,{{ extra }}');
  });
});

describe('ranges in the file (parser IniOption)', () => {
  test('problems point at the token inside the file', () => {
    const text = '[ovs]\nbridge_mappings = physnet1:br-ex,physnet2\n';
    const doc = parseIni(text);
    const option = doc.sections[0].options[0];
    const found = new BridgeMappingsType().validate(valueSourceOf(option, doc.lineIndex));
    assert.deepEqual(found.map((p) => `${p.code}@${formatRange(p.range)}`), ['bad-mapping@1:33-1:41']);
    assert.equal(text.slice(found[0].start, found[0].end), 'physnet2');
  });
  test('continuation lines keep their own ranges', () => {
    const text = '[ml2_type_vlan]\nnetwork_vlan_ranges = physnet1:100:199,\n    physnet2:5000:5001\n';
    const doc = parseIni(text);
    const found = new VlanRangesType().validate(valueSourceOf(doc.sections[0].options[0], doc.lineIndex));
    assert.deepEqual(found.map((p) => `${p.code}@${formatRange(p.range)}`), ['bad-vlan-range@2:13-2:17', 'bad-vlan-range@2:18-2:22']);
  });
  test('quoted values are checked inside the quotes', () => {
    const text = '[agent]\nl2_population = "maybe"\n';
    const doc = parseIni(text);
    const found = new BooleanType().validate(valueSourceOf(doc.sections[0].options[0], doc.lineIndex));
    assert.deepEqual(found.map((p) => formatRange(p.range)), ['1:17-1:22']);
  });
});
