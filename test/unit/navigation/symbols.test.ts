import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';

const KIND: Record<number, string> = {
  [SymbolKind.Module]: 'Module',
  [SymbolKind.Namespace]: 'Namespace',
  [SymbolKind.Property]: 'Property',
  [SymbolKind.Interface]: 'Interface',
  [SymbolKind.Variable]: 'Variable',
  [SymbolKind.Constant]: 'Constant',
};
import { formatRange, rangeOf, uriOf, workspaceOf } from '../helpers';
import * as F from './fixture';

function outline(symbols: DocumentSymbol[], indent = ''): string[] {
  return symbols.flatMap((s) => [
    `${indent}${s.name} ${KIND[s.kind] ?? s.kind} ${formatRange(s.range)} sel ${formatRange(s.selectionRange)}${s.detail ? ` = ${s.detail}` : ''}`,
    ...outline(s.children ?? [], indent + '  '),
  ]);
}

describe('document symbols', () => {
  it('lists INI sections with their options, exact ranges', () => {
    const service = workspaceOf(F.files());
    assert.deepEqual(outline(service.getDocumentSymbols(uriOf(F.ML2))), [
      'ml2 Namespace 0:0-2:51 sel 0:1-0:4',
      '  type_drivers Property 1:0-1:30 sel 1:0-1:12 = flat,vlan,vxlan',
      '  physical_network_mtus Property 2:0-2:51 sel 2:0-2:21 = physnet1:9000,physnet2:1500',
      'ml2_type_flat Namespace 4:0-5:24 sel 4:1-4:14',
      '  flat_networks Property 5:0-5:24 sel 5:0-5:13 = physnet1',
      'ml2_type_vlan Namespace 7:0-8:64 sel 7:1-7:14',
      '  network_vlan_ranges Property 8:0-8:64 sel 8:0-8:19 = physnet2:100:200,physnet2:300:300,physnet3',
    ]);
    assert.deepEqual(rangeOf(F.ML2_TEXT, 'physical_network_mtus').start, { line: 2, character: 0 });
  });

  it('covers continuation lines and options before any section', () => {
    const text = 'orphan = 1\n[ovs]\nbridge_mappings = physnet1:br-ex,\n  physnet2:br-vlan\n';
    const service = workspaceOf({ ...F.files(), [F.agent('compute-2')]: text });
    assert.deepEqual(outline(service.getDocumentSymbols(uriOf(F.agent('compute-2')))), [
      'orphan Property 0:0-0:10 sel 0:0-0:6 = 1',
      'ovs Namespace 1:0-3:18 sel 1:1-1:4',
      '  bridge_mappings Property 2:0-3:18 sel 2:0-2:15 = physnet1:br-ex, physnet2:br-vlan',
    ]);
  });

  it('lists ifcfg variables in order, values as written', () => {
    const service = workspaceOf(F.files());
    assert.deepEqual(outline(service.getDocumentSymbols(uriOf(F.ifcfg('compute-0', 'eth1')))), [
      'DEVICE Variable 0:0-0:11 sel 0:0-0:6 = eth1',
      'TYPE Variable 1:0-1:12 sel 1:0-1:4 = OVSPort',
      'DEVICETYPE Variable 2:0-2:14 sel 2:0-2:10 = ovs',
      'OVS_BRIDGE Variable 3:0-3:18 sel 3:0-3:10 = "br-ex"',
      'ONBOOT Variable 4:0-4:10 sel 4:0-4:6 = yes',
    ]);
  });

  it('answers nothing for an unknown file', () => {
    assert.deepEqual(workspaceOf(F.files()).getDocumentSymbols('file:///elsewhere/ml2_conf.ini'), []);
  });
});

describe('workspace symbols', () => {
  const service = workspaceOf(F.files());
  const found = (query: string) =>
    service.getWorkspaceSymbols(query).map((s) => `${s.name} ${KIND[s.kind] ?? s.kind} ${s.containerName} @ ${F.where(s.location)}`);

  it('finds physnets where declared, and where only mapped', () => {
    assert.deepEqual(found('physnet'), [
      `physnet1 Constant physnet · flat_networks · controller @ ${F.loc(F.ML2, rangeOf(F.ML2_TEXT, 'physnet1', 1))}`,
      `physnet1 Constant physnet · mapped, not declared · compute-0 @ ${F.loc(F.agent('compute-0', 'site-b'), rangeOf(F.AGENT_B, 'physnet1'))}`,
      `physnet2 Constant physnet · network_vlan_ranges · controller @ ${F.loc(F.ML2, rangeOf(F.ML2_TEXT, 'physnet2', 1))}`,
      `physnet3 Constant physnet · network_vlan_ranges · controller @ ${F.loc(F.ML2, rangeOf(F.ML2_TEXT, 'physnet3'))}`,
      `physnet7 Constant physnet · mapped, not declared · compute-0 @ ${F.loc(F.agent('compute-0', 'site-b'), rangeOf(F.AGENT_B, 'physnet7'))}`,
    ]);
  });

  it('finds hosts and bridges, case-insensitively, exact matches first', () => {
    assert.deepEqual(found('Compute-1'), [`compute-1 Module host · site-a/compute-1 @ ${F.loc(F.agent('compute-1'), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } })}`]);
    assert.deepEqual(found('BR-V'), [`br-vlan Interface bridge · compute-0 @ ${F.loc(F.ifcfg('compute-0', 'br-vlan'), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } })}`]);
    assert.deepEqual(
      found('br-ex').map((s) => s.slice(s.indexOf(' @ ') + 3)),
      [
        F.loc(F.ifcfg('compute-0', 'br-ex'), rangeOf(F.BR_EX, 'br-ex')),
        F.loc(F.ifcfg('compute-1', 'br-ex') + '.j2', rangeOf(F.BR_EX_1_TEMPLATE, 'br-ex')),
        F.loc(F.ifcfg('compute-0', 'br-ex', 'site-b'), rangeOf(F.BR_EX_B, 'br-ex')),
      ],
    );
  });

  it('matches characters in order after substrings', () => {
    assert.deepEqual(found('cmp2').map((s) => s.split(' ')[0]), ['compute-2']);
    assert.deepEqual(found('net-0').map((s) => s.split(' ')[0]), ['network-0']);
    assert.deepEqual(found('zzz'), []);
  });

  it('lists everything for an empty query', () => {
    const names = service.getWorkspaceSymbols('').map((s) => s.name);
    assert.equal(names.length, 5 + 4 + 7);
    assert.ok(names.includes('controller') && names.includes('network-0') && names.includes('br-vlan'));
  });
});
