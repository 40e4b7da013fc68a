// Benchmark of neutron-config at deployment scale (issue 7).
//
//   npm run bench                                  sizes 100, 1000, 10000
//   npm run bench -- --sizes 100,1000              only these sizes
//   npm run bench -- --sizes 1000 --profile        also write CPU profiles (CLI, server indexing) and summarise them
//
// Options: --sizes LIST  --seed N (42)  --runs N (CLI runs; 5, 3 at 10k)  --out DIR (bench-results)
//          --captures (every agent host also holds ovs-vsctl show, ip a and 2,000-flow dump-flows captures)
//          --dist DIR (use prebuilt server.js/cli.js from DIR; default: bundle the working tree)  --keep (keep the generated trees)  --quick (fewer iterations)
//          --max-minutes N (60: phases not yet started after that are skipped)
//          --editor (at 1,000 hosts and more: the topology picture's first paint in the real VS Code, with the checkout's
//                    dist/ and out/editor-test/: run `npm run build && npm run compile-editor-tests` first)
//          --server-node-args 'FLAGS' (node/V8 flags for the server instead of the shipped ones; '' for none)
//
// For every size it generates a deployment into a temporary directory (see
// generate.mjs), then measures the CLI (cold, node start included) and the
// LSP server over stdio as a push-diagnostics client. Everything is local:
// child processes and pipes, no network. Every wait has a deadline.

import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BenchClient } from './lsp.mjs';
import { FLAT_PHYSNET, VLAN_PHYSNET, buildDeployment, rng, writeDeployment } from './generate.mjs';
import { summariseProfile, formatSummary } from './cpuprofile-summary.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---- arguments ---------------------------------------------------------------

function parseArgs(argv) {
  const options = { sizes: [100, 1000, 10000], seed: 42, runs: undefined, out: 'bench-results', dist: undefined, keep: false, quick: false, profile: false, maxMinutes: 60, serverNodeArgs: undefined };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--sizes': options.sizes = value().split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n >= 10); break;
      case '--seed': options.seed = Number(value()); break;
      case '--runs': options.runs = Number(value()); break;
      case '--out': options.out = value(); break;
      case '--dist': options.dist = value(); break;
      case '--max-minutes': options.maxMinutes = Number(value()); break;
      case '--keep': options.keep = true; break;
      case '--quick': options.quick = true; break;
      case '--profile': options.profile = true; break;
      case '--captures': options.captures = true; break;
      case '--editor': options.editor = true; break;
      case '--server-node-args': options.serverNodeArgs = value().split(/\s+/).filter(Boolean); break;
      case '--help': console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(0, 14).join('\n')); process.exit(0);
      default: throw new Error(`unknown option ${argv[i]}`);
    }
  }
  if (options.sizes.length === 0) throw new Error('--sizes: no valid size (integers >= 10)');
  return options;
}

// ---- small helpers -------------------------------------------------------------

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const round = (x, digits = 1) => (x === undefined || x === null || Number.isNaN(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits);

function percentile(values, p) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

function stats(values) {
  if (!values.length) return { n: 0 };
  return {
    n: values.length,
    p50: round(percentile(values, 50), 2),
    p95: round(percentile(values, 95), 2),
    max: round(Math.max(...values), 2),
    min: round(Math.min(...values), 2),
    mean: round(values.reduce((a, b) => a + b, 0) / values.length, 2),
  };
}

function procStatus(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
    return { vmRssMB: round(kb('VmRSS') / 1024), vmHwmMB: round(kb('VmHWM') / 1024) };
  } catch {
    return { vmRssMB: null, vmHwmMB: null };
  }
}

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user+system) a live process has used so far. */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return NaN;
  }
}

const load = () => os.loadavg().map((x) => round(x, 2));

function machineInfo() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const run = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8', cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const porcelain = run('git', ['status', '--porcelain']);
  return {
    nproc: Number(run('nproc', [])) || os.availableParallelism?.() || os.cpus().length,
    cpuModel: /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    memTotalMB: Math.round(os.totalmem() / 2 ** 20),
    loadavgAtStart: load(),
    git: { head: run('git', ['rev-parse', '--short', 'HEAD']), changedFiles: porcelain === null ? null : porcelain.split('\n').filter(Boolean).length },
  };
}

/** Reads a numeric constant from the bundle (or its source), e.g. EDIT_DEBOUNCE_MS. */
function constantFrom(texts, name) {
  for (const text of texts) {
    const match = new RegExp(`\\b${name}\\s*=\\s*(\\d+)`).exec(text);
    if (match) return Number(match[1]);
  }
  return null;
}

// ---- CLI -------------------------------------------------------------------------

const TIME_BIN = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** One cold CLI run: wall time from spawn to exit, plus CPU and max RSS from /usr/bin/time when present. */
function runCli(cli, dir, nodeArgs = [], cliArgs = []) {
  return new Promise((resolve, reject) => {
    // --root: the findings' paths relative to the tree, as the typo and file comparisons below expect.
    const args = [...nodeArgs, cli, 'check', dir, '--format', 'json', '--root', dir, ...cliArgs];
    const [cmd, argv] = TIME_BIN ? [TIME_BIN, ['-f', 'BENCHTIME %e %U %S %M', process.execPath, ...args]] : [process.execPath, args];
    const started = performance.now();
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    let err = '';
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => (err += c.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30 * 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      const time = /BENCHTIME (\S+) (\S+) (\S+) (\d+)/.exec(err);
      resolve({
        code,
        wallMs,
        cpuS: time ? Number(time[2]) + Number(time[3]) : null,
        maxRssMB: time ? round(Number(time[4]) / 1024) : null,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: err.replace(/BENCHTIME.*\n?/, ''),
      });
    });
  });
}

/** bench/warm.cjs: the same check run several times in one process (node start and bundle load measured inside it). */
function runWarm(cli, dir, checks) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', path.join(ROOT, 'bench', 'warm.cjs'), cli, dir, String(checks)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`warm.cjs exited ${code}`))));
  });
}

/** The phases of `--timing` (label -> ms) and the garbage collector's share, from its stderr. */
function timingPhases(stderr) {
  const phases = {};
  let gcMs;
  for (const line of stderr.split('\n')) {
    const phase = /^ {2}(\S.*?) {2,}([\d,]+)$/.exec(line);
    if (phase && !line.includes('%')) phases[phase[1].replace(/ \(.*\)$/, '')] = Number(phase[2].replace(/,/g, ''));
    const gc = /^ {2}of which garbage collection: ([\d,]+)$/.exec(line);
    if (gc) gcMs = Number(gc[1].replace(/,/g, ''));
  }
  return { phases, gcMs, slowestRules: stderr.split('\n').filter((l) => l.includes('%')).slice(0, 5).map((l) => l.trim().replace(/ +/g, ' ')) };
}

// ---- positions in generated files -------------------------------------------------

/** bench/floor.mjs on the tree: wall time from spawn to exit, node start included as for the CLI. */
function runFloor(dir) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(ROOT, 'bench', 'floor.mjs'), dir], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`floor script exited ${code}`))));
  });
}

function lineOf(text, prefix) {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith(prefix));
  if (line < 0) throw new Error(`no line starting with ${prefix}`);
  return { line, text: lines[line] };
}

/** Position of `needle` (plus `delta`) on the line starting with `prefix`. */
function at(text, prefix, needle, delta = 0) {
  const { line, text: l } = lineOf(text, prefix);
  const index = needle === undefined ? 0 : l.indexOf(needle);
  if (index < 0) throw new Error(`no ${needle} on line ${prefix}`);
  return { line, character: index + delta };
}

