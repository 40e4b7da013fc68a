import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-types';
import type { Settings } from '../../../server/src/core/settings';
import { applyWorkspaceEdit, uriOf, workspaceOf } from '../helpers';

/** Quick fixes of the option diagnostics: the document after each one. */

const AGENT = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const L3 = 'network-0/etc/neutron/l3_agent.ini';
const IFCFG = 'compute-0/etc/sysconfig/network-scripts/ifcfg-eth1';

/** The fixes offered for the diagnostics of `code` in the file (suppression actions left out). */
function fixesFor(path: string, text: string, code: string, settings?: Partial<Settings>): { actions: CodeAction[]; apply: (action: CodeAction) => string } {
  const files = { [path]: text };
  const service = workspaceOf(files, settings);
  const diagnostics = service.getDiagnostics(uriOf(path)).filter((d) => d.code === code);
  assert.ok(diagnostics.length > 0, `no ${code} in:\n${text}`);
  const actions = service.getCodeActions(uriOf(path), diagnostics[0].range, diagnostics).filter((a) => !a.title.startsWith('Ignore '));
  return { actions, apply: (action) => applyWorkspaceEdit(files, action.edit!)[path] };
}

const titles = (actions: CodeAction[]) => actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`);

describe('unknown-option fixes', () => {
  it('renames to the nearest name', () => {
    const { actions, apply } = fixesFor(AGENT, '[ovs]\nbridge_mapping = physnet1:br-ex\n', 'unknown-option');
    assert.deepEqual(titles(actions), ['Rename to "bridge_mappings" (preferred)']);
    assert.equal(apply(actions[0]), '[ovs]\nbridge_mappings = physnet1:br-ex\n');
  });

  it('moves an option of another section there, value and continuation lines included', () => {
    const text = '[ovs]\nlocal_ip = 10.0.0.5\ntunnel_types = vxlan,\n    geneve\n\n[agent]\nl2_population = true\n\n[securitygroup]\nenable_ipset = true\n';
    const { actions, apply } = fixesFor(AGENT, text, 'unknown-option');
    assert.deepEqual(titles(actions), ['Move to [agent] (preferred)']);
    assert.equal(apply(actions[0]), '[ovs]\nlocal_ip = 10.0.0.5\n\n[agent]\nl2_population = true\ntunnel_types = vxlan,\n    geneve\n\n[securitygroup]\nenable_ipset = true\n');
  });

  it('adds the section when the file has none', () => {
    const { actions, apply } = fixesFor(AGENT, '[ovs]\ntunnel_types = vxlan\nlocal_ip = 10.0.0.5', 'unknown-option');
    assert.equal(apply(actions[0]), '[ovs]\nlocal_ip = 10.0.0.5\n\n[agent]\ntunnel_types = vxlan\n');
  });

  it('moves an agent option of ml2_conf.ini (read by the agent too) into the section the agent reads it from', () => {
    const text = '[ml2]\nmechanism_drivers = openvswitch\n\n[ovs]\nbridge_mappings = physnet1:br-ex\nveth_mtu = 9000\n';
    const { actions, apply } = fixesFor(ML2, text, 'unknown-option', { release: 'yoga' });
    assert.deepEqual(titles(actions), ['Move to [agent] (preferred)']);
    assert.equal(apply(actions[0]), '[ml2]\nmechanism_drivers = openvswitch\n\n[ovs]\nbridge_mappings = physnet1:br-ex\n\n[agent]\nveth_mtu = 9000\n');
  });

  it('goes back to the name the configured release reads', () => {
    const { actions, apply } = fixesFor(ML2, '[ml2]\nproject_network_types = vxlan\n', 'unknown-option', { release: 'zed' });
    assert.deepEqual(titles(actions), ['Rename to "tenant_network_types" (preferred)']);
    assert.equal(apply(actions[0]), '[ml2]\ntenant_network_types = vxlan\n');
  });
});

describe('deprecated-option fixes', () => {
  it('renames an old name in place', () => {
    const { actions, apply } = fixesFor(L3, '[DEFAULT]\nlogfile = /var/log/neutron/l3.log\n', 'deprecated-option');
    assert.deepEqual(titles(actions), ['Rename to "log_file" (preferred)']);
    assert.equal(apply(actions[0]), '[DEFAULT]\nlog_file = /var/log/neutron/l3.log\n');
  });

  it('moves to the successor\'s section when it differs, after that section\'s last option', () => {
    const text = '[DEFAULT]\novs_integration_bridge = br-int2\ndebug = true\n\n[ovs]\novsdb_timeout = 20\n';
    const { actions, apply } = fixesFor(L3, text, 'deprecated-option', { release: 'victoria' });
    assert.deepEqual(titles(actions), ['Move to [ovs] integration_bridge (preferred)']);
    assert.equal(apply(actions[0]), '[DEFAULT]\ndebug = true\n\n[ovs]\novsdb_timeout = 20\nintegration_bridge = br-int2\n');
  });

  it('deletes the old name when the file already sets the successor, which wins', () => {
    const { actions, apply } = fixesFor(L3, '[DEFAULT]\nlogfile = /tmp/a.log\nlog_file = /var/log/neutron/l3.log\n', 'deprecated-option');
    assert.deepEqual(titles(actions), ['Remove "logfile" ([DEFAULT] log_file is set and wins) (preferred)']);
    assert.equal(apply(actions[0]), '[DEFAULT]\nlog_file = /var/log/neutron/l3.log\n');
  });
});

describe('invalid-value fixes', () => {
  it('replaces an invalid choice with the nearest valid one, and only that element', () => {
    const { actions, apply } = fixesFor(AGENT, '[agent]\ntunnel_types = vxlan, grr\n', 'invalid-value');
    assert.deepEqual(titles(actions), ['Change "grr" to "gre" (preferred)']);
    assert.equal(apply(actions[0]), '[agent]\ntunnel_types = vxlan, gre\n');
  });

  it('offers the nearest booleans and bounds too', () => {
    const bool = fixesFor(AGENT, '[agent]\narp_responder = ture\n', 'invalid-value');
    assert.equal(titles(bool.actions)[0], 'Change "ture" to "true" (preferred)');
    assert.equal(bool.apply(bool.actions[0]), '[agent]\narp_responder = true\n');
    const tag = fixesFor(ML2, '[ml2_type_vlan]\nnetwork_vlan_ranges = physnet1:0:99\n', 'invalid-value');
    assert.equal(tag.apply(tag.actions[0]), '[ml2_type_vlan]\nnetwork_vlan_ranges = physnet1:1:99\n');
  });

  it('keeps the ifcfg fix of the shared code working', () => {
    const { actions } = fixesFor(IFCFG, 'DEVICE=eth1\nONBOOT=yse\n', 'invalid-value');
    assert.ok(actions.length > 0);
  });
});

describe('removed-option fixes', () => {
  it('deletes the whole line, continuation lines included', () => {
    const text = '[ovs]\nof_interface = ovs-ofctl\n    native\nlocal_ip = 10.0.0.5\n';
    const { actions, apply } = fixesFor(AGENT, text, 'removed-option', { release: 'train' });
    assert.deepEqual(titles(actions), ['Delete the "of_interface" line (preferred)']);
    assert.equal(apply(actions[0]), '[ovs]\nlocal_ip = 10.0.0.5\n');
  });

  it('deletes external_network_bridge from Stein on', () => {
    const { actions, apply } = fixesFor(L3, '[DEFAULT]\ninterface_driver = openvswitch\nexternal_network_bridge =\n', 'removed-option', { release: '2024.1' });
    assert.equal(apply(actions[0]), '[DEFAULT]\ninterface_driver = openvswitch\n');
  });

  it('prefers renaming a dropped old name to the option that took over', () => {
    const { actions, apply } = fixesFor(AGENT, '[ovs]\novs_integration_bridge = br-int2\n', 'removed-option', { release: '2024.1' });
    assert.deepEqual(titles(actions), ['Rename to "integration_bridge" (preferred)', 'Delete the "ovs_integration_bridge" line']);
    assert.equal(apply(actions[0]), '[ovs]\nintegration_bridge = br-int2\n');
    assert.equal(apply(actions[1]), '[ovs]\n');
  });
});

describe('unknown-section fixes', () => {
  it('renames the header to the nearest section', () => {
    const { actions, apply } = fixesFor(AGENT, '[agnet]\ntunnel_types = vxlan\n', 'unknown-section');
    assert.deepEqual(titles(actions), ['Rename the section to [agent] (preferred)']);
    assert.equal(apply(actions[0]), '[agent]\ntunnel_types = vxlan\n');
  });
});
