/**
 * Delivery of diagnostics to the client, in one of two ways:
 *
 * - push: `textDocument/publishDiagnostics` for every file whose diagnostics
 *   changed, open or not, in small batches that leave room for requests;
 * - pull: the client asks (`textDocument/diagnostic` for open documents,
 *   `workspace/diagnostic` for everything else); the server answers with
 *   result ids so unchanged files cost nothing, sends
 *   `workspace/diagnostic/refresh` after a change, and holds a workspace
 *   request open until there is something new to report.
 *
 * Either way the diagnostics are computed from the service's current state at
 * the moment they are sent, and only while the service holds the whole
 * workspace (not half-way through a folder walk or a burst of file events),
 * so work made stale by a newer edit or by files not read yet is never sent;
 * a pushed document whose newer edit is still debounced waits for that edit.
 * Pushing publishes open documents first, then the files they affect.
 */
import type { Connection, Diagnostic, Disposable, DocumentDiagnosticReport, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import { DiagnosticServerCancellationData } from 'vscode-languageserver';
import { createHash } from 'crypto';
import { canonicalUri } from '../uris';
import { yieldToEventLoop } from '../fsWalk';
import { Logger, describeError, runSafe, untilOrCancelled, yieldToRequests } from './runSafe';

/** What the delivery needs to know about the workspace. */
export interface DiagnosticsSource {
  /** URIs (canonical) of all files the service currently holds. */
  knownFiles(): Iterable<string>;
  getDiagnostics(uri: string): Diagnostic[];
  /** The URI spelling the client used for this resource, if it ever sent one. */
  clientUri(uri: string): string;
  /** Version of the open document's text the service holds, or null when the file is not open. */
  openVersion(uri: string): number | null;
  /** Applies edits whose debounce has not yet run, so answers see the latest text. */
  flushPendingEdits(): void;
  /** Whether an edit of this open document waits (debounced): diagnostics computed now would be stale. */
  hasPendingEdit(uri: string): boolean;
  /**
   * Whether the service holds the whole workspace: the first index is done and
   * no folder walk or burst of file events is being applied. Diagnostics are
   * only delivered then, so that none claims a cross-file finding that files
   * not read yet would clear.
   */
  isSettled(): boolean;
  /** Resolves once `isSettled()` holds. */
  whenSettled(): Promise<void>;
  /**
   * Whether this URI's diagnostics are complete now: the workspace is
   * settled, or the URI is an open document whose diagnostics need none of
   * the files still being read (see WorkspaceSync.isComplete).
   */
  isComplete(uri: string): boolean;
  /** Resolves once `isComplete(uri)` holds. */
  whenComplete(uri: string): Promise<void>;
}

export interface DiagnosticsDelivery extends Disposable {
  /** Diagnostics of these (canonical) URIs may have changed. */
  changed(uris: Iterable<string>): void;
  /** Whether the URI's diagnostics changed and have not been delivered (published, or pulled by the client) since. */
  isUndelivered(uri: string): boolean;
  /**
   * Resolves once nothing waits to be published (at once for pulled
   * diagnostics: the client asks when it wants them). For work that can wait
   * until the first diagnostics are out.
   */
  whenDelivered(): Promise<void>;
}

/** Publishing runs in slices of about this long between turns of the event loop, so requests are not held up. */
const SLICE_MS = 4;
/**
 * At most this many publications are handed to the connection per slice;
 * the next slice waits until they are written. The connection writes one
 * message per turn of the event loop: a drain running ahead of it would hold
 * thousands of built messages in memory (costly to collect) and queue
 * answers to requests behind them.
 */
const SLICE_MESSAGES = 64;
/** Changes arriving together (an edit and the files it affects, a burst of file events) are gathered for this long. */
const COALESCE_MS = 5;

export class PushDiagnostics implements DiagnosticsDelivery {
  /** Open documents whose diagnostics may have changed: published first. */
  private readonly urgent = new UriQueue();
  private readonly dirty = new UriQueue();
  /** The last list sent per URI (the service's own array, never changed); absent means an empty list. */
  private readonly lastSent = new Map<string, readonly Diagnostic[]>();
  private timer: NodeJS.Timeout | undefined;
  private draining = false;
  private readonly deliveredWaiters: (() => void)[] = [];
  /** Waiting for the workspace to settle before publishing. */
  private waitingForSettle = false;
  private disposed = false;

  constructor(
    private readonly connection: Connection,
    private readonly source: DiagnosticsSource,
    private readonly logger: Logger,
  ) {
    this.schedule();
  }

  changed(uris: Iterable<string>): void {
    for (const uri of uris) {
      if (this.source.openVersion(uri) !== null) this.urgent.add(uri);
      else this.dirty.add(uri);
    }
    this.schedule();
  }

  isUndelivered(uri: string): boolean {
    return this.urgent.has(uri) || this.dirty.has(uri);
  }

  whenDelivered(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.deliveredWaiters.push(resolve));
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.urgent.clear();
    this.dirty.clear();
    this.wakeDeliveredWaiters();
  }

  private isIdle(): boolean {
    return this.disposed || (!this.draining && this.timer === undefined && this.urgent.size + this.dirty.size === 0);
  }

  private wakeDeliveredWaiters(): void {
    for (const wake of this.deliveredWaiters.splice(0)) wake();
  }

  private schedule(): void {
    if (this.disposed || this.draining || this.timer || this.urgent.size + this.dirty.size === 0) return;
    // While the workspace is read, only open documents whose diagnostics are complete already go out.
    if (!this.source.isSettled() && !this.urgent.some((uri) => this.source.isComplete(uri))) {
      if (this.waitingForSettle) return;
      this.waitingForSettle = true;
      this.source.whenSettled().then(() => {
        this.waitingForSettle = false;
        this.schedule();
      }, () => undefined);
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.drain();
    }, COALESCE_MS);
  }

  /**
   * Publishes open documents first, then the rest, in slices of SLICE_MS
   * (or SLICE_MESSAGES sent), each waiting for the previous one's messages
   * to be written. A document whose newer edit waits (debounced) is skipped:
   * applying that edit reports it again. Work made stale by an edit applied
   * meanwhile is redone, since that edit marks the files it affects again.
   */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      // A walk or burst of file events starting meanwhile stops the drain until it is applied (schedule waits for it),
      // all but the open documents whose diagnostics are complete already.
      while (!this.disposed) {
        const settled = this.source.isSettled();
        const take = settled ? () => this.next() : () => this.urgent.takeFirst((uri) => this.source.isComplete(uri));
        const next = take();
        if (next === undefined) break;
        const sliceStart = performance.now();
        let sent = 0;
        let lastSent: Promise<void> | undefined;
        for (let uri: string | undefined = next; uri !== undefined; uri = take()) {
          const sending = this.source.hasPendingEdit(uri) ? undefined : this.publish(uri);
          if (sending) {
            lastSent = sending;
            sent++;
          }
          if (sent >= SLICE_MESSAGES || performance.now() - sliceStart >= SLICE_MS) break;
        }
        // Messages are written in order: once the last is out, all are. A failed write was logged by the connection.
        if (lastSent) await lastSent.catch(() => undefined);
        await yieldToRequests();
      }
    } finally {
      this.draining = false;
    }
    this.schedule();
    if (this.isIdle()) this.wakeDeliveredWaiters();
  }

  /** Takes the next URI to publish, open documents first. */
  private next(): string | undefined {
    return this.urgent.take() ?? this.dirty.take();
  }

  /** Sends the URI's diagnostics unless the client has them already; the promise settles once they are written. */
  private publish(uri: string): Promise<void> | undefined {
    let diagnostics: Diagnostic[];
    try {
      diagnostics = this.source.getDiagnostics(uri);
    } catch (error) {
      this.logger.error(`Computing diagnostics of ${uri} failed: ${describeError(error)}`);
      return undefined;
    }
    if (sameJson(this.lastSent.get(uri) ?? NO_DIAGNOSTICS, diagnostics)) return undefined;
    if (diagnostics.length === 0) this.lastSent.delete(uri);
    else this.lastSent.set(uri, diagnostics);
    const version = this.source.openVersion(uri);
    return this.connection.sendDiagnostics({
      uri: this.source.clientUri(uri),
      ...(version === null ? {} : { version }),
      diagnostics,
    });
  }
}

