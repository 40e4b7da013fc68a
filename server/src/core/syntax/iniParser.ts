import { LineIndex } from '../text/lineIndex';
import type { Comment, IniDocument, IniOption, ParseProblem, Token, ValueSegment } from './ast';
import { CommentNode, IniOptionNode, IniSectionNode, SourceToken, sourceToken } from './nodes';
import { isTemplateLine, isTemplateLineAt } from './templates';
import { indexWithin, trimEndOffset, trimStartOffset } from '../text/offsets';
import { encodingProblem } from './encoding';

/**
 * Parses the INI dialect of oslo.config (oslo_config/iniparser.py) with a
 * range on every node. It never throws: what oslo.config would refuse becomes
 * a ParseProblem and parsing goes on with the next line.
 */
export function parseIni(text: string): IniDocument {
  const lineIndex = new LineIndex(text);
  const encoding = encodingProblem(text, lineIndex);
  if (encoding) return { format: 'ini', lineIndex, sections: [], orphans: [], comments: [], problems: [encoding] };
  return new IniParser(text).parse();
}

/** oslo.config looks sections up in lower case, except `DEFAULT` (so `[OVS]` is `[ovs]`, but `[default]` is not `[DEFAULT]`). */
export function normalizeSectionName(name: string): string {
  return name === 'DEFAULT' ? name : name.toLowerCase();
}

const BOM = 0xfeff;

class IniParser {
  private readonly index: LineIndex;
  private readonly sections: IniSectionNode[] = [];
  private readonly orphans: IniOption[] = [];
  private readonly comments: Comment[] = [];
  private readonly problems: ParseProblem[] = [];
  private section: IniSectionNode | undefined;
  /** The option whose value continuation lines extend. */
  private open: IniOptionNode | undefined;
  /** Lines holding template directives such as `{% else %}`. */
  private readonly templateLines: number[] = [];

  constructor(private readonly text: string) {
    this.index = new LineIndex(text);
  }

  parse(): IniDocument {
    if (this.text.charCodeAt(0) === BOM) {
      // oslo.config opens the file as plain UTF-8, so the mark stays part of the first line.
      this.problem(
        'syntax',
        'The file starts with a UTF-8 byte order mark (BOM). oslo.config reads it as part of the first line and refuses the whole file ("No \':\' or \'=\' found in assignment"). Save the file as UTF-8 without BOM.',
        0,
        1,
        'error',
      );
    }
    for (let line = 0; line < this.index.lineCount; line++) this.parseLine(line);
    this.reportDuplicates();
    return {
      format: 'ini',
      lineIndex: this.index,
      sections: this.sections,
      orphans: this.orphans,
      comments: this.comments,
      problems: this.problems,
    };
  }

  private parseLine(line: number): void {
    let start = this.index.lineStart(line);
    if (line === 0 && this.text.charCodeAt(0) === BOM) start++;
    const end = this.index.lineEnd(line);
    const trimmedEnd = trimEndOffset(this.text, start, end);
    if (trimmedEnd === start) {
      this.open = undefined; // a blank line ends a multi-line value
      return;
    }
    const first = this.text.charCodeAt(start);
    if (first === 32 || first === 9) {
      this.continuation(line, start, trimmedEnd);
      return;
    }
    this.open = undefined;
    if (first === 91 /* [ */) this.header(start, trimmedEnd);
    else if (first === 35 /* # */ || first === 59 /* ; */) {
      this.comments.push(new CommentNode(line, start, trimmedEnd, this.index));
      this.extendSection(trimmedEnd);
    } else if (isTemplateLineAt(this.text, start)) {
      // A template directive line: neither configuration nor an error.
      this.templateLines.push(line);
    } else this.assignment(start, trimmedEnd);
  }

  private continuation(line: number, start: number, end: number): void {
    const raw = this.text.slice(start, end);
    const valueStart = start + (raw.length - raw.trimStart().length);
    if (!this.open) {
      const content = raw.trim();
      if (isTemplateLine(content)) return;
      this.problem(
        'syntax',
        'This line starts with white space but no option comes before it, so oslo.config refuses the whole file ("unexpected continuation line"). Remove the indentation.',
        start,
        end,
        'error',
      );
      return;
    }
    const option = this.open;
    const segment: ValueSegment = { text: this.text.slice(valueStart, end), start: valueStart };
    option.continueWith(
      segment,
      option.value.text === '' ? this.token(valueStart, end) : new SourceToken(option.value.text + '\n' + segment.text, option.value.start, end, this.index),
    );
    this.extendSection(end);
    if (/^[A-Za-z_][\w-]*\s*=/.test(segment.text)) {
      this.problem(
        'syntax',
        `This indented line looks like an option, but oslo.config reads it as more of the value of "${option.name.text}" above. Remove the indentation to make it an option of its own.`,
        valueStart,
        end,
        'warning',
        { continues: option.name.text, line },
      );
    }
  }

