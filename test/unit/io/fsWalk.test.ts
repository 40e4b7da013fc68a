/**
 * The disk side of the server and the CLI: walking folders (order, symlinks,
 * loops, errors) and reading many files at once, blocking or not.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SLOW_CALLS_TOLERATED, blockingWhileFast, createLimiter, inspectPath, isPathInside, listFiles, readTextFiles, relativePosixPath, walkFiles, type BlockingWhileFast, type LinkSkip } from '../../../server/src/fsWalk';

/** Every way the faces reach the disk: each must find and read the same files. */
const IO_MODES: [mode: string, io: () => { synchronous?: boolean; adaptive?: BlockingWhileFast }][] = [
  ['concurrent', () => ({})],
  ['blocking', () => ({ synchronous: true })],
  ['blocking while fast', () => ({ adaptive: blockingWhileFast() })],
  // Every call counts as slow: the thread pool takes over part-way through.
  ['blocking until the disk is slow', () => ({ adaptive: blockingWhileFast({ slowMs: -1 }) })],
];

/** Larger than one first read, with a multi-byte character across the 64 KiB boundary. */
const LARGE = 'x'.repeat(65535) + '\u00e9' + 'y'.repeat(70000);
const EXACT = 'z'.repeat(65536);

describe('walking and reading files', () => {
  let dir: string;
  const rel = (files: string[]) => files.map((f) => path.relative(dir, f).split(path.sep).join('/'));

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'neutron-fswalk-'));
    const write = (relative: string, content: string | Buffer) => {
      fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
      fs.writeFileSync(path.join(dir, relative), content);
    };
    write('b/z.ini', 'z');
    write('b/a.ini', 'a');
    write('a/deep/er/x.ini', 'x');
    write('top.ini', '\ufefftop');
    write('c/garbage.ini', Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x41]));
    write('node_modules/skip.ini', 'no');
    write('d/large.ini', LARGE);
    write('d/exact.ini', EXACT);
    for (let i = 0; i < 120; i++) write(`many/f${String(i).padStart(3, '0')}.ini`, `file ${i}`);
    // A link back to an ancestor (a loop), a second way to reach a directory, and a dangling link.
    fs.symlinkSync(dir, path.join(dir, 'a', 'loop'));
    fs.symlinkSync(path.join(dir, 'b'), path.join(dir, 'link-to-b'));
    fs.symlinkSync(path.join(dir, 'nowhere.ini'), path.join(dir, 'dangling.ini'));
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const [mode, io] of IO_MODES) {
    it(`${mode}: yields files in a stable order, each directory once, skipping package caches and loops`, async () => {
      const errors: string[] = [];
      const files = await listFiles(dir, { ...io(), onError: (file) => errors.push(path.basename(file)) });
      const many = Array.from({ length: 120 }, (_, i) => `many/f${String(i).padStart(3, '0')}.ini`);
      assert.deepEqual(rel(files), ['top.ini', 'a/deep/er/x.ini', 'b/a.ini', 'b/z.ini', 'c/garbage.ini', 'd/exact.ini', 'd/large.ini', ...many]);
      assert.deepEqual(errors, ['dangling.ini']);
    });

    it(`${mode}: does not report unreadable entries nobody asked for`, async () => {
      const errors: string[] = [];
      const files = await listFiles(dir, { ...io(), accept: (f) => f.endsWith('x.ini'), onError: (file) => errors.push(file) });
      assert.deepEqual(rel(files), ['a/deep/er/x.ini']);
      assert.deepEqual(errors, []);
    });

    it(`${mode}: reads files in the order asked, BOM kept, any bytes, errors in place`, async () => {
      const wanted = ['top.ini', 'dangling.ini', 'c/garbage.ini', ...Array.from({ length: 100 }, (_, i) => `many/f${String(i).padStart(3, '0')}.ini`)];
      const results = [];
      for await (const read of readTextFiles(wanted.map((f) => path.join(dir, f)), { ...io(), concurrency: 7 })) results.push(read);
      assert.deepEqual(rel(results.map((r) => r.path)), wanted);
      assert.equal(results[0].text, '\ufefftop');
      assert.equal(results[1].error?.code, 'ENOENT');
      assert.equal(results[2].text, '\ufffd\ufffd\u0000\ufffd(A');
      results.slice(3).forEach((r, i) => assert.equal(r.text, `file ${i}`));
    });

    it(`${mode}: reads files larger than one read whole`, async () => {
      const results = [];
      for await (const read of readTextFiles([path.join(dir, 'd', 'large.ini'), path.join(dir, 'd', 'exact.ini'), dir], io())) results.push(read);
      assert.equal(results[0].text, LARGE);
      assert.equal(results[1].text, EXACT);
      assert.equal(results[2].error?.code, 'EISDIR');
    });

    it(`${mode}: walks and reads a single file given as the root`, async () => {
      assert.deepEqual(rel(await listFiles(path.join(dir, 'b', 'a.ini'), io())), ['b/a.ini']);
      const errors: string[] = [];
      assert.deepEqual(await listFiles(path.join(dir, 'absent'), { ...io(), onError: (_file, e) => errors.push(e.code ?? '') }), []);
      assert.deepEqual(errors, ['ENOENT']);
    });
  }

  it('blocks while the disk answers fast, and hands over to the thread pool for good after a few slow calls', async () => {
    const fast = blockingWhileFast();
    assert.equal(fast.blocking, true);
    const slow = blockingWhileFast({ slowMs: -1 });
    const calls: boolean[] = [];
    for (let i = 0; i < SLOW_CALLS_TOLERATED + 2; i++) {
      calls.push(slow.blocking);
      await slow.disk.stat(dir);
    }
    assert.deepEqual(calls, [...Array(SLOW_CALLS_TOLERATED).fill(true), false, false]);
  });

  it('a blocking walk hands over between directories, even where it finds nothing wanted', async () => {
    let pauses = 0;
    const pause = async () => {
      pauses++;
    };
    const files = await listFiles(dir, { synchronous: true, accept: () => false, pauseEvery: { ms: 0, pause } });
    assert.deepEqual(files, []);
    assert.ok(pauses >= 5, `${pauses} pauses`);
    // Not while it goes through the thread pool: each call hands over anyway.
    pauses = 0;
    await listFiles(dir, { accept: () => false, pauseEvery: { ms: 0, pause } });
    assert.equal(pauses, 0);
  });

  it('stops quietly when cancelled', async () => {
    let seen = 0;
    for await (const file of walkFiles(dir, { isCancelled: () => seen >= 3 })) {
      assert.ok(file);
      seen++;
    }
    assert.equal(seen, 3);
  });

  it('the limiter runs at most N tasks at once, all of them in the end', async () => {
    const limit = createLimiter(3);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limit(async () => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((resolve) => setTimeout(resolve, 1 + (i % 3)));
          running--;
          if (i === 5) throw new Error('five');
          return i;
        }).catch((error: Error) => error.message),
      ),
    );
    assert.equal(peak, 3);
    assert.deepEqual(results, Array.from({ length: 20 }, (_, i) => (i === 5 ? 'five' : i)));
  });
});

