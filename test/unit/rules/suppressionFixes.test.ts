/**
 * The "Ignore <code> on this line" fix writes a comment oslo.config and bash
 * read as a comment, in a place that silences the finding and changes no
 * value (found by the property tests of issue #12).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyWorkspaceEdit, uriOf, workspaceOf } from '../helpers';

const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const AGENT = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const ML2_TEXT = '[ml2]\ntype_drivers = flat\n\n[ml2_type_flat]\nflat_networks = physnet1\n';
const BRIDGES = {
  'compute-0/etc/sysconfig/network-scripts/ifcfg-br-ex': 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nONBOOT=yes\nNM_CONTROLLED=no\n',
  'compute-0/etc/sysconfig/network-scripts/ifcfg-eth1': 'DEVICE=eth1\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-ex\nONBOOT=yes\nNM_CONTROLLED=no\n',
};

/** The files after applying "Ignore <code> on this line" to the first finding of `code` in `path`. */
function ignoredOnLine(files: Record<string, string>, path: string, code: string): Record<string, string> {
  const service = workspaceOf(files);
  const d = service.getDiagnostics(uriOf(path)).find((x) => x.code === code);
  assert.ok(d, `${code} in ${path}`);
  const action = service.getCodeActions(uriOf(path), d.range, [d]).find((a) => a.title === `Ignore ${code} on this line`);
  assert.ok(action?.edit);
  return applyWorkspaceEdit(files, action.edit);
}

describe('suppression fixes', () => {
  it('a finding on a continuation line: the comment goes above the option, which silences all its lines', () => {
    const agent = '[ovs]\nbridge_mappings = physnet1:br-ex,\n    physnet9:br-ex\n';
    const files = { [ML2]: ML2_TEXT, [AGENT]: agent, ...BRIDGES };
    const after = ignoredOnLine(files, AGENT, 'physnet-undeclared');
    assert.equal(after[AGENT], '[ovs]\n# neutron-config: disable=physnet-undeclared\nbridge_mappings = physnet1:br-ex,\n    physnet9:br-ex\n');
    const codes = workspaceOf(after).getDiagnostics(uriOf(AGENT)).map((d) => d.code);
    assert.ok(!codes.includes('physnet-undeclared'), `silenced, got ${codes.join(', ')}`);
    assert.ok(!codes.includes('syntax'), 'the option still parses as one');
  });

  it('in an INI file the comment is never indented (an indented line continues the option above)', () => {
    const agent = '[ovs]\nintegration_bridge = br-int\nbridge_mappings = physnet9:br-ex\n';
    const after = ignoredOnLine({ [ML2]: ML2_TEXT, [AGENT]: agent, ...BRIDGES }, AGENT, 'physnet-undeclared');
    assert.equal(after[AGENT], '[ovs]\nintegration_bridge = br-int\n# neutron-config: disable=physnet-undeclared\nbridge_mappings = physnet9:br-ex\n');
  });

  it('on the first line of a file with a byte order mark, the comment goes after the mark', () => {
    const agent = '\ufeff[ovz]\nbridge_mappings = physnet1:br-ex\n';
    const after = ignoredOnLine({ [ML2]: ML2_TEXT, [AGENT]: agent, ...BRIDGES }, AGENT, 'unknown-section');
    assert.equal(after[AGENT], '\ufeff# neutron-config: disable=unknown-section\n[ovz]\nbridge_mappings = physnet1:br-ex\n');
    assert.ok(!workspaceOf(after).getDiagnostics(uriOf(AGENT)).some((d) => d.code === 'unknown-section'));
  });

  it('the mark itself cannot be silenced on its line: only the file-wide directive is offered', () => {
    const files = { [ML2]: ML2_TEXT, [AGENT]: '\ufeff[ovs]\nbridge_mappings = physnet1:br-ex\n', ...BRIDGES };
    const service = workspaceOf(files);
    const d = service.getDiagnostics(uriOf(AGENT)).find((x) => x.code === 'syntax')!;
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
    assert.deepEqual(service.getCodeActions(uriOf(AGENT), d.range, [d]).map((a) => a.title), ['Ignore syntax in this file']);
  });

  it('in an ifcfg file the comment keeps the indentation of the line', () => {
    const path = 'compute-0/etc/sysconfig/network-scripts/ifcfg-eth1';
    const files = { [ML2]: ML2_TEXT, ...BRIDGES, [path]: 'DEVICE=eth1\nTYPE=OVSPort\nDEVICETYPE=ovs\n  OVS_BRIDGE=br-nowhere\nONBOOT=yes\nNM_CONTROLLED=no\n' };
    const after = ignoredOnLine(files, path, 'port-bridge-undefined');
    assert.equal(after[path], 'DEVICE=eth1\nTYPE=OVSPort\nDEVICETYPE=ovs\n  # neutron-config: disable=port-bridge-undefined\n  OVS_BRIDGE=br-nowhere\nONBOOT=yes\nNM_CONTROLLED=no\n');
  });
});
