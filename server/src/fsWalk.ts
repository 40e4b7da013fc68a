/**
 * Walks directory trees on disk for the faces that read files (the LSP server
 * indexing a workspace folder, the CLI). The analysis core never touches the
 * file system; this module is where that happens.
 *
 * Disk operations run concurrently (bounded), because each one is a round trip
 * to libuv's thread pool: awaited one at a time, a workspace of thousands of
 * small files spends most of its indexing time waiting. Results still come
 * out in a stable order.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { SkipReason } from './core/workspace/skippedFiles';

/** Why a walk passed over a wanted file reached through a symbolic link. */
export type LinkSkip = Extract<SkipReason, { reason: 'dangling-link' | 'link-outside-workspace' }>;

/** Directory names never descended into: package caches and version-control metadata. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn']);

/**
 * Disk operations (directory listings, file reads) in flight at once by default:
 * libuv's thread pool has 4 threads, so more only piles up completions that
 * then run back to back on the event loop (measured: hover latency while
 * indexing grows with 8 or 32, indexing time does not shrink).
 */
export const IO_CONCURRENCY = 4;

export interface WalkOptions {
  /** Whether a file (absolute path) is wanted. Every file is wanted when omitted. */
  accept?: (absolutePath: string) => boolean;
  /**
   * Called when an entry cannot be listed or inspected. Errors on files that
   * `accept` rejects are not reported (a dangling symlink nobody asked for is
   * not a failure).
   */
  onError?: (absolutePath: string, error: NodeJS.ErrnoException) => void;
  /** Directory listings in flight at once. Default IO_CONCURRENCY. */
  concurrency?: number;
  /**
   * Real paths of the folders symbolic links may lead into. When given, a
   * link whose target lies outside all of them is not followed, and a link
   * to a wanted file that the walk reaches under its own name anyway is
   * passed over (it would be checked twice). A link to nothing is reported
   * to `onSkip` instead of `onError`.
   */
  confineTo?: readonly string[];
  /** A link the walk does not follow (with `confineTo`): wanted files, and directories (`isDirectory`). */
  onSkip?: (absolutePath: string, skip: LinkSkip, isDirectory: boolean) => void;
  /** Polled between entries; the walk stops quietly once it returns true. */
  isCancelled?: () => boolean;
  /**
   * Told each directory's entry names before any of them is looked at (an
   * ignore-file reader picks up `.gitignore` here), then asked of each entry
   * whether to leave it out: an excluded directory is not descended into.
   */
  excludes?: {
    listed(dir: string, names: readonly string[]): void;
    excluded(absolutePath: string, isDirectory: boolean): boolean;
  };
  /**
   * Use blocking system calls instead. On a local disk that is several times
   * cheaper than a thread-pool round trip per call, so it suits a process that
   * has nothing else to do meanwhile (the CLI); a server must not block.
   */
  synchronous?: boolean;
  /**
   * Blocking system calls while each is fast, the thread pool from the first
   * slow one on (see `blockingWhileFast`); overrides `synchronous`. For a
   * server that hands the event loop back between short slices of work.
   */
  adaptive?: BlockingWhileFast;
  /**
   * While calls block: after `ms` of walking, between two directories, the
   * walk awaits `pause()` (a turn of the event loop for requests), even when
   * it has found no wanted file meanwhile.
   */
  pauseEvery?: { ms: number; pause: () => Promise<void> };
}

/** The disk operations a walk needs, blocking or not; both report failures as rejected promises. */
export interface Disk {
  stat(p: string): Promise<fs.Stats>;
  lstat(p: string): Promise<fs.Stats>;
  realpath(p: string): Promise<string>;
  readlink(p: string): Promise<string>;
  readdir(p: string): Promise<fs.Dirent[]>;
  /** The text, or the file's size when it is larger than `maxBytes`. */
  readText(p: string, maxBytes?: number): Promise<string | TooLarge>;
}

/** A file not read because it is larger than the limit. */
export interface TooLarge {
  bytes: number;
}

