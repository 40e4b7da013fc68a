import type { Pair, Scalar } from 'yaml';
import type { Token } from './ast';
import { sourceToken } from './nodes';
import type { LineIndex } from '../text/lineIndex';
import { yaml } from './yamlLibrary';

/**
 * Where a YAML scalar's characters stand in the file: the plain text, or the
 * inside of its quotes when it has no escapes. Undefined when its value is
 * not written as such (escapes, folded or block scalars), so that a range
 * never points at something else than the value.
 */
export function placedScalar(node: Scalar, lines: LineIndex): { start: number; end: number } | undefined {
  const [start, end] = node.range!;
  const text = String(node.value ?? '');
  if (lines.text.slice(start, end) === text) return { start, end };
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  if (quoted && lines.text.slice(start + 1, end - 1) === text) return { start: start + 1, end: end - 1 };
  return undefined;
}

/** The scalar's characters as a token (see placedScalar). */
export function scalarToken(node: Scalar, lines: LineIndex): Token | undefined {
  const placed = placedScalar(node, lines);
  return placed && sourceToken(lines, placed.start, placed.end);
}

/** A map entry's key when it is a plain string (what variables and parameters are named by). */
export function keyText(pair: Pair): string | undefined {
  return yaml().isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : undefined;
}

/** A map entry's key as it stands in the file (findings and related information point at it). */
export function keyToken(pair: Pair, lines: LineIndex): Token {
  const [start, end] = (pair.key as Scalar).range!;
  return sourceToken(lines, start, end);
}
