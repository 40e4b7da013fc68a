import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  allEntries,
  catalogStats,
  defaultAt,
  explain,
  explainMarkdown,
  historyText,
  lookup,
  nearestSections,
  optionsOf,
  release,
  sampleLine,
  sectionInfo,
  sectionsOf,
  statusOf,
  suggestFor,
  typeAt,
  validateText,
} from '../../../server/src/core/catalog/index';

describe('lookup', () => {
  test('finds options by section and name; section names match as oslo.config does', () => {
    const hit = lookup('ovs-agent', 'ovs', 'bridge_mappings');
    assert.equal(hit?.entry.key, 'ovs/bridge_mappings');
    assert.equal(hit?.via, 'name');
    assert.equal(hit?.entry.type.id, 'bridge-mappings');
    assert.ok(hit?.entry.provider);
    assert.equal(lookup('ovs-agent', 'OVS', 'bridge_mappings')?.entry.key, 'ovs/bridge_mappings');
    assert.equal(lookup('ovs-agent', 'AGENT', 'tunnel_types')?.entry.key, 'agent/tunnel_types');
    assert.equal(lookup('ovs-agent', 'ovs', 'Bridge_Mappings'), undefined, 'option names are case-sensitive');
    assert.equal(lookup('ml2', 'default', 'debug'), undefined, '[default] is not [DEFAULT]');
    assert.equal(lookup('ml2', 'DEFAULT', 'debug')?.entry.osloType, 'boolean value');
  });

  test('oslo.log options use the name files use, not the command-line one', () => {
    assert.equal(lookup('l3-agent', 'DEFAULT', 'log_config_append')?.entry.zed?.name, 'log-config-append');
    assert.equal(lookup('l3-agent', 'DEFAULT', 'log-config-append'), undefined);
  });

  test('finds deprecated aliases and says so', () => {
    const hit = lookup('ovs-agent', 'ovs', 'ovs_integration_bridge', 'zed');
    assert.equal(hit?.via, 'alias');
    assert.equal(hit?.entry.key, 'ovs/integration_bridge');
    assert.deepEqual(hit?.alias, { section: 'ovs', name: 'ovs_integration_bridge', since: 'ussuri', removed: '2024.1' });
    assert.deepEqual(hit?.status, {
      state: 'deprecated',
      since: 'ussuri',
      replacement: { section: 'ovs', name: 'integration_bridge', note: 'Old name of [ovs] integration_bridge.' },
    });
    assert.equal(lookup('ovs-agent', 'ovs', 'ovs_integration_bridge', '2024.1')?.status.state, 'removed');
    assert.equal(lookup('ovs-agent', 'ovs', 'ovs_integration_bridge', 'train')?.status.state, 'not-yet');

    const log = lookup('ml2', 'DEFAULT', 'logfile');
    assert.equal(log?.via, 'alias');
    assert.equal(log?.entry.name, 'log_file');
    assert.equal(log?.status.state, 'deprecated');

    const blacklist = lookup('ml2', 'ovs_driver', 'vnic_type_blacklist', 'ussuri');
    assert.equal(blacklist?.entry.name, 'vnic_type_prohibit_list');
    assert.equal(blacklist?.status.state, 'current', 'before the Victoria rename it was the option\'s own name');
    assert.equal(lookup('ml2', 'ovs_driver', 'vnic_type_blacklist', 'zed')?.status.state, 'deprecated');
    assert.equal(lookup('ml2', 'ovs_driver', 'vnic_type_blacklist', '2024.1')?.status.state, 'removed');
    assert.equal(lookup('ml2', 'ovs_driver', 'vnic_type_blacklist', 'rocky')?.status.state, 'not-yet');
  });

  test('an alias in another section', () => {
    const hit = lookup('l3-agent', 'DEFAULT', 'ovs_vsctl_timeout', 'rocky');
    assert.equal(hit?.via, 'name', 'the old option has an entry of its own');
    assert.equal(hit?.status.state, 'deprecated');
    assert.equal(lookup('l3-agent', 'DEFAULT', 'ovs_vsctl_timeout', 'stein')?.status.state, 'removed');
    assert.ok(lookup('l3-agent', 'ovs', 'ovsdb_timeout')?.entry.deprecatedNames.some((d) => d.section === 'DEFAULT' && d.name === 'ovs_vsctl_timeout'));
  });

  test('history drives the status by release', () => {
    const enb = lookup('l3-agent', 'DEFAULT', 'external_network_bridge')!.entry;
    assert.deepEqual(statusOf(enb, 'liberty'), { state: 'current' });
    assert.equal(statusOf(enb, 'mitaka').state, 'deprecated');
    assert.equal(statusOf(enb, 'stein').state, 'removed');
    const removed = statusOf(enb);
    assert.equal(removed.state, 'removed');
    assert.ok(removed.state === 'removed' && removed.since === 'stein' && /provider network/.test(removed.replacement?.note ?? ''));
    assert.match(historyText(enb), /deprecated in Mitaka · removed in Stein/);

    const cases: [string, string, string, string, string][] = [
      ['ovs-agent', 'ovs', 'ovsdb_interface', 'queens', 'deprecated'],
      ['ovs-agent', 'ovs', 'ovsdb_interface', 'stein', 'removed'],
      ['ovs-agent', 'ovs', 'of_interface', 'pike', 'deprecated'],
      ['ovs-agent', 'ovs', 'of_interface', 'train', 'removed'],
      ['ovs-agent', 'ovs', 'of_interface', 'kilo', 'not-yet'],
      ['l3-agent', 'DEFAULT', 'gateway_external_network_id', 'train', 'removed'],
      ['l3-agent', 'DEFAULT', 'ovs_integration_bridge', 'zed', 'deprecated'],
      ['l3-agent', 'DEFAULT', 'ovs_integration_bridge', '2024.1', 'removed'],
      ['ml2', 'ml2', 'tenant_network_types', '2025.2', 'current'],
      ['ml2', 'ml2', 'tenant_network_types', '2026.1', 'deprecated'],
      ['ml2', 'ml2', 'project_network_types', '2025.2', 'not-yet'],
      ['ml2', 'ml2', 'project_network_types', '2026.1', 'current'],
      ['ovs-agent', 'ovs', 'resource_provider_bandwidths', 'rocky', 'not-yet'],
      ['ovs-agent', 'ovs', 'resource_provider_bandwidths', 'stein', 'current'],
      ['ovs-agent', 'agent', 'veth_mtu', 'yoga', 'deprecated'],
      ['ovs-agent', 'agent', 'veth_mtu', '2024.1', 'removed'],
      ['ovs-agent', 'ovs', 'datapath_type', 'kilo', 'not-yet'],
      ['ml2', 'DEFAULT', 'use_eventlog', '2025.1', 'removed'],
      ['ml2', 'DEFAULT', 'verbose', 'newton', 'deprecated'],
      ['ml2', 'ovn', 'ovn_nb_connection', 'mitaka', 'not-yet'],
      ['ml2', 'ovn', 'ovn_nb_connection', 'train', 'current'],
      ['ml2', 'ovn', 'ovn_native_dhcp', 'ocata', 'current'],
      ['ml2', 'ovn', 'ovn_native_dhcp', 'pike', 'removed'],
      ['l3-agent', 'network_log', 'rate_limit', 'queens', 'not-yet'],
      ['l3-agent', 'network_log', 'rate_limit', 'rocky', 'current'],
      ['ovs-agent', 'fwaas', 'firewall_l2_driver', 'pike', 'not-yet'],
      ['ovs-agent', 'fwaas', 'firewall_l2_driver', 'queens', 'current'],
      ['l3-agent', 'libreswan', 'shutdown_check_timeout', 'mitaka', 'removed'],
      ['l3-agent', 'pluto', 'shutdown_check_timeout', 'mitaka', 'current'],
      ['ml2', 'ml2_sriov', 'supported_pci_vendor_devs', 'newton', 'deprecated'],
      ['ml2', 'ml2_sriov', 'supported_pci_vendor_devs', 'ocata', 'removed'],
      ['ml2', 'ovn', 'ovn_nb_connection', 'zed', 'current'],
    ];
    for (const [kind, section, name, release, state] of cases) {
      assert.equal(lookup(kind as 'ml2', section, name, release)?.status.state, state, `${kind} [${section}] ${name} @ ${release}`);
    }
  });

  test('a release setting that is not a release counts as "any release"', () => {
    assert.equal(lookup('l3-agent', 'DEFAULT', 'external_network_bridge', 'nonsense')?.status.state, 'removed');
  });
});

