import { isRepeatedMultiValued } from './multiValued';
import { isEvidenceKind } from '../workspace/fileKinds';
import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { FileKind, SeveritySetting, Settings } from '../settings';
import type { Folder, IndexedFile } from '../workspace/model';
import { CODES, DIAGNOSTIC_SEVERITY, SOURCE, isDiagnosticCode } from './codes';
import type { HostView } from '../workspace/views';
import type { Finding, Rule, RuleContext, RuleScope } from './rule';
import { isSuppressed, readSuppressions, type Suppressions } from './suppression';
import { groupedNumber } from '../text/numbers';

/** What the caller of diagnose hears of each rule it runs. */
export interface RuleHooks {
  /** A rule threw: its findings for that file are dropped, nothing else. */
  onRuleError?: (rule: Rule, error: unknown) => void;
  /** A rule ran, for this long (ms); asked for by `neutron-config --timing` only, as the clock costs. */
  onRuleTimed?: (rule: Rule, ms: number) => void;
}

/**
 * Findings of the rules of one scope for one file, by the rule's position in
 * `rules` (only rules that found something), with the positions of rules
 * that threw: those run again next time (and report again).
 */
interface ScopeResults {
  byRule: Map<number, Finding[]> | undefined;
  failed: number[] | undefined;
}

/**
 * What one indexed file yields on its own: the parser's findings, the
 * findings of the `file` rules and the suppression comments. The index
 * replaces a file's object on every edit (and every file's object when
 * folders or settings change), so an entry keyed by the object is never
 * stale; the folder and settings objects are compared as well, to be safe.
 */
interface FileResults extends ScopeResults {
  rules: readonly Rule[];
  folder: Folder;
  settings: Settings;
  parser: readonly Finding[];
  /** Undefined when the file silences nothing. */
  suppressions: Suppressions | undefined;
  /** The `host` rules' findings, kept in the same entry (one weak-map entry per file). */
  hostLevel: HostResults | undefined;
}

/**
 * The findings of the `host` rules for one file object, valid while its host
 * holds the same file objects (a host view is a function of them).
 */
interface HostResults extends ScopeResults {
  rules: readonly Rule[];
  settings: Settings;
  host: HostView['host'];
  hostFiles: readonly IndexedFile[];
}

const NONE: readonly Finding[] = Object.freeze([]);

function nonEmpty(s: Suppressions): Suppressions | undefined {
  return s.file.size > 0 || s.byLine.size > 0 ? s : undefined;
}

const fileResults = new WeakMap<IndexedFile, FileResults>();
/** One copy of a host view's files, shared by the host-rule results of its files. */
const hostSnapshots = new WeakMap<HostView, readonly IndexedFile[]>();

function snapshotOf(view: HostView): readonly IndexedFile[] {
  let files = hostSnapshots.get(view);
  if (!files || !sameFiles(files, view.files)) {
    files = [...view.files];
    hostSnapshots.set(view, files);
  }
  return files;
}

function fileLocalResults(context: RuleContext, rules: readonly Rule[], hooks?: RuleHooks): FileResults {
  const { file } = context;
  const cached = fileResults.get(file);
  if (cached && cached.rules === rules && cached.folder === file.folder && cached.settings === file.folder.settings) {
    retryFailed(cached, rules, context, hooks);
    return cached;
  }
  const entry: FileResults = {
    rules,
    folder: file.folder,
    settings: file.folder.settings,
    parser:
      file.doc.problems.length === 0
        ? NONE
        : file.doc.problems.filter((p) => !isRepeatedMultiValued(file, p)).map((p) => ({
            code: p.code,
            range: p.range,
            message: p.message,
            severity: p.severity,
            ...(p.data ? { data: p.data } : {}),
          })),
    byRule: undefined,
    failed: undefined,
    suppressions: nonEmpty(readSuppressions(file.doc)),
    hostLevel: undefined,
  };
  runScope(entry, 'file', rules, context, hooks);
  fileResults.set(file, entry);
  return entry;
}

