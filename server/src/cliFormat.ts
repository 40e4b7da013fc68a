/**
 * Output formats of the command-line checker: text for people, JSON for
 * scripts, SARIF 2.1.0 for code-scanning services. Pure functions of a
 * check result; nothing here reads files or writes to a stream.
 */
import { createHash } from 'crypto';
import type * as Sarif from 'sarif';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { compareText } from './core/text/compare';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';
export type OutputFormat = 'text' | 'json' | 'sarif' | 'github';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'github'];

export interface CheckedFile {
  /** Relative to the base directory, forward slashes. */
  path: string;
  kind: string;
  host: string;
}

export interface Finding {
  /** Relative to the base directory, forward slashes. */
  file: string;
  /** 0-based, as in LSP. */
  range: Range;
  severity: SeverityName;
  code: string;
  message: string;
  source: string;
  /** Other places the finding points at (where a physnet is declared, the bridge's ifcfg file), when it has any. */
  related?: { file: string; range: Range; message: string }[];
}

export interface CheckResult {
  files: CheckedFile[];
  diagnostics: Finding[];
}

/** LSP severity number to name; a diagnostic without one counts as an error, as LSP clients show it. */
export function severityName(severity: Diagnostic['severity']): SeverityName {
  switch (severity) {
    case 2:
      return 'warning';
    case 3:
      return 'information';
    case 4:
      return 'hint';
    default:
      return 'error';
  }
}

/** A diagnostic as a finding of `file`; `relativePath` turns a related location's URI into a path like `file`. */
export function toFinding(file: string, diagnostic: Diagnostic, relativePath?: (uri: string) => string | undefined): Finding {
  const related = (diagnostic.relatedInformation ?? []).flatMap((r) => {
    const relatedFile = relativePath?.(r.location.uri);
    return relatedFile === undefined ? [] : [{ file: relatedFile, range: copyRange(r.location.range), message: r.message }];
  });
  return {
    file,
    range: {
      start: { line: diagnostic.range.start.line, character: diagnostic.range.start.character },
      end: { line: diagnostic.range.end.line, character: diagnostic.range.end.character },
    },
    severity: severityName(diagnostic.severity),
    code: diagnostic.code === undefined ? '' : String(diagnostic.code),
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    source: diagnostic.source ?? 'neutron-config',
    ...(related.length ? { related } : {}),
  };
}

function copyRange(range: Range): Range {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders findings by file, then start position, then end position, then code. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.file, b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.range.end.line - b.range.end.line ||
    a.range.end.character - b.range.end.character ||
    compareStrings(a.code, b.code) ||
    compareStrings(a.message, b.message)
  );
}

export function sortResult(result: CheckResult): CheckResult {
  return {
    files: [...result.files].sort((a, b) => compareStrings(a.path, b.path)),
    diagnostics: [...result.diagnostics].sort(compareFindings),
  };
}

export function countBySeverity(findings: readonly Finding[]): Record<SeverityName, number> {
  const counts: Record<SeverityName, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** One line such as `3 errors, 1 warning in 9 files`. */
export function summaryLine(result: CheckResult): string {
  const counts = countBySeverity(result.diagnostics);
  const files = plural(result.files.length, 'file');
  if (result.diagnostics.length === 0) return `No problems in ${files}.`;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.information > 0) parts.push(`${counts.information} information`);
  if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
  return `${parts.join(', ')} in ${files}.`;
}

// ---- JSON ---------------------------------------------------------------------