describe('sections', () => {
  test('each kind knows its sections', () => {
    const names = (kind: 'ml2' | 'ovs-agent' | 'l3-agent') => sectionsOf(kind).filter((s) => !s.borrowed && !s.extension).map((s) => s.name);
    assert.deepEqual(names('l3-agent'), ['DEFAULT', 'agent', 'metadata_rate_limiting', 'network_log', 'ovs']);
    assert.deepEqual(names('ovs-agent'), ['DEFAULT', 'agent', 'dhcp', 'metadata', 'network_log', 'ovs', 'securitygroup', 'xenapi']);
    assert.deepEqual(names('ml2'), [
      'DEFAULT', 'l2pop', 'ml2', 'ml2_type_flat', 'ml2_type_geneve', 'ml2_type_gre', 'ml2_type_vlan', 'ml2_type_vxlan',
      'ovn', 'ovn_nb_global', 'ovs', 'ovs_driver', 'securitygroup', 'sriov_driver',
    ]);
  });

  test('extension sections belong to the kinds whose service registers them, and say who', () => {
    const extensions = (kind: 'ml2' | 'ovs-agent' | 'l3-agent') => sectionsOf(kind).filter((s) => s.extension).map((s) => `${s.name}:${s.extension}`);
    assert.deepEqual(extensions('l3-agent'), [
      'cisco_csr_ipsec:neutron-vpnaas', 'fwaas:neutron-fwaas', 'ipsec:neutron-vpnaas', 'libreswan:neutron-vpnaas',
      'openswan:neutron-vpnaas', 'pluto:neutron-vpnaas', 'strongswan:neutron-vpnaas', 'vpnagent:neutron-vpnaas',
    ]);
    assert.deepEqual(extensions('ovs-agent'), ['fdb:neutron', 'fwaas:neutron-fwaas']);
    assert.deepEqual(extensions('ml2'), ['default_fwg_rules:neutron-fwaas', 'flowclassifier:networking-sfc', 'ml2_odl:networking-odl', 'ml2_sriov:neutron', 'sfc:networking-sfc']);
    assert.match(sectionInfo('l3-agent', 'vpnagent')?.note ?? '', /^Read by neutron-vpnaas when the L3 agent loads neutron-vpnaas/);
    assert.equal(sectionInfo('l3-agent', 'FDB'), undefined, 'the L3 agent has no fdb extension');
    assert.equal(lookup('l3-agent', 'strongswan', 'ipsec_config_template')?.entry.inSample, false);
  });

  test('plugin.ini may hold the OVS agent\'s sections (all-in-one)', () => {
    const agent = sectionInfo('ml2', 'agent');
    assert.equal(agent?.borrowed, true);
    assert.deepEqual(agent?.owners, ['ovs-agent']);
    assert.deepEqual(sectionInfo('ml2', 'ovs')?.owners, ['ml2', 'ovs-agent']);
    assert.deepEqual(sectionInfo('ml2', 'securitygroup')?.owners, ['ml2', 'ovs-agent']);
    const hit = lookup('ml2', 'ovs', 'bridge_mappings');
    assert.equal(hit?.borrowedFrom, 'ovs-agent');
    assert.equal(hit?.entry.kind, 'ovs-agent');
    assert.equal(lookup('ml2', 'agent', 'tunnel_types')?.borrowedFrom, 'ovs-agent');
    assert.equal(lookup('ml2', 'ovs', 'ovsdb_timeout')?.borrowedFrom, undefined, 'own [ovs] option of the server (OVN)');
  });

  test('agents do not hold the server\'s sections', () => {
    assert.equal(sectionInfo('ovs-agent', 'ml2'), undefined);
    assert.equal(sectionInfo('l3-agent', 'securitygroup'), undefined);
    assert.equal(sectionInfo('l3-agent', 'AGENT')?.name, 'agent');
    assert.equal(nearestSections('ml2', 'ml2_type_vxaln')[0], 'ml2_type_vxlan');
    assert.deepEqual(nearestSections('l3-agent', 'agnet'), ['agent']);
  });
});

