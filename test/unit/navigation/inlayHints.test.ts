import assert from 'node:assert/strict';
import { describe as suite, it } from 'node:test';
import type { InlayHint, Range } from 'vscode-languageserver-types';
import { rangeOf, uriOf, workspaceOf } from '../helpers';
import * as F from './fixture';

const ALL: Range = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

function hints(text: string, range = ALL): string[] {
  const service = workspaceOf({ ...F.files(), [F.ML2]: text });
  return service.getInlayHints(uriOf(F.ML2), range).map(describe);
}

function describe(h: InlayHint): string {
  return `${h.position.line}:${h.position.character} ${String(h.label)}${h.paddingLeft ? '' : ' (no padding)'}`;
}

function after(text: string, needle: string, occurrence = 0): string {
  const end = rangeOf(text, needle, occurrence).end;
  return `${end.line}:${end.character}`;
}

suite('inlay hints', () => {
  it('counts the VLAN tags of each network_vlan_ranges entry', () => {
    assert.deepEqual(hints(F.ML2_TEXT), [
      `${after(F.ML2_TEXT, 'physnet2:100:200')} 101 tags`,
      `${after(F.ML2_TEXT, 'physnet2:300:300')} 1 tag`,
      `${after(F.ML2_TEXT, 'physnet3')} 4094 tags`,
    ]);
  });

  it('skips invalid and templated ranges', () => {
    const text = '[ml2_type_flat]\nflat_networks = physnet1\n[ml2_type_vlan]\nnetwork_vlan_ranges = a:200:100,b:0:10,c:x:y,{{ d }}:1:2,e:1:4094\n';
    assert.deepEqual(hints(text), [`${after(text, 'e:1:4094')} 4094 tags`]);
  });

  it('explains `*` and an empty flat_networks', () => {
    assert.deepEqual(hints('[ml2_type_flat]\nflat_networks = *\n'), ['1:17 any physnet']);
    assert.deepEqual(hints('[ml2_type_flat]\nflat_networks =\n'), ['1:15 flat networks disabled']);
  });

  it('shows the default of a flat_networks left out: after its section, else after `flat` in type_drivers', () => {
    assert.deepEqual(hints('[ml2]\ntype_drivers = vlan,flat\n[ml2_type_flat]\n'), ['2:15 flat_networks = * (default)']);
    assert.deepEqual(hints('[ml2]\ntype_drivers = vlan,flat\n'), ['1:24 flat_networks = * (default)']);
    assert.deepEqual(hints('[ml2]\ntype_drivers = vlan\n'), []);
  });

  it('answers only within the requested range, ends included', () => {
    const line8: Range = { start: { line: 8, character: 0 }, end: { line: 8, character: 55 } };
    assert.deepEqual(hints(F.ML2_TEXT, line8), [`${after(F.ML2_TEXT, 'physnet2:100:200')} 101 tags`, `${after(F.ML2_TEXT, 'physnet2:300:300')} 1 tag`]);
  });

  it('gives nothing in agent and ifcfg files', () => {
    const service = workspaceOf(F.files());
    assert.deepEqual(service.getInlayHints(uriOf(F.agent('compute-0')), ALL), []);
    assert.deepEqual(service.getInlayHints(uriOf(F.ifcfg('compute-0', 'br-ex')), ALL), []);
  });
});
