import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { IniOption, Token } from '../syntax/ast';
import type { LineIndex } from '../text/lineIndex';
import { listItems } from '../syntax/valueElements';

/** Helpers that build edits in the file's own style. */

export function replace(range: Range, newText: string): TextEdit {
  return { range, newText };
}

/**
 * Adds an item to a comma-separated option value, after the last item and
 * with the separator the line already uses (`vxlan` → `vxlan,flat`, `a, b` → `a, b, c`).
 */
export function appendListItem(option: IniOption, item: string, lineIndex: LineIndex): TextEdit {
  const items = listItems(option, lineIndex);
  if (items.length === 0) {
    const at = option.separator.end;
    const hasSpace = lineIndex.text[at] === ' ' || lineIndex.text[at] === '\t';
    const insertAt = hasSpace ? option.value.start : at;
    return { range: lineIndex.range(insertAt, option.value.end), newText: (hasSpace ? '' : ' ') + item };
  }
  const last: Token = items[items.length - 1];
  const separator = items.length > 1 ? separatorBetween(items[0], items[1], lineIndex) : ',';
  return { range: lineIndex.range(last.end, last.end), newText: separator + item };
}

function separatorBetween(a: Token, b: Token, lineIndex: LineIndex): string {
  const between = lineIndex.text.slice(a.end, b.start);
  return between.includes('\n') || between.includes('\r') ? ',' : between;
}

/** Deletes whole lines `first`..`last` including the line break. */
export function deleteLines(first: number, last: number, lineIndex: LineIndex): TextEdit {
  const start = lineIndex.lineStart(first);
  const end = last + 1 < lineIndex.lineCount ? lineIndex.lineStart(last + 1) : lineIndex.text.length;
  return { range: lineIndex.range(start, end), newText: '' };
}

/** The line break the file uses. */
export function eol(lineIndex: LineIndex): string {
  return lineIndex.text.includes('\r\n') ? '\r\n' : '\n';
}

export function quickFix(title: string, diagnostic: Diagnostic, edit: WorkspaceEdit, isPreferred = false): CodeAction {
  const action: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
  if (isPreferred) action.isPreferred = true;
  return action;
}

export function singleFileEdit(uri: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits } };
}
