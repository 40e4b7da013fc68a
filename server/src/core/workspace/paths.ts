import { URI } from 'vscode-uri';

/** Absolute POSIX path of a URI without a trailing slash. */
/** The last answer of uriPath: one URI is usually asked about several times in a row (recognised? which folder? its path). */
let lastUri: string | undefined;
let lastPath = '';
/** A `file:` URI without an authority whose path needs no decoding: unreserved characters and slashes only. */
const PLAIN_FILE_URI = /^file:\/\/\/[A-Za-z0-9/._~-]*$/;

export function uriPath(uri: string): string {
  if (uri === lastUri) return lastPath;
  let path: string;
  // A plain file URI, as the walk and most editors write them, is its path after `file://`; anything escaped, with a drive letter, a query or an authority goes through the parser.
  if (PLAIN_FILE_URI.test(uri)) path = uri.slice(7);
  else {
    try {
      path = URI.parse(uri).path;
    } catch {
      path = uri;
    }
  }
  lastPath = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  lastUri = uri;
  return lastPath;
}

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '' : path.slice(0, slash);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Whether `path` is `ancestor` or lies below it. */
export function isWithin(path: string, ancestor: string): boolean {
  return ancestor === '' || path === ancestor || path.startsWith(ancestor + '/');
}

/** `path` relative to `ancestor`, assuming it lies within it. */
export function relativeTo(path: string, ancestor: string): string {
  if (path === ancestor) return '';
  return ancestor === '' ? path.replace(/^\//, '') : path.slice(ancestor.length + 1);
}
