/**
 * The full collection after large answers: one for the answers of a burst,
 * and none after the server has shut down. Timers are mocked: nothing waits.
 */
import { strict as assert } from 'node:assert';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { MemoryRelease, fullCollection } from '../../../server/src/lsp/memoryRelease';

describe('MemoryRelease', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  it('collects delayMs after a large answer, once for the answers that came meanwhile', () => {
    let collections = 0;
    const release = new MemoryRelease(() => collections++, 100);
    release.afterLargeAnswer();
    mock.timers.tick(60);
    release.afterLargeAnswer();
    mock.timers.tick(39);
    assert.equal(collections, 0);
    mock.timers.tick(1);
    assert.equal(collections, 1, 'the second answer does not postpone the collection');
    mock.timers.tick(10_000);
    assert.equal(collections, 1, 'nor does it add one');
    release.afterLargeAnswer();
    mock.timers.tick(100);
    assert.equal(collections, 2, 'a later answer gets its own');
  });

  it('does not collect after dispose', () => {
    let collections = 0;
    const release = new MemoryRelease(() => collections++, 100);
    release.afterLargeAnswer();
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
