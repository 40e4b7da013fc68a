import { LineIndex } from '../text/lineIndex';
import type { Comment, IfcfgAssignment, IfcfgDocument, IfcfgQuoting, ParseProblem, Token } from './ast';
import { CommentNode, IfcfgAssignmentNode, SourceToken, sourceToken } from './nodes';
import { encodingProblem } from './encoding';
import { isTemplateLineAt } from './templates';
import { indexWithin, trimEndOffset, trimStartOffset } from '../text/offsets';

const BOM = 0xfeff;
/** `[export ]KEY[index]<spaces>=<spaces>`, at the start of a line's content. */
const ASSIGNMENT = /^(export\s+)?([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?(\s*)=(\s*)/;

/**
 * Parses an ifcfg network-script the way bash reads its `KEY=value` lines
 * (initscripts sources the file), keeping ranges. Never throws.
 */
export function parseIfcfg(text: string): IfcfgDocument {
  const index = new LineIndex(text);
  const assignments: IfcfgAssignment[] = [];
  const comments: Comment[] = [];
  const problems: ParseProblem[] = [];
  const encoding = encodingProblem(text, index);
  if (encoding) return { format: 'ifcfg', lineIndex: index, assignments, comments, problems: [encoding] };
  const problem = (code: ParseProblem['code'], message: string, start: number, end: number, severity: ParseProblem['severity']) =>
    problems.push({ code, message, range: index.range(start, end), severity });

  if (text.charCodeAt(0) === BOM) {
    // bash sees the mark as part of the first word: `\ufeffDEVICE=br-ex` is a command, not an assignment.
    const assignment = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)=/.exec(text.slice(1, index.lineEnd(0)));
    const consequence = assignment
      ? `runs the first line as a command and leaves ${assignment[1]} unset`
      : 'runs the first line as a command';
    problem('syntax', `The file starts with a UTF-8 byte order mark (BOM): bash reads it as part of the first line, ${consequence}. Save the file as UTF-8 without BOM.`, 0, 1, assignment ? 'error' : 'warning');
  }

  const carriageReturn = text.indexOf('\r');
  if (carriageReturn >= 0) {
    // One finding for the file: every line has the same cause and the same fix.
    const line = index.positionAt(carriageReturn).line;
    const first = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)=(\S*)/.exec(text.slice(index.lineStart(line), index.lineEnd(line)));
    const example = first ? ` (${first[1]} is read as "${first[2].replace(/^["']|["']$/g, '')}\\r", which matches nothing)` : '';
    problems.push({
      code: 'syntax',
      message:
        `This file has ${text.charCodeAt(carriageReturn + 1) === 10 ? 'Windows line ends (CR LF)' : 'carriage returns (CR) for line ends'}. The network scripts read it with bash, which keeps the CR as the last character of every value${example}, ` +
        'so ifup fails on this device. Save it with Unix (LF) line ends.',
      range: index.range(index.lineStart(line), index.lineEnd(line)),
      severity: 'error',
      data: { kind: 'crlf' },
    });
  }

  for (let line = 0; line < index.lineCount; line++) {
    let lineStart = index.lineStart(line);
    if (line === 0 && text.charCodeAt(0) === BOM) lineStart++;
    const lineEnd = index.lineEnd(line);
    const start = trimStartOffset(text, lineStart, lineEnd);
    const end = trimEndOffset(text, lineStart, lineEnd);
    if (start >= end) continue;
    if (text.charCodeAt(start) === 35 /* # */) {
      comments.push(new CommentNode(line, start, end, index));
      continue;
    }
    if (isTemplateLineAt(text, start)) continue;

    const content = text.slice(start, end);
    const match = ASSIGNMENT.exec(content);
    if (!match) {
      problem(
        'syntax',
        'This line is not a KEY=value assignment. The network scripts would run it as a shell command and NetworkManager ignores it.',
        start,
        end,
        'warning',
      );
      continue;
    }
    const keyStart = start + (match[1]?.length ?? 0);
    const key = sourceToken(index, keyStart, keyStart + match[2].length);
    if (match[3]) {
      problem('syntax', 'Shell array assignments are not read by NetworkManager; write KEY=value.', keyStart, keyStart + match[2].length + match[3].length, 'warning');
      continue;
    }
    // `KEY= # note` is an empty value followed by a comment, for bash and NetworkManager alike.
    const emptyBeforeComment = !match[4] && Boolean(match[5]) && content.slice(match[0].length).startsWith('#');
    if ((match[4] || match[5]) && !emptyBeforeComment) {
      const consequence = match[4]
        ? `bash runs "${key.text}" as a command instead of setting it`
        : `bash sets ${key.text} to an empty value and runs what follows as a command`;
      problem(
        'syntax',
        `A space around "=": ${consequence}, and NetworkManager skips the line. Write ${key.text}=value with no spaces.`,
        keyStart,
        start + match[0].length,
        'error',
      );
      continue;
    }
    const valueStart = start + match[0].length - (emptyBeforeComment ? match[5].length : 0);
    const word = readShellWord(text, valueStart, emptyBeforeComment ? valueStart : end);
    if (word.unterminated) {
      problem(
        'syntax',
        `The quote opened here is never closed on this line; bash would read the following lines into ${key.text}, and NetworkManager refuses it.`,
        word.unterminated,
        end,
        'error',
      );
    }
    const raw_ = sourceToken(index, valueStart, word.end);
    const inner = word.singleQuotedWord ?? { start: valueStart, end: word.end };
    // Most values are written plainly: then the value is the raw token (one object fewer per line).
    const plain = inner.start === valueStart && inner.end === word.end && word.value === raw_.text;
    const value = plain ? raw_ : new SourceToken(word.value, inner.start, inner.end, index);
    assignments.push(new IfcfgAssignmentNode(key, value, raw_, word.quoting, word.expands, Boolean(match[1]), line, index));
    // A comment after the value needs white space before its `#`.
    const restStart = trimStartOffset(text, word.end, end);
    if (restStart > word.end && restStart < end && text.charCodeAt(restStart) === 35 /* # */) comments.push(new CommentNode(line, restStart, end, index));
  }
  return { format: 'ifcfg', lineIndex: index, assignments, comments, problems };
}

