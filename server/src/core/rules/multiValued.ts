import { isKnownKind, lookup } from '../catalog';
import type { ParseProblem } from '../syntax/ast';
import { normalizeSectionName } from '../syntax/iniParser';
import type { IndexedFile } from '../workspace/model';

/**
 * MultiStrOpts of the oslo libraries whose groups a Neutron service reads but
 * this catalogue does not describe (services.ts): each line adds a value.
 * From the libraries' own option definitions as Debian's python3-oslo.* list
 * them (oslo.messaging amqp/notifications, oslo.policy, oslo.cache).
 */
const LIBRARY_MULTI_OPTIONS = new Set([
  'oslo_messaging_amqp|pre_settled',
  'oslo_messaging_notifications|driver',
  'oslo_policy|policy_dirs',
  'cache|backend_argument',
]);

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
      const group = normalizeSectionName(section.name.text);
      if (LIBRARY_MULTI_OPTIONS.has(`${group}|${option.name.text}`)) return true;
      return lookup(file.kind, group, option.name.text)?.entry.multi === true;
    }
  }
  return false;
}
