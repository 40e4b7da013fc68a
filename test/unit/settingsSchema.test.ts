/** schemas/neutron-config.schema.json, checked with Ajv: it takes the README's example and the fixtures' settings files, and refuses misspelt keys and codes. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';

const ROOT = path.resolve(__dirname, '../../..');
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'neutron-config.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
const errorsOf = (value: unknown) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`));

describe('the schema of .neutron-config.json', () => {
  it('accepts the README example', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const example = /```json\n(\{\n  "\$schema"[\s\S]*?)```/.exec(readme);
    assert.ok(example, 'the README shows a settings file');
    assert.deepEqual(errorsOf(JSON.parse(example[1])), []);
  });

  it('refuses an unknown key, an unknown code and a severity that is none', () => {
    assert.deepEqual(errorsOf({ rule: {} }), [' must NOT have additional properties (rule)']);
    assert.deepEqual(errorsOf({ rules: { 'physnet-undeclard': 'off' } }), ['/rules must NOT have additional properties (physnet-undeclard)']);
    assert.deepEqual(errorsOf({ rules: { 'physnet-undeclared': 'fatal' } }), ['/rules/physnet-undeclared must be equal to one of the allowed values']);
    assert.deepEqual(errorsOf({ fileKinds: { 'dumps/*.cfg': 'ml2' }, exclude: ['old/'], maxFileSizeMB: 2 }), []);
  });
});