/** The callback API wrapped once: cheaper per call than `fs.promises`. */
function callback<T>(call: (done: (error: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => call((error, value) => (error ? reject(error) : resolve(value))));
}

/**
 * Disk calls through the thread pool. Other modules use it instead of
 * `fs.promises`, whose first use loads and compiles its module (about 10 ms
 * that a request would wait).
 */
export const ASYNC_DISK: Disk = {
  stat: (p) => callback((done) => fs.stat(p, done)),
  lstat: (p) => callback((done) => fs.lstat(p, done)),
  realpath: (p) => callback((done) => fs.realpath(p, done)),
  readlink: (p) => callback((done) => fs.readlink(p, done)),
  readdir: (p) => callback((done) => fs.readdir(p, { withFileTypes: true }, done)),
  readText: readTextAsync,
};

/** Size of the first read: configuration files fit, so most files take one read and no `fstat`. */
const FIRST_READ = 64 * 1024;
/** First-read buffers not in use, kept for the next reads. */
const spareBuffers: Buffer[] = [];

/**
 * `fs.readFile(p, 'utf8')` with fewer thread-pool round trips: open, one read
 * of FIRST_READ bytes (the whole file, for a configuration file), close
 * without waiting. Larger files are checked against `maxBytes` (one `fstat`)
 * and read by `fs.readFile` on the open descriptor. Decoding is the same
 * (`Buffer#toString('utf8')`).
 */
function readTextAsync(p: string, maxBytes = Infinity): Promise<string | TooLarge> {
  return new Promise((resolve, reject) => {
    fs.open(p, 'r', (openError, fd) => {
      if (openError) return reject(openError);
      const close = () => fs.close(fd, () => undefined);
      const readWhole = () =>
        fs.readFile(fd, (error, whole) => {
          close();
          if (error) reject(error);
          else resolve(whole.toString('utf8'));
        });
      const buffer = spareBuffers.pop() ?? Buffer.allocUnsafe(FIRST_READ);
      const release = () => {
        if (spareBuffers.length < IO_CONCURRENCY) spareBuffers.push(buffer);
      };
      fs.read(fd, buffer, 0, FIRST_READ, 0, (readError, bytesRead) => {
        if (readError) {
          close();
          release();
          return reject(readError);
        }
        if (bytesRead < FIRST_READ) {
          close();
          const result = bytesRead > maxBytes ? { bytes: bytesRead } : buffer.toString('utf8', 0, bytesRead);
          release();
          return resolve(result);
        }
        release();
        if (maxBytes === Infinity) return readWhole();
        fs.fstat(fd, (statError, stats) => {
          if (statError || stats.size <= maxBytes) return readWhole();
          close();
          resolve({ bytes: stats.size });
        });
      });
    });
  });
}

/** One buffer for the blocking reads: a configuration file fits, and is decoded straight out of it. */
const SMALL_READ = Buffer.allocUnsafe(64 * 1024);

/**
 * The system calls of `fs.readFileSync`, with the size checked against
 * `maxBytes` before a large file is read. A file that fits SMALL_READ is read
 * in one call, without fstat: a short read of a regular file ends at its end.
 */
function readTextSync(p: string, maxBytes: number): string | TooLarge {
  const fd = fs.openSync(p, 'r');
  try {
    const first = fs.readSync(fd, SMALL_READ, 0, SMALL_READ.length, 0);
    if (first < SMALL_READ.length) return first > maxBytes ? { bytes: first } : SMALL_READ.toString('utf8', 0, first);
    const size = fs.fstatSync(fd).size;
    if (size > maxBytes) return { bytes: size };
    const buffer = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = fs.readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    // What the file held when it was measured; configuration files do not grow while read.
    return buffer.toString('utf8', 0, read);
  } finally {
    fs.closeSync(fd);
  }
}

function blocking<T>(call: () => T): Promise<T> {
  try {
    return Promise.resolve(call());
  } catch (error) {
    return Promise.reject(error);
  }
}

const SYNC_DISK: Disk = {
  stat: (p) => blocking(() => fs.statSync(p)),
  lstat: (p) => blocking(() => fs.lstatSync(p)),
  realpath: (p) => blocking(() => fs.realpathSync(p)),
  readlink: (p) => blocking(() => fs.readlinkSync(p)),
  readdir: (p) => blocking(() => fs.readdirSync(p, { withFileTypes: true })),
  readText: (p, maxBytes = Infinity) => blocking(() => readTextSync(p, maxBytes)),
};

/**
 * A blocking system call slower than this is a sign of a disk where blocking
 * would hold up requests (a network file system, a busy or spun-down disk).
 * One such call may also be a pause of the process (garbage collection, the
 * scheduler): blocking stops after SLOW_CALLS_TOLERATED of them, or at once
 * after a call slower than VERY_SLOW_BLOCKING_CALL_MS.
 */
export const SLOW_BLOCKING_CALL_MS = 10;
export const SLOW_CALLS_TOLERATED = 3;
const VERY_SLOW_BLOCKING_CALL_MS = 100;

/**
 * Disk access shared by a walk and the reads of its files: blocking calls
 * (a directory listing or a small file's read costs tens of microseconds on a
 * local disk, a thread-pool round trip several times that, and a walk of
 * thousands of directories spends most of its time on those round trips)
 * while the disk answers fast; from the first signs of a slow one, every
 * call goes through the thread pool.
 */
export interface BlockingWhileFast {
  /** Whether calls still block. */
  readonly blocking: boolean;
  readonly disk: Disk;
}

export function blockingWhileFast(options: { slowMs?: number } = {}): BlockingWhileFast {
  const slowMs = options.slowMs ?? SLOW_BLOCKING_CALL_MS;
  const state = { blocking: true, slowCalls: 0 };
  const timed = <K extends keyof Disk>(name: K): Disk[K] =>
    ((...args: Parameters<Disk[K]>) => {
      if (!state.blocking) return (ASYNC_DISK[name] as (...a: Parameters<Disk[K]>) => ReturnType<Disk[K]>)(...args);
      const started = performance.now();
      const result = (SYNC_DISK[name] as (...a: Parameters<Disk[K]>) => ReturnType<Disk[K]>)(...args);
      const took = performance.now() - started;
      if (took > VERY_SLOW_BLOCKING_CALL_MS || (took > slowMs && ++state.slowCalls >= SLOW_CALLS_TOLERATED)) state.blocking = false;
      return result;
    }) as Disk[K];
  return {
    get blocking() {
      return state.blocking;
    },
    disk: { stat: timed('stat'), lstat: timed('lstat'), realpath: timed('realpath'), readlink: timed('readlink'), readdir: timed('readdir'), readText: timed('readText') },
  };
}

/** Lets queued I/O callbacks and incoming messages run before continuing. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs at most `limit` of the tasks handed to it at once; waiting tasks start
 * in the order they were handed, or newest first with `lastInFirstOut` (what
 * a depth-first walk needs next is what it asked for last).
 */
export function createLimiter(limit: number, lastInFirstOut = false): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    running--;
    const start = lastInFirstOut ? waiting.pop() : waiting.shift();
    if (start) start();
  };
  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const start = () => {
        running++;
        let result: Promise<T>;
        try {
          result = task();
        } catch (error) {
          result = Promise.reject(error);
        }
        result.then(resolve, reject).finally(next);
      };
      if (running < Math.max(1, limit)) start();
      else waiting.push(start);
    });
}

