import type { IniOption, Token, ValueSegment } from '../syntax/ast';
import { listItems, splitToken } from '../syntax/valueElements';
import { LineIndex } from '../text/lineIndex';

/**
 * A value to check, with the means to cut it into elements that keep their
 * own ranges. Built from the parser's `IniOption` (ranges in the file) or from
 * bare text (ranges relative to that text, line 0 first), so value types work
 * the same in the checker, in hover and in unit tests.
 */
export interface ValueSource {
  /** The value as oslo.config sees it (trimmed; continuation lines joined with a line break). */
  readonly token: Token;
  readonly lineIndex: LineIndex;
  /** The comma-separated items, trimmed, with their ranges; empty items are left out (oslo.config and Neutron skip them). */
  items(): Token[];
  /** Splits a token (an item, usually) at every `separator`; parts are trimmed, empty parts keep an empty range where they stand. */
  split(token: Token, separator: string): Token[];
  /** Splits a token at the first `separator` only (oslo.config's `key:value` reading); one part when there is none. */
  splitOnce(token: Token, separator: string): Token[];
  /** A sub-token of a single-line token, by offsets relative to its start. */
  slice(token: Token, from: number, to: number): Token;
}

/** The value of a parsed option. */
export function valueSourceOf(option: IniOption, lineIndex: LineIndex): ValueSource {
  return new OptionValueSource(option.value, option.segments, lineIndex, () => listItems(option, lineIndex));
}

/**
 * A value given as text alone (tests, hover previews, a setting). Line breaks
 * in the text act as continuation lines. Leading and trailing blanks are
 * trimmed as oslo.config does; ranges are relative to `text`.
 */
export function valueSourceOfText(text: string): ValueSource {
  const lineIndex = new LineIndex(text);
  const segments: ValueSegment[] = [];
  for (let line = 0; line < lineIndex.lineCount; line++) {
    const start = lineIndex.lineStart(line);
    const end = lineIndex.lineEnd(line);
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) segments.push({ text: body, start: start + lead });
  }
  let token: Token;
  if (segments.length === 0) {
    token = { text: '', start: 0, end: 0, range: lineIndex.range(0, 0) };
  } else {
    const first = segments[0];
    const last = segments[segments.length - 1];
    const end = last.start + last.text.length;
    token = { text: segments.map((s) => s.text).join('\n'), start: first.start, end, range: lineIndex.range(first.start, end) };
  }
  const fake: IniOption = {
    name: token,
    separator: token,
    value: token,
    segments,
    range: token.range,
    section: undefined,
  };
  return new OptionValueSource(token, segments, lineIndex, () => listItems(fake, lineIndex));
}

class OptionValueSource implements ValueSource {
  private cachedItems: Token[] | undefined;

  constructor(
    readonly token: Token,
    readonly segments: ValueSegment[],
    readonly lineIndex: LineIndex,
    private readonly itemsOf: () => Token[],
  ) {}

  items(): Token[] {
    if (!this.cachedItems) this.cachedItems = this.itemsOf();
    return this.cachedItems;
  }

  split(token: Token, separator: string): Token[] {
    return splitToken(token, separator, this.lineIndex);
  }

  splitOnce(token: Token, separator: string): Token[] {
    const at = token.text.indexOf(separator);
    if (at < 0) return [token];
    return [this.trimmedSlice(token, 0, at), this.trimmedSlice(token, at + separator.length, token.text.length)];
  }

  slice(token: Token, from: number, to: number): Token {
    const start = token.start + from;
    const end = token.start + to;
    return { text: token.text.slice(from, to), start, end, range: this.lineIndex.range(start, end) };
  }

  private trimmedSlice(token: Token, from: number, to: number): Token {
    const text = token.text;
    while (from < to && /\s/.test(text[from])) from++;
    while (to > from && /\s/.test(text[to - 1])) to--;
    return this.slice(token, from, to);
  }
}

/** The same source, looking at one of its tokens as the whole value (an item of a list, for its item type). */
export function narrowed(source: ValueSource, token: Token): ValueSource {
  return {
    token,
    lineIndex: source.lineIndex,
    items: () => (token.text ? [token] : []),
    split: (t, s) => source.split(t, s),
    splitOnce: (t, s) => source.splitOnce(t, s),
    slice: (t, a, b) => source.slice(t, a, b),
  };
}
