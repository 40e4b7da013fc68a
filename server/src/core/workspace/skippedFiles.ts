/**
 * Files that are recognised by name but deliberately not read: a symbolic
 * link that resolves nowhere or outside the workspace, or a file above the
 * size limit. Each is shown as one finding on the file, so the user knows
 * it was not checked and why, instead of it silently missing from the
 * deployment.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Settings } from '../settings';
import { CODES, DIAGNOSTIC_SEVERITY, SOURCE } from '../rules/codes';
import { groupedNumber } from '../text/numbers';

export type SkipReason =
  /** A link whose target does not exist (or loops). */
  | { reason: 'dangling-link'; target: string }
  /** A link whose target lies outside every workspace folder: never followed. */
  | { reason: 'link-outside-workspace'; target: string }
  | { reason: 'file-too-large'; bytes: number; limitBytes: number };

/** The one diagnostic a skipped file shows, or none when its code is turned off. */
export function skippedFileDiagnostics(skip: SkipReason, settings: Settings): Diagnostic[] {
  const setting = settings.rules[skip.reason];
  if (setting === 'off') return [];
  return [
    {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DIAGNOSTIC_SEVERITY[setting ?? CODES[skip.reason].severity],
      code: skip.reason,
      source: SOURCE,
      message: messageOf(skip),
      data: { ...skip },
    },
  ];
}

function messageOf(skip: SkipReason): string {
  switch (skip.reason) {
    case 'dangling-link':
      return `A symbolic link to ${skip.target}, which does not resolve in this tree (a copy of /etc keeps such links absolute): not checked. Its target's copy, if the tree has one, is checked under its own name.`;
    case 'link-outside-workspace':
      return `A symbolic link to ${skip.target}, outside the folders being checked: not followed, so this file is not checked. Open or check the folder that holds the target to include it.`;
    case 'file-too-large':
      return `This file is ${megabytes(skip.bytes)}, more than the limit of ${megabytes(skip.limitBytes)} (neutronConfig.maxFileSizeMB): not checked. A configuration file this large is rarely one; raise the limit if it really is.`;
  }
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? groupedNumber(Math.round(mb)) : mb.toFixed(1)} MB`;
}

/** Bytes above which a file is skipped, from the folder's settings. */
export function maxFileBytes(settings: Pick<Settings, 'maxFileSizeMB'>): number {
  return Math.round(settings.maxFileSizeMB * 1024 * 1024);
}

/** UTF-8 size of a text, computed only when it could be above the limit (a character is at most 3 bytes per UTF-16 unit). */
export function exceedsLimit(text: string, limitBytes: number): number | undefined {
  if (text.length * 3 <= limitBytes) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > limitBytes ? bytes : undefined;
}
