/**
 * Keeps the service's picture of the workspace in step with the editor and
 * the disk: workspace folders and their settings, every recognised file under
 * the folders (read from disk), open documents (whose text wins over the
 * disk), and file events (watcher and file-operation notifications).
 *
 * All disk work runs one operation at a time through a queue, so events are
 * applied in the order they arrived. Reading a folder blocks on each disk call
 * while the disk answers fast (the thread pool otherwise, see
 * blockingWhileFast) and hands files to the service in slices of a few
 * milliseconds, yielding to requests between slices, so requests are answered
 * while a large workspace is indexed; the files whose diagnostics may have
 * changed are reported once the folder is read.
 *
 * Open-document edits, per document: an edit is applied at once when the
 * document is settled (the diagnostics of its previous edit have been
 * delivered), so a single edit is checked and published without delay. An edit
 * that arrives while the previous one is still being checked or published
 * starts a debounce: it and the edits after it wait until typing pauses for
 * EDIT_DEBOUNCE_MS and are applied once, only the last text being checked;
 * the diagnostics of the waiting document are not published meanwhile (they
 * would be stale). `flushPendingEdits` applies waiting edits at once before a
 * request is answered.
 */
import * as path from 'path';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import { FileChangeType } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { NeutronConfigService } from '../core/service';
import type { BulkLoad } from '../core/workspace/workspaceIndex';
import { parseRelease } from '../core/catalog/releases';
import { DEFAULT_SETTINGS, Settings, normaliseSettings, settingsProblems } from '../core/settings';
import { ASYNC_DISK, blockingWhileFast, inspectPath, isPathInside, readTextFile, readTextFiles, walkFiles, type TooLarge } from '../fsWalk';
import { maxFileBytes, type SkipReason } from '../core/workspace/skippedFiles';
import { canonicalUri, fileUri, uriToFsPath } from '../uris';
import { Logger, describeError, yieldToRequests } from './runSafe';
import { groupedNumber } from '../core/text/numbers';

export interface Folder {
  /** Canonical URI. */
  uri: string;
  fsPath: string;
  name: string;
}

/** How long typing must pause before edits that arrived while the document was not settled are handed to the service. */
export const EDIT_DEBOUNCE_MS = 150;
/**
 * Work done between two turns of the event loop while indexing, so requests wait at most about
 * this long. 2 ms rather than 4: hover p95 while indexing 1,000 hosts 10.0 -> 9.3 ms (mean over
 * six interleaved runs each), the indexing time within the noise.
 */
export const INDEX_SLICE_MS = 2;
/** URIs handed to the diagnostics' delivery per turn after a folder is read (see reportInSlices). */
const REPORT_SLICE = 2_000;

/** Texts read ahead of the service while indexing, and how many it is handed at once. */
const READ_AHEAD = 16;
const APPLY_PIECE = 4;

/** How often a folder walk reports its progress. */
export const PROGRESS_INTERVAL_MS = 100;

/** A folder walk under way: files read so far, recognised files found so far, and whether the walk is still finding more. */
export interface IndexingState {
  filesRead: number;
  filesFound: number;
  walking: boolean;
}

export type SettingsReader = (folders: readonly Folder[]) => Promise<Map<string, Settings>>;

