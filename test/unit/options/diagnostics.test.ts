import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Settings } from '../../../server/src/core/settings';
import { codesAt, formatRange, rangeOf, uriOf, workspaceOf } from '../helpers';

/** The option catalogue's diagnostics: unknown-section, unknown-option, invalid-value, deprecated-option, removed-option. */

const AGENT = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const PLUGIN = 'controller/etc/neutron/plugin.ini';
const L3 = 'network-0/etc/neutron/l3_agent.ini';

function check(path: string, text: string, settings?: Partial<Settings>): string[] {
  return codesAt(workspaceOf({ [path]: text }, settings), path);
}

function diagnostics(path: string, text: string, settings?: Partial<Settings>): Diagnostic[] {
  return workspaceOf({ [path]: text }, settings).getDiagnostics(uriOf(path));
}

function only(path: string, text: string, settings?: Partial<Settings>): Diagnostic {
  const all = diagnostics(path, text, settings);
  assert.equal(all.length, 1, all.map((d) => `${d.code}: ${msg(d)}`).join('\n'));
  return all[0];
}

/** The message as plain text. */
function msg(d: Diagnostic | undefined): string {
  const m = d?.message ?? '';
  return typeof m === 'string' ? m : m.value;
}

const at = (code: string, text: string, needle: string, occurrence = 0) => `${code}@${formatRange(rangeOf(text, needle, occurrence))}`;

describe('unknown-section', () => {
  it('warns on the section name, suggests the nearest, and does not report its options one by one', () => {
    const text = '[ovs]\nlocal_ip = 10.0.0.5\n\n[agnet]\ntunnel_types = vxlan\nfoo = 1\n';
    assert.deepEqual(check(AGENT, text), [at('unknown-section', text, 'agnet')]);
    const d = only(AGENT, text);
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(d.data, { section: 'agnet', suggestions: ['agent'], kinds: [] });
    assert.match(msg(d), /^\[agnet\] is not a section of openvswitch_agent\.ini: the Open vSwitch agent reads no option from it in any release.* Did you mean \[agent\]\?$/);
  });

  it('names the file a section of another service belongs to', () => {
    const d = only(AGENT, '[ml2]\ntype_drivers = vlan\n');
    assert.equal(d.code, 'unknown-section');
    assert.match(msg(d), /It is a section of ml2_conf\.ini \(neutron-server\)\./);
    assert.deepEqual((d.data as { kinds: string[] }).kinds, ['ml2']);
  });

  it('explains that [DEFAULT] must be written in capitals', () => {
    const d = only(L3, '[default]\ndebug = true\n');
    assert.equal(d.code, 'unknown-section');
    assert.match(msg(d), /DEFAULT, which must be written in capitals\. Did you mean \[DEFAULT\]\?/);
  });

  it('is silent on shared sections: the OVS agent sections in plugin.ini, neutron.conf groups, any letter case, templates', () => {
    const allInOne = '[ml2]\ntype_drivers = flat,vxlan\n[ovs]\nbridge_mappings = physnet1:br-ex\n[agent]\ntunnel_types = vxlan\n[securitygroup]\nfirewall_driver = openvswitch\n[database]\nconnection = mysql+pymysql://neutron@db/neutron\n';
    assert.deepEqual(check(PLUGIN, allInOne).filter((c) => c.startsWith('unknown')), []);
    assert.deepEqual(check(AGENT, '[OVS]\nlocal_ip = 10.0.0.5\n[oslo_concurrency]\nlock_path = /var/lib/neutron/tmp\n[{{ extra_section }}]\nx = 1\n'), []);
  });
});

