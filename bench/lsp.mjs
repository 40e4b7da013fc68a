// A minimal stdio LSP client for the benchmark (same idea as
// test/protocol/lspClient.ts, tuned for measuring): every message from the
// server is time-stamped on arrival with performance.now(), and
// publishDiagnostics is indexed per URI so waiting on thousands of files
// costs the client O(1) per message.

import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export class BenchClient {
  /** uri -> { t, version, diagnostics } of the latest publishDiagnostics. */
  latest = new Map();
  publishCount = 0;
  firstPublishAt = undefined;
  logMessages = [];
  stderr = '';

  #chunks = [];
  #length = 0;
  #nextId = 1;
  #pending = new Map();
  #handlers = new Map();
  #publishListeners = new Set();
  #exitCode = undefined;

  constructor(serverPath, { nodeArgs = [], args = ['--stdio'], cwd } = {}) {
    this.spawnedAt = performance.now();
    this.child = spawn(process.execPath, [...nodeArgs, serverPath, ...args], { stdio: ['pipe', 'pipe', 'pipe'], cwd });
    this.pid = this.child.pid;
    this.child.stdout.on('data', (chunk) => this.#receive(chunk));
    this.child.stderr.on('data', (chunk) => {
      if (this.stderr.length < 200_000) this.stderr += chunk.toString('utf8');
    });
    this.child.stdin.on('error', () => undefined);
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        this.#exitCode = code ?? signal;
        for (const { reject, method } of this.#pending.values()) reject(new Error(`server exited (${code ?? signal}) before answering ${method}`));
        this.#pending.clear();
        for (const listener of [...this.#publishListeners]) listener(undefined);
        resolve(code);
      });
    });
    this.onRequest('client/registerCapability', () => null);
    this.onRequest('client/unregisterCapability', () => null);
    this.onRequest('window/workDoneProgress/create', () => null);
    this.onRequest('workspace/diagnostic/refresh', () => null);
    this.onRequest('workspace/codeLens/refresh', () => null);
    this.onRequest('workspace/inlayHint/refresh', () => null);
    this.onRequest('workspace/semanticTokens/refresh', () => null);
    this.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  }

  get hasExited() {
    return this.#exitCode !== undefined;
  }

  onRequest(method, handler) {
    this.#handlers.set(method, handler);
  }

  /** Sends a request; resolves with { result, ms } (round trip measured in this process). */
  request(method, params, timeoutMs = 30_000) {
    const id = this.#nextId++;
    if (this.hasExited) return Promise.reject(new Error(`server has exited; cannot send ${method}${this.stderrTail()}`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`no answer to ${method} within ${timeoutMs} ms${this.stderrTail()}`));
      }, timeoutMs);
      const sent = performance.now();
      this.#pending.set(id, {
        method,
        resolve: (result, at) => {
          clearTimeout(timer);
          resolve({ result, ms: at - sent, sent, at });
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.#send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.#send({ jsonrpc: '2.0', method, params });
  }

  /**
   * Resolves with the publish (or undefined on timeout/exit) once `accept(publish)`
   * is true for a publishDiagnostics of `uri` arriving after now (or already
   * latest when `includeCurrent`).
   */
  waitForPublish(uri, accept, timeoutMs, includeCurrent = false) {
    if (includeCurrent) {
      const current = this.latest.get(uri);
      if (current && accept(current)) return Promise.resolve(current);
    }
    return new Promise((resolve) => {
      const listener = (publish) => {
        if (publish === undefined) return done(undefined);
        if (publish.uri === uri && accept(publish)) done(publish);
      };
      const timer = setTimeout(() => done(undefined), timeoutMs);
      const done = (value) => {
        clearTimeout(timer);
        this.#publishListeners.delete(listener);
        resolve(value);
      };
      this.#publishListeners.add(listener);
    });
  }

  /**
   * Waits until every URI of `uris` has had a publish accepted by `accept`
   * (already-latest publishes count when `includeCurrent`). Resolves with
   * { done, lastAt, firstAt, missing } — `done` false on timeout.
   */
  waitForAll(uris, accept, timeoutMs, includeCurrent = false) {
    const missing = new Set(uris);
    let firstAt;
    let lastAt;
    if (includeCurrent) {
      for (const uri of uris) {
        const current = this.latest.get(uri);
        if (current && accept(current)) {
          missing.delete(uri);
          firstAt = Math.min(firstAt ?? Infinity, current.t);
          lastAt = Math.max(lastAt ?? -Infinity, current.t);
        }
      }
    }
    if (missing.size === 0) return Promise.resolve({ done: true, firstAt, lastAt, missing: [] });
    return new Promise((resolve) => {
      const listener = (publish) => {
        if (publish === undefined) return finish(false);
        if (!missing.has(publish.uri) || !accept(publish)) return;
        missing.delete(publish.uri);
        firstAt ??= publish.t;
        lastAt = publish.t;
        if (missing.size === 0) finish(true);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      const finish = (done) => {
        clearTimeout(timer);
        this.#publishListeners.delete(listener);
        resolve({ done, firstAt, lastAt, missing: [...missing] });
      };
      this.#publishListeners.add(listener);
    });
  }

  async shutdown(timeoutMs = 30_000) {
    if (this.hasExited) return;
    try {
      await this.request('shutdown', null, timeoutMs);
      this.notify('exit');
      await Promise.race([this.exited, new Promise((r) => setTimeout(r, timeoutMs))]);
    } catch {
      /* fall through to kill */
    }
    this.kill();
  }

  kill() {
    if (!this.hasExited) this.child.kill('SIGKILL');
  }

  stderrTail() {
    const tail = this.stderr.trim().split('\n').slice(-10).join('\n');
    return tail ? `\n--- server stderr (tail) ---\n${tail}` : '';
  }

  #send(message) {
    if (this.hasExited || !this.child.stdin.writable) return;
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  #receive(chunk) {
    const at = performance.now();
    this.#chunks.push(chunk);
    this.#length += chunk.length;
    let buffer = this.#chunks.length === 1 ? this.#chunks[0] : Buffer.concat(this.#chunks, this.#length);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) break;
      const header = buffer.subarray(0, headerEnd).toString('ascii');
      const match = /Content-Length:\s*(\d+)/i.exec(header);
      if (!match) throw new Error(`bad header from server: ${header}`);
      const start = headerEnd + 4;
      const end = start + Number(match[1]);
      if (buffer.length < end) break;
      const message = JSON.parse(buffer.subarray(start, end).toString('utf8'));
      buffer = buffer.subarray(end);
      this.#dispatch(message, at);
    }
    this.#chunks = buffer.length ? [buffer] : [];
    this.#length = buffer.length;
  }

  #dispatch(message, at) {
    if (message.method !== undefined && message.id !== undefined && message.id !== null) {
      const handler = this.#handlers.get(message.method);
      const reply = (payload) => this.#send({ jsonrpc: '2.0', id: message.id, ...payload });
      if (!handler) return reply({ error: { code: -32601, message: `bench client does not handle ${message.method}` } });
      Promise.resolve()
        .then(() => handler(message.params))
        .then(
          (result) => reply({ result: result ?? null }),
          (error) => reply({ error: { code: -32603, message: String(error) } }),
        );
    } else if (message.method === 'textDocument/publishDiagnostics') {
      const publish = { t: at, uri: message.params.uri, version: message.params.version, diagnostics: message.params.diagnostics };
      this.publishCount++;
      this.firstPublishAt ??= at;
      this.latest.set(publish.uri, publish);
      for (const listener of [...this.#publishListeners]) listener(publish);
    } else if (message.method === 'window/logMessage' || message.method === 'window/showMessage') {
      if (this.logMessages.length < 1000) this.logMessages.push({ t: at, ...message.params });
    } else if (message.method === undefined && typeof message.id === 'number') {
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      this.#pending.delete(message.id);
      if (message.error) {
        const error = new Error(`${pending.method}: ${message.error.message}`);
        error.code = message.error.code;
        pending.reject(error);
      } else pending.resolve(message.result, at);
    }
  }
}
