import type { ParseProblem } from './ast';
import type { LineIndex } from '../text/lineIndex';

/** How much of a file is looked at to tell text from something else. */
const SAMPLE = 8192;

/**
 * A file that is not UTF-8 text, as read by the services (oslo.config and
 * bash both read configuration files as UTF-8 bytes): UTF-16 or UTF-32 (a
 * NUL byte beside nearly every letter, usually after a byte order mark that
 * decodes to U+FFFD), or binary data (NUL bytes, or mostly undecodable
 * bytes). One problem for the whole file instead of a syntax error per line.
 * Editors that decode UTF-16 themselves hand over proper text; the CLI sees
 * the bytes.
 */
export function encodingProblem(text: string, index: LineIndex): ParseProblem | undefined {
  const sample = text.slice(0, SAMPLE);
  if (sample.length === 0) return undefined;
  let nul = 0;
  let replacement = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) nul++;
    else if (c === 0xfffd) replacement++;
  }
  const range = index.range(0, index.lineEnd(0));
  const wide = nul >= sample.length / 4;
  if (wide) {
    const width = nul >= (sample.length * 2) / 3 ? 'UTF-32' : 'UTF-16';
    return {
      code: 'syntax',
      severity: 'error',
      range,
      message: `This file is encoded as ${width}, not UTF-8: the services read configuration files as UTF-8, see a NUL byte beside every letter, and cannot read a single line. Save it as UTF-8. Nothing in it is checked until then.`,
      data: { kind: 'encoding', encoding: width },
    };
  }
  if (nul > 0 || replacement >= Math.max(8, sample.length / 10)) {
    return {
      code: 'syntax',
      severity: 'error',
      range,
      message: `This file holds binary data, not text (${nul ? 'NUL bytes' : 'bytes that are not UTF-8'}): the services cannot read it as a configuration file. Nothing in it is checked.`,
      data: { kind: 'encoding', encoding: 'binary' },
    };
  }
  return undefined;
}
