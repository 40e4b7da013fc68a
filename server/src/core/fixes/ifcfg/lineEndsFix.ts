import type { CodeAction } from 'vscode-languageserver-types';
import { quickFix, singleFileEdit } from '../edits';
import type { FixContext } from '../fix';
import { ifcfgDoc } from './ifcfgEdits';

/** The title editors show; the VS Code client recognises it to change the document's line ends instead of its text. */
export const LF_LINE_ENDS_TITLE = 'Convert to Unix (LF) line ends';

/** syntax (CR LF line ends in an ifcfg file): rewrites every line end as LF. */
export function lineEndsFix({ file, diagnostic }: FixContext): CodeAction[] {
  const doc = ifcfgDoc(file);
  if (!doc || (diagnostic.data as { kind?: unknown } | undefined)?.kind !== 'crlf') return [];
  const text = doc.lineIndex.text;
  const edit = { range: doc.lineIndex.range(0, text.length), newText: text.replace(/\r\n?/g, '\n') };
  return [quickFix(LF_LINE_ENDS_TITLE, diagnostic, singleFileEdit(file.uri, [edit]), true)];
}
