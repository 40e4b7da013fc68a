import { isKnownKind, lookup } from '../catalog';
import type { ParseProblem } from '../syntax/ast';
import { normalizeSectionName } from '../syntax/iniParser';
import type { IndexedFile } from '../workspace/model';

/**
 * Whether a parse problem is a `duplicate-option` that is no mistake: an
 * option oslo.config reads once per line (MultiStrOpt), or any repetition in
 * nova.conf, which is read only for [pci] device_spec (itself such an option,
 * nova/conf/pci.py) and whose other options are not catalogued.
 */
export function isRepeatedMultiValued(file: IndexedFile, problem: ParseProblem): boolean {
  if (problem.code !== 'duplicate-option' || file.doc.format !== 'ini') return false;
  if (file.kind === 'nova-conf') return true;
  if (!isKnownKind(file.kind)) return false;
  const { line, character } = problem.range.start;
  for (const section of file.doc.sections) {
    for (const option of section.options) {
      if (option.name.range.start.line !== line || option.name.range.start.character !== character) continue;
      return lookup(file.kind, normalizeSectionName(section.name.text), option.name.text)?.entry.multi === true;
    }
  }
  return false;
}
