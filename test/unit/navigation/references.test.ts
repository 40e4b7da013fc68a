import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DocumentHighlightKind } from 'vscode-languageserver-types';
import { formatRange, rangeOf, uriOf } from '../helpers';
import * as F from './fixture';

const { at, mark, where, loc } = F;
const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function referencesAt(path: string, textWithBar: string, includeDeclaration: boolean, base = F.files()): string[] {
  const { service, uri, position } = at(path, textWithBar, base);
  return service.getReferences(uri, position, includeDeclaration).map(where);
}

describe('references: physnets across the deployment', () => {
  // By path, then position.
  const physnet1 = [
    loc(F.agent('compute-0'), rangeOf(F.AGENT_0, 'physnet1')),
    loc(F.agent('compute-1'), rangeOf(F.AGENT_1, 'physnet1')),
    loc(F.ML2, rangeOf(F.ML2_TEXT, 'physnet1', 0)), // physical_network_mtus
    loc(F.ML2, rangeOf(F.ML2_TEXT, 'physnet1', 1)), // flat_networks (declaration)
    loc(F.agent('network-0'), rangeOf(F.AGENT_N, 'physnet1')),
  ];

  it('finds every mapping and declaration of physnet1 in site-a, none in site-b', () => {
    assert.deepEqual(referencesAt(F.agent('compute-1'), mark(F.AGENT_1, 'physnet1', 4), true), physnet1);
  });

  it('leaves the declarations out when asked', () => {
    const withoutDeclaration = physnet1.filter((_, i) => i !== 3);
    assert.deepEqual(referencesAt(F.ML2, mark(F.ML2_TEXT, 'physnet1', 0, 1), false), withoutDeclaration);
  });

  it('finds physnet2 from a VLAN entry: both entries, the MTU and two hosts', () => {
    assert.deepEqual(referencesAt(F.ML2, mark(F.ML2_TEXT, 'physnet2', 8, 2), true), [
      loc(F.agent('compute-0'), rangeOf(F.AGENT_0, 'physnet2')),
      loc(F.agent('compute-2'), rangeOf(F.AGENT_2, 'physnet2')),
      loc(F.ML2, rangeOf(F.ML2_TEXT, 'physnet2', 0)),
      loc(F.ML2, rangeOf(F.ML2_TEXT, 'physnet2', 1)),
      loc(F.ML2, rangeOf(F.ML2_TEXT, 'physnet2', 2)),
    ]);
  });

  it('keeps site-b to itself', () => {
    assert.deepEqual(referencesAt(F.agent('compute-0', 'site-b'), mark(F.AGENT_B, 'physnet1'), true), [
      loc(F.agent('compute-0', 'site-b'), rangeOf(F.AGENT_B, 'physnet1')),
    ]);
  });

  it('follows edits of files that are not open: ranges come from the current text', () => {
    const { service } = at(F.ML2, F.ML2_TEXT + '|');
    const shifted = '# moved down by two lines\n\n' + F.AGENT_2;
    service.setFile(uriOf(F.agent('compute-2')), shifted);
    const found = service.getReferences(uriOf(F.ML2), rangeOf(F.ML2_TEXT, 'physnet2', 1).start, false).map(where);
    assert.ok(found.includes(loc(F.agent('compute-2'), rangeOf(shifted, 'physnet2'))), found.join('\n'));
  });

  it('finds nothing on `*`, option names and blanks', () => {
    assert.deepEqual(referencesAt(F.ML2_B, mark(F.ML2_B_TEXT, '*'), true), []);
    assert.deepEqual(referencesAt(F.ML2, mark(F.ML2_TEXT, 'flat_networks'), true), []);
    assert.deepEqual(referencesAt(F.ML2, mark(F.ML2_TEXT, '\n\n', 1), true), []);
  });
});