describe('options of a section and suggestions', () => {
  test('options by release', () => {
    const all = optionsOf('l3-agent', 'DEFAULT').map((e) => e.name);
    assert.ok(all.includes('external_network_bridge'));
    assert.ok(all.includes('debug'));
    const zed = optionsOf('l3-agent', 'DEFAULT', 'zed').map((e) => e.name);
    assert.ok(!zed.includes('external_network_bridge'));
    assert.ok(zed.includes('ovs_integration_bridge'), 'deprecated options are still offered');
    assert.ok(!zed.includes('ha_conntrackd_enabled'));
    assert.ok(optionsOf('ml2', 'ovs', 'zed').some((e) => e.name === 'bridge_mappings'), 'borrowed options listed after own ones');
  });

  test('nearest names for unknown options', () => {
    assert.deepEqual(suggestFor('ovs-agent', 'ovs', 'bridge_mapping').names, ['bridge_mappings']);
    assert.deepEqual(suggestFor('ovs-agent', 'ovs', 'brige_mappings').names, ['bridge_mappings']);
    assert.deepEqual(suggestFor('ml2', 'ml2', 'mechanism_driver').names, ['mechanism_drivers']);
    assert.deepEqual(suggestFor('ovs-agent', 'agent', 'bridge_mappings').sections, ['ovs'], 'a misplaced option names its section');
    assert.deepEqual(suggestFor('ovs-agent', 'ovs', 'completely_unrelated_name').names, []);
  });
});

