import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseIni } from '../../../server/src/core/syntax/iniParser';
import { ZED_OPTIONS } from '../../../server/src/core/catalog/data/zed.generated';
import { ZED_FILES } from '../../../server/src/core/catalog/generate/zedFacts';
import { allEntries, lookup, sampleLine, validateOption, validateText } from '../../../server/src/core/catalog/index';

/** Uncommenting every line of Zed's sample files (`#name = default` → `name = default`) must stay silent. */
describe('uncommented sample defaults validate cleanly', () => {
  for (const [file, kind] of Object.entries(ZED_FILES)) {
    test(file, () => {
      const sections = new Map<string, string[]>();
      for (const f of ZED_OPTIONS.filter((o) => o.file === file)) {
        const lines = sections.get(f.section) ?? [];
        lines.push(`${f.dest} = ${f.sampleText}`.replace(/ = $/, ' ='));
        sections.set(f.section, lines);
      }
      const text = [...sections].map(([s, lines]) => `[${s}]\n${lines.join('\n')}\n`).join('\n');
      const doc = parseIni(text);
      assert.deepEqual(doc.problems.map((p) => p.message), []);
      let n = 0;
      for (const section of doc.sections) {
        for (const option of section.options) {
          const found = lookup(kind, section.name.text, option.name.text, 'zed');
          assert.ok(found, `${file} [${section.name.text}] ${option.name.text}`);
          for (const release of [undefined, 'zed']) {
            const problems = validateOption(found.entry, option, doc.lineIndex, release);
            assert.deepEqual(problems.map((p) => p.message), [], `${file} [${section.name.text}] ${option.name.text} = ${option.value.text}`);
          }
          n++;
        }
      }
      assert.equal(n, ZED_OPTIONS.filter((o) => o.file === file).length);
    });
  }

  test('every catalogued option\'s own sample line validates in the releases that read it', () => {
    for (const e of allEntries()) {
      const line = sampleLine(e);
      const value = line.includes(' = ') ? line.slice(line.indexOf(' = ') + 3) : '';
      assert.deepEqual(validateText(e, value).map((p) => p.message), [], `${e.kind} [${e.section}] ${line}`);
    }
  });

  test('sample placeholders are accepted, real mistakes are not', () => {
    const localIp = lookup('ovs-agent', 'ovs', 'local_ip')!.entry;
    assert.deepEqual(validateText(localIp, '<None>'), []);
    assert.equal(validateText(localIp, 'None').length, 1);
    const threads = lookup('l3-agent', 'DEFAULT', 'ha_keepalived_state_change_server_threads')!.entry;
    assert.deepEqual(validateText(threads, '(1 + <num_of_cpus>) / 2'), []);
    assert.equal(validateText(threads, '0')[0].code, 'below-minimum');
    const mtu = lookup('ml2', 'ml2', 'path_mtu')!.entry;
    assert.equal(validateText(mtu, '<None>').length, 1, 'path_mtu has a real default, so <None> is not its placeholder');
  });
});
