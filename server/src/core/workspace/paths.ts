import { URI } from 'vscode-uri';

/** Absolute POSIX path of a URI without a trailing slash. */
export function uriPath(uri: string): string {
  let path: string;
  try {
    path = URI.parse(uri).path;
  } catch {
    path = uri;
  }
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
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
