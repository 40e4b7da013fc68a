import type { Hover, Range } from 'vscode-languageserver-types';

/** A hover of Markdown text over `range`: the shape every hover of this server has. */
export function markdownHover(value: string, range: Range): Hover {
  return { contents: { kind: 'markdown', value }, range };
}

/** Inline code in Markdown; a name holding a backtick gets a double fence. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text}${fence}`;
}