/**
 * URIs waiting to be published, taken in the order they came. Taking goes on
 * from where the last take stopped (a live iterator visits later additions
 * too), rather than scanning again past the entries deleted so far.
 */
class UriQueue {
  private readonly uris = new Set<string>();
  private order: Iterator<string> | undefined;

  get size(): number {
    return this.uris.size;
  }

  add(uri: string): void {
    this.uris.add(uri);
  }

  has(uri: string): boolean {
    return this.uris.has(uri);
  }

  some(predicate: (uri: string) => boolean): boolean {
    for (const uri of this.uris) if (predicate(uri)) return true;
    return false;
  }

  /** Takes the first URI that satisfies `predicate`, wherever it is (a scan: for the short queue of open documents). */
  takeFirst(predicate: (uri: string) => boolean): string | undefined {
    for (const uri of this.uris) {
      if (!predicate(uri)) continue;
      this.uris.delete(uri);
      this.order = undefined;
      return uri;
    }
    return undefined;
  }

  clear(): void {
    this.uris.clear();
    this.order = undefined;
  }

  take(): string | undefined {
    if (this.uris.size === 0) {
      this.order = undefined;
      return undefined;
    }
    this.order ??= this.uris.values();
    const step = this.order.next();
    if (step.done) {
      // Cannot happen (every entry before the iterator's position has been taken): restart rather than lose entries.
      this.order = this.uris.values();
      return this.take();
    }
    this.uris.delete(step.value);
    return step.value;
  }
}

