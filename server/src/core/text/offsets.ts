/**
 * Reading a part of a text by offsets: what `String.prototype.trim*` and
 * `indexOf` would say of `text.slice(start, end)`, without making the slice
 * (the parsers ask for every line of every file).
 */

/** Whether `trim()` removes this UTF-16 code unit: ECMAScript's WhiteSpace and LineTerminator. */
export function isTrimmedSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The offset where `text.slice(start, end).trimStart()` begins. */
export function trimStartOffset(text: string, start: number, end: number): number {
  while (start < end && isTrimmedSpace(text.charCodeAt(start))) start++;
  return start;
}

/** The offset where `text.slice(start, end).trimEnd()` ends. */
export function trimEndOffset(text: string, start: number, end: number): number {
  while (end > start && isTrimmedSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** The offset of the first `char` in [start, end), or -1: `indexOf` that stops at the end of the line (not of the file, which would make a file of many such lines quadratic). */
export function indexWithin(text: string, char: string, start: number, end: number): number {
  const code = char.charCodeAt(0);
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}
