import { isDiagnosticCode } from './rules/codes';
import { SEVERITY_SETTINGS, Settings, normaliseSettings, settingsProblems } from './settings';

/**
 * `.neutron-config.json`, as the CLI and the language server read it: the
 * settings, the CLI's `exclude` patterns, and what in it was not understood,
 * said rather than silently ignored.
 */
export interface SettingsFile {
  settings: Settings;
  /** What the CLI leaves out of its walk (gitignore syntax, relative to the file's folder). */
  exclude: string[];
}

/** Keys a settings file may hold (`$schema` points editors at schemas/neutron-config.schema.json). */
export const SETTINGS_FILE_KEYS = ['$schema', 'rules', 'fileKinds', 'hosts', 'release', 'maxFileSizeMB', 'exclude'];

export function parseSettingsFile(text: string): (SettingsFile & { problems: string[] }) | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { error: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: 'must hold a JSON object' };
  const settings = normaliseSettings(raw);
  const problems: string[] = [];
  for (const key of Object.keys(raw)) if (!SETTINGS_FILE_KEYS.includes(key)) problems.push(`unknown key '${key}' ignored (known: ${SETTINGS_FILE_KEYS.slice(1).join(', ')})`);
  problems.push(...settingsProblems(raw));
  const rules = (raw as { rules?: unknown }).rules;
  if (typeof rules === 'object' && rules !== null) {
    for (const [code, severity] of Object.entries(rules)) {
      if (!isDiagnosticCode(code)) problems.push(`unknown check '${code}' ignored`);
      else if (!(code in settings.rules)) problems.push(`severity ${JSON.stringify(severity)} of '${code}' ignored (use ${SEVERITY_SETTINGS.join(', ')})`);
    }
  }
  const exclude = (raw as { exclude?: unknown }).exclude;
  const patterns = Array.isArray(exclude) ? exclude.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [];
  if (exclude !== undefined && (!Array.isArray(exclude) || patterns.length !== exclude.length)) problems.push('"exclude" must be a list of patterns (gitignore syntax); what is not a pattern is ignored');
  return { settings, exclude: patterns, problems };
}
