import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { IfcfgAssignment, IfcfgDocument } from '../../syntax/ast';
import { lastAssignment } from '../../workspace/facts';
import type { IndexedFile } from '../../workspace/model';
import { eol } from '../edits';

/** Edits of ifcfg files in the file's own style (line breaks, quotes). */

export function ifcfgDoc(file: IndexedFile): IfcfgDocument | undefined {
  return file.kind === 'ifcfg' && file.doc.format === 'ifcfg' ? file.doc : undefined;
}

/** Replaces an assignment's value, keeping its quotes when it is one quoted word. */
export function replaceValue(assignment: IfcfgAssignment, value: string): TextEdit {
  const quoted = assignment.quoting === 'single' || assignment.quoting === 'double';
  return { range: quoted ? assignment.value.range : assignment.raw.range, newText: value };
}

/** Inserts whole lines after the line of `after`, or after the last assignment, or at the end of the file. */
export function insertLines(doc: IfcfgDocument, lines: string[], after?: IfcfgAssignment): TextEdit {
  const index = doc.lineIndex;
  const nl = eol(index);
  const anchor = after ?? doc.assignments[doc.assignments.length - 1];
  if (anchor) {
    const at = index.lineEnd(anchor.line);
    return { range: index.range(at, at), newText: nl + lines.join(nl) };
  }
  const text = index.text;
  const at = text.length;
  const needsBreak = text.length > 0 && !/[\r\n]$/.test(text);
  return { range: index.range(at, at), newText: (needsBreak ? nl : '') + lines.join(nl) + nl };
}

/** Sets `key` to `value`: in place when the file sets it, else as a new line after `after`. */
export function setVariable(doc: IfcfgDocument, key: string, value: string, after?: IfcfgAssignment): TextEdit {
  const existing = lastAssignment(doc, key);
  return existing ? replaceValue(existing, value) : insertLines(doc, [`${key}=${value}`], after);
}

/** The text of a whole line, without its line break. */
export function lineText(doc: IfcfgDocument, line: number): string {
  return doc.lineIndex.text.slice(doc.lineIndex.lineStart(line), doc.lineIndex.lineEnd(line));
}

/** A string-array field of a diagnostic's data, or [] when absent or malformed. */
export function stringsOf(diagnostic: Diagnostic, field: string): string[] {
  const value = (diagnostic.data as Record<string, unknown> | undefined)?.[field];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A string field of a diagnostic's data, or undefined. */
export function stringOf(diagnostic: Diagnostic, field: string): string | undefined {
  const value = (diagnostic.data as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value : undefined;
}
