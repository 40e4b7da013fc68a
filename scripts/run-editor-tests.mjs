#!/usr/bin/env node
// Runs the in-editor suite (out/editor-test/index.js) inside a real VS Code:
// the VS Code 1.100.3 server build of code-server@4.100.3, its web workbench
// driven by Debian's headless Chromium through playwright-core. See
// docs/editor-tests.md.
//
//   node scripts/run-editor-tests.mjs [options]
//     --vsix FILE          install FILE into the server and test that extension, not the checkout
//     --screenshots DIR    afterwards, open the example in the workbench and save README pictures to DIR
//     --grep REGEXP        only tests whose full title matches
//     --timeout SECONDS    deadline for the whole suite (default 300)
//     --keep               keep the temporary folder (workspace copy, logs, results); always kept on failure
//     --workspace DIR      open DIR as it is instead of a copy of examples/ (the bench's generated deployments)
//     --copy               with --workspace: open a copy of DIR, for suites that edit it
//     --suites LIST        run these suites of test/editor (comma-separated, e.g. plainWorkspace.editor) instead of the default ones
//     --bench-out FILE     run the in-editor benchmark (test/editor/bench.editor.ts) instead of the suite; its figures go to FILE as JSON
//
// Expects `npm run build` and `npm run compile-editor-tests` to have run (npm run
// test:editor does both). Exit status: 0 when every test passed, 1 when a test
// failed, 2 when the suite did not run or did not finish before the deadline.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { exitCodeOf, printReport, readReport } from './editor-report.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION_ID = 'neutron-config.neutron-config';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** From opening the workbench to the suite's run() starting: loading the workbench and the extension host. */
const START_TIMEOUT_MS = 120_000;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const { values: options } = parseArgs({
  options: {
    vsix: { type: 'string' },
    screenshots: { type: 'string' },
    grep: { type: 'string' },
    timeout: { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
    workspace: { type: 'string' },
    copy: { type: 'boolean', default: false },
    'bench-out': { type: 'string' },
    suites: { type: 'string' },
  },
});
const suiteTimeoutMs = Number(options.timeout) * 1000;

const timings = [];
const clock = (label, since) => timings.push(`${label} ${((Date.now() - since) / 1000).toFixed(1)} s`);
const log = (message) => process.stderr.write(`[editor-tests] ${message}\n`);

/** Everything started here, stopped in reverse order on the way out. */
const cleanups = [];
let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  for (const step of cleanups.reverse()) {
    try {
      await step();
    } catch (error) {
      log(`cleanup: ${error.message}`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    void cleanup().then(() => process.exit(2));
  });
}

class Failure extends Error {
  constructor(message, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** Waits until `probe` returns something other than undefined; polls, fails at the deadline. */
async function waitFor(what, probe, timeoutMs, everyMs = 200) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) throw new Failure(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function setup() {
  const started = Date.now();
  const result = spawnSync('bash', [path.join(ROOT, 'scripts', 'vscode-server-setup.sh')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (result.status !== 0) throw new Failure(`scripts/vscode-server-setup.sh failed (exit ${result.status})`);
  clock('setup', started);
  return path.join(result.stdout.trim().split('\n').pop(), 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
}

function requireBuilt() {
  for (const file of ['dist/extension.js', 'dist/server.js', 'out/editor-test/index.js']) {
    if (!fs.existsSync(path.join(ROOT, file))) throw new Failure(`${file} is missing: run \`npm run build && npm run compile-editor-tests\` (npm run test:editor does both)`);
  }
}

function installVsix(serverMain, vsix, extensionsDir) {
  const started = Date.now();
  const run = (...args) => spawnSync(process.execPath, [serverMain, ...args, '--extensions-dir', extensionsDir], { encoding: 'utf8' });
  const installed = run('--install-extension', path.resolve(vsix), '--force');
  process.stderr.write(installed.stdout + installed.stderr);
  if (installed.status !== 0) throw new Failure(`--install-extension ${vsix} failed (exit ${installed.status})`);
  const listed = run('--list-extensions', '--show-versions');
  const line = listed.stdout.split('\n').find((l) => l.startsWith(`${EXTENSION_ID}@`));
  if (!line) throw new Failure(`--list-extensions does not list ${EXTENSION_ID}:\n${listed.stdout}${listed.stderr}`);
  log(`installed from ${path.relative(ROOT, path.resolve(vsix))}: ${line}`);
  clock('install .vsix', started);
}

/** Starts the VS Code server on loopback; resolves once it answers HTTP. */
async function startServer(serverMain, dirs, env) {
  const port = await freePort();
  const logFile = path.join(dirs.temp, 'server.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [
      serverMain,
      '--host', '127.0.0.1',
      '--port', String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--disable-telemetry',
      '--user-data-dir', dirs.user,
      '--server-data-dir', dirs.server,
      '--extensions-dir', dirs.extensions,
    ],
    // Its own process group, so the extension host and the language server stop with it.
    { detached: true, stdio: ['ignore', out, out], env: { ...process.env, ...env } },
  );
  fs.closeSync(out);
  let exited;
  child.on('exit', (code, signal) => (exited = `exited (code ${code}, signal ${signal})`));
  cleanups.push(() => stopGroup(child));
  const started = Date.now();
  await waitFor(
    `the VS Code server on port ${port} (log: ${logFile})`,
    async () => {
      if (exited) throw new Failure(`the VS Code server ${exited}:\n${tail(logFile)}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/version`);
        return response.ok ? true : undefined;
      } catch {
        return undefined;
      }
    },
    60_000,
  );
  clock('server start', started);
  return { port, logFile, child, exited: () => exited };
}

async function stopGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }, 5000);
  await gone;
  clearTimeout(timer);
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function launchBrowser() {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new Failure('playwright-core is not installed: run `npm ci`');
  }
  if (!fs.existsSync(CHROMIUM)) throw new Failure(`${CHROMIUM} is missing: scripts/vscode-server-setup.sh installs Debian's chromium`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  cleanups.push(() => browser.close());
  return browser;
}

function workbenchUrl(port, workspace, payload) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const query = new URLSearchParams({ folder: workspace });
  if (payload) query.set('payload', JSON.stringify(payload.map(([key, value]) => [key, value.startsWith('/') ? remote(value) : value])));
  return `http://127.0.0.1:${port}/?${query}`;
}

/** A quiet workbench: no welcome page, tips, trust prompt or recommendations over the editor. */
function writeUserSettings(userDataDir) {
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'extensions.ignoreRecommendations': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'chat.commandCenter.enabled': false,
  };
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

function copyExamples(target) {
  return copyTree(path.join(ROOT, 'examples'), target);
}

function copyTree(source, target) {
  fs.cpSync(source, target, { recursive: true });
  return target;
}

/** Runs the suite in one workbench and returns its report. */
async function runSuite(browser, server, dirs, resultsFile) {
  // The workbench runs extensionTestsPath only together with an extensionDevelopmentPath. To test
  // the installed .vsix, that path is an empty stand-in extension, so the one under test is the
  // installed one.
  const developmentPath = options.vsix ? standInExtension(dirs.temp) : ROOT;
  const payload = [
    ['extensionDevelopmentPath', developmentPath],
    ['extensionTestsPath', path.join(ROOT, 'out', 'editor-test', 'index.js')],
  ];
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const consoleLog = fs.createWriteStream(path.join(dirs.temp, 'browser-console.log'));
  cleanups.push(() => new Promise((resolve) => consoleLog.end(resolve)));
  page.on('console', (message) => consoleLog.write(`[${message.type()}] ${message.text()}\n`));
  let crashed;
  page.on('crash', () => (crashed = 'the workbench page crashed'));
  const started = Date.now();
  await page.goto(workbenchUrl(server.port, dirs.workspace, payload));
  const check = () => {
    if (crashed) throw new Failure(crashed);
    if (server.exited()) throw new Failure(`the VS Code server ${server.exited()}:\n${tail(server.logFile)}`);
  };
  const report = await waitFor(
    `the suite to start (run() writes ${resultsFile}.started; logs: ${dirs.temp})`,
    () => {
      check();
      return fs.existsSync(`${resultsFile}.started`) || fs.existsSync(resultsFile) ? true : undefined;
    },
    Math.min(START_TIMEOUT_MS, suiteTimeoutMs),
    250,
  )
    .then(() =>
      waitFor(
        `the suite's results file ${resultsFile}`,
        () => {
          check();
          return readReport(resultsFile);
        },
        suiteTimeoutMs,
        250,
      ),
    )
    .catch(async (error) => {
    await page.screenshot({ path: path.join(dirs.temp, 'timeout.png') }).catch(() => {});
    throw error;
  });
  clock('suite (workbench load + tests)', started);
  await page.close();
  return report;
}

/** An empty extension to stand in as the development extension (see runSuite). */
function standInExtension(temp) {
  const folder = path.join(temp, 'stand-in-extension');
  fs.mkdirSync(folder, { recursive: true });
  const manifest = { name: 'editor-test-stand-in', publisher: 'neutron-config', version: '0.0.0', engines: { vscode: '*' } };
  fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
  return folder;
}

// ---------------------------------------------------------------- screenshots

/** Opens a file of the workspace through Quick Open (F1, then the path instead of the '>' of commands). */
async function openFile(page, relative) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(relative);
  const name = relative.split('/').pop();
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
  await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor();
}

