import type { FileMode } from '../service';
import type { IndexedFile } from '../workspace/model';
import type { DeploymentView, HostView } from '../workspace/views';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

/** What hover, completion and navigation read for one file. */
export interface FeatureContext {
  file: IndexedFile;
  host: HostView;
  deployment: DeploymentView | undefined;
  index: WorkspaceIndex;
  /** Whether a file (indexed or only on disk) or directory exists at the URI. */
  fileExists: (uri: string) => boolean;
  /** See ServiceOptions.modifiedTime. */
  modifiedTime?: (uri: string) => number | undefined;
  /** See ServiceOptions.fileMode. */
  fileMode?: (uri: string) => FileMode | undefined;
}
