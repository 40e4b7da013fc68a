/**
 * A small LSP client for protocol tests: starts a server process, frames
 * JSON-RPC messages with Content-Length headers, matches responses to
 * requests by id, answers the server's own requests, and lets a test wait
 * for a condition on the received messages with a deadline (no fixed sleeps).
 */
import { ChildProcessWithoutNullStreams, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';

export interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

export interface Notification {
  method: string;
  params: any;
}

export type ServerRequestHandler = (params: any) => unknown;

export class LspError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

/** The repository root: the nearest directory above this file that holds package.json. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

export class LspClient {
  readonly notifications: Notification[] = [];
  /** Requests the server sent to us, in arrival order. */
  readonly serverRequests: { method: string; params: any }[] = [];
  stderr = '';
  readonly exited: Promise<number | null>;

  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; method: string }>();
  private readonly handlers = new Map<string, ServerRequestHandler>();
  private readonly listeners = new Set<() => void>();
  private exitCode: number | null | undefined;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    // Answers to the server may still be on their way when it exits or is killed: a closed pipe is not a test failure.
    child.stdin.on('error', (error: NodeJS.ErrnoException) => {
      this.stderr += `[client] write to server failed: ${error.code ?? error.message}\n`;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    this.exited = new Promise((resolve) => {
      child.on('exit', (code) => {
        this.exitCode = code;
        for (const { reject, method } of this.pending.values()) reject(new Error(`server exited (code ${code}) before answering ${method}`));
        this.pending.clear();
        this.changed();
        resolve(code);
      });
    });
    // Sensible answers to what servers commonly ask of a client.
    this.onRequest('client/registerCapability', () => null);
    this.onRequest('client/unregisterCapability', () => null);
    this.onRequest('window/workDoneProgress/create', () => null);
    this.onRequest('workspace/diagnostic/refresh', () => null);
    this.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  }

  /** Starts `node <serverPath> <args>`. */
  static start(serverPath: string, args: string[] = ['--stdio']): LspClient {
    const child = spawn(process.execPath, [serverPath, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    return new LspClient(child);
  }

  /** Runs an executable (an installed package bin) as the server, without naming node. */
  static startExecutable(executable: string, args: string[] = ['--stdio']): LspClient {
    return new LspClient(spawn(executable, args, { stdio: ['pipe', 'pipe', 'pipe'] }));
  }

  get hasExited(): boolean {
    return this.exitCode !== undefined;
  }

  onRequest(method: string, handler: ServerRequestHandler): void {
    this.handlers.set(method, handler);
  }

  request<T = any>(method: string, params?: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    const id = this.nextId++;
    if (this.hasExited) return Promise.reject(new Error(`server has exited (code ${this.exitCode}); cannot send ${method}${this.stderrTail()}`));
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${method} within ${timeoutMs} ms${this.stderrTail()}`));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  /** Sends a request and returns its id without waiting (for cancellation tests). */
  requestWithId<T = any>(method: string, params?: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): { id: number; response: Promise<T> } {
    const id = this.nextId;
    return { id, response: this.request<T>(method, params, timeoutMs) };
  }

  notify(method: string, params?: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Sends `initialize` with `dir` as the one workspace folder, then `initialized`; resolves with the server's answer. */
  async initializeOn(dir: string, capabilities: object, extra: Record<string, unknown> = {}, name = 'deployment'): Promise<any> {
    const uri = URI.file(dir).toString();
    const answer = await this.request('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name }], capabilities, ...extra });
    this.notify('initialized', {});
    return answer;
  }

  /** Writes bytes to the server as they are (framing included or not). */
  writeRaw(bytes: Buffer | string): void {
    this.child.stdin.write(bytes);
  }

  /**
   * Resolves with the first truthy value of `probe`, evaluated now and after
   * every message from the server; rejects after `timeoutMs` with `what`.
   */
  waitFor<T>(what: string, probe: () => T | undefined | null | false, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = (): boolean => {
        let value: T | undefined | null | false;
        try {
          value = probe();
        } catch (error) {
          finish();
          reject(error instanceof Error ? error : new Error(String(error)));
          return true;
        }
        if (value) {
          finish();
          resolve(value);
          return true;
        }
        if (this.hasExited) {
          finish();
          reject(new Error(`server exited while waiting for ${what}${this.stderrTail()}`));
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${this.stderrTail()}`));
      }, timeoutMs);
      const listener = () => void check();
      const finish = () => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      if (!check()) this.listeners.add(listener);
    });
  }

  /** The diagnostics of the latest `publishDiagnostics` for `uri`, or undefined if none came yet. */
  latestDiagnostics(uri: string): any[] | undefined {
    for (let i = this.notifications.length - 1; i >= 0; i--) {
      const n = this.notifications[i];
      if (n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri) return n.params.diagnostics;
    }
    return undefined;
  }

  /** Waits until the latest diagnostics published for `uri` satisfy `predicate`; resolves with them. */
  waitForDiagnostics(uri: string, predicate: (diagnostics: any[]) => boolean, what: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<any[]> {
    return this.waitFor(`diagnostics of ${uri}: ${what}`, () => {
      const latest = this.latestDiagnostics(uri);
      return latest !== undefined && predicate(latest) ? latest : undefined;
    }, timeoutMs);
  }

  /** Waits until diagnostics of exactly this document version are published for `uri`; resolves with them. */
  waitForVersion(uri: string, version: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<any[]> {
    return this.waitFor(`diagnostics of ${uri} at version ${version}`, () => {
      for (let i = this.notifications.length - 1; i >= 0; i--) {
        const n = this.notifications[i];
        if (n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.version === version) return n.params.diagnostics;
      }
      return undefined;
    }, timeoutMs);
  }

  /** Number of server requests of this method so far. */
  countServerRequests(method: string): number {
    return this.serverRequests.filter((r) => r.method === method).length;
  }

  /** Polite shutdown: `shutdown`, `exit`, then the process's exit code. */
  async shutdown(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<number | null> {
    if (this.hasExited) return this.exitCode ?? null;
    await this.request('shutdown', null, timeoutMs);
    this.notify('exit');
    return this.waitFor('server exit', () => (this.hasExited ? { code: this.exitCode ?? null } : undefined), timeoutMs).then((r) => r.code);
  }

  /** Ends the process whatever its state. */
  kill(): void {
    if (!this.hasExited) this.child.kill('SIGKILL');
  }

  private stderrTail(): string {
    const tail = this.stderr.trim().split('\n').slice(-20).join('\n');
    return tail ? `\n--- server stderr (tail) ---\n${tail}` : '';
  }

  private send(message: Message): void {
    if (this.hasExited || !this.child.stdin.writable) return;
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const match = /Content-Length:\s*(\d+)/i.exec(header);
      if (!match) throw new Error(`bad header from server: ${header}`);
      const length = Number(match[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined && message.id !== null) {
      this.serverRequests.push({ method: message.method, params: message.params });
      const handler = this.handlers.get(message.method);
      if (handler) {
        Promise.resolve()
          .then(() => handler(message.params))
          .then(
            (result) => this.send({ jsonrpc: '2.0', id: message.id, result: result ?? null }),
            (error: unknown) => this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: String(error) } }),
          );
      } else {
        this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: `test client does not handle ${message.method}` } });
      }
    } else if (message.method !== undefined) {
      this.notifications.push({ method: message.method, params: message.params });
    } else if (typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      if (pending) {
        this.pending.delete(message.id);
        if (message.error) pending.reject(new LspError(message.error.code, message.error.message, message.error.data));
        else pending.resolve(message.result);
      }
    }
    this.changed();
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
