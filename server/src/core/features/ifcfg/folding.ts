import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { IfcfgDocument } from '../../syntax/ast';

/**
 * Folding of an ifcfg file: each run of two or more consecutive comment lines
 * (whole-line comments; a blank line or an assignment ends the run) folds to
 * its first line.
 */
export function ifcfgFoldingRanges(doc: IfcfgDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const index = doc.lineIndex;
  const isCommentLine = (line: number) => index.text.slice(index.lineStart(line), index.lineEnd(line)).replace(/^\ufeff/, '').trimStart().startsWith('#');
  let first: number | undefined;
  let last: number | undefined;
  const flush = () => {
    if (first !== undefined && last !== undefined && last > first) ranges.push({ startLine: first, endLine: last, kind: FoldingRangeKind.Comment });
    first = undefined;
    last = undefined;
  };
  for (const comment of doc.comments) {
    if (!isCommentLine(comment.line)) continue;
    if (last !== undefined && comment.line === last + 1) last = comment.line;
    else {
      flush();
      first = comment.line;
      last = comment.line;
    }
  }
  flush();
  return ranges;
}
