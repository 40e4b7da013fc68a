import type { ParsedDocument } from '../syntax/ast';
import type { FileKind, Settings } from '../settings';
import type { FileFacts } from './facts';
import type { HostMatcher } from './hosts';
import type { KindMatcher } from './fileKinds';

/** A workspace folder: it bounds hosts and deployments and carries settings. */
export interface Folder {
  uri: string;
  /** Absolute POSIX path without trailing slash ('' for the file-system root). */
  path: string;
  settings: Settings;
  kinds: KindMatcher;
  hosts: HostMatcher;
}

export interface Host {
  /** Unique: the host directory, or folder + name when a `hosts` setting names it. */
  key: string;
  /** Set from `hostNameOf` (workspaceIndex.ts); changes when a sosreport's hostname file comes or goes. */
  name: string;
  /** The name a `hosts` setting gives, if any. */
  named: string | undefined;
  /** Absolute path of the host directory (used to place the host in a deployment). */
  dir: string;
  folder: Folder;
  files: Set<IndexedFile>;
  /** Root path of the deployment this host belongs to, if any. */
  deployment: string | undefined;
}

export interface IndexedFile {
  uri: string;
  /** Absolute POSIX path. */
  path: string;
  /** Relative to the folder, forward slashes. */
  relativePath: string;
  folder: Folder;
  kind: FileKind;
  /** File name with any template suffix removed (`ifcfg-br-ex`). */
  renderedName: string;
  text: string;
  doc: ParsedDocument;
  facts: FileFacts;
  host: Host;
  /**
   * Facts other files of the host depend on; a change re-checks the host.
   * Worked out on the first edit of the file only (a network source's is a
   * walk of all its devices, wasted on a cold check).
   */
  hostSignature: () => string;
  /** Facts other files of the deployment depend on; a change re-checks the deployment. */
  deploymentSignature: string;
  /**
   * For a template with its rendered copy beside it (`ml2_conf.ini.j2` next to
   * `ml2_conf.ini`): the copy's URI. The copy is what the service reads, so the
   * template contributes no facts to its host or deployment; its own lines are
   * still checked.
   */
  renderedCopy?: string;
}
