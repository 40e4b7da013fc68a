/**
 * Walks directory trees on disk for the faces that read files (the LSP server
 * indexing a workspace folder, the CLI). The analysis core never touches the
 * file system; this module is where that happens.
 */
import { promises as fs } from 'fs';
import * as path from 'path';

/** Directory names never descended into: package caches and version-control metadata. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface WalkOptions {
  /** Whether a file (absolute path) is wanted. Every file is wanted when omitted. */
  accept?: (absolutePath: string) => boolean;
  /**
   * Called when an entry cannot be listed or inspected. Errors on files that
   * `accept` rejects are not reported (a dangling symlink nobody asked for is
   * not a failure).
   */
  onError?: (absolutePath: string, error: NodeJS.ErrnoException) => void;
  /** Give the event loop a turn after this many directory entries (0 = never). Default 50. */
  yieldEvery?: number;
  /** Polled between entries; the walk stops quietly once it returns true. */
  isCancelled?: () => boolean;
}

/** Lets queued I/O callbacks and incoming messages run before continuing. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Yields the absolute paths of wanted files under `root` (or `root` itself if
 * it is a file), in a stable order: entries of a directory sorted by name,
 * files before sub-directories. Symbolic links are followed; a directory
 * reached twice through links is visited once.
 */
export async function* walkFiles(root: string, options: WalkOptions = {}): AsyncGenerator<string> {
  const accept = options.accept ?? (() => true);
  const yieldEvery = options.yieldEvery ?? 50;
  const cancelled = options.isCancelled ?? (() => false);
  const report = (p: string, e: unknown) => options.onError?.(p, asErrno(e));
  let sinceYield = 0;

  let rootStat;
  try {
    rootStat = await fs.stat(root);
  } catch (e) {
    report(root, e);
    return;
  }
  if (!rootStat.isDirectory()) {
    if (accept(root)) yield root;
    return;
  }

  const visited = new Set<string>();
  const stack: string[] = [root];
  while (stack.length > 0) {
    if (cancelled()) return;
    const dir = stack.pop()!;
    let real: string;
    try {
      real = await fs.realpath(dir);
    } catch (e) {
      report(dir, e);
      continue;
    }
    if (visited.has(real)) continue;
    visited.add(real);

    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      report(dir, e);
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirectories: string[] = [];
    for (const entry of entries) {
      if (cancelled()) return;
      if (yieldEvery > 0 && ++sinceYield >= yieldEvery) {
        sinceYield = 0;
        await yieldToEventLoop();
      }
      const full = path.join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await fs.stat(full);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch (e) {
          if (accept(full)) report(full, e);
          continue;
        }
      }
      if (isDirectory) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) subdirectories.push(full);
      } else if (isFile && accept(full)) {
        yield full;
      }
    }
    // Pushed in reverse so that the stack pops them in name order.
    for (let i = subdirectories.length - 1; i >= 0; i--) stack.push(subdirectories[i]);
  }
}

/** Collects `walkFiles` into an array. */
export async function listFiles(root: string, options: WalkOptions = {}): Promise<string[]> {
  const out: string[] = [];
  for await (const file of walkFiles(root, options)) out.push(file);
  return out;
}

/** Whether `child` is `parent` or lies below it (both absolute, same separator style). */
export function isPathInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  if (relative === '') return true;
  if (path.isAbsolute(relative)) return false;
  return relative !== '..' && !relative.startsWith('..' + path.sep);
}

/**
 * Reads a text file as UTF-8 without its byte-order mark: editors hand over
 * document text without one, and positions must agree between an open editor
 * and the same file read from disk.
 */
export async function readTextFile(absolutePath: string): Promise<string> {
  const text = await fs.readFile(absolutePath, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function asErrno(e: unknown): NodeJS.ErrnoException {
  if (e instanceof Error) return e as NodeJS.ErrnoException;
  return new Error(String(e)) as NodeJS.ErrnoException;
}
