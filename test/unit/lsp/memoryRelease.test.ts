/**
 * The full collection after large answers: one for the answers of a burst,
 * none where the pause would buy little (a small answer, a large heap), and
 * none after the server has shut down. Timers are mocked: nothing waits.
 */
import { strict as assert } from 'node:assert';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { LARGE_ANSWER_NODES, MemoryRelease, fullCollection } from '../../../server/src/lsp/memoryRelease';

const MB = 1024 * 1024;

describe('MemoryRelease', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  it('collects delayMs after a large answer, once for the answers that came meanwhile', () => {
    let collections = 0;
    const release = new MemoryRelease(() => collections++, () => 60 * MB, 100);
    release.afterAnswer(6_000);
    mock.timers.tick(60);
    release.afterAnswer(6_000);
    mock.timers.tick(39);
    assert.equal(collections, 0);
    mock.timers.tick(1);
    assert.equal(collections, 1, 'the second answer does not postpone the collection');
    mock.timers.tick(10_000);
    assert.equal(collections, 1, 'nor does it add one');
    release.afterAnswer(6_000);
    mock.timers.tick(100);
    assert.equal(collections, 2, 'a later answer gets its own');
  });

  it('does not collect after an answer the service keeps, or one whose garbage is little for the heap', () => {
    let collections = 0;
    const release = new MemoryRelease(() => collections++, () => 460 * MB, 100);
    release.afterAnswer(6_000); // 10,000 hosts: 6,000 nodes are 2% of the heap
    release.afterAnswer(LARGE_ANSWER_NODES);
    mock.timers.tick(1_000);
    assert.equal(collections, 0);
    const small = new MemoryRelease(() => collections++, () => 10 * MB, 100);
    small.afterAnswer(LARGE_ANSWER_NODES);
    mock.timers.tick(1_000);
    assert.equal(collections, 0, 'graphs up to LARGE_ANSWER_NODES are cached by the service');
    small.afterAnswer(LARGE_ANSWER_NODES + 1);
    mock.timers.tick(100);
    assert.equal(collections, 1);
  });

  it('does not collect after dispose', () => {
    let collections = 0;
    const release = new MemoryRelease(() => collections++, () => 60 * MB, 100);
    release.afterAnswer(6_000);
    release.dispose();
    mock.timers.tick(1_000);
    assert.equal(collections, 0);
  });
});

describe('fullCollection', () => {
  it('is a function that runs a collection without node being started with --expose-gc', () => {
    const collect = fullCollection();
    assert.equal(typeof collect, 'function');
    assert.doesNotThrow(() => collect());
  });
});
