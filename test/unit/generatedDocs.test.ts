import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CODES, type DiagnosticCode } from '../../server/src/core/rules/codes';
import { DEFAULT_MAX_FILE_SIZE_MB, FILE_KINDS } from '../../server/src/core/settings';

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

function codesMarkdown(): string {
  const out = [
    '# Diagnostic codes',
    '',
    '<!-- Generated from server/src/core/rules/codes.ts by test/unit/generatedDocs.test.ts (UPDATE_GENERATED=1 npm test). -->',
    '',
    'Every finding carries one of these codes. Codes are stable: settings (`neutronConfig.rules`), the CLI (`--rule CODE=SEVERITY`),',
    'suppression comments (`# neutron-config: disable=CODE`) and SARIF rule ids use them; each code is its own anchor here',
    '(`docs/codes.md#physnet-undeclared`), which SARIF\'s `helpUri` links to.',
  ];
  for (const group of GROUPS) {
    out.push('', `## ${group.title}`, '', '| code | default severity | what it means |', '|---|---|---|');
    for (const [code, info] of Object.entries(CODES)) {
      // The anchor is the code itself: SARIF's helpUri and the editor's code links point at docs/codes.md#<code>.
      if (group.codes(code as DiagnosticCode)) out.push(`| <a id="${code}"></a>\`${code}\` | ${info.severity} | ${info.summary} |`);
    }
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
