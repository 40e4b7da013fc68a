import type { CodeAction } from 'vscode-languageserver-types';
import { eol, quickFix, singleFileEdit } from './edits';
import type { FixContext } from './fix';
import { multiLineStatements } from '../syntax/nodes';

/**
 * Offered on every diagnostic: silence this code on this line, or in the
 * whole file. Not in a capture: command output is evidence, never edited (and
 * a `#` line there reads as a prompt); `neutronConfig.rules` silences a code.
 */
export function suppressionFixes({ file, diagnostic }: FixContext): CodeAction[] {
  if (file.doc.format === 'capture') return [];
  const code = String(diagnostic.code);
  const index = file.doc.lineIndex;
  const line = diagnostic.range.start.line;
  const nl = eol(index);
  const bom = index.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fileStart = index.positionAt(bom);
  // Not between the lines of a multi-line option or value: above its first line, which silences all of them.
  const first = multiLineStatements(file.doc).find(([start, last]) => start < line && line <= last)?.[0] ?? line;
  // Never in front of a byte order mark: the mark would end up inside the file, breaking its first line.
  const lineStart = first === 0 ? bom : index.lineStart(first);
  // Indented, an INI line continues the option above it (oslo.config); bash does not mind.
  const indent = file.doc.format === 'ifcfg' ? (/^[ \t]*/.exec(index.text.slice(lineStart, index.lineEnd(first)))?.[0] ?? '') : '';
  // The mark itself stays on the first line, below no comment: only the file-wide directive silences it.
  const onMark = bom === 1 && diagnostic.range.start.line === 0 && diagnostic.range.end.line === 0 && diagnostic.range.end.character <= 1;
  return [
    ...(onMark
      ? []
      : [
          quickFix(
            `Ignore ${code} on this line`,
            diagnostic,
            singleFileEdit(file.uri, [{ range: index.range(lineStart, lineStart), newText: `${indent}# neutron-config: disable=${code}${nl}` }]),
          ),
        ]),
    quickFix(
      `Ignore ${code} in this file`,
      diagnostic,
      singleFileEdit(file.uri, [{ range: { start: fileStart, end: fileStart }, newText: `# neutron-config: disable-file=${code}${nl}` }]),
    ),
  ];
}