type Listing = { entries: fs.Dirent[] } | { error: unknown };

interface PendingDirectory {
  dir: string;
  /** Real path, known without a system call unless the directory was reached through a symlink. */
  real: string | undefined;
  /** Started as soon as the directory was found (prefetch), consumed in walk order; blocking walks list when they get there. */
  listing: Promise<Listing> | undefined;
}

/**
 * Yields the absolute paths of wanted files under `root` (or `root` itself if
 * it is a file), in a stable order: entries of a directory sorted by name,
 * files before sub-directories. Symbolic links are followed (within
 * `confineTo` when given); a directory reached twice through links is
 * visited once.
 *
 * Sub-directories are listed ahead of the walk, up to `concurrency` at once.
 * Only the root and directories reached through a symlink cost a `realpath`:
 * below a directory whose real path is known, a plain sub-directory's real
 * path is that path joined with its name.
 */
export async function* walkFiles(root: string, options: WalkOptions = {}): AsyncGenerator<string> {
  const accept = options.accept ?? (() => true);
  const cancelled = options.isCancelled ?? (() => false);
  const report = (p: string, e: unknown) => options.onError?.(p, asErrno(e));
  const adaptive = options.adaptive;
  const disk = adaptive?.disk ?? (options.synchronous ? SYNC_DISK : ASYNC_DISK);
  const blocking = () => (adaptive ? adaptive.blocking : options.synchronous === true);
  const limiter = createLimiter(options.concurrency ?? IO_CONCURRENCY, true);
  const limit = <T>(task: () => Promise<T>) => (blocking() ? task() : limiter(task));
  const list = (dir: string, on: Disk = disk): Promise<Listing> =>
    limit(() => on.readdir(dir)).then(
      (entries) => ({ entries }),
      (error: unknown) => ({ error }),
    );

  let rootStat;
  try {
    rootStat = await disk.stat(root);
  } catch (e) {
    report(root, e);
    return;
  }
  if (!rootStat.isDirectory()) {
    if (accept(root)) yield root;
    return;
  }
  const confine = options.confineTo;
  let rootReal: string | undefined;
  if (confine) {
    try {
      rootReal = await disk.realpath(root);
    } catch (e) {
      report(root, e);
      return;
    }
  }
  /** Whether the walk reaches this real path under its own name as a wanted file: a link to it would check it twice. */
  const walkedAnyway = (real: string): boolean => {
    if (rootReal === undefined || !isPathInside(real, rootReal)) return false;
    const relative = path.relative(rootReal, real);
    if (relative.split(path.sep).some((segment) => SKIPPED_DIRECTORIES.has(segment))) return false;
    return accept(path.join(root, relative));
  };

  const visited = new Set<string>();
  // A blocking walk lists a directory when it gets there.
  const prefetch = (dir: string) => (blocking() ? undefined : list(dir));
  // A workspace's root is where thousands of hosts sit side by side (listing 10,000 entries
  // blocks for 30 ms): a walk that blocks only while the disk is fast lists it on the thread pool.
  const rootListing = adaptive ? list(root, ASYNC_DISK) : prefetch(root);
  // Normal from here on, so that each entry's path is its directory's and its name (childPath).
  const stack: PendingDirectory[] = [{ dir: path.normalize(root), real: undefined, listing: rootListing }];
  const pauseEvery = options.pauseEvery;
  let sliceStart = performance.now();
  const sliceOver = () => pauseEvery !== undefined && blocking() && performance.now() - sliceStart >= pauseEvery.ms;
  const pause = async () => {
    await pauseEvery!.pause();
    sliceStart = performance.now();
  };
  while (stack.length > 0) {
    if (cancelled()) return;
    if (sliceOver()) await pause();
    const pending = stack.pop()!;
    const { dir } = pending;
    let real = pending.real;
    if (real === undefined) {
      try {
        real = await disk.realpath(dir);
      } catch (e) {
        report(dir, e);
        continue;
      }
    }
    if (visited.has(real)) continue;
    visited.add(real);

    const listing = await (pending.listing ?? list(dir));
    if ('error' in listing) {
      report(dir, listing.error);
      continue;
    }
    const entries = listing.entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const excludes = options.excludes;
    excludes?.listed(dir, entries.map((e) => e.name));
    const subdirectories: PendingDirectory[] = [];
    for (const entry of entries) {
      if (cancelled()) return;
      // A directory of thousands of hosts is listed in one call but looked through in slices.
      if (sliceOver()) await pause();
      const full = childPath(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      const isLink = entry.isSymbolicLink();
      let linkReal: string | undefined;
      if (isLink) {
        try {
          const target = await disk.stat(full);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch (e) {
          if (!accept(full)) continue;
          const code = asErrno(e).code;
          if (confine && options.onSkip && (code === 'ENOENT' || code === 'ELOOP' || code === 'ENOTDIR')) {
            options.onSkip(full, { reason: 'dangling-link', target: await disk.readlink(full).catch(() => '?') }, false);
          } else report(full, e);
          continue;
        }
        if (confine && (isDirectory || (isFile && accept(full)))) {
          try {
            linkReal = await disk.realpath(full);
          } catch (e) {
            report(full, e);
            continue;
          }
          if (!confine.some((folder) => isPathInside(linkReal!, folder))) {
            options.onSkip?.(full, { reason: 'link-outside-workspace', target: linkReal }, isDirectory);
            continue;
          }
          if (isFile && walkedAnyway(linkReal)) continue;
        }
      }
      if (excludes?.excluded(full, isDirectory)) continue;
      if (isDirectory) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) {
          subdirectories.push({ dir: full, real: isLink ? linkReal : childPath(real, entry.name), listing: prefetch(full) });
        }
      } else if (isFile && accept(full)) {
        yield full;
      }
    }
    // Pushed in reverse so that the stack pops them in name order.
    for (let i = subdirectories.length - 1; i >= 0; i--) stack.push(subdirectories[i]);
  }
}