export class WorkspaceSync {
  private folders: Folder[] = [];
  private readonly settings = new Map<string, Settings>();
  /** Text last handed to the service, per canonical URI; undefined for a file the service was told to skip (not read). */
  private readonly known = new Map<string, string | undefined>();
  /** Canonical URI → the URI as the client spelled it. */
  private readonly spelling = new Map<string, string>();
  /** Canonical URI → client URI of open documents. */
  private readonly open = new Map<string, string>();
  private readonly pendingEdits = new Map<string, NodeJS.Timeout>();
  /** Canonical URI of an open document → version of the text last handed to the service. */
  private readonly applied = new Map<string, number>();
  /**
   * Open documents whose last applied edit may still wait to be delivered.
   * Only such a document counts as unsettled: one marked undelivered by
   * another file's change (the peers of an edited ML2 file) takes its own
   * next edit at once, which its pending re-check then covers.
   */
  private readonly editsInFlight = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;
  private resolveInitial!: () => void;
  private readonly initial: Promise<void> = new Promise((resolve) => (this.resolveInitial = resolve));
  private initialDone = false;
  /** Queued disk operations (folder walks, file events, settings) not yet finished. */
  private operations = 0;
  private readonly settleWaiters: (() => void)[] = [];
  private completeWaiters: { uri: string; resolve: () => void }[] = [];
  /**
   * While a folder is read, once the files its open documents need are in:
   * those documents, and the number of queued operations then (one more
   * means something else is about to change the picture).
   */
  private early: { uris: ReadonlySet<string>; operations: number } | undefined;
  /** Why `unsettledDuring` callers hold the workspace unsettled, oldest first. */
  private readonly pendingReasons: string[] = [];
  /** The folder walk under way, if any. */
  private reading: IndexingState | undefined;
  private progressListener: ((state: IndexingState | undefined) => void) | undefined;
  private realFolderPaths: { folders: readonly Folder[]; paths: Promise<string[]> } | undefined;

  constructor(
    private readonly service: NeutronConfigService,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly logger: Logger,
    private readonly onChanged: (uris: Iterable<string>) => void,
    /** Whether diagnostics of this URI changed since they were last delivered (published or pulled). */
    private readonly isUndelivered: (uri: string) => boolean = () => false,
  ) {}

  // ---- queries --------------------------------------------------------------

  initialIndex(): Promise<void> {
    return this.initial;
  }

  /**
   * Whether the service's picture of the workspace is whole: the first index
   * is done and no walk, file-event burst or settings change is being applied.
   * Answers that depend on the whole workspace (rename, references, …) are
   * only given when it is.
   */
  isSettled(): boolean {
    return this.stopped || (this.initialDone && this.operations === 0);
  }

  /** Resolves once `isSettled()` holds (immediately when it does). */
  whenSettled(): Promise<void> {
    if (this.isSettled()) return Promise.resolve();
    return new Promise((resolve) => this.settleWaiters.push(resolve));
  }

  /**
   * Whether the diagnostics of this URI are complete: the workspace is
   * settled, or the URI is a document that was open when its folder's walk
   * began, every file it may depend on has been read (its host's, and the
   * deployment's declarations and captures: reconcile reads those first), no
   * other disk operation has been queued since, and no rule that checks a
   * file of its kind reads more than those (service.isCompleteWithReadFirst).
   */
  isComplete(uri: string): boolean {
    if (this.isSettled()) return true;
    const early = this.early;
    return early !== undefined && early.uris.has(uri) && this.operations === early.operations && this.service.isCompleteWithReadFirst(uri);
  }

  /** Resolves once `isComplete(uri)` holds. */
  whenComplete(uri: string): Promise<void> {
    if (this.isComplete(uri)) return Promise.resolve();
    return new Promise((resolve) => this.completeWaiters.push({ uri, resolve }));
  }

  /** Why the picture is not whole yet, for a user ("still reading the workspace: 120 of 6,008 files"); undefined when settled. */
  unsettledReason(): string | undefined {
    if (this.isSettled()) return undefined;
    const reading = this.reading;
    if (reading) {
      if (reading.walking) return `still reading the workspace: ${groupedNumber(reading.filesRead)} files read, ${groupedNumber(reading.filesFound)} found so far`;
      return `still reading the workspace: ${groupedNumber(reading.filesRead)} of ${groupedNumber(reading.filesFound)} files`;
    }
    if (this.pendingReasons.length > 0) return this.pendingReasons[0];
    return this.initialDone ? 'still applying changes to the workspace files' : 'still reading the workspace';
  }

  /**
   * Marks the workspace unsettled from now until `change` settles. For
   * notifications that must fetch something (settings) before they can
   * queue their operation: without this, a request arriving in that gap
   * would see a settled workspace that is about to change.
   */
  async unsettledDuring<T>(reason: string, change: () => Promise<T>): Promise<T> {
    this.operations++;
    this.pendingReasons.push(reason);
    try {
      return await change();
    } finally {
      this.pendingReasons.splice(this.pendingReasons.indexOf(reason), 1);
      this.operations--;
      this.settleIfIdle();
    }
  }

