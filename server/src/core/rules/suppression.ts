import type { ParsedDocument } from '../syntax/ast';
import { multiLineStatements } from '../syntax/nodes';

const DIRECTIVE = /neutron-config:\s*(disable-file|disable)\s*=\s*([\w\-,\s]+)/;

/** Codes silenced by `# neutron-config: disable=…` comments, by line and for the whole file. */
export interface Suppressions {
  file: Set<string>;
  byLine: Map<number, Set<string>>;
}

export function isSuppressed(s: Suppressions, code: string, line: number): boolean {
  if (s.file.has(code) || s.file.has('all')) return true;
  const codes = s.byLine.get(line);
  return codes !== undefined && (codes.has(code) || codes.has('all'));
}

/**
 * `disable=` in a comment line silences the next line that is not a comment
 * or blank (or its own line, for a comment after a value), every line of it
 * when it is an option or assignment over several lines; `disable-file=` in
 * the leading comment block silences the whole file.
 */
export function readSuppressions(doc: ParsedDocument): Suppressions {
  const result: Suppressions = { file: new Set(), byLine: new Map() };
  // Most files hold no directive at all: then there is nothing to place.
  if (!doc.comments.some((c) => c.text.includes('neutron-config'))) return result;
  const index = doc.lineIndex;
  const text = index.text;
  const isBlankOrComment = (line: number) => {
    const content = text.slice(index.lineStart(line), index.lineEnd(line)).trim();
    return content === '' || content.startsWith('#') || content.startsWith(';') || content === '\ufeff';
  };
  const lastLineOf = new Map(multiLineStatements(doc));
  let leading = true;
  let nextLine = 0;
  for (const comment of doc.comments) {
    for (; nextLine < comment.line && leading; nextLine++) if (!isBlankOrComment(nextLine)) leading = false;
    const match = DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const codes = match[2].split(/[\s,]+/).filter(Boolean);
    const ownLine = !isBlankOrComment(comment.line);
    if (match[1] === 'disable-file') {
      if (leading && !ownLine) codes.forEach((c) => result.file.add(c));
      continue;
    }
    let target = comment.line;
    if (!ownLine) {
      target = comment.line + 1;
      while (target < index.lineCount && isBlankOrComment(target)) target++;
    }
    for (let line = target; line <= (lastLineOf.get(target) ?? target); line++) {
      const set = result.byLine.get(line) ?? new Set<string>();
      codes.forEach((c) => set.add(c));
      result.byLine.set(line, set);
    }
  }
  return result;
}
