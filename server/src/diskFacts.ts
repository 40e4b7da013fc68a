/**
 * What the analysis asks of the disk besides texts, for the faces that read
 * files (the CLI and its check threads): when a file changed, and its mode;
 * and a service that asks them.
 */
import * as fs from 'fs';
import { NeutronConfigService, type FileMode } from './core/service';
import type { RuleHooks } from './core/rules/engine';
import type { Settings } from './core/settings';

/**
 * A service for files read from disk, in these workspace folders; a rule
 * that throws is reported to `ruleFailed` as the CLI prints it, and each
 * rule's run time to `onRuleTimed` when given (`--timing`).
 */
export function serviceOnDisk(folders: { uri: string; settings: Settings }[], ruleFailed: (message: string) => void, onRuleTimed?: RuleHooks['onRuleTimed']): NeutronConfigService {
  const service = new NeutronConfigService({
    onRuleTimed,
    onRuleError: (rule, error) => ruleFailed(`internal error in the check for ${rule.codes.join(', ')}: ${error instanceof Error ? error.message : String(error)}`),
    modifiedTime: modifiedTimeOnDisk,
    fileMode: fileModeOnDisk,
  });
  service.setWorkspaceFolders(folders);
  return service;
}

/** When a file last changed on disk; asked only for the few files observed-state findings compare with their captures. */
export function modifiedTimeOnDisk(uri: string): number | undefined {
  try {
    return fs.statSync(new URL(uri)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** A file's permission bits and owner, through links as NetworkManager's stat(2) sees them. */
export function fileModeOnDisk(uri: string): FileMode | undefined {
  try {
    const stat = fs.statSync(new URL(uri));
    return { mode: stat.mode & 0o7777, uid: stat.uid };
  } catch {
    return undefined;
  }
}