describe('facts that change by release', () => {
  test('physical_network_mtus is a list until 2024.2 and a dict from 2025.1', () => {
    const e = lookup('ml2', 'ml2', 'physical_network_mtus')!.entry;
    assert.equal(typeAt(e, 'zed').oslo, 'list value');
    assert.equal(typeAt(e, '2024.2').oslo, 'list value');
    assert.equal(typeAt(e, '2025.1').oslo, 'dict value');
    assert.deepEqual(validateText(e, 'physnet1:9000,physnet2:1500', '2025.1'), []);
    assert.equal(validateText(e, 'physnet1', '2025.1')[0].code, 'bad-mapping');
  });

  test('interface_driver has a default from 2025.1', () => {
    const e = lookup('l3-agent', 'DEFAULT', 'interface_driver')!.entry;
    assert.deepEqual(defaultAt(e, 'zed'), { value: null, text: '<None>' });
    assert.deepEqual(defaultAt(e, '2025.1'), { value: 'openvswitch', text: 'openvswitch' });
    assert.equal(validateText(e, 'linuxbridge', '2025.1')[0]?.code, 'choice-not-in-release');
    assert.deepEqual(validateText(e, 'linuxbridge', 'zed'), []);
  });

  test('agent_mode dvr_no_external exists since Pike', () => {
    const e = lookup('l3-agent', 'DEFAULT', 'agent_mode')!.entry;
    assert.deepEqual(validateText(e, 'dvr_no_external', 'pike'), []);
    assert.equal(validateText(e, 'dvr_no_external', 'ocata')[0]?.code, 'choice-not-in-release');
    assert.equal(validateText(e, 'dvr-snat')[0]?.suggestions?.[0], 'dvr_snat');
  });
});

describe('catalogue size', () => {
  test('every kind has its options and most have a history', () => {
    const stats = catalogStats();
    assert.equal(stats.ml2.zed, 51);
    assert.equal(stats['ovs-agent'].zed, 81);
    assert.equal(stats['l3-agent'].zed, 76);
    assert.equal(stats['linuxbridge-agent'].zed, 56);
    assert.equal(stats['sriov-agent'].zed, 38);
    assert.equal(stats['dhcp-agent'].zed, 61);
    assert.equal(stats['neutron-conf'].zed, 142);
    for (const s of Object.values(stats)) assert.ok(s.options > s.zed);
  });
});

