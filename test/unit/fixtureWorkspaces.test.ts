import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { NeutronConfigService } from '../../server/src/core/service';
import type { Settings } from '../../server/src/core/settings';

/**
 * Fixture workspaces: each directory under test/fixtures/workspaces/ is one
 * workspace folder (a tree of config files as they sit on the hosts) plus an
 * expected.json listing every diagnostic the checker must produce there, and
 * nothing else:
 *
 *   {"description": "...", "diagnostics": [{"file": "relative/path", "code": "...",
 *     "range": [startLine, startChar, endLine, endChar]}], "settings": {"release": "2025.1"}}
 *
 * `settings` (optional) are the workspace folder's settings, as a client sends them.
 *
 * Ranges are 0-based LSP positions (UTF-16 characters) of the exact token.
 */

interface ExpectedDiagnostic {
  file: string;
  code: string;
  range: [number, number, number, number];
}

interface Expectation {
  description: string;
  diagnostics: ExpectedDiagnostic[];
  settings?: Partial<Settings>;
}

/** One diagnostic as a comparable line: `file code @ l:c-l:c`. */
interface Finding {
  key: string;
  /** What the checker said, for the failure report. */
  message?: string;
}

const EXPECTED_FILE = 'expected.json';

/** The repository root: the nearest ancestor holding the fixture corpus (works from test/unit and out/test/unit). */
function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'test', 'fixtures', 'workspaces'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no test/fixtures/workspaces above ${__dirname}`);
    dir = parent;
  }
}

const FIXTURES = path.join(repoRoot(), 'test', 'fixtures', 'workspaces');

/** Every file under `dir`, as paths relative to it with `/` separators, sorted. */
function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), relative));
    else if (entry.isFile()) out.push(relative);
  }
  return out.sort();
}

function keyOf(file: string, code: string, range: readonly number[]): string {
  return `${file} ${code} @ ${range[0]}:${range[1]}-${range[2]}:${range[3]}`;
}

function readExpectation(fixtureDir: string, files: readonly string[]): Expectation {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(fixtureDir, EXPECTED_FILE), 'utf8'));
  assert.ok(typeof raw === 'object' && raw !== null, `${EXPECTED_FILE} must hold an object`);
  const { description, diagnostics, settings } = raw as Partial<Expectation>;
  assert.equal(typeof description, 'string', `${EXPECTED_FILE}: "description" must be a string`);
  assert.ok(Array.isArray(diagnostics), `${EXPECTED_FILE}: "diagnostics" must be an array`);
  for (const d of diagnostics) {
    assert.ok(typeof d.file === 'string' && files.includes(d.file), `${EXPECTED_FILE}: no file "${String(d.file)}" in the fixture`);
    assert.ok(typeof d.code === 'string' && d.code.length > 0, `${EXPECTED_FILE}: "code" missing for ${d.file}`);
    assert.ok(
      Array.isArray(d.range) && d.range.length === 4 && d.range.every((n) => Number.isInteger(n) && n >= 0),
      `${EXPECTED_FILE}: "range" of ${d.file} ${d.code} must be four non-negative integers`,
    );
  }
  return { description: description as string, diagnostics, ...(settings ? { settings } : {}) };
}

/** Loads the fixture into a fresh service and collects what it reports for every file. */
function check(fixtureDir: string, files: readonly string[], settings?: Partial<Settings>): { findings: Finding[]; recognised: string[]; ruleErrors: string[] } {
  const ruleErrors: string[] = [];
  const service = new NeutronConfigService({
    onRuleError: (rule, error) => ruleErrors.push(`${rule.codes.join(',')}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
  service.setWorkspaceFolders([{ uri: pathToFileURL(fixtureDir).href, ...(settings ? { settings } : {}) }]);
  const recognised: { relative: string; uri: string }[] = [];
  for (const relative of files) {
    if (relative === EXPECTED_FILE) continue;
    const uri = pathToFileURL(path.join(fixtureDir, ...relative.split('/'))).href;
    if (!service.isRecognised(uri)) continue;
    service.setFile(uri, fs.readFileSync(path.join(fixtureDir, ...relative.split('/')), 'utf8'));
    recognised.push({ relative, uri });
  }
  const findings: Finding[] = [];
  for (const { relative, uri } of recognised) {
    for (const d of service.getDiagnostics(uri) as Diagnostic[]) {
      const r = d.range;
      findings.push({
        key: keyOf(relative, String(d.code), [r.start.line, r.start.character, r.end.line, r.end.character]),
        message: typeof d.message === 'string' ? d.message : d.message.value,
      });
    }
  }
  return { findings, recognised: recognised.map((r) => r.relative), ruleErrors };
}

/** Multiset difference: what `a` has more of than `b`. */
function minus(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  const left = new Map<string, number>();
  for (const f of b) left.set(f.key, (left.get(f.key) ?? 0) + 1);
  const out: Finding[] = [];
  for (const f of a) {
    const n = left.get(f.key) ?? 0;
    if (n > 0) left.set(f.key, n - 1);
    else out.push(f);
  }
  return out;
}

function report(name: string, description: string, missing: Finding[], unexpected: Finding[], recognised: string[]): string {
  const lines = [`fixture ${name}: ${description}`];
  if (missing.length) lines.push('', `missing (expected but not reported): ${missing.length}`, ...missing.map((f) => `  - ${f.key}`));
  if (unexpected.length) {
    lines.push('', `unexpected (reported but not expected): ${unexpected.length}`);
    for (const f of unexpected) lines.push(`  + ${f.key}${f.message ? `\n      ${f.message}` : ''}`);
  }
  lines.push('', `files the service recognised: ${recognised.length ? recognised.join(', ') : '(none)'}`);
  return lines.join('\n');
}

const fixtureNames = fs
  .readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

test('the fixture corpus is present and every fixture has an expected.json', () => {
  assert.ok(fixtureNames.length > 0, `no fixtures under ${FIXTURES}`);
  for (const name of fixtureNames) {
    assert.ok(fs.existsSync(path.join(FIXTURES, name, EXPECTED_FILE)), `${name} has no ${EXPECTED_FILE}`);
  }
});

for (const name of fixtureNames) {
  const fixtureDir = path.join(FIXTURES, name);
  test(`fixture workspace ${name}`, () => {
    const files = listFiles(fixtureDir);
    const expectation = readExpectation(fixtureDir, files);
    const expected: Finding[] = expectation.diagnostics.map((d) => ({ key: keyOf(d.file, d.code, d.range) }));
    const { findings, recognised, ruleErrors } = check(fixtureDir, files, expectation.settings);
    assert.deepEqual(ruleErrors, [], `fixture ${name}: a rule threw\n${ruleErrors.join('\n')}`);
    const missing = minus(expected, findings).sort((a, b) => a.key.localeCompare(b.key));
    const unexpected = minus(findings, expected).sort((a, b) => a.key.localeCompare(b.key));
    if (missing.length || unexpected.length) assert.fail(report(name, expectation.description, missing, unexpected, recognised));
  });
}