  /** Called when a folder walk starts, as it goes (at most every PROGRESS_INTERVAL_MS) and with undefined when it ends. */
  onIndexingProgress(listener: (state: IndexingState | undefined) => void): void {
    this.progressListener = listener;
  }

  knownFiles(): Iterable<string> {
    return this.known.keys();
  }

  isKnown(uri: string): boolean {
    return this.known.has(uri);
  }

  clientUri(uri: string): string {
    return this.spelling.get(uri) ?? uri;
  }

  openDocument(uri: string): TextDocument | undefined {
    const clientUri = this.open.get(uri);
    return clientUri === undefined ? undefined : this.documents.get(clientUri);
  }

  openVersion(uri: string): number | null {
    return this.openDocument(uri)?.version ?? null;
  }

  /** Version of the open document's text the service holds (older than `openVersion` while an edit waits), or null when not open. */
  appliedVersion(uri: string): number | null {
    if (!this.open.has(uri)) return null;
    return this.applied.get(uri) ?? this.openVersion(uri);
  }

  /** Whether an edit of this document waits (debounced): its diagnostics would be stale. */
  hasPendingEdit(uri: string): boolean {
    return this.pendingEdits.has(uri);
  }

  workspaceFolders(): readonly Folder[] {
    return this.folders;
  }

  // ---- folders and settings -------------------------------------------------

  /**
   * Sets the workspace folders with their settings and reads the folders that
   * are new from disk (all of them on the first call). Files under folders that
   * are gone are dropped unless open. The first call resolves `initialIndex()`
   * when its walk is done.
   */
  setFolders(folders: Folder[], settings: ReadonlyMap<string, Settings>): Promise<void> {
    return this.enqueue('Updating workspace folders', async () => {
      const previous = new Set(this.folders.map((folder) => folder.uri));
      this.folders = folders;
      this.settings.clear();
      for (const folder of folders) this.settings.set(folder.uri, settings.get(folder.uri) ?? DEFAULT_SETTINGS);
      this.report(() => this.service.setWorkspaceFolders(folders.map((f) => ({ uri: f.uri, settings: this.settings.get(f.uri) }))));
      for (const uri of [...this.known.keys()]) {
        if (!this.open.has(uri) && !this.isInWorkspace(uri)) this.drop(uri);
      }
      this.refreshOpenDocuments();
      const started = Date.now();
      let count = 0;
      const added = folders.filter((folder) => !previous.has(folder.uri));
      for (const folder of added) count += await this.reconcile(folder.fsPath);
      if (added.length > 0) {
        this.logger.info(`Indexed ${count} recognised file(s) in ${added.length} workspace folder(s) in ${Date.now() - started} ms.`);
      }
    }).finally(() => {
      if (!this.initialDone) {
        this.initialDone = true;
        this.settleIfIdle();
      }
      this.resolveInitial();
    });
  }

  /** Reads every workspace folder from disk again (the "Check Workspace" command). Returns the number of recognised files. */
  rescan(): Promise<number> {
    let count = 0;
    return this.enqueue('Checking the workspace', async () => {
      for (const folder of this.folders) count += await this.reconcile(folder.fsPath);
    }).then(() => count);
  }

  /** New settings per folder URI. Re-walks folders whose file-kind globs changed. */
  applySettings(settings: ReadonlyMap<string, Settings>): Promise<void> {
    return this.enqueue('Applying settings', async () => {
      const rewalk: Folder[] = [];
      for (const folder of this.folders) {
        const next = settings.get(folder.uri);
        if (next === undefined) continue;
        const previous = this.settings.get(folder.uri) ?? DEFAULT_SETTINGS;
        if (JSON.stringify(previous) === JSON.stringify(next)) continue;
        this.settings.set(folder.uri, next);
        this.report(() => this.service.setFolderSettings(folder.uri, next));
        if (JSON.stringify(previous.fileKinds) !== JSON.stringify(next.fileKinds) || previous.maxFileSizeMB !== next.maxFileSizeMB) rewalk.push(folder);
      }
      if (rewalk.length === 0) return;
      this.refreshOpenDocuments();
      for (const folder of rewalk) await this.reconcile(folder.fsPath);
    });
  }

