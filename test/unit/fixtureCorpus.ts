/**
 * Every fixture workspace under test/fixtures/workspaces with its recognised
 * files read, for tests that hold a property over the whole corpus.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NeutronConfigService } from '../../server/src/core/service';
import type { Settings } from '../../server/src/core/settings';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspaces');

export interface Fixture {
  name: string;
  dir: string;
  settings: Partial<Settings> | undefined;
  /** Recognised files, relative path and text, in path order. */
  files: { relative: string; uri: string; text: string }[];
}

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), relative));
    else if (entry.isFile() && relative !== 'expected.json') out.push(relative);
  }
  return out.sort();
}

export function serviceFor(fixture: Pick<Fixture, 'dir' | 'settings'>): NeutronConfigService {
  const service = new NeutronConfigService();
  service.setWorkspaceFolders([{ uri: pathToFileURL(fixture.dir).href, ...(fixture.settings ? { settings: fixture.settings } : {}) }]);
  return service;
}

export const fixtures: Fixture[] = fs
  .readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => {
    const dir = path.join(FIXTURES, entry.name);
    const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as { settings?: Partial<Settings> };
    const probe = serviceFor({ dir, settings: expected.settings });
    const files = listFiles(dir)
      .map((relative) => ({ relative, uri: pathToFileURL(path.join(dir, ...relative.split('/'))).href }))
      .filter(({ uri }) => probe.isRecognised(uri))
      .map((f) => ({ ...f, text: fs.readFileSync(new URL(f.uri), 'utf8') }));
    return { name: entry.name, dir, settings: expected.settings, files };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