/**
 * `path.join(dir, name)` for a directory path that is already normal (the
 * walk's root is normalised once, every other directory is made here or by
 * realpath) and a name from its listing, which holds no separator and is
 * never `.` or `..`: the concatenation, without join's normalising pass
 * (once per entry walked).
 */
function childPath(dir: string, name: string): string {
  if (dir === '.') return name;
  return dir.endsWith(path.sep) ? dir + name : dir + path.sep + name;
}

/**
 * What a walk with `confineTo` would do with one path, for a single file
 * event where no walk runs: read it (undefined), skip a link to nothing or
 * out of the folders, pass over a link whose target is a wanted file inside
 * the folders (`walked-anyway`), or leave alone what is no regular file (a
 * FIFO would block the read for ever). One `lstat` for a plain file.
 */
export async function inspectPath(
  file: string,
  confineTo: readonly string[],
  accept: (absolutePath: string) => boolean,
): Promise<LinkSkip | { reason: 'walked-anyway'; target: string } | { reason: 'not-a-file' } | undefined> {
  const stats = await ASYNC_DISK.lstat(file);
  if (!stats.isSymbolicLink()) return stats.isFile() ? undefined : { reason: 'not-a-file' };
  let real: string;
  try {
    real = await ASYNC_DISK.realpath(file);
  } catch (e) {
    const code = asErrno(e).code;
    if (code === 'ENOENT' || code === 'ELOOP' || code === 'ENOTDIR') {
      return { reason: 'dangling-link', target: await ASYNC_DISK.readlink(file).catch(() => '?') };
    }
    throw e;
  }
  if (!confineTo.some((folder) => isPathInside(real, folder))) return { reason: 'link-outside-workspace', target: real };
  const segments = real.split(path.sep);
  if (!segments.some((segment) => SKIPPED_DIRECTORIES.has(segment)) && accept(real)) return { reason: 'walked-anyway', target: real };
  return (await ASYNC_DISK.stat(real)).isFile() ? undefined : { reason: 'not-a-file' };
}