  // ---- open documents -------------------------------------------------------

  documentOpened(document: TextDocument): void {
    const uri = this.remember(document.uri);
    this.open.set(uri, document.uri);
    this.cancelPendingEdit(uri);
    this.applied.set(uri, document.version);
    if (this.service.isRecognised(uri)) this.put(uri, document.getText());
  }

  documentChanged(document: TextDocument): void {
    const uri = canonicalUri(document.uri);
    if (!this.open.has(uri)) return;
    if (!this.known.has(uri) && !this.service.isRecognised(uri)) return;
    if (!this.pendingEdits.has(uri) && !(this.editsInFlight.has(uri) && this.isUndelivered(uri))) {
      // Leading edge: the document is settled, check this edit now.
      this.applyEdit(uri, document);
      return;
    }
    // Typing faster than the checks are delivered: wait for a pause, check only the last text.
    this.cancelPendingEdit(uri);
    this.pendingEdits.set(
      uri,
      setTimeout(() => this.applyPendingEdit(uri), EDIT_DEBOUNCE_MS),
    );
  }

  documentClosed(document: TextDocument): void {
    const uri = canonicalUri(document.uri);
    // Its diagnostics were held back while the edit waited: whatever the disk says, publish them again.
    if (this.pendingEdits.has(uri)) this.changed([uri]);
    this.cancelPendingEdit(uri);
    this.editsInFlight.delete(uri);
    this.open.delete(uri);
    this.applied.delete(uri);
    // The disk is the truth again: re-read it, or forget a file that lives outside the workspace.
    void this.enqueue(`Re-reading ${uri}`, async () => {
      if (this.open.has(uri)) return;
      if (!this.isInWorkspace(uri)) this.drop(uri);
      else await this.readFromDisk(uri);
    });
  }

  /** Hands every debounced edit to the service now. */
  flushPendingEdits(): void {
    for (const uri of [...this.pendingEdits.keys()]) this.applyPendingEdit(uri);
  }

  // ---- file events ----------------------------------------------------------

  fileEvents(events: readonly { uri: string; type: FileChangeType }[]): Promise<void> {
    return this.enqueue('Applying file events', async () => {
      for (const event of events) {
        const uri = this.remember(event.uri);
        if (event.type === FileChangeType.Deleted) this.deleted(uri);
        else await this.createdOrChanged(uri, event.type === FileChangeType.Created);
      }
    });
  }

  renamed(files: readonly { oldUri: string; newUri: string }[]): Promise<void> {
    return this.fileEvents(
      files.flatMap((f) => [
        { uri: f.oldUri, type: FileChangeType.Deleted },
        { uri: f.newUri, type: FileChangeType.Created },
      ]),
    );
  }

  // ---- life cycle -----------------------------------------------------------

