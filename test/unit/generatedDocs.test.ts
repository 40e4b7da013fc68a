import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CODES, type DiagnosticCode } from '../../server/src/core/rules/codes';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { DEFAULT_MAX_FILE_SIZE_MB, FILE_KINDS, type Settings } from '../../server/src/core/settings';
import { CODE_EXAMPLES, type CodeExample } from './docs/codeExamples';
import { uriOf, workspaceOf } from './helpers';

/**
 * The list of codes lives in rules/codes.ts; the settings schema in
 * package.json, the schema of .neutron-config.json and docs/codes.md are
 * derived from it. These tests keep them in step; `UPDATE_GENERATED=1 npm
 * test` rewrites them.
 */

const ROOT = path.resolve(__dirname, '../../..');
const UPDATE = process.env.UPDATE_GENERATED === '1';
const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];

const PARSER_CODES: string[] = ['syntax', 'option-outside-section', 'duplicate-option', 'dangling-link', 'link-outside-workspace', 'file-too-large', 'too-many-findings'];
const OPTION_CODES: string[] = ['unknown-section', 'unknown-option', 'invalid-value', 'deprecated-option', 'removed-option'];
const isIfcfg = (c: string) => c.startsWith('ifcfg-') || c === 'unknown-variable' || c === 'duplicate-variable';
const isSuppression = (c: string) => c.startsWith('suppression-');
const GROUPS: { title: string; codes: (code: DiagnosticCode) => boolean }[] = [
  { title: 'Files as the services read them', codes: (c) => PARSER_CODES.includes(c) },
  { title: 'Provider-network wiring across files and hosts', codes: (c) => !PARSER_CODES.includes(c) && !OPTION_CODES.includes(c) && !isIfcfg(c) && !isObserved(c) && !isSuppression(c) },
  { title: 'Observed state: captures against the configuration', codes: isObserved },
  { title: 'Options, values and releases', codes: (c) => OPTION_CODES.includes(c) },
  { title: 'ifcfg network-scripts', codes: isIfcfg },
  { title: 'Suppression comments', codes: isSuppression },
];

function isObserved(code: DiagnosticCode): boolean {
  return code.startsWith('observed-') || code === 'network-physnet-unmapped';
}

/** Every file of a fixture workspace, by path relative to it (expected.json left out). */
function fixtureFiles(name: string): Record<string, string> {
  const base = path.join(ROOT, 'test', 'fixtures', 'workspaces', name);
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && full !== path.join(base, 'expected.json')) files[path.relative(base, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(base);
  return files;
}

/** The example of a code run through the service: the file, its first finding of the code, and the quick fixes it offers. */
function runExample(code: string, example: CodeExample): { source: string; file: string; text: string; diagnostic: Diagnostic; fixes: string[] } | undefined {
  if ('prose' in example) return undefined;
  const files = 'fixture' in example ? fixtureFiles(example.fixture) : example.files;
  const service = workspaceOf(files, example.settings as Partial<Settings> | undefined);
  const candidates = example.file ? [example.file] : Object.keys(files).sort();
  for (const file of candidates) {
    const diagnostic = service.getDiagnostics(uriOf(file)).find((d) => d.code === code);
    if (!diagnostic) continue;
    const fixes = service
      .getCodeActions(uriOf(file), diagnostic.range, [diagnostic])
      .filter((a) => !a.title.startsWith('Ignore '))
      .map((a) => a.title);
    const source = 'fixture' in example ? `test/fixtures/workspaces/${example.fixture}/${file}` : file;
    return { source, file, text: files[file], diagnostic, fixes };
  }
  throw new Error(`the example of ${code} does not produce it`);
}

/** The lines of `text` around a range (the whole text when short), with the line numbers of the file. */
function excerpt(text: string, range: Range): string {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const from = lines.length <= 14 ? 0 : Math.max(0, range.start.line - 3);
  const to = lines.length <= 14 ? lines.length - 1 : Math.min(lines.length - 1, range.end.line + 3);
  const width = String(to + 1).length;
  const shown = lines.slice(from, to + 1).map((line, i) => `${String(from + i + 1).padStart(width)}  ${line.replace(/^\ufeff/, '')}`);
  return [...(from > 0 ? ['…'] : []), ...shown, ...(to < lines.length - 1 ? ['…'] : [])].join('\n');
}

function codesMarkdown(): string {
  const out = [
    '# Diagnostic codes',
    '',
    '<!-- Generated from server/src/core/rules/codes.ts and test/unit/docs/codeExamples.ts by test/unit/generatedDocs.test.ts (UPDATE_GENERATED=1 npm test). -->',
    '',
    'Every finding carries one of these codes. Codes are stable: settings (`neutronConfig.rules`), the CLI (`--rule CODE=SEVERITY`),',
    'suppression comments (`# neutron-config: disable=CODE`) and SARIF rule ids use them; each code has its section below',
    '(`docs/codes.md#physnet-undeclared`), which SARIF\'s `helpUri` links to: a broken example, what neutron-config says',
    'about it (the message is the service\'s own, produced from the example when this page is generated), and the quick',
    'fixes it offers. Every finding also offers to silence it on its line or in its file.',
  ];
  for (const group of GROUPS) {
    out.push('', `## ${group.title}`, '', '| code | default severity | what it means |', '|---|---|---|');
    for (const [code, info] of Object.entries(CODES)) {
      if (group.codes(code as DiagnosticCode)) out.push(`| [\`${code}\`](#${code}) | ${info.severity} | ${info.summary} |`);
    }
  }
  out.push('', '## Each code');
  for (const [code, info] of Object.entries(CODES)) {
    const example = CODE_EXAMPLES[code];
    if (!example) throw new Error(`no example for ${code} in test/unit/docs/codeExamples.ts`);
    out.push('', `### ${code}`, '', `${info.summary} Default severity: ${info.severity}.`, '');
    const run = runExample(code, example);
    if (!run) {
      out.push((example as { prose: string }).prose);
      continue;
    }
    const language = run.file.endsWith('.ini') ? 'ini' : run.file.includes('ifcfg-') ? 'sh' : '';
    const message = typeof run.diagnostic.message === 'string' ? run.diagnostic.message : run.diagnostic.message.value;
    const at = `${run.diagnostic.range.start.line + 1}:${run.diagnostic.range.start.character + 1}`;
    out.push(`\`${run.source}\`:`, '', `\`\`\`${language}`, excerpt(run.text, run.diagnostic.range), '```', '', `At ${at}: ${message}`, '');
    out.push(run.fixes.length ? `Quick fix${run.fixes.length === 1 ? '' : 'es'}: ${run.fixes.map((f) => `*${f}*`).join('; ')}.` : 'No quick fix: the message says what to change.');
  }
  return out.join('\n') + '\n';
}

function rulesSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [code, info] of Object.entries(CODES)) {
    properties[code] = { type: 'string', enum: SEVERITIES, markdownDescription: `${info.summary} Default: \`${info.severity}\`.` };
  }
  return properties;
}

