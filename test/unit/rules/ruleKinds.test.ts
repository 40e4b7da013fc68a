/**
 * Rules that name the kinds of file they report on (Rule.kinds) are run on
 * those only (issue #18). Held here on every fixture workspace: asked about
 * a file of any other kind, such a rule finds nothing, so leaving it out
 * changes no diagnostic.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { RULES } from '../../../server/src/core/rules/registry';
import { fixtures, serviceFor } from '../fixtureCorpus';

describe('rules limited to kinds of file', () => {
  it('the rules of one or two kinds say which', () => {
    const limited = RULES.filter((rule) => rule.kinds);
    assert.ok(limited.length >= 15, `${limited.length} rules name their kinds`);
  });

  it('a rule finds nothing in a file of a kind it does not name, on every fixture file', () => {
    const violations: string[] = [];
    let asked = 0;
    for (const fixture of fixtures) {
      const service = serviceFor(fixture);
      service.setFiles(fixture.files.map((f) => [f.uri, f.text]));
      for (const file of fixture.files) {
        const context = service.context(file.uri);
        if (!context) continue;
        for (const rule of RULES) {
          if (!rule.kinds || rule.kinds.includes(context.file.kind)) continue;
          asked++;
          const found = rule.check(context);
          if (found.length > 0) violations.push(`${rule.codes.join(',')} on ${fixture.name}/${file.relative} (${context.file.kind}): ${found.map((f) => f.code).join(', ')}`);
        }
      }
    }
    assert.deepEqual(violations, []);
    assert.ok(asked > 1000, `${asked} checks of rules on files of other kinds`);
  });
});