  /** Stops walks in progress and pending edits; used on shutdown. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.pendingEdits.values()) clearTimeout(timer);
    this.pendingEdits.clear();
    this.resolveInitial();
    this.settleIfIdle();
  }

  // ---- internals ------------------------------------------------------------

  private enqueue(label: string, operation: () => Promise<void>): Promise<void> {
    this.operations++;
    const run = this.queue.then(async () => {
      try {
        if (!this.stopped) await operation();
      } catch (error) {
        this.logger.error(`${label} failed: ${describeError(error)}`);
      } finally {
        this.operations--;
        this.settleIfIdle();
      }
    });
    this.queue = run;
    return run;
  }

  private settleIfIdle(): void {
    if (!this.isSettled()) return;
    for (const resolve of this.settleWaiters.splice(0)) resolve();
    this.wakeCompleteWaiters();
  }

  private wakeCompleteWaiters(): void {
    if (this.completeWaiters.length === 0) return;
    const waiting = this.completeWaiters;
    this.completeWaiters = [];
    for (const waiter of waiting) {
      if (this.isComplete(waiter.uri)) waiter.resolve();
      else this.completeWaiters.push(waiter);
    }
  }

  private setReading(state: IndexingState | undefined): void {
    this.reading = state;
    try {
      this.progressListener?.(state && { ...state });
    } catch (error) {
      this.logger.warn(`Reporting indexing progress failed: ${describeError(error)}`);
    }
  }

  private remember(clientUri: string): string {
    const uri = canonicalUri(clientUri);
    if (uri !== clientUri) this.spelling.set(uri, clientUri);
    return uri;
  }

  private isInWorkspace(uri: string): boolean {
    const fsPath = uriToFsPath(uri);
    return fsPath !== undefined && this.folders.some((folder) => isPathInside(fsPath, folder.fsPath));
  }

  private cancelPendingEdit(uri: string): void {
    const timer = this.pendingEdits.get(uri);
    if (timer) clearTimeout(timer);
    this.pendingEdits.delete(uri);
  }

  private applyPendingEdit(uri: string): void {
    this.cancelPendingEdit(uri);
    const document = this.openDocument(uri);
    if (!document) return;
    // Reported even when the text came back to what the service holds: its diagnostics were held back while the edit waited.
    this.applyEdit(uri, document, true);
  }

  /** Hands an open document's current text to the service; an unchanged text is reported only when `reportUnchanged`. */
  private applyEdit(uri: string, document: TextDocument, reportUnchanged = false): void {
    this.applied.set(uri, document.version);
    if (!this.put(uri, document.getText()) && reportUnchanged) this.changed([uri]);
    // After reporting: marking files forgets the edits already delivered (see `changed`).
    this.editsInFlight.add(uri);
  }

  /** Open documents become known or unknown when recognition (file-kind globs, folders) changes. */
  private refreshOpenDocuments(): void {
    for (const uri of this.open.keys()) {
      const document = this.openDocument(uri);
      if (!document) continue;
      if (this.service.isRecognised(uri)) this.put(uri, document.getText());
      else this.drop(uri);
    }
  }

  private put(uri: string, text: string): boolean {
    if (this.known.get(uri) === text) return false;
    this.known.set(uri, text);
    this.report(() => this.service.setFile(uri, text), uri);
    return true;
  }

  /** `put` for many files (read from disk) at once, as part of a bulk load: its `finish` reports them. */
  private putMany(entries: [uri: string, text: string][], load: BulkLoad): void {
    const changed = entries.filter(([uri, text]) => this.known.get(uri) !== text);
    if (changed.length === 0) return;
    for (const [uri, text] of changed) this.known.set(uri, text);
    try {
      load.add(changed);
    } catch (error) {
      // Find the file the analysis fails on: one at a time, each failure logged on its own.
      this.logger.error(`The analysis of ${changed.length} file(s) failed, retrying one by one: ${describeError(error)}`);
      for (const [uri, text] of changed) this.report(() => this.service.setFile(uri, text), uri);
    }
  }

  private drop(uri: string): void {
    if (!this.known.has(uri)) return;
    this.known.delete(uri);
    this.report(() => this.service.removeFile(uri), uri);
  }

  /** Tells the service a recognised file is not read (a link it must not follow, a file over the size limit). */
  private skip(uri: string, reason: SkipReason): void {
    this.known.set(uri, undefined);
    this.report(() => this.service.skipFile(uri, reason), uri);
  }

  private settingsOf(fsPath: string): Settings {
    const folder = this.folders.find((f) => isPathInside(fsPath, f.fsPath));
    return (folder && this.settings.get(folder.uri)) ?? DEFAULT_SETTINGS;
  }

  /** Real paths of the workspace folders: symbolic links are followed only into them. Worked out once per set of folders. */
  private async realFolders(): Promise<string[]> {
    const folders = this.folders;
    if (this.realFolderPaths?.folders !== folders) {
      this.realFolderPaths = { folders, paths: Promise.all(folders.map((f) => ASYNC_DISK.realpath(f.fsPath).catch(() => f.fsPath))) };
    }
    return this.realFolderPaths.paths;
  }

  /** Calls into the service; whatever it throws is logged, never propagated. */
  private report(call: () => string[], alsoChanged?: string): void {
    const changed = this.safely(call, alsoChanged);
    // The file itself first: its diagnostics are published before those of the files it affects.
    if (alsoChanged !== undefined) this.changed([alsoChanged]);
    this.changed(changed);
  }