/** The documented JSON shape, version 1. Key order is fixed. */
export function formatJson(result: CheckResult): string {
  const sorted = sortResult(result);
  const document = {
    version: 1,
    files: sorted.files.map((f) => ({ path: f.path, kind: f.kind, host: f.host })),
    diagnostics: sorted.diagnostics.map((d) => ({
      file: d.file,
      range: {
        start: { line: d.range.start.line, character: d.range.start.character },
        end: { line: d.range.end.line, character: d.range.end.character },
      },
      severity: d.severity,
      code: d.code,
      message: d.message,
      source: d.source,
      ...(d.related?.length ? { related: d.related } : {}),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

// ---- text ---------------------------------------------------------------------

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  cyan: '\u001b[36m',
};

const SEVERITY_COLOUR: Record<SeverityName, string> = {
  error: ANSI.red,
  warning: ANSI.yellow,
  information: ANSI.blue,
  hint: ANSI.cyan,
};

/** `path:line:col: severity code: message`, 1-based, one finding per line. */
/** One line per file: its path, then the kind and host it was given (so a wrong guess shows). */
export function formatHosts(result: CheckResult): string {
  const files = [...result.files].sort((a, b) => (a.host === b.host ? compareText(a.path, b.path) : compareText(a.host, b.host)));
  if (files.length === 0) return '';
  const width = Math.max(...files.map((f) => f.path.length));
  return `${files.map((f) => `${f.path.padEnd(width)}  ${f.kind.padEnd(9)}  host ${f.host}`).join('\n')}\n\n`;
}

export function formatText(result: CheckResult, options: { colour: boolean }): string {
  const paint = (style: string, text: string) => (options.colour ? `${style}${text}${ANSI.reset}` : text);
  const lines = sortResult(result).diagnostics.map((d) => {
    const where = `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}:`;
    const message = d.message.replace(/\s*\r?\n\s*/g, ' ');
    return `${paint(ANSI.bold, where)} ${paint(SEVERITY_COLOUR[d.severity], d.severity)} ${paint(ANSI.dim, d.code)}: ${message}`;
  });
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

// ---- GitHub Actions ---------------------------------------------------------------

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), which
 * the runner shows as annotations on the lines of the pull request. Paths
 * are as given (relative to the first PATH); run from the repository root
 * for the annotations to land on the files.
 */
export function formatGithub(result: CheckResult): string {
  const command: Record<SeverityName, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };
  const lines = sortResult(result).diagnostics.map((d) => {
    const properties = [
      `file=${escapeProperty(d.file)}`,
      `line=${d.range.start.line + 1}`,
      `col=${d.range.start.character + 1}`,
      `endLine=${d.range.end.line + 1}`,
      `endColumn=${d.range.end.character + 1}`,
      `title=${escapeProperty(`neutron-config ${d.code}`)}`,
    ];
    return `::${command[d.severity]} ${properties.join(',')}::${escapeData(d.message)}`;
  });
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

// ---- SARIF 2.1.0 ----------------------------------------------------------------

export interface SarifOptions {
  version: string;
  /** Summary per known code; codes found but missing here get a generic text. */
  rules: Readonly<Record<string, { summary: string; severity: SeverityName | 'off' }>>;
  informationUri?: string;
  /** The page with one anchor per code (docs/codes.md): each rule's helpUri is `${codesUri}#${code}`. */
  codesUri?: string;
  /** Absolute `file:` URI (ending in `/`) that the relative paths of the findings are relative to: SARIF's `%SRCROOT%`. */
  sourceRoot?: string;
  /** The text of each file by its relative path, for fingerprints that survive lines moving; files missing here get none. */
  lineOf?: (file: string, line: number) => string | undefined;
}

function sarifLevel(severity: SeverityName): Sarif.Result.level {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/**
 * A SARIF log as GitHub code scanning reads it: one run, the rules of every
 * known code, results with 1-based regions (end column exclusive) and URIs
 * relative to the source root.
 */
export function formatSarif(result: CheckResult, options: SarifOptions): string {
  const sorted = sortResult(result);
  const ruleIds = Object.keys(options.rules);
  for (const finding of sorted.diagnostics) if (!ruleIds.includes(finding.code)) ruleIds.push(finding.code);
  const rules = ruleIds.map((id): Sarif.ReportingDescriptor => {
    const known = options.rules[id];
    return {
      id,
      name: id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
      shortDescription: { text: known?.summary ?? `neutron-config check ${id}.` },
      fullDescription: { text: `${known?.summary ?? `neutron-config check ${id}.`} Default severity: ${known?.severity ?? 'warning'}. Change it with --rule ${id}=SEVERITY or "rules" in .neutron-config.json; silence one finding with # neutron-config: disable=${id} on the line above.` },
      // A check that is off unless turned on is a disabled rule in SARIF.
      defaultConfiguration: known?.severity === 'off' ? { enabled: false, level: 'note' } : { level: sarifLevel(known?.severity ?? 'warning') },
      ...(options.codesUri ? { helpUri: `${options.codesUri}#${id}` } : {}),
    };
  });
  // Fingerprints that stay when lines are added above a finding: the code, the file and the text of
  // the line, counted when the same text repeats (GitHub code scanning's primaryLocationLineHash idea).
  const seen = new Map<string, number>();
  const fingerprint = (d: Finding): Record<string, string> => {
    const line = options.lineOf?.(d.file, d.range.start.line);
    if (line === undefined) return {};
    const key = createHash('sha256').update(`${d.code}\0${d.file}\0${line.trim()}`).digest('hex').slice(0, 32);
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return { 'neutronConfigFinding/v1': `${key}:${occurrence}` };
  };
  const location = (file: string, range: Range): Sarif.PhysicalLocation => ({
    artifactLocation: { uri: encodeSarifUri(file), uriBaseId: '%SRCROOT%' },
    region: { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 },
  });
  const results = sorted.diagnostics.map((d): Sarif.Result => ({
    ruleId: d.code,
    ruleIndex: ruleIds.indexOf(d.code),
    level: sarifLevel(d.severity),
    message: { text: d.message },
    locations: [{ physicalLocation: location(d.file, d.range) }],
    ...(d.related?.length ? { relatedLocations: d.related.map((r, id) => ({ id, message: { text: r.message }, physicalLocation: location(r.file, r.range) })) } : {}),
    ...(() => {
      const partialFingerprints = fingerprint(d);
      return Object.keys(partialFingerprints).length ? { partialFingerprints } : {};
    })(),
  }));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'neutron-config',
            version: options.version,
            semanticVersion: options.version,
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            rules,
          },
        },
        ...(options.sourceRoot ? { originalUriBaseIds: { '%SRCROOT%': { uri: options.sourceRoot } } } : {}),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
function encodeSarifUri(relativePath: string): string {
  return relativePath.split('/').map(encodeURIComponent).join('/');
}