const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);

/**
 * Whether two JSON-like values serialise alike (the order of object keys
 * aside), compared in place: after a deployment-wide change most lists come
 * out as before, often as the very same objects, and serialising each to
 * compare would cost as much as sending it. Errs towards "different" (values
 * with `toJSON`, NaN, undefined array items): that only costs a publish.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  if (typeof x.toJSON === 'function' || typeof y.toJSON === 'function') return false;
  // JSON leaves out properties whose value is undefined: count only the others.
  let keys = 0;
  for (const key of Object.keys(x)) {
    const value = x[key];
    if (value === undefined) continue;
    if (!Object.prototype.hasOwnProperty.call(y, key) || !sameJson(value, y[key])) return false;
    keys++;
  }
  for (const key of Object.keys(y)) if (y[key] !== undefined) keys--;
  return keys === 0;
}

/** Coalescing delay before `workspace/diagnostic/refresh` is sent after a change. */
const REFRESH_MS = 50;

interface Report {
  generation: number;
  resultId: string;
  items: Diagnostic[];
}

export class PullDiagnostics implements DiagnosticsDelivery {
  /** Per URI, a counter bumped whenever its diagnostics may have changed. */
  private readonly generation = new Map<string, number>();
  /** Last report computed per URI, valid while its generation is unchanged. */
  private readonly reports = new Map<string, Report>();
  private readonly wakeUps = new Set<() => void>();
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly registrations: Disposable[] = [];
  private disposed = false;

