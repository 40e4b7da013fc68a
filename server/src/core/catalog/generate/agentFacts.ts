import type { ReleaseId } from '../releases';
import type { OsloTypeName } from '../valueTypes';
import type { JsonValue } from './zedFacts';

/** The file kinds catalogued from generate/scan_history.py --ts (data/agents.generated.ts). */
export type ScannedKind = 'linuxbridge-agent' | 'sriov-agent' | 'dhcp-agent' | 'neutron-conf';

/** One option of one file kind, as the samples of Mitaka … 2026.1 list it (neutron/opts.py at each release tag). */
export interface AgentOptionFacts {
  kind: ScannedKind;
  /** The group as registered (oslo.config matches it case-insensitively in files, except DEFAULT). */
  section: string;
  name: string;
  /** oslo.config's type in the newest release that lists it. */
  osloType: OsloTypeName;
  /** The default in the newest release that lists it; null when unset, or when the source computes it (then `defaultInSource`). */
  default: JsonValue;
  defaultInSource?: boolean;
  choices?: string[];
  min?: number;
  max?: number;
  secret?: boolean;
  /** First release that reads it; absent: Icehouse or earlier. */
  added?: ReleaseId;
  /** First release no longer listing it. */
  removed?: ReleaseId;
  /** First release marking it deprecated. */
  deprecated?: ReleaseId;
  /** Defaults by release, when they changed and the source writes each as a literal. */
  defaults?: { since: ReleaseId; default: JsonValue }[];
  /** oslo.config types by release, when the type changed. */
  types?: { since: ReleaseId; osloType: OsloTypeName }[];
  /** Read before Mitaka only: found in the hand-written samples of Icehouse … Liberty, facts from its definition at the last of them. */
  preMitaka?: boolean;
  /** Old names oslo.config still reads (deprecated_name / deprecated_opts in the newest release). */
  deprecatedNames?: { section: string; name: string }[];
}
