import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CACHED_TOPOLOGY_MAX_NODES } from '../core/service';

/**
 * Answers of more nodes than this (a topology graph of every host on its own)
 * may be followed by a full collection; the service keeps smaller graphs, so
 * they leave no garbage worth a pause.
 */
export const LARGE_ANSWER_NODES = CACHED_TOPOLOGY_MAX_NODES;

/** About what building, serialising and sending a graph leaves behind, per node (10 MB for 6,000). */
const GARBAGE_BYTES_PER_NODE = 1_700;

/**
 * A collection is worth its pause when the answer's garbage is at least this
 * share of the heap in use: the pause grows with the heap (60 ms at 1,000
 * hosts, 400-580 ms at 10,000), and on a large heap the garbage of one answer
 * hardly moves V8's own next collection.
 */
const WORTH_COLLECTING = 0.1;

/**
 * Gives the heap back after large answers. Building, serialising and sending
 * the graph of 1,000 hosts one by one (6,000 nodes, 3 MB of JSON) leaves about
 * 10 MB of garbage, most of it large strings and buffers that only a full
 * collection frees. V8 starts one when the old generation reaches its limit,
 * so a user paging through such pictures raised the server's RSS by about
 * 30 MB (peak 166 against 138 MB with this, median of four runs of twelve
 * answers in a row). So `delayMs` after a large answer, once the answer has
 * been written, this runs one full collection, which also covers the large
 * answers that came in the meantime: a pause V8 would take later anyway.
 */
export class MemoryRelease {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly collect: () => void = collectGarbage,
    private readonly heapUsed: () => number = () => getHeapStatistics().used_heap_size,
    private readonly delayMs = 100,
  ) {}

  /** An answer of `nodes` nodes has been built and is about to be sent. */
  afterAnswer(nodes: number): void {
    if (this.timer || nodes <= LARGE_ANSWER_NODES) return;
    if (nodes * GARBAGE_BYTES_PER_NODE < WORTH_COLLECTING * this.heapUsed()) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.collect();
    }, this.delayMs);
    this.timer.unref();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

let collector: (() => void) | undefined;

/** One full collection; V8's function for it is looked up the first time (a context costs memory). */
function collectGarbage(): void {
  collector ??= fullCollection();
  collector();
}

/**
 * V8's full collection as a function. Node offers it only with `--expose-gc`;
 * a flag set at run time shows the function in contexts made afterwards, so
 * one is made for it. Whoever starts node need not know.
 */
export function fullCollection(): () => void {
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') return exposed as () => void;
  setFlagsFromString('--expose-gc');
  const collect: unknown = runInNewContext('gc');
  return typeof collect === 'function' ? (collect as () => void) : () => undefined;
}
