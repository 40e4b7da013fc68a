import { getInterfaceType } from '../../ifcfg/interfaceTypes';
import { lookupVariable } from '../../ifcfg/variables';
import type { ValueProblem } from '../../ifcfg/valueTypes';
import type { SeverityName } from '../../settings';
import type { Finding, Rule } from '../rule';
import { asIfcfg, exactType, hasTemplateMarker, isLiteral, valueSpan } from './helpers';

/**
 * Each value checked against its variable's type (booleans, enums, addresses,
 * prefixes, MACs, bounded integers, device names, TYPE). Values that expand
 * or come from a template are not judged. Severity follows what the problem
 * does: wrong for every reader (error), read differently by the two readers
 * or merely unusual (warning). on/off booleans are ifcfg-quoting's finding,
 * and DEVICETYPE on an Open vSwitch TYPE is ifcfg-ovs-devicetype-missing's.
 */
export const invalidValue: Rule = {
  codes: ['invalid-value'],
  scope: 'file',
  kinds: ['ifcfg'],
  check({ file }) {
    const f = asIfcfg(file);
    if (!f) return [];
    const type = f.facts.typeAssignment && isLiteral(f.facts.typeAssignment) ? f.facts.typeAssignment.value.text : undefined;
    const ovsFile = exactType(f)?.ovs === true;
    const findings: Finding[] = [];
    for (const assignment of f.doc.assignments) {
      const match = lookupVariable(assignment.key.text);
      if (!match || !isLiteral(assignment) || hasTemplateMarker(assignment.raw.text)) continue;
      const { variable } = match;
      if (variable.name === 'DEVICETYPE' && ovsFile) continue;
      for (const problem of variable.type.validate(assignment.value.text, type === undefined ? {} : { type })) {
        if (problem.kind === 'readers-differ' && variable.type.kind === 'boolean') continue;
        const span = valueSpan(f.doc, assignment, problem.start, problem.end);
        const suggestions = span.exact ? (problem.suggestions ?? []) : [];
        const finding: Finding = {
          code: 'invalid-value',
          range: span.range,
          message: `${assignment.key.text}: ${problem.message}`,
          data: { key: assignment.key.text, value: assignment.value.text, suggestions },
        };
        const severity = severityOf(problem, variable.name, type);
        if (severity) finding.severity = severity;
        findings.push(finding);
      }
    }
    return findings;
  },
};

function severityOf(problem: ValueProblem, variable: string, type: string | undefined): SeverityName | undefined {
  if (problem.kind === 'invalid') return undefined;
  // A TYPE case variant of an Open vSwitch type: NetworkManager accepts it, ifup-ovs refuses the device.
  if (variable === 'TYPE' && type !== undefined && getInterfaceType(problem.suggestions?.[0])?.ovs) return 'error';
  return 'warning';
}
