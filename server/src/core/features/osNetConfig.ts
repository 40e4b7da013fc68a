import { CompletionItemKind, type CompletionItem, type Hover, type Position } from 'vscode-languageserver-types';
import type { Pair, Scalar } from 'yaml';
import { OBJECT_KEYS, OBJECT_TYPES } from '../osNetConfig/objectTypes';
import type { YamlDocument } from '../syntax/ast';
import { yaml } from '../syntax/yamlLibrary';
import type { FeatureContext } from './featureContext';
import { markdownHover } from './markdownHover';

/** The scalar under the cursor: a key of a mapping, or the value of `key`. */
interface YamlCursor {
  scalar: Scalar;
  /** The key of the pair the scalar belongs to. */
  key: string;
  isKey: boolean;
}

function cursorAt(root: unknown, offset: number): YamlCursor | undefined {
  const { isMap, isSeq, isScalar } = yaml();
  const inside = (node: { range?: [number, number, number] | null }) => node.range && node.range[0] <= offset && offset <= node.range[1];
  let node: unknown = root;
  for (let depth = 0; depth < 64 && node; depth++) {
    if (isMap(node)) {
      const pair = (node.items as Pair[]).find((p) => (isScalar(p.key) && inside(p.key)) || (p.value && inside(p.value as Scalar)));
      if (!pair) return undefined;
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (isScalar(pair.key) && inside(pair.key)) return { scalar: pair.key, key, isKey: true };
      if (isScalar(pair.value)) return { scalar: pair.value, key, isKey: false };
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items.find((item) => item && inside(item as Scalar));
    } else return undefined;
  }
  return undefined;
}

/** Hover on a key the model reads, or on an object's type. */
export function osNetConfigHover(context: FeatureContext, position: Position): Hover | null {
  const doc = context.file.doc as YamlDocument;
  const cursor = cursorAt(doc.root, doc.lineIndex.offsetAt(position));
  if (!cursor) return null;
  const range = doc.lineIndex.range(cursor.scalar.range![0], cursor.scalar.range![1]);
  if (cursor.isKey) {
    const explanation = OBJECT_KEYS[cursor.key];
    return explanation ? markdownHover(`**${cursor.key}**\n\n${explanation}`, range) : null;
  }
  if (cursor.key === 'type') {
    const meaning = OBJECT_TYPES[String(cursor.scalar.value)];
    return meaning ? markdownHover(`**type: ${String(cursor.scalar.value)}**: ${meaning}.`, range) : null;
  }
  return null;
}

/** Completion of an object's `type`, and of a patch port's `bridge_name` (the host's bridges). */
export function osNetConfigCompletion(context: FeatureContext, position: Position): CompletionItem[] {
  const doc = context.file.doc as YamlDocument;
  const offset = doc.lineIndex.offsetAt(position);
  const cursor = cursorAt(doc.root, offset);
  let key: string;
  let range;
  if (cursor && !cursor.isKey) {
    key = cursor.key;
    range = doc.lineIndex.range(cursor.scalar.range![0], cursor.scalar.range![1]);
  } else {
    // A key with no value yet (`type: |`): the parser has no scalar there.
    const before = doc.lineIndex.text.slice(doc.lineIndex.lineStart(position.line), offset);
    const typed = /^\s*(?:-\s+)?(type|bridge_name):\s*$/.exec(before);
    if (!typed) return [];
    key = typed[1];
    range = { start: position, end: position };
  }
  if (key === 'type') {
    return Object.entries(OBJECT_TYPES).map(([type, meaning]) => ({ label: type, kind: CompletionItemKind.EnumMember, detail: meaning, textEdit: { range, newText: type } }));
  }
  if (key === 'bridge_name') {
    return [...context.host.network.declared.bridges.keys()].sort().map((bridge) => ({ label: bridge, kind: CompletionItemKind.Interface, detail: 'OVS bridge of this host', textEdit: { range, newText: bridge } }));
  }
  return [];
}
