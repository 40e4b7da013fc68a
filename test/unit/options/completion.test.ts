import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-types';
import type { Settings } from '../../../server/src/core/settings';
import { withoutSnippets } from '../../../server/src/core/features/options/optionCompletion';
import { cursor, formatRange, uriOf, workspaceOf } from '../helpers';

/** Completion from the option catalogue: section names, option names, values. */

const AGENT = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const L3 = 'network-0/etc/neutron/l3_agent.ini';

function completeAt(path: string, textWithBar: string, settings?: Partial<Settings>): CompletionList {
  const { text, position } = cursor(textWithBar);
  return workspaceOf({ [path]: text }, settings).getCompletions(uriOf(path), position);
}

/** Labels in the order the client shows them (by sortText, then label). */
function shown(list: CompletionList): string[] {
  return [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
}

const edit = (item: CompletionItem) => item.textEdit as TextEdit;
const item = (list: CompletionList, label: string) => {
  const found = list.items.find((i) => i.label === label);
  assert.ok(found, `no item ${label} in ${list.items.map((i) => i.label).join(', ')}`);
  return found;
};

describe('completion of option names', () => {
  it('offers the options of the section not yet set, with type and default, inserting `name = ` and the default', () => {
    const list = completeAt(AGENT, '[securitygroup]\nenable_ipset = true\n|\n');
    assert.deepEqual(shown(list), ['enable_security_group', 'firewall_driver', 'permitted_ethertypes']);
    const group = item(list, 'enable_security_group');
    assert.equal(group.kind, CompletionItemKind.Property);
    assert.equal(group.detail, 'boolean value · default true');
    assert.equal(group.insertTextFormat, InsertTextFormat.Snippet);
    assert.deepEqual(edit(group), { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: 'enable_security_group = ${1:true}' });
    assert.match((group.documentation as MarkupContent).value, /^\*\*\[securitygroup\] enable_security_group\*\* · `openvswitch_agent\.ini`/);
    // No default: the cursor lands after `= ` and the values are offered next.
    const driver = item(list, 'firewall_driver');
    assert.equal(driver.detail, 'string value · default not set');
    assert.equal(edit(driver).newText, 'firewall_driver = $0');
    assert.equal(driver.command?.command, 'editor.action.triggerSuggest');
  });

  it('replaces the word being typed and counts old names as set', () => {
    const list = completeAt(ML2, '[ml2]\ntype_drivers = vxlan\ntenant_network_types = vxlan\nmech|\n', { release: '2026.1' });
    assert.equal(formatRange(edit(item(list, 'mechanism_drivers')).range), '3:0-3:4');
    assert.ok(!shown(list).includes('project_network_types'), 'tenant_network_types is its old name');
    assert.ok(!shown(list).includes('type_drivers'));
  });

  it('tags deprecated options and sorts them last; leaves out what the release does not read', () => {
    const list = completeAt(ML2, '[ml2]\n|\n', { release: '2026.1' });
    assert.deepEqual(shown(list), [
      'extension_drivers',
      'external_network_type',
      'mechanism_drivers',
      'overlay_ip_version',
      'path_mtu',
      'physical_network_mtus',
      'project_network_types',
      'tunnelled_network_rp_name',
      'type_drivers',
      'tenant_network_types',
    ]);
    assert.deepEqual(item(list, 'tenant_network_types').tags, [CompletionItemTag.Deprecated]);
    assert.equal(item(list, 'type_drivers').tags, undefined);
    assert.ok(!shown(completeAt(ML2, '[ml2]\n|\n', { release: 'zed' })).includes('project_network_types'));
  });

  it('writes the defaults out for a client without snippets', () => {
    const list = withoutSnippets(completeAt(L3, '[DEFAULT]\n|\n'));
    assert.ok(list.items.every((i) => i.insertTextFormat !== InsertTextFormat.Snippet));
    assert.equal(edit(item(list, 'debug')).newText, 'debug = false');
    assert.equal(edit(item(list, 'log_file')).newText, 'log_file = ');
    assert.equal(edit(item(list, 'ha_confs_path')).newText, 'ha_confs_path = $state_path/ha_confs');
  });

  it('on an existing name, replaces only the name', () => {
    const list = completeAt(AGENT, '[agent]\ntunnel_ty|pes = vxlan\n');
    assert.deepEqual(edit(item(list, 'tunnel_types')), { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 12 } }, newText: 'tunnel_types' });
  });

  it('offers nothing in an unknown section or before any section', () => {
    assert.deepEqual(completeAt(AGENT, '[agnet]\n|\n').items, []);
    assert.deepEqual(completeAt(AGENT, '|\n[agent]\n').items, []);
  });
});

