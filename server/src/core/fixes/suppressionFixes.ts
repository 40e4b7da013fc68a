import type { Diagnostic } from 'vscode-languageserver-types';
import type { FixContext } from './fix';
import { quickFix, singleFileEdit } from './edits';
import { replaceNameActions } from './bridgeNames';

/** `diagnostic.data` of the suppression findings: the code as written, for an unknown one the nearest codes, for an unused one whether it is the directive's only code. */
function suppressionData(diagnostic: Diagnostic): { code: string; suggestions: string[]; alone: boolean } | undefined {
  const data = diagnostic.data as { code?: unknown; suggestions?: unknown; alone?: unknown } | undefined;
  if (!data || typeof data.code !== 'string') return undefined;
  const suggestions = Array.isArray(data.suggestions) ? data.suggestions.filter((s): s is string => typeof s === 'string') : [];
  return { code: data.code, suggestions, alone: data.alone === true };
}

/** suppression-unknown-code: write the code it was surely meant to be. */
export function suppressionUnknownCodeFix({ file, diagnostic }: FixContext) {
  const data = suppressionData(diagnostic);
  return data ? replaceNameActions(file, diagnostic, data.code, data.suggestions) : [];
}

/**
 * suppression-unused: take the code out of the comment, and the comment out
 * of the file when it names nothing else (a whole comment line goes with its
 * line break; a comment after a value goes with the blanks before it).
 */
export function suppressionUnusedFix({ file, diagnostic }: FixContext) {
  const data = suppressionData(diagnostic);
  if (!data) return [];
  const index = file.doc.lineIndex;
  const line = diagnostic.range.start.line;
  const lineText = index.text.slice(index.lineStart(line), index.lineEnd(line));
  const codeStart = diagnostic.range.start.character;
  const codeEnd = diagnostic.range.end.character;
  if (lineText.slice(codeStart, codeEnd) !== data.code) return [];
  const hash = lineText.lastIndexOf('#', codeStart);
  let range;
  if (data.alone && hash >= 0) {
    const before = lineText.slice(0, hash);
    range =
      before.trim() === ''
        ? // The whole line, with its line break.
          { start: { line, character: 0 }, end: line + 1 < index.lineCount ? { line: line + 1, character: 0 } : { line, character: lineText.length } }
        : { start: { line, character: before.trimEnd().length }, end: { line, character: lineText.length } };
  } else {
    // One code of several: it and the comma (and blanks) that join it to the next or the previous one.
    const after = /^\s*,\s*/.exec(lineText.slice(codeEnd));
    const beforeComma = /\s*,\s*$/.exec(lineText.slice(0, codeStart));
    range = after
      ? { start: diagnostic.range.start, end: { line, character: codeEnd + after[0].length } }
      : { start: { line, character: codeStart - (beforeComma?.[0].length ?? 0) }, end: diagnostic.range.end };
  }
  return [quickFix(`Remove the unused suppression of "${data.code}"`, diagnostic, singleFileEdit(file.uri, [{ range, newText: '' }]), true)];
}