/** Whatever follows the value on its line that is not a comment (bash would run it as a command). */
export function trailingText(doc: IfcfgDocument, assignment: IfcfgAssignment): Token | undefined {
  const lineEnd = doc.lineIndex.lineEnd(assignment.line);
  const text = doc.lineIndex.text;
  const rest = text.slice(assignment.raw.end, lineEnd);
  const trimmed = rest.trim();
  if (!trimmed || trimmed.startsWith('#')) return undefined;
  const start = assignment.raw.end + (rest.length - rest.trimStart().length);
  const end = assignment.raw.end + rest.trimEnd().length;
  return sourceToken(doc.lineIndex, start, end);
}

interface ShellWord {
  value: string;
  end: number;
  quoting: IfcfgQuoting;
  expands: boolean;
  /** Where an unclosed quote starts. */
  unterminated?: number;
  /** The characters inside the quotes when the whole word is one quoted string. */
  singleQuotedWord?: { start: number; end: number };
}

/** Characters that end a bash word unquoted: white space and the shell's control characters. */
function endsWord(ch: number): boolean {
  // ' ' \t ; & | < > ( )
  return ch === 32 || ch === 9 || ch === 59 || ch === 38 || ch === 124 || ch === 60 || ch === 62 || ch === 40 || ch === 41;
}

const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;
const BACKSLASH = 92;
const DOLLAR = 36;
const BACKTICK = 96;

/** The quoting of a word so far after one more quoted part of `kind`. */
function withQuoting(kinds: IfcfgQuoting | undefined, kind: IfcfgQuoting): IfcfgQuoting {
  return kinds === undefined || kinds === kind ? kind : 'mixed';
}

