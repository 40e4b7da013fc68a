/**
 * The real-config regression suite (issue #11): deployments as the
 * deployment tools of the last ten years write them (kolla-ansible,
 * OpenStack-Ansible, TripleO, Juju charms, packstack, a hand-kept /etc), in
 * test/fixtures/real-deployments/<name>/. Each has an expected.json naming
 * the host every file gets and every finding the CLI must print, each with
 * why it is a real problem; any other finding fails the test, so a false
 * alarm cannot creep back in.
 *
 * `UPDATE_REAL_DEPLOYMENTS=1 npm test` rewrites the files from what the CLI
 * says now, keeping the `why` of findings that stay: judge every new entry by
 * hand before committing it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../protocol/lspClient';

const ROOT = repoRoot();
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SUITE = path.join(ROOT, 'test', 'fixtures', 'real-deployments');
const UPDATE = process.env.UPDATE_REAL_DEPLOYMENTS === '1';

interface ExpectedFinding {
  file: string;
  code: string;
  severity: string;
  /** 0-based [startLine, startCharacter, endLine, endCharacter]. */
  range: [number, number, number, number];
  /** Why this is a real problem (our judgement, checked against the service's behaviour). */
  why: string;
}

interface Expectation {
  tool: string;
  description: string;
  /** Passed as --release when set. */
  release?: string;
  /** Every recognised file and the host it must be given. */
  hosts: Record<string, string>;
  findings: ExpectedFinding[];
}

interface CliJson {
  files: { path: string; kind: string; host: string }[];
  diagnostics: { file: string; code: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
}

function check(dir: string, release: string | undefined): CliJson {
  const args = [CLI, 'check', '.', '--format', 'json', '--exit-zero', ...(release ? ['--release', release] : [])];
  const run = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  if (run.error) throw run.error;
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as CliJson;
}

const key = (f: { file: string; code: string; severity: string; range: readonly number[] }) => `${f.file} ${f.code} ${f.severity} @${f.range.join(',')}`;

describe('real deployments: every finding expected, no other', () => {
  for (const name of fs.readdirSync(SUITE).sort()) {
    const dir = path.join(SUITE, name);
    if (!fs.statSync(dir).isDirectory()) continue;
    const expectedPath = path.join(dir, 'expected.json');
    it(name, () => {
      const expected = JSON.parse(fs.readFileSync(expectedPath, 'utf8')) as Expectation;
      const actual = check(dir, expected.release);
      const hosts = Object.fromEntries(actual.files.map((f) => [f.path, f.host]));
      const findings = actual.diagnostics.map((d) => ({
        file: d.file,
        code: d.code,
        severity: d.severity,
        range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character] as [number, number, number, number],
        message: d.message,
      }));
      if (UPDATE) {
        const why = new Map(expected.findings.map((f) => [key(f), f.why]));
        const next: Expectation = {
          ...expected,
          hosts,
          findings: findings.map(({ message, ...f }) => ({ ...f, why: why.get(key(f)) ?? `UNJUDGED: ${message}` })),
        };
        fs.writeFileSync(expectedPath, JSON.stringify(next, null, 2) + '\n');
        return;
      }
      assert.deepEqual(hosts, expected.hosts, 'the host each file is given');
      const messages = new Map(findings.map((f) => [key(f), f.message]));
      const got = findings.map(key).sort();
      const want = expected.findings.map(key).sort();
      const unexpected = got.filter((k) => !want.includes(k)).map((k) => `${k}: ${messages.get(k)}`);
      const missing = want.filter((k) => !got.includes(k));
      assert.deepEqual({ unexpected, missing }, { unexpected: [], missing: [] });
      for (const f of expected.findings) assert.ok(f.why && !f.why.startsWith('UNJUDGED'), `${key(f)} needs a judgement`);
    });
  }
});
