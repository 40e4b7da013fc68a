import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeLens, Location } from 'vscode-languageserver-types';
import { SHOW_REFERENCES_COMMAND } from '../../../server/src/core/features/codeLens';
import { formatRange, rangeOf, uriOf, workspaceOf } from '../helpers';
import * as F from './fixture';

const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function lenses(path: string, base = F.files(), command?: string): CodeLens[] {
  return workspaceOf(base).getCodeLenses(uriOf(path), command ? { showReferencesCommand: command } : {});
}

function titles(all: CodeLens[]): string[] {
  return all.map((l) => `${formatRange(l.range)} ${l.command?.title}`);
}

describe('code lens: physnets', () => {
  it('counts the hosts that map each bridge_mappings entry and names those that do not', () => {
    assert.deepEqual(titles(lenses(F.agent('compute-0'))), [
      `${formatRange(rangeOf(F.AGENT_0, 'physnet1:br-ex'))} physnet1: mapped on 3 of 4 hosts · missing on compute-2`,
      `${formatRange(rangeOf(F.AGENT_0, 'physnet2:br-vlan'))} physnet2: mapped on 2 of 4 hosts · missing on compute-1, network-0`,
    ]);
  });

  it('puts one lens on each physnet an ML2 config declares, listing at most three missing hosts', () => {
    assert.deepEqual(titles(lenses(F.ML2)), [
      `${formatRange(rangeOf(F.ML2_TEXT, 'physnet1', 1))} physnet1: mapped on 3 of 4 hosts · missing on compute-2`,
      `${formatRange(rangeOf(F.ML2_TEXT, 'physnet2', 1))} physnet2: mapped on 2 of 4 hosts · missing on compute-1, network-0`,
      `${formatRange(rangeOf(F.ML2_TEXT, 'physnet3'))} physnet3: mapped on 0 of 4 hosts · missing on compute-0, compute-1, compute-2 and 1 more`,
    ]);
  });

  it('shows the references of the physnet on click', () => {
    const [first] = lenses(F.agent('compute-0'));
    assert.equal(first.command?.command, SHOW_REFERENCES_COMMAND);
    assert.equal(SHOW_REFERENCES_COMMAND, 'editor.action.showReferences');
    const [uri, position, locations] = first.command?.arguments as [string, unknown, Location[]];
    assert.equal(uri, uriOf(F.agent('compute-0')));
    assert.deepEqual(position, rangeOf(F.AGENT_0, 'physnet1').start);
    assert.deepEqual(locations.map(F.where), [
      F.loc(F.agent('compute-0'), rangeOf(F.AGENT_0, 'physnet1')),
      F.loc(F.agent('compute-1'), rangeOf(F.AGENT_1, 'physnet1')),
      F.loc(F.ML2, rangeOf(F.ML2_TEXT, 'physnet1', 0)),
      F.loc(F.ML2, rangeOf(F.ML2_TEXT, 'physnet1', 1)),
      F.loc(F.agent('network-0'), rangeOf(F.AGENT_N, 'physnet1')),
    ]);
  });

  it('opens the topology picture on the host from the bridge_mappings key, only for a client that has the command', () => {
    const all = workspaceOf(F.files()).getCodeLenses(uriOf(F.agent('compute-0')), { topologyCommand: 'neutronConfig.showTopology' });
    assert.deepEqual(titles(all), [
      `${formatRange(rangeOf(F.AGENT_0, 'bridge_mappings'))} Show the wiring of compute-0`,
      `${formatRange(rangeOf(F.AGENT_0, 'physnet1:br-ex'))} physnet1: mapped on 3 of 4 hosts · missing on compute-2`,
      `${formatRange(rangeOf(F.AGENT_0, 'physnet2:br-vlan'))} physnet2: mapped on 2 of 4 hosts · missing on compute-1, network-0`,
    ]);
    assert.deepEqual(all[0].command, { title: 'Show the wiring of compute-0', command: 'neutronConfig.showTopology', arguments: [{ host: 'compute-0' }] });
    assert.equal(titles(lenses(F.ML2)).filter((t) => t.includes('wiring')).length, 0, 'no such lens in the ML2 config');
  });

  it('takes another command name when asked', () => {
    assert.equal(lenses(F.agent('compute-0'), F.files(), 'neutronConfig.showReferences')[0].command?.command, 'neutronConfig.showReferences');
  });

  it('counts the hosts of its own deployment and still shows the declaration', () => {
    const ml2 = '[ml2_type_flat]\nflat_networks = lonely\n';
    const physnet = lenses(F.ML2_B, { ...F.files(), [F.ML2_B]: ml2 }).find((l) => l.command?.title.startsWith('lonely'));
    assert.equal(physnet?.command?.title, 'lonely: mapped on 0 of 1 host · missing on compute-0');
    assert.deepEqual((physnet?.command?.arguments?.[2] as Location[]).map(F.where), [F.loc(F.ML2_B, rangeOf(ml2, 'lonely'))]);
  });

  it('says so when the deployment has no agent config', () => {
    const base = { [F.ML2]: F.ML2_TEXT };
    assert.equal(lenses(F.ML2, base)[0].command?.title, 'physnet1: no Open vSwitch agent config in this deployment');
  });
});

describe('code lens: bridge files', () => {
  it('names the physnets mapped to the bridge and its ports, on the DEVICE line', () => {
    const [lens] = lenses(F.ifcfg('compute-0', 'br-ex'));
    assert.equal(formatRange(lens.range), '0:0-0:12');
    assert.equal(lens.command?.title, 'used by physnet1 in bridge_mappings · ports: eth1, patch-a');
    const [, position, locations] = lens.command?.arguments as [string, unknown, Location[]];
    assert.deepEqual(position, rangeOf(F.BR_EX, 'br-ex').start);
    assert.deepEqual(locations.map(F.where), [
      F.loc(F.l3('compute-0'), rangeOf(F.L3_0, 'br-ex')),
      F.loc(F.agent('compute-0'), rangeOf(F.AGENT_0, 'br-ex', 0)),
      F.loc(F.agent('compute-0'), rangeOf(F.AGENT_0, 'br-ex', 1)),
      F.loc(F.ifcfg('compute-0', 'eth1'), rangeOf(F.ETH1, 'br-ex')),
      F.loc(F.ifcfg('compute-0', 'patch-a'), rangeOf(F.PATCH_A, 'br-ex')),
    ]);
  });

  it('sits at the file start when DEVICE is absent', () => {
    assert.deepEqual(titles(lenses(F.ifcfg('compute-0', 'br-vlan'))), [`${formatRange(FILE_START)} used by physnet2 in bridge_mappings · ports: bond0, patch-b`]);
  });

  it('says when nothing uses the bridge', () => {
    const base = { ...F.files(), [F.ifcfg('compute-0', 'br-spare')]: 'DEVICE=br-spare\nTYPE=OVSBridge\n' };
    const [lens] = lenses(F.ifcfg('compute-0', 'br-spare'), base);
    assert.deepEqual(lens.command, { title: 'not used in bridge_mappings · no port', command: '' });
  });

  it('puts no lens on ports or l3 configs', () => {
    assert.deepEqual(lenses(F.ifcfg('compute-0', 'eth1')), []);
    assert.deepEqual(lenses(F.l3('compute-0')), []);
  });
});
