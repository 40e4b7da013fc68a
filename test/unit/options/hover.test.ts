import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import type { Settings } from '../../../server/src/core/settings';
import { cursor, rangeOf, uriOf, workspaceOf } from '../helpers';

/** Hover from the option catalogue on section names, option names and values. */

const AGENT = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const PLUGIN = 'controller/etc/neutron/plugin.ini';
const L3 = 'network-0/etc/neutron/l3_agent.ini';

function hoverAt(path: string, textWithBar: string, settings?: Partial<Settings>): { text: string; hover: Hover | null } {
  const { text, position } = cursor(textWithBar);
  return { text, hover: workspaceOf({ [path]: text }, settings).getHover(uriOf(path), position) };
}

function lines(hover: Hover | null): string[] {
  assert.ok(hover, 'expected a hover');
  return (hover.contents as MarkupContent).value.split('\n');
}

function has(hover: Hover | null, line: string): void {
  const all = lines(hover);
  assert.ok(all.includes(line), `missing line:\n${line}\nin:\n${all.join('\n')}`);
}

describe('hover on an option name', () => {
  it('explains the option: what it does, type, format, example, default, values, consequences, history', () => {
    const { text, hover } = hoverAt(AGENT, '[securitygroup]\nfirewall_dr|iver = openvswitch\n');
    assert.deepEqual(hover?.range, rangeOf(text, 'firewall_driver'));
    const all = lines(hover);
    assert.equal(all[0], '**[securitygroup] firewall_driver** · `openvswitch_agent.ini`');
    has(hover, '**Type:** string value');
    has(hover, '```ini');
    has(hover, '**Values:**');
    assert.ok(all.some((l) => l.startsWith('- `iptables_hybrid` — ')));
    assert.ok(all.some((l) => l.startsWith('**Default:** not set.')));
    assert.ok(all.some((l) => l.startsWith('**When it is wrong:**')));
    has(hover, '**Releases:**');
  });

  it('gives bounds, and the effective meaning when the option is left out', () => {
    const { hover } = hoverAt(AGENT, '[ovs]\nof_listen_p|ort = 6633\n');
    has(hover, '**Type:** port value, 0 to 65535');
    has(hover, '**Default:** `6633`.');
    const bridges = hoverAt(AGENT, '[ovs]\nbridge_mapp|ings =\n').hover;
    has(bridges, '**Default:** empty. No physnet on this host: flat and VLAN ports cannot bind here ("Binding failed"), only tunnelled networks work.');
  });

  it("puts this host's wiring of bridge_mappings right after the summary, before the catalogue block", () => {
    const all = lines(hoverAt(AGENT, '[ovs]\nbridge_mapp|ings = physnet1:br-ex\n').hover);
    const type = all.indexOf('**Type:** list value');
    const wiring = all.indexOf('**Wiring on compute-0**');
    assert.ok(type > 0 && all.indexOf('**Releases:**') > type, all.join('\n'));
    assert.equal(wiring, 4, 'title, blank, summary, blank, then the wiring');
    assert.ok(wiring < type, 'host wiring before the catalogue block');
    assert.ok(all.some((l) => l.includes('**`int-<bridge>`**')), 'the packet path');
    assert.ok(all.some((l) => l.includes('int-\\<bridge> and phy-\\<bridge>')), 'angle brackets of the prose escaped');
  });

  it('shows where the option stands in the configured release, and history with old names', () => {
    const dep = hoverAt(ML2, '[ml2]\ntenant_network|_types = vxlan\n', { release: '2026.1' }).hover;
    has(dep, '**In 2026.1 (Gazpacho):** deprecated since 2026.1 (Gazpacho). Use [ml2] project_network_types.');
    const removed = hoverAt(L3, '[DEFAULT]\nexternal_network_br|idge =\n', { release: 'train' }).hover;
    has(removed, '**In Train:** no longer read; removed in Stein.');
    const alias = hoverAt(AGENT, '[ovs]\novs_integration|_bridge = br-int\n', { release: 'victoria' }).hover;
    assert.equal(lines(alias)[0], '**[ovs] integration_bridge** · `openvswitch_agent.ini`');
    has(alias, '`ovs_integration_bridge` is an old name of this option.');
    has(alias, '- Also read as [ovs] ovs_integration_bridge (since Ussuri, until 2024.1 (Caracal)).');
    has(alias, '**In Victoria:** deprecated since Ussuri. Use [ovs] integration_bridge.');
  });

  it('says when the section is read by another service from this file', () => {
    const all = lines(hoverAt(PLUGIN, '[ml2]\nmechanism_drivers = openvswitch\n\n[agent]\ntunnel_|types = vxlan\n').hover);
    assert.equal(all[0], '**[agent] tunnel_types** · `plugin.ini`');
    assert.equal(all[2], '*Read by the Open vSwitch agent (an option of `openvswitch_agent.ini`) when it is started with this file too, as all-in-one set-ups do.*');
  });

  it('is silent on a name the section does not have', () => {
    assert.equal(hoverAt(AGENT, '[ovs]\nbridge_mapp|ing = physnet1:br-ex\n').hover, null);
  });
});

