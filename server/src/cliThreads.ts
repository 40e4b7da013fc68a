/**
 * Checking a folder on several threads (issue #18). The main thread walks and
 * reads the files, as on one thread. Hosts whose files are all of kinds that
 * are checked from their own host and the parts of the deployment read early
 * (its declarations and captures, see service.readsOnlyEarlyParts) are shared
 * out: a worker thread loads the hosts it is given, with every declaration and
 * capture of the workspace, and checks their files. The main thread loads the
 * rest, with every agent file of the shared hosts too (the rules on ML2 configs
 * and captures read every agent), and checks it. A file a worker finds it
 * cannot check alone (its content made it another kind) is checked again on
 * the main thread with the whole workspace. The output is the same as on one
 * thread, byte for byte.
 */
import * as os from 'os';
import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import type { Diagnostic } from 'vscode-languageserver-types';
import { NeutronConfigService } from './core/service';
import { deploymentPartsReadFor, isReadFirstKind, readsOnlyEarlyParts } from './core/rules/deploymentReads';
import type { FileKind, Settings } from './core/settings';
import { DEPLOYMENT_PART_KINDS } from './core/workspace/views';
import { serviceOnDisk } from './diskFacts';

/**
 * Below this many files one thread is faster. A worker loads the bundle and
 * warms up its own JIT, and on 2 cores V8's collector threads already use much
 * of the second one: at 1,000 bench hosts (5,360 files) two threads took
 * 1.9-2.5 s against 1.6-1.8 s for one; at 10,000 (53,660 files) 10.6 s against 11.5 s.
 */
export const SHARED_CHECK_MIN_FILES = 20_000;
/** At most this many threads by default: beyond, the main thread's share (reading, the controllers) dominates. */
const MAX_DEFAULT_THREADS = 4;

/** What a worker is asked to do. */
interface ShareRequest {
  folders: { uri: string; settings: Settings }[];
  /** Texts to load: the share's hosts' files and every file read first. */
  load: [uri: string, text: string][];
  /** Files to check: the share's hosts' files. */
  check: string[];
}

/** What a worker found, per file it could check on its own. */
export interface CheckedFile {
  /** What describeFile says; undefined for a file whose text is none of what its name may be. */
  info: { kind: FileKind; host: string } | undefined;
  diagnostics: Diagnostic[];
}

interface ShareResult {
  checked: [uri: string, result: CheckedFile][];
  /** Files whose diagnostics need more than the share holds. */
  incomplete: string[];
  /** Rules that threw, as the CLI reports them. */
  ruleErrors: string[];
}

const WORKER_MARK = 'neutron-config-check-thread';

/** Threads to use: `--jobs`, or one per CPU (at most MAX_DEFAULT_THREADS). */
export function threadsFor(jobs: number | undefined): number {
  return jobs ?? Math.min(MAX_DEFAULT_THREADS, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/** A worker thread started ahead, so that its start-up overlaps the walk and the reads. */
export class CheckThread {
  private readonly worker = new Worker(__filename, { workerData: { mark: WORKER_MARK } });
  private failure: Error | undefined;

  constructor() {
    this.worker.on('error', (error) => (this.failure = error));
    // An idle worker must not keep the process alive.
    this.worker.unref();
  }

  /** Checks a share; rejects when the worker fails (the caller checks the share itself then). */
  check(request: ShareRequest): Promise<ShareResult> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      const settle = (error?: Error) => {
        this.worker.off('message', onMessage);
        this.worker.off('error', settle);
        this.worker.off('exit', onExit);
        if (error) reject(error);
      };
      const onMessage = (result: ShareResult) => {
        settle();
        resolve(result);
      };
      const onExit = (code: number) => settle(new Error(`the check thread stopped (exit ${code})`));
      this.worker.on('message', onMessage);
      this.worker.once('error', settle);
      this.worker.once('exit', onExit);
      this.worker.postMessage(request);
    });
  }

  close(): void {
    void this.worker.terminate();
  }
}

/** The files each thread loads and checks. */
export interface SharePlan {
  /** Per worker: the files it loads and those it checks. */
  workers: { load: string[]; check: string[] }[];
  /** What the main thread loads (it checks every file no worker checks). */
  mainLoad: string[];
}

/**
 * Shares a workspace's files out between `threads` threads (the main thread
 * and threads - 1 workers); undefined when nothing can be shared. Hosts go
 * round the threads in the order of their keys.
 */
