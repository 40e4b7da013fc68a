import { validateOption } from '../../catalog/index';
import type { Finding, Rule } from '../rule';
import { configuredRelease, iniFileOf, optionLines } from './optionLines';
import { claimedByWiring, overlaps } from './wiringClaims';

/**
 * A value the option's type rejects (booleans, integers and bounds, ports,
 * addresses, choices, lists, physnet:bridge mappings, VLAN and tunnel ranges,
 * physnet:mtu entries), on the exact element. `invalid` problems (the service
 * refuses the value) are errors; `unknown` ones (accepted, but not a value
 * Neutron ships, such as a plugin's driver name) are warnings. Templated
 * values are never judged; neither is a line a later line overrides, nor an
 * option the configured release does not read (unknown-option and
 * removed-option say so), nor a value the parser already flags for an
 * indented `name = value` line it swallowed. Where a wiring rule already explains the element
 * (a network type without its type driver), it keeps the finding.
 *
 * `data`: `key`, `section`, `value`, `problem` (the value type's code) and
 * `suggestions` (valid values nearest to what is written, best first).
 */
export const invalidOptionValue: Rule = {
  codes: ['invalid-value'],
  scope: 'file',
  check(context) {
    const ini = iniFileOf(context.file);
    if (!ini) return [];
    const release = configuredRelease(context.file);
    const findings: Finding[] = [];
    const claimed = claimedByWiring(context);
    for (const { section, option, found, effective } of optionLines(ini, release)) {
      if (!found || !effective) continue;
      if (found.status.state === 'not-yet' || (release && found.status.state === 'removed')) continue;
      // An indented `name = value` the parser flags as part of this value: its syntax finding says why.
      if (ini.doc.problems.some((p) => p.code === 'syntax' && overlaps(p.range, option.range) && p.data?.continues !== undefined)) continue;
      for (const problem of validateOption(found.entry, option, ini.doc.lineIndex, release)) {
        if (claimed(problem.range)) continue;
        const finding: Finding = {
          code: 'invalid-value',
          range: problem.range,
          message: `${option.name.text}: ${problem.message}`,
          data: {
            key: option.name.text,
            section: section.name.text,
            value: ini.doc.lineIndex.text.slice(problem.start, problem.end),
            problem: problem.code,
            suggestions: problem.suggestions ?? [],
          },
        };
        if (problem.kind === 'unknown') finding.severity = 'warning';
        findings.push(finding);
      }
    }
    return findings;
  },
};