/** Collects `walkFiles` into an array. */
export async function listFiles(root: string, options: WalkOptions = {}): Promise<string[]> {
  const out: string[] = [];
  for await (const file of walkFiles(root, options)) out.push(file);
  return out;
}

/**
 * The common case of `isPathInside`, without path.relative's two resolves
 * (asked once per file walked): on POSIX, a plain path below a plain parent,
 * no `.`, `..` or empty segment on the way.
 */
function isPlainlyBelow(child: string, parent: string): boolean {
  return path.sep === '/' && parent.length > 1 && child.length > parent.length && child.charCodeAt(parent.length) === 47 /* / */ && child.startsWith(parent) && !child.includes('/.') && !child.includes('//');
}

/** `path.relative(from, to)` with forward slashes; the plain case (a file the walk found below the folder) by slicing. */
export function relativePosixPath(from: string, to: string): string {
  if (isPlainlyBelow(to, from)) return to.slice(from.length + 1);
  const relative = path.relative(from, to);
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}

/** Whether `child` is `parent` or lies below it (both absolute, same separator style). */
export function isPathInside(child: string, parent: string): boolean {
  if (isPlainlyBelow(child, parent)) return true;
  const relative = path.relative(parent, child);
  if (relative === '') return true;
  if (path.isAbsolute(relative)) return false;
  return relative !== '..' && !relative.startsWith('..' + path.sep);
}

