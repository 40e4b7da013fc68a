// Aggregates a V8 .cpuprofile (node --cpu-prof) by function: self time and
// inclusive time, with bundle positions mapped back to the TypeScript sources
// through the bundle's source map when one lies next to it.
//
//   node bench/cpuprofile-summary.mjs FILE.cpuprofile [--top N] [--window FROM_US..TO_US] [--json]

import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const maps = new Map();

function sourceMapFor(url) {
  if (!url.startsWith('file://')) return undefined;
  if (maps.has(url)) return maps.get(url);
  let map;
  try {
    const file = fileURLToPath(url);
    if (existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
  } catch {
    map = undefined;
  }
  maps.set(url, map);
  return map;
}

/**
 * Where a profiled function stands: "server/src/core/x.ts:12" for a bundle position, or
 * "dist/server.js:1234" / "node:internal/..." otherwise; and its name in the source (the
 * shipped bundles are minified: the profile names a function `gS` where the source says `run`).
 */
function locate(callFrame) {
  const { url, lineNumber, columnNumber } = callFrame;
  if (!url) return { where: '', name: undefined };
  const map = sourceMapFor(url);
  if (map && lineNumber >= 0) {
    const entry = map.findEntry(lineNumber, columnNumber);
    if (entry && entry.originalSource) {
      const source = entry.originalSource.replace(/^file:\/\//, '').replace(/^(\.\.\/)+/, '').replace(/^.*?\/(server|client|node_modules)\//, '$1/');
      return { where: `${source}:${entry.originalLine + 1}`, name: entry.name };
    }
  }
  const short = url.replace(/^file:\/\//, '');
  return { where: `${short.includes('/') ? path.basename(short) : short}:${lineNumber + 1}`, name: undefined };
}

/**
 * `window` [fromUs, toUs] keeps only samples taken in that span of the profile's clock
 * (CLOCK_MONOTONIC µs on Linux, the clock of process.hrtime).
 */
export function summariseProfile(file, { top = 25, window } = {}) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const keyOf = new Map();
  const info = new Map();
  for (const n of profile.nodes) {
    const cf = n.callFrame;
    const located = locate(cf);
    const where = located.where;
    const name = (cf.functionName && located.name) || cf.functionName || (cf.url ? '(anonymous)' : '(root)');
    const key = `${name} ${where}`;
    keyOf.set(n.id, key);
    if (!info.has(key)) info.set(key, { function: name, location: where, selfMs: 0, inclusiveMs: 0 });
  }
  let totalUs = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let clock = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    clock += deltas[i] ?? 0;
    if (window && (clock < window[0] || clock > window[1])) continue;
    // timeDeltas[i] is the time before sample i; attribute the next delta to this sample.
    const us = Math.max(0, deltas[i + 1] ?? deltas[i] ?? 0);
    totalUs += us;
    const id = samples[i];
    info.get(keyOf.get(id)).selfMs += us / 1000;
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const key = keyOf.get(n);
      if (seen.has(key)) continue;
      seen.add(key);
      info.get(key).inclusiveMs += us / 1000;
    }
  }
  const totalMs = totalUs / 1000;
  const idleMs = [...info.values()].filter((r) => r.function === '(idle)').reduce((a, r) => a + r.selfMs, 0);
  const busyMs = Math.max(1e-9, totalMs - idleMs);
  const rows = [...info.values()].filter((r) => r.function !== '(root)' && r.function !== '(idle)');
  // Percentages are of the busy time (samples that were not idle).
  const pct = (ms) => Math.round((1000 * ms) / busyMs) / 10;
  const shape = (r) => ({ function: r.function, location: r.location, selfMs: Math.round(r.selfMs), selfPct: pct(r.selfMs), inclusiveMs: Math.round(r.inclusiveMs), inclusivePct: pct(r.inclusiveMs) });
  const self = rows.sort((a, b) => b.selfMs - a.selfMs).slice(0, top).map(shape);
  const inclusive = [...info.values()]
    .filter((r) => r.location.startsWith('server/'))
    .sort((a, b) => b.inclusiveMs - a.inclusiveMs)
    .slice(0, top)
    .map(shape);
  void nodes;
  return { file, totalMs: Math.round(totalMs), busyMs: Math.round(busyMs), self, inclusive };
}

export function formatSummary(summary, top = 20) {
  const lines = [`  ${summary.totalMs} ms sampled, ${summary.busyMs} ms busy (not idle); % of busy`, '  self ms   self%  incl ms  function (location)'];
  for (const r of summary.self.slice(0, top)) {
    lines.push(`  ${String(r.selfMs).padStart(7)}  ${String(r.selfPct).padStart(5)}%  ${String(r.inclusiveMs).padStart(7)}  ${r.function} (${r.location})`);
  }
  lines.push('  -- inclusive, our code (server/src) --');
  for (const r of summary.inclusive.slice(0, Math.min(top, 12))) {
    lines.push(`  ${String(r.inclusiveMs).padStart(7)}  ${String(r.inclusivePct).padStart(5)}%  ${r.function} (${r.location})`);
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const file = args[0];
  const topIndex = args.indexOf('--top');
  const fromIndex = args.indexOf('--window');
  const window = fromIndex >= 0 ? args[fromIndex + 1].split('..').map(Number) : undefined;
  const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 25;
  if (!file) {
    console.error('usage: node bench/cpuprofile-summary.mjs FILE.cpuprofile [--top N] [--window FROM_US..TO_US] [--json]');
    process.exit(2);
  }
  const summary = summariseProfile(file, { top, window });
  if (args.includes('--json')) console.log(JSON.stringify(summary, null, 2));
  else console.log(`${file}\n${formatSummary(summary, top)}`);
}
