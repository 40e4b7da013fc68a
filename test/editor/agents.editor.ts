/**
 * The agents beyond Open vSwitch in the editor (run with
 * `--workspace test/fixtures/editor-agents --copy --suites agents.editor`):
 * hover and a quick fix in a Linux bridge agent file and in nova.conf, the
 * ML2/OVN leftover warning, the option catalogue of neutron.conf and
 * dhcp_agent.ini, a TripleO environment, a kolla-ansible globals.yml and
 * OpenStack-Ansible's provider_networks.
 * Each edit is undone before the next test.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { breakAndFix, codeOf, hoverContaining, ourDiagnostics, rangeText, uriOf, waitFor } from './helpers';

const LB_AGENT = 'lb-site/compute1/etc/neutron/plugins/ml2/linuxbridge_agent.ini';
const NOVA = 'sriov-site/computesriov-0/var/lib/config-data/puppet-generated/nova_libvirt/etc/nova/nova.conf';
const OVN_LEFTOVER = 'ovn-site/compute01/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const SRIOV_AGENT = 'sriov-site/computesriov-0/var/lib/config-data/puppet-generated/neutron/etc/neutron/plugins/ml2/sriov_agent.ini';
const TRIPLEO_ENV = 'tripleo-site/templates/network-environment.yaml';
const KOLLA_GLOBALS = 'kolla-site/etc/kolla/globals.yml';
const OSA_CONFIG = 'osa-site/etc/openstack_deploy/openstack_user_config.yml';
const OSA_AGENT = 'osa-site/compute1/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const NEUTRON_CONF = 'lb-site/compute1/etc/neutron/neutron.conf';
const DHCP_AGENT = 'ovn-site/compute01/etc/neutron/dhcp_agent.ini';

suite('agents beyond Open vSwitch: Linux bridge, SR-IOV with nova, ML2/OVN', () => {
  test('hover on a Linux bridge agent physnet says where it is declared and what it is mapped to', async () => {
    const text = await hoverContaining(uriOf(LB_AGENT), new vscode.Position(4, 32), 'Mapped to');
    assert.match(text, /Physical network `flat`\*\*/);
    assert.match(text, /Declared: flat in `lb-site\/infra1\/etc\/neutron\/plugins\/ml2\/ml2_conf\.ini` \(infra1\)/);
    assert.match(text, /Mapped to: interface `enp0s12` \(compute1\)/);
  });

  test('a misspelt physnet in physical_interface_mappings: physnet-undeclared, fixed to the declared name', async () => {
    await breakAndFix(LB_AGENT, 4, { from: 'vlan', to: 'vlna' }, { code: 'physnet-undeclared', fix: 'Change to "vlan"' }, 'revert');
  });

  test('nova offering a device on another physnet than the SR-IOV agent: sriov-physnet-mismatch, fixed to the agent\'s physnet', async () => {
    // The range is the physnet alone, inside the JSON string.
    await breakAndFix(NOVA, 10, { from: 'sriov1', to: 'sriov2' }, { code: 'sriov-physnet-mismatch', fix: 'Replace "sriov2" with "sriov1"' }, 'revert');
  });

  test('hover on an SR-IOV agent physnet names the ML2 declaration and the NICs it maps', async () => {
    const text = await hoverContaining(uriOf(SRIOV_AGENT), new vscode.Position(6, 27), 'Declared');
    assert.match(text, /Physical network `sriov1`\*\*/);
    assert.match(text, /ens1f0/);
  });

  test('an Open vSwitch agent file left in an ML2/OVN deployment is a warning at its first setting', async () => {
    const uri = uriOf(OVN_LEFTOVER);
    await vscode.workspace.openTextDocument(uri);
    const diagnostic = await waitFor('ovn-leftover-agent', () => ourDiagnostics(uri).find((d) => codeOf(d) === 'ovn-leftover-agent'), {
      events: [vscode.languages.onDidChangeDiagnostics],
    });
    assert.equal(rangeText(diagnostic.range), '3:0-3:12');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
  });

  test('a misspelt [agent] option in neutron.conf: unknown-option, renamed to the option the agents read', async () => {
    await breakAndFix(NEUTRON_CONF, 9, { from: 'report_interval', to: 'report_intervall' }, { code: 'unknown-option', fix: 'Rename to "report_interval"' }, 'revert');
  });

  test('hover on a dhcp_agent.ini option explains it from the DHCP agent\'s catalogue', async () => {
    const text = await hoverContaining(uriOf(DHCP_AGENT), new vscode.Position(3, 5), 'enable_isolated_metadata');
    assert.match(text, /networks without a router/);
    assert.match(text, /cloud-init stalls/);
  });

  test('a TripleO environment mapping a physnet its VLAN ranges do not declare: physnet-undeclared, fixed inside the YAML string', async () => {
    await breakAndFix(TRIPLEO_ENV, 9, { from: 'tenant', to: 'tenatn' }, { code: 'physnet-undeclared', fix: 'Change to "tenant"' }, 'revert');
  });

  test('hover on neutron_bridge_name in globals.yml shows the physnet mapping kolla-ansible derives from it', async () => {
    const text = await hoverContaining(uriOf(KOLLA_GLOBALS), new vscode.Position(29, 3), 'physnet2');
    assert.match(text, /\| `physnet1` \| `br-ex` \| `eth1` \|/);
    assert.match(text, /\| `physnet2` \| `br-vlan` \| `eth2` \|/);
  });

  test('hover on an OpenStack-Ansible net_name says what neutron_server declares and what the agents map', async () => {
    const text = await hoverContaining(uriOf(OSA_CONFIG), new vscode.Position(44, 20), 'neutron_server declares');
    assert.match(text, /`network_vlan_ranges = …,physnet1:101:200,physnet1:301:400`/);
    assert.match(text, /`physnet1:br-provider` on metal/);
  });

  test('a misspelt provider network type: osa-provider-network-invalid, fixed to the type it resembles', async () => {
    await breakAndFix(OSA_CONFIG, 52, { from: 'flat', to: 'falt' }, { code: 'osa-provider-network-invalid', fix: 'Replace "falt" with "flat"' }, 'save');
  });

  test('an agent physnet that no provider network names: physnet-undeclared, fixed to the net_name', async () => {
    await breakAndFix(OSA_AGENT, 3, { from: 'physnet1', to: 'physnet_1' }, { code: 'physnet-undeclared', fix: 'Change to "physnet1"' }, 'revert');
  });
});
