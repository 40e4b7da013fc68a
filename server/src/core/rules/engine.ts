import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { SeverityName } from '../settings';
import { CODES, SOURCE } from './codes';
import type { Finding, Rule, RuleContext } from './rule';
import { isSuppressed, readSuppressions } from './suppression';

const SEVERITY: Record<SeverityName, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Runs the parser's findings and every rule for one file, then applies
 * suppression comments and the folder's severity settings.
 */
export function diagnose(context: RuleContext, rules: readonly Rule[], onRuleError?: (rule: Rule, error: unknown) => void): Diagnostic[] {
  const { file } = context;
  const findings: Finding[] = file.doc.problems.map((p) => ({
    code: p.code,
    range: p.range,
    message: p.message,
    severity: p.severity,
    ...(p.data ? { data: p.data } : {}),
  }));
  for (const rule of rules) {
    try {
      findings.push(...rule.check(context));
    } catch (error) {
      onRuleError?.(rule, error);
    }
  }
  const suppressions = readSuppressions(file.doc);
  const overrides = file.folder.settings.rules;
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    const setting = overrides[finding.code];
    if (setting === 'off') continue;
    if (isSuppressed(suppressions, finding.code, finding.range.start.line)) continue;
    const severity = setting ?? finding.severity ?? CODES[finding.code].severity;
    const diagnostic: Diagnostic = {
      range: finding.range,
      severity: SEVERITY[severity],
      code: finding.code,
      source: SOURCE,
      message: finding.message,
    };
    if (finding.data) diagnostic.data = finding.data;
    if (finding.related?.length) {
      diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message }));
    }
    diagnostics.push(diagnostic);
  }
  return diagnostics.sort(compareDiagnostics);
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    String(a.code).localeCompare(String(b.code))
  );
}
