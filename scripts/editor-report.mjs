// Prints the report that the in-editor suite's run() writes (test/editor/index.ts):
// one line per test with pass/FAIL/skip, the first lines of each failure, and a
// last line `N passed, N failed` alone. Shared by run-editor-tests.mjs (VS Code
// server + Chromium) and run-editor-tests-desktop.mjs (@vscode/test-electron).
import * as fs from 'node:fs';

export function readReport(file) {
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

export function printReport(report, out = (line) => process.stdout.write(`${line}\n`)) {
  out(`VS Code ${report.vscodeVersion}, ${report.mode} extension, suite ${(report.durationMs / 1000).toFixed(1)} s`);
  for (const test of report.tests) {
    const mark = test.state === 'passed' ? 'pass' : test.state === 'failed' ? 'FAIL' : 'skip';
    out(`${mark}  ${test.title}${test.state === 'passed' ? ` (${test.durationMs} ms)` : ''}`);
    if (test.error) out(test.error.split('\n').slice(0, 12).map((l) => `      ${l}`).join('\n'));
  }
  if (report.error) out(`the suite did not run: ${report.error}`);
  else if (report.tests.length === 0) out('no test ran (does --grep match any test?)');
  if (report.pending > 0) out(`${report.pending} skipped`);
  out(`${report.passed} passed, ${report.failed} failed`);
}

/** 0: every test passed; 1: a test failed; 2: the suite did not run. */
export function exitCodeOf(report) {
  if (!report || report.error || report.tests.length === 0) return 2;
  return report.failed > 0 ? 1 : 0;
}
