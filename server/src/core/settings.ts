import { MAX_GLOBS, globProblem } from './workspace/globs';

/** What a user can set, per workspace folder (VS Code `neutronConfig.*`, CLI flags or config file). */
export type FileKind =
  | 'ml2'
  | 'ovs-agent'
  | 'linuxbridge-agent'
  | 'sriov-agent'
  | 'l3-agent'
  | 'dhcp-agent'
  | 'neutron-conf'
  | 'nova-conf'
  | 'ifcfg'
  | 'nm-keyfile'
  | 'os-net-config'
  | 'os-net-config-mapping'
  | 'tripleo-env'
  | 'kolla-globals'
  | 'osa-user-config'
  | 'capture'
  | 'nm-conf'
  | 'sos-hostname';
/**
 * Kinds a `fileKinds` glob may name (the evidence-only kinds are found by
 * their place). `capture`: command output, whose content says which command.
 */
export const FILE_KINDS: readonly FileKind[] = [
  'ml2',
  'ovs-agent',
  'linuxbridge-agent',
  'sriov-agent',
  'l3-agent',
  'dhcp-agent',
  'neutron-conf',
  'nova-conf',
  'ifcfg',
  'nm-keyfile',
  'os-net-config',
  'os-net-config-mapping',
  'tripleo-env',
  'kolla-globals',
  'osa-user-config',
  'capture',
];

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = SeverityName | 'off';
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

export interface Settings {
  /** Severity override per diagnostic code, or `off`. */
  rules: Record<string, SeveritySetting>;
  /** Glob (relative to the workspace folder) → file kind, for files whose name says nothing. */
  fileKinds: Record<string, FileKind>;
  /** Glob (relative to the workspace folder) → host name. */
  hosts: Record<string, string>;
  /** OpenStack release the deployment runs (`zed`, `2024.1`, …); empty = any release. */
  release: string;
  /** Files larger than this many megabytes (MiB) are reported and not read. */
  maxFileSizeMB: number;
}

/** The settings file of a folder, read by the CLI and the language server alike (under the editor's own settings). */
export const SETTINGS_FILE_NAME = '.neutron-config.json';

/** Real configuration files are kilobytes; a 50 MB file costs seconds and a gigabyte of memory to check. */
export const DEFAULT_MAX_FILE_SIZE_MB = 8;

export const DEFAULT_SETTINGS: Settings = Object.freeze({ rules: {}, fileKinds: {}, hosts: {}, release: '', maxFileSizeMB: DEFAULT_MAX_FILE_SIZE_MB });

/** Accepts anything (user JSON) and keeps only well-formed entries. */
export function normaliseSettings(input: unknown): Settings {
  const source = isRecord(input) ? input : {};
  const rules: Record<string, SeveritySetting> = {};
  if (isRecord(source.rules)) {
    for (const [code, value] of Object.entries(source.rules)) {
      if (typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value)) rules[code] = value as SeveritySetting;
    }
  }
  const fileKinds: Record<string, FileKind> = {};
  if (isRecord(source.fileKinds)) {
    for (const [glob, kind] of usableGlobs(source.fileKinds)) {
      if (typeof kind === 'string' && (FILE_KINDS as readonly string[]).includes(kind)) fileKinds[glob] = kind as FileKind;
    }
  }
  const hosts: Record<string, string> = {};
  if (isRecord(source.hosts)) {
    for (const [glob, host] of usableGlobs(source.hosts)) if (typeof host === 'string' && host.trim()) hosts[glob] = host.trim();
  }
  const release = typeof source.release === 'string' ? source.release.trim() : '';
  const size = source.maxFileSizeMB;
  const maxFileSizeMB = typeof size === 'number' && Number.isFinite(size) && size > 0 ? size : DEFAULT_MAX_FILE_SIZE_MB;
  return { rules, fileKinds, hosts, release, maxFileSizeMB };
}

/** The entries of a glob setting that are safe to use: the first MAX_GLOBS whose glob has no problem. */
function usableGlobs(entries: Record<string, unknown>): [string, unknown][] {
  return Object.entries(entries)
    .filter(([glob]) => globProblem(glob) === undefined)
    .slice(0, MAX_GLOBS);
}

/** What `normaliseSettings` leaves out of the glob settings, and why, for a warning to the user. */
export function settingsProblems(input: unknown): string[] {
  const source = isRecord(input) ? input : {};
  const problems: string[] = [];
  for (const key of ['fileKinds', 'hosts'] as const) {
    const entries = source[key];
    if (!isRecord(entries)) continue;
    const globs = Object.keys(entries);
    for (const glob of globs) {
      const problem = globProblem(glob);
      if (problem) problems.push(`${key} glob ${JSON.stringify(glob.length > 60 ? `${glob.slice(0, 60)}…` : glob)} is ignored: ${problem}.`);
    }
    const usable = globs.filter((glob) => globProblem(glob) === undefined).length;
    if (usable > MAX_GLOBS) problems.push(`${key} has ${usable} globs; only the first ${MAX_GLOBS} are used.`);
  }
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Later settings win key by key; an empty release or the default size limit does not erase an earlier one. */
export function mergeSettings(base: Settings, override: Settings): Settings {
  return {
    rules: { ...base.rules, ...override.rules },
    fileKinds: { ...base.fileKinds, ...override.fileKinds },
    hosts: { ...base.hosts, ...override.hosts },
    release: override.release || base.release,
    maxFileSizeMB: override.maxFileSizeMB !== DEFAULT_MAX_FILE_SIZE_MB ? override.maxFileSizeMB : base.maxFileSizeMB,
  };
}
