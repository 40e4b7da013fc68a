/**
 * Suppression comments that do nothing (issue #17): a misspelt code
 * (suppression-unknown-code, on by default, with a fix to the code meant) and
 * a comment that silences no finding (suppression-unused, off unless turned
 * on, with a fix that removes it). Exact ranges and the files after the fixes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyWorkspaceEdit, codesAt, formatRange, rangeOf, uriOf, workspaceOf } from '../helpers';

const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const AGENT = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const ML2_TEXT = '[ml2]\ntype_drivers = flat\n\n[ml2_type_flat]\nflat_networks = physnet1\n';
const BRIDGES = {
  'compute-0/etc/sysconfig/network-scripts/ifcfg-br-ex': 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nONBOOT=yes\nNM_CONTROLLED=no\n',
  'compute-0/etc/sysconfig/network-scripts/ifcfg-eth1': 'DEVICE=eth1\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-ex\nONBOOT=yes\nNM_CONTROLLED=no\n',
};
const files = (agent: string) => ({ [ML2]: ML2_TEXT, [AGENT]: agent, ...BRIDGES });

function fixed(all: Record<string, string>, code: string, settings?: Parameters<typeof workspaceOf>[1]): string {
  const service = workspaceOf(all, settings);
  const d = service.getDiagnostics(uriOf(AGENT)).find((x) => x.code === code);
  assert.ok(d, code);
  const [action] = service.getCodeActions(uriOf(AGENT), d.range, [d]).filter((a) => a.kind === 'quickfix' && !a.title.startsWith('Ignore'));
  assert.ok(action?.edit, `a fix for ${code}`);
  return applyWorkspaceEdit(all, action.edit)[AGENT];
}

describe('suppression-unknown-code', () => {
  const agent = '[ovs]\n# neutron-config: disable=physnet-undeclard\nbridge_mappings = physnet9:br-ex\n';

  it('marks the misspelt code, which silences nothing, and offers the code meant', () => {
    const service = workspaceOf(files(agent));
    assert.deepEqual(codesAt(service, AGENT), [`suppression-unknown-code@${formatRange(rangeOf(agent, 'physnet-undeclard'))}`, `physnet-undeclared@${formatRange(rangeOf(agent, 'physnet9'))}`]);
    const finding = service.getDiagnostics(uriOf(AGENT)).find((d) => d.code === 'suppression-unknown-code')!;
    assert.equal(finding.message, '"physnet-undeclard" is not the code of any neutron-config check, so this comment silences nothing. Did you mean "physnet-undeclared"?');
    assert.equal(finding.severity, 2);
    const after = fixed(files(agent), 'suppression-unknown-code');
    assert.equal(after, '[ovs]\n# neutron-config: disable=physnet-undeclared\nbridge_mappings = physnet9:br-ex\n');
    assert.deepEqual(codesAt(workspaceOf(files(after)), AGENT), [], 'the fixed comment silences the finding');
  });

  it('stays silent for known codes, for all, and for a comment that only mentions the product', () => {
    const clean = '[ovs]\n# neutron-config: disable=physnet-undeclared, bridge-undefined\nbridge_mappings = physnet9:br-ex\n# neutron-config: disable=all\nintegration_bridge = br-int\n# checked by neutron-config in CI\n';
    assert.deepEqual(codesAt(workspaceOf(files(clean)), AGENT), []);
  });

  it('finds the code in a comment after a value (ifcfg, read by bash), where it stands', () => {
    const port = 'compute-0/etc/sysconfig/network-scripts/ifcfg-eth1';
    const text = 'DEVICE=eth1\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-ex\nONBOOT=yes  # neutron-config: disable=ifcfg-quoting, ifcfg-nm-controled\nNM_CONTROLLED=no\n';
    assert.deepEqual(codesAt(workspaceOf({ ...files('[ovs]\nbridge_mappings = physnet1:br-ex\n'), [port]: text }), port), [`suppression-unknown-code@${formatRange(rangeOf(text, 'ifcfg-nm-controled'))}`]);
  });
});

describe('suppression-unused (off unless turned on)', () => {
  const on = { rules: { 'suppression-unused': 'warning' as const } };
  const stale = '[ovs]\n# neutron-config: disable=physnet-undeclared\nbridge_mappings = physnet1:br-ex\n';

  it('is off by default', () => {
    assert.deepEqual(codesAt(workspaceOf(files(stale)), AGENT), []);
  });

  it('marks a code that silences no finding on its line, and the fix removes the comment line', () => {
    assert.deepEqual(codesAt(workspaceOf(files(stale), on), AGENT), [`suppression-unused@${formatRange(rangeOf(stale, 'physnet-undeclared'))}`]);
    assert.equal(fixed(files(stale), 'suppression-unused', on), '[ovs]\nbridge_mappings = physnet1:br-ex\n');
  });

  it('of two codes, only the unused one is marked and removed', () => {
    const two = '[ovs]\n# neutron-config: disable=bridge-undefined, physnet-undeclared\nbridge_mappings = physnet9:br-ex\n';
    assert.deepEqual(codesAt(workspaceOf(files(two), on), AGENT), [`suppression-unused@${formatRange(rangeOf(two, 'bridge-undefined'))}`]);
    assert.equal(fixed(files(two), 'suppression-unused', on), '[ovs]\n# neutron-config: disable=physnet-undeclared\nbridge_mappings = physnet9:br-ex\n');
  });

  it('a used suppression, a used all and a used disable-file stay silent', () => {
    for (const agent of [
      '[ovs]\n# neutron-config: disable=physnet-undeclared\nbridge_mappings = physnet9:br-ex\n',
      '[ovs]\n# neutron-config: disable=all\nbridge_mappings = physnet9:br-ex\n',
      '# neutron-config: disable-file=physnet-undeclared\n[ovs]\nbridge_mappings = physnet9:br-ex\n',
    ]) {
      assert.deepEqual(codesAt(workspaceOf(files(agent), on), AGENT), [], agent);
    }
  });
});