  private header(start: number, end: number): void {
    const content = this.text.slice(start, end);
    let nameEnd = end - 1;
    if (!content.endsWith(']')) {
      this.problem('syntax', 'This section header has no closing "]", so oslo.config refuses the whole file.', start, end, 'error');
      // Read on as if the bracket were there, so one typo does not turn every later option into an orphan.
      nameEnd = end;
      if (content.length <= 1) {
        this.section = undefined;
        return;
      }
    } else if (content.length <= 2) {
      this.problem('syntax', 'This section header has no name, so oslo.config refuses the whole file.', start, end, 'error');
      this.section = undefined;
      return;
    }
    const section = new IniSectionNode(this.token(start + 1, nameEnd), start, end, this.index);
    this.sections.push(section);
    this.section = section;
  }

  private assignment(start: number, end: number): void {
    const text = this.text;
    const colonAt = indexWithin(text, ':', start, end);
    const equalAt = indexWithin(text, '=', start, end);
    const colon = colonAt < 0 ? -1 : colonAt - start;
    const equal = equalAt < 0 ? -1 : equalAt - start;
    if (colon < 0 && equal < 0) {
      this.problem(
        'syntax',
        'oslo.config expects "name = value" here; a line with neither "=" nor ":" makes it refuse the whole file.',
        start,
        end,
        'error',
      );
      return;
    }
    const sep = colon < 0 || (equal >= 0 && equal < colon) ? equal : colon;
    const nameStart = trimStartOffset(text, start, start + sep);
    const nameEnd = trimEndOffset(text, start, start + sep);
    if (nameEnd <= nameStart) {
      this.problem('syntax', 'This line has a value but no option name, so oslo.config refuses the whole file.', start, end, 'error');
      return;
    }
    const afterSep = start + sep + 1;
    let valueStart = trimStartOffset(text, afterSep, end);
    let valueEnd = end;
    // oslo.config drops one pair of matching quotes around the first line's value.
    const first = this.text[valueStart];
    if (valueEnd > valueStart && (first === '"' || first === "'") && this.text[valueEnd - 1] === first) {
      valueStart++;
      valueEnd = Math.max(valueStart, valueEnd - 1); // a lone quote reads as empty
    }
    const value = this.token(valueStart, valueEnd);
    const option = new IniOptionNode(
      this.token(nameStart, nameEnd),
      start + sep,
      value,
      end,
      this.section?.name.text,
      this.index,
    );
    if (this.section) {
      this.section.options.push(option);
      this.extendSection(end);
    } else {
      this.orphans.push(option);
      this.problem(
        'option-outside-section',
        `"${option.name.text}" comes before any section header; oslo.config refuses the whole file ("No section"). Put it under the section it belongs to, such as [DEFAULT].`,
        nameStart,
        nameEnd,
        'error',
      );
    }
    this.open = option;
  }

  private extendSection(end: number): void {
    this.section?.extendTo(end);
  }

  /** The last assignment of a name in a section wins; earlier ones are dead. */
  private reportDuplicates(): void {
    const lastByKey = new Map<string, IniOption>();
    let count = 0;
    for (const section of this.sections) {
      for (const option of section.options) lastByKey.set(duplicateKey(option), option);
      count += section.options.length;
    }
    // No name set twice in a section, as in most files: nothing to report.
    if (lastByKey.size === count) return;
    for (const option of this.sections.flatMap((s) => s.options)) {
      const winner = lastByKey.get(duplicateKey(option));
      if (!winner || winner === option) continue;
      const winnerLine = winner.name.range.start.line;
      // `{% if %} a = 1 {% else %} a = 2 {% endif %}`: branches of a template, not a repetition.
      const line = option.name.range.start.line;
      if (this.templateLines.some((t) => t > line && t < winnerLine)) continue;
      this.problem(
        'duplicate-option',
        `"${option.name.text}" is set again in [${option.section}] on line ${winnerLine + 1}; oslo.config keeps only that last value, so this line has no effect.`,
        option.name.start,
        option.name.end,
        'warning',
        { winnerLine },
      );
    }
  }

  private token(start: number, end: number): Token {
    return sourceToken(this.index, start, end);
  }

  private problem(
    code: ParseProblem['code'],
    message: string,
    start: number,
    end: number,
    severity: ParseProblem['severity'],
    data?: Record<string, unknown>,
  ): void {
    this.problems.push({ code, message, range: this.index.range(start, end), severity, ...(data ? { data } : {}) });
  }
}

function duplicateKey(option: IniOption): string {
  return `${normalizeSectionName(option.section ?? '')}\u0000${option.name.text}`;
}
