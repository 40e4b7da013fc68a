// Hostile inputs through the CLI (issue #12): each case is one generated file in
// a small deployment, checked cold with `node dist/cli.js check DIR --format json`.
//
//   node bench/hostile.mjs [--runs N (3)] [--dist DIR (dist)]
//
// Prints wall time (median of N), max RSS and the number of findings per case.
// Every run has a deadline (120 s); a case over it is reported as such.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const runs = Number(option('runs', 3));
const cli = path.resolve(option('dist', path.join(ROOT, 'dist')), 'cli.js');
const DEADLINE_MS = 120_000;

const AGENT = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const ML2_TEXT = '[ml2]\ntype_drivers = flat,vlan\n[ml2_type_flat]\nflat_networks = physnet1\n[ml2_type_vlan]\nnetwork_vlan_ranges = physnet2:100:200\n';

/** A seeded byte stream (mulberry32), so every run reads the same "random" file. */
function randomBytes(n, seed = 7) {
  let a = seed >>> 0;
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (t ^ (t >>> 14)) & 0xff;
  }
  return out;
}

const OS_NET_CONFIG = 'compute-0/etc/os-net-config/config.yaml';
/** os-net-config bridges each holding the next one, `depth` levels down (the YAML fast path leaves deep nesting to the library). */
const nested = (depth) => {
  let text = 'network_config:\n';
  for (let i = 0, pad = ''; i < depth; i++, pad += '  ') text += `${pad}- type: ovs_bridge\n${pad}  name: br-${i}\n${pad}  members:\n`;
  return `${text}${'  '.repeat(depth)}- type: interface\n${'  '.repeat(depth)}  name: nic1\n`;
};

const mapping = (n) => `[ovs]\nbridge_mappings = ${Array.from({ length: n }, (_, i) => `physnet${i}:br-${i}`).join(',')}\n`;
const CASES = [
  ['bridge_mappings, 10,000 entries (one line)', AGENT, () => mapping(10_000)],
  ['bridge_mappings, 80,000 entries (1 MB line)', AGENT, () => mapping(80_000)],
  ['a value continued over 100,000 lines', AGENT, () => `[ovs]\nbridge_mappings = physnet1:br-ex,\n${'    physnet1:br-ex,\n'.repeat(100_000)}`],
  ['100,000 sections', AGENT, () => Array.from({ length: 100_000 }, (_, i) => `[s${i}]\n`).join('')],
  ['200,000 duplicate options', AGENT, () => `[ovs]\n${'integration_bridge = br-int\n'.repeat(200_000)}`],
  ['a 5 MB single line', AGENT, () => `[ovs]\nbridge_mappings = ${'a'.repeat(5 * 1024 * 1024)}\n`],
  ['a 50 MB file (over the 8 MB limit)', AGENT, () => `[ovs]\n${'# padding padding padding padding\n'.repeat(1_600_000)}`],
  ['1 MB of random bytes named ml2_conf.ini', ML2, () => randomBytes(1024 * 1024)],
  ['os-net-config, 100,000 interfaces', OS_NET_CONFIG, () => `network_config:\n${Array.from({ length: 100_000 }, (_, i) => `- type: interface\n  name: nic${i}\n`).join('')}`],
  ['os-net-config nested 1,000 bridges deep', OS_NET_CONFIG, () => nested(1_000)],
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

console.log(`| input | wall (median of ${runs}) | max RSS | findings |`);
console.log('|---|---|---|---|');
for (const [name, file, make] of CASES) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'neutron-hostile-'));
  try {
    for (const [p, text] of [[ML2, ML2_TEXT], [file, make()]]) {
      mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
      writeFileSync(path.join(dir, p), text);
    }
    const walls = [];
    let rss = 0;
    let findings = '?';
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const useTime = existsSync('/usr/bin/time');
      const result = useTime
        ? spawnSync('/usr/bin/time', ['-f', 'RSSKB %M', process.execPath, cli, 'check', dir, '--format', 'json'], { timeout: DEADLINE_MS, maxBuffer: 1 << 30 })
        : spawnSync(process.execPath, [cli, 'check', dir, '--format', 'json'], { timeout: DEADLINE_MS, maxBuffer: 1 << 30 });
      const wall = performance.now() - started;
      if (result.error || result.signal) {
        walls.push(Infinity);
        break;
      }
      walls.push(wall);
      const kb = /RSSKB (\d+)/.exec(result.stderr.toString());
      if (kb) rss = Math.max(rss, Number(kb[1]) / 1024);
      findings = JSON.parse(result.stdout.toString()).diagnostics.length.toLocaleString('en-US');
    }
    const wall = median(walls);
    const shown = wall === Infinity ? `over ${DEADLINE_MS / 1000} s` : wall >= 1000 ? `${(wall / 1000).toFixed(2)} s` : `${Math.round(wall)} ms`;
    console.log(`| ${name} | ${shown} | ${rss ? `${Math.round(rss)} MB` : '?'} | ${findings} |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
