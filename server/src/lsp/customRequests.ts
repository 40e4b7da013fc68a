/** Requests beyond LSP that the VS Code client sends; other clients may use them too. */

/** `{uri}` → what the server knows of that file, or null when it is not checked. */
export const FILE_INFO_REQUEST = 'neutronConfig/fileInfo';
export interface FileInfoResult {
  kind: string;
  host: string;
  /** Deployment root path, or null when no ML2 config covers the host. */
  deployment: string | null;
  filesIndexed: number;
}

/** Re-reads every workspace folder from disk and answers with the totals. */
export const CHECK_WORKSPACE_REQUEST = 'neutronConfig/checkWorkspace';
export interface CheckWorkspaceResult {
  files: number;
  errors: number;
  warnings: number;
}

/**
 * `{host?, physnet?, group?}` → the wiring of the workspace as a graph (see
 * server/src/core/topology/graph.ts: nodes with kind, state, parent, location
 * and findings; edges maps/attaches/patch), once the workspace is read.
 */
export const TOPOLOGY_REQUEST = 'neutronConfig/topology';
/**
 * The most nodes a topology answer has; a larger graph (every host of a large
 * deployment on its own, or a group of thousands opened) is refused with an
 * error saying how to narrow it. 60,000 nodes, 10,000 hosts one by one, are a
 * 32 MB answer that no layout draws.
 */
export const TOPOLOGY_MAX_NODES = 20_000;
export interface TopologyParams {
  /** Only hosts whose name matches this glob. */
  host?: string;
  /** Only this physnet. */
  physnet?: string;
  group?: 'auto' | 'always' | 'never';
  /** Hosts drawn on their own even where identical hosts are grouped (the members of an opened group). */
  expand?: string[];
}