/** Hover and completion positions over an agent file, an ML2 file, ifcfg files and an L3 file. */
function requestPositions(docs) {
  const { agent, ml2, bridge, port, l3 } = docs;
  const hover = [
    [agent, at(agent.text, 'bridge_mappings', 'bridge_mappings', 3)],
    [agent, at(agent.text, 'bridge_mappings', FLAT_PHYSNET, 2)],
    [agent, at(agent.text, 'bridge_mappings', 'br-ex', 1)],
    [agent, at(agent.text, 'bridge_mappings', VLAN_PHYSNET, 4)],
    [agent, at(agent.text, 'bridge_mappings', 'br-vlan', 3)],
    [agent, at(agent.text, 'local_ip', 'local_ip', 2)],
    [agent, at(agent.text, 'tunnel_types', 'tunnel_types', 1)],
    [agent, at(agent.text, 'integration_bridge', 'br-int', 2)],
    [agent, at(agent.text, '[ovs]', 'ovs', 1)],
    [agent, at(agent.text, 'firewall_driver', 'openvswitch', 2)],
    [agent, at(agent.text, '# physnet:bridge', 'physnet', 2)],
    [ml2, at(ml2.text, 'type_drivers', 'type_drivers', 2)],
    [ml2, at(ml2.text, 'type_drivers', 'flat', 1)],
    [ml2, at(ml2.text, 'flat_networks', 'flat_networks', 4)],
    [ml2, at(ml2.text, 'flat_networks', FLAT_PHYSNET, 3)],
    [ml2, at(ml2.text, 'network_vlan_ranges', 'network_vlan_ranges', 5)],
    [ml2, at(ml2.text, 'network_vlan_ranges', VLAN_PHYSNET, 2)],
    [ml2, at(ml2.text, 'vni_ranges', 'vni_ranges', 1)],
    [ml2, at(ml2.text, 'mechanism_drivers', 'openvswitch', 3)],
    [ml2, at(ml2.text, 'tenant_network_types', 'vxlan', 1)],
    [bridge, at(bridge.text, 'TYPE=', 'TYPE', 1)],
    [bridge, at(bridge.text, 'TYPE=', 'OVSBridge', 2)],
    [bridge, at(bridge.text, 'DEVICE=', 'br-ex', 2)],
    [port, at(port.text, 'OVS_BRIDGE=', 'br-ex', 1)],
    [port, at(port.text, 'OVS_BRIDGE=', 'OVS_BRIDGE', 2)],
    [port, at(port.text, 'BOOTPROTO=', 'none', 1)],
    [l3, at(l3.text, 'external_network_bridge', 'external_network_bridge', 3)],
    [l3, at(l3.text, 'agent_mode', 'dvr_snat', 2)],
  ];
  const completion = [
    [agent, at(agent.text, 'bridge_mappings', '= ', 2)],
    [agent, at(agent.text, 'bridge_mappings', FLAT_PHYSNET, 4)],
    [agent, at(agent.text, 'bridge_mappings', 'br-ex', 0)],
    [agent, at(agent.text, 'bridge_mappings', ',', 1)],
    [agent, at(agent.text, 'bridge_mappings', 'br-vlan', 0)],
    [agent, at(agent.text, 'tunnel_types', 'vxlan', 0)],
    [agent, at(agent.text, 'firewall_driver', 'openvswitch', 0)],
    [agent, at(agent.text, 'local_ip', 'local_ip', 3)],
    [agent, at(agent.text, 'datapath_type', 'datapath_type', 4)],
    [ml2, at(ml2.text, 'type_drivers', 'flat', 0)],
    [ml2, at(ml2.text, 'type_drivers', 'vxlan', 0)],
    [ml2, at(ml2.text, 'tenant_network_types', 'vxlan', 0)],
    [ml2, at(ml2.text, 'flat_networks', FLAT_PHYSNET, 0)],
    [ml2, at(ml2.text, 'network_vlan_ranges', VLAN_PHYSNET, 0)],
    [ml2, at(ml2.text, 'mechanism_drivers', 'openvswitch', 0)],
    [bridge, at(bridge.text, 'TYPE=', 'OVSBridge', 0)],
    [bridge, at(bridge.text, 'ONBOOT=', 'yes', 0)],
    [bridge, at(bridge.text, 'DEVICETYPE=', 'DEVICETYPE', 3)],
    [port, at(port.text, 'OVS_BRIDGE=', 'br-ex', 0)],
    [port, at(port.text, 'TYPE=', 'OVSPort', 0)],
    [port, at(port.text, 'BOOTPROTO=', 'none', 0)],
    [l3, at(l3.text, 'agent_mode', 'dvr_snat', 0)],
    [l3, at(l3.text, 'interface_driver', 'openvswitch', 0)],
  ];
  return { hover, completion };
}

// ---- the server session -------------------------------------------------------------

const PUSH_CLIENT_CAPABILITIES = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: false } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, dataSupport: true },
  },
};

/** Starts a server, waits until it reads stdin, sends initialize + initialized with the folder. */
/** The server is started the way the VS Code client starts it (SERVER_NODE_ARGS in server/src/lsp/memory.ts). */
const SERVER_NODE_ARGS = ['--max-semi-space-size=2', '--v8-pool-size=1'];
/** `--server-node-args`: node/V8 flags that replace SERVER_NODE_ARGS, for experiments. */
let serverNodeArgs = SERVER_NODE_ARGS;

async function startServer(serverPath, dir, nodeArgs = []) {
  const client = new BenchClient(serverPath, { nodeArgs: [...serverNodeArgs, ...nodeArgs] });
  // The server is up once it answers anything: an unhandled method gets MethodNotFound.
  await client.request('bench/ping', null, 60_000).catch((error) => {
    if (error.code === undefined) throw error;
  });
  const readyAt = performance.now();
  const folderUri = pathToFileURL(dir).href;
  const init = await client.request('initialize', {
    processId: process.pid,
    rootUri: folderUri,
    workspaceFolders: [{ uri: folderUri, name: path.basename(dir) }],
    capabilities: PUSH_CLIENT_CAPABILITIES,
  });
  client.notify('initialized', {});
  return { client, readyAt, initializeSentAt: init.sent, initializeMs: init.ms };
}

class Doc {
  constructor(client, uri, text, languageId) {
    this.client = client;
    this.uri = uri;
    this.text = text;
    this.version = 1;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces `length` characters at (line, character) with `insert`; returns the new version. */
  edit(line, character, length, insert) {
    const lines = this.text.split('\n');
    const l = lines[line];
    lines[line] = l.slice(0, character) + insert + l.slice(character + length);
    this.text = lines.join('\n');
    this.version++;
    this.client.notify('textDocument/didChange', {
      textDocument: { uri: this.uri, version: this.version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + length } }, text: insert }],
    });
    return this.version;
  }
}

function ensureAlive(client, what) {
  if (client.hasExited) throw new Error(`server exited during ${what}${client.stderrTail()}`);
}

/** Opens the documents the edits and requests use (didOpen with the text on disk). */
async function openDocs(client, dir, deployment) {
  const uriOf = (rel) => pathToFileURL(path.join(dir, rel)).href;
  const textOf = new Map(deployment.files.map((f) => [f.rel, f.text]));
  const planted = new Set(deployment.planted.map((p) => p.rel));
  // Hosts whose network is in ifcfg files: the requests below open those.
  const computes = deployment.agentFiles.filter((rel) => rel.startsWith('compute-') && !planted.has(rel) && textOf.has(`${rel.split('/')[0]}/etc/sysconfig/network-scripts/ifcfg-br-ex`));
  const agentRel = computes[Math.floor(computes.length / 2)];
  const agent2Rel = computes[Math.floor(computes.length / 3)];
  const hostDir = agentRel.split('/')[0];
  const networkHost = deployment.agentFiles.find((rel) => rel.startsWith('network-')).split('/')[0];
  const open = (rel, languageId) => Object.assign(new Doc(client, uriOf(rel), textOf.get(rel), languageId), { rel });
  const docs = {
    agent: open(agentRel, 'ini'),
    agent2: open(agent2Rel, 'ini'),
    ml2: deployment.ml2Files.map((rel) => open(rel, 'ini')),
    bridge: open(`${hostDir}/etc/sysconfig/network-scripts/ifcfg-br-ex`, 'ifcfg'),
    port: open(`${hostDir}/etc/sysconfig/network-scripts/ifcfg-eth1`, 'ifcfg'),
    l3: open(`${networkHost}/etc/neutron/l3_agent.ini`, 'ini'),
  };
  await sleep(300);
  return docs;
}

