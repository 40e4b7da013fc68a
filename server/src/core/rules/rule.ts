import type { FileMode } from '../service';
import type { Range } from 'vscode-languageserver-types';
import type { FileKind, SeverityName } from '../settings';
import type { IndexedFile } from '../workspace/model';
import type { DeploymentPart, DeploymentView, HostView } from '../workspace/views';
import type { DiagnosticCode } from './codes';

/** Everything a rule may read: the file, what its host says, what its deployment says. */
export interface RuleContext {
  file: IndexedFile;
  host: HostView;
  /** Undefined when no ML2 configuration covers the file's host. */
  deployment: DeploymentView | undefined;
  /** When the file at a URI last changed on disk (ms since the epoch), where the face can tell: captures are dated by it. */
  modifiedTime?: (uri: string) => number | undefined;
  /** A file's mode and owner on disk, where the face can tell (see ServiceOptions.fileMode). */
  fileMode?: (uri: string) => FileMode | undefined;
}

export interface Finding {
  code: DiagnosticCode;
  range: Range;
  message: string;
  /** Overrides the code's default severity for this finding (settings still win). */
  severity?: SeverityName;
  /** What a quick fix needs; never parse the message. */
  data?: Record<string, unknown>;
  /** Never changed once returned: the engine converts each array once and may share it among findings. */
  related?: { uri: string; range: Range; message: string }[];
}

/**
 * What a rule's findings depend on, besides the file itself:
 * - `file`: only the file (its text, parse, facts, name, host name and its
 *   folder's settings). Its findings are computed once per indexed file
 *   object and reused when the file is re-checked because another file changed.
 * - `host`: also the other files of its host (`context.host`).
 * - `deployment`: also the deployment (`context.deployment`), and possibly the host.
 * A rule that reads `context.host` or `context.deployment` must not be `file`.
 */
export type RuleScope = 'file' | 'host' | 'deployment';

/** One rule: a pure function of its context. */
export type Rule = RuleBase & (FileOrHostRule | DeploymentRule);

interface RuleBase {
  /** The codes this rule can produce. */
  codes: readonly DiagnosticCode[];
  /**
   * The kinds of file it can report on, when it is a few: the engine runs it
   * on those only (it is asked about every file otherwise, and thousands of
   * files times every rule is a cost of its own). A test holds it to them on
   * every fixture.
   */
  kinds?: readonly FileKind[];
  check(context: RuleContext): Finding[];
}

interface FileOrHostRule {
  /** What its findings depend on (see RuleScope). */
  scope: 'file' | 'host';
}

interface DeploymentRule {
  scope: 'deployment';
  /**
   * The parts of `context.deployment` it reads when it checks a file of this
   * kind: nothing for a kind it never reports on. A file's diagnostics are
   * published before the whole workspace is read when no rule reads more than
   * what is read first (service.isCompleteWithReadFirst); a test holds every rule to
   * its declaration on every fixture.
   */
  reads(kind: FileKind): readonly DeploymentPart[];
}
