import { CancellationToken, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { yieldToEventLoop } from '../fsWalk';

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
}

/** What was thrown, in a few words for a message to the user (no stack). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Formats anything thrown into one loggable string, with the stack when there is one. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  try {
    return `non-error thrown: ${JSON.stringify(error)}`;
  } catch {
    return `non-error thrown: ${String(error)}`;
  }
}

/**
 * Set once the client has sent `shutdown`: from then on every request is
 * refused with InvalidRequest, as the protocol asks. One server per process.
 */
export const lifecycle = { shutDown: false };

export function cancelledError<E>(data?: E): ResponseError<E> {
  return new ResponseError<E>(LSPErrorCodes.RequestCancelled, 'Request cancelled', data);
}

/**
 * Messages being received or answered: from their bytes' arrival until the
 * answer is written, except while a handler waits for something else (the
 * whole index, for references). Each step takes a turn of the event loop
 * (the reader's decoding queue, the connection's message queue, runSafe's
 * deferral, the writer's queue, the writes); work done in slices lets those
 * turns run first, or every one of them would wait a slice.
 */
let answering = 0;
/** Turns from a message's bytes to its handler: the reader's queue, the connection's. */
const TURNS_TO_HANDLE = 3;
/** Turns from an answer to its bytes on the wire: the writer's queue, header and body writes. */
const TURNS_TO_WRITE = 3;

function holdFor(turns: number): void {
  answering++;
  releaseAfterTurns(turns);
}

function releaseAfterTurns(turns: number): void {
  if (turns === 0) answering--;
  else setImmediate(() => releaseAfterTurns(turns - 1));
}

/** Call when bytes of a message arrive from the client (before the connection has decoded them). */
export function noteIncomingMessage(): void {
  holdFor(TURNS_TO_HANDLE);
}

/**
 * Hands the event loop over for one turn, and for more while a request is
 * being answered (at most `maxMs`): a slice of indexing or publishing then
 * delays an answer by one slice, not by one slice per turn the answer takes.
 */
export async function yieldToRequests(maxMs = 20): Promise<void> {
  await yieldToEventLoop();
  const until = performance.now() + maxMs;
  while (answering > 0 && performance.now() < until) await yieldToEventLoop();
}

/**
 * Runs a request handler so that nothing it does can take the server down:
 * an exception is logged and answered with `neutral`; a request cancelled
 * before or while it runs is answered with the LSP "request cancelled" error.
 *
 * The work starts on a later turn of the event loop so that a `$/cancelRequest`
 * already queued behind the request is seen before any work is done.
 */
export function runSafe<T, E = void>(
  logger: Logger,
  label: string,
  token: CancellationToken | undefined,
  neutral: T,
  work: () => T | Promise<T>,
  cancelData?: E,
): Promise<T | ResponseError<E>> {
  return new Promise((resolve) => {
    if (lifecycle.shutDown) {
      resolve(new ResponseError(ErrorCodes.InvalidRequest, `The server is shutting down; ${label} is not answered.`) as ResponseError<E>);
      return;
    }
    answering++;
    const answer = (value: T | ResponseError<E>) => {
      resolve(value);
      releaseAfterTurns(TURNS_TO_WRITE);
    };
    setImmediate(() => {
      if (token?.isCancellationRequested) {
        answer(cancelledError(cancelData));
        return;
      }
      let pending: T | Promise<T>;
      try {
        pending = work();
      } catch (error) {
        logger.error(`${label} failed: ${describeError(error)}`);
        answer(neutral);
        return;
      }
      if (pending instanceof Promise) {
        // Waiting (for the index, say) is not answering: slices of work go on meanwhile.
        answering--;
        pending = pending.finally(() => answering++);
      }
      Promise.resolve(pending).then(
        (result) => answer(token?.isCancellationRequested ? cancelledError(cancelData) : result),
        (error: unknown) => {
          logger.error(`${label} failed: ${describeError(error)}`);
          answer(neutral);
        },
      );
    });
  });
}

/** Wraps a notification handler (no reply): errors are logged, never thrown. */
export function guard<A extends unknown[]>(logger: Logger, label: string, handler: (...args: A) => unknown): (...args: A) => void {
  return (...args: A) => {
    try {
      const result = handler(...args);
      if (result instanceof Promise) {
        result.catch((error: unknown) => logger.error(`${label} failed: ${describeError(error)}`));
      }
    } catch (error) {
      logger.error(`${label} failed: ${describeError(error)}`);
    }
  };
}

/** Resolves when `promise` settles or `token` is cancelled, whichever is first; true when cancelled. */
export function untilOrCancelled(promise: Promise<unknown>, token: CancellationToken | undefined): Promise<boolean> {
  if (!token) return promise.then(() => false, () => false);
  if (token.isCancellationRequested) return Promise.resolve(true);
  return new Promise((resolve) => {
    const listener = token.onCancellationRequested(() => {
      listener.dispose();
      resolve(true);
    });
    promise.then(
      () => {
        listener.dispose();
        resolve(token.isCancellationRequested);
      },
      () => {
        listener.dispose();
        resolve(token.isCancellationRequested);
      },
    );
  });
}