/**
 * Reads a text file as UTF-8. Bytes that are not UTF-8 become U+FFFD. A
 * byte-order mark stays: the programs that read these files do not skip it
 * and the parsers report it. (Editors hide it from document text, so on line
 * 0 of such a file a position from disk is one character right of the
 * editor's until the file is opened.)
 */
export async function readTextFile(absolutePath: string, maxBytes?: number): Promise<string | TooLarge> {
  return ASYNC_DISK.readText(absolutePath, maxBytes);
}

/** One file read by `readTextFiles`: its text, why it could not be read, or its size when it is over the limit (not read). */
export type ReadResult =
  | { path: string; text: string; error?: undefined; tooLarge?: undefined }
  | { path: string; text?: undefined; error: NodeJS.ErrnoException; tooLarge?: undefined }
  | { path: string; text?: undefined; error?: undefined; tooLarge: TooLarge };

/**
 * Reads the files of `paths` (an array or an async source such as `walkFiles`)
 * with up to `concurrency` reads in flight, and yields them in the order of
 * `paths`, each with its text (as `readTextFile`) or its error.
 */
export async function* readTextFiles(
  paths: AsyncIterable<string> | Iterable<string>,
  options: { concurrency?: number; isCancelled?: () => boolean; synchronous?: boolean; adaptive?: BlockingWhileFast; maxBytes?: number } = {},
): AsyncGenerator<ReadResult> {
  const adaptive = options.adaptive;
  const cancelled = options.isCancelled ?? (() => false);
  if (options.synchronous && !adaptive) {
    // One read at a time, each blocking: no promise per read to wait on (the CLI reads thousands).
    for await (const file of paths) {
      if (cancelled()) return;
      yield readNow(file, options.maxBytes ?? Infinity);
    }
    return;
  }
  const inParallel = Math.max(1, options.concurrency ?? IO_CONCURRENCY);
  // Blocking reads while the disk is fast, one at a time; the thread pool's, several in flight.
  const width = () => (adaptive?.blocking ? 1 : inParallel);
  const disk = adaptive?.disk ?? ASYNC_DISK;
  const inFlight: Promise<ReadResult>[] = [];
  const start = (file: string) =>
    inFlight.push(
      disk.readText(file, options.maxBytes).then(
        (text) => readResultOf(file, text),
        (error: unknown): ReadResult => ({ path: file, error: asErrno(error) }),
      ),
    );
  let head = 0;
  for await (const file of paths) {
    if (cancelled()) return;
    start(file);
    if (inFlight.length - head >= width()) {
      const result = await inFlight[head];
      inFlight[head++] = undefined as never;
      yield result;
    }
  }
  while (head < inFlight.length) {
    if (cancelled()) return;
    const result = await inFlight[head];
    inFlight[head++] = undefined as never;
    yield result;
  }
}

function readResultOf(file: string, text: string | TooLarge): ReadResult {
  return typeof text === 'string' ? { path: file, text } : { path: file, tooLarge: text };
}

/** A blocking read as `readTextFiles` reports it. */
function readNow(file: string, maxBytes: number): ReadResult {
  try {
    return readResultOf(file, readTextSync(file, maxBytes));
  } catch (error) {
    return { path: file, error: asErrno(error) };
  }
}

function asErrno(e: unknown): NodeJS.ErrnoException {
  if (e instanceof Error) return e as NodeJS.ErrnoException;
  return new Error(String(e)) as NodeJS.ErrnoException;
}
