/**
 * kolla-ansible's globals.yml as a source of physnets and bridges (issue #15):
 * the variables read with ranges, the mapping kolla derives, the bridge and
 * interface count its precheck asserts, hover, and what is not judged.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { applyWorkspaceEdit, cursor, rangeOf, uriOf, workspaceOf } from '../helpers';
import { parseKollaGlobals } from '../../../server/src/core/syntax/yamlParser';
import { kollaBridges, kollaGlobalsFacts, kollaPluginAgent } from '../../../server/src/core/kolla/globalsFacts';

const GLOBALS = 'etc/kolla/globals.yml';
const TEXT = '---\n#neutron_plugin_agent: "openvswitch"\nneutron_external_interface: "eth1,eth2"\nneutron_bridge_name: br-ex,br-vlan # two uplinks\n';

function codes(files: Record<string, string>): string[] {
  const service = workspaceOf(files);
  return service.files().flatMap((uri) => service.getDiagnostics(uri).map((d) => String(d.code)));
}

describe('kolla globals.yml facts', () => {
  it('reads each element where it stands, inside quotes and before a comment', () => {
    const facts = kollaGlobalsFacts(parseKollaGlobals(TEXT));
    assert.deepEqual(
      facts.variables.map((v) => [v.name, v.unknown, v.items.map((t) => t.text)]),
      [
        ['neutron_external_interface', false, ['eth1', 'eth2']],
        ['neutron_bridge_name', false, ['br-ex', 'br-vlan']],
      ],
    );
    const [interfaces, bridges] = facts.variables;
    assert.deepEqual(interfaces.items.map((t) => t.range), [rangeOf(TEXT, 'eth1'), rangeOf(TEXT, 'eth2')]);
    assert.deepEqual(bridges.value?.range, rangeOf(TEXT, 'br-ex,br-vlan'));
    assert.deepEqual(bridges.key.range, rangeOf(TEXT, 'neutron_bridge_name'));
  });

  it('derives physnet1..N for the bridges in order, with the Nth interface; unset variables take the defaults', () => {
    const derived = kollaBridges(kollaGlobalsFacts(parseKollaGlobals(TEXT)));
    assert.deepEqual(derived?.map((b) => [b.physnet, b.bridgeName, b.interfaceName]), [
      ['physnet1', 'br-ex', 'eth1'],
      ['physnet2', 'br-vlan', 'eth2'],
    ]);
    const defaults = kollaGlobalsFacts(parseKollaGlobals('neutron_plugin_agent: ovn\n'));
    assert.deepEqual(kollaBridges(defaults)?.map((b) => [b.physnet, b.bridgeName, b.interfaceName]), [['physnet1', 'br-ex', 'eth1']]);
    assert.equal(kollaPluginAgent(defaults), 'ovn');
    const named = kollaGlobalsFacts(parseKollaGlobals('neutron_bridge_name: br-ex,br-vlan\nneutron_physical_networks: provider,vlans\n'));
    assert.deepEqual(kollaBridges(named)?.map((b) => `${b.physnet}:${b.bridgeName}`), ['provider:br-ex', 'vlans:br-vlan']);
  });

  it('a Jinja value is not judged', () => {
    const facts = kollaGlobalsFacts(parseKollaGlobals('neutron_bridge_name: "{{ \'br_dpdk\' if enable_ovs_dpdk | bool else \'br-ex\' }}"\nneutron_external_interface: eth1,eth2\n'));
    assert.equal(facts.variables[0].unknown, true);
    assert.equal(kollaBridges(facts), undefined);
  });
});

describe('kolla globals.yml in the workspace', () => {
  it('a globals.yml without the networking variables is not indexed; a consistent one is silent', () => {
    const service = workspaceOf({ [GLOBALS]: 'kolla_base_distro: "rocky"\n#neutron_bridge_name: "br-ex"\n' });
    assert.deepEqual(service.files(), []);
    assert.deepEqual(codes({ [GLOBALS]: TEXT }), []);
  });

  it('more interfaces than bridges is kolla-bridge-interface-count at neutron_external_interface', () => {
    const text = TEXT.replace('eth1,eth2', 'eth1,eth2,eth3');
    const [d, ...rest] = workspaceOf({ [GLOBALS]: text }).getDiagnostics(uriOf(GLOBALS));
    assert.deepEqual(rest, []);
    assert.equal(d.code, 'kolla-bridge-interface-count');
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, rangeOf(text, 'eth1,eth2,eth3'));
    assert.match(String(d.message), /^neutron_external_interface lists 3 interfaces but neutron_bridge_name lists 2 bridges: kolla-ansible wants one external interface per bridge, in the same order\. `kolla-ansible prechecks` fails on it; deploy does not run that check and pairs interfaces with bridges by position, so an interface gets no bridge\./);
    assert.deepEqual(d.relatedInformation?.map((r) => r.location.range), [rangeOf(text, 'br-ex,br-vlan')]);
  });

  it('fewer interfaces than bridges too, counting empty entries as kolla\'s split does', () => {
    const text = 'neutron_bridge_name: "br-ex,br-vlan,"\nneutron_external_interface: eth1,eth2\n';
    const [d] = workspaceOf({ [GLOBALS]: text }).getDiagnostics(uriOf(GLOBALS));
    assert.equal(d?.code, 'kolla-bridge-interface-count');
    assert.match(String(d.message), /lists 2 interfaces but neutron_bridge_name lists 3 bridges/);
  });

  it('only one of the two set (the other may come from the inventory), or a template, is not judged', () => {
    assert.deepEqual(codes({ [GLOBALS]: 'neutron_external_interface: eth1,eth2\n' }), []);
    assert.deepEqual(codes({ [GLOBALS]: 'neutron_external_interface: eth1,eth2\nneutron_bridge_name: "{{ bridges }}"\n' }), []);
  });

  it('hover on a variable shows the derived mapping and where kolla renders it', () => {
    const { text, position } = cursor(TEXT.replace('br-ex,br-vlan', 'br-ex,br-v|lan'));
    const hover = workspaceOf({ [GLOBALS]: text }).getHover(uriOf(GLOBALS), position);
    assert.deepEqual(hover?.range, rangeOf(TEXT, 'br-ex,br-vlan'));
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /^\*\*neutron_bridge_name\*\* \(kolla-ansible\)/);
    assert.match(value, /\| `physnet1` \| `br-ex` \| `eth1` \|\n\| `physnet2` \| `br-vlan` \| `eth2` \|/);
    assert.match(value, /`bridge_mappings = physnet1:br-ex,physnet2:br-vlan` in `openvswitch_agent.ini`/);
    const ovn = 'neutron_plugin_agent: ovn\n';
    const onKey = workspaceOf({ [GLOBALS]: ovn }).getHover(uriOf(GLOBALS), { line: 0, character: 3 });
    assert.match((onKey?.contents as MarkupContent).value, /`ovn-bridge-mappings=physnet1:br-ex` in each OVN controller's OVSDB/);
  });
});

describe('physnets of a kolla globals.yml against the ML2 config kolla rendered', () => {
  const ML2 = 'etc/kolla/neutron-server/ml2_conf.ini';
  const ML2_TEXT = '[ml2]\ntype_drivers = flat,vlan,vxlan\ntenant_network_types = vxlan\nmechanism_drivers = openvswitch\n\n[ml2_type_vlan]\nnetwork_vlan_ranges =\n\n[ml2_type_flat]\nflat_networks = physnet1\n';

  it('a bridge whose derived physnet the rendered ML2 config does not declare is physnet-undeclared at the bridge, without a rename fix', () => {
    const files = { [GLOBALS]: TEXT, [ML2]: ML2_TEXT };
    const service = workspaceOf(files);
    const [d, ...rest] = service.getDiagnostics(uriOf(GLOBALS));
    assert.deepEqual(rest, []);
    assert.equal(d?.code, 'physnet-undeclared');
    assert.deepEqual(d.range, rangeOf(TEXT, 'br-vlan'));
    assert.match(String(d.message), /^Physical network "physnet2" is not declared in the ML2 config of .*: neither flat_networks nor network_vlan_ranges names it\./);
    assert.match(String(d.message), /so the physnet2:br-vlan mapping kolla-ansible derives from globals\.yml \(entry 2 of neutron_bridge_name\) can never carry a network\.$/);
    const titles = service.getCodeActions(uriOf(GLOBALS), d.range, [d]).map((a) => a.title);
    assert.ok(!titles.some((t) => t.startsWith('Change to')), titles.join(', '));
  });

  it('a named physnet of neutron_physical_networks is reported where it stands, with the declared name as the fix', () => {
    const text = TEXT + 'neutron_physical_networks: "physnet1,physnte2"\n';
    const ml2 = ML2_TEXT.replace('physnet1', 'physnet1,physnet2');
    const [d] = workspaceOf({ [GLOBALS]: text, [ML2]: ml2 }).getDiagnostics(uriOf(GLOBALS));
    assert.equal(d?.code, 'physnet-undeclared');
    assert.deepEqual(d.range, rangeOf(text, 'physnte2'));
    assert.match(String(d.message), /Did you mean "physnet2"\?$/);
  });

  it('an edit of the rendered ML2 config re-checks globals.yml', () => {
    const service = workspaceOf({ [GLOBALS]: TEXT, [ML2]: ML2_TEXT });
    assert.equal(service.getDiagnostics(uriOf(GLOBALS)).length, 1);
    const changed = service.setFile(uriOf(ML2), ML2_TEXT.replace('physnet1', 'physnet1,physnet2'));
    assert.ok(changed.includes(uriOf(GLOBALS)), changed.join(', '));
    assert.deepEqual(service.getDiagnostics(uriOf(GLOBALS)), []);
  });

  it('renaming a physnet of the rendered ML2 config renames it in neutron_physical_networks too', () => {
    const text = TEXT + 'neutron_physical_networks: "physnet1,vlans"\n';
    const ml2 = ML2_TEXT.replace('physnet1', 'physnet1,vlans');
    const at = cursor(ml2.replace('physnet1,vlans', 'physnet1,vl|ans'));
    const files = { [GLOBALS]: text, [ML2]: at.text };
    const after = applyWorkspaceEdit(files, workspaceOf(files).rename(uriOf(ML2), at.position, 'provider'));
    assert.equal(after[GLOBALS], text.replace('physnet1,vlans', 'physnet1,provider'));
    assert.equal(after[ML2], ml2.replace('physnet1,vlans', 'physnet1,provider'));
  });

  it('refuses to rename a physnet that is kolla\'s default name for a bridge: nothing in globals.yml could carry the new name', () => {
    const at = cursor(ML2_TEXT.replace('physnet1', 'phys|net1'));
    const files = { [GLOBALS]: TEXT, [ML2]: at.text };
    assert.throws(
      () => workspaceOf(files).rename(uriOf(ML2), at.position, 'provider'),
      /^RenameRefusedError: "physnet1" is the name kolla-ansible gives a bridge of neutron_bridge_name in etc\/kolla\/globals\.yml, where it is written nowhere; .* Set neutron_physical_networks there first/,
    );
  });

  it('silent when the rendered config declares them, with ironic\'s wildcard, or when the ML2 config is an override kolla merges', () => {
    assert.deepEqual(codes({ [GLOBALS]: TEXT, [ML2]: ML2_TEXT.replace('physnet1', 'physnet1,physnet2') }), []);
    assert.deepEqual(codes({ [GLOBALS]: TEXT, [ML2]: ML2_TEXT.replace('physnet1', '*') }), []);
    assert.deepEqual(codes({ [GLOBALS]: TEXT, 'etc/kolla/config/neutron/ml2_conf.ini': ML2_TEXT }), []);
  });
});
