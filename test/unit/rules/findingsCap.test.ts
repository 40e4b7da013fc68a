/**
 * A per-file cap on findings (issue #12): the first 1,000 in document order,
 * then one information finding that counts the rest by code.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { uriOf, workspaceOf } from '../helpers';

const AGENT = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';

describe('findings per file', () => {
  test('beyond 1,000 the rest are counted in one finding after the last shown', () => {
    // 1,500 repeats of one option: 1,499 duplicate-option findings and 1,500 unknown-option for a misspelt name.
    const lines = Array.from({ length: 1500 }, () => 'arp_respnder = true').join('\n');
    const text = `[agent]\n${lines}\n`;
    const diagnostics = workspaceOf({ [AGENT]: text }).getDiagnostics(uriOf(AGENT));
    assert.equal(diagnostics.length, 1001);
    const last = diagnostics[1000];
    assert.equal(last.code, 'too-many-findings');
    assert.equal(last.severity, 3);
    assert.deepEqual(last.range, { start: diagnostics[999].range.end, end: diagnostics[999].range.end });
    assert.equal(
      last.message,
      '1,999 more findings in this file are not shown (1,000 unknown-option, 999 duplicate-option); the first 1,000 are. Fix those, or check that this file is the configuration file its name says.',
    );
  });

  test('at 1,000 or fewer nothing is hidden', () => {
    const lines = Array.from({ length: 500 }, () => 'arp_respnder = true').join('\n');
    const diagnostics = workspaceOf({ [AGENT]: `[agent]\n${lines}\n` }).getDiagnostics(uriOf(AGENT));
    assert.equal(diagnostics.length, 999);
    assert.ok(diagnostics.every((d) => d.code !== 'too-many-findings'));
  });
});