/** Waits until the element's fade-in animations are over. */
async function settled(locator) {
  await locator.evaluate((element) => Promise.all(element.getAnimations({ subtree: true }).map((a) => a.finished)));
  await waitFor('an opaque widget', async () => ((await locator.evaluate((e) => getComputedStyle(e.closest('.monaco-hover, .action-widget') ?? e).opacity)) === '1' ? true : undefined), 5000, 50);
}

async function gotoLine(page, line, column) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

async function takeScreenshots(browser, server, dirs, target) {
  const started = Date.now();
  fs.mkdirSync(target, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await driveScreenshots(page, server, dirs, target);
  } catch (error) {
    const picture = path.join(dirs.temp, 'screenshot-failure.png');
    await page.screenshot({ path: picture }).catch(() => {});
    throw new Failure(`${error.message.split('\n')[0]} (the page then: ${picture})`);
  } finally {
    await page.close();
  }
  clock('screenshots', started);
}

async function driveScreenshots(page, server, dirs, target) {
  const payload = options.vsix ? undefined : [['extensionDevelopmentPath', ROOT]];
  await page.goto(workbenchUrl(server.port, dirs.screenshotWorkspace, payload));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  // The Problems badge fills once the extension is up and the deployment is checked.
  const badge = page.locator('.statusbar-item[id="status.problems"]');
  await waitFor('the problems count in the status bar', async () => ((await badge.textContent().catch(() => '')).match(/[1-9]/) ? true : undefined), 60_000);
  const shots = [];
  const save = async (name, locator) => {
    const file = path.join(target, name);
    await (locator ?? page).screenshot({ path: file });
    shots.push(file);
  };

  // 1. Hover on bridge_mappings.
  await openFile(page, 'network/etc/neutron/plugins/ml2/openvswitch_agent.ini');
  await gotoLine(page, 22, 1);
  await page.locator('.monaco-editor .view-line', { hasText: 'bridge_mappings' }).first().locator('span', { hasText: 'bridge_mappings' }).first().hover();
  const hover = page.locator('.monaco-hover', { hasText: 'bridge_mappings' }).first();
  await hover.waitFor({ state: 'visible', timeout: 20_000 });
  await settled(hover);
  await save('hover-bridge-mappings.png');
  // The end of the same hover: the wiring of this host, across files.
  await hover.hover();
  const wiring = hover.locator('strong', { hasText: 'Wiring on' }).first();
  await waitFor(
    'the wiring part of the hover in view',
    async () => {
      const [box, part] = [await hover.boundingBox(), await wiring.boundingBox()];
      if (box && part && part.y >= box.y && part.y + part.height <= box.y + box.height) return true;
      await page.mouse.wheel(0, 200);
      return undefined;
    },
    10_000,
    100,
  );
  await page.mouse.wheel(0, 2000);
  await save('hover-bridge-mappings-wiring.png');
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');

  // 1b. Hover on the bridge of the same line: what the network node's captures observed of it.
  // The value may be one token (`physnet1:br-ex`): point at its last characters, the bridge.
  const value = page.locator('.monaco-editor .view-line', { hasText: 'bridge_mappings' }).first().locator('span', { hasText: 'br-ex' }).last();
  const box = await value.boundingBox();
  await page.mouse.move(box.x + box.width - 8, box.y + box.height / 2);
  const observed = page.locator('.monaco-hover', { hasText: 'Observed' }).first();
  await observed.waitFor({ state: 'visible', timeout: 20_000 });
  await settled(observed);
  await save('hover-bridge-observed.png');
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');

  // 2. The Problems panel on the example.
  await openFile(page, 'controller/etc/neutron/plugins/ml2/ml2_conf.ini');
  await page.keyboard.press('Control+Shift+M');
  const problems = page.locator('.markers-panel');
  await problems.waitFor({ state: 'visible' });
  await waitFor('three problems in the Problems panel', async () => ((await page.locator('.markers-panel .monaco-list-row .marker-message-details, .markers-panel .monaco-list-row .marker-code').count()) >= 3 ? true : undefined), 30_000);
  await save('problems-panel.png');

  // 3. The quick fix menu on type_drivers.
  await openFile(page, 'controller/etc/neutron/plugins/ml2/ml2_conf.ini');
  await gotoLine(page, 16, 17);
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget', { hasText: 'flat' }).first();
  await menu.waitFor({ state: 'visible', timeout: 20_000 });
  await settled(menu);
  await save('quick-fix.png');
  await page.keyboard.press('Escape');

  // 4. The topology picture beside the agent file of compute-0 (whose br-eth1 is missing).
  await openFile(page, 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini');
  await page.keyboard.press('F1');
  const palette = page.locator('.quick-input-widget input');
  await palette.waitFor({ state: 'visible' });
  await palette.fill('>Neutron Config: Show Topology');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Topology' }).first().waitFor();
  await page.keyboard.press('Enter');
  const picture = page.frameLocator('iframe.webview').frameLocator('iframe').locator('#picture svg');
  await picture.waitFor({ state: 'visible', timeout: 30_000 });
  await save('topology.png');
  for (const shot of shots) log(`screenshot: ${path.relative(ROOT, shot)}`);
}

// ----------------------------------------------------------------------- main

async function main() {
  const started = Date.now();
  requireBuilt();
  const serverMain = setup();
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'neutron-config-editor-'));
  tempDir = temp;
  const dirs = {
    temp,
    user: path.join(temp, 'user'),
    server: path.join(temp, 'server'),
    extensions: path.join(temp, 'extensions'),
    // Copies of examples/ (or, with --copy, of --workspace), so the suite's edits (quick fix, rename) never touch the checkout.
    workspace: options.workspace
      ? options.copy
        ? copyTree(path.resolve(options.workspace), path.join(temp, 'workspace', path.basename(options.workspace)))
        : path.resolve(options.workspace)
      : copyExamples(path.join(temp, 'workspace', 'examples')),
    screenshotWorkspace: options.screenshots ? copyExamples(path.join(temp, 'screenshots', 'examples')) : undefined,
  };
  fs.mkdirSync(dirs.extensions, { recursive: true });
  writeUserSettings(dirs.user);
  if (options.vsix) installVsix(serverMain, options.vsix, dirs.extensions);
  const resultsFile = path.join(temp, 'results.json');
  const env = {
    NEUTRON_EDITOR_RESULTS: resultsFile,
    NEUTRON_EDITOR_CHECKOUT: ROOT,
    NEUTRON_EDITOR_MODE: options.vsix ? 'installed' : 'development',
  };
  if (options.grep) env.NEUTRON_EDITOR_GREP = options.grep;
  if (options.suites) env.NEUTRON_EDITOR_SUITES = options.suites;
  if (options['bench-out']) env.NEUTRON_EDITOR_BENCH_OUT = path.resolve(options['bench-out']);
  const server = await startServer(serverMain, dirs, env);
  const browser = await launchBrowser();
  const report = await runSuite(browser, server, dirs, resultsFile);
  printReport(report);
  let screenshotsFailed = false;
  if (options.screenshots) {
    try {
      await takeScreenshots(browser, server, dirs, path.resolve(options.screenshots));
    } catch (error) {
      log(`screenshots failed: ${error.message}`);
      screenshotsFailed = true;
    }
  }
  clock('total', started);
  log(timings.join(', '));
  const code = exitCodeOf(report);
  return code === 0 && screenshotsFailed ? 1 : code;
}

/** The run's temporary folder: workspace copies, server and browser logs, results. Kept on failure. */
let tempDir;
let exitCode;
try {
  exitCode = await main();
} catch (error) {
  log(error instanceof Failure ? error.message : (error.stack ?? String(error)));
  exitCode = error instanceof Failure ? error.exitCode : 2;
}
await cleanup();
if (tempDir) {
  if (exitCode === 0 && !options.keep) fs.rmSync(tempDir, { recursive: true, force: true });
  else log(`logs, workspace and results kept in ${tempDir}`);
}
process.exit(exitCode);
