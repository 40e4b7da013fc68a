/**
 * Trimming by offsets: what `String.prototype.trim*` would leave of
 * `text.slice(start, end)`, without making the slice (the parsers ask for
 * every line of every file).
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
