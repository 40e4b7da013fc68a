import { LineIndex } from '../text/lineIndex';
import type { Comment, IniDocument, IniOption, ParseProblem } from './ast';
import { encodingProblem } from './encoding';
import { CommentNode, IniOptionNode, IniSectionNode, sourceToken } from './nodes';
import { isTemplateLine } from './templates';

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
    const raw = text.slice(lineStart, lineEnd);
    const start = lineStart + (raw.length - raw.replace(/^[ \t\f\v\ufeff]+/, '').length);
    const end = lineStart + raw.trimEnd().length;
    if (end <= start) continue;
    const content = text.slice(start, end);
    if (content.startsWith('#')) {
      comments.push(new CommentNode(line, start, end, lineIndex));
      section?.extendTo(end);
    } else if (content.startsWith('[')) {
      const close = content.indexOf(']');
      if (close < 0 || content.slice(close + 1).trim() !== '' || close === 1) {
        refused(close < 0 ? 'This group header has no closing "]".' : close === 1 ? 'This group header has no name.' : 'Text follows the "]" of this group header.', start, end);
        continue;
      }
      section = new IniSectionNode(sourceToken(lineIndex, start + 1, start + close), start, end, lineIndex);
      sections.push(section);
    } else if (isTemplateLine(content)) {
      continue;
    } else {
      const equals = content.indexOf('=');
      const key = equals < 0 ? '' : content.slice(0, equals).trimEnd();
      if (equals <= 0 || key === '') {
        refused(equals < 0 ? 'This line is not a key=value pair, a [group] or a # comment.' : 'This line has a value but no key.', start, end);
        continue;
      }
      const afterEquals = start + equals + 1;
      const valueText = text.slice(afterEquals, end);
      const valueStart = afterEquals + (valueText.length - valueText.trimStart().length);
      const value = sourceToken(lineIndex, valueStart, end);
      const option = new IniOptionNode(
        sourceToken(lineIndex, start, start + key.length),
        start + equals,
        value,
        [{ text: value.text, start: valueStart }],
        end,
        section?.name.text,
        lineIndex,
      );
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