/**
 * Agent edit, host-level: a bridge name typo and its correction in bridge_mappings
 * ("br-ex" <-> "br-exx"; bridge-undefined appears and goes). Latency from didChange
 * to the publishDiagnostics of that version.
 */
async function agentBridgeEdits(client, doc, n, timeoutMs) {
  const pos = at(doc.text, 'bridge_mappings', ',', 0); // right after "br-ex"
  const r = rng(7);
  const latencies = [];
  let wrong = 0;
  for (let i = 0; i < n; i++) {
    const insert = i % 2 === 0;
    const t0 = performance.now();
    const version = insert ? doc.edit(pos.line, pos.character, 0, 'x') : doc.edit(pos.line, pos.character, 1, '');
    const publish = await client.waitForPublish(doc.uri, (p) => p.version === version && p.t >= t0, timeoutMs);
    ensureAlive(client, 'agent edit');
    if (!publish) throw new Error(`no diagnostics for agent edit ${i} within ${timeoutMs} ms`);
    if ((publish.diagnostics.length > 0) !== insert) wrong++;
    latencies.push(publish.t - t0);
    await sleep(20 + Math.floor(r() * 30));
  }
  if (n % 2 === 1) doc.edit(pos.line, pos.character, 1, '');
  return { ...stats(latencies), unexpectedDiagnostics: wrong, edit: `"br-ex" <-> "br-exx" in bridge_mappings of ${doc.rel}` };
}

/**
 * Agent edit, deployment-level: "physnet2" <-> "physnet2x" (the deployment's mapped physnets
 * change, so the server re-checks the whole deployment). Latency to the edited file's publish;
 * the re-check of the rest goes on afterwards, so edits are spaced by `settleMs`.
 */
async function agentPhysnetEdits(client, doc, n, timeoutMs, settleMs) {
  const pos = at(doc.text, 'bridge_mappings', `${VLAN_PHYSNET}:`, VLAN_PHYSNET.length);
  const latencies = [];
  for (let i = 0; i < n; i++) {
    const insert = i % 2 === 0;
    const t0 = performance.now();
    const version = insert ? doc.edit(pos.line, pos.character, 0, 'x') : doc.edit(pos.line, pos.character, 1, '');
    const publish = await client.waitForPublish(doc.uri, (p) => p.version === version && p.t >= t0, timeoutMs);
    ensureAlive(client, 'agent physnet edit');
    if (!publish) throw new Error(`no diagnostics for agent physnet edit ${i}`);
    latencies.push(publish.t - t0);
    await sleep(settleMs);
  }
  if (n % 2 === 1) doc.edit(pos.line, pos.character, 1, '');
  return { ...stats(latencies), settleMs: round(settleMs), edit: `"physnet2" <-> "physnet2x" in bridge_mappings of ${doc.rel}` };
}

/**
 * ML2 edit in one file: controller-0 also allows physnet3. Affected and re-published: the three
 * ML2 files (physnet-unmapped, ml2-configs-disagree) and every agent file with a
 * physnet-undeclared finding (its related information lists what the ML2 files allow). The
 * server re-checks every file of the deployment; only changed ones are published.
 */
async function ml2OneFileEdits(client, docs, plantedUris, n, timeoutMs) {
  const doc = docs.ml2[0];
  const { line, text } = lineOf(doc.text, 'flat_networks');
  const affected = [...docs.ml2.map((d) => d.uri), ...plantedUris];
  const totals = [];
  const firsts = [];
  let timeoutsHit = 0;
  for (let i = 0; i < n; i++) {
    const insert = i % 2 === 0;
    const t0 = performance.now();
    if (insert) doc.edit(line, text.length, 0, ',physnet3');
    else doc.edit(line, text.length, ',physnet3'.length, '');
    const done = await client.waitForAll(affected, (p) => p.t >= t0, timeoutMs);
    ensureAlive(client, 'ml2 edit');
    if (!done.done) {
      timeoutsHit++;
      if (timeoutsHit >= 2) break;
      continue;
    }
    totals.push(done.lastAt - t0);
    firsts.push(done.firstAt - t0);
    await sleep(200);
  }
  if (doc.text.split('\n')[line] !== text) doc.edit(line, 0, doc.text.split('\n')[line].length, text);
  await sleep(500);
  return { ...stats(totals), firstPublish: stats(firsts), affectedFiles: affected.length, timeouts: timeoutsHit, edit: `flat_networks = physnet1 <-> physnet1,physnet3 in ${doc.rel}` };
}

/**
 * ML2 rename in all three controllers (one workspace edit, three didChange back to back):
 * physnet1 <-> physnet9 in flat_networks. Every agent file's diagnostics change; measured
 * until all of them (and the ML2 files) are re-published.
 */
async function ml2RenameEdits(client, docs, agentUris, n, timeoutMs) {
  const affected = [...agentUris, ...docs.ml2.map((d) => d.uri)];
  const totals = [];
  const firsts = [];
  const out = {};
  let timeoutsHit = 0;
  let renamed = false;
  const where = docs.ml2.map((d) => at(d.text, 'flat_networks', FLAT_PHYSNET, 0));
  for (let i = 0; i < n; i++) {
    const [from, to] = renamed ? ['physnet9', FLAT_PHYSNET] : [FLAT_PHYSNET, 'physnet9'];
    const t0 = performance.now();
    docs.ml2.forEach((d, k) => d.edit(where[k].line, where[k].character, from.length, to));
    renamed = !renamed;
    const done = await client.waitForAll(affected, (p) => p.t >= t0, timeoutMs);
    ensureAlive(client, 'ml2 rename');
    if (!done.done) {
      timeoutsHit++;
      out.missingExample = done.missing.slice(0, 3);
      if (timeoutsHit >= 2) break;
      await sleep(1000);
      continue;
    }
    totals.push(done.lastAt - t0);
    firsts.push(done.firstAt - t0);
    await sleep(300);
  }
  if (renamed) {
    docs.ml2.forEach((d, k) => d.edit(where[k].line, where[k].character, 'physnet9'.length, FLAT_PHYSNET));
    await client.waitForAll(affected, () => true, timeoutMs);
  }
  await sleep(500);
  return { ...stats(totals), firstPublish: stats(firsts), affectedFiles: affected.length, timeouts: timeoutsHit, ...out, edit: 'flat_networks = physnet1 <-> physnet9 in the three ML2 files at once' };
}

