import type { CodeAction } from 'vscode-languageserver-types';
import { eol, quickFix, singleFileEdit } from './edits';
import type { FixContext } from './fix';

/** Offered on every diagnostic: silence this code on this line, or in the whole file. */
export function suppressionFixes({ file, diagnostic }: FixContext): CodeAction[] {
  const code = String(diagnostic.code);
  const index = file.doc.lineIndex;
  const line = diagnostic.range.start.line;
  const lineStart = index.lineStart(line);
  const indent = /^[ \t]*/.exec(index.text.slice(lineStart, index.lineEnd(line)))?.[0] ?? '';
  const nl = eol(index);
  const bom = index.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fileStart = index.positionAt(bom);
  return [
    quickFix(
      `Ignore ${code} on this line`,
      diagnostic,
      singleFileEdit(file.uri, [{ range: index.range(lineStart, lineStart), newText: `${indent}# neutron-config: disable=${code}${nl}` }]),
    ),
    quickFix(
      `Ignore ${code} in this file`,
      diagnostic,
      singleFileEdit(file.uri, [{ range: { start: fileStart, end: fileStart }, newText: `# neutron-config: disable-file=${code}${nl}` }]),
    ),
  ];
}