  constructor(
    private readonly connection: Connection,
    private readonly source: DiagnosticsSource,
    private readonly logger: Logger,
    private readonly refreshSupported: boolean,
  ) {
    const cancelData: DiagnosticServerCancellationData = { retriggerRequest: true };
    this.registrations.push(
      connection.languages.diagnostics.on((params, token) =>
        runSafe<DocumentDiagnosticReport, DiagnosticServerCancellationData>(
          logger,
          'textDocument/diagnostic',
          token,
          { kind: 'full', items: [] },
          async () => {
            const uri = canonicalUri(params.textDocument.uri);
            if (await untilOrCancelled(source.whenComplete(uri), token)) return { kind: 'full', items: [] };
            source.flushPendingEdits();
            const report = this.report(uri);
            if (params.previousResultId === report.resultId) return { kind: 'unchanged', resultId: report.resultId };
            return { kind: 'full', resultId: report.resultId, items: report.items };
          },
          cancelData,
        ),
      ),
      connection.languages.diagnostics.onWorkspace((params, token) =>
        runSafe<WorkspaceDiagnosticReport, DiagnosticServerCancellationData>(
          logger,
          'workspace/diagnostic',
          token,
          { items: [] },
          async () => {
            const previous = new Map<string, string>();
            for (const entry of params.previousResultIds) previous.set(canonicalUri(entry.uri), entry.value);
            // Answer at once when something is new to the client; otherwise hold
            // the request until something changes (long poll), so an idle
            // workspace costs no traffic.
            for (;;) {
              if (await untilOrCancelled(source.whenSettled(), token)) return { items: [] };
              source.flushPendingEdits();
              const items = await this.collectChanged(previous);
              if (items.length > 0 || this.disposed || token.isCancellationRequested) return { items };
              const wake = new Promise<void>((resolve) => this.wakeUps.add(resolve));
              if (await untilOrCancelled(wake, token)) return { items: [] };
            }
          },
          cancelData,
        ),
      ),
    );
  }

  whenDelivered(): Promise<void> {
    return Promise.resolve();
  }

  isUndelivered(uri: string): boolean {
    const generation = this.generation.get(uri);
    return generation !== undefined && this.reports.get(uri)?.generation !== generation;
  }

  changed(uris: Iterable<string>): void {
    for (const uri of uris) this.generation.set(uri, (this.generation.get(uri) ?? 0) + 1);
    if (this.refreshTimer || this.disposed) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.wakeAll();
      if (this.refreshSupported) {
        this.connection.languages.diagnostics.refresh().catch((error: unknown) => {
          this.logger.warn(`workspace/diagnostic/refresh failed: ${describeError(error)}`);
        });
      }
    }, REFRESH_MS);
  }

  dispose(): void {
    this.disposed = true;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.wakeAll();
    for (const registration of this.registrations) registration.dispose();
  }

  /**
   * The diagnostics of a URI with a result id derived from their content, so
   * a file whose diagnostics came out the same after a change elsewhere is not
   * sent again. Recomputed only when the URI's generation moved.
   */
  private report(uri: string): Report {
    const generation = this.generation.get(uri) ?? 0;
    const cached = this.reports.get(uri);
    if (cached && cached.generation === generation) return cached;
    const items = this.source.getDiagnostics(uri);
    // Most lists come out as before after a change elsewhere: keep their id without serialising them.
    const resultId =
      cached && sameJson(cached.items, items) ? cached.resultId : createHash('sha1').update(JSON.stringify(items)).digest('base64url').slice(0, 20);
    const report = { generation, resultId, items };
    this.reports.set(uri, report);
    return report;
  }

  private wakeAll(): void {
    const wakeUps = [...this.wakeUps];
    this.wakeUps.clear();
    for (const wake of wakeUps) wake();
  }

  private async collectChanged(previous: Map<string, string>): Promise<WorkspaceDocumentDiagnosticReport[]> {
    const candidates = new Set<string>(this.source.knownFiles());
    for (const uri of previous.keys()) candidates.add(uri);
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    let sliceStart = performance.now();
    for (const uri of candidates) {
      if (performance.now() - sliceStart >= SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
      let report: Report;
      try {
        report = this.report(uri);
      } catch (error) {
        this.logger.error(`Computing diagnostics of ${uri} failed: ${describeError(error)}`);
        continue;
      }
      if (previous.get(uri) === report.resultId) continue;
      items.push({ kind: 'full', uri: this.source.clientUri(uri), version: this.source.openVersion(uri), resultId: report.resultId, items: report.items });
    }
    return items;
  }
}
