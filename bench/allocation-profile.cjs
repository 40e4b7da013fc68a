// What a run allocates, garbage included (issue #18): a preload that samples
// every allocation with V8's sampling heap profiler, keeping the samples of
// objects the collector has since freed (node's own --heap-prof drops them and
// shows only what is live at exit), and on exit writes the profile and the
// functions that allocated most, as self-allocated megabytes.
//
//   ALLOCATION_PROFILE=out.heapprofile node -r ./bench/allocation-profile.cjs dist/cli.js check DIR --format json > /dev/null
//
// The .heapprofile opens in Chrome DevTools (Memory tab, load profile) as well.
'use strict';
const inspector = require('node:inspector');
const fs = require('node:fs');

const out = process.env.ALLOCATION_PROFILE || 'allocation.heapprofile';
const top = Number(process.env.ALLOCATION_TOP || 25);
const session = new inspector.Session();
session.connect();
session.post('HeapProfiler.enable');
session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });

function summary(profile) {
  const bySite = new Map();
  let total = 0;
  const visit = (node) => {
    const frame = node.callFrame;
    const where = frame.url ? `${frame.url.split('/').pop()}:${frame.lineNumber + 1}` : '(built-in)';
    const site = `${frame.functionName || '(anonymous)'} ${where}`;
    if (node.selfSize) {
      bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
      total += node.selfSize;
    }
    for (const child of node.children) visit(child);
  };
  visit(profile.head);
  const lines = [`allocated (sampled): ${(total / 1e6).toFixed(1)} MB`];
  for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${(bytes / 1e6).toFixed(2).padStart(8)} MB  ${site}`);
  return lines.join('\n');
}

let written = false;
function finish() {
  if (written) return;
  written = true;
  // The inspector answers synchronously within the same thread.
  session.post('HeapProfiler.stopSampling', (error, result) => {
    if (error) return process.stderr.write(`allocation profile: ${error.message}\n`);
    fs.writeFileSync(out, JSON.stringify(result.profile));
    process.stderr.write(`${summary(result.profile)}\n(written to ${out})\n`);
  });
}
const exit = process.exit;
process.exit = function (code) {
  finish();
  return exit.call(process, code);
};
process.on('beforeExit', finish);
