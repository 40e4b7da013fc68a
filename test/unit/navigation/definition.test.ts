import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rangeOf } from '../helpers';
import * as F from './fixture';

const { at, mark, where, loc } = F;
const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function definitionAt(path: string, textWithBar: string, base = F.files()): string[] | null {
  const { service, uri, position } = at(path, textWithBar, base);
  const found = service.getDefinition(uri, position);
  return found && found.map(where);
}

describe('definition: physnets', () => {
  it('goes from a bridge_mappings physnet to its flat_networks item', () => {
    assert.deepEqual(definitionAt(F.agent('compute-0'), mark(F.AGENT_0, 'physnet1', 3)), [loc(F.ML2, rangeOf(F.ML2_TEXT, 'physnet1', 1))]);
  });

  it('goes from a mapping on another host to every network_vlan_ranges entry of the physnet', () => {
    assert.deepEqual(definitionAt(F.agent('compute-2'), mark(F.AGENT_2, 'physnet2')), [
      loc(F.ML2, rangeOf(F.ML2_TEXT, 'physnet2', 1)),
      loc(F.ML2, rangeOf(F.ML2_TEXT, 'physnet2', 2)),
    ]);
  });

  it('goes from physical_network_mtus and from a VLAN entry to the declarations', () => {
    assert.deepEqual(definitionAt(F.ML2, mark(F.ML2_TEXT, 'physnet1', 8)), [loc(F.ML2, rangeOf(F.ML2_TEXT, 'physnet1', 1))]);
    assert.deepEqual(definitionAt(F.ML2, mark(F.ML2_TEXT, 'physnet3', 2)), [loc(F.ML2, rangeOf(F.ML2_TEXT, 'physnet3'))]);
  });

  it('goes to the `*` of flat_networks when no file names the physnet', () => {
    assert.deepEqual(definitionAt(F.agent('compute-0', 'site-b'), mark(F.AGENT_B, 'physnet7')), [loc(F.ML2_B, rangeOf(F.ML2_B_TEXT, '*'))]);
  });

  it('goes to [ml2_type_flat] when flat_networks is left at its default', () => {
    const ml2 = '[ml2]\ntype_drivers = flat\n\n[ml2_type_flat]\n# flat_networks not set\n';
    const base = { ...F.files(), [F.ML2_B]: ml2 };
    assert.deepEqual(definitionAt(F.agent('compute-0', 'site-b'), mark(F.AGENT_B, 'physnet7'), base), [loc(F.ML2_B, rangeOf(ml2, 'ml2_type_flat'))]);
  });

  it('stays within the deployment: site-b physnet1 has no declaration, only the `*`', () => {
    assert.deepEqual(definitionAt(F.agent('compute-0', 'site-b'), mark(F.AGENT_B, 'physnet1')), [loc(F.ML2_B, rangeOf(F.ML2_B_TEXT, '*'))]);
  });

  it('answers nothing on `*`, option names, tags and blanks', () => {
    assert.equal(definitionAt(F.ML2_B, mark(F.ML2_B_TEXT, '*')), null);
    assert.equal(definitionAt(F.agent('compute-0'), mark(F.AGENT_0, 'bridge_mappings', 2)), null);
    assert.equal(definitionAt(F.ML2, mark(F.ML2_TEXT, '100')), null);
    assert.equal(definitionAt(F.ML2, mark(F.ML2_TEXT, '\n\n[ml2_type_flat]', 1)), null);
  });
});

describe('definition: bridges and interfaces', () => {
  const brEx = loc(F.ifcfg('compute-0', 'br-ex'), rangeOf(F.BR_EX, 'br-ex'));

  it('goes from bridge_mappings to the DEVICE value of the bridge file', () => {
    assert.deepEqual(definitionAt(F.agent('compute-0'), mark(F.AGENT_0, 'br-ex', 1)), [brEx]);
  });

  it('goes from resource_provider_bandwidths, external_network_bridge and a quoted OVS_BRIDGE', () => {
    assert.deepEqual(definitionAt(F.agent('compute-0'), mark(F.AGENT_0, 'br-ex', 2, 1)), [brEx]);
    assert.deepEqual(definitionAt(F.l3('compute-0'), mark(F.L3_0, 'br-ex')), [brEx]);
    assert.deepEqual(definitionAt(F.ifcfg('compute-0', 'eth1'), mark(F.ETH1, 'br-ex', 5)), [brEx]);
  });

  it('goes to the start of a bridge file without DEVICE', () => {
    assert.deepEqual(definitionAt(F.ifcfg('compute-0', 'bond0'), mark(F.BOND0, 'br-vlan')), [loc(F.ifcfg('compute-0', 'br-vlan'), FILE_START)]);
    assert.deepEqual(definitionAt(F.agent('compute-0'), mark(F.AGENT_0, 'br-vlan')), [loc(F.ifcfg('compute-0', 'br-vlan'), FILE_START)]);
  });

  it("uses the cursor's host: compute-1's br-ex is its templated file", () => {
    assert.deepEqual(definitionAt(F.agent('compute-1'), mark(F.AGENT_1, 'br-ex')), [loc(F.ifcfg('compute-1', 'br-ex') + '.j2', rangeOf(F.BR_EX_1_TEMPLATE, 'br-ex'))]);
  });

  it('goes from BOND_IFACES members and OVS_PATCH_PEER to their files', () => {
    assert.deepEqual(definitionAt(F.ifcfg('compute-0', 'bond0'), mark(F.BOND0, 'eth3', 2)), [loc(F.ifcfg('compute-0', 'eth3'), rangeOf(F.ETH3, 'eth3'))]);
    assert.deepEqual(definitionAt(F.ifcfg('compute-0', 'bond0'), mark(F.BOND0, 'eth2')), [loc(F.ifcfg('compute-0', 'eth2'), rangeOf(F.ETH2, 'eth2'))]);
    assert.deepEqual(definitionAt(F.ifcfg('compute-0', 'patch-a'), mark(F.PATCH_A, 'patch-b')), [loc(F.ifcfg('compute-0', 'patch-b'), rangeOf(F.PATCH_B, 'patch-b'))]);
  });

  it('has no target for a bridge no ifcfg file creates', () => {
    assert.equal(definitionAt(F.agent('compute-0', 'site-b'), mark(F.AGENT_B, 'br-seven')), null);
  });
});