  /** What a call into the service says changed; nothing, logged, when it throws. */
  private safely(call: () => string[], about?: string): string[] {
    try {
      return call();
    } catch (error) {
      this.logger.error(`The analysis failed${about ? ` on ${about}` : ''}: ${describeError(error)}`);
      return [];
    }
  }

  /**
   * As report, for a change of thousands of files (a folder's first read):
   * they are handed on REPORT_SLICE at a time, each hand-over a turn of its
   * own, so that a request is not held up by all of them (50 ms at 10,000 hosts).
   */
  private async reportInSlices(call: () => string[]): Promise<void> {
    const changed = this.safely(call);
    for (let i = 0; i < changed.length && !this.stopped; i += REPORT_SLICE) {
      if (i > 0) await yieldToRequests();
      this.changed(changed.slice(i, i + REPORT_SLICE));
    }
  }

  /** Reports URIs whose diagnostics may have changed, first forgetting edits whose diagnostics have been delivered. */
  private changed(uris: Iterable<string>): void {
    for (const uri of this.editsInFlight) if (!this.isUndelivered(uri)) this.editsInFlight.delete(uri);
    this.onChanged(uris);
  }

  /** Reads a recognised file from disk into the service, unless it is open. */
  private async readFromDisk(uri: string): Promise<void> {
    const fsPath = uriToFsPath(uri);
    if (fsPath === undefined || !this.service.isRecognised(uri)) {
      this.drop(uri);
      return;
    }
    let text: string | TooLarge;
    const maxBytes = maxFileBytes(this.settingsOf(fsPath));
    try {
      const inspected = await inspectPath(fsPath, await this.realFolders(), (file) => this.service.isRecognised(fileUri(file)));
      if (inspected !== undefined) {
        // The editor's text wins over whatever the disk holds.
        if (this.open.has(uri)) return;
        // A link to a file the workspace holds under its own name is that file: not read twice.
        // Only regular files are read: opening a FIFO named like a config would block the queue for ever.
        if (inspected.reason === 'walked-anyway' || inspected.reason === 'not-a-file') this.drop(uri);
        else this.skip(uri, inspected);
        return;
      }
      text = await readTextFile(fsPath, maxBytes);
    } catch (error) {
      this.readFailed(uri, fsPath, error);
      return;
    }
    // The document may have been opened while the disk was read: its text wins.
    if (this.open.has(uri)) return;
    if (typeof text === 'string') this.put(uri, text);
    else this.skip(uri, { reason: 'file-too-large', bytes: text.bytes, limitBytes: maxBytes });
  }

  private readFailed(uri: string, fsPath: string, error: unknown): void {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EISDIR') this.logger.warn(`Cannot read ${fsPath}: ${describeError(error)}`);
    if (!this.open.has(uri)) this.drop(uri);
  }