describe('completion of section names', () => {
  it('offers the sections the file does not have yet, closing the bracket', () => {
    const list = completeAt(L3, '[DEFAULT]\ndebug = true\n[|\n');
    // The service's own sections, then those of extensions that newest releases still read.
    assert.deepEqual(shown(list), ['agent', 'metadata_rate_limiting', 'network_log', 'ovs', 'fwaas', 'ipsec', 'openswan', 'pluto', 'strongswan', 'vpnagent']);
    assert.equal(item(list, 'vpnagent').detail, 'section · neutron-vpnaas · 1 option');
    const agent = item(list, 'agent');
    assert.equal(agent.kind, CompletionItemKind.Module);
    // Its own 4, and the agent settings of neutron.conf's [agent] (root_helper, heartbeats …) that every agent reads.
    assert.equal(agent.detail, 'section · 13 options');
    assert.deepEqual(edit(agent), { range: { start: { line: 2, character: 1 }, end: { line: 2, character: 1 } }, newText: 'agent]' });
  });

  it('inside a header, replaces the name; borrowed sections come after the file\'s own', () => {
    const list = completeAt(ML2, '[ml2]\n[ov|s]\n');
    assert.deepEqual(edit(item(list, 'ovs')), { range: { start: { line: 1, character: 1 }, end: { line: 1, character: 4 } }, newText: 'ovs' });
    const labels = shown(list);
    assert.ok(labels.indexOf('ovn') < labels.indexOf('agent'), labels.join(', '));
    assert.equal(item(list, 'agent').detail, 'section · read by the Open vSwitch agent');
    assert.ok(!labels.includes('ml2'), 'already in the file');
  });

  it('closes an unclosed header', () => {
    const list = completeAt(AGENT, '[DEFAULT]\n[ag|\n');
    assert.deepEqual(edit(item(list, 'agent')), { range: { start: { line: 1, character: 1 }, end: { line: 1, character: 3 } }, newText: 'agent]' });
  });
});

describe('completion of values', () => {
  it('offers true and false for a boolean, marking the default', () => {
    const list = completeAt(AGENT, '[agent]\narp_responder = |\n');
    assert.deepEqual(shown(list), ['true', 'false']);
    assert.equal(item(list, 'false').detail, 'boolean value · the default');
    assert.equal(formatRange(edit(item(list, 'true')).range), '1:16-1:16');
  });

  it('offers the choices with their meanings, replacing the word typed', () => {
    const list = completeAt(AGENT, '[securitygroup]\nfirewall_driver = ipt|\n');
    assert.deepEqual(shown(list), ['openvswitch', 'iptables_hybrid', 'iptables', 'noop']);
    assert.equal(formatRange(edit(item(list, 'iptables')).range), '1:18-1:21');
    assert.ok(((item(list, 'iptables_hybrid').documentation as MarkupContent).value ?? '').length > 10);
  });

  it('leaves out list items already there, and choices the release does not have', () => {
    assert.deepEqual(shown(completeAt(AGENT, '[agent]\ntunnel_types = vxlan,|\n')), ['gre', 'geneve']);
    assert.ok(shown(completeAt(ML2, '[ml2]\nmechanism_drivers = |\n', { release: '2024.2' })).includes('linuxbridge'));
    assert.ok(!shown(completeAt(ML2, '[ml2]\nmechanism_drivers = |\n', { release: '2025.1' })).includes('linuxbridge'));
  });
});