describe('symbolic links confined to the workspace, and the size limit (issue #12)', () => {
  let base: string;
  let dir: string;
  let outside: string;
  const rel = (files: string[]) => files.map((f) => path.relative(dir, f).split(path.sep).join('/'));

  before(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'neutron-links-'));
    dir = path.join(base, 'ws');
    outside = path.join(base, 'elsewhere');
    fs.mkdirSync(path.join(dir, 'etc', 'neutron', 'plugins', 'ml2'), { recursive: true });
    fs.mkdirSync(path.join(outside, 'conf'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'etc', 'neutron', 'plugins', 'ml2', 'ml2_conf.ini'), '[ml2]\n');
    fs.writeFileSync(path.join(outside, 'secret.ini'), 'not yours');
    fs.writeFileSync(path.join(outside, 'conf', 'inner.ini'), 'not yours either');
    // RDO's plugin.ini, relative: the same file under a second name.
    fs.symlinkSync('plugins/ml2/ml2_conf.ini', path.join(dir, 'etc', 'neutron', 'plugin.ini'));
    fs.symlinkSync(path.join(outside, 'secret.ini'), path.join(dir, 'etc', 'neutron', 'stolen.ini'));
    fs.symlinkSync(path.join(outside, 'conf'), path.join(dir, 'etc', 'conf-link'));
    fs.symlinkSync(path.join(dir, 'missing.ini'), path.join(dir, 'etc', 'dangling.ini'));
    fs.writeFileSync(path.join(dir, 'etc', 'big.ini'), 'x'.repeat(200_000));
  });

  after(() => fs.rmSync(base, { recursive: true, force: true }));

  for (const [mode, io] of IO_MODES) {
    it(`${mode}: follows links only inside, passes over a second name of a walked file, reports the rest`, async () => {
      const skips: string[] = [];
      const errors: string[] = [];
      const files = await listFiles(dir, {
        ...io(),
        confineTo: [fs.realpathSync(dir)],
        onSkip: (file, skip: LinkSkip, isDirectory) => skips.push(`${path.relative(dir, file)} ${skip.reason}${isDirectory ? ' (directory)' : ''}`),
        onError: (file) => errors.push(file),
      });
      assert.deepEqual(rel(files), ['etc/big.ini', 'etc/neutron/plugins/ml2/ml2_conf.ini']);
      assert.deepEqual(skips.sort(), [
        'etc/conf-link link-outside-workspace (directory)',
        'etc/dangling.ini dangling-link',
        'etc/neutron/stolen.ini link-outside-workspace',
      ]);
      assert.deepEqual(errors, []);
    });

    it(`${mode}: a file over maxBytes is not read; its size is given`, async () => {
      const results = [];
      const files = [path.join(dir, 'etc', 'big.ini'), path.join(dir, 'etc', 'neutron', 'plugins', 'ml2', 'ml2_conf.ini')];
      for await (const read of readTextFiles(files, { ...io(), maxBytes: 100_000 })) results.push(read);
      assert.deepEqual(results[0].tooLarge, { bytes: 200_000 });
      assert.equal(results[0].text, undefined);
      assert.equal(results[1].text, '[ml2]\n');
      const small = [];
      for await (const read of readTextFiles(files, { ...io(), maxBytes: 3 })) small.push(read.tooLarge?.bytes);
      assert.deepEqual(small, [200_000, 6], 'files smaller than one read are measured too');
      const whole = [];
      for await (const read of readTextFiles(files, { ...io(), maxBytes: 1_000_000 })) whole.push(read.text);
      assert.deepEqual(whole, ['x'.repeat(200_000), '[ml2]\n'], 'a file larger than one read is read whole, and the next one after it');
    });
  }

  it('without confineTo, links are followed as before', async () => {
    const files = await listFiles(dir);
    assert.ok(rel(files).includes('etc/neutron/stolen.ini'));
    assert.ok(rel(files).includes('etc/neutron/plugin.ini'));
  });

  it('inspectPath: one path, as a file event sees it', async () => {
    const real = [fs.realpathSync(dir)];
    const any = () => true;
    assert.equal(await inspectPath(path.join(dir, 'etc', 'big.ini'), real, any), undefined);
    assert.equal((await inspectPath(path.join(dir, 'etc', 'neutron', 'plugin.ini'), real, any))?.reason, 'walked-anyway');
    assert.deepEqual(await inspectPath(path.join(dir, 'etc', 'neutron', 'stolen.ini'), real, any), {
      reason: 'link-outside-workspace',
      target: fs.realpathSync(path.join(outside, 'secret.ini')),
    });
    assert.deepEqual(await inspectPath(path.join(dir, 'etc', 'dangling.ini'), real, any), { reason: 'dangling-link', target: path.join(dir, 'missing.ini') });
    await assert.rejects(inspectPath(path.join(dir, 'absent.ini'), real, any), { code: 'ENOENT' });
  });
});

describe('paths below a folder', () => {
  const cases: [from: string, to: string][] = [
    ['/srv/deploy', '/srv/deploy/compute-0/etc/neutron/neutron.conf'],
    ['/srv/deploy', '/srv/deploy'],
    ['/srv/deploy', '/srv/deployment/x.ini'],
    ['/srv/deploy', '/srv/other/x.ini'],
    ['/srv/deploy', '/srv/deploy/./a/../b.ini'],
    ['/srv/deploy', '/srv/deploy//b.ini'],
    ['/srv/deploy/', '/srv/deploy/b.ini'],
    ['/', '/etc/neutron/neutron.conf'],
  ];

  it('relativePosixPath says what path.relative says', () => {
    for (const [from, to] of cases) assert.equal(relativePosixPath(from, to), path.relative(from, to), `${from} -> ${to}`);
  });

  it('isPathInside says whether path.relative leaves the folder', () => {
    for (const [from, to] of cases) {
      const relative = path.relative(from, to);
      assert.equal(isPathInside(to, from), relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative)), `${from} -> ${to}`);
    }
  });
});
