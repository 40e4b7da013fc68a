import * as fs from 'fs';
import * as path from 'path';
import { FileChangeType } from 'vscode-languageserver';
import { SKIPPED_DIRECTORIES } from '../fsWalk';
import { fileUri } from '../uris';
import type { Folder } from './workspaceSync';

/** Changes on disk gathered this long before they are handed over at once (an editor's save is several events). */
export const WATCH_COALESCE_MS = 100;

export type FileEvents = (events: { uri: string; type: FileChangeType }[]) => void;

/**
 * The server's own watch of the workspace folders, for clients that do not
 * watch files for it (no dynamic registration of workspace/didChangeWatchedFiles):
 * without it, a file changed outside the editor (git pull, a script) would leave
 * stale findings. Node's recursive fs.watch (inotify on Linux, FSEvents on macOS,
 * ReadDirectoryChangesW on Windows), set up once the folders are read because on
 * Linux it lists every directory before it returns; events are gathered for WATCH_COALESCE_MS,
 * then each path is looked at once: a file there (changed), a directory there
 * (created: walked), or gone (deleted).
 */
export class FolderWatcher {
  private readonly watchers = new Map<string, fs.FSWatcher>();
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly onEvents: FileEvents,
    private readonly warn: (message: string) => void,
    private readonly info: (message: string) => void = () => undefined,
  ) {}

  /** Watches exactly these folders from now on. */
  setFolders(folders: readonly Folder[]): void {
    const wanted = new Set(folders.map((f) => f.fsPath));
    for (const [dir, watcher] of this.watchers) {
      if (!wanted.has(dir)) {
        watcher.close();
        this.watchers.delete(dir);
      }
    }
    for (const dir of wanted) {
      if (this.watchers.has(dir)) continue;
      try {
        const watcher = fs.watch(dir, { recursive: true, persistent: false }, (_event, name) => {
          if (name) this.changed(path.join(dir, name.toString()));
        });
        watcher.on('error', (error) => this.warn(`Watching ${dir} stopped: ${error.message}. Changes made outside the editor are not seen until the server restarts.`));
        this.watchers.set(dir, watcher);
        this.info(`Watching ${dir} for changes on disk (the client does not watch files).`);
      } catch (error) {
        this.warn(`Cannot watch ${dir} (${error instanceof Error ? error.message : String(error)}): changes made outside the editor are not seen until the server restarts.`);
      }
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  private changed(file: string): void {
    if (file.split(path.sep).some((segment) => SKIPPED_DIRECTORIES.has(segment))) return;
    this.pending.add(file);
    this.timer ??= setTimeout(() => this.flush(), WATCH_COALESCE_MS);
  }

  private flush(): void {
    this.timer = undefined;
    const events: { uri: string; type: FileChangeType }[] = [];
    for (const file of this.pending) {
      let stat: fs.Stats | undefined;
      try {
        stat = fs.statSync(file);
      } catch {
        stat = undefined;
      }
      // A directory that appears (moved or copied in) is walked; a file that is there is read again; what is gone is dropped.
      events.push({ uri: fileUri(file), type: !stat ? FileChangeType.Deleted : stat.isDirectory() ? FileChangeType.Created : FileChangeType.Changed });
    }
    this.pending.clear();
    if (events.length) this.onEvents(events);
  }
}