function hostLevelResults(local: FileResults, context: RuleContext, rules: readonly Rule[], hooks?: RuleHooks): HostResults {
  const { file, host } = context;
  const cached = local.hostLevel;
  if (cached && cached.rules === rules && cached.settings === file.folder.settings && cached.host === host.host && sameFiles(cached.hostFiles, host.files)) {
    retryFailed(cached, rules, context, hooks);
    return cached;
  }
  const entry: HostResults = { rules, settings: file.folder.settings, host: host.host, hostFiles: snapshotOf(host), byRule: undefined, failed: undefined };
  runScope(entry, 'host', rules, context, hooks);
  local.hostLevel = entry;
  return entry;
}

function sameFiles(a: readonly IndexedFile[], b: readonly IndexedFile[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Per list of rules and kind of file: the positions of the rules that may report on such a file, by scope. */
const applicable = new WeakMap<readonly Rule[], Map<FileKind, Record<RuleScope, readonly number[]>>>();

function rulesFor(rules: readonly Rule[], kind: FileKind): Record<RuleScope, readonly number[]> {
  let byKind = applicable.get(rules);
  if (!byKind) applicable.set(rules, (byKind = new Map()));
  let positions = byKind.get(kind);
  if (!positions) {
    const of: Record<RuleScope, number[]> = { file: [], host: [], deployment: [] };
    rules.forEach((rule, i) => {
      if (!rule.kinds || rule.kinds.includes(kind)) of[rule.scope].push(i);
    });
    byKind.set(kind, (positions = of));
  }
  return positions;
}

function runScope(entry: ScopeResults, scope: RuleScope, rules: readonly Rule[], context: RuleContext, hooks?: RuleHooks): void {
  for (const i of rulesFor(rules, context.file.kind)[scope]) runInto(entry, i, rules[i], context, hooks);
}

function retryFailed(entry: ScopeResults, rules: readonly Rule[], context: RuleContext, hooks?: RuleHooks): void {
  if (!entry.failed) return;
  const failed = entry.failed;
  entry.failed = undefined;
  for (const i of failed) runInto(entry, i, rules[i], context, hooks);
}

function runInto(entry: ScopeResults, i: number, rule: Rule, context: RuleContext, hooks?: RuleHooks): void {
  const found = runRule(rule, context, hooks);
  if (found === undefined) (entry.failed ??= []).push(i);
  else if (found.length > 0) (entry.byRule ??= new Map()).set(i, found);
}

function runRule(rule: Rule, context: RuleContext, hooks?: RuleHooks): Finding[] | undefined {
  const timed = hooks?.onRuleTimed;
  const started = timed ? performance.now() : 0;
  try {
    return rule.check(context);
  } catch (error) {
    hooks?.onRuleError?.(rule, error);
    return undefined;
  } finally {
    timed?.(rule, performance.now() - started);
  }
}

/**
 * Runs the parser's findings and every rule for one file, then applies
 * suppression comments and the folder's severity settings. Findings of
 * `file` rules are computed once per indexed file object, those of `host`
 * rules once per file object and set of host files; `deployment` rules run
 * on every call. Findings keep the order of `rules`.
 */
export function diagnose(context: RuleContext, rules: readonly Rule[], hooks?: RuleHooks): Diagnostic[] {
  const { file } = context;
  if (isEvidenceKind(file.kind)) return [];
  const local = fileLocalResults(context, rules, hooks);
  const hostLevel = hostLevelResults(local, context, rules, hooks);
  const findings: Finding[] = [...local.parser];
  const deploymentLevel = rulesFor(rules, file.kind).deployment;
  let next = 0;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    let found: Finding[] | undefined;
    if (rule.scope === 'file') found = local.byRule?.get(i);
    else if (rule.scope === 'host') found = hostLevel.byRule?.get(i);
    else if (deploymentLevel[next] === i) {
      next++;
      found = runRule(rule, context, hooks);
    }
    if (found) for (const finding of found) findings.push(finding);
  }
  const suppressions = local.suppressions;
  const overrides = file.folder.settings.rules;
  if (suppressions && (overrides['suppression-unused'] ?? CODES['suppression-unused'].severity) !== 'off') findings.push(...unusedSuppressions(suppressions, findings));
  if (findings.length === 0) return [];
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    const setting = overrides[finding.code] as SeveritySetting | undefined;
    if (setting === 'off') continue;
    if (suppressions && isSuppressed(suppressions, finding.code, finding.range.start.line)) continue;
    const severity = setting ?? finding.severity ?? CODES[finding.code].severity;
    // A check that is off unless the settings turn it on.
    if (severity === 'off') continue;
    const diagnostic: Diagnostic = {
      range: finding.range,
      severity: DIAGNOSTIC_SEVERITY[severity],
      code: finding.code,
      source: SOURCE,
      message: finding.message,
    };
    if (finding.data) diagnostic.data = finding.data;
    if (finding.related?.length) diagnostic.relatedInformation = relatedInformationOf(finding.related);
    diagnostics.push(diagnostic);
  }
  return capped(diagnostics.sort(compareDiagnostics));
}