  /**
   * Walks a directory (or one file) and makes the service agree with it:
   * recognised files are read, files known below it that are gone or no
   * longer recognised are dropped. Returns the number of recognised files.
   *
   * Files are read many at a time and handed to the service as they arrive;
   * every INDEX_SLICE_MS of work the event loop gets a turn, so requests
   * (hover, completion) are answered while a large folder is read.
   */
  private async reconcile(root: string): Promise<number> {
    const seen = new Set<string>();
    // What the index knew under this folder before the walk: what the walk does not find again
    // is gone from disk. Files taken in meanwhile (a change on disk, a closed document) stay, and
    // a first read, which knew nothing, has nothing to look through after the walk (21 ms for
    // the 53,660 files of 10,000 hosts, in one turn).
    const knownBefore: string[] = [];
    for (const uri of this.known.keys()) {
      const fsPath = uriToFsPath(uri);
      if (fsPath !== undefined && isPathInside(fsPath, root)) knownBefore.push(uri);
    }
    const isCancelled = () => this.stopped;
    const state: IndexingState = { filesRead: 0, filesFound: 0, walking: true };
    let lastProgress = performance.now();
    this.setReading(state);
    const maxBytes = maxFileBytes(this.settingsOf(root));
    // Found by the walk and not read; handed over with the chunk after them.
    const skips: [uri: string, reason: SkipReason][] = [];
    // Blocking calls between turns of the event loop while the disk answers fast (a local disk): a walk
    // through the thread pool spends most of its time on round trips (measured: 5x longer at 1,000 hosts).
    const adaptive = blockingWhileFast();
    // Open documents first: the files their diagnostics may need are read before the rest, and their
    // diagnostics go out once those are in (isComplete). A folder nested in another shares its files: not then.
    const openHere = [...this.open.keys()].filter((uri) => {
      const fsPath = uriToFsPath(uri);
      return fsPath !== undefined && isPathInside(fsPath, root) && this.service.isRecognised(uri);
    });
    const nested = this.folders.some((f) => f.fsPath !== root && (isPathInside(f.fsPath, root) || isPathInside(root, f.fsPath)));
    const readFirst = openHere.length > 0 && !nested ? this.service.readFirst(openHere) : undefined;
    const readFirstPaths = new Set<string>();
    let walkedFirst = false;
    const walked = countingDone(
      walkFiles(root, {
        accept: (file) => {
          const wanted = this.service.isRecognised(fileUri(file));
          if (wanted) state.filesFound++;
          return wanted;
        },
        onError: (file, error) => {
          if (error.code !== 'ENOENT') this.logger.warn(`Cannot read ${file}: ${error.message}`);
        },
        confineTo: await this.realFolders(),
        onSkip: (file, skip, isDirectory) => {
          if (isDirectory) this.logger.info(`Not following ${file}: a link to ${skip.target}, outside the workspace folders.`);
          else skips.push([fileUri(file), skip]);
        },
        isCancelled,
        adaptive,
        // A walk that finds few wanted files (or only files read later) still hands over between slices.
        pauseEvery: { ms: INDEX_SLICE_MS, pause: yieldToRequests },
      }),
      () => (state.walking = false),
    );
    const walk = readFirst
      ? firstThenRest(walked, (file) => readFirst(fileUri(file)), readFirstPaths, () => (walkedFirst = true))
      : walked;
    const publishEarly = () => {
      applyChunk();
      this.early = { uris: new Set(openHere), operations: this.operations };
      this.changed(openHere);
      this.wakeCompleteWaiters();
    };
    // Texts read and not yet handed over, applied in chunks sized to fit a slice.
    // What they change is reported once the walk is done (a large deployment would make every chunk re-list all its members).
    const load = this.service.startBulkLoad();
    let chunk: [uri: string, text: string][] = [];
    let sliceStart = performance.now();
    /**
     * Hands read texts to the service a few at a time until `deadline`, the
     * rest staying for the next slice: files cost from tens of microseconds
     * (ifcfg) to half a millisecond (os-net-config YAML), so a batch sized by
     * the last one's cost could overrun a slice tenfold.
     */
    const applyChunk = (deadline = Infinity) => {
      for (const [uri, reason] of skips.splice(0)) {
        seen.add(uri);
        if (!this.open.has(uri)) this.skip(uri, reason);
      }
      let applied = 0;
      while (applied < chunk.length && performance.now() < deadline) {
        // Opened while the disk was read: the editor's text wins.
        this.putMany(chunk.slice(applied, applied + APPLY_PIECE).filter(([uri]) => !this.open.has(uri)), load);
        applied += APPLY_PIECE;
      }
      chunk = applied >= chunk.length ? [] : chunk.slice(applied);
    };
    try {
      for await (const read of readTextFiles(walk, { isCancelled, maxBytes, adaptive })) {
        // The first file after those read first: everything the open documents need is in.
        if (walkedFirst && this.early === undefined && readFirst && !readFirstPaths.has(read.path)) publishEarly();
        const uri = fileUri(read.path);
        seen.add(uri);
        state.filesRead++;
        if (performance.now() - lastProgress >= PROGRESS_INTERVAL_MS) {
          lastProgress = performance.now();
          this.setReading(state);
        }
        // An open document's text wins over the disk.
        if (!this.open.has(uri)) {
          if (read.error) this.readFailed(uri, read.path, read.error);
          else if (read.tooLarge) this.skip(uri, { reason: 'file-too-large', bytes: read.tooLarge.bytes, limitBytes: maxBytes });
          else chunk.push([uri, read.text]);
        }
        if (chunk.length >= READ_AHEAD) applyChunk(sliceStart + INDEX_SLICE_MS);
        if (performance.now() - sliceStart >= INDEX_SLICE_MS) {
          await yieldToRequests();
          sliceStart = performance.now();
        }
      }
    } finally {
      if (!this.stopped) applyChunk();
      this.early = undefined;
      await this.reportInSlices(() => load.finish());
      this.setReading(undefined);
    }
    if (this.stopped) return seen.size;
    for (const uri of knownBefore) {
      if (!seen.has(uri) && !this.open.has(uri) && this.known.has(uri)) this.drop(uri);
    }
    return seen.size;
  }

