import { URI } from 'vscode-uri';

/**
 * One spelling per resource: clients differ in how they escape URIs (`%3A` or
 * `:`, upper- or lower-case hex), so every URI that enters the service is
 * parsed and printed back in vscode-uri's canonical form.
 */
export function canonicalUri(uri: string): string {
  try {
    return URI.parse(uri).toString();
  } catch {
    return uri;
  }
}

/** An absolute POSIX path, not a UNC one (`//server/share`), of characters a URI keeps as they are. */
const PLAIN_POSIX_PATH = /^\/(?!\/)[A-Za-z0-9/._~-]*$/;

/** The canonical `file:` URI of an absolute path. */
export function fileUri(absolutePath: string): string {
  // What URI.file writes for an absolute POSIX path of unreserved characters (the common case, once per file walked), without building a URI.
  if (PLAIN_POSIX_PATH.test(absolutePath)) return `file://${absolutePath}`;
  return URI.file(absolutePath).toString();
}

/** The file-system path of a `file:` URI, or undefined for other schemes. */
export function uriToFsPath(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}
