import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { IFCFG_TYPES, IFCFG_VARIABLES, MAX_ADDRESS_INDEX, getVariable, lookupVariable } from '../../../server/src/core/ifcfg/variables';

/**
 * Keeps the TextMate grammar in step with the catalogue: the grammar spells
 * out the known keys, TYPE names and choice values in its regular
 * expressions, so a variable added to the catalogue must be added there too.
 * (Scopes themselves are checked by `npm run test:grammar`.)
 */

// Compiled tests run from out/test/unit/ifcfg; sources sit four levels up.
const ROOT = join(__dirname, '..', '..', '..', '..');
const grammar = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'ifcfg.tmLanguage.json'), 'utf8')) as {
  scopeName: string;
  repository: Record<string, { begin?: string; match?: string; patterns?: { match?: string; name?: string }[] }>;
};

/** TextMate's `\G` has no JavaScript equivalent; these expressions only use it as a leading anchor. */
function jsRegExp(source: string): RegExp {
  return new RegExp(source.replace(/^\\G/, '^'));
}

function constantsOf(rule: string, scope: string): RegExp[] {
  return (grammar.repository[rule].patterns ?? []).filter((p) => p.name === scope && p.match).map((p) => jsRegExp(p.match!));
}

describe('ifcfg grammar matches the catalogue', () => {
  const assignment = new RegExp(grammar.repository.assignment.begin!);
  const keyScope = (key: string): 'known' | 'unknown' | 'none' => {
    const m = assignment.exec(`${key}=x`);
    if (!m) return 'none';
    return m[2] !== undefined ? 'known' : 'unknown';
  };

  it('is source.ifcfg', () => {
    assert.equal(grammar.scopeName, 'source.ifcfg');
  });

  it('marks every catalogue variable (and its numbered forms) as known', () => {
    for (const v of IFCFG_VARIABLES) {
      assert.equal(keyScope(v.name), 'known', `${v.name} missing from the grammar's known keys`);
      if (v.numbered) for (const n of [0, 1, 9, 10, 99, 100, 199, 200, 249, MAX_ADDRESS_INDEX]) assert.equal(keyScope(`${v.name}${n}`), 'known');
    }
  });

  it('marks exactly what lookupVariable does not know as unknown', () => {
    const probes = ['OVS_BRDGE', 'onboot', 'ONBOOTX', 'IPADDR256', 'IPADDR01', 'DNS4', 'MY_FLAG', 'X', 'IPV6ADDR_SECOND', 'TYPE_'];
    for (const key of probes) {
      assert.equal(lookupVariable(key), undefined, key);
      assert.equal(keyScope(key), 'unknown', `${key} should be unknown to the grammar`);
    }
    // Both directions, over every name with a range of suffixes.
    for (const v of IFCFG_VARIABLES) {
      for (const suffix of ['', '0', '7', '42', '255', '256', '01', '_X', 'S']) {
        const key = v.name + suffix;
        assert.equal(keyScope(key), lookupVariable(key) ? 'known' : 'unknown', key);
      }
    }
  });

  it('highlights every TYPE name, OVS ones apart', () => {
    const ovs = constantsOf('value-type', 'constant.language.type.ovs.ifcfg');
    const other = constantsOf('value-type', 'constant.language.type.ifcfg');
    for (const t of IFCFG_TYPES) {
      const inOvs = ovs.some((r) => r.test(t.name));
      const inOther = other.some((r) => r.test(t.name));
      assert.deepEqual([inOvs, inOther], [t.ovs, !t.ovs], t.name);
    }
  });

  it('highlights the choices of enum variables', () => {
    const enumRule = new RegExp(grammar.repository['assignment-enum'].begin!);
    const constants = constantsOf('value-enum', 'constant.language.ifcfg');
    for (const key of ['BOOTPROTO', 'OVSBOOTPROTO', 'DEVICETYPE', 'OVS_TUNNEL_TYPE', 'OVS_PORT_MODE']) {
      assert.ok(enumRule.test(`${key}=x`), key);
      for (const value of getVariable(key)!.type.complete()) assert.ok(constants.some((r) => r.test(value)), `${key}=${value}`);
    }
  });
});
