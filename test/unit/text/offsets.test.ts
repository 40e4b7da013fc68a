/** Reading by offsets must say what String.prototype.trim* and indexOf say of the slice. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { indexWithin, isTrimmedSpace, trimEndOffset, trimStartOffset } from '../../../server/src/core/text/offsets';

describe('trimming by offsets', () => {
  it('removes exactly the code units trim() removes', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      assert.equal(isTrimmedSpace(code), ch.trim() === '', `U+${code.toString(16).padStart(4, '0')}`);
    }
  });

  it('gives the offsets of the trimmed slice', () => {
    const pieces = ['', ' ', '\t', 'a', '=', '\u00a0', '\ufeff', '\r', '\n', 'bc', '\u2028', '#'];
    // Every text of up to four pieces, and every slice of it.
    const texts = [''];
    for (let n = 0; n < 4; n++) for (const t of [...texts]) for (const p of pieces) texts.push(t + p);
    for (const text of new Set(texts)) {
      for (let start = 0; start <= text.length; start++) {
        for (let end = start; end <= text.length; end++) {
          const slice = text.slice(start, end);
          assert.equal(trimStartOffset(text, start, end), start + slice.length - slice.trimStart().length, JSON.stringify([text, start, end]));
          assert.equal(trimEndOffset(text, start, end), start + slice.trimEnd().length, JSON.stringify([text, start, end]));
          for (const char of ['=', '#', ' ']) assert.equal(indexWithin(text, char, start, end), slice.includes(char) ? start + slice.indexOf(char) : -1, JSON.stringify([text, char, start, end]));
        }
      }
    }
  });
});
