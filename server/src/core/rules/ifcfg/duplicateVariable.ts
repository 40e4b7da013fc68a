import type { IfcfgAssignment } from '../../syntax/ast';
import type { Finding, Rule } from '../rule';
import { asIfcfg } from './helpers';

/**
 * A variable set twice in one ifcfg file with different values. The network
 * scripts source the file, so bash keeps the last assignment and the earlier
 * value is lost (os-net-config writes OVS_OPTIONS twice for a bond with a MAC
 * address, and the bond options vanish). A later value that reads the
 * variable itself (`OVS_OPTIONS="$OVS_OPTIONS …"`) appends, and is fine.
 */
export const duplicateVariable: Rule = {
  codes: ['duplicate-variable'],
  scope: 'file',
  kinds: ['ifcfg'],
  check({ file }) {
    const f = asIfcfg(file);
    if (!f) return [];
    const findings: Finding[] = [];
    // From the end, each key's next assignment is the one seen last: one pass, however long the file.
    const next = new Map<string, IfcfgAssignment>();
    const assignments = f.doc.assignments;
    for (let i = assignments.length - 1; i >= 0; i--) {
      const earlier = assignments[i];
      const key = earlier.key.text;
      const later = next.get(key);
      next.set(key, earlier);
      if (!later || later.raw.text === earlier.raw.text || readsItself(later.raw.text, key)) continue;
      findings.push({
        code: 'duplicate-variable',
        range: earlier.range,
        message:
          `${key} is set again on line ${later.line + 1}: the network scripts read this file with bash, which keeps the last value ` +
          `(${later.raw.text || 'empty'}), so ${earlier.raw.text || 'this empty value'} here is lost.`,
        data: { key, later: later.line, mergeable: SPACE_SEPARATED.has(key) },
        related: [{ uri: file.uri, range: later.range, message: `The value bash keeps for ${key}` }],
      });
    }
    return findings.reverse();
  },
};

/** Variables whose value is a space-separated list, so two assignments can become one. */
export const SPACE_SEPARATED: ReadonlySet<string> = new Set(['OVS_OPTIONS', 'BONDING_OPTS', 'BOND_IFACES', 'OVSDHCPINTERFACES']);

function readsItself(raw: string, key: string): boolean {
  return raw.includes(`$${key}`) || raw.includes(`\${${key}}`) || raw.includes(`\${${key}:`);
}
