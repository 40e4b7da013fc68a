/**
 * The server's stdio writer: the bytes it puts on the wire (the framing every
 * LSP client parses), one system call for the messages of one turn, and a
 * message that cannot be serialised refused without harming the next.
 */
import { strict as assert } from 'node:assert';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { CoalescingStreamWriter } from '../../../server/src/lsp/streamWriter';

/** A stream that records each system call it would make: one entry per write or writev. */
function recordingStream(): { stream: Writable; calls: string[] } {
  const calls: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      calls.push(chunk.toString('utf8'));
      done();
    },
    writev(chunks, done) {
      calls.push(chunks.map((c) => (c.chunk as Buffer).toString('utf8')).join(''));
      done();
    },
  });
  return { stream, calls };
}

const frame = (message: unknown) => {
  const json = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`;
};

describe('the stdio message writer', () => {
  it('frames each message with its length in bytes, not characters', async () => {
    const { stream, calls } = recordingStream();
    const writer = new CoalescingStreamWriter(stream);
    const message = { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'physnet « br-ex » → eth1 ✓' } };
    await writer.write(message as any);
    assert.deepEqual(calls, [frame(message)]);
    // 105 characters, 111 bytes in UTF-8.
    assert.equal(JSON.stringify(message).length, 105);
    assert.match(calls[0], /^Content-Length: 111\r\n\r\n\{/);
  });

  it('writes the messages of one turn in one call, in order', async () => {
    const { stream, calls } = recordingStream();
    const writer = new CoalescingStreamWriter(stream);
    const messages = Array.from({ length: 50 }, (_, i) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: `file:///ws/compute-${i}/openvswitch_agent.ini`, diagnostics: [] } }));
    await Promise.all(messages.map((m) => writer.write(m as any)));
    assert.deepEqual(calls, [messages.map(frame).join('')]);
    // The next turn is a call of its own.
    await writer.write(messages[0] as any);
    assert.equal(calls.length, 2);
  });

  it('refuses a message it cannot serialise, reports it, and writes the next', async () => {
    const { stream, calls } = recordingStream();
    const writer = new CoalescingStreamWriter(stream);
    const errors: string[] = [];
    writer.onError(([error]) => errors.push(error.message));
    const cyclic: any = { jsonrpc: '2.0', method: 'x', params: {} };
    cyclic.params.self = cyclic;
    await assert.rejects(writer.write(cyclic), /circular/i);
    assert.equal(errors.length, 1);
    const next = { jsonrpc: '2.0', id: 1, result: null };
    await writer.write(next as any);
    assert.deepEqual(calls, [frame(next)]);
  });

  it('rejects a write the stream fails, and reports the error', async () => {
    const stream = new Writable({ write: (_chunk, _encoding, done) => done(new Error('EPIPE: the client went away')) });
    stream.on('error', () => undefined);
    const writer = new CoalescingStreamWriter(stream);
    const errors: string[] = [];
    writer.onError(([error]) => errors.push(error.message));
    await assert.rejects(writer.write({ jsonrpc: '2.0', id: 2, result: null } as any), /EPIPE/);
    assert.ok(errors.some((m) => /EPIPE/.test(m)));
  });
});
