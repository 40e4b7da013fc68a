import type { Diagnostic } from 'vscode-languageserver-types';
import type { FixContext } from './fix';
import { quickFix, singleFileEdit } from './edits';
import { replaceNameActions } from './bridgeNames';

/** `diagnostic.data` of the suppression findings: the code as written and, for an unknown one, the nearest codes. */
function suppressionData(diagnostic: Diagnostic): { code: string; suggestions: string[] } | undefined {
  const data = diagnostic.data as { code?: unknown; suggestions?: unknown } | undefined;
  if (!data || typeof data.code !== 'string') return undefined;
  const suggestions = Array.isArray(data.suggestions) ? data.suggestions.filter((s): s is string => typeof s === 'string') : [];
  return { code: data.code, suggestions };
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
  const lineStart = index.lineStart(line);
  const lineText = index.text.slice(lineStart, index.lineEnd(line));
  const codeStart = diagnostic.range.start.character;
  if (lineText.slice(codeStart, diagnostic.range.end.character) !== data.code) return [];
  const hash = lineText.lastIndexOf('#', codeStart);
  const list = /disable(?:-file)?\s*=\s*([\w\-,\s]+)$/.exec(lineText.slice(0, lineText.length));
  const codes = list ? list[1].split(/[\s,]+/).filter(Boolean) : [data.code];
  let range;
  if (codes.length <= 1 && hash >= 0) {
    const before = lineText.slice(0, hash);
    if (before.trim() === '') {
      // The whole line, with its line break.
      range = { start: { line, character: 0 }, end: line + 1 < index.lineCount ? { line: line + 1, character: 0 } : { line, character: lineText.length } };
    } else {
      range = { start: { line, character: before.trimEnd().length }, end: { line, character: lineText.length } };
    }
  } else {
    // One code of several: it and the comma (and blanks) that join it to the next or the previous one.
    const after = /^\s*,\s*/.exec(lineText.slice(diagnostic.range.end.character));
    const beforeComma = /\s*,\s*$/.exec(lineText.slice(0, codeStart));
    range = after
      ? { start: diagnostic.range.start, end: { line, character: diagnostic.range.end.character + after[0].length } }
      : { start: { line, character: codeStart - (beforeComma?.[0].length ?? 0) }, end: diagnostic.range.end };
  }
  return [quickFix(`Remove the unused suppression of "${data.code}"`, diagnostic, singleFileEdit(file.uri, [{ range, newText: '' }]), true)];
}
