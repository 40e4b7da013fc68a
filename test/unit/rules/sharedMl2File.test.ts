/**
 * ml2_conf.ini read by the agents too (issue #11): deployment tools start the
 * Open vSwitch agent with `--config-file ml2_conf.ini`, so bridge_mappings
 * there is the agent's and is checked like an agent file's.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allFindings, codesAt, formatRange, rangeOf, uriOf, workspaceOf } from '../helpers';

const CONTROLLER_ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const COMPUTE_ML2 = 'compute-0/etc/neutron/plugins/ml2/ml2_conf.ini';
const BR_EX = 'compute-0/etc/sysconfig/network-scripts/ifcfg-br-ex';
const ETH1 = 'compute-0/etc/sysconfig/network-scripts/ifcfg-eth1';

const SERVER_ML2 =
  '[ml2]\ntype_drivers = flat,vlan\ntenant_network_types = vlan\nmechanism_drivers = openvswitch\n\n' +
  '[ml2_type_flat]\nflat_networks = physnet1\n\n[ml2_type_vlan]\nnetwork_vlan_ranges = physnet1:100:199\n';
/** As packstack writes a compute node's agent settings: no ML2 server section at all. */
const agentOnly = (mappings: string) =>
  `[ovs]\nbridge_mappings = ${mappings}\nlocal_ip = 192.0.2.11\n\n[agent]\ntunnel_types =\nl2_population = False\n\n[securitygroup]\nfirewall_driver = openvswitch\n`;
const BRIDGE = 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nONBOOT=yes\nNM_CONTROLLED=no\nBOOTPROTO=none\n';
const PORT = 'DEVICE=eth1\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-ex\nONBOOT=yes\nNM_CONTROLLED=no\nBOOTPROTO=none\n';

const at = (code: string, text: string, needle: string, occurrence = 0) => `${code}@${formatRange(rangeOf(text, needle, occurrence))}`;

function deployment(computeMl2: string): Record<string, string> {
  return { [CONTROLLER_ML2]: SERVER_ML2, [COMPUTE_ML2]: computeMl2, [BR_EX]: BRIDGE, [ETH1]: PORT };
}

describe('ml2_conf.ini holding only agent sections', () => {
  test('a clean one is silent, and counts as the host mapping its physnet', () => {
    const service = workspaceOf(deployment(agentOnly('physnet1:br-ex')));
    assert.deepEqual(allFindings(service), []);
    assert.equal(service.describeFile(uriOf(COMPUTE_ML2))?.kind, 'ovs-agent');
  });

  test('its bridge_mappings is checked like an agent file: unknown bridge, undeclared physnet', () => {
    const text = agentOnly('physnet1:br-ex,physnet3:br-vlan');
    const service = workspaceOf(deployment(text));
    assert.deepEqual(codesAt(service, COMPUTE_ML2), [at('physnet-undeclared', text, 'physnet3'), at('bridge-undefined', text, 'br-vlan')]);
    // Not a second controller: no ML2 server finding anywhere, the controller's own file stays clean.
    assert.deepEqual(codesAt(service, CONTROLLER_ML2), []);
  });

  test('a misspelt physnet in it leaves the declared one unmapped', () => {
    const text = agentOnly('physnet_1:br-ex');
    const service = workspaceOf(deployment(text));
    assert.deepEqual(codesAt(service, COMPUTE_ML2), [at('physnet-undeclared', text, 'physnet_1')]);
    // Both declarations of physnet1 (flat and VLAN) are now mapped by no agent.
    assert.deepEqual(codesAt(service, CONTROLLER_ML2), [at('physnet-unmapped', SERVER_ML2, 'physnet1', 0), at('physnet-unmapped', SERVER_ML2, 'physnet1', 1)]);
  });

  test('one bridge for two physnets is reported there too', () => {
    const text = agentOnly('physnet1:br-ex,physnet2:br-ex');
    const service = workspaceOf({ ...deployment(text), [CONTROLLER_ML2]: SERVER_ML2.replace('flat_networks = physnet1', 'flat_networks = physnet1,physnet2') });
    assert.deepEqual(codesAt(service, COMPUTE_ML2), [at('bridge-shared-by-physnets', text, 'br-ex', 1)]);
  });
});

describe('ml2_conf.ini read by neutron-server and the agent (all-in-one)', () => {
  const allInOne = (mappings: string) => `${SERVER_ML2}\n[ovs]\nbridge_mappings = ${mappings}\n\n[agent]\ntunnel_types =\n`;

  test('clean: silent, and both an ML2 config and an agent config', () => {
    const service = workspaceOf({ [CONTROLLER_ML2]: allInOne('physnet1:br-ex'), 'controller/etc/sysconfig/network-scripts/ifcfg-br-ex': BRIDGE, 'controller/etc/sysconfig/network-scripts/ifcfg-eth1': PORT });
    assert.deepEqual(allFindings(service), []);
    assert.equal(service.describeFile(uriOf(CONTROLLER_ML2))?.kind, 'ml2');
  });

  test('a missing bridge in its [ovs] section is bridge-undefined', () => {
    const text = allInOne('physnet1:br-eth1');
    const service = workspaceOf({ [CONTROLLER_ML2]: text, 'controller/etc/sysconfig/network-scripts/ifcfg-br-ex': BRIDGE, 'controller/etc/sysconfig/network-scripts/ifcfg-eth1': PORT });
    assert.deepEqual(codesAt(service, CONTROLLER_ML2), [at('bridge-undefined', text, 'br-eth1')]);
  });
});

describe('editing a shared file', () => {
  test('adding and removing the ML2 sections moves it between kinds, as a fresh index would see it', () => {
    const service = workspaceOf(deployment(agentOnly('physnet1:br-ex')));
    const steps = [SERVER_ML2 + '\n' + agentOnly('physnet1:br-ex'), agentOnly('physnet1:br-vlan'), agentOnly('physnet1:br-ex')];
    for (const text of steps) {
      service.setFile(uriOf(COMPUTE_ML2), text);
      const fresh = workspaceOf(deployment(text));
      assert.deepEqual(allFindings(service), allFindings(fresh), text);
    }
  });
});