/** Hover and completion at varied positions, one request at a time. */
async function requestLatencies(client, docs, n, timeoutMs) {
  const positions = requestPositions({ agent: docs.agent, ml2: docs.ml2[0], bridge: docs.bridge, port: docs.port, l3: docs.l3 });
  const out = {};
  for (const [kind, method, list] of [
    ['hover', 'textDocument/hover', positions.hover],
    ['completion', 'textDocument/completion', positions.completion],
  ]) {
    const latencies = [];
    const nonEmpty = [];
    const perPosition = new Map();
    let empty = 0;
    for (let i = 0; i < n; i++) {
      const [doc, position] = list[i % list.length];
      const { result: answer, ms } = await client.request(method, { textDocument: { uri: doc.uri }, position }, timeoutMs);
      latencies.push(ms);
      const key = `${path.basename(doc.uri)}:${position.line + 1}:${position.character + 1}`;
      perPosition.set(key, Math.max(perPosition.get(key) ?? 0, ms));
      if (answer === null || (kind === 'completion' && (answer.items ?? answer).length === 0)) empty++;
      else nonEmpty.push(ms);
      await sleep(2);
    }
    const slowest = [...perPosition].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${round(v, 1)} ms`);
    out[kind] = { ...stats(latencies), positions: list.length, emptyAnswers: empty, nonEmpty: stats(nonEmpty), slowest };
  }
  return out;
}

/**
 * neutronConfig/topology, as the picture asks for it: right after an edit of
 * an agent file (the graph built anew: the picture follows edits), again
 * without a change (the server keeps the graph until the index changes), and
 * with every host on its own. From request to the JSON answer received.
 */
async function topologyLatencies(client, doc, n, timeoutMs) {
  const pos = at(doc.text, 'bridge_mappings', ',', 0); // right after "br-ex"
  const afterEdit = [];
  const repeat = [];
  const ungrouped = [];
  let nodes = 0;
  let allNodes = 0;
  let refused;
  for (let i = 0; i < n; i++) {
    const insert = i % 2 === 0;
    const t0 = performance.now();
    const version = insert ? doc.edit(pos.line, pos.character, 0, 'x') : doc.edit(pos.line, pos.character, 1, '');
    if (!(await client.waitForPublish(doc.uri, (p) => p.version === version && p.t >= t0, timeoutMs))) throw new Error(`no diagnostics for topology edit ${i}`);
    const fresh = await client.request('neutronConfig/topology', {}, timeoutMs);
    afterEdit.push(fresh.ms);
    nodes = fresh.result.nodes.length;
    repeat.push((await client.request('neutronConfig/topology', {}, timeoutMs)).ms);
    if (i % 4 === 0 && !refused) {
      try {
        const all = await client.request('neutronConfig/topology', { group: 'never' }, timeoutMs);
        ungrouped.push(all.ms);
        allNodes = all.result.nodes.length;
      } catch (error) {
        // More nodes than the server answers (TOPOLOGY_MAX_NODES): refused, as a user would see it.
        if (error.code !== -32803) throw error;
        refused = error.message;
      }
    }
    await sleep(20);
  }
  if (n % 2 === 1) doc.edit(pos.line, pos.character, 1, '');
  // The first answer builds every host's wiring with code not yet optimised by V8; the others rebuild what the edit touched.
  return { first: { ms: round(afterEdit[0]), nodes }, afterEdit: { ...stats(afterEdit.slice(1)), nodes }, repeat: stats(repeat), ungrouped: refused ? { refused } : { ...stats(ungrouped), nodes: allNodes } };
}

/** `graph --format svg`, node start included: the picture a CI job attaches to its report. */
async function graphSvg(cli, dir) {
  const started = performance.now();
  const svg = execFileSync(process.execPath, [cli, 'graph', dir, '--format', 'svg'], { maxBuffer: 1 << 30 });
  return { wallMs: round(performance.now() - started), bytes: svg.length };
}

/** The picture's first paint in the real VS Code (scripts/run-editor-tests.mjs --bench-out, test/editor/bench.editor.ts). */
function editorFirstPaint(dir, tmp) {
  const outFile = path.join(tmp, `editor-paint-${path.basename(dir)}.json`);
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'run-editor-tests.mjs'), '--workspace', dir, '--bench-out', outFile, '--timeout', '900'], { stdio: ['ignore', 'ignore', 'inherit'] });
    return JSON.parse(readFileSync(outFile, 'utf8'));
  } catch (error) {
    return { error: String(error?.message ?? error).split('\n')[0] };
  }
}

/** Waits until every file the CLI reported on has its diagnostics published (push: clean files are never published). */
function initialDiagnostics(client, expected, timeoutMs) {
  return client.waitForAll([...expected.keys()], (p) => p.diagnostics.length === expected.get(p.uri), timeoutMs, true);
}

/**
 * An editor restoring its tabs: an agent with a planted physnet typo is open from the start.
 * Resolves once that file's diagnostics are correct.
 */
function openPlantedAgent(client, { dir, deployment, expected, timeouts }) {
  const openAtStart = deployment.planted.find((p) => p.rel.endsWith('openvswitch_agent.ini'));
  const openUri = pathToFileURL(path.join(dir, openAtStart.rel)).href;
  client.notify('textDocument/didOpen', { textDocument: { uri: openUri, languageId: 'ini', version: 1, text: deployment.files.find((f) => f.rel === openAtStart.rel).text } });
  return client.waitForAll([openUri], (p) => p.diagnostics.length === expected.get(openUri) && p.diagnostics.some((d) => d.code === 'physnet-undeclared'), timeouts.index, true);
}

/**
 * initialize → the open file's correct diagnostics, and → every file published, in fresh servers
 * that take turns with floor runs, as the CLI runs do: the figure of one session moves by a fifth
 * with the machine's speed from minute to minute. Each ratio is the median of each session's
 * ratio to the floor run next to it.
 */
async function indexingRuns(ctx, runs) {
  const { serverPath, dir, expected, timeouts } = ctx;
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const floorMs = await runFloor(dir);
    const { client, initializeSentAt } = await startServer(serverPath, dir);
    try {
      const openFileCorrect = openPlantedAgent(client, ctx);
      const all = await initialDiagnostics(client, expected, timeouts.index);
      const open = await openFileCorrect;
      if (!all.done || !open.done) throw new Error(`indexing run ${i + 1}: diagnostics incomplete after ${timeouts.index} ms`);
      samples.push({ openFileMs: round(open.firstAt - initializeSentAt), allMs: round(all.lastAt - initializeSentAt), floorMs: round(floorMs) });
      log(`  indexing run ${i + 1}/${runs}: open file ${samples[i].openFileMs} ms, all published ${samples[i].allMs} ms (floor next to it ${samples[i].floorMs} ms)`);
    } finally {
      await client.shutdown(10_000);
    }
  }
  const summary = (key) => ({
    medianMs: round(percentile(samples.map((s) => s[key]), 50)),
    medianFloorRatio: round(percentile(samples.map((s) => s[key] / s.floorMs), 50), 2),
  });
  return { runs: samples, openFile: summary('openFileMs'), allPublished: summary('allMs') };
}

async function serverSession(ctx) {
  const { serverPath, dir, deployment, expected, iterations, timeouts, deadline } = ctx;
  const result = { phases: {} };
  const uriOf = (rel) => pathToFileURL(path.join(dir, rel)).href;
  const { client, readyAt, initializeSentAt, initializeMs } = await startServer(serverPath, dir);
  result.serverStartMs = round(readyAt - client.spawnedAt);
  result.initializeMs = round(initializeMs, 2);
  const cpuBefore = cpuSeconds(client.pid);
  const openFileCorrect = openPlantedAgent(client, ctx);
  try {
    // -- initial index: the open file's correct diagnostics, the first of any file, and every expected file published
    const all = await initialDiagnostics(client, expected, timeouts.index);
    ensureAlive(client, 'indexing');
    const open = await openFileCorrect;
    result.openFileDiagnosticsMs = open.done ? round(open.firstAt - initializeSentAt) : null;
    result.firstDiagnosticsMs = round(client.firstPublishAt - initializeSentAt);
    result.allDiagnosticsMs = all.done ? round(all.lastAt - initializeSentAt) : null;
    if (!all.done) result.allDiagnosticsMissing = all.missing.length;
    const indexed = client.logMessages.map((m) => /Indexed (\d+) recognised file\(s\).* in (\d+) ms/.exec(m.message)).find(Boolean);
    result.serverReportedIndexMs = indexed ? Number(indexed[2]) : null;
    result.serverIndexedFiles = indexed ? Number(indexed[1]) : null;
    result.indexCpuS = round(cpuSeconds(client.pid) - cpuBefore, 2);
    result.rssAfterIndex = procStatus(client.pid);
    // physnet-undeclared as the server publishes them
    let serverTypos = 0;
    for (const publish of client.latest.values()) serverTypos += publish.diagnostics.filter((d) => d.code === 'physnet-undeclared').length;
    result.serverTyposFound = serverTypos;
    if (!all.done) throw new Error(`initial diagnostics incomplete after ${timeouts.index} ms (${all.missing.length} files missing)`);

    const docs = await openDocs(client, dir, deployment);
    const phase = async (name, run) => {
      if (Date.now() > deadline) {
        result.phases[name] = { skipped: 'time budget (--max-minutes) exhausted' };
        return;
      }
      ensureAlive(client, name);
      result.phases[name] = await run();
      // Where the peak comes from: memory as each phase ends.
      result.phases[name].memoryAfter = procStatus(client.pid);
    };
    const plantedUris = deployment.planted.map((p) => uriOf(p.rel));
    await phase('agentEditBridge', () => agentBridgeEdits(client, docs.agent, iterations.agent, timeouts.edit));
    await phase('ml2EditOneFile', () => ml2OneFileEdits(client, docs, plantedUris, iterations.ml2, timeouts.ml2));
    await phase('ml2RenameAllControllers', () => ml2RenameEdits(client, docs, deployment.agentFiles.map(uriOf), iterations.ml2, timeouts.ml2));
    const settle = Math.min(20_000, Math.max(200, 1.5 * (result.phases.ml2RenameAllControllers?.p50 ?? 500)));
    await phase('agentEditPhysnet', () => agentPhysnetEdits(client, docs.agent2, iterations.agentPhysnet, timeouts.ml2, settle));
    if (Date.now() <= deadline) Object.assign(result.phases, await requestLatencies(client, docs, iterations.requests, timeouts.request));
    await phase('topology', () => topologyLatencies(client, docs.agent, Math.max(12, Math.round(iterations.requests / 5)), timeouts.request));

    result.rssPeak = procStatus(client.pid);
    result.sessionCpuS = round(cpuSeconds(client.pid) - cpuBefore, 2);
  } finally {
    result.rssPeak ??= procStatus(client.pid);
    await client.shutdown(10_000);
  }
  return result;
}

/**
 * Hovers every 10 ms in fresh servers while they index, until the first diagnostics of another
 * file arrive (the index is done). The latencies of `sessions` servers are pooled: the p95 of the
 * 60-odd hovers of one session at 1,000 hosts moved between 7 and 12 ms from run to run.
 */
async function hoverDuringIndexing(ctx, sessions) {
  const latencies = [];
  const perSession = [];
  let nulls = 0;
  let file;
  for (let i = 0; i < sessions; i++) {
    const one = await hoverDuringOneIndexing(ctx);
    latencies.push(...one.latencies);
    nulls += one.nulls;
    file = one.file;
    perSession.push({ n: one.latencies.length, p95: round(percentile(one.latencies, 95), 2), indexDoneMs: one.indexDoneMs });
  }
  return { ...stats(latencies), nullAnswers: nulls, sessions: perSession, file };
}

/** One fresh server: an agent file open from the first moment, hovered until the index is done. */
async function hoverDuringOneIndexing(ctx) {
  const { serverPath, dir, deployment, timeouts } = ctx;
  const { client, initializeSentAt } = await startServer(serverPath, dir);
  try {
    const planted = new Set(deployment.planted.map((p) => p.rel));
    const rel = deployment.agentFiles.filter((f) => f.startsWith('compute-') && !planted.has(f)).at(-1);
    const text = deployment.files.find((f) => f.rel === rel).text;
    const doc = new Doc(client, pathToFileURL(path.join(dir, rel)).href, text, 'ini');
    const positions = [at(text, 'bridge_mappings', 'bridge_mappings', 3), at(text, 'bridge_mappings', FLAT_PHYSNET, 2), at(text, 'bridge_mappings', 'br-ex', 1)];
    const latencies = [];
    let nulls = 0;
    const until = performance.now() + timeouts.index;
    // Until the index is done: the first publication of a file other than the open one.
    const indexed = () => [...client.latest.keys()].some((uri) => uri !== doc.uri);
    for (let i = 0; !indexed() && performance.now() < until && i < 20_000; i++) {
      const { result, ms } = await client.request('textDocument/hover', { textDocument: { uri: doc.uri }, position: positions[i % positions.length] }, timeouts.index);
      latencies.push(ms);
      if (result === null) nulls++;
      await sleep(10);
    }
    ensureAlive(client, 'hover during indexing');
    return { latencies, nulls, indexDoneMs: client.firstPublishAt ? round(client.firstPublishAt - initializeSentAt) : null, file: rel };
  } finally {
    await client.shutdown(10_000);
  }
}

/**
 * A server session under `node --cpu-prof`: indexing, ML2 renames, agent edits, hover and
 * completion. Returns the profile file and the time window (CLOCK_MONOTONIC µs, the clock of the
 * profile's timestamps on Linux) of each phase, so each can be summarised on its own.
 */
async function profileServer(ctx, profileDir) {
  const { serverPath, dir, deployment, expected, timeouts } = ctx;
  const uriOf = (rel) => pathToFileURL(path.join(dir, rel)).href;
  const before = new Set(readdirSync(profileDir));
  const mark = () => Number(process.hrtime.bigint() / 1000n);
  const windows = {};
  const t0 = mark();
  const { client } = await startServer(serverPath, dir, ['--cpu-prof', '--cpu-prof-dir', profileDir]);
  try {
    const all = await initialDiagnostics(client, expected, timeouts.index);
    windows.indexing = [t0, mark()];
    if (!all.done) throw new Error('initial diagnostics incomplete');
    const docs = await openDocs(client, dir, deployment);
    let m = mark();
    await ml2RenameEdits(client, docs, deployment.agentFiles.map(uriOf), 4, timeouts.ml2);
    windows.ml2Rename = [m, mark()];
    m = mark();
    await agentBridgeEdits(client, docs.agent, 20, timeouts.edit);
    windows.agentEdits = [m, mark()];
    m = mark();
    await requestLatencies(client, docs, 100, timeouts.request);
    windows.hoverCompletion = [m, mark()];
  } finally {
    await client.shutdown(60_000);
  }
  await sleep(500);
  const file = readdirSync(profileDir).find((f) => !before.has(f) && f.endsWith('.cpuprofile'));
  return { file, windows };
}

// ---- one size ----------------------------------------------------------------------------

async function benchSize(size, options, env) {
  const out = { hosts: size };
  const deadline = env.startedAt + options.maxMinutes * 60_000;
  const scale = Math.max(1, size / 1000);
  const iterations = options.quick
    ? { agent: 20, agentPhysnet: 6, ml2: 4, requests: 60 }
    : { agent: 100, agentPhysnet: size >= 10000 ? 6 : 20, ml2: size >= 10000 ? 6 : 20, requests: 200 };
  const timeouts = {
    index: Math.max(120_000, 60 * size),
    edit: 10_000,
    ml2: Math.max(20_000, 20 * size),
    request: Math.max(10_000, 5 * size),
  };
  void scale;

  const generated = performance.now();
  const deployment = buildDeployment(size, options.seed, options.captures);
  const dir = path.join(env.tmp, `hosts-${size}`);
  writeDeployment(dir, deployment);
  out.generate = { ms: round(performance.now() - generated), files: deployment.files.length, ...deployment.counts, planted: deployment.planted.length };
  log(`  generated ${deployment.files.length} files (${deployment.counts.controllers} controllers, ${deployment.counts.networkNodes} network, ${deployment.counts.computes} compute), ${deployment.planted.length} typos planted`);

  // -- the floor (walk + read + split in a process of its own; every time below is also a ratio to
  // it) and the CLI cold check, run by turns: a machine whose speed drifts from minute to minute
  // (a shared host) then slows both alike, and each CLI run has a floor run next to it.
  const runs = options.runs ?? (size >= 10000 ? 3 : 5);
  const floorRuns = [];
  const cliRuns = [];
  let last;
  for (let i = 0; i < runs; i++) {
    floorRuns.push(await runFloor(dir));
    const loadBefore = load()[0];
    last = await runCli(env.cli, dir);
    if (last.code !== 0 && last.code !== 1) throw new Error(`CLI exited ${last.code}: ${last.stderr.slice(0, 2000)}`);
    cliRuns.push({ wallMs: round(last.wallMs), cpuS: round(last.cpuS, 2), maxRssMB: last.maxRssMB, load1: loadBefore, floorMs: round(floorRuns[i]) });
    log(`  CLI run ${i + 1}/${runs}: ${round(last.wallMs)} ms wall (floor next to it ${round(floorRuns[i])} ms), ${round(last.cpuS, 2) ?? '?'} s CPU, load ${loadBefore}`);
    if (last.wallMs > 120_000) break;
  }
  out.floor = { runs: floorRuns.map((ms) => round(ms)), medianWallMs: round(percentile(floorRuns, 50)) };
  log(`  floor (walk, read, split): median ${out.floor.medianWallMs} ms over ${floorRuns.length} runs`);
  const walls = cliRuns.map((r) => r.wallMs);
  out.cli = {
    runs: cliRuns,
    medianWallMs: round(percentile(walls, 50)),
    minWallMs: round(Math.min(...walls)),
    medianCpuS: round(percentile(cliRuns.map((r) => r.cpuS ?? NaN), 50), 2),
    maxRssMB: Math.max(...cliRuns.map((r) => r.maxRssMB ?? 0)) || null,
    // The median of each run's ratio to the floor run next to it.
    medianFloorRatio: round(percentile(cliRuns.map((r) => r.wallMs / r.floorMs), 50), 2),
    exitCode: last.code,
  };

  // -- where a cold check's time goes (--timing), and what the same code costs once warm: node's
  // start + loading the bundle + the fastest later check in one process (each on a collected heap),
  // by turns with the floor.
  // Not a goal: it says how much of the CLI's ratio cold code explains, and how much it cannot.
  const timed = await runCli(env.cli, dir, [], ['--timing']);
  out.cli.timing = timingPhases(timed.stderr);
  log(`  CLI --timing: ${Object.entries(out.cli.timing.phases).map(([k, v]) => `${k} ${v}`).join(', ')}; garbage collection ${out.cli.timing.gcMs} ms`);
  const warmRuns = [];
  for (let i = 0; i < runs; i++) {
    const floorMs = await runFloor(dir);
    const warm = await runWarm(env.cli, dir, size >= 10000 ? 3 : 5);
    const warmCheckMs = Math.min(...warm.runsMs.slice(1));
    const boundMs = warm.startMs + warm.loadMs + warmCheckMs;
    warmRuns.push({ floorMs: round(floorMs), startMs: round(warm.startMs), loadMs: round(warm.loadMs), coldCheckMs: round(warm.runsMs[0]), warmCheckMs: round(warmCheckMs), boundMs: round(boundMs) });
    log(`  warm run ${i + 1}/${runs}: start ${round(warm.startMs)} + load ${round(warm.loadMs)} + warm check ${round(warmCheckMs)} ms (cold check ${round(warm.runsMs[0])} ms; floor next to it ${round(floorMs)} ms)`);
  }
  out.cli.warm = {
    runs: warmRuns,
    medianBoundMs: round(percentile(warmRuns.map((r) => r.boundMs), 50)),
    medianFloorRatio: round(percentile(warmRuns.map((r) => r.boundMs / r.floorMs), 50), 2),
  };

  // -- typos: CLI JSON physnet-undeclared findings against the planted ones
  const report = JSON.parse(last.stdout);
  const texts = new Map(deployment.files.map((f) => [f.rel, f.text]));
  const found = new Set();
  const expected = new Map(); // uri -> number of diagnostics
  for (const d of report.diagnostics) {
    const uri = pathToFileURL(path.join(dir, d.file)).href;
    expected.set(uri, (expected.get(uri) ?? 0) + 1);
    if (d.code !== 'physnet-undeclared') continue;
    const line = (texts.get(d.file) ?? '').split('\n')[d.range.start.line] ?? '';
    found.add(`${d.file}|${line.slice(d.range.start.character, d.range.end.character)}`);
  }
  const plantedKeys = new Set(deployment.planted.map((p) => `${p.rel}|${p.physnet}`));
  const codes = {};
  for (const d of report.diagnostics) codes[d.code] = (codes[d.code] ?? 0) + 1;
  out.typos = {
    planted: plantedKeys.size,
    foundByCli: found.size,
    match: found.size === plantedKeys.size && [...plantedKeys].every((k) => found.has(k)),
    missed: [...plantedKeys].filter((k) => !found.has(k)),
    unexpected: [...found].filter((k) => !plantedKeys.has(k)),
    diagnosticsByCode: codes,
    cliFiles: report.files.length,
  };

  if (Date.now() < deadline) {
    out.graphSvg = await graphSvg(env.cli, dir);
    log(`  graph --format svg: ${out.graphSvg.wallMs} ms, ${out.graphSvg.bytes} bytes`);
  }

  // -- server
  const ctx = { serverPath: env.server, dir, deployment, expected, iterations, timeouts, deadline };
  if (Date.now() < deadline) {
    log('  server session (index, edits, hover, completion) ...');
    try {
      out.server = await serverSession(ctx);
      out.typos.foundByServer = out.server.serverTyposFound;
    } catch (error) {
      out.server = { error: String(error?.stack ?? error) };
      log(`  server session failed: ${error?.message ?? error}`);
    }
  } else out.server = { skipped: 'time budget exhausted' };

  if (Date.now() < deadline) {
    log('  indexing in fresh servers, by turns with the floor ...');
    try {
      out.indexing = await indexingRuns(ctx, runs);
    } catch (error) {
      out.indexing = { error: String(error?.message ?? error) };
      log(`  indexing runs failed: ${error?.message ?? error}`);
    }
  }

  if (size >= 1000 && Date.now() < deadline) {
    log('  hover while indexing ...');
    try {
      out.hoverDuringIndexing = await hoverDuringIndexing(ctx, runs);
    } catch (error) {
      out.hoverDuringIndexing = { error: String(error?.message ?? error) };
    }
  }

  if (options.editor && size >= 1000 && Date.now() < deadline) {
    log('  topology picture in the real VS Code ...');
    out.editorPaint = editorFirstPaint(dir, env.tmp);
    if (out.editorPaint.error) log(`  editor bench failed: ${out.editorPaint.error}`);
    else log(`  first paint: cold ${out.editorPaint.cold.totalMs} ms, warm median ${out.editorPaint.warmMedianMs} ms (a bare webview: ${out.editorPaint.bareWebviewMedianMs} ms)`);
  }

  if (options.profile && Date.now() < deadline) {
    log('  CPU profiles ...');
    const profileDir = path.join(env.outDir, `profiles-${env.stamp}`, `hosts-${size}`);
    mkdirSync(profileDir, { recursive: true });
    out.profiles = {};
    const before = new Set(readdirSync(profileDir));
    await runCli(env.cli, dir, ['--cpu-prof', '--cpu-prof-dir', profileDir]);
    const cliProfile = readdirSync(profileDir).find((f) => !before.has(f) && f.endsWith('.cpuprofile'));
    const server = await profileServer(ctx, profileDir).catch((e) => (log(`  server profile failed: ${e.message}`), undefined));
    const jobs = [['cli', cliProfile, undefined]];
    if (server?.file) for (const [name, window] of Object.entries(server.windows)) jobs.push([`server-${name}`, server.file, window]);
    const renamed = new Map();
    for (const [name, file, window] of jobs) {
      if (!file) continue;
      const target = name === 'cli' ? 'cli.cpuprofile' : 'server.cpuprofile';
      if (!renamed.has(file)) {
        copyFileSync(path.join(profileDir, file), path.join(profileDir, target));
        rmSync(path.join(profileDir, file));
        renamed.set(file, target);
      }
      const full = path.join(profileDir, renamed.get(file));
      const summary = summariseProfile(full, { top: 25, window });
      out.profiles[name] = { file: path.relative(ROOT, full), window, totalMs: summary.totalMs, busyMs: summary.busyMs, top: summary.self.slice(0, 15), topInclusive: summary.inclusive.slice(0, 15) };
      log(`\n  ${name} profile (${path.relative(ROOT, full)}${window ? `, window ${window.join('..')} µs` : ''}):\n${formatSummary(summary, 15)}`);
    }
  }

  if (!options.keep) rmSync(dir, { recursive: true, force: true });
  else out.dir = dir;
  out.loadavgAfter = load();
  return out;
}

// ---- report --------------------------------------------------------------------------------

function fmt(x, unit = 'ms') {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (unit === 'ms' && x >= 10_000) return `${round(x / 1000, 1)} s`;
  return `${round(x, x < 10 ? 1 : 0)} ${unit}`.trim();
}

function table(results, meta) {
  const sizes = results.map((r) => r.hosts);
  const get = (fn) => results.map((r) => {
    try {
      return fn(r) ?? '–';
    } catch {
      return '–';
    }
  });
  const pair = (s) => (s && s.n ? `${fmt(s.p50)} / ${fmt(s.p95)}` : '–');
  const ratio = (ms, r) => (ms && r.floor?.medianWallMs ? ` (${round(ms / r.floor.medianWallMs, 2)}× floor)` : '');
  // The medians of the fresh indexing servers (indexingRuns); the main session's figure when they did not run.
  const indexed = (r, key, sessionMs) => {
    const m = r.indexing?.[key];
    return m ? `${fmt(m.medianMs)} (${m.medianFloorRatio}× floor)` : `${fmt(sessionMs)}${ratio(sessionMs, r)}`;
  };
  const rows = [
    ['files (planted typos)', get((r) => `${r.generate.files} (${r.generate.planted})`), ''],
    ['floor: walk + read + split, median wall', get((r) => fmt(r.floor?.medianWallMs)), ''],
    ['CLI cold check, median wall (× the floor run next to it)', get((r) => `${fmt(r.cli.medianWallMs)}${r.cli.medianFloorRatio ? ` (${r.cli.medianFloorRatio}× floor)` : ratio(r.cli.medianWallMs, r)}`), '≤ 2× floor'],
    ['  its phases (--timing): walk+read / parse+index / rules; GC', get((r) => { const p = r.cli.timing.phases; return `${fmt(p['walk and read'])} / ${fmt(p['parse and index'])} / ${fmt(p.rules)}; ${fmt(r.cli.timing.gcMs)}`; }), ''],
    ['  same code warm: node start + load + fastest later check, median', get((r) => `${fmt(r.cli.warm.medianBoundMs)} (${r.cli.warm.medianFloorRatio}× floor)`), 'not a goal'],
    ['CLI CPU user+sys, median', get((r) => fmt(r.cli.medianCpuS, 's')), ''],
    ['CLI max RSS', get((r) => fmt(r.cli.maxRssMB, 'MB')), ''],
    ['server: initialize → open file\'s correct diagnostics, median (× floor)', get((r) => indexed(r, 'openFile', r.server.openFileDiagnosticsMs)), '≤ 2.5× floor'],
    ['server: initialize → first diagnostics (any file)', get((r) => `${fmt(r.server.firstDiagnosticsMs)}${ratio(r.server.firstDiagnosticsMs, r)}`), ''],
    ['server: initialize → all files published, median (× floor)', get((r) => indexed(r, 'allPublished', r.server.allDiagnosticsMs)), '≤ 3× floor'],
    ['server: indexing CPU (user+sys)', get((r) => fmt(r.server.indexCpuS, 's')), ''],
    [`agent edit (bridge) → publish p50/p95`, get((r) => pair(r.server.phases.agentEditBridge)), `< 20 ms`],
    ['agent edit (physnet) → publish p50/p95', get((r) => pair(r.server.phases.agentEditPhysnet)), ''],
    ['ML2 edit, 1 file → affected published p50/p95', get((r) => pair(r.server.phases.ml2EditOneFile)), '< 300 ms'],
    ['ML2 rename, 3 files → all agents published p50/p95', get((r) => pair(r.server.phases.ml2RenameAllControllers)), '< 150 ms'],
    ['hover p50/p95 (non-empty answers only)', get((r) => `${pair(r.server.phases.hover)} (${pair(r.server.phases.hover.nonEmpty)})`), '< 10 ms'],
    ['completion p50/p95 (non-empty answers only)', get((r) => `${pair(r.server.phases.completion)} (${pair(r.server.phases.completion.nonEmpty)})`), '< 10 ms'],
    ['hover while indexing p50/p95 (n, pooled over fresh servers)', get((r) => (r.hoverDuringIndexing?.n ? `${pair(r.hoverDuringIndexing)} (${r.hoverDuringIndexing.n})` : '–')), '< 10 ms'],
    ['topology, first of the session, grouped (nodes)', get((r) => `${fmt(r.server.phases.topology.first.ms)} (${r.server.phases.topology.first.nodes})`), ''],
    ['topology after an agent edit p50/p95, grouped', get((r) => pair(r.server.phases.topology.afterEdit)), '< 50 ms'],
    ['topology asked again, unchanged p50/p95', get((r) => pair(r.server.phases.topology.repeat)), ''],
    ['topology after an edit, every host p50/p95 (nodes)', get((r) => (r.server.phases.topology.ungrouped.refused ? 'refused (too many nodes)' : `${pair(r.server.phases.topology.ungrouped)} (${r.server.phases.topology.ungrouped.nodes})`)), ''],
    ['CLI graph --format svg, wall', get((r) => fmt(r.graphSvg?.wallMs)), ''],
    ['picture first paint in VS Code, warm median (bare webview)', get((r) => (r.editorPaint?.warmMedianMs !== undefined ? `${fmt(r.editorPaint.warmMedianMs)} (${fmt(r.editorPaint.bareWebviewMedianMs)})` : '–')), '< 1 s'],
    ['server RSS after index / peak (VmHWM)', get((r) => `${fmt(r.server.rssAfterIndex.vmRssMB, 'MB')} / ${fmt(r.server.rssPeak.vmHwmMB, 'MB')}`), '< 150 MB'],
    ['typos planted / CLI / server', get((r) => `${r.typos.planted} / ${r.typos.foundByCli} / ${r.typos.foundByServer ?? '–'} ${r.typos.match && r.typos.foundByServer === r.typos.planted ? 'match' : 'MISMATCH'}`), 'equal'],
    ['load average (1 min) before → after', get((r) => `${r.cli.runs[0].load1} → ${r.loadavgAfter[0]}`), ''],
  ];
  const head = ['metric', ...sizes.map((s) => `${s} hosts`), 'goal (1k)'];
  const all = [head, ...rows.map(([name, values, goal]) => [name, ...values, goal])];
  const widths = head.map((_, i) => Math.max(...all.map((row) => String(row[i]).length)));
  const line = (row) => '| ' + row.map((cell, i) => String(cell).padEnd(widths[i])).join(' | ') + ' |';
  return [line(head), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map(([n, v, g]) => line([n, ...v, g]))].join('\n');
}

function goals(results, meta) {
  const byHosts = new Map(results.map((r) => [r.hosts, r]));
  const k1 = byHosts.get(1000);
  const k10 = byHosts.get(10000);
  const verdicts = [];
  const check = (name, value, limit, unit = 'ms') => verdicts.push({ goal: name, value: round(value, 1), limit, unit, pass: value !== null && value !== undefined && !Number.isNaN(value) ? value < limit : null });
  const floorRatio = (r, ms) => (r?.floor?.medianWallMs && ms ? ms / r.floor.medianWallMs : undefined);
  if (k1) {
    // Issue #18: ratios to the floor of the same run, which hold from machine to machine.
    check('1k: CLI cold check / floor', k1.cli.medianFloorRatio ?? floorRatio(k1, k1.cli.medianWallMs), 2, '×');
    check('1k: initialize → open file\'s correct diagnostics / floor', k1.indexing?.openFile?.medianFloorRatio ?? floorRatio(k1, k1.server?.openFileDiagnosticsMs), 2.5, '×');
    check('1k: initialize → all files published / floor', k1.indexing?.allPublished?.medianFloorRatio ?? floorRatio(k1, k1.server?.allDiagnosticsMs), 3, '×');
    check('1k: hover p95 while indexing', k1.hoverDuringIndexing?.p95, 10);
    check('1k: CLI cold check', k1.cli.medianWallMs, 1000);
    check('1k: first diagnostics after initialize', k1.server?.firstDiagnosticsMs, 1500);
    check('1k: agent edit p95 (as shipped, debounce included)', k1.server?.phases?.agentEditBridge?.p95, 20);
    check('1k: ML2 edit (one file) p95, all affected re-published', k1.server?.phases?.ml2EditOneFile?.p95, 300);
    check('1k: ML2 rename (3 files) p95, all agents re-published', k1.server?.phases?.ml2RenameAllControllers?.p95, 150);
    check('1k: hover p95', k1.server?.phases?.hover?.p95, 10);
    check('1k: completion p95', k1.server?.phases?.completion?.p95, 10);
    check('1k: topology graph after an edit (grouped) p95, built and sent', k1.server?.phases?.topology?.afterEdit?.p95, 50);
    check('1k: server peak RSS', k1.server?.rssPeak?.vmHwmMB, 150, 'MB');
  }
  if (k1 && k10) {
    // Issue #18: ten times the hosts, at most ten times the time.
    check('10k/1k CLI time ratio', k10.cli.medianWallMs / k1.cli.medianWallMs, 10, '×');
    const openFileMs = (r) => r.indexing?.openFile?.medianMs ?? r.server?.openFileDiagnosticsMs;
    check('10k/1k open file\'s correct diagnostics ratio', openFileMs(k10) / openFileMs(k1), 10, '×');
  }
  if (k10) {
    check('10k: hover p95 while indexing', k10.hoverDuringIndexing?.p95, 10);
    check('10k: server peak RSS', k10.server?.rssPeak?.vmHwmMB, 700, 'MB');
  }
  for (const r of results) verdicts.push({ goal: `${r.hosts}: typos found = planted (CLI and server)`, pass: r.typos.match && r.typos.foundByServer === r.typos.planted });
  return verdicts;
}

/**
 * Bundles the server and the CLI as they ship (esbuild.mjs --production: minified, names kept),
 * with linked source maps besides, so that profiles map back to server/src (the maps cost nothing
 * at run time: node does not read them without --enable-source-maps).
 */
async function buildBundles(outdir) {
  const esbuild = await import('esbuild');
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    external: ['vscode'],
    sourcemap: 'linked',
    sourcesContent: false,
    minify: true,
    keepNames: true,
    define: { __NEUTRON_CONFIG_VERSION__: JSON.stringify(version) },
    logLevel: 'error',
  };
  await Promise.all([
    esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: path.join(outdir, 'server.js') }),
    esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: path.join(outdir, 'cli.js') }),
    // Graphviz for `graph --format svg`, beside cli.js as in dist/ (render/loadRenderer.ts looks there).
    esbuild.build({ ...common, entryPoints: ['server/src/render/svg.ts'], outfile: path.join(outdir, 'render.js'), sourcemap: false }),
  ]);
}

// ---- main ------------------------------------------------------------------------------------

let logLines = [];
function log(message) {
  logLines.push(message);
  console.error(message);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.serverNodeArgs) serverNodeArgs = options.serverNodeArgs;
  const startedAt = Date.now();
  const stamp = new Date().toISOString().replace(/[:]/g, '-').replace(/\..*$/, '');
  const outDir = path.resolve(ROOT, options.out);
  mkdirSync(outDir, { recursive: true });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'neutron-bench-'));
  // The measured code: the shipped (production) bundle, with source maps, built from the
  // working tree into a private directory, so concurrent builds of dist/ cannot change it mid-run.
  // With --dist DIR, prebuilt bundles from DIR are copied instead.
  const snapshot = options.profile ? path.join(outDir, `profiles-${stamp}`, 'dist') : path.join(tmp, 'dist');
  mkdirSync(snapshot, { recursive: true });
  if (options.dist) {
    const distDir = path.resolve(ROOT, options.dist);
    for (const name of ['server.js', 'server.js.map', 'cli.js', 'cli.js.map', 'render.js']) {
      if (existsSync(path.join(distDir, name))) copyFileSync(path.join(distDir, name), path.join(snapshot, name));
    }
  } else {
    await buildBundles(snapshot);
  }
  const server = path.join(snapshot, 'server.js');
  const cli = path.join(snapshot, 'cli.js');
  if (!existsSync(server) || !existsSync(cli)) throw new Error(`no server.js or cli.js in ${snapshot}`);
  const bundle = readFileSync(server, 'utf8');
  const sources = ['server/src/lsp/workspaceSync.ts', 'server/src/lsp/diagnostics.ts'].map((f) => {
    try {
      return readFileSync(path.join(ROOT, f), 'utf8');
    } catch {
      return '';
    }
  });
  const meta = {
    date: new Date().toISOString(),
    machine: machineInfo(),
    debounceMs: constantFrom([bundle, ...sources], 'EDIT_DEBOUNCE_MS'),
    coalesceMs: constantFrom([bundle, ...sources], 'COALESCE_MS'),
    serverNodeArgs,
    options,
    notes: [
      'Latencies are measured in the client process (performance.now at send, at arrival of the message).',
      'Push diagnostics: the server publishes only files whose diagnostics changed, so each timed edit toggles a finding.',
      'Agent edits go through the shipped per-document debounce (debounceMs) and the push coalescing delay (coalesceMs).',
    ],
  };
  log(`neutron-config benchmark: sizes ${options.sizes.join(', ')}; ${meta.machine.nproc} CPUs (${meta.machine.cpuModel}), node ${meta.machine.node}, load ${meta.machine.loadavgAtStart.join(' ')}`);
  log(`edit debounce ${meta.debounceMs} ms, push coalescing ${meta.coalesceMs} ms; server node flags: ${serverNodeArgs.join(' ') || '(none)'}; temp dir ${tmp}`);
  const env = { tmp, server, cli, outDir, stamp, startedAt };
  const results = [];
  const cleanup = () => {
    if (!options.keep) rmSync(tmp, { recursive: true, force: true });
  };
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    for (const size of options.sizes) {
      log(`\n== ${size} hosts`);
      const t = performance.now();
      try {
        results.push(await benchSize(size, options, env));
      } catch (error) {
        log(`  failed: ${error?.stack ?? error}`);
        results.push({ hosts: size, error: String(error?.stack ?? error) });
      }
      log(`  (${round((performance.now() - t) / 1000)} s)`);
    }
  } finally {
    cleanup();
  }
  const complete = results.filter((r) => !r.error);
  const verdicts = goals(complete, meta);
  const file = path.join(outDir, `${stamp}.json`);
  writeFileSync(file, JSON.stringify({ ...meta, results, goals: verdicts, durationS: round((Date.now() - startedAt) / 1000) }, null, 2) + '\n');
  console.log(`\nneutron-config benchmark, ${meta.date}: ${meta.machine.nproc} × ${meta.machine.cpuModel}, node ${meta.machine.node}, git ${meta.machine.git.head}${meta.machine.git.changedFiles ? ` (+${meta.machine.git.changedFiles} changed files)` : ''}`);
  console.log(`Edits are debounced ${meta.debounceMs} ms per document and pushed after ${meta.coalesceMs} ms coalescing; figures below include both (* as shipped).\n`);
  if (complete.length) console.log(table(complete, meta));
  for (const r of results.filter((x) => x.error)) console.log(`\n${r.hosts} hosts failed: ${r.error.split('\n')[0]}`);
  console.log('\nGoals (issues 7 and 18):');
  for (const v of verdicts) console.log(`  ${v.pass === null ? '?   ' : v.pass ? 'PASS' : 'FAIL'}  ${v.goal}${v.value !== undefined ? `: ${v.value}${v.unit === '×' ? '×' : ` ${v.unit}`} (limit ${v.limit}${v.unit === '×' ? '×' : ` ${v.unit}`})` : ''}`);
  console.log(`\nWritten ${path.relative(process.cwd(), file)}`);
}

main().catch((error) => {
  console.error(error?.stack ?? error);
  process.exit(1);
});