describe('unknown-option', () => {
  it('is an error on the name, with the nearest names in data', () => {
    const text = '[ovs]\nbridge_mapping = physnet1:br-ex\n';
    const d = only(AGENT, text);
    assert.equal(d.code, 'unknown-option');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.deepEqual(d.range, rangeOf(text, 'bridge_mapping'));
    assert.deepEqual(d.data, { name: 'bridge_mapping', section: 'ovs', suggestions: ['bridge_mappings'], sections: [], kinds: [] });
    assert.match(msg(d), /not an option of \[ovs\] in openvswitch_agent\.ini in any release; the Open vSwitch agent ignores it.*Did you mean "bridge_mappings"\?/);
  });

  it('explains dashed names, options of another section, and options of another file', () => {
    assert.match(msg(only(AGENT, '[ovs]\nlocal-ip = 10.0.0.5\n')), /only with "_", not "-"\. Did you mean "local_ip"\?/);
    const misplaced = only(AGENT, '[ovs]\ntunnel_types = vxlan\n');
    assert.deepEqual((misplaced.data as { sections: string[] }).sections, ['agent']);
    assert.match(msg(misplaced), /the Open vSwitch agent ignores it, so the setting has no effect\. It belongs in \[agent\], where the Open vSwitch agent reads it\.$/);
    // Removed there in the newest release: still the section it belongs to, with when it went.
    const removed = only(AGENT, '[ovs]\nveth_mtu = 9000\n');
    assert.deepEqual((removed.data as { sections: string[] }).sections, ['agent']);
    assert.match(msg(removed), /It belongs in \[agent\] \(until 2024\.1 \(Caracal\), which removed it\), where the Open vSwitch agent reads it\.$/);
    // ml2_conf.ini read by the agent too: both readers of [ovs] are named, and the agent as the one reading [agent].
    const shared = only(ML2, '[ml2]\nmechanism_drivers = openvswitch\n\n[ovs]\nbridge_mappings = physnet1:br-ex\ntunnel_types = vxlan\n');
    assert.match(msg(shared), /neutron-server and the Open vSwitch agent ignore it, so the setting has no effect\. It belongs in \[agent\], where the Open vSwitch agent reads it\.$/);
    const otherFile = only(AGENT, '[DEFAULT]\nagent_mode = dvr\n');
    assert.match(msg(otherFile), /It is an option of l3_agent\.ini \(the L3 agent\)\./);
  });

  it('reports a name the configured release does not read yet, with the name that release reads', () => {
    const text = '[ml2]\nproject_network_types = vxlan\n';
    const d = only(ML2, text, { release: 'zed' });
    assert.equal(d.code, 'unknown-option');
    assert.deepEqual(d.range, rangeOf(text, 'project_network_types'));
    assert.equal(
      msg(d),
      '"project_network_types" is not read by Zed: it was added in 2026.1 (Gazpacho), so neutron-server of Zed ignores it in ml2_conf.ini. Zed reads this setting as "tenant_network_types".',
    );
    assert.deepEqual((d.data as { suggestions: string[] }).suggestions, ['tenant_network_types']);
    assert.deepEqual(check(ML2, text, { release: '2026.1' }), []);
    assert.deepEqual(check(ML2, text), [], 'with no release set, a name some release reads is fine');
  });

  it('is silent on known options, old names and templated names', () => {
    assert.deepEqual(check(AGENT, '[ovs]\nlocal_ip = 10.0.0.5\nbridge_mappings = physnet1:br-ex\n[agent]\ntunnel_types = vxlan\n[DEFAULT]\n{{ extra_name }} = 1\n'), []);
  });
  it("is silent on names neutron.conf may put in [DEFAULT] and [agent], which every service reads too, unless close to a known name", () => {
    // core_plugin and root_helper are neutron.conf options; the services read them from any --config-file.
    const ml2 = '[DEFAULT]\ncore_plugin = ml2\nservice_plugins = router\n';
    assert.deepEqual(check(ML2, ml2), []);
    const agent = '[agent]\nroot_helper = sudo neutron-rootwrap /etc/neutron/rootwrap.conf\ntunnel_type = vxlan\n';
    assert.deepEqual(check(AGENT, agent), [at('unknown-option', agent, 'tunnel_type')]);
  });
});

