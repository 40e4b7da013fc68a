/**
 * The server's own watch on Linux, one directory at a time: which directories
 * it watches, that it reports what happens in them, and that it follows
 * directories that appear and forgets those that go.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DirectoryTreeWatch } from '../../../server/src/lsp/directoryWatch';

const DEADLINE_MS = 10_000;

/** Resolves once `probe` holds, checking every few milliseconds; rejects after the deadline. */
function until(what: string, probe: () => boolean): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (probe()) return resolve();
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(check, 5);
    };
    check();
  });
}

describe('watching a tree one directory at a time', { skip: process.platform !== 'linux' && 'inotify only' }, () => {
  let root: string;
  let outside: string;
  let watch: DirectoryTreeWatch;
  const touched: string[] = [];
  const warnings: string[] = [];
  const watched = () => watch.watchedDirectories().map((d) => path.relative(root, d) || '.').sort();

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'neutron-watch-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'neutron-watch-outside-'));
    for (const dir of ['a/b', '.git/objects', 'node_modules/x', 'c']) fs.mkdirSync(path.join(root, dir), { recursive: true });
    fs.writeFileSync(path.join(root, 'a/b/ml2_conf.ini'), '[ml2]\n');
    fs.symlinkSync(path.join(root, 'c'), path.join(root, 'link-to-c'));
    fs.symlinkSync(outside, path.join(root, 'link-outside'));
    fs.symlinkSync(path.join(root, 'nowhere'), path.join(root, 'dangling'));
    watch = new DirectoryTreeWatch(root, (file) => touched.push(file), (message) => warnings.push(message));
    await watch.ready;
  });

  after(() => {
    watch?.close();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('watches each real directory once, and none the walk skips or outside the tree', () => {
    // `c` is reached both as itself and through `link-to-c`: the real directory is watched.
    assert.deepEqual(watched(), ['.', 'a', 'a/b', 'c']);
    assert.deepEqual(warnings, []);
  });

  it('reports a file changed deep in the tree', async () => {
    const file = path.join(root, 'a/b/ml2_conf.ini');
    fs.appendFileSync(file, 'type_drivers = flat\n');
    await until('the change reported', () => touched.includes(file));
  });

  it('watches a directory that appears, and reports what changes in it', async () => {
    fs.mkdirSync(path.join(root, 'compute-1/etc'), { recursive: true });
    await until('the new directory reported', () => touched.includes(path.join(root, 'compute-1')));
    // Resolved once the directory and those below it are watched.
    await watch.directoryAppeared(path.join(root, 'compute-1'));
    assert.ok(watched().includes('compute-1/etc'));
    const file = path.join(root, 'compute-1/etc/openvswitch_agent.ini');
    fs.writeFileSync(file, '[ovs]\n');
    await until('the new file reported', () => touched.includes(file));
  });

  it('does not watch a directory that appears inside a skipped one', async () => {
    watch.directoryAppeared(path.join(root, 'node_modules/x'));
    watch.directoryAppeared(path.join(root, '.git/objects'));
    // Both calls return at once: nothing is listed for them.
    assert.ok(!watched().some((d) => d.startsWith('node_modules') || d.startsWith('.git')));
  });

  it('forgets a directory that is gone, with what was below it, and watches it again when it comes back', async () => {
    fs.rmSync(path.join(root, 'a'), { recursive: true });
    watch.pathsGone([path.join(root, 'a'), path.join(root, 'not-watched')]);
    assert.deepEqual(watched(), ['.', 'c', 'compute-1', 'compute-1/etc']);
    fs.mkdirSync(path.join(root, 'a/b'), { recursive: true });
    await watch.directoryAppeared(path.join(root, 'a'));
    assert.ok(watched().includes('a/b'));
  });

  it('watches a tree reached through a link under the link, each directory once', async () => {
    const link = path.join(outside, 'tree');
    fs.symlinkSync(root, link);
    const events: string[] = [];
    const throughLink = new DirectoryTreeWatch(link, (file) => events.push(file), (message) => warnings.push(message));
    try {
      await throughLink.ready;
      const dirs = throughLink.watchedDirectories().map((d) => path.relative(link, d) || '.').sort();
      assert.deepEqual(dirs, ['.', 'a', 'a/b', 'c', 'compute-1', 'compute-1/etc']);
      const file = path.join(root, 'c/ovn.ini');
      fs.writeFileSync(file, '[ovn]\n');
      await until('the change reported under the link', () => events.includes(path.join(link, 'c/ovn.ini')));
    } finally {
      throughLink.close();
    }
  });

  it('watches nothing more once closed', () => {
    watch.close();
    assert.deepEqual(watch.watchedDirectories(), []);
    watch.directoryAppeared(path.join(root, 'c'));
    assert.deepEqual(watch.watchedDirectories(), []);
  });
});
