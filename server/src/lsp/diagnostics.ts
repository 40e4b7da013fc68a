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
 * the moment they are sent, so work made stale by a newer edit is never sent;
 * a pushed document whose newer edit is still debounced waits for that edit.
 * Pushing publishes open documents first, then the files they affect.
 */
import type { Connection, Diagnostic, Disposable, DocumentDiagnosticReport, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import { DiagnosticServerCancellationData } from 'vscode-languageserver';
import { createHash } from 'crypto';
import { canonicalUri } from '../uris';
import { yieldToEventLoop } from '../fsWalk';
import { Logger, describeError, runSafe, untilOrCancelled } from './runSafe';

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
  /** Resolves once the first index of all workspace folders is complete. */
  initialIndex(): Promise<void>;
}

export interface DiagnosticsDelivery extends Disposable {
  /** Diagnostics of these (canonical) URIs may have changed. */
  changed(uris: Iterable<string>): void;
  /** Whether the URI's diagnostics changed and have not been delivered (published, or pulled by the client) since. */
  isUndelivered(uri: string): boolean;
}

/** Publishing runs in slices of about this long between turns of the event loop, so requests are not held up. */
const SLICE_MS = 4;
/** Changes arriving together (an edit and the files it affects, a burst of file events) are gathered for this long. */
const COALESCE_MS = 5;

export class PushDiagnostics implements DiagnosticsDelivery {
  /** Open documents whose diagnostics may have changed: published first. */
  private readonly urgent = new Set<string>();
  private readonly dirty = new Set<string>();
  /** JSON of the last list sent per URI; absent means an empty list. */
  private readonly lastSent = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private draining = false;
  private ready = false;
  private disposed = false;

  constructor(
    private readonly connection: Connection,
    private readonly source: DiagnosticsSource,
    private readonly logger: Logger,
  ) {
    source.initialIndex().then(() => {
      this.ready = true;
      this.schedule();
    }, () => undefined);
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

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.urgent.clear();
    this.dirty.clear();
  }

  private schedule(): void {
    if (!this.ready || this.disposed || this.draining || this.timer || this.urgent.size + this.dirty.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.drain();
    }, COALESCE_MS);
  }

  /**
   * Publishes open documents first, then the rest, in slices of SLICE_MS.
   * A document whose newer edit waits (debounced) is skipped: applying that
   * edit reports it again. Work made stale by an edit applied meanwhile is
   * redone, since that edit marks the files it affects again.
   */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (!this.disposed) {
        const next = this.next();
        if (next === undefined) break;
        const sliceStart = performance.now();
        for (let uri: string | undefined = next; uri !== undefined; uri = this.next()) {
          if (!this.source.hasPendingEdit(uri)) this.publish(uri);
          if (performance.now() - sliceStart >= SLICE_MS) break;
        }
        await yieldToEventLoop();
      }
    } finally {
      this.draining = false;
    }
    this.schedule();
  }

  /** Takes the next URI to publish, open documents first. */
  private next(): string | undefined {
    for (const set of [this.urgent, this.dirty]) {
      for (const uri of set) {
        set.delete(uri);
        return uri;
      }
    }
    return undefined;
  }

  private publish(uri: string): void {
    let diagnostics: Diagnostic[];
    try {
      diagnostics = this.source.getDiagnostics(uri);
    } catch (error) {
      this.logger.error(`Computing diagnostics of ${uri} failed: ${describeError(error)}`);
      return;
    }
    const json = JSON.stringify(diagnostics);
    if ((this.lastSent.get(uri) ?? '[]') === json) return;
    if (diagnostics.length === 0) this.lastSent.delete(uri);
    else this.lastSent.set(uri, json);
    const version = this.source.openVersion(uri);
    void this.connection.sendDiagnostics({
      uri: this.source.clientUri(uri),
      ...(version === null ? {} : { version }),
      diagnostics,
    });
  }
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
            if (await untilOrCancelled(source.initialIndex(), token)) return { kind: 'full', items: [] };
            source.flushPendingEdits();
            const report = this.report(canonicalUri(params.textDocument.uri));
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
            if (await untilOrCancelled(source.initialIndex(), token)) return { items: [] };
            const previous = new Map<string, string>();
            for (const entry of params.previousResultIds) previous.set(canonicalUri(entry.uri), entry.value);
            // Answer at once when something is new to the client; otherwise hold
            // the request until something changes (long poll), so an idle
            // workspace costs no traffic.
            for (;;) {
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
    const resultId = createHash('sha1').update(JSON.stringify(items)).digest('base64url').slice(0, 20);
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
