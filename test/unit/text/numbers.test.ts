import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupedNumber } from '../../../server/src/core/text/numbers';

describe('groupedNumber', () => {
  it('writes whole numbers as en-US does, other numbers as JavaScript does', () => {
    for (const n of [0, 7, 999, 1000, 5360, 53660, 100000, 1234567, -1000, -999, 4094, Number.MAX_SAFE_INTEGER]) {
      assert.equal(groupedNumber(n), n.toLocaleString('en-US'), String(n));
    }
    assert.equal(groupedNumber(1.5), '1.5');
    assert.equal(groupedNumber(Number.NaN), 'NaN');
  });
});
