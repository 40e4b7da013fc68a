import type { Range } from 'vscode-languageserver-types';
import type { SeverityName } from '../settings';
import type { IndexedFile } from '../workspace/model';
import type { DeploymentView, HostView } from '../workspace/views';
import type { DiagnosticCode } from './codes';

/** Everything a rule may read: the file, what its host says, what its deployment says. */
export interface RuleContext {
  file: IndexedFile;
  host: HostView;
  /** Undefined when no ML2 configuration covers the file's host. */
  deployment: DeploymentView | undefined;
}

export interface Finding {
  code: DiagnosticCode;
  range: Range;
  message: string;
  /** Overrides the code's default severity for this finding (settings still win). */
  severity?: SeverityName;
  /** What a quick fix needs; never parse the message. */
  data?: Record<string, unknown>;
  related?: { uri: string; range: Range; message: string }[];
}

/** One rule: a pure function of its context. */
export interface Rule {
  /** The codes this rule can produce. */
  codes: readonly DiagnosticCode[];
  check(context: RuleContext): Finding[];
}
