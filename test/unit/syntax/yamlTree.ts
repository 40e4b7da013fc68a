/**
 * A YAML node tree as plain data, for comparing two parsers: each node's kind
 * and range, a scalar's value and style, a collection's entries in order.
 */
import { isMap, isScalar, isSeq } from 'yaml';

export type YamlTree =
  | { scalar: unknown; style: string | undefined; range: unknown }
  | { map: [YamlTree, YamlTree][]; range: unknown }
  | { seq: YamlTree[]; range: unknown }
  | { other: string };

export function yamlTree(node: unknown): YamlTree {
  if (isScalar(node)) return { scalar: node.value, style: node.type, range: node.range };
  if (isMap(node)) return { map: node.items.map((pair) => [yamlTree(pair.key), yamlTree(pair.value)]), range: node.range };
  if (isSeq(node)) return { seq: node.items.map(yamlTree), range: node.range };
  return { other: node === null || node === undefined ? String(node) : typeof node };
}
