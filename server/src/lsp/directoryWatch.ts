import * as fs from 'fs';
import * as path from 'path';
import { ASYNC_DISK, IO_CONCURRENCY, SKIPPED_DIRECTORIES, createLimiter, isPathInside, yieldToEventLoop } from '../fsWalk';
import { errorMessage } from './runSafe';

/** Sub-directories set up per turn of the event loop (each `fs.watch` is a system call). */
const ENTRIES_PER_TURN = 256;

/** The directory a watcher watches, kept on the watcher for the listeners shared by all. */
const DIRECTORY = Symbol('directory');
type DirectoryWatcher = fs.FSWatcher & { [DIRECTORY]: string };

/** Where a watch says something happened: a path whose entry was created, changed or removed. */
export type PathTouched = (file: string) => void;

/** A folder watched for changes on disk, with its sub-directories. */
export interface TreeWatch {
  /** Resolves once every directory that was there at the start is watched. */
  readonly ready: Promise<void>;
  /** A directory appeared (created, moved in): watch it and what is below it; resolves once they are watched. */
  directoryAppeared(dir: string): Promise<void>;
  /** Paths that are gone: stop watching the directories among them and below them. */
  pathsGone(paths: readonly string[]): void;
  close(): void;
}

/**
 * Node's own recursive watch, where the system provides one (FSEvents on
 * macOS, ReadDirectoryChangesW on Windows): one handle for the whole tree.
 */
export function nativeTreeWatch(root: string, touched: PathTouched, failed: (error: Error) => void): TreeWatch {
  const watcher = fs.watch(root, { recursive: true, persistent: false }, (_event, name) => {
    if (name) touched(path.join(root, name.toString()));
  });
  watcher.on('error', failed);
  return { ready: Promise.resolve(), directoryAppeared: () => Promise.resolve(), pathsGone: () => undefined, close: () => watcher.close() };
}

/**
 * A tree watched one directory at a time, for Linux. Node emulates a recursive
 * watch there by watching every file and every directory and keeping a
 * `Stats` of each: 12,000 inotify watches and about 20 MB of heap for the
 * 1,000-host bench tree, listed synchronously before `fs.watch` returns (340 ms
 * with the event loop blocked), and `.git` and `node_modules` included. inotify
 * on a directory already reports what happens to its entries, so this watches
 * the directories only (6,700 watches, 4 MB), lists them asynchronously, and
 * leaves out the directories the walk skips. Symbolic links to directories inside the tree are followed
 * as the walk follows them, each real directory once.
 */
export class DirectoryTreeWatch implements TreeWatch {
  readonly ready: Promise<void>;
  /** Each directory watched, by the path it was reached by. */
  private readonly watchers = new Map<string, DirectoryWatcher>();
  /** The real path of each directory watched whose path is not its real path (reached through a link, or the root is one). */
  private readonly realPathOf = new Map<string, string>();
  /** Those real paths: with the plain directories' paths, what is watched already. */
  private readonly linkedRealPaths = new Set<string>();
  /** One listener for every directory's events and one for its errors (a closure per directory costs 100 bytes of heap). */
  private readonly onEvent: (this: DirectoryWatcher, event: string, name: string | Buffer | null) => void;
  private readonly onError: (this: DirectoryWatcher) => void;
  private readonly limit = createLimiter(IO_CONCURRENCY, true);
  private realRoot: string | undefined;
  private closed = false;
  /** Set once the system refused another watch (inotify's limit): nothing more is added. */
  private full = false;

  constructor(
    private readonly root: string,
    touched: PathTouched,
    private readonly warn: (message: string) => void,
  ) {
    // In the listeners `this` is the watcher.
    const tree = this;
    this.onEvent = function (_event, name) {
      if (name) touched(path.join(this[DIRECTORY], name.toString()));
    };
    // The directory removed or no longer readable: its parent's watch reports it.
    this.onError = function () {
      tree.unwatch(this[DIRECTORY]);
    };
    this.ready = ASYNC_DISK.realpath(root).then(
      (real) => {
        this.realRoot = real;
        return this.add(root, real);
      },
      (error: unknown) => this.warn(`Cannot watch ${root}: ${errorMessage(error)}. Changes made outside the editor are not seen until the server restarts.`),
    );
  }