describe('invalid-value', () => {
  it('marks the exact element a type rejects: a list item, a VLAN tag, a mapping, a boolean', () => {
    const text = [
      '[agent]',
      'tunnel_types = vxlan, grr',
      'arp_responder = ture',
      '[ovs]',
      'bridge_mappings = physnet1:br-ex,',
      '  physnet2',
      'of_listen_port = 70000',
    ].join('\n');
    assert.deepEqual(check(AGENT, text), [
      at('invalid-value', text, 'grr'),
      at('invalid-value', text, 'ture'),
      at('invalid-value', text, 'physnet2'),
      at('invalid-value', text, '70000'),
    ]);
    const byValue = new Map(diagnostics(AGENT, text).map((d) => [(d.data as { value: string }).value, d]));
    assert.deepEqual(byValue.get('grr')?.data, { key: 'tunnel_types', section: 'agent', value: 'grr', problem: 'not-a-choice', suggestions: ['gre'] });
    assert.equal(byValue.get('ture')?.severity, DiagnosticSeverity.Error);
    assert.match(msg(byValue.get('ture')), /^arp_responder: "ture" is not a boolean/);
    assert.deepEqual((byValue.get('70000')?.data as { suggestions: string[] }).suggestions, ['65535']);

    const vlan = '[ml2_type_vlan]\nnetwork_vlan_ranges = physnet1:100:199,physnet2:200:5000\n';
    assert.deepEqual(check(ML2, vlan), [at('invalid-value', vlan, '5000')]);
  });

  it('is a warning for a name that is not Neutron\'s but may be a plugin\'s', () => {
    const text = '[securitygroup]\nfirewall_driver = openvswich\n';
    const d = only(AGENT, text);
    assert.equal(d.code, 'invalid-value');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.deepEqual((d.data as { suggestions: string[] }).suggestions, ['openvswitch']);
  });

  it('judges choices by the configured release', () => {
    const text = '[ml2]\nmechanism_drivers = linuxbridge\n';
    assert.deepEqual(check(ML2, text), []);
    assert.deepEqual(check(ML2, text, { release: '2024.2' }), []);
    const d = only(ML2, text, { release: '2025.1' });
    assert.equal(d.code, 'invalid-value');
    assert.deepEqual(d.range, rangeOf(text, 'linuxbridge'));
  });

  it('never judges templated values, overridden lines or an indented line the parser flags', () => {
    assert.deepEqual(check(AGENT, '[agent]\ntunnel_types = {{ tunnel_types }}\narp_responder = $responder\n[ovs]\nlocal_ip = ${my_ip}\n'), []);
    const overridden = '[agent]\narp_responder = ture\narp_responder = true\n';
    assert.deepEqual(check(AGENT, overridden), [at('duplicate-option', overridden, 'arp_responder')]);
    // The oslo libraries' multi-valued options add a value per line, in neutron.conf as Debian ships it.
    const multi = '[oslo_messaging_amqp]\npre_settled = rpc-cast\npre_settled = rpc-reply\n[oslo_messaging_notifications]\ndriver = messagingv2\ndriver = log\n[database]\nconnection = a\nconnection = b\n';
    assert.deepEqual(check('controller/etc/neutron/neutron.conf', multi), [at('duplicate-option', multi, 'connection')]);
    const swallowed = '[securitygroup]\nfirewall_driver = openvswitch\n    enable_security_group = true\n';
    assert.deepEqual(check(AGENT, swallowed).map((c) => c.split('@')[0]), ['syntax']);
  });

  it('leaves an unknown network type to tenant-type-not-enabled, which explains it', () => {
    const text = '[ml2]\ntype_drivers = vxlan,flat\ntenant_network_types = vxlam\n';
    assert.deepEqual(check(ML2, text), [at('tenant-type-not-enabled', text, 'vxlam')]);
  });
});

describe('deprecated-option', () => {
  it('warns on an old name, naming the current one', () => {
    const text = '[DEFAULT]\nlogfile = /var/log/neutron/l3.log\n';
    const d = only(L3, text);
    assert.equal(d.code, 'deprecated-option');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(d.range, rangeOf(text, 'logfile'));
    assert.deepEqual(d.data, { name: 'logfile', section: 'DEFAULT', since: 'icehouse', via: 'alias', replacement: { section: 'DEFAULT', name: 'log_file' } });
    assert.match(msg(d), /^"logfile" is an old name of \[DEFAULT\] log_file, deprecated since Icehouse or earlier\. Write \[DEFAULT\] log_file instead/);
  });

  it('follows the configured release; with none, the newest, unless renaming would break older releases', () => {
    const text = '[ml2]\ntenant_network_types = vxlan\n';
    assert.deepEqual(check(ML2, text), [], 'project_network_types exists only from 2026.1 on');
    assert.deepEqual(check(ML2, text, { release: '2025.2' }), []);
    const d = only(ML2, text, { release: '2026.1' });
    assert.equal(d.code, 'deprecated-option');
    assert.match(msg(d), /^"tenant_network_types" is deprecated since 2026\.1 \(Gazpacho\)\. \[ml2\] project_network_types replaces it\./);
    assert.deepEqual((d.data as { replacement: unknown }).replacement, { section: 'ml2', name: 'project_network_types' });
  });

  it('is silent on a line that sets the default, as an uncommented sample line does', () => {
    assert.deepEqual(check(AGENT, '[agent]\nveth_mtu = 9000\n', { release: 'zed' }), []);
    const text = '[agent]\nveth_mtu = 1500\n';
    assert.deepEqual(check(AGENT, text, { release: 'zed' }), [at('deprecated-option', text, 'veth_mtu')]);
  });
});

