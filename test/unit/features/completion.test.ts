import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompletionItemKind, type CompletionItem, type CompletionList, type MarkupContent, type TextEdit } from 'vscode-languageserver-types';
import { cursor, formatRange, rangeOf, uriOf, workspaceOf } from '../helpers';

const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const agent = (host: string) => `${host}/etc/neutron/plugins/ml2/openvswitch_agent.ini`;
const ifcfg = (host: string, device: string) => `${host}/etc/sysconfig/network-scripts/ifcfg-${device}`;
const AGENT = agent('compute-0');

const ml2Text = (flat = 'physnet1') =>
  `[ml2]\ntype_drivers = vxlan,flat,vlan\ntenant_network_types = vxlan\n\n[ml2_type_flat]\nflat_networks = ${flat}\n\n[ml2_type_vlan]\nnetwork_vlan_ranges = physnet2:100:199\n`;
const bridge = (name: string) => `DEVICE=${name}\nTYPE=OVSBridge\nDEVICETYPE=ovs\n`;
const port = (name: string, br: string) => `DEVICE=${name}\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=${br}\n`;

function deployment(): Record<string, string> {
  return {
    [ML2]: ml2Text(),
    [AGENT]: '[ovs]\nbridge_mappings =\n',
    [ifcfg('compute-0', 'br-ex')]: bridge('br-ex'),
    [ifcfg('compute-0', 'eth1')]: port('eth1', 'br-ex'),
    [ifcfg('compute-0', 'br-vlan')]: bridge('br-vlan'),
    [ifcfg('compute-0', 'br-int')]: bridge('br-int'),
    [agent('compute-1')]: '[ovs]\nbridge_mappings = datacentre:br-ex\n',
    [agent('network-0')]: '[ovs]\nbridge_mappings = physnet1:br-ex\n',
  };
}

function completeAt(path: string, textWithBar: string, files = deployment()): { text: string; list: CompletionList } {
  const { text, position } = cursor(textWithBar);
  const service = workspaceOf({ ...files, [path]: text });
  const list = service.getCompletions(uriOf(path), position);
  assert.equal(list.isIncomplete, false);
  return { text, list };
}

const labels = (list: CompletionList) => list.items.map((i) => i.label);
const edit = (item: CompletionItem) => item.textEdit as TextEdit;
const docOf = (item: CompletionItem) => (item.documentation as MarkupContent).value;
/** Every item's textEdit range, as one string when they are all the same. */
function editRange(list: CompletionList): string {
  const ranges = [...new Set(list.items.map((i) => formatRange(edit(i).range)))];
  assert.equal(ranges.length, 1, `items replace different ranges: ${ranges.join(', ')}`);
  return ranges[0];
}

describe('completion: physnets in bridge_mappings', () => {
  it('offers the declared physnets (flat and VLAN) in an empty value', () => {
    const { list } = completeAt(AGENT, '[ovs]\nbridge_mappings = |\n');
    assert.deepEqual(labels(list), ['physnet1', 'physnet2']);
    assert.equal(editRange(list), '1:18-1:18');
    const [flat, vlan] = list.items;
    assert.equal(flat.kind, CompletionItemKind.Value);
    assert.equal(flat.detail, 'physnet · flat');
    assert.equal(vlan.detail, 'physnet · VLAN');
    assert.equal(edit(flat).newText, 'physnet1');
    assert.ok(docOf(flat).includes('- flat in `controller/etc/neutron/plugins/ml2/ml2_conf.ini` (controller)'));
    assert.ok(docOf(flat).includes('- mapped on network-0'));
    assert.ok(docOf(vlan).includes('- VLAN `physnet2:100:199` in `controller/etc/neutron/plugins/ml2/ml2_conf.ini` (controller)'));
  });

  it('leaves out physnets already mapped in the value', () => {
    const { list } = completeAt(AGENT, '[ovs]\nbridge_mappings = physnet1:br-ex,|\n');
    assert.deepEqual(labels(list), ['physnet2']);
    assert.equal(editRange(list), '1:33-1:33');
  });

  it('replaces the whole physnet being typed', () => {
    const { text, list } = completeAt(AGENT, '[ovs]\nbridge_mappings = physnet1:br-ex, ph|ys\n');
    assert.deepEqual(labels(list), ['physnet2']);
    assert.deepEqual(edit(list.items[0]).range, rangeOf(text, 'phys', 1));
  });

  it('replaces only the physnet side of a complete entry', () => {
    const { text, list } = completeAt(AGENT, '[ovs]\nbridge_mappings = phys|net9:br-ex\n');
    assert.deepEqual(labels(list), ['physnet1', 'physnet2']);
    assert.deepEqual(edit(list.items[0]).range, rangeOf(text, 'physnet9'));
  });

  it('works on a continuation line', () => {
    const { list } = completeAt(AGENT, '[ovs]\nbridge_mappings = physnet1:br-ex,\n    |\n');
    assert.deepEqual(labels(list), ['physnet2']);
    assert.equal(editRange(list), '2:4-2:4');
  });

  it('where flat_networks allows any name, adds the physnets other hosts map', () => {
    const files = { ...deployment(), [ML2]: ml2Text('*') };
    const { list } = completeAt(AGENT, '[ovs]\nbridge_mappings = |\n', files);
    assert.deepEqual(labels(list), ['datacentre', 'physnet1', 'physnet2']);
    assert.equal(list.items[0].detail, 'physnet · mapped on compute-1');
    assert.equal(list.items[1].detail, 'physnet · mapped on network-0');
    assert.ok(docOf(list.items[0]).includes('- flat, any name allowed (`flat_networks = *`) in `controller/etc/neutron/plugins/ml2/ml2_conf.ini` (controller)'));
  });

  it('offers nothing when no ML2 configuration covers the host', () => {
    const files = deployment();
    delete files[ML2];
    assert.deepEqual(labels(completeAt(AGENT, '[ovs]\nbridge_mappings = |\n', files).list), []);
  });
});

