import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { ZED_OPTIONS, ZED_SOURCE_SHA256 } from '../../../server/src/core/catalog/data/zed.generated';
import { defaultZedJsonPath, renderGenerated, sha256 } from '../../../server/src/core/catalog/generate/generateZed';
import { ZED_FILES, type ZedFile, readZedFacts } from '../../../server/src/core/catalog/generate/zedFacts';
import { catalogProblems, lookup, normaliseSection, statusOf } from '../../../server/src/core/catalog/index';

/**
 * The catalogue matches Zed exactly: every option of ml2_conf.ini,
 * openvswitch_agent.ini and l3_agent.ini in neutron-zed-options.json is
 * present with the same type, default, choices and bounds.
 */
const jsonPath = defaultZedJsonPath();

describe('Zed coverage', () => {
  test('the Zed JSON is where the project keeps it', () => {
    assert.ok(existsSync(jsonPath), `neutron-zed-options.json not found at ${jsonPath}; set NEUTRON_ZED_OPTIONS to its path`);
  });

  const raw = existsSync(jsonPath) ? readFileSync(jsonPath, 'utf8') : '';
  const facts = raw ? readZedFacts(raw) : [];

  test('the generated data file is up to date with the JSON', () => {
    assert.equal(ZED_SOURCE_SHA256, sha256(raw), 'regenerate: node out/server/src/core/catalog/generate/generateZed.js');
    assert.deepEqual(ZED_OPTIONS, facts);
    assert.ok(renderGenerated(raw, 'neutron-zed-options.json').includes(ZED_SOURCE_SHA256));
  });

  test('reads all three files, oslo.log included', () => {
    const count = (file: ZedFile) => facts.filter((f) => f.file === file).length;
    assert.equal(count('ml2_conf.ini'), 51);
    assert.equal(count('openvswitch_agent.ini'), 81);
    assert.equal(count('l3_agent.ini'), 76);
    assert.ok(facts.some((f) => f.file === 'l3_agent.ini' && f.namespace === 'oslo.log' && f.dest === 'log_config_append'));
  });

  test('merging facts and specs raised no problem', () => {
    assert.deepEqual(catalogProblems(), []);
  });

  test('every Zed option is catalogued with the same facts', () => {
    const data = JSON.parse(raw) as { files: Record<string, { sections: Record<string, Record<string, unknown>[]> }> };
    let checked = 0;
    for (const [file, kind] of Object.entries(ZED_FILES)) {
      for (const [section, options] of Object.entries(data.files[file].sections)) {
        for (const o of options) {
          const dest = String(o.name).replace(/-/g, '_');
          const found = lookup(kind, section, dest, 'zed');
          assert.ok(found, `${file} [${section}] ${dest} missing`);
          assert.equal(found.via, 'name', `${file} [${section}] ${dest} found only through an alias`);
          assert.equal(found.borrowedFrom, undefined);
          const e = found.entry;
          const where = `${file} [${section}] ${dest}`;
          assert.equal(e.kind, kind, where);
          assert.equal(e.section, normaliseSection(section), where);
          assert.equal(e.osloType, o.type, `${where}: type`);
          assert.deepEqual(e.default, o.default, `${where}: default`);
          assert.deepEqual(e.choices, o.choices, `${where}: choices`);
          assert.equal(e.min, o.min, `${where}: min`);
          assert.equal(e.max, o.max, `${where}: max`);
          assert.equal(e.secret, o.secret === true, `${where}: secret`);
          assert.equal(e.multi, false, `${where}: multi`);
          const names = ((o.deprecated_names as { group: string; name: string }[] | undefined) ?? []).map((d) => `${normaliseSection(d.group)}/${d.name}`);
          for (const n of names) assert.ok(e.deprecatedNames.some((d) => `${d.section}/${d.name}` === n), `${where}: deprecated name ${n}`);
          if (o.deprecated_for_removal) assert.equal(statusOf(e, 'zed').state, 'deprecated', `${where}: deprecated in Zed`);
          else assert.equal(statusOf(e, 'zed').state, 'current', `${where}: current in Zed`);
          assert.ok(e.doc.summary.length > 10, `${where}: explanation`);
          // The value type agrees with oslo.config's type name.
          const expectedOslo = o.type === 'list value' && e.type.oslo === 'list value' ? 'list value' : o.type;
          assert.equal(e.type.oslo, expectedOslo, `${where}: value type ${e.type.id}`);
          checked++;
        }
      }
    }
    assert.equal(checked, 208);
  });
});
