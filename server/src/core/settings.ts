/** What a user can set, per workspace folder (VS Code `neutronConfig.*`, CLI flags or config file). */
export type FileKind = 'ml2' | 'ovs-agent' | 'l3-agent' | 'ifcfg' | 'nm-conf' | 'sos-hostname';
/** Kinds a `fileKinds` glob may name (the evidence-only kinds are found by their place). */
export const FILE_KINDS: readonly FileKind[] = ['ml2', 'ovs-agent', 'l3-agent', 'ifcfg'];

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
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({ rules: {}, fileKinds: {}, hosts: {}, release: '' });

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
    for (const [glob, kind] of Object.entries(source.fileKinds)) {
      if (typeof kind === 'string' && (FILE_KINDS as readonly string[]).includes(kind)) fileKinds[glob] = kind as FileKind;
    }
  }
  const hosts: Record<string, string> = {};
  if (isRecord(source.hosts)) {
    for (const [glob, host] of Object.entries(source.hosts)) if (typeof host === 'string' && host.trim()) hosts[glob] = host.trim();
  }
  const release = typeof source.release === 'string' ? source.release.trim() : '';
  return { rules, fileKinds, hosts, release };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
