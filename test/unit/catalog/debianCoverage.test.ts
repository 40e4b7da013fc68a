import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { AGENT_OPTION_FACTS } from '../../../server/src/core/catalog/data/agents.generated';
import { DEBIAN_OPTIONS, DEBIAN_SOURCE_SHA256 } from '../../../server/src/core/catalog/data/debian.generated';
import { debianJsonPath, readDebianFacts, renderDebianGenerated, sha256 } from '../../../server/src/core/catalog/generate/generateZed';
import { DEBIAN_FILES, DEBIAN_SECTIONS, type DebianFile } from '../../../server/src/core/catalog/generate/zedFacts';
import { lookup, normaliseSection, statusOf } from '../../../server/src/core/catalog/index';

/**
 * The catalogue matches our own oslo-config-generator run on Debian 12
 * (python3-neutron 2:21.0.0, Zed) exactly for linuxbridge_agent.ini,
 * sriov_agent.ini, dhcp_agent.ini and neutron.conf: every option of the
 * groups the catalogue takes, with the same type, default, choices and
 * bounds; and the history scan agrees with Zed's sample.
 */
const raw = readFileSync(debianJsonPath(), 'utf8');

interface RawOption {
  name: string;
  type: string;
  default: unknown;
  namespace: string;
  choices?: unknown[];
  min?: number;
  max?: number;
  secret?: boolean;
  deprecated_names?: { group: string; name: string }[];
  deprecated_for_removal?: boolean;
}

const data = JSON.parse(raw) as { _about: string; files: Record<string, { namespaces: string[]; sections: Record<string, RawOption[]> }> };

function taken(): { file: DebianFile; section: string; o: RawOption }[] {
  const out: { file: DebianFile; section: string; o: RawOption }[] = [];
  for (const file of Object.keys(DEBIAN_FILES) as DebianFile[]) {
    const keep = DEBIAN_SECTIONS[file];
    for (const [section, options] of Object.entries(data.files[file].sections)) {
      if (keep && !keep.includes(section)) continue;
      for (const o of options) out.push({ file, section, o });
    }
  }
  return out;
}

describe('Debian (Zed) coverage of the Linux bridge, SR-IOV and DHCP agents and neutron.conf', () => {
  test('the JSON says where it comes from, with the namespaces of each sample', () => {
    assert.match(data._about, /Neutron 21\.0\.0 as Debian packages it \(python3-neutron 2:21\.0\.0-7\+deb12u1\)/);
    assert.deepEqual(data.files['dhcp_agent.ini'].namespaces, ['neutron.az.agent', 'neutron.base.agent', 'neutron.dhcp.agent', 'oslo.log']);
    assert.deepEqual(data.files['linuxbridge_agent.ini'].namespaces, ['neutron.ml2.linuxbridge.agent', 'oslo.log']);
    assert.deepEqual(data.files['sriov_agent.ini'].namespaces, ['neutron.ml2.sriov.agent', 'oslo.log']);
    assert.equal(data.files['neutron.conf'].namespaces.length, 24);
  });

  test('the generated data file is up to date with the JSON', () => {
    assert.equal(DEBIAN_SOURCE_SHA256, sha256(raw), 'regenerate: node out/server/src/core/catalog/generate/generateZed.js');
    assert.deepEqual(DEBIAN_OPTIONS, readDebianFacts(raw));
    assert.ok(renderDebianGenerated(raw).includes(DEBIAN_SOURCE_SHA256));
  });

  test('reads all four files, oslo.log included', () => {
    const count = (file: DebianFile) => DEBIAN_OPTIONS.filter((f) => f.file === file).length;
    assert.equal(count('linuxbridge_agent.ini'), 56);
    assert.equal(count('sriov_agent.ini'), 38);
    assert.equal(count('dhcp_agent.ini'), 61);
    // neutron.conf: [DEFAULT] of every namespace (119), [agent] (12), [quotas] (10), [experimental] (1).
    assert.equal(count('neutron.conf'), 142);
  });

  test('every option is catalogued with the same type, default, choices and bounds', () => {
    let checked = 0;
    for (const { file, section, o } of taken()) {
      const kind = DEBIAN_FILES[file];
      const dest = String(o.name).replace(/-/g, '_');
      const where = `${file} [${section}] ${dest}`;
      const found = lookup(kind, section, dest, 'zed');
      assert.ok(found, `${where} missing`);
      assert.equal(found.via, 'name', `${where} found only through an alias`);
      assert.equal(found.borrowedFrom, undefined, `${where} borrowed`);
      const e = found.entry;
      assert.equal(e.kind, kind, where);
      assert.equal(e.section, normaliseSection(section), where);
      assert.equal(e.osloType, o.type, `${where}: type`);
      assert.deepEqual(e.default, o.default, `${where}: default`);
      assert.deepEqual(e.choices, o.choices, `${where}: choices`);
      assert.equal(e.min, o.min, `${where}: min`);
      assert.equal(e.max, o.max, `${where}: max`);
      assert.equal(e.secret, o.secret === true, `${where}: secret`);
      for (const d of o.deprecated_names ?? []) {
        const n = `${normaliseSection(d.group)}/${d.name}`;
        assert.ok(e.deprecatedNames.some((x) => `${x.section}/${x.name}` === n), `${where}: deprecated name ${n}`);
      }
      assert.equal(statusOf(e, 'zed').state, o.deprecated_for_removal ? 'deprecated' : 'current', `${where}: status in Zed`);
      assert.ok(e.doc.summary.length > 10, `${where}: explanation`);
      assert.equal(e.type.oslo, o.type, `${where}: value type ${e.type.id}`);
      checked++;
    }
    assert.equal(checked, 297);
  });

  test("the history scan lists exactly Zed's Neutron options of each file", () => {
    for (const file of Object.keys(DEBIAN_FILES) as DebianFile[]) {
      const kind = DEBIAN_FILES[file];
      const zed = new Set(
        taken()
          .filter((t) => t.file === file && t.o.namespace.startsWith('neutron'))
          .map((t) => `${normaliseSection(t.section)}/${t.o.name.replace(/-/g, '_')}`),
      );
      const scanned = new Set(
        AGENT_OPTION_FACTS.filter((f) => f.kind === kind)
          .filter((f) => ['current', 'deprecated'].includes(lookup(kind, f.section, f.name, 'zed')?.status.state ?? ''))
          .map((f) => `${normaliseSection(f.section)}/${f.name}`),
      );
      assert.deepEqual([...scanned].sort(), [...zed].sort(), file);
    }
  });

  test('the Linux bridge agent is gone from 2025.1, with every option of its file', () => {
    for (const f of DEBIAN_OPTIONS.filter((o) => o.file === 'linuxbridge_agent.ini')) {
      const hit = lookup('linuxbridge-agent', f.section, f.dest, '2025.1');
      assert.equal(hit?.status.state, 'removed', `${f.section}/${f.dest}`);
      assert.equal(hit?.status.state === 'removed' && hit.status.since, '2025.1', `${f.section}/${f.dest}`);
      assert.ok(['current', 'deprecated'].includes(lookup('linuxbridge-agent', f.section, f.dest, '2024.2')?.status.state ?? ''), `${f.section}/${f.dest} in 2024.2`);
    }
    const mappings = lookup('linuxbridge-agent', 'linux_bridge', 'physical_interface_mappings', '2025.1')!;
    assert.match(mappings.status.state === 'removed' ? (mappings.status.replacement?.note ?? '') : '', /removed in 2025\.1/);
  });
});
