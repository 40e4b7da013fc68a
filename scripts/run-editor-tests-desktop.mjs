#!/usr/bin/env node
// Runs the same in-editor suite (out/editor-test/index.js) in VS Code desktop
// through @vscode/test-electron, where VS Code can be downloaded (a laptop, a
// public CI runner; not the project's own machines, which reach only the npm
// registry and Debian: there use scripts/run-editor-tests.mjs). See
// docs/editor-tests.md.
//
//   node scripts/run-editor-tests-desktop.mjs [--version 1.100.3] [--grep REGEXP]
//
// Needs a display on Linux (xvfb-run). Exit status as run-editor-tests.mjs.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { exitCodeOf, printReport, readReport } from './editor-report.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    version: { type: 'string', default: '1.100.3' },
    grep: { type: 'string' },
  },
});

const { runTests } = await import('@vscode/test-electron');
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'neutron-config-editor-desktop-'));
const workspace = path.join(temp, 'examples');
fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
const resultsFile = path.join(temp, 'results.json');

try {
  await runTests({
    version: options.version,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out', 'editor-test', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(temp, 'user')],
    extensionTestsEnv: {
      NEUTRON_EDITOR_RESULTS: resultsFile,
      NEUTRON_EDITOR_CHECKOUT: ROOT,
      NEUTRON_EDITOR_MODE: 'development',
      ...(options.grep ? { NEUTRON_EDITOR_GREP: options.grep } : {}),
    },
  });
} catch (error) {
  // runTests rejects when run() rejects (a test failed) or VS Code could not be downloaded or started.
  process.stderr.write(`[editor-tests] ${error instanceof Error ? error.message : String(error)}\n`);
}
const report = readReport(resultsFile);
if (report) printReport(report);
else process.stderr.write(`[editor-tests] the suite wrote no results (${resultsFile})\n`);
const code = exitCodeOf(report);
if (code === 0) fs.rmSync(temp, { recursive: true, force: true });
process.exit(code);
