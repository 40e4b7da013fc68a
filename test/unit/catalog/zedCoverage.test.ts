import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { ZED_OPTIONS, ZED_SOURCE_SHA256 } from '../../../server/src/core/catalog/data/zed.generated';
import { defaultZedJsonPath, renderGenerated, sha256 } from '../../../server/src/core/catalog/generate/generateZed';
import { ZED_FILES, readZedFacts } from '../../../server/src/core/catalog/generate/zedFacts';
import { catalogProblems, lookup, normaliseSection, statusOf } from '../../../server/src/core/catalog/index';

/**
 * The catalogue matches Zed exactly: every option of ml2_conf.ini,
 * openvswitch_agent.ini and l3_agent.ini in neutron-zed-options.json is
 * present with the same type, default, choices and bounds.
 */
const jsonPath = defaultZedJsonPath();
const haveJson = existsSync(jsonPath);
const raw = haveJson ? readFileSync(jsonPath, 'utf8') : '';
const noJson = haveJson ? false : `neutron-zed-options.json not found at ${jsonPath} (set NEUTRON_ZED_OPTIONS); checking against the generated facts only`;

interface RawOption {
  file: string;
  section: string;
  name: string;
  type: string;
  default: unknown;
  choices?: unknown[];
  min?: number;
  max?: number;
  secret?: boolean;
  deprecated_names?: { group: string; name: string }[];
  deprecated_for_removal?: boolean;
}

/** The options to check: straight from the JSON when it is there, else from the generated file. */
function zedOptions(): RawOption[] {
  if (!haveJson) {
    return ZED_OPTIONS.map((f) => ({
      file: f.file,
      section: f.section,
      name: f.name,
      type: f.type,
      default: f.default,
      ...(f.choices ? { choices: f.choices } : {}),
      ...(f.min !== undefined ? { min: f.min } : {}),
      ...(f.max !== undefined ? { max: f.max } : {}),
      ...(f.secret ? { secret: true } : {}),
      ...(f.deprecatedNames ? { deprecated_names: f.deprecatedNames } : {}),
      ...(f.deprecatedForRemoval ? { deprecated_for_removal: true } : {}),
    }));
  }
  const data = JSON.parse(raw) as { files: Record<string, { sections: Record<string, Omit<RawOption, 'file' | 'section'>[]> }> };
  const out: RawOption[] = [];
  for (const file of Object.keys(ZED_FILES)) {
    for (const [section, options] of Object.entries(data.files[file].sections)) for (const o of options) out.push({ ...o, file, section });
  }
  return out;
}

describe('Zed coverage', () => {
  test('the generated data file is up to date with the JSON', { skip: noJson }, () => {
    assert.equal(ZED_SOURCE_SHA256, sha256(raw), 'regenerate: node out/server/src/core/catalog/generate/generateZed.js');
    assert.deepEqual(ZED_OPTIONS, readZedFacts(raw));
    assert.ok(renderGenerated(raw, 'neutron-zed-options.json').includes(ZED_SOURCE_SHA256));
  });

  test('reads all three files, oslo.log included', () => {
    const count = (file: keyof typeof ZED_FILES) => ZED_OPTIONS.filter((f) => f.file === file).length;
    assert.equal(count('ml2_conf.ini'), 51);
    assert.equal(count('openvswitch_agent.ini'), 81);
    assert.equal(count('l3_agent.ini'), 76);
    assert.ok(ZED_OPTIONS.some((f) => f.file === 'l3_agent.ini' && f.namespace === 'oslo.log' && f.dest === 'log_config_append'));
  });

  test('merging facts and specs raised no problem', () => {
    assert.deepEqual(catalogProblems(), []);
  });

  test('every Zed option is catalogued with the same type, default, choices and bounds', () => {
    let checked = 0;
    for (const o of zedOptions()) {
      const kind = ZED_FILES[o.file as keyof typeof ZED_FILES];
      const section = o.section;
      const dest = String(o.name).replace(/-/g, '_');
      const where = `${o.file} [${section}] ${dest}`;
      const found = lookup(kind, section, dest, 'zed');
      assert.ok(found, `${where} missing`);
      assert.equal(found.via, 'name', `${where} found only through an alias`);
      assert.equal(found.borrowedFrom, undefined);
      const e = found.entry;
      assert.equal(e.kind, kind, where);
      assert.equal(e.section, normaliseSection(section), where);
      assert.equal(e.osloType, o.type, `${where}: type`);
      assert.deepEqual(e.default, o.default, `${where}: default`);
      assert.deepEqual(e.choices, o.choices, `${where}: choices`);
      assert.equal(e.min, o.min, `${where}: min`);
      assert.equal(e.max, o.max, `${where}: max`);
      assert.equal(e.secret, o.secret === true, `${where}: secret`);
      assert.equal(e.multi, false, `${where}: multi`);
      for (const d of o.deprecated_names ?? []) {
        const n = `${normaliseSection(d.group)}/${d.name}`;
        assert.ok(e.deprecatedNames.some((x) => `${x.section}/${x.name}` === n), `${where}: deprecated name ${n}`);
      }
      assert.equal(statusOf(e, 'zed').state, o.deprecated_for_removal ? 'deprecated' : 'current', `${where}: status in Zed`);
      assert.ok(e.doc.summary.length > 10, `${where}: explanation`);
      // The value type is of oslo.config's type (sharper types keep the same oslo type).
      assert.equal(e.type.oslo, o.type, `${where}: value type ${e.type.id}`);
      checked++;
    }
    assert.equal(checked, 208);
  });
});