/** The JSON schema of .neutron-config.json (schemas/neutron-config.schema.json), which VS Code validates the file with. */
function settingsFileSchema(): unknown {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/neutron-config/neutron-config/raw/HEAD/schemas/neutron-config.schema.json',
    title: 'neutron-config settings (.neutron-config.json)',
    description: 'Settings for the neutron-config CLI, read from the folder checked; the same keys as the neutronConfig settings of the editor, and exclude.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        description: 'Severity of each check, by code (docs/codes.md), or off.',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(Object.entries(CODES).map(([code, info]) => [code, { enum: SEVERITIES, description: `${info.summary} Default: ${info.severity}.` }])),
      },
      fileKinds: {
        description: 'Glob (relative to the folder) → the kind of file it matches, for files whose name says nothing.',
        type: 'object',
        additionalProperties: { enum: [...FILE_KINDS] },
      },
      hosts: { description: 'Glob (relative to the folder) → the host its files belong to.', type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
      release: { description: 'OpenStack release the deployment runs (zed, 2023.1, …); empty: any release.', type: 'string' },
      maxFileSizeMB: { description: 'Files larger than this are reported (file-too-large) and not read.', type: 'number', exclusiveMinimum: 0, default: DEFAULT_MAX_FILE_SIZE_MB },
      exclude: { description: 'What the CLI leaves out of the folders it reads, in gitignore syntax, relative to this file.', type: 'array', items: { type: 'string', minLength: 1 } },
    },
  };
}

describe('files derived from the list of codes', () => {
  it('schemas/neutron-config.schema.json knows every code and settings key', () => {
    const file = path.join(ROOT, 'schemas', 'neutron-config.schema.json');
    const expected = `${JSON.stringify(settingsFileSchema(), null, 2)}\n`;
    if (UPDATE) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, expected);
    }
    assert.equal(fs.readFileSync(file, 'utf8'), expected, 'run UPDATE_GENERATED=1 npm test');
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.neutron-config.json', url: './schemas/neutron-config.schema.json' }]);
  });

  it('every code appears in exactly one group of docs/codes.md', () => {
    for (const code of Object.keys(CODES)) {
      assert.equal(GROUPS.filter((g) => g.codes(code as DiagnosticCode)).length, 1, code);
    }
  });

  it('docs/codes.md lists every code', () => {
    const file = path.join(ROOT, 'docs/codes.md');
    const expected = codesMarkdown();
    if (UPDATE) fs.writeFileSync(file, expected);
    assert.equal(fs.readFileSync(file, 'utf8'), expected, 'run UPDATE_GENERATED=1 npm test');
  });

  it('the neutronConfig.rules setting offers every code', () => {
    const file = path.join(ROOT, 'package.json');
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
    const setting = manifest.contributes.configuration.properties['neutronConfig.rules'];
    const expected = rulesSchema();
    if (UPDATE) {
      setting.properties = expected;
      fs.writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n');
    }
    assert.deepEqual(setting.properties, expected, 'run UPDATE_GENERATED=1 npm test');
  });
});