export function shareOut(service: NeutronConfigService, uris: readonly string[], threads: number): SharePlan | undefined {
  if (threads < 2) return undefined;
  const kinds = new Map<string, FileKind>();
  for (const uri of uris) {
    const kind = service.index.kindOf(uri);
    if (kind === undefined) continue;
    kinds.set(uri, kind);
    // A rule that reads every host of the deployment could not be answered from a share.
    if (deploymentPartsReadFor(kind).includes('hosts')) return undefined;
  }
  const hosts = new Map<string, string[]>();
  for (const uri of kinds.keys()) {
    const key = service.index.hostKeyOf(uri);
    const files = hosts.get(key);
    if (files) files.push(uri);
    else hosts.set(key, [uri]);
  }
  const shareable = [...hosts.keys()].filter((key) => hosts.get(key)!.every((uri) => readsOnlyEarlyParts(kinds.get(uri)!))).sort();
  if (shareable.length < threads) return undefined;
  const readFirst = [...kinds].filter(([, kind]) => isReadFirstKind(kind)).map(([uri]) => uri);
  const workers = Array.from({ length: threads - 1 }, () => ({ load: [...readFirst], check: [] as string[] }));
  const toWorkers = new Set<string>();
  shareable.forEach((key, i) => {
    // Thread 0 is the main thread.
    const thread = i % threads;
    if (thread === 0) return;
    for (const uri of hosts.get(key)!) {
      workers[thread - 1].check.push(uri);
      if (!isReadFirstKind(kinds.get(uri)!)) workers[thread - 1].load.push(uri);
      toWorkers.add(uri);
    }
  });
  // The main thread also reads every file of the parts of a deployment other rules read across hosts.
  const everyHostReads = new Set(Object.values(DEPLOYMENT_PART_KINDS).flatMap((k) => k ?? []));
  const mainLoad = [...kinds].filter(([uri, kind]) => !toWorkers.has(uri) || everyHostReads.has(kind)).map(([uri]) => uri);
  return { workers, mainLoad };
}

/** What checkShared needs of the main thread. */
export interface MainThreadCheck {
  folders: ShareRequest['folders'];
  texts: ReadonlyMap<string, string>;
  /** The main thread's service, empty yet. */
  main: NeutronConfigService;
  /** Files whose findings are printed (those no thread checks are checked on `main`). */
  mainChecks: Iterable<string>;
  /** Loads texts into a service, with the files skipped unread. */
  load: (service: NeutronConfigService, entries: Iterable<[string, string]>) => void;
  /** A service holding every file: for what a thread could not check. */
  whole: () => NeutronConfigService;
  warn: (message: string) => void;
  fail: (message: string) => void;
}

/**
 * Checks a workspace as `plan` shares it out: the threads their shares, the
 * main thread the rest meanwhile (its findings stay cached in `main`).
 * Resolves to what the threads checked, and what a thread could not check
 * alone (or a failed thread's whole share) checked with the whole workspace.
 */
export async function checkShared(plan: SharePlan, threads: readonly CheckThread[], on: MainThreadCheck): Promise<Map<string, CheckedFile>> {
  const shares = plan.workers.map((share, i) =>
    threads[i].check({ folders: on.folders, load: share.load.map((uri) => [uri, on.texts.get(uri)!]), check: share.check }).then(
      (result) => ({ share, result }),
      (error: unknown) => ({ share, error }),
    ),
  );
  on.load(on.main, plan.mainLoad.map((uri) => [uri, on.texts.get(uri)!]));
  const sharedOut = new Set(plan.workers.flatMap((share) => share.check));
  for (const uri of on.mainChecks) if (!sharedOut.has(uri)) on.main.getDiagnostics(uri);
  const checked = new Map<string, CheckedFile>();
  const again: string[] = [];
  for (const outcome of await Promise.all(shares)) {
    if ('error' in outcome) {
      on.warn(`a check thread failed (${outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}); its files are checked on the main thread`);
      again.push(...outcome.share.check);
      continue;
    }
    for (const message of outcome.result.ruleErrors) on.fail(message);
    for (const [uri, result] of outcome.result.checked) checked.set(uri, result);
    again.push(...outcome.result.incomplete);
  }
  if (again.length > 0) {
    const whole = on.whole();
    for (const uri of again) checked.set(uri, checkedBy(whole, uri));
  }
  return checked;
}

function checkedBy(service: NeutronConfigService, uri: string): CheckedFile {
  const info = service.describeFile(uri);
  return { info: info && { kind: info.kind, host: info.host }, diagnostics: service.getDiagnostics(uri) };
}

/** In a worker: checks a share. */
function checkShare(request: ShareRequest): ShareResult {
  const ruleErrors: string[] = [];
  const service = serviceOnDisk(request.folders, (message) => ruleErrors.push(message));
  service.setFiles(request.load);
  const checked: [string, CheckedFile][] = [];
  const incomplete: string[] = [];
  for (const uri of request.check) {
    const info = service.describeFile(uri);
    // Not indexed: its text is none of what its name may be, and it has no findings whatever else says.
    if (info && !service.isCompleteWithReadFirst(uri)) incomplete.push(uri);
    else checked.push([uri, checkedBy(service, uri)]);
  }
  return { checked, incomplete, ruleErrors };
}

if (!isMainThread && (workerData as { mark?: string } | undefined)?.mark === WORKER_MARK) {
  parentPort!.on('message', (request: ShareRequest) => parentPort!.postMessage(checkShare(request)));
}
