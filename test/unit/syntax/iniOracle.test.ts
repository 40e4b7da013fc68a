import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ini from 'ini';
import { parseIni } from '../../../server/src/core/syntax/iniParser';
import { kindFromName } from '../../../server/src/core/workspace/fileKinds';

/**
 * Oracle test: on well-formed files our oslo.config parser and the `ini`
 * package agree on sections, option names and values.
 *
 * `ini` reads several things differently from oslo.config, so only files
 * that avoid them are compared (see `oracleSafe`):
 * - continuation lines (ini: separate keys), `name: value` (ini: a key
 *   "name: value" set to true), quotes (ini: JSON.parse), duplicate options
 *   (ini keeps the last silently, or makes arrays of `key[]`), `;`/`#`/`\`
 *   inside values (ini: inline comments and escapes), template lines, BOM,
 *   section names with surrounding spaces (ini trims them).
 * What remains differs only in representation, and `normaliseIni` undoes it:
 * - `[a.b]` becomes the nested object `{a: {b: {...}}}`: nested objects are
 *   flattened back into dotted section names;
 * - the values `true`, `false` and `null` become JSON values: they are
 *   turned back into strings.
 */

type Sections = Record<string, Record<string, string>>;

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}

/** Why `ini` would read the text differently from oslo.config, or undefined when it would not. */
function oracleUnsafeReason(text: string): string | undefined {
  if (text.charCodeAt(0) === 0xfeff) return 'BOM';
  const seen = new Set<string>();
  let section = '';
  const sectionNames = new Set<string>();
  const keysBySection = new Map<string, Set<string>>();
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') continue;
    if (/^[ \t]/.test(line)) return 'continuation line';
    if (/^[#;]/.test(line)) continue;
    if (/\{\{|\{%|\{#|<%/.test(line)) return 'template marker';
    if (line.startsWith('[')) {
      const m = /^\[([^\]\s](?:[^\]]*[^\]\s])?)\]\s*$/.exec(line);
      if (!m) return 'unusual header';
      section = m[1];
      sectionNames.add(section);
      continue;
    }
    const eq = line.indexOf('=');
    const colon = line.indexOf(':');
    if (colon >= 0 && (eq < 0 || colon < eq)) return '":" separator';
    if (eq < 0) return 'no "="';
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1);
    if (!key || key.endsWith('[]') || key === '__proto__') return 'unusual key';
    if (/["'\\;#]/.test(value)) return 'quote, escape or comment character in value';
    if (!section) return 'option outside section';
    const id = `${section}\u0000${key}`;
    if (seen.has(id)) return 'duplicate option';
    seen.add(id);
    const keys = keysBySection.get(section) ?? new Set<string>();
    keys.add(key);
    keysBySection.set(section, keys);
  }
  // `[a]` with option `b` and a section `[a.b]` would collide once ini nests them.
  for (const name of sectionNames) {
    const dot = name.lastIndexOf('.');
    if (dot >= 0 && keysBySection.get(name.slice(0, dot))?.has(name.slice(dot + 1))) return 'dotted section collides with an option';
  }
  return undefined;
}

/** ini's object back to flat sections with string values. */
function normaliseIni(parsed: Record<string, unknown>): Sections {
  const out: Sections = {};
  const visit = (name: string, object: Record<string, unknown>) => {
    const options: Record<string, string> = (out[name] ??= {});
    for (const [key, value] of Object.entries(object)) {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) visit(`${name}.${key}`, value as Record<string, unknown>);
      else options[key] = String(value); // true/false/null were coerced from text
    }
  };
  for (const [key, value] of Object.entries(parsed)) {
    assert.ok(value !== null && typeof value === 'object' && !Array.isArray(value), `top-level key ${key} outside a section`);
    visit(key, value as Record<string, unknown>);
  }
  return out;
}

/**
 * ini creates parent objects for dotted names (`[a.b]` makes `a` exist) and
 * drops sections without options only when nothing names them; compare the
 * sections that hold options, plus every section our parser saw.
 */
function withoutEmpty(sections: Sections): Sections {
  return Object.fromEntries(Object.entries(sections).filter(([, options]) => Object.keys(options).length > 0));
}

function ours(text: string): Sections {
  const doc = parseIni(text);
  assert.deepEqual(doc.problems, [], 'our parser found problems in a well-formed file');
  const out: Sections = {};
  for (const section of doc.sections) {
    const options = (out[section.name.text] ??= {});
    for (const option of section.options) options[option.name.text] = option.value.text;
  }
  return out;
}

function fixtureFiles(): { name: string; text: string }[] {
  const root = repoRoot();
  const files: { name: string; text: string }[] = [];
  const own = path.join(root, 'test', 'fixtures', 'parsers');
  for (const name of fs.readdirSync(own).sort()) files.push({ name: `test/fixtures/parsers/${name}`, text: fs.readFileSync(path.join(own, name), 'utf8') });
  // Whatever INI files the example deployment and workspace fixtures hold, if present.
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const kind = kindFromName(entry.name);
        if (kind && kind !== 'ifcfg') files.push({ name: path.relative(root, full), text: fs.readFileSync(full, 'utf8') });
      }
    }
  };
  walk(path.join(root, 'examples'));
  walk(path.join(root, 'test', 'fixtures', 'workspaces'));
  return files;
}

describe('INI oracle: our parser agrees with the ini package on well-formed files', () => {
  const files = fixtureFiles();
  const safe = files.filter((f) => oracleUnsafeReason(f.text) === undefined);

  it('has real-looking fixtures to compare', () => {
    const names = safe.map((f) => path.basename(f.name));
    for (const expected of ['ml2_conf.ini', 'openvswitch_agent.ini', 'l3_agent.ini', 'plugin.ini']) assert.ok(names.includes(expected), expected);
  });

  it('filters out the files ini reads differently', () => {
    const quirks = files.find((f) => f.name.endsWith('quirks_openvswitch_agent.ini'));
    assert.ok(quirks);
    assert.equal(oracleUnsafeReason(quirks.text), 'continuation line');
    assert.equal(oracleUnsafeReason('[s]\na: 1\n'), '":" separator');
    assert.equal(oracleUnsafeReason('[s]\na = 1\na = 2\n'), 'duplicate option');
    assert.equal(oracleUnsafeReason('[s]\na = "1"\n'), 'quote, escape or comment character in value');
    assert.equal(oracleUnsafeReason('[s]\n{% if x %}\n'), 'template marker');
  });

  for (const file of safe) {
    it(`agrees on ${file.name}`, () => {
      const expected = normaliseIni(ini.parse(file.text) as Record<string, unknown>);
      const actual = ours(file.text);
      assert.deepEqual(withoutEmpty(actual), withoutEmpty(expected));
      // Every section ini knows (empty ones included) is one we saw, except parents ini invents for dotted names.
      for (const name of Object.keys(expected)) {
        const invented = Object.keys(actual).some((a) => a.startsWith(name + '.'));
        assert.ok(name in actual || invented, `section ${name}`);
      }
    });
  }

  it('agrees on the CRLF form of each file too', () => {
    for (const file of safe) {
      const crlf = file.text.replace(/\r?\n/g, '\r\n');
      assert.deepEqual(withoutEmpty(ours(crlf)), withoutEmpty(normaliseIni(ini.parse(crlf) as Record<string, unknown>)), file.name);
    }
  });
});
