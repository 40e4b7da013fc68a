import type { TextEdit } from 'vscode-languageserver-types';
import type { IfcfgDocument } from '../../syntax/ast';
import { isTemplateLine } from '../../syntax/templates';

/**
 * Formatting of an ifcfg file: it removes white space around the `=` of an
 * assignment and changes nothing else.
 *
 * `KEY = value` is not an assignment to bash (it runs a command named KEY) and
 * NetworkManager skips the line, so this is the one layout problem that
 * changes what the file means; removing the blanks gives the line the meaning
 * its author intended. Everything else is left as written: indentation,
 * comments, quoting and trailing white space (which can belong to a quoted
 * value running over several lines, and which editors trim on their own
 * when asked to).
 *
 * Only keys written like ifcfg variables (upper case) are touched, so that a
 * stray shell command such as `test = x` is not turned into an assignment;
 * a blank after `=` is kept where a comment or the line's end follows it
 * (`KEY= # note` sets KEY to empty; `KEY=# note` would not). Lines inside a
 * quoted value that runs over several lines are never touched. Idempotent.
 */
export function formatIfcfg(doc: IfcfgDocument): TextEdit[] {
  const index = doc.lineIndex;
  const text = index.text;
  const edits: TextEdit[] = [];
  let openQuote: string | undefined;
  for (let line = 0; line < index.lineCount; line++) {
    let start = index.lineStart(line);
    if (line === 0 && text.charCodeAt(0) === 0xfeff) start++;
    const end = index.lineEnd(line);
    const content = text.slice(start, end);
    if (openQuote) {
      openQuote = scanQuotes(content, openQuote);
      continue;
    }
    const trimmed = content.trim();
    if (trimmed === '' || trimmed.startsWith('#') || isTemplateLine(trimmed)) continue;
    const match = /^([ \t]*(?:export[ \t]+)?)([A-Z_][A-Z0-9_]*)([ \t]*)=([ \t]*)/.exec(content);
    if (match) {
      const [whole, lead, key, before, after] = match;
      const keyEnd = start + lead.length + key.length;
      if (before) edits.push({ range: index.range(keyEnd, keyEnd + before.length), newText: '' });
      const rest = content.slice(whole.length);
      if (after && rest !== '' && !rest.startsWith('#')) {
        const afterStart = keyEnd + before.length + 1;
        edits.push({ range: index.range(afterStart, afterStart + after.length), newText: '' });
      }
    }
    openQuote = scanQuotes(content, undefined);
  }
  return edits;
}

/**
 * Follows bash quoting through one line, starting inside `open` (a quote
 * character) or outside any quote; returns the quote still open at the line's
 * end. A `#` at the start of a word outside quotes ends the scan (a comment).
 */
function scanQuotes(line: string, open: string | undefined): string | undefined {
  let quote = open;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote === "'") {
      if (ch === "'") quote = undefined;
    } else if (quote === '"') {
      if (ch === '\\') i++;
      else if (ch === '"') quote = undefined;
    } else if (quote === "$'") {
      if (ch === '\\') i++;
      else if (ch === "'") quote = undefined;
    } else if (ch === '\\') {
      i++;
    } else if (ch === '#' && (i === 0 || /[ \t]/.test(line[i - 1]))) {
      break;
    } else if (ch === '$' && line[i + 1] === "'") {
      quote = "$'";
      i++;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    }
  }
  return quote;
}
