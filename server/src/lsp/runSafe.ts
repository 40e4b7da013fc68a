import { CancellationToken, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
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
    setImmediate(() => {
      if (token?.isCancellationRequested) {
        resolve(cancelledError(cancelData));
        return;
      }
      let pending: T | Promise<T>;
      try {
        pending = work();
      } catch (error) {
        logger.error(`${label} failed: ${describeError(error)}`);
        resolve(neutral);
        return;
      }
      Promise.resolve(pending).then(
        (result) => resolve(token?.isCancellationRequested ? cancelledError(cancelData) : result),
        (error: unknown) => {
          logger.error(`${label} failed: ${describeError(error)}`);
          resolve(neutral);
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
