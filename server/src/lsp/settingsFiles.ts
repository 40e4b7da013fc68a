import * as path from 'path';
import { SETTINGS_FILE_NAME, Settings, mergeSettings, normaliseSettings } from '../core/settings';
import { parseSettingsFile } from '../core/settingsFile';
import { ASYNC_DISK } from '../fsWalk';
import { canonicalUri } from '../uris';
import type { Folder, SettingsReader } from './workspaceSync';

/** A settings file larger than this is no hand-written settings file: it is not read. */
const MAX_SETTINGS_FILE_BYTES = 1 << 20;

/**
 * The editor's settings over each folder's `.neutron-config.json`: the file
 * the CLI reads gives the same checks in the editor, and what the user sets
 * in the editor wins key by key. What the file gets wrong is said once per
 * reading (the editor also validates it against the schema as it is typed).
 */
export function withSettingsFiles(editor: SettingsReader, warn: (message: string) => void): SettingsReader {
  return async (folders) => {
    const fromEditor = await editor(folders);
    const result = new Map<string, Settings>();
    await Promise.all(
      folders.map(async (folder) => {
        const own = await readFolderSettingsFile(folder, warn);
        const editorSettings = fromEditor.get(folder.uri) ?? normaliseSettings({});
        result.set(folder.uri, own ? mergeSettings(own, editorSettings) : editorSettings);
      }),
    );
    return result;
  };
}

async function readFolderSettingsFile(folder: Folder, warn: (message: string) => void): Promise<Settings | undefined> {
  const file = path.join(folder.fsPath, SETTINGS_FILE_NAME);
  let text: string;
  try {
    const stat = await ASYNC_DISK.stat(file);
    if (!stat.isFile()) return undefined;
    const read = await ASYNC_DISK.readText(file, MAX_SETTINGS_FILE_BYTES);
    if (typeof read !== 'string') {
      warn(`${SETTINGS_FILE_NAME} in ${folder.name} is ${read.bytes} bytes, more than a settings file holds: not read.`);
      return undefined;
    }
    text = read;
  } catch {
    return undefined; // No settings file: the editor's settings alone.
  }
  const read = parseSettingsFile(text);
  if ('error' in read) {
    warn(`${SETTINGS_FILE_NAME} in ${folder.name}: ${read.error}; its settings are not used.`);
    return undefined;
  }
  if (read.problems.length) warn(`${SETTINGS_FILE_NAME} in ${folder.name}: ${read.problems.join('; ')}.`);
  return read.settings;
}

/** Whether a file event concerns a folder's settings file (then the settings are read again). */
export function isSettingsFileOf(folders: readonly Folder[], uri: string): boolean {
  const canonical = canonicalUri(uri);
  return folders.some((folder) => canonical === `${folder.uri.replace(/\/$/, '')}/${SETTINGS_FILE_NAME}`);
}