describe('references: bridges and interfaces across the host', () => {
  const brEx = [
    loc(F.l3('compute-0'), rangeOf(F.L3_0, 'br-ex')),
    loc(F.agent('compute-0'), rangeOf(F.AGENT_0, 'br-ex', 0)),
    loc(F.agent('compute-0'), rangeOf(F.AGENT_0, 'br-ex', 1)),
    loc(F.ifcfg('compute-0', 'br-ex'), rangeOf(F.BR_EX, 'br-ex')),
    loc(F.ifcfg('compute-0', 'eth1'), rangeOf(F.ETH1, 'br-ex')),
    loc(F.ifcfg('compute-0', 'patch-a'), rangeOf(F.PATCH_A, 'br-ex')),
  ];

  it("finds br-ex on compute-0 only: mappings, bandwidths, l3, DEVICE and ports", () => {
    assert.deepEqual(referencesAt(F.ifcfg('compute-0', 'br-ex'), mark(F.BR_EX, 'br-ex', 2), true), brEx);
    assert.deepEqual(
      referencesAt(F.agent('compute-0'), mark(F.AGENT_0, 'br-ex'), false),
      brEx.filter((l) => !l.startsWith(F.ifcfg('compute-0', 'br-ex'))),
    );
  });

  it('gives the file start as the declaration of a bridge without DEVICE', () => {
    assert.deepEqual(referencesAt(F.agent('compute-2'), mark(F.AGENT_2, 'br-vlan'), true), [
      loc(F.agent('compute-2'), rangeOf(F.AGENT_2, 'br-vlan')),
    ]);
    assert.deepEqual(referencesAt(F.ifcfg('compute-0', 'bond0'), mark(F.BOND0, 'br-vlan'), true), [
      loc(F.agent('compute-0'), rangeOf(F.AGENT_0, 'br-vlan')),
      loc(F.ifcfg('compute-0', 'bond0'), rangeOf(F.BOND0, 'br-vlan')),
      loc(F.ifcfg('compute-0', 'br-vlan'), FILE_START),
      loc(F.ifcfg('compute-0', 'patch-b'), rangeOf(F.PATCH_B, 'br-vlan')),
    ]);
  });

  it('finds an interface from its DEVICE: the bond that lists it', () => {
    assert.deepEqual(referencesAt(F.ifcfg('compute-0', 'eth2'), mark(F.ETH2, 'eth2'), true), [
      loc(F.ifcfg('compute-0', 'bond0'), rangeOf(F.BOND0, 'eth2')),
      loc(F.ifcfg('compute-0', 'eth2'), rangeOf(F.ETH2, 'eth2')),
    ]);
    assert.deepEqual(referencesAt(F.ifcfg('compute-0', 'patch-b'), mark(F.PATCH_B, 'patch-a'), false), [
      loc(F.ifcfg('compute-0', 'patch-b'), rangeOf(F.PATCH_B, 'patch-a')),
    ]);
  });
});

describe('document highlights', () => {
  function highlights(path: string, textWithBar: string): string[] {
    const { service, uri, position } = at(path, textWithBar);
    return service.getDocumentHighlights(uri, position).map((h) => `${formatRange(h.range)} ${h.kind}`);
  }
  const { Write, Read, Text } = DocumentHighlightKind;

  it('marks declarations as writes and uses as reads, in this file only', () => {
    assert.deepEqual(highlights(F.ML2, mark(F.ML2_TEXT, 'physnet2', 0, 2)), [
      `${formatRange(rangeOf(F.ML2_TEXT, 'physnet2', 0))} ${Read}`,
      `${formatRange(rangeOf(F.ML2_TEXT, 'physnet2', 1))} ${Write}`,
      `${formatRange(rangeOf(F.ML2_TEXT, 'physnet2', 2))} ${Write}`,
    ]);
  });

  it('highlights both br-ex of the agent file', () => {
    assert.deepEqual(highlights(F.agent('compute-0'), mark(F.AGENT_0, 'br-ex', 0, 1)), [
      `${formatRange(rangeOf(F.AGENT_0, 'br-ex', 0))} ${Read}`,
      `${formatRange(rangeOf(F.AGENT_0, 'br-ex', 1))} ${Read}`,
    ]);
  });

  it('highlights the `*` alone, nothing on a blank', () => {
    assert.deepEqual(highlights(F.ML2_B, mark(F.ML2_B_TEXT, '*')), [`${formatRange(rangeOf(F.ML2_B_TEXT, '*'))} ${Text}`]);
    assert.deepEqual(highlights(F.ML2, mark(F.ML2_TEXT, '\n\n', 1)), []);
  });
});