  private deleted(uri: string): void {
    const fsPath = uriToFsPath(uri);
    if (fsPath === undefined) return;
    // The URI may name a directory: everything known below it goes too.
    for (const known of [...this.known.keys()]) {
      if (this.open.has(known)) continue;
      const knownPath = uriToFsPath(known);
      if (knownPath !== undefined && isPathInside(knownPath, fsPath)) this.drop(known);
    }
  }

  private async createdOrChanged(uri: string, created: boolean): Promise<void> {
    if (this.open.has(uri) || !this.isInWorkspace(uri)) return;
    if (this.service.isRecognised(uri)) {
      await this.readFromDisk(uri);
      return;
    }
    if (!created) return;
    // A created directory (copied or moved in) is walked; a created file of another name is ignored.
    const fsPath = uriToFsPath(uri);
    if (fsPath !== undefined) await this.reconcile(fsPath);
  }
}

/**
 * A walk's paths reordered: those `first` picks as the walk finds them (each
 * added to `picked`), the others once the walk is done, after `walkedFirst`
 * is called.
 */
async function* firstThenRest(paths: AsyncGenerator<string>, first: (path: string) => boolean, picked: Set<string>, walkedFirst: () => void): AsyncGenerator<string> {
  const rest: string[] = [];
  for await (const file of paths) {
    if (first(file)) {
      picked.add(file);
      yield file;
    } else rest.push(file);
  }
  walkedFirst();
  yield* rest;
}

/** Passes a walk's paths through and calls `done` when the walk has found every file. */
async function* countingDone(paths: AsyncGenerator<string>, done: () => void): AsyncGenerator<string> {
  try {
    yield* paths;
  } finally {
    done();
  }
}

/** Reads `neutronConfig` settings per folder through `workspace/configuration`. */
export function configurationReader(connection: Connection): SettingsReader {
  return async (folders) => {
    const result = new Map<string, Settings>();
    if (folders.length === 0) return result;
    const values: unknown[] = await connection.workspace.getConfiguration(
      folders.map((folder) => ({ scopeUri: folder.uri, section: 'neutronConfig' })),
    );
    folders.forEach((folder, i) => {
      const settings = normaliseSettings(values[i]);
      const problems = settingsProblems(values[i]);
      // Globs that could cost unbounded time or point outside the folder are dropped; say so.
      if (problems.length > 0) void connection.window.showWarningMessage(`neutronConfig in ${folder.name}: ${problems.join(' ')}`);
      if (settings.release && !parseRelease(settings.release)) {
        // Read as "any release"; say so rather than silently ignoring a typo.
        void connection.window.showWarningMessage(
          `neutronConfig.release "${settings.release}" is not a release neutron-config knows (use a name or version such as zed or 2024.1); checking for any release.`,
        );
      }
      result.set(folder.uri, settings);
    });
    return result;
  };
}

/** The same settings for every folder, from a fixed object (initialization options or a pushed configuration). */
export function fixedSettingsReader(settings: unknown): SettingsReader {
  const normalised = normaliseSettings(settings);
  return async (folders) => new Map(folders.map((folder) => [folder.uri, normalised]));
}

export function folderFromUri(uri: string, name?: string): Folder | undefined {
  const canonical = canonicalUri(uri);
  const fsPath = uriToFsPath(canonical);
  if (fsPath === undefined) return undefined;
  return { uri: canonical, fsPath, name: name ?? path.basename(fsPath) };
}
