import * as fs from 'fs';
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';

/**
 * What a walk leaves out, the way git and eslint do: patterns given on the
 * command line or in a settings file (gitignore syntax, relative to the
 * directory they belong to) and, unless turned off, every `.gitignore` met on
 * the way down, each applying to its own directory and below. The gitignore
 * syntax itself is the `ignore` package's, as in eslint and prettier.
 */
export class WalkExcludes {
  /** Directory → the rules that apply from there down, in the order they were found (outermost first). */
  private readonly rules: { dir: string; rules: Ignore }[] = [];

  constructor(private readonly options: { gitignore: boolean }) {}

  /** Patterns relative to `dir` (the directory checked, or the one a settings file is in). */
  add(dir: string, patterns: readonly string[]): void {
    if (patterns.length) this.rules.push({ dir: path.resolve(dir), rules: ignore().add([...patterns]) });
  }

  listed(dir: string, names: readonly string[]): void {
    if (!this.options.gitignore || !names.includes('.gitignore')) return;
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
    } catch {
      return; // Unreadable: as git does, nothing is ignored by it.
    }
    this.rules.push({ dir: path.resolve(dir), rules: ignore().add(text) });
  }

  excluded(absolutePath: string, isDirectory: boolean): boolean {
    for (const { dir, rules } of this.rules) {
      const relative = path.relative(dir, absolutePath);
      if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) continue;
      const posix = relative.split(path.sep).join('/');
      if (rules.ignores(isDirectory ? `${posix}/` : posix)) return true;
    }
    return false;
  }
}