  /** The directories watched, as reached from the root. */
  watchedDirectories(): string[] {
    return [...this.watchers.keys()];
  }

  directoryAppeared(dir: string): Promise<void> {
    if (this.closed || this.watchers.has(dir) || !this.realRoot || !isPathInside(dir, this.root) || skipped(dir, this.root)) return Promise.resolve();
    return ASYNC_DISK.realpath(dir).then(
      (real) => this.add(dir, real),
      () => undefined, // gone again: nothing to watch
    );
  }

  pathsGone(paths: readonly string[]): void {
    const gone = new Set(paths.filter((p) => this.watchers.has(p)));
    if (gone.size === 0) return;
    for (const dir of [...this.watchers.keys()]) {
      for (let at = dir; at.length >= this.root.length; at = path.dirname(at)) {
        if (gone.has(at)) {
          this.unwatch(dir);
          break;
        }
        if (at === path.dirname(at)) break;
      }
    }
  }

  close(): void {
    this.closed = true;
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    this.realPathOf.clear();
    this.linkedRealPaths.clear();
  }

  /** Watches `dir` (real path `real`), then its sub-directories. */
  private async add(dir: string, real: string): Promise<void> {
    if (this.closed || this.full || this.isWatched(real) || (this.realRoot && !isPathInside(real, this.realRoot))) return;
    // Watch before listing: an entry created in between is reported, not missed.
    if (!this.watch(dir, real)) return;
    let entries: fs.Dirent[];
    try {
      entries = await this.limit(() => ASYNC_DISK.readdir(dir));
    } catch {
      return; // gone or unreadable: the walk reports what it cannot read
    }
    const below: Promise<void>[] = [];
    let sinceYield = 0;
    for (const entry of entries) {
      if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
      // A directory of 10,000 hosts is not watched in one turn of the event loop.
      if (++sinceYield === ENTRIES_PER_TURN) {
        sinceYield = 0;
        await yieldToEventLoop();
        if (this.closed) return;
      }
      const child = path.join(dir, entry.name);
      // Below a plain directory the real path is the path (one string for both).
      if (entry.isDirectory()) below.push(this.add(child, real === dir ? child : path.join(real, entry.name)));
      else if (entry.isSymbolicLink()) below.push(this.addLink(child));
    }
    await Promise.all(below);
  }

  private async addLink(link: string): Promise<void> {
    try {
      const real = await ASYNC_DISK.realpath(link);
      if ((await ASYNC_DISK.stat(real)).isDirectory()) await this.add(link, real);
    } catch {
      // a dangling link: nothing below it to watch
    }
  }

  /** Whether the directory with this real path is watched already. */
  private isWatched(real: string): boolean {
    return this.linkedRealPaths.has(real) || (this.watchers.has(real) && !this.realPathOf.has(real));
  }

  private watch(dir: string, real: string): boolean {
    let watcher: DirectoryWatcher;
    try {
      watcher = fs.watch(dir, { persistent: false }) as DirectoryWatcher;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EMFILE') {
        this.full = true;
        this.warn(
          `Watching ${this.root} stopped at ${this.watchers.size} directories: the system allows no more file watches (${code}; on Linux, raise fs.inotify.max_user_watches). Changes in the other directories made outside the editor are not seen until the server restarts.`,
        );
      }
      return false;
    }
    watcher[DIRECTORY] = dir;
    watcher.on('change', this.onEvent);
    watcher.on('error', this.onError);
    this.watchers.set(dir, watcher);
    if (real !== dir) {
      this.realPathOf.set(dir, real);
      this.linkedRealPaths.add(real);
    }
    return true;
  }

  private unwatch(dir: string): void {
    const watcher = this.watchers.get(dir);
    if (!watcher) return;
    this.watchers.delete(dir);
    // Watched again if the directory comes back.
    const real = this.realPathOf.get(dir);
    if (real !== undefined) {
      this.realPathOf.delete(dir);
      this.linkedRealPaths.delete(real);
    }
    watcher.close();
  }
}

/** Whether a directory under `root` lies in a directory the walk skips. */
function skipped(dir: string, root: string): boolean {
  return path
    .relative(root, dir)
    .split(path.sep)
    .some((segment) => SKIPPED_DIRECTORIES.has(segment));
}
