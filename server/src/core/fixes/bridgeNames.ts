import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { IndexedFile } from '../workspace/model';
import { quickFix, singleFileEdit } from './edits';

/** `diagnostic.data` of the bridge-name findings: the name as written and nearby existing names. */
export function bridgeData(diagnostic: Diagnostic): { bridge: string; suggestions: string[] } | undefined {
  const data = diagnostic.data as { bridge?: unknown; suggestions?: unknown } | undefined;
  if (!data || typeof data.bridge !== 'string') return undefined;
  const suggestions = Array.isArray(data.suggestions) ? data.suggestions.filter((s): s is string => typeof s === 'string') : [];
  return { bridge: data.bridge, suggestions };
}

/**
 * One action per suggestion replacing the name under the diagnostic; the only
 * suggestion is preferred (a typo with one plausible target). Nothing when
 * the text there is no longer the name the diagnostic was about.
 */
export function replaceNameActions(file: IndexedFile, diagnostic: Diagnostic, name: string, suggestions: string[]): CodeAction[] {
  const index = file.doc.lineIndex;
  const start = index.offsetAt(diagnostic.range.start);
  const end = index.offsetAt(diagnostic.range.end);
  if (index.text.slice(start, end) !== name) return [];
  return suggestions.map((suggestion) =>
    quickFix(
      `Replace "${name}" with "${suggestion}"`,
      diagnostic,
      singleFileEdit(file.uri, [{ range: diagnostic.range, newText: suggestion }]),
      suggestions.length === 1,
    ),
  );
}
