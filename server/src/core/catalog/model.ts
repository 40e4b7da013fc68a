import type { FileKind } from '../settings';
import type { JsonValue, ZedOptionFacts } from './generate/zedFacts';
import type { ReleaseId } from './releases';
import type { Choice, OsloTypeName, ValueType } from './valueTypes';

/** The file kinds that hold oslo.config options (ifcfg has its own keys). */
export type CatalogKind = Exclude<
  FileKind,
  'ifcfg' | 'nm-keyfile' | 'os-net-config' | 'os-net-config-mapping' | 'tripleo-env' | 'kolla-globals' | 'osa-user-config' | 'capture' | 'nm-conf' | 'sos-hostname' | 'nova-conf'
>;
export const CATALOG_KINDS: readonly CatalogKind[] = ['ml2', 'ovs-agent', 'l3-agent', 'linuxbridge-agent', 'sriov-agent', 'dhcp-agent', 'neutron-conf'];

/** Our own explanation of an option. */
export interface OptionDoc {
  /** One sentence: what it does. */
  summary: string;
  /** More: how Neutron uses it, what interacts with it. */
  details?: string;
  /** Accepted format, when the type's own description is not enough. */
  format?: string;
  /** A value as a user would write it (without `name = `). */
  example?: string;
  /** What happens when it is left out, when the bare default does not say it. */
  whenUnset?: string;
  /** What goes wrong when it is wrong. */
  whenWrong?: string;
}

export interface Replacement {
  /** Where the setting lives now, when an option took over. */
  section?: string;
  name?: string;
  /** In words, when it is not a plain rename (or in addition to one). */
  note?: string;
}

export interface OptionHistory {
  /** First release that reads it; undefined: Icehouse or earlier. */
  added?: ReleaseId;
  /** First release that marks it deprecated. */
  deprecated?: ReleaseId;
  /** First release that no longer reads it. */
  removed?: ReleaseId;
  replacement?: Replacement;
  /** Other changes worth knowing, by release (defaults, accepted values, type). */
  changes?: { release: ReleaseId; text: string }[];
}

/** An old name (and section) oslo.config still reads for an option. */
export interface DeprecatedName {
  section: string;
  name: string;
  /** First release that reads the old name as an alias (the rename). */
  since?: ReleaseId;
  /** Before the rename, the first release in which this was the option's own name (undefined: it never was, or since Icehouse when `since` is set and this is true-ish). */
  nameSince?: ReleaseId;
  /** First release that no longer reads the old name. */
  removed?: ReleaseId;
}

/** How an option's default, type or sample status changed, by release. */
export interface FactsChange {
  since: ReleaseId;
  type?: ValueType;
  osloType?: OsloTypeName;
  default?: JsonValue;
  defaultText?: string;
}

/** Facts of an option that is not in Zed's sample of the file (removed before, added after, or never sampled). */
export interface ExtraFacts {
  osloType: OsloTypeName;
  default: JsonValue;
  choices?: string[];
  min?: number;
  max?: number;
  secret?: boolean;
  multi?: boolean;
}

/** Hand-written knowledge of one option, merged with Zed's facts by section and name. */
export interface OptionSpec {
  section: string;
  name: string;
  /** File kinds whose service reads it (and whose sample lists it, unless `inSample` says otherwise). */
  kinds: readonly CatalogKind[];
  doc: OptionDoc;
  /** A sharper value type than oslo.config's (mappings, ranges, known names). */
  type?: ValueType;
  /** oslo.config's ignore_case for choices (oslo.log's log_rotate_interval_type). */
  ignoreCase?: boolean;
  /** Meanings (and availability by release) of oslo.config choices or known values. */
  choiceDocs?: Record<string, Omit<Choice, 'value'>>;
  history?: OptionHistory;
  /** Old names, with when they were introduced and dropped; merged with Zed's deprecated names. */
  deprecatedNames?: DeprecatedName[];
  /** Changes of type/default by release (for the newest facts, the last one wins). */
  factsChanges?: FactsChange[];
  /** For options not in the Zed sample of a kind: their facts (as in the last release that had them). */
  facts?: ExtraFacts;
  /** Takes part in provider networks: hover shows a fuller explanation. */
  provider?: boolean;
  /** false: the service reads it, but the sample file of that release does not list it. */
  inSample?: boolean;
  /** First release whose sample of this file lists it, when later than the option itself (OVN's [ovn] in ml2_conf.ini: 2024.1). */
  sampledSince?: ReleaseId;
  /** Per kind, where the same section and name behave differently (the L2 and L3 agents' `[agent] extensions`). */
  perKind?: Partial<
    Record<CatalogKind, { doc?: OptionDoc; type?: ValueType; history?: OptionHistory; choiceDocs?: OptionSpec['choiceDocs']; inSample?: boolean; sampledSince?: ReleaseId }>
  >;
}

/** One option of one file kind, ready for features. */
export interface CatalogEntry {
  kind: CatalogKind;
  section: string;
  /** The key oslo.config reads in files. */
  name: string;
  /** `section/name`. */
  key: string;
  /** oslo.config's type, newest known. */
  osloType: OsloTypeName;
  /** The value type that validates, describes and completes values. */
  type: ValueType;
  /** JSON form of the default (Zed's when the option is in Zed's sample). */
  default: JsonValue;
  /** The default as a sample file writes it (`<None>` when unset). */
  defaultText: string;
  choices?: readonly string[];
  min?: number;
  max?: number;
  multi: boolean;
  secret: boolean;
  deprecatedNames: readonly DeprecatedName[];
  history: OptionHistory;
  doc: OptionDoc;
  provider: boolean;
  /** Whether the sample file of this kind lists it (Zed's when it is in Zed; otherwise the samples of the releases that read it). */
  inSample: boolean;
  /** First release whose sample lists it, when later than `history.added`. */
  sampledSince?: ReleaseId;
  /** Changes of type/default over releases, oldest first. */
  factsChanges: readonly FactsChange[];
  /** The exact facts of Zed's sample, when the option is in it. */
  zed?: ZedOptionFacts;
}

/** What a lookup found. */
export interface LookupResult {
  entry: CatalogEntry;
  /** `alias`: the name (or section) written is an old name of the entry. */
  via: 'name' | 'alias';
  alias?: DeprecatedName;
  /** Availability at the release asked for (or across all releases when none was given). */
  status: OptionStatus;
  /** The file kind whose service defines it, when the section is borrowed (an OVS agent section in plugin.ini). */
  borrowedFrom?: CatalogKind;
}

export type OptionStatus =
  /** Read in that release, not deprecated. */
  | { state: 'current' }
  /** Read, but deprecated in that release (or, with no release, in the newest one that reads it). */
  | { state: 'deprecated'; since: ReleaseId; replacement?: Replacement }
  /** Not read any more: removed in `since`. With no release set, "removed in the newest". */
  | { state: 'removed'; since: ReleaseId; replacement?: Replacement }
  /** Not read yet in that release. */
  | { state: 'not-yet'; since: ReleaseId };

export interface SectionInfo {
  name: string;
  /** Kinds whose services define options in this section. */
  owners: readonly CatalogKind[];
  /** True when this kind has the section only because another file's service also reads this file (all-in-one). */
  borrowed: boolean;
  /** Why the section is legitimate in this file, for hover. */
  note?: string;
  /** The project whose extension registers it, when it is not one of the service's own sections (`neutron-vpnaas`, or `neutron` for an agent extension). */
  extension?: string;
}