describe('removed-option', () => {
  const empty = '[DEFAULT]\nexternal_network_bridge =\n';
  const bridge = '[DEFAULT]\nexternal_network_bridge = br-ex\n';

  it('is an error at or after the removal, saying since when and what replaces it', () => {
    const d = only(L3, empty, { release: 'train' });
    assert.equal(d.code, 'removed-option');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.deepEqual(d.range, rangeOf(empty, 'external_network_bridge'));
    assert.equal(
      msg(d),
      '"external_network_bridge" was removed in Stein, so Train ignores this line. Create the external network as a flat (or VLAN) provider network on a physnet that bridge_mappings maps to br-ex.',
    );
    assert.deepEqual(d.data, { name: 'external_network_bridge', section: 'DEFAULT', since: 'stein', via: 'name' });
    assert.deepEqual(check(L3, empty, { release: 'stein' }), [at('removed-option', empty, 'external_network_bridge')]);
    assert.deepEqual(check(L3, empty, { release: 'rocky' }), [], 'Rocky still reads it, and empty is its default');
  });

  it('with no release set, warns where releases differ and stays silent on the last default', () => {
    assert.deepEqual(check(L3, empty), []);
    const text = '[DEFAULT]\nuse_namespaces = False\n';
    const d = only(L3, text);
    assert.equal(d.code, 'removed-option');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.equal(msg(d), '"use_namespaces" was removed in Mitaka: releases before Mitaka read this value, later ones silently ignore it. Namespaces are always used.');
    assert.deepEqual(check(L3, '[DEFAULT]\nuse_namespaces = True\n'), []);
  });

  it('names the option that took over from a removed old name', () => {
    const text = '[ovs]\novs_integration_bridge = br-int2\n';
    const d = only(AGENT, text, { release: '2024.1' });
    assert.equal(d.code, 'removed-option');
    assert.match(msg(d), /^"ovs_integration_bridge" was an old name of \[ovs\] integration_bridge; 2024\.1 \(Caracal\) stopped reading it, so 2024\.1 \(Caracal\) ignores this line\. \[ovs\] integration_bridge replaces it\.$/);
    assert.deepEqual((d.data as { replacement: unknown }).replacement, { section: 'ovs', name: 'integration_bridge' });
    assert.deepEqual(check(AGENT, text, { release: 'ussuri' }).map((c) => c.split('@')[0]), ['deprecated-option']);
  });

  it('leaves external_network_bridge set to a bridge to external-network-bridge-set before Stein, to removed-option from Stein on', () => {
    for (const release of ['', 'queens', 'rocky']) {
      assert.deepEqual(check(L3, bridge, { release }), [at('external-network-bridge-set', bridge, 'br-ex')], release);
    }
    for (const release of ['stein', 'train', '2026.1']) {
      assert.deepEqual(check(L3, bridge, { release }), [at('removed-option', bridge, 'external_network_bridge')], release);
    }
    // With that check off, the catalogue's finding shows instead.
    assert.deepEqual(check(L3, bridge, { release: 'train', rules: { 'external-network-bridge-set': 'off' } }), [at('removed-option', bridge, 'external_network_bridge')]);
  });

  it('reads an unknown release name as "any release"', () => {
    assert.deepEqual(check(L3, empty, { release: 'zedd' }), []);
    assert.deepEqual(check(L3, empty, { release: 'stable/train' }), [at('removed-option', empty, 'external_network_bridge')]);
  });
});
