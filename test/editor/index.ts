/**
 * Entry point of the in-editor suite: VS Code's extension host loads this
 * module (extensionTestsPath) and calls run(). It runs the mocha suites below
 * inside the editor, where they use only the `vscode` API, and writes a JSON
 * report that the runner outside the editor waits for:
 *
 *   NEUTRON_EDITOR_RESULTS   where to write the report (default: <os tmpdir>/neutron-config-editor-results.json)
 *   NEUTRON_EDITOR_GREP      only tests whose full title matches this regular expression
 *   NEUTRON_EDITOR_MODE      `installed`: the extension under test is the one installed from the .vsix
 *   NEUTRON_EDITOR_BENCH_OUT run the in-editor benchmark (bench.editor) instead of the suites; its figures go there
 *   NEUTRON_EDITOR_SUITES    comma-separated suites to run instead of SUITES (plainWorkspace.editor needs its own workspace)
 *
 * The same module serves @vscode/test-electron's runTests (desktop VS Code):
 * run() rejects when a test failed.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Mocha from 'mocha';

/** Suites in the order they run: the last ones edit the workspace. */
const SUITES = ['extension.editor', 'diagnostics.editor', 'languages.editor', 'features.editor', 'topology.editor', 'navigation.editor', 'networkSources.editor', 'quickfix.editor', 'observedState.editor'];

export interface TestReport {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

export interface RunReport {
  vscodeVersion: string;
  mode: string;
  passed: number;
  failed: number;
  pending: number;
  tests: TestReport[];
  /** Set when the suite could not run at all (load error, crash). */
  error?: string;
  durationMs: number;
}

export function resultsPath(): string {
  return process.env.NEUTRON_EDITOR_RESULTS || path.join(os.tmpdir(), 'neutron-config-editor-results.json');
}

function write(report: RunReport): void {
  const target = resultsPath();
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Written whole and renamed, so a reader never sees half a report.
  fs.writeFileSync(`${target}.partial`, JSON.stringify(report, null, 2));
  fs.renameSync(`${target}.partial`, target);
}

export async function run(): Promise<void> {
  const started = Date.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vscodeVersion: string = require('vscode').version;
  const report: RunReport = {
    vscodeVersion,
    mode: process.env.NEUTRON_EDITOR_MODE || 'development',
    passed: 0,
    failed: 0,
    pending: 0,
    tests: [],
    durationMs: 0,
  };
  try {
    // Tells the runner that the extension host loaded the suite (it fails fast when this never comes).
    fs.mkdirSync(path.dirname(resultsPath()), { recursive: true });
    fs.writeFileSync(`${resultsPath()}.started`, new Date().toISOString());
    const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
    if (process.env.NEUTRON_EDITOR_GREP) mocha.grep(new RegExp(process.env.NEUTRON_EDITOR_GREP));
    const suites = process.env.NEUTRON_EDITOR_BENCH_OUT ? ['bench.editor'] : process.env.NEUTRON_EDITOR_SUITES ? process.env.NEUTRON_EDITOR_SUITES.split(',') : SUITES;
    for (const suite of suites) mocha.addFile(path.join(__dirname, `${suite}.js`));
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (test) => report.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 }));
      runner.on('pending', (test) => report.tests.push({ title: test.fullTitle(), state: 'pending', durationMs: 0 }));
      runner.on('fail', (test, error: Error) =>
        report.tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error: error?.stack ?? String(error) }),
      );
    });
  } catch (error) {
    report.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  report.passed = report.tests.filter((t) => t.state === 'passed').length;
  report.failed = report.tests.filter((t) => t.state === 'failed').length;
  report.pending = report.tests.filter((t) => t.state === 'pending').length;
  report.durationMs = Date.now() - started;
  write(report);
  if (report.error) throw new Error(`The editor suite did not run: ${report.error}`);
  if (report.failed > 0) throw new Error(`${report.failed} editor test(s) failed.`);
}
