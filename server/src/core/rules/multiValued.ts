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
  const option = optionsByStart(file.doc).get(problem.range.start.line)?.get(problem.range.start.character);
  if (!option) return false;
  if (LIBRARY_MULTI_OPTIONS.has(`${option.group}|${option.name}`)) return true;
  return lookup(file.kind, option.group, option.name)?.entry.multi === true;
}

type IniDoc = Extract<IndexedFile['doc'], { format: 'ini' }>;
type OptionsByStart = Map<number, Map<number, { group: string; name: string }>>;

/** Options by where their name starts (line, then character), worked out once per document: a file may repeat an option 100,000 times. */
const optionsByStartOf = new WeakMap<IniDoc, OptionsByStart>();

function optionsByStart(doc: IniDoc): OptionsByStart {
  let byStart = optionsByStartOf.get(doc);
  if (!byStart) {
    byStart = new Map();
    for (const section of doc.sections) {
      const group = normalizeSectionName(section.name.text);
      for (const option of section.options) {
        const { line, character } = option.name.range.start;
        let onLine = byStart.get(line);
        if (!onLine) byStart.set(line, (onLine = new Map()));
        // The first option starting there, as a scan in document order would find.
        if (!onLine.has(character)) onLine.set(character, { group, name: option.name.text });
      }
    }
    optionsByStartOf.set(doc, byStart);
  }
  return byStart;
}