describe('completion: bridges', () => {
  it("offers this host's OVS bridges after \"physnet:\", not the agent's own bridges", () => {
    const { list } = completeAt(AGENT, '[ovs]\nbridge_mappings = physnet1:|\n');
    assert.deepEqual(labels(list), ['br-ex', 'br-vlan']);
    assert.equal(editRange(list), '1:27-1:27');
    const [ex, vlan] = list.items;
    assert.equal(ex.kind, CompletionItemKind.Interface);
    assert.equal(ex.detail, 'OVSBridge · ifcfg-br-ex');
    assert.ok(docOf(ex).includes('- ports: `eth1` (OVSPort)'));
    assert.ok(docOf(vlan).includes('- ports: none'));
  });

  it('leaves out bridges already mapped and replaces the whole bridge being typed', () => {
    const { text, list } = completeAt(AGENT, '[ovs]\nbridge_mappings = physnet1:br-ex,physnet2:br-|v\n');
    assert.deepEqual(labels(list), ['br-vlan']);
    assert.deepEqual(edit(list.items[0]).range, rangeOf(text, 'br-v'));
  });

  it('offers nothing after a second ":"', () => {
    assert.deepEqual(labels(completeAt(AGENT, '[ovs]\nbridge_mappings = physnet1:br-ex:|\n').list), []);
  });

  it('offers the bridges in an ifcfg OVS_BRIDGE, inside the quotes', () => {
    const plain = completeAt(ifcfg('compute-0', 'eth2'), 'DEVICE=eth2\nTYPE=OVSPort\nOVS_BRIDGE=|\n');
    assert.deepEqual(labels(plain.list), ['br-ex', 'br-int', 'br-vlan']);
    assert.equal(editRange(plain.list), '2:11-2:11');
    const quoted = completeAt(ifcfg('compute-0', 'eth2'), 'DEVICE=eth2\nOVS_BRIDGE="br-|e"\n');
    assert.equal(editRange(quoted.list), '1:12-1:16');
  });
});

describe('completion: type drivers', () => {
  it('offers the type drivers not yet listed in type_drivers, in Neutron order', () => {
    const { list } = completeAt(ML2, ml2Text().replace('type_drivers = vxlan,flat,vlan', 'type_drivers = vxlan,|'));
    assert.deepEqual(labels(list), ['local', 'flat', 'vlan', 'gre', 'geneve']);
    assert.deepEqual(
      list.items.map((i) => i.sortText),
      ['0', '1', '2', '3', '5'],
    );
    assert.equal(editRange(list), '1:21-1:21');
    assert.equal(list.items[1].kind, CompletionItemKind.EnumMember);
    assert.equal(list.items[1].detail, 'type driver');
    assert.match(docOf(list.items[1]), /untagged network/);
  });

  it('marks the types tenant_network_types may not use yet', () => {
    const { text, list } = completeAt(ML2, ml2Text().replace('tenant_network_types = vxlan', 'tenant_network_types = vx|'));
    assert.deepEqual(labels(list), ['local', 'flat', 'vlan', 'gre', 'vxlan', 'geneve']);
    assert.deepEqual(edit(list.items[0]).range, rangeOf(text, 'vx', 1));
    assert.deepEqual(
      list.items.map((i) => `${i.label}: ${i.detail}`),
      [
        'local: type driver · not in type_drivers',
        'flat: type driver',
        'vlan: type driver',
        'gre: type driver · not in type_drivers',
        'vxlan: type driver',
        'geneve: type driver · not in type_drivers',
      ],
    );
  });

  it('does the same for project_network_types', () => {
    const { list } = completeAt(ML2, '[ml2]\ntype_drivers = flat\nproject_network_types = flat,|\n');
    assert.deepEqual(labels(list), ['local', 'vlan', 'gre', 'vxlan', 'geneve']);
  });

  it('offers only the enabled types in external_network_type', () => {
    const { list } = completeAt(ML2, ml2Text() + '[ml2]\nexternal_network_type = |\n');
    assert.deepEqual(labels(list), ['flat', 'vlan', 'vxlan']);
    const unset = completeAt(ML2, '[ml2]\nexternal_network_type = |\n');
    assert.deepEqual(labels(unset.list), ['local', 'flat', 'vlan', 'gre', 'vxlan', 'geneve']);
  });
});

describe('completion: nothing elsewhere', () => {
  it('returns an empty list in values without known values, and in the all-in-one bridge_mappings of an ML2 file', () => {
    assert.deepEqual(labels(completeAt(AGENT, '[ovs]\nlocal_ip = |\n').list), []);
    assert.deepEqual(labels(completeAt(ML2, ml2Text().replace('flat_networks = physnet1', 'flat_networks = |')).list), []);
    assert.deepEqual(labels(completeAt(ifcfg('compute-0', 'eth2'), 'DEVICE=|\n').list), []);
    assert.deepEqual(labels(completeAt(ML2, '[ovs]\nbridge_mappings = |\n').list), []);
    // Names, headers and other options' values come from the option catalogue (test/unit/options/completion.test.ts).
    assert.ok(labels(completeAt(AGENT, '[ovs]\n|\n').list).includes('bridge_mappings'));
    assert.ok(labels(completeAt(ML2, '[ml2]\nmechanism_drivers = |\n').list).includes('openvswitch'));
  });
});
