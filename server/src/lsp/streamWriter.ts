import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

/** A stream the writer can hold writes on (net.Socket, a pipe's stdout). */
type CorkableStream = NodeJS.WritableStream & { cork(): void; uncork(): void };

/**
 * Writes LSP messages to a byte stream (`--stdio`), the messages of one turn
 * of the event loop in one system call. vscode-jsonrpc's own writer writes
 * the header and the body apart and waits for each write's callback before
 * the next message, so a burst of publications (an ML2 edit re-publishes
 * every agent of the deployment: 1,000 messages) costs two system calls and
 * several promise turns per message. The bytes on the wire are the same:
 * `Content-Length`, then the JSON of the message in UTF-8.
 */
export class CoalescingStreamWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;
  private corked = false;

  constructor(private readonly stream: CorkableStream) {
    super();
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let json: string;
    try {
      json = JSON.stringify(message);
    } catch (error) {
      // A message that cannot be serialised (a cycle, a BigInt) is the sender's bug: reported, the stream stays usable.
      this.fireError(error instanceof Error ? error : new Error(String(error)), message, ++this.errorCount);
      return Promise.reject(error);
    }
    if (!this.corked) {
      this.corked = true;
      this.stream.cork();
      process.nextTick(() => {
        this.corked = false;
        this.stream.uncork();
      });
    }
    // Header and body as two chunks of the same system call: a large answer (a topology
    // graph of every host) is not copied once more into one string. The body is encoded
    // here, not by the stream: for a string, Node sets aside three bytes per character to
    // encode into (10 MB for the 3.4 MB answer of a 6,000-node graph).
    const body = Buffer.from(json, 'utf8');
    this.stream.write(`Content-Length: ${body.length}\r\n\r\n`, 'ascii');
    return new Promise((resolve, reject) => {
      this.stream.write(body, (error?: Error | null) => {
        if (!error) return resolve();
        this.fireError(error, message, ++this.errorCount);
        reject(error);
      });
    });
  }

  end(): void {
    this.stream.end();
  }
}
