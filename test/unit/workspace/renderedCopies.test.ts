/**
 * A template with its rendered copy beside it (issue #11): the copy is the
 * file the service reads, so it alone declares, maps and creates names; the
 * template's own lines are still checked, but it adds nothing to its host or
 * deployment. The copy may arrive before or after the template, and leave.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allFindings, uriOf, workspaceOf } from '../helpers';

const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const AGENT = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const BR_EX = 'compute-0/etc/sysconfig/network-scripts/ifcfg-br-ex';
const ETH1 = 'compute-0/etc/sysconfig/network-scripts/ifcfg-eth1';

const SERVER = '[ml2]\ntype_drivers = flat,vxlan\ntenant_network_types = vxlan\nmechanism_drivers = openvswitch\n\n[ml2_type_flat]\nflat_networks = physnet1\n';
const BRIDGE = 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nONBOOT=yes\nNM_CONTROLLED=no\nBOOTPROTO=none\n';
const PORT = 'DEVICE=eth1\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-ex\nONBOOT=yes\nNM_CONTROLLED=no\nBOOTPROTO=none\n';
/** The template as the deployment tool keeps it: a literal placeholder mapping an operator overrides per host. */
const TEMPLATE = '[ovs]\nbridge_mappings = physnet1:br-ex\n';

describe('a template beside its rendered copy', () => {
  test('the rendered copy is judged; the template adds no mapping of its own', () => {
    // The copy, as rendered for compute-0, maps a bridge the host lacks; the template alone would look fine.
    const files = { [ML2]: SERVER, [BR_EX]: BRIDGE, [ETH1]: PORT, [`${AGENT}.j2`]: TEMPLATE, [AGENT]: '[ovs]\nbridge_mappings = physnet1:br-eth1\n' };
    const service = workspaceOf(files);
    // Exactly the copy's mistake: the template (mapping physnet1:br-ex) neither hides it nor is reported.
    assert.deepEqual(allFindings(service), [`${AGENT} bridge-undefined@1:27-1:34`]);
    assert.equal(service.describeFile(uriOf(`${AGENT}.j2`))?.kind, 'ovs-agent');
  });

  test('the copy arriving after, and leaving again, turns the template off and on', () => {
    const files = { [ML2]: SERVER, [BR_EX]: BRIDGE, [ETH1]: PORT, [`${AGENT}.j2`]: '[ovs]\nbridge_mappings = physnet1:br-eth1\n' };
    const service = workspaceOf(files);
    assert.deepEqual(allFindings(service).filter((f) => f.startsWith(AGENT)), [`${AGENT}.j2 bridge-undefined@1:27-1:34`]);
    const changed = service.setFile(uriOf(AGENT), '[ovs]\nbridge_mappings = physnet1:br-ex\n');
    assert.ok(changed.includes(uriOf(`${AGENT}.j2`)), 'the template is re-checked');
    assert.deepEqual(allFindings(service), []);
    service.removeFile(uriOf(AGENT));
    assert.deepEqual(allFindings(service).filter((f) => f.startsWith(AGENT)), [`${AGENT}.j2 bridge-undefined@1:27-1:34`]);
  });
});
