/**
 * Sections and values of extension projects (issue #11): an agent or server
 * that loads neutron-vpnaas, neutron-fwaas, networking-sfc, networking-odl or
 * one of Neutron's own agent extensions reads their option groups from the
 * same files, so they are real settings, checked like the rest.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { codesAt, formatRange, rangeOf, uriOf, workspaceOf } from '../helpers';

const L3 = 'network-0/etc/neutron/l3_agent.ini';
const AGENT = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';

const L3_WITH_SERVICES =
  '[DEFAULT]\ninterface_driver = openvswitch\n\n[agent]\nextensions = fwaas_v2,vpnaas,fip_qos\n\n' +
  '[fwaas]\ndriver = iptables_v2\nenabled = True\n\n' +
  '[vpnagent]\nvpn_device_driver = neutron_vpnaas.services.vpn.device_drivers.strongswan_ipsec.StrongSwanDriver\n\n' +
  '[ipsec]\nipsec_status_check_interval = 60\n\n[strongswan]\ndefault_config_area = /etc/strongswan.d\n\n' +
  '[pluto]\nshutdown_check_timeout = 1\n';
const AGENT_WITH_SERVICES =
  '[ovs]\nbridge_mappings = physnet1:br-ex\n\n[agent]\nextensions = qos,fwaas_v2,fdb,sfc\n\n' +
  '[FDB]\nshared_physical_device_mappings = physnet1:ens2f0\n\n[fwaas]\nfirewall_l2_driver = ovs\n';
const ML2_WITH_SERVICES =
  '[ml2]\ntype_drivers = flat,vxlan\ntenant_network_types = vxlan\nmechanism_drivers = opendaylight_v2\n\n' +
  '[ml2_type_flat]\nflat_networks = physnet1\n\n[ml2_odl]\nurl = http://192.0.2.20:8080/controller/nb/v2/neutron\nusername = admin\n\n' +
  '[sfc]\ndrivers = ovs\n\n[flowclassifier]\ndrivers = ovs\n';

const at = (code: string, text: string, needle: string) => `${code}@${formatRange(rangeOf(text, needle))}`;

describe('extension sections', () => {
  for (const release of ['', 'queens', 'wallaby', '2025.1']) {
    test(`are silent where the extension reads them${release ? ` (release ${release})` : ''}`, () => {
      const service = workspaceOf({ [L3]: L3_WITH_SERVICES, [AGENT]: AGENT_WITH_SERVICES }, release ? { release } : {});
      assert.deepEqual(codesAt(service, L3), []);
      assert.deepEqual(codesAt(service, AGENT), []);
    });
  }

  test('ML2 server sections of service plugins and drivers are silent', () => {
    const service = workspaceOf({ [ML2]: ML2_WITH_SERVICES }, { release: 'queens' });
    assert.deepEqual(codesAt(service, ML2), []);
  });

  test('a misspelt extension section is reported, with the extension\'s section offered', () => {
    const text = '[agent]\nextensions = vpnaas\n\n[vpnagnet]\nvpn_device_driver = x.Y\n';
    const service = workspaceOf({ [L3]: text });
    const diagnostics = service.getDiagnostics(uriOf(L3));
    assert.deepEqual(diagnostics.map((d) => `${d.code}@${formatRange(d.range)}`), [at('unknown-section', text, 'vpnagnet')]);
    assert.match(String(diagnostics[0].message), /Did you mean \[vpnagent\]/);
  });

  test('a misspelt option inside an extension section is reported', () => {
    const text = '[fwaas]\ndriver = iptables_v2\nenabeld = True\n';
    const service = workspaceOf({ [L3]: text });
    assert.deepEqual(codesAt(service, L3), [at('unknown-option', text, 'enabeld')]);
  });

  test('a section of one extension is not legitimate for a service that never loads it', () => {
    // The fdb extension is an L2 agent extension: the L3 agent never reads [FDB].
    const text = '[FDB]\nshared_physical_device_mappings = physnet1:ens2f0\n';
    const service = workspaceOf({ [L3]: text });
    assert.deepEqual(codesAt(service, L3), [at('unknown-section', text, 'FDB')]);
  });

  test('history follows the project that reads the option', () => {
    // The L3 agent registers [network_log] from Rocky (neutron-fwaas's fwaas_v2_log and Neutron's snat_log).
    const text = '[network_log]\nrate_limit = 100\n';
    assert.deepEqual(codesAt(workspaceOf({ [L3]: text }, { release: 'rocky' }), L3), []);
    assert.deepEqual(codesAt(workspaceOf({ [L3]: text }, { release: 'queens' }), L3), [at('unknown-option', text, 'rate_limit')]);
    // Libreswan's shutdown settings moved to [pluto] in Mitaka.
    const libreswan = '[libreswan]\nshutdown_check_timeout = 1\n';
    assert.deepEqual(codesAt(workspaceOf({ [L3]: libreswan }, { release: 'liberty' }), L3), []);
    assert.deepEqual(codesAt(workspaceOf({ [L3]: libreswan }, { release: 'mitaka' }), L3), [at('removed-option', libreswan, 'shutdown_check_timeout')]);
  });

  test('extension names in [agent] extensions are known, with their release', () => {
    const text = '[agent]\nextensions = fwaas_v2,vpnaas\n';
    assert.deepEqual(codesAt(workspaceOf({ [L3]: text }, { release: 'queens' }), L3), []);
    const hover = workspaceOf({ [L3]: text }).getHover(uriOf(L3), rangeOf(text, 'vpnaas').start);
    assert.match(JSON.stringify(hover?.contents ?? ''), /vpnaas: IPsec VPN connections in routers \(neutron-vpnaas/);
    // Before the project shipped it, the name is not there yet.
    const early = '[agent]\nextensions = vpnaas\n';
    assert.deepEqual(codesAt(workspaceOf({ [L3]: early }, { release: 'pike' }), L3), [at('invalid-value', early, 'vpnaas')]);
  });
});
