import type { Range } from 'vscode-languageserver-types';
import { getInterfaceType, type IfcfgInterfaceType } from '../../ifcfg/interfaceTypes';
import { booleanValue } from '../../ifcfg/valueTypes';
import type { IfcfgAssignment, IfcfgDocument } from '../../syntax/ast';
import { isTemplated, isTemplateLine } from '../../syntax/templates';
import type { IfcfgFacts } from '../../workspace/facts';
import { lastAssignment } from '../../workspace/facts';
import type { IndexedFile } from '../../workspace/model';
import type { HostView } from '../../workspace/views';

/**
 * What the ifcfg rules share: the file's parse and facts, whether a value may
 * be judged at all, the TYPE's catalogue entry, and the host's devices.
 */

export interface IfcfgFile {
  file: IndexedFile;
  doc: IfcfgDocument;
  facts: IfcfgFacts;
}

export function asIfcfg(file: IndexedFile): IfcfgFile | undefined {
  if (file.kind !== 'ifcfg' || file.doc.format !== 'ifcfg' || file.facts.kind !== 'ifcfg') return undefined;
  return { file, doc: file.doc, facts: file.facts };
}

/** A value is judged only when its text is final: no template marker, no `$`/backtick expansion. */
export function isLiteral(assignment: IfcfgAssignment): boolean {
  return !assignment.expands && !isTemplated(assignment.value.text) && !isTemplated(assignment.raw.text);
}

/** Whether the text holds a Jinja or ERB marker (a `$` alone does not count: in ifcfg files bash expands it). */
export function hasTemplateMarker(text: string): boolean {
  return ['{{', '{%', '<%', '{#'].some((marker) => text.includes(marker));
}

/**
 * Whether the file holds template directive lines (`{% if %}`, `{{ block }}` on
 * a line of its own). Such lines may add or drop assignments when rendered, so
 * rules that judge a variable's absence stay silent.
 */
export function hasTemplateLines(doc: IfcfgDocument): boolean {
  const index = doc.lineIndex;
  for (let line = 0; line < index.lineCount; line++) {
    const content = index.text.slice(index.lineStart(line), index.lineEnd(line)).trim();
    if (content && isTemplateLine(content)) return true;
  }
  return false;
}

/**
 * The catalogue entry of the file's TYPE when it is written exactly (the
 * network scripts compare TYPE letter for letter; a case variant is the
 * value checker's finding). Undefined when TYPE is unset, unknown or templated.
 */
export function exactType(f: IfcfgFile): IfcfgInterfaceType | undefined {
  const assignment = f.facts.typeAssignment;
  if (!assignment || !isLiteral(assignment)) return undefined;
  return getInterfaceType(assignment.value.text);
}

/** The file's TYPE when it is an Open vSwitch type written exactly, with its assignment. */
export function ovsType(f: IfcfgFile): { type: IfcfgInterfaceType; assignment: IfcfgAssignment } | undefined {
  const type = exactType(f);
  if (!type?.ovs || !f.facts.typeAssignment) return undefined;
  return { type, assignment: f.facts.typeAssignment };
}

/** The last literal assignment of `key`, or 'unknown' when the last one is templated or expands. */
export function literalValue(doc: IfcfgDocument, key: string): IfcfgAssignment | 'unknown' | undefined {
  const assignment = lastAssignment(doc, key);
  if (!assignment) return undefined;
  return isLiteral(assignment) ? assignment : 'unknown';
}

/** Whether the file sets NM_CONTROLLED to a literal false (NetworkManager then leaves it to the network scripts). */
export function isNmUnmanaged(doc: IfcfgDocument): boolean {
  const nm = literalValue(doc, 'NM_CONTROLLED');
  return nm !== undefined && nm !== 'unknown' && booleanValue(nm.value.text) === false && !/^o(n|ff)$/i.test(nm.value.text);
}

/**
 * The range of `start`–`end` (offsets into the unquoted value text) in the
 * file, when the value stands in the file character for character; else the
 * whole value's range.
 */
export function valueSpan(doc: IfcfgDocument, assignment: IfcfgAssignment, start: number, end: number): { range: Range; exact: boolean } {
  const { value } = assignment;
  const verbatim = value.end - value.start === value.text.length && doc.lineIndex.text.slice(value.start, value.end) === value.text;
  if (!verbatim) return { range: value.text ? value.range : assignment.raw.range, exact: false };
  return { range: doc.lineIndex.range(value.start + start, value.start + end), exact: true };
}

/** Where a finding about the whole file's kind goes: the TYPE value (the key when the value is empty). */
export function typeRange(assignment: IfcfgAssignment): Range {
  return assignment.value.text ? assignment.value.range : assignment.key.range;
}

/** The host's ifcfg files that describe `device`: by file name (ifup's first choice) or by DEVICE. */
export function filesForDevice(host: HostView, device: string): IndexedFile[] {
  return host.ifcfgFiles.filter((f) => f.renderedName === `ifcfg-${device}` || (f.facts as IfcfgFacts).device === device);
}
