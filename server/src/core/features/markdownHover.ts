import type { Hover, Range } from 'vscode-languageserver-types';

/** A hover of Markdown text over `range`: the shape every hover of this server has. */
export function markdownHover(value: string, range: Range): Hover {
  return { contents: { kind: 'markdown', value }, range };
}
