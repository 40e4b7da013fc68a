import { LineIndex } from '../text/lineIndex';
import type { Comment, IniDocument, IniOption, ParseProblem } from './ast';
import { encodingProblem } from './encoding';
import { CommentNode, IniOptionNode, IniSectionNode, sourceToken } from './nodes';
import { isTemplateLineAt } from './templates';
import { indexWithin, trimEndOffset, trimStartOffset } from '../text/offsets';

const HASH = 35;
const OPEN_BRACKET = 91;

/** What GKeyFile skips at the start of a line (g_ascii_isspace without the line ends) and a stray byte order mark. */
function isKeyfileIndent(code: number): boolean {
  return code === 32 || code === 9 || code === 12 || code === 11 || code === 0xfeff;
}

/**
 * Parses a NetworkManager keyfile (`*.nmconnection`), which NetworkManager
 * reads with GLib's GKeyFile (glib/gkeyfile.c, g_key_file_parse_line): white
 * space at the start of a line is skipped (so there are no continuation
 * lines), `#` starts a comment only at the start of a line, a key ends at the
 * first `=` with trailing white space removed, and its value starts after
 * leading white space. A line that is none of group, key=value or comment
 * makes GKeyFile refuse the file, and NetworkManager then skips the whole
 * profile. The result has the INI document's shape; it never throws.
 */
export function parseKeyfile(text: string): IniDocument {
  const lineIndex = new LineIndex(text);
  const encoding = encodingProblem(text, lineIndex);
  if (encoding) return { format: 'ini', lineIndex, sections: [], orphans: [], comments: [], problems: [encoding] };
  const sections: IniSectionNode[] = [];
  const orphans: IniOption[] = [];
  const comments: Comment[] = [];
  const problems: ParseProblem[] = [];
  const refused = (why: string, start: number, end: number) =>
    problems.push({
      code: 'syntax',
      message: `${why} NetworkManager's key file reader refuses the whole file, so this profile is not loaded.`,
      range: lineIndex.range(start, end),
      severity: 'error',
    });
  if (text.charCodeAt(0) === 0xfeff) refused('The file starts with a UTF-8 byte order mark (BOM), which is not part of a group header.', 0, 1);
  let section: IniSectionNode | undefined;
  for (let line = 0; line < lineIndex.lineCount; line++) {
    const lineStart = lineIndex.lineStart(line);
    const lineEnd = lineIndex.lineEnd(line);
    // Offsets, not slices: most lines are read without a string made of them.
    let start = lineStart;
    while (start < lineEnd && isKeyfileIndent(text.charCodeAt(start))) start++;
    const end = trimEndOffset(text, lineStart, lineEnd);
    if (end <= start) continue;
    const first = text.charCodeAt(start);
    if (first === HASH) {
      comments.push(new CommentNode(line, start, end, lineIndex));
      section?.extendTo(end);
    } else if (first === OPEN_BRACKET) {
      const closeAt = indexWithin(text, ']', start, end);
      const close = closeAt < 0 ? -1 : closeAt - start;
      if (close < 0 || trimEndOffset(text, closeAt + 1, end) > closeAt + 1 || close === 1) {
        refused(close < 0 ? 'This group header has no closing "]".' : close === 1 ? 'This group header has no name.' : 'Text follows the "]" of this group header.', start, end);
        continue;
      }
      section = new IniSectionNode(sourceToken(lineIndex, start + 1, start + close), start, end, lineIndex);
      sections.push(section);
    } else if (isTemplateLineAt(text, start)) {
      continue;
    } else {
      const equalsAt = indexWithin(text, '=', start, end);
      const equals = equalsAt < 0 ? -1 : equalsAt - start;
      const keyEnd = equals < 0 ? start : trimEndOffset(text, start, equalsAt);
      if (equals <= 0 || keyEnd === start) {
        refused(equals < 0 ? 'This line is not a key=value pair, a [group] or a # comment.' : 'This line has a value but no key.', start, end);
        continue;
      }
      const afterEquals = equalsAt + 1;
      const valueStart = trimStartOffset(text, afterEquals, end);
      const value = sourceToken(lineIndex, valueStart, end);
      const option = new IniOptionNode(sourceToken(lineIndex, start, keyEnd), equalsAt, value, end, section?.name.text, lineIndex);
      if (section) {
        section.options.push(option);
        section.extendTo(end);
      } else {
        orphans.push(option);
        refused('This key comes before any [group].', start, end);
      }
    }
  }
  return { format: 'ini', lineIndex, sections, orphans, comments, problems };
}
