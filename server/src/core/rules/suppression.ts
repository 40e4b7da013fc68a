import type { Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../syntax/ast';
import { multiLineStatements } from '../syntax/nodes';

const DIRECTIVE = /neutron-config:\s*(disable-file|disable)\s*=\s*([\w\-,\s]+)/;

/** Codes silenced by `# neutron-config: disable=…` comments, by line and for the whole file. */
export interface Suppressions {
  readonly file: ReadonlySet<string>;
  readonly byLine: ReadonlyMap<number, ReadonlySet<string>>;
  /** Each directive as written: its codes where they stand, and the lines it silences (all of them for disable-file). */
  readonly directives: readonly SuppressionDirective[];
}

/** What most files hold: no directive. One shared answer, not three new collections per file checked. */
const NO_SUPPRESSIONS: Suppressions = Object.freeze({ file: new Set<string>(), byLine: new Map<number, ReadonlySet<string>>(), directives: Object.freeze([]) });

export interface SuppressionDirective {
  kind: 'disable' | 'disable-file';
  codes: { code: string; range: Range }[];
  /** First and last line silenced; undefined for disable-file (every line), and for a disable-file out of place (none). */
  lines: { first: number; last: number } | undefined;
  /** A disable-file after the leading comment block silences nothing. */
  inEffect: boolean;
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
  // Most files hold no directive at all: then there is nothing to place.
  if (!doc.comments.some((c) => c.text.includes('neutron-config'))) return NO_SUPPRESSIONS;
  const result = { file: new Set<string>(), byLine: new Map<number, Set<string>>(), directives: [] as SuppressionDirective[] };
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
    const placed = codesWithRanges(text.slice(index.lineStart(comment.line), index.lineEnd(comment.line)), comment);
    const codes = placed.map((c) => c.code);
    const ownLine = !isBlankOrComment(comment.line);
    if (match[1] === 'disable-file') {
      const inEffect = leading && !ownLine;
      if (inEffect) codes.forEach((c) => result.file.add(c));
      result.directives.push({ kind: 'disable-file', codes: placed, lines: undefined, inEffect });
      continue;
    }
    let target = comment.line;
    if (!ownLine) {
      target = comment.line + 1;
      while (target < index.lineCount && isBlankOrComment(target)) target++;
    }
    const last = lastLineOf.get(target) ?? target;
    for (let line = target; line <= last; line++) {
      const set = result.byLine.get(line) ?? new Set<string>();
      codes.forEach((c) => set.add(c));
      result.byLine.set(line, set);
    }
    result.directives.push({ kind: 'disable', codes: placed, lines: { first: target, last }, inEffect: true });
  }
  return result;
}

/** The codes of a comment's directive with where each stands on the comment's line. */
function codesWithRanges(lineText: string, comment: { line: number; range: Range }): { code: string; range: Range }[] {
  const from = comment.range.start.character;
  const match = DIRECTIVE.exec(lineText.slice(from));
  if (!match) return [];
  const listStart = from + match.index + match[0].length - match[2].length;
  const out: { code: string; range: Range }[] = [];
  const word = /[^\s,]+/g;
  for (let m = word.exec(match[2]); m; m = word.exec(match[2])) {
    const character = listStart + m.index;
    out.push({ code: m[0], range: { start: { line: comment.line, character }, end: { line: comment.line, character: character + m[0].length } } });
  }
  return out;
}
