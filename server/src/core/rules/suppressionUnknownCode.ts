import { nearest } from '../text/nearest';
import { CODES, isDiagnosticCode } from './codes';
import type { Finding, Rule } from './rule';
import { readSuppressions } from './suppression';

/** `all` silences every check; it is no code but a directive may name it. */
export const ALL_CODES = 'all';

/**
 * A `# neutron-config: disable=` comment naming a code that no check has:
 * a misspelt code silences nothing, and the finding it was meant for stays.
 */
export const suppressionUnknownCode: Rule = {
  codes: ['suppression-unknown-code'],
  scope: 'file',
  check({ file }) {
    const findings: Finding[] = [];
    for (const directive of readSuppressions(file.doc).directives) {
      for (const { code, range } of directive.codes) {
        if (code === ALL_CODES || isDiagnosticCode(code)) continue;
        const suggestions = nearest(code, Object.keys(CODES), 1);
        findings.push({
          code: 'suppression-unknown-code',
          range,
          message:
            `"${code}" is not the code of any neutron-config check, so this comment silences nothing.` +
            (suggestions.length ? ` Did you mean "${suggestions[0]}"?` : ' neutron-config --list-rules lists the codes.'),
          data: { code, suggestions },
        });
      }
    }
    return findings;
  },
};
