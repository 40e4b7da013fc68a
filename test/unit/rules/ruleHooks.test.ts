/**
 * What the engine tells its caller about each rule it runs (RuleHooks): the
 * time of every run for `neutron-config --timing`, and the error of a rule
 * that threw, which is still timed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diagnose } from '../../../server/src/core/rules/engine';
import { RULES } from '../../../server/src/core/rules/registry';
import type { Rule, RuleContext } from '../../../server/src/core/rules/rule';
import { NeutronConfigService } from '../../../server/src/core/service';
import { ROOT, uriOf, workspaceOf } from '../helpers';

const AGENT = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';

describe('rule hooks', () => {
  test('every rule that may report on the file is timed once when it is checked, and only its deployment rules after the deployment changed', () => {
    const timed: Rule[] = [];
    const service = new NeutronConfigService({ onRuleTimed: (rule, ms) => (assert.ok(Number.isFinite(ms) && ms >= 0, String(ms)), timed.push(rule)) });
    service.setWorkspaceFolders([{ uri: ROOT }]);
    service.setFile(uriOf(ML2), '[ml2_type_flat]\nflat_networks = physnet1\n');
    service.setFile(uriOf(AGENT), '[ovs]\nbridge_mappings = physnet1:br-ex\n');
    service.getDiagnostics(uriOf(AGENT));
    const applicable = RULES.filter((rule) => !rule.kinds || rule.kinds.includes('ovs-agent'));
    // File rules run first, then host and deployment rules: compare in the registry's order.
    const inOrder = () => [...timed].sort((a, b) => RULES.indexOf(a) - RULES.indexOf(b));
    assert.deepEqual(inOrder(), applicable);
    timed.length = 0;
    // The agent's own findings are kept; what depends on the ML2 file is worked out again.
    service.setFile(uriOf(ML2), '[ml2_type_flat]\nflat_networks = physnet1,physnet2\n');
    service.getDiagnostics(uriOf(AGENT));
    assert.deepEqual(inOrder(), applicable.filter((rule) => rule.scope === 'deployment'));
  });

  test('a rule that throws is reported and timed, and the other rules still run', () => {
    const service = workspaceOf({ [AGENT]: '[ovs]\nbridge_mappings = physnet1:br-ex\n' });
    const context: RuleContext = service.context(uriOf(AGENT))!;
    const failing: Rule = { codes: ['unknown-option'], scope: 'file', check: () => { throw new Error('broken'); } };
    const working: Rule = { codes: ['duplicate-option'], scope: 'file', check: () => [{ code: 'duplicate-option', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, message: 'found' }] };
    const errors: string[] = [];
    const timed: Rule[] = [];
    const diagnostics = diagnose(context, [failing, working], { onRuleError: (rule, error) => errors.push(`${rule.codes[0]}: ${(error as Error).message}`), onRuleTimed: (rule) => timed.push(rule) });
    assert.deepEqual(errors, ['unknown-option: broken']);
    assert.deepEqual(timed, [failing, working]);
    assert.deepEqual(diagnostics.map((d) => d.code), ['duplicate-option']);
  });
});
