import * as fs from 'fs';
import * as path from 'path';
import { FileChangeType } from 'vscode-languageserver';
import { SKIPPED_DIRECTORIES } from '../fsWalk';
import { fileUri } from '../uris';
import { DirectoryTreeWatch, nativeTreeWatch, type TreeWatch } from './directoryWatch';
import { errorMessage } from './runSafe';
import type { Folder } from './workspaceSync';

/** Changes on disk gathered this long before they are handed over at once (an editor's save is several events). */
export const WATCH_COALESCE_MS = 100;

export type FileEvents = (events: { uri: string; type: FileChangeType }[]) => void;

/**
 * The server's own watch of the workspace folders, for clients that do not
 * watch files for it (no dynamic registration of workspace/didChangeWatchedFiles):
 * without it, a file changed outside the editor (git pull, a script) would leave
 * stale findings. A recursive watch per folder where the system has one, a
 * watch per directory on Linux (see DirectoryTreeWatch), set up once the
 * folders are read. Events are gathered for WATCH_COALESCE_MS, then each path
 * is looked at once: a file there (changed), a directory there (created:
 * walked, and watched), or gone (deleted).
 */
export class FolderWatcher {
  private readonly watches = new Map<string, TreeWatch>();
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  /** The batches handed over so far, in order: each waits for the watches of the directories it names. */
  private handingOver: Promise<void> = Promise.resolve();

  constructor(
    private readonly onEvents: FileEvents,
    private readonly warn: (message: string) => void,
    private readonly info: (message: string) => void = () => undefined,
    private readonly perDirectory = process.platform === 'linux',
  ) {}

  /** Watches exactly these folders from now on; resolves once each new folder's directories are all watched. */
  async setFolders(folders: readonly Folder[]): Promise<void> {
    const wanted = new Set(folders.map((f) => f.fsPath));
    for (const [dir, watch] of this.watches) {
      if (!wanted.has(dir)) {
        watch.close();
        this.watches.delete(dir);
      }
    }
    const started: Promise<void>[] = [];
    for (const dir of wanted) {
      if (this.watches.has(dir)) continue;
      const stopped = (error: Error) => this.warn(`Watching ${dir} stopped: ${error.message}. Changes made outside the editor are not seen until the server restarts.`);
      try {
        const watch = this.perDirectory ? new DirectoryTreeWatch(dir, (file) => this.changed(file), this.warn) : nativeTreeWatch(dir, (file) => this.changed(file), stopped);
        this.watches.set(dir, watch);
        started.push(watch.ready.then(() => this.info(`Watching ${dir} for changes on disk (the client does not watch files).`)));
      } catch (error) {
        this.warn(`Cannot watch ${dir} (${errorMessage(error)}): changes made outside the editor are not seen until the server restarts.`);
      }
    }
    await Promise.all(started);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const watch of this.watches.values()) watch.close();
    this.watches.clear();
  }

  private changed(file: string): void {
    if (file.split(path.sep).some((segment) => SKIPPED_DIRECTORIES.has(segment))) return;
    this.pending.add(file);
    this.timer ??= setTimeout(() => this.flush(), WATCH_COALESCE_MS);
  }

  private flush(): void {
    this.timer = undefined;
    const events: { uri: string; type: FileChangeType }[] = [];
    const gone: string[] = [];
    const appeared: Promise<void>[] = [];
    for (const file of this.pending) {
      let stat: fs.Stats | undefined;
      try {
        stat = fs.statSync(file);
      } catch {
        stat = undefined;
      }
      // A directory that appears (moved or copied in) is walked and watched; a file that is there is read again; what is gone is dropped.
      if (!stat) gone.push(file);
      else if (stat.isDirectory()) for (const watch of this.watches.values()) appeared.push(watch.directoryAppeared(file));
      events.push({ uri: fileUri(file), type: !stat ? FileChangeType.Deleted : stat.isDirectory() ? FileChangeType.Created : FileChangeType.Changed });
    }
    this.pending.clear();
    if (gone.length) for (const watch of this.watches.values()) watch.pathsGone(gone);
    if (!events.length) return;
    // A directory that appeared is handed over (and walked) once it is watched: a file
    // changed there after the walk read it is then always seen. Batches keep their order.
    this.handingOver = this.handingOver
      .then(() => Promise.all(appeared))
      .then(() => this.onEvents(events))
      .catch((error: unknown) => this.warn(`Changes on disk were not taken in: ${errorMessage(error)}`));
  }
}
