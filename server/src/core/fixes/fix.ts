import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { IndexedFile } from '../workspace/model';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { DeploymentView, HostView } from '../workspace/views';

/** What a quick fix may read: the diagnostic (its code and data) and the workspace. */
export interface FixContext {
  file: IndexedFile;
  diagnostic: Diagnostic;
  host: HostView;
  deployment: DeploymentView | undefined;
  index: WorkspaceIndex;
  /** Whether a file (indexed or only on disk) or directory exists at the URI. */
  fileExists: (uri: string) => boolean;
}

/** Turns one diagnostic into code actions that carry their edits. */
export type QuickFix = (context: FixContext) => CodeAction[];
