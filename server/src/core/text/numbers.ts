/**
 * A whole number with thousands separators, as `toLocaleString('en-US')`
 * writes it ("53,660"), without ICU: the first call to that loads number
 * formatting data, about 15 ms that once held up a request while the server
 * indexed. Other numbers are written as JavaScript writes them.
 */
export function groupedNumber(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n);
  const digits = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}
