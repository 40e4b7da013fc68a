/**
 * The SARIF the CLI prints, validated against the SARIF 2.1.0 schema as
 * Microsoft ships it (@microsoft/jest-sarif) with Ajv: for the example
 * deployment, a broken fixture with related locations, and a clean one.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { repoRoot } from '../protocol/lspClient';

const ROOT = repoRoot();
const CLI = path.join(ROOT, 'dist', 'cli.js');
const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
// The schema's pattern for a language tag is not valid in Unicode mode; its formats (uri, date-time) are checked.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function sarifOf(dir: string): unknown {
  const run = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'sarif'], { cwd: path.join(ROOT, dir), encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return JSON.parse(run.stdout);
}

describe('SARIF against the 2.1.0 schema', () => {
  for (const dir of ['examples', 'test/fixtures/cli-basic', 'test/fixtures/cli-clean']) {
    it(`is valid for ${dir}`, () => {
      const log = sarifOf(dir);
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    });
  }

  it('and the schema does refuse what is not SARIF (a level it does not know)', () => {
    const log = sarifOf('test/fixtures/cli-basic') as { runs: { results: { level: string }[] }[] };
    log.runs[0].results[0].level = 'fatal';
    assert.equal(validate(log), false);
  });
});
