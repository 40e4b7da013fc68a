import type { ReleaseId } from '../releases';
import type { JsonValue } from './zedFacts';
import type { OsloTypeName } from '../valueTypes';

/** One option of an extension project's option group, as generate/scan_extensions.py found it in the project's git history. */
export interface ExtensionOptionFacts {
  /** The repository under openstack/ that registers it (`neutron` for Neutron's own extensions). */
  project: string;
  /** The group as registered (oslo.config matches it case-insensitively in files, except DEFAULT). */
  section: string;
  name: string;
  osloType: OsloTypeName;
  /** null when unset, or when the source computes it (then `defaultInSource`). */
  default: JsonValue;
  defaultInSource?: boolean;
  choices?: string[];
  min?: number;
  max?: number;
  secret?: boolean;
  /** First release registering it; absent: Icehouse or earlier. */
  added?: ReleaseId;
  /** First release no longer registering it. */
  removed?: ReleaseId;
  /** First release marking it deprecated. */
  deprecated?: ReleaseId;
  /** The group it was read from before (an alias oslo.config still reads). */
  deprecatedGroup?: string;
}