describe('explanations and completion data', () => {
  test('every entry explains itself: what, format, default, history', () => {
    for (const e of allEntries()) {
      const x = explain(e);
      const where = `${e.kind} [${e.section}] ${e.name}`;
      assert.ok(x.summary.length > 10, where);
      assert.ok(x.format.length > 3, where);
      assert.ok(x.default.length > 0, where);
      assert.ok(x.history.length > 0, where);
      assert.ok(!/[\u2018\u2019]/.test(x.summary), `${where}: plain quotes`);
    }
  });

  test('provider-network options get the fuller text', () => {
    const providers = allEntries().filter((e) => e.provider);
    assert.ok(providers.length >= 25);
    for (const e of providers) {
      assert.ok(e.doc.whenWrong, `${e.kind} ${e.key}: what goes wrong`);
      assert.ok(e.doc.example !== undefined, `${e.kind} ${e.key}: example`);
    }
    const md = explainMarkdown(lookup('ml2', 'ml2_type_vlan', 'network_vlan_ranges')!.entry);
    assert.match(md, /\*\*\[ml2_type_vlan\] network_vlan_ranges\*\*/);
    assert.match(md, /Example: `network_vlan_ranges = physnet1:100:199,physnet2`/);
    assert.match(md, /Failed to parse network_vlan_ranges/);
  });

  test('the removals the issue names', () => {
    const removed = (kind: 'ml2' | 'ovs-agent' | 'l3-agent', section: string, name: string) => lookup(kind, section, name)!.entry.history.removed;
    assert.equal(removed('l3-agent', 'DEFAULT', 'external_network_bridge'), 'stein');
    assert.equal(removed('ovs-agent', 'ovs', 'ovsdb_interface'), 'stein');
    assert.equal(removed('l3-agent', 'ovs', 'ovsdb_interface'), 'stein');
    assert.equal(removed('ovs-agent', 'ovs', 'of_interface'), 'train');
    assert.equal(removed('l3-agent', 'DEFAULT', 'gateway_external_network_id'), 'train');
    assert.equal(removed('l3-agent', 'DEFAULT', 'ovs_integration_bridge'), '2024.1');
    assert.equal(lookup('ml2', 'ml2', 'project_network_types')!.entry.history.added, '2026.1');
    const enb = lookup('l3-agent', 'DEFAULT', 'external_network_bridge', 'stein')!;
    assert.ok(enb.status.state === 'removed' && /flat \(or VLAN\) provider network/.test(enb.status.replacement?.note ?? ''));
  });

  test('values to complete', () => {
    assert.deepEqual(lookup('ovs-agent', 'agent', 'l2_population')!.entry.type.complete().map((c) => c.value), ['true', 'false']);
    assert.deepEqual(lookup('l3-agent', 'DEFAULT', 'agent_mode')!.entry.type.complete({ release: release('ocata') }).map((c) => c.value), ['dvr', 'dvr_snat', 'legacy']);
    assert.deepEqual(lookup('ovs-agent', 'agent', 'tunnel_types')!.entry.type.complete().map((c) => c.value), ['vxlan', 'gre', 'geneve']);
    assert.ok(lookup('ovs-agent', 'securitygroup', 'firewall_driver')!.entry.type.complete().some((c) => c.value === 'openvswitch' && c.description));
    assert.deepEqual(lookup('l3-agent', 'DEFAULT', 'interface_driver')!.entry.type.complete({ release: release('2025.1') }).map((c) => c.value), ['openvswitch', 'null']);
  });

  test('sample lines', () => {
    assert.equal(sampleLine(lookup('ml2', 'ml2_type_flat', 'flat_networks')!.entry), 'flat_networks = *');
    assert.equal(sampleLine(lookup('l3-agent', 'DEFAULT', 'ipv6_gateway')!.entry), 'ipv6_gateway =');
    assert.equal(sampleLine(lookup('ovs-agent', 'ovs', 'resource_provider_inventory_defaults')!.entry), 'resource_provider_inventory_defaults = allocation_ratio:1.0,min_unit:1,reserved:0,step_size:1');
    assert.equal(sampleLine(lookup('l3-agent', 'DEFAULT', 'interface_driver')!.entry, 'zed'), 'interface_driver = <None>');
    assert.equal(sampleLine(lookup('l3-agent', 'DEFAULT', 'interface_driver')!.entry, '2025.1'), 'interface_driver = openvswitch');
  });
});