/** Reads one bash word starting at `start`, stopping at unquoted white space or the line end. */
function readShellWord(text: string, start: number, end: number): ShellWord {
  // Runs of plain characters are sliced, not added one by one: most values are one such run.
  let value = '';
  let i = start;
  let expands = false;
  // The kind of quoting seen, 'mixed' once two kinds are.
  let kinds: IfcfgQuoting | undefined;
  let quotedParts = 0;
  let lastQuoted: { start: number; end: number } | undefined;
  let unquotedChars = 0;
  let unterminated: number | undefined;
  while (i < end) {
    const ch = text.charCodeAt(i);
    if (endsWord(ch)) break;
    if (ch === SINGLE_QUOTE) {
      const close = indexWithin(text, "'", i + 1, end);
      if (close < 0) {
        unterminated = i;
        value += text.slice(i + 1, end);
        i = end;
        break;
      }
      value += text.slice(i + 1, close);
      kinds = withQuoting(kinds, 'single');
      quotedParts++;
      lastQuoted = { start: i + 1, end: close };
      i = close + 1;
    } else if (ch === DOLLAR && text.charCodeAt(i + 1) === SINGLE_QUOTE) {
      const parsed = readAnsiC(text, i + 2, end);
      if (parsed.close < 0) {
        unterminated = i;
        value += parsed.value;
        i = end;
        break;
      }
      value += parsed.value;
      kinds = withQuoting(kinds, 'ansi-c');
      quotedParts++;
      lastQuoted = { start: i + 2, end: parsed.close };
      i = parsed.close + 1;
    } else if (ch === DOUBLE_QUOTE) {
      let j = i + 1;
      let run = j;
      while (j < end) {
        const c = text.charCodeAt(j);
        if (c === DOUBLE_QUOTE) break;
        if (c === BACKSLASH && j + 1 < end && '"\\$`'.includes(text[j + 1])) {
          value += text.slice(run, j) + text[j + 1];
          j += 2;
          run = j;
          continue;
        }
        if (c === DOLLAR || c === BACKTICK) expands = true;
        j++;
      }
      value += text.slice(run, j);
      if (j >= end) {
        unterminated = i;
        i = end;
        break;
      }
      kinds = withQuoting(kinds, 'double');
      quotedParts++;
      lastQuoted = { start: i + 1, end: j };
      i = j + 1;
    } else if (ch === BACKSLASH && i + 1 < end) {
      value += text[i + 1];
      unquotedChars += 2;
      i += 2;
    } else {
      let j = i + 1;
      if (ch === DOLLAR || ch === BACKTICK) expands = true;
      for (; j < end; j++) {
        const c = text.charCodeAt(j);
        if (endsWord(c) || c === SINGLE_QUOTE || c === DOUBLE_QUOTE || c === BACKSLASH) break;
        if (c === DOLLAR) {
          if (text.charCodeAt(j + 1) === SINGLE_QUOTE) break;
          expands = true;
        } else if (c === BACKTICK) expands = true;
      }
      value += text.slice(i, j);
      unquotedChars += j - i;
      i = j;
    }
  }
  let quoting: IfcfgQuoting = 'none';
  if (kinds !== undefined && kinds !== 'mixed' && unquotedChars === 0 && quotedParts === 1) quoting = kinds;
  else if (kinds !== undefined) quoting = 'mixed';
  const word: ShellWord = { value, end: i, quoting, expands };
  if (unterminated !== undefined) word.unterminated = unterminated;
  if (quoting !== 'none' && quoting !== 'mixed' && lastQuoted) word.singleQuotedWord = lastQuoted;
  return word;
}

const ANSI_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };

function readAnsiC(text: string, start: number, end: number): { value: string; close: number } {
  let value = '';
  let i = start;
  while (i < end) {
    const ch = text[i];
    if (ch === "'") return { value, close: i };
    if (ch === '\\' && i + 1 < end) {
      value += ANSI_ESCAPES[text[i + 1]] ?? text[i + 1];
      i += 2;
      continue;
    }
    value += ch;
    i++;
  }
  return { value, close: -1 };
}