describe('hover on a section name', () => {
  it('says who reads the section and lists its options, those set in bold', () => {
    const { text, hover } = hoverAt(AGENT, '[security|group]\nenable_ipset = true\n');
    assert.deepEqual(hover?.range, rangeOf(text, 'securitygroup'));
    assert.deepEqual(lines(hover), [
      '**[securitygroup]** · `openvswitch_agent.ini`',
      '',
      'Read by the Open vSwitch agent.',
      '',
      'Also a section of `ml2_conf.ini` and `linuxbridge_agent.ini` and `sriov_agent.ini`, with options of its own there.',
      '',
      '**Options** (4; those set here in bold): `firewall_driver` · `enable_security_group` · **`enable_ipset`** · `permitted_ethertypes`',
    ]);
  });

  it('explains borrowed, neutron.conf and unknown sections', () => {
    const borrowed = lines(hoverAt(PLUGIN, '[sec|uritygroup]\n').hover);
    assert.equal(borrowed[2], 'Read by neutron-server (and the Open vSwitch agent in all-in-one set-ups).');
    const conf = lines(hoverAt(AGENT, '[oslo_con|currency]\n').hover);
    assert.match(conf[2], /^The Open vSwitch agent reads \[oslo_concurrency\] from every configuration file it is given/);
    const unknown = lines(hoverAt(AGENT, '[m|l2]\n').hover);
    assert.equal(unknown[2], 'The Open vSwitch agent reads no option from this section. It is a section of `ml2_conf.ini`.');
  });
});

describe('hover on a value', () => {
  it('explains a choice, and says when the value is the default', () => {
    const { text, hover } = hoverAt(AGENT, '[securitygroup]\nfirewall_driver = iptables_hy|brid\n');
    assert.deepEqual(hover?.range, rangeOf(text, 'iptables_hybrid'));
    assert.equal(lines(hover)[0], '**[securitygroup] firewall_driver** = `iptables_hybrid`');
    assert.match(lines(hover)[2], /^iptables_hybrid: /);
    const bool = hoverAt(AGENT, '[agent]\narp_responder = fal|se\n');
    assert.deepEqual(lines(bool.hover), ['**[agent] arp_responder** = `false`', '', '"false" reads as false.', '', 'This is the default value.']);
  });

  it('explains one item of a list, on its own range', () => {
    const { text, hover } = hoverAt(AGENT, '[agent]\ntunnel_types = vxlan,gen|eve\n');
    assert.deepEqual(hover?.range, rangeOf(text, 'geneve'));
    assert.match(lines(hover)[2], /^geneve: /);
  });

  it('counts the VNIs of a tunnel range', () => {
    const { text, hover } = hoverAt(ML2, '[ml2_type_vxlan]\nvni_ranges = 1001:20|00\n');
    assert.deepEqual(hover?.range, rangeOf(text, '1001:2000'));
    assert.equal(lines(hover)[2], 'VXLAN VNIs 1001–2000: 1,000 project networks at most.');
  });

  it('is silent on templated values, on white space between items and on free text', () => {
    assert.equal(hoverAt(AGENT, '[agent]\ntunnel_types = {{ tun|nel_types }}\n').hover, null);
    assert.equal(hoverAt(AGENT, '[agent]\ntunnel_types = vxlan, |\n').hover, null);
    assert.equal(hoverAt(AGENT, '[DEFAULT]\nlog_dir = /var/log/neu|tron\n').hover, null);
  });
});
