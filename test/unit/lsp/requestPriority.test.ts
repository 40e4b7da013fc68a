/**
 * Work done in slices (indexing a folder, publishing diagnostics) hands the
 * event loop over between slices; while a message from the client is on its
 * way through the connection, it keeps handing it over, so an answer waits
 * for one slice rather than one slice per turn the connection needs.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { noteIncomingMessage, runSafe, yieldToRequests } from '../../../server/src/lsp/runSafe';

const silent = { error: () => undefined, warn: () => undefined, info: () => undefined };

/** Counts the turns of the event loop that pass while `during` runs. */
async function turnsDuring(during: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let counting = true;
  const tick = () => {
    if (!counting) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  await during();
  counting = false;
  return turns;
}

describe('slices of work yield to requests', () => {
  it('with nothing arriving, a slice hands over one turn', async () => {
    assert.equal(await turnsDuring(() => yieldToRequests()), 1);
  });

  it('a message that arrived is given the turns to reach its handler', async () => {
    noteIncomingMessage();
    assert.ok((await turnsDuring(() => yieldToRequests())) >= 3);
  });

  it('an answer is given the turns to be written after it is ready', async () => {
    const answered = runSafe(silent, 'test/request', undefined, null, () => 'done');
    assert.equal(await answered, 'done');
    assert.ok((await turnsDuring(() => yieldToRequests())) >= 3);
    // Once written, slices go on at once.
    assert.equal(await turnsDuring(() => yieldToRequests()), 1);
  });

  it('a handler waiting for something else (the whole index) does not hold slices back', async () => {
    let release!: () => void;
    const waiting = new Promise<string>((resolve) => (release = () => resolve('late')));
    const answered = runSafe(silent, 'test/request', undefined, null, () => waiting);
    // Let it start: from then on it waits, and slices go on.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(await turnsDuring(() => yieldToRequests()), 1);
    release();
    assert.equal(await answered, 'late');
  });
});