/**
 * Codes of suppression comments that silence no finding of the file: left
 * over after a fix, they would hide the next real problem on that line.
 * Unknown codes are suppression-unknown-code's; `all` counts as used when
 * anything is silenced.
 */
function unusedSuppressions(suppressions: Suppressions, findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const directive of suppressions.directives) {
    if (!directive.inEffect) continue;
    const { lines } = directive;
    const covered = findings.filter((f) => !lines || (f.range.start.line >= lines.first && f.range.start.line <= lines.last));
    for (const { code, range } of directive.codes) {
      if (code !== 'all' && !isDiagnosticCode(code)) continue;
      if (covered.some((f) => code === 'all' || f.code === code)) continue;
      out.push({
        code: 'suppression-unused',
        range,
        message: `Nothing here is reported as "${code}"${lines ? ' on the line this comment silences' : ' in this file'}: the comment silences no finding, and would hide the next one. Remove it if the problem was fixed.`,
        // Whether the fix removes the whole comment or only this code from its list.
        data: { code, alone: directive.codes.length === 1 },
      });
    }
  }
  return out;
}

/**
 * Most findings one file shows. Beyond that the file is rarely what it is
 * named (a log, a dump, a generated list) and more of the same helps no one,
 * while every one costs the editor and the CLI's output.
 */
export const MAX_FINDINGS_PER_FILE = 1000;

/** The first findings in document order, and one that says how many more there are and of which kinds. */
function capped(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_FINDINGS_PER_FILE) return diagnostics;
  const shown = diagnostics.slice(0, MAX_FINDINGS_PER_FILE);
  const hidden = diagnostics.slice(MAX_FINDINGS_PER_FILE);
  const byCode = new Map<string, number>();
  for (const d of hidden) byCode.set(String(d.code), (byCode.get(String(d.code)) ?? 0) + 1);
  const kinds = [...byCode].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${groupedNumber(n)} ${code}`).join(', ');
  const last = shown[shown.length - 1].range.end;
  shown.push({
    range: { start: last, end: last },
    severity: DIAGNOSTIC_SEVERITY[CODES['too-many-findings'].severity],
    code: 'too-many-findings',
    source: SOURCE,
    message: `${groupedNumber(hidden.length)} more findings in this file are not shown (${kinds}); the first ${groupedNumber(MAX_FINDINGS_PER_FILE)} are. Fix those, or check that this file is the configuration file its name says.`,
    data: { hidden: hidden.length, byCode: Object.fromEntries(byCode) },
  });
  return shown;
}

/**
 * Related information in the protocol's shape, made once per `related` array:
 * rules share one among many findings (every agent of a deployment points at
 * the same ML2 declarations), so their diagnostics share the result.
 */
const relatedInformation = new WeakMap<NonNullable<Finding['related']>, DiagnosticRelatedInformation[]>();

function relatedInformationOf(related: NonNullable<Finding['related']>): DiagnosticRelatedInformation[] {
  let converted = relatedInformation.get(related);
  if (!converted) {
    converted = related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message }));
    relatedInformation.set(related, converted);
  }
  return converted;
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    // A total order, the CLI's (cliFormat.compareFindings): both faces must list findings alike.
    a.range.end.line - b.range.end.line ||
    a.range.end.character - b.range.end.character ||
    compareStrings(String(a.code), String(b.code)) ||
    compareStrings(messageText(a), messageText(b))
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}
