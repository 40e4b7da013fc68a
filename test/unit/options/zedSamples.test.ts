import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOG_KINDS, type CatalogKind, allEntries, sampleLine } from '../../../server/src/core/catalog/index';
import { ZED_OPTIONS } from '../../../server/src/core/catalog/data/zed.generated';
import { DEBIAN_OPTIONS } from '../../../server/src/core/catalog/data/debian.generated';
import { allFindings, workspaceOf } from '../helpers';

/**
 * Everything a user legitimately writes stays silent: Zed's seven sample
 * files with every option uncommented (`#name = default` → `name = default`,
 * as catalog sampleLine writes it), side by side on one host of a
 * deployment, produce no diagnostic from the whole service — every rule, not
 * only the value checker — with no release set and with Zed set.
 */

const PATHS: Record<CatalogKind, string> = {
  ml2: 'controller/etc/neutron/plugins/ml2/ml2_conf.ini',
  'ovs-agent': 'controller/etc/neutron/plugins/ml2/openvswitch_agent.ini',
  'l3-agent': 'controller/etc/neutron/l3_agent.ini',
  'linuxbridge-agent': 'controller/etc/neutron/plugins/ml2/linuxbridge_agent.ini',
  'sriov-agent': 'controller/etc/neutron/plugins/ml2/sriov_agent.ini',
  'dhcp-agent': 'controller/etc/neutron/dhcp_agent.ini',
  'neutron-conf': 'controller/etc/neutron/neutron.conf',
};

/** The sample file of a kind, uncommented: each section of Zed's sample with its options' default lines. */
function uncommentedSample(kind: CatalogKind): { text: string; lines: number } {
  const sections = new Map<string, string[]>();
  for (const entry of allEntries()) {
    if (entry.kind !== kind || !entry.zed) continue;
    const lines = sections.get(entry.section) ?? [];
    lines.push(sampleLine(entry, 'zed'));
    sections.set(entry.section, lines);
  }
  const text = [...sections].map(([section, lines]) => `[${section}]\n${lines.join('\n')}\n`).join('\n');
  return { text, lines: [...sections.values()].reduce((n, l) => n + l.length, 0) };
}


describe("Zed's sample files, uncommented, through the whole service", () => {
  const files: Record<string, string> = {};
  let total = 0;
  for (const kind of CATALOG_KINDS) {
    const sample = uncommentedSample(kind);
    files[PATHS[kind]] = sample.text;
    total += sample.lines;
  }

  it('covers every option of the seven Zed samples (neutron.conf: the groups the catalogue takes)', () => {
    assert.equal(total, ZED_OPTIONS.length + DEBIAN_OPTIONS.length);
  });

  for (const release of ['', 'zed']) {
    it(`produce no diagnostic ${release ? `with release ${release}` : 'with no release set'}`, () => {
      const findings = allFindings(workspaceOf(files, { release }));
      // With no release, only vlan_transparent = false speaks: 2025.2 deprecated it and made its default unset.
      const conf = files[PATHS['neutron-conf']].split('\n');
      const line = conf.indexOf('vlan_transparent = false');
      const expected = release ? [] : [`${PATHS['neutron-conf']} deprecated-option@${line}:0-${line}:16`];
      assert.deepEqual(findings, expected);
    });
  }

  it('would report the same lines once a release drops them', () => {
    // The guard above is not vacuous: in 2026.1, options Zed read but later releases dropped are errors.
    const findings = allFindings(workspaceOf(files, { release: '2026.1' })).filter((f) => f.includes(' removed-option@'));
    assert.ok(findings.some((f) => f.startsWith(`${PATHS['ovs-agent']} removed-option@`)), findings.join('\n'));
    // Every line of linuxbridge_agent.ini: the agent itself is gone from 2025.1.
    const lb = findings.filter((f) => f.startsWith(`${PATHS['linuxbridge-agent']} removed-option@`));
    assert.equal(lb.length, DEBIAN_OPTIONS.filter((o) => o.file === 'linuxbridge_agent.ini').length);
  });
});
