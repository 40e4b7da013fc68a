import { lookupVariable } from '../../ifcfg/variables';
import { trailingText } from '../../syntax/ifcfgParser';
import type { Finding, Rule } from '../rule';
import { asIfcfg, hasTemplateMarker, isNmUnmanaged } from './helpers';

/**
 * Lines the two readers of an ifcfg file take differently. The network
 * scripts source the file with bash; NetworkManager parses a strict subset.
 *
 * - Unquoted white space inside a value: bash sets the variable to the first
 *   word and runs the rest as a command; NetworkManager refuses the line.
 * - `$` or a backtick inside double quotes: bash expands it; NetworkManager
 *   refuses the value and reads the key as empty.
 * - on/off for a yes/no variable: the scripts accept it, NetworkManager does
 *   not know the words and uses the default.
 *
 * Where NetworkManager does not manage the device (NM_CONTROLLED=no) and for
 * Open vSwitch variables, which NetworkManager never applies, only what bash
 * itself misreads is reported (NM_CONTROLLED itself is always read by both).
 */
export const ifcfgQuoting: Rule = {
  codes: ['ifcfg-quoting'],
  scope: 'file',
  kinds: ['ifcfg'],
  check({ file }) {
    const f = asIfcfg(file);
    if (!f) return [];
    const unmanaged = isNmUnmanaged(f.doc);
    const findings: Finding[] = [];
    for (const assignment of f.doc.assignments) {
      const index = f.doc.lineIndex;
      if (hasTemplateMarker(index.text.slice(index.lineStart(assignment.line), index.lineEnd(assignment.line)))) continue;
      const key = assignment.key.text;
      const variable = lookupVariable(key)?.variable;
      const nmReads = key === 'NM_CONTROLLED' || (!unmanaged && !variable?.ovs);

      const trailing = trailingText(f.doc, assignment);
      if (trailing) {
        const whole = f.doc.lineIndex.text.slice(assignment.raw.start, trailing.end);
        const quotable = !/["$`\\]/.test(whole) && assignment.quoting === 'none';
        findings.push({
          code: 'ifcfg-quoting',
          range: f.doc.lineIndex.range(assignment.raw.start, trailing.end),
          message:
            `Unquoted white space ends the value: bash sets ${key} to "${assignment.value.text}" and runs "${trailing.text}" as a command, ` +
            `and NetworkManager refuses the line. Quote the whole value${quotable ? `: ${key}="${whole}"` : ''}.`,
          data: { kind: 'unquoted-space', ...(quotable ? { replacement: `"${whole}"` } : {}) },
        });
        continue;
      }

      if (nmReads && expandsInDoubleQuotes(assignment.raw.text)) {
        findings.push({
          code: 'ifcfg-quoting',
          range: assignment.raw.range,
          message:
            `Inside double quotes bash expands "$" and backticks, but NetworkManager refuses such a value and reads ${key} as empty. ` +
            `Write the final text, or use single quotes if the "$" is meant literally.`,
          data: { kind: 'expansion' },
        });
        continue;
      }

      if (nmReads && variable?.type.kind === 'boolean' && !assignment.expands && /^o(n|ff)$/i.test(assignment.value.text)) {
        const replacement = assignment.value.text.toLowerCase() === 'on' ? 'yes' : 'no';
        findings.push({
          code: 'ifcfg-quoting',
          range: assignment.value.range,
          message:
            `The network scripts read ${key}=${assignment.value.text} as ${replacement}, but NetworkManager does not know "${assignment.value.text}" ` +
            `and uses the default${variable.default ? ` (${variable.default})` : ''} instead. Write ${replacement}.`,
          data: { kind: 'on-off', replacement },
        });
      }
    }
    return findings;
  },
};

/** Whether a `$` or backtick stands unescaped inside double quotes in a value as written. */
export function expandsInDoubleQuotes(raw: string): boolean {
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      continue;
    }
    if (ch === '\\') {
      i++;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === '`' || (ch === '$' && /[A-Za-z_{(0-9@*#?$!-]/.test(raw[i + 1] ?? ''))) return true;
      continue;
    }
    if (ch === '"') quote = '"';
    else if (ch === "'") quote = "'";
    else if (ch === '$' && raw[i + 1] === "'") {
      // $'…': an ANSI-C string, which both readers take literally; skip to its end.
      for (i += 2; i < raw.length && raw[i] !== "'"; i++) if (raw[i] === '\\') i++;
    }
  }
  return false;
}
