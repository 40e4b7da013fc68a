// The CLI's check once its code is warm (issue #18): in one process, node's
// start, loading the bundle, then the same check several times. The first run
// is the cold check; the fastest later one shows what the same code costs
// when V8 has compiled it, every catalogue is built and the heap has grown.
// Start + load + that run is the least a process started for one check could
// take with today's code: cold code alone cannot be blamed beyond it. With
// --expose-gc, each check starts on a collected heap, as in a fresh process,
// not with the garbage of the check before.
//
//   node --expose-gc bench/warm.cjs CLI DIR [RUNS]     prints {"startMs","loadMs","runsMs":[...]}
const startMs = performance.now();
const [cli, dir, runs = '3'] = process.argv.slice(2);
const loadStarted = performance.now();
const { run } = require(require('node:path').resolve(cli));
const loadMs = performance.now() - loadStarted;
const io = { cwd: dir, colour: false, stdout: () => {}, stderr: () => {} };

(async () => {
  const runsMs = [];
  for (let i = 0; i < Number(runs); i++) {
    globalThis.gc?.();
    const started = performance.now();
    const status = await run(['check', dir, '--format', 'json', '--root', dir], io);
    if (status !== 0 && status !== 1) throw new Error(`check exited ${status}`);
    runsMs.push(performance.now() - started);
  }
  process.stdout.write(`${JSON.stringify({ startMs, loadMs, runsMs })}\n`);
})().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(2);
});
