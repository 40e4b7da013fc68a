import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { cursor, rangeOf, uriOf, workspaceOf } from '../helpers';

const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const L3 = 'controller/etc/neutron/l3_agent.ini';
const agent = (host: string) => `${host}/etc/neutron/plugins/ml2/openvswitch_agent.ini`;
const ifcfg = (host: string, device: string) => `${host}/etc/sysconfig/network-scripts/ifcfg-${device}`;

const ML2_TEXT = [
  '[ml2]',
  'type_drivers = vxlan,flat,vlan',
  'tenant_network_types = vxlan',
  '',
  '[ml2_type_flat]',
  'flat_networks = physnet1',
  '',
  '[ml2_type_vlan]',
  'network_vlan_ranges = physnet2:100:199,physnet4:200:100',
  '',
].join('\n');

const bridge = (name: string) => `DEVICE=${name}\nTYPE=OVSBridge\nDEVICETYPE=ovs\nONBOOT=yes\nNM_CONTROLLED=no\n`;
const port = (name: string, br: string) => `DEVICE=${name}\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=${br}\nONBOOT=yes\n`;

/** controller (ML2); compute-0 with ifcfg files; compute-1 and network-0 with agent files only. */
function deployment(): Record<string, string> {
  return {
    [ML2]: ML2_TEXT,
    [agent('compute-0')]: '[ovs]\nbridge_mappings = physnet1:br-ex,physnet2:br-vlan,physnet3:br-missing\n',
    [ifcfg('compute-0', 'br-ex')]: bridge('br-ex'),
    [ifcfg('compute-0', 'eth1')]: port('eth1', 'br-ex'),
    [ifcfg('compute-0', 'br-vlan')]: bridge('br-vlan'),
    [agent('compute-1')]: '[ovs]\nbridge_mappings = physnet1:br-ex\n',
    [agent('network-0')]: '[ovs]\nbridge_mappings = physnet1:br-ex\n',
  };
}

/** Hovers at the `|` in the file at `path` (the marker's text replaces that file). */
function hoverAt(path: string, textWithBar: string, files = deployment()): { text: string; hover: Hover | null } {
  const { text, position } = cursor(textWithBar);
  const service = workspaceOf({ ...files, [path]: text });
  return { text, hover: service.getHover(uriOf(path), position) };
}

function lines(hover: Hover | null): string[] {
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value.split('\n');
}

function includesLine(hover: Hover | null, line: string): void {
  const all = lines(hover);
  assert.ok(all.includes(line), `missing line:\n${line}\nin:\n${all.join('\n')}`);
}

describe('hover: bridge_mappings option', () => {
  const text = '[ovs]\nbridge_|mappings = physnet1:br-ex,physnet2:br-vlan,physnet3:br-missing\n';

  it('covers the option name', () => {
    const { text: plain, hover } = hoverAt(agent('compute-0'), text);
    assert.deepEqual(hover?.range, rangeOf(plain, 'bridge_mappings'));
  });

  it('explains the option and the packet path', () => {
    const { hover } = hoverAt(agent('compute-0'), text);
    const all = lines(hover);
    assert.equal(all[0], '**[ovs] bridge_mappings** · `openvswitch_agent.ini`');
    assert.ok(all.includes('bridge_mappings = physnet1:br-ex,physnet2:br-vlan'));
    assert.ok(all.some((l) => l.includes('**tap**') && l.startsWith('1.')));
    assert.ok(all.some((l) => l.includes('`qbr-…`') && l.includes('iptables_hybrid')));
    assert.ok(all.some((l) => l.includes('**`int-<bridge>`**') && l.includes('**`phy-<bridge>`**')));
    assert.ok(all.some((l) => l.includes('`mod_vlan_vid`')));
  });

  it("shows this host's resolved wiring, physnet by physnet", () => {
    const { hover } = hoverAt(agent('compute-0'), text);
    includesLine(hover, '**Wiring on compute-0**');
    includesLine(hover, '- `physnet1` → `br-ex` → `eth1` (OVSPort)');
    includesLine(hover, '  - declared: flat in `controller/etc/neutron/plugins/ml2/ml2_conf.ini` (controller)');
    includesLine(hover, '  - bridge: `compute-0/etc/sysconfig/network-scripts/ifcfg-br-ex`');
    includesLine(hover, '- `physnet2` → `br-vlan` → *no port*');
    includesLine(hover, '  - declared: VLAN `physnet2:100:199` in `controller/etc/neutron/plugins/ml2/ml2_conf.ini` (controller)');
    includesLine(hover, '  - ⚠ nothing attaches a port, bond or interface to `br-vlan` (OVS_BRIDGE=br-vlan), so nothing leaves the host through it');
    includesLine(hover, '- `physnet3` → `br-missing` → *no port*');
    includesLine(
      hover,
      '  - ⚠ not declared: no ML2 config of this deployment lists `physnet3` in `flat_networks` or `network_vlan_ranges`, so no network can use it',
    );
    includesLine(hover, '  - ⚠ no ifcfg file of compute-0 defines `br-missing` as an OVS bridge; if it does not exist the agent stops at start');
  });

  it('says when the host has no ifcfg files in the workspace', () => {
    const { hover } = hoverAt(agent('compute-1'), '[ovs]\nbridge_mapping|s = physnet1:br-ex\n');
    includesLine(hover, 'No network configuration of compute-1 (ifcfg files, NetworkManager keyfiles, os-net-config) is in the workspace, so its bridges and ports cannot be checked.');
    includesLine(hover, '- `physnet1` → `br-ex` → ?');
  });

  it('says when no ML2 configuration covers the host, and when the value is empty', () => {
    const files = deployment();
    delete files[ML2];
    const { hover } = hoverAt(agent('compute-0'), '[ovs]\n|bridge_mappings =\n', files);
    includesLine(hover, 'No ML2 configuration (`ml2_conf.ini`, `plugin.ini`) covers compute-0, so the physnets cannot be checked against declarations.');
    includesLine(hover, 'Nothing is mapped: compute-0 can carry tunnel networks only, and flat or VLAN ports cannot bind here.');
  });

  it('flags reserved bridges, repeated names, malformed entries and a dead duplicate line', () => {
    const { hover } = hoverAt(
      agent('compute-0'),
      '[ovs]\nbridge_mappin|gs = physnet1:br-int,physnet1:br-ex,oops\nbridge_mappings = physnet1:br-ex\n',
    );
    includesLine(hover, '⚠ A later `bridge_mappings` in this section replaces this one; oslo.config reads only the last.');
    includesLine(hover, '- `oops`: not a `physnet:bridge` pair; the agent refuses the whole option.');
    includesLine(hover, '  - ⚠ `br-int` is the integration bridge, which the agent manages itself');
    includesLine(hover, '  - ⚠ `physnet1` is mapped more than once; the agent exits at start');
  });
});

describe('hover: elements of a value', () => {
  it('shows a physnet of bridge_mappings: declaration, hosts and bridges', () => {
    const { text, hover } = hoverAt(agent('compute-0'), '[ovs]\nbridge_mappings = phys|net1:br-ex,physnet2:br-vlan\n');
    assert.deepEqual(hover?.range, rangeOf(text, 'physnet1'));
    assert.deepEqual(lines(hover), [
      '**Physical network `physnet1`**',
      '',
      '- Declared: flat in `controller/etc/neutron/plugins/ml2/ml2_conf.ini` (controller)',
      '- Mapped on 3 hosts: compute-0, compute-1, network-0',
      '- Bridges: `br-ex` (compute-0, compute-1, network-0)',
    ]);
  });

  it('warns about an undeclared physnet', () => {
    const { text, hover } = hoverAt(agent('compute-0'), '[ovs]\nbridge_mappings = physnet1:br-ex,physnet3|:br-missing\n');
    assert.deepEqual(hover?.range, rangeOf(text, 'physnet3'));
    assert.ok(!lines(hover).some((l) => l.startsWith('- Declared')));
    includesLine(hover, '- ⚠ No ML2 config of this deployment lists it in `flat_networks` or `network_vlan_ranges`, so neutron-server rejects networks on it.');
  });

  it('shows a bridge of bridge_mappings: its file, ports and physnet', () => {
    const { text, hover } = hoverAt(agent('compute-0'), '[ovs]\nbridge_mappings = physnet1:b|r-ex,physnet2:br-vlan\n');
    assert.deepEqual(hover?.range, rangeOf(text, 'br-ex'));
    assert.deepEqual(lines(hover), [
      '**OVS bridge `br-ex`** on compute-0',
      '',
      '- Defined in `compute-0/etc/sysconfig/network-scripts/ifcfg-br-ex` (TYPE=OVSBridge)',
      '- Ports: `eth1` (OVSPort) in `ifcfg-eth1`',
      '- Mapped from physnet `physnet1` in `compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini`',
    ]);
  });

  it('flags a bridge with no ifcfg file, and a long name', () => {
    const { hover } = hoverAt(agent('compute-0'), '[ovs]\nbridge_mappings = physnet1:br-provider-|one\n');
    includesLine(hover, '- ⚠ No ifcfg file of compute-0 defines it with TYPE=OVSBridge or TYPE=OVSUserBridge.');
    includesLine(hover, '- Its name is longer than 11 characters, so the patch ports `int-…`/`phy-…` get shortened with a hash.');
  });

  it('shows a physnet of flat_networks, and explains "*"', () => {
    const flat = hoverAt(ML2, ML2_TEXT.replace('flat_networks = physnet1', 'flat_networks = physnet|1'));
    assert.deepEqual(flat.hover?.range, rangeOf(flat.text, 'physnet1'));
    includesLine(flat.hover, '- Mapped on 3 hosts: compute-0, compute-1, network-0');
    const star = hoverAt(ML2, ML2_TEXT.replace('flat_networks = physnet1', 'flat_networks = |*'));
    assert.deepEqual(star.hover?.range, rangeOf(star.text, '*'));
    assert.match(lines(star.hover)[0], /any\*\* physnet name/);
  });

  it('shows where a host outside any deployment sends a physnet, from its own agent files', () => {
    const files = { [agent('compute-0')]: '', [ifcfg('compute-0', 'br-ex')]: bridge('br-ex') };
    const { text, hover } = hoverAt(agent('compute-0'), '[ovs]\nbridge_mappings = phys|net1:br-ex,physnet2:br-vlan\n', files);
    assert.deepEqual(hover?.range, rangeOf(text, 'physnet1'));
    includesLine(hover, '- No ML2 configuration covers compute-0, so where `physnet1` is declared is unknown.');
    includesLine(hover, '- Mapped on 1 host: compute-0');
    includesLine(hover, '- Bridges: `br-ex` (compute-0)');
    assert.ok(!lines(hover).some((line) => line.includes('br-vlan')), 'only the hovered physnet\'s bridge');
  });

  it('shows the physnet of a VLAN range entry with its tag count', () => {
    const { text, hover } = hoverAt(ML2, ML2_TEXT.replace('physnet2:100:199', 'phys|net2:100:199'));
    assert.deepEqual(hover?.range, rangeOf(text, 'physnet2'));
    includesLine(hover, '- This entry: tags 100–199 (100 tags)');
    includesLine(hover, '- Declared: VLAN `physnet2:100:199` in `controller/etc/neutron/plugins/ml2/ml2_conf.ini` (controller)');
    includesLine(hover, '- Mapped on 1 host: compute-0');
    includesLine(hover, '- Bridges: `br-vlan` (compute-0)');
  });

  it('counts the tags of a VLAN range on its bounds, and rejects a reversed range', () => {
    const good = hoverAt(ML2, ML2_TEXT.replace('physnet2:100:199', 'physnet2:100:1|99'));
    assert.deepEqual(good.hover?.range, rangeOf(good.text, 'physnet2:100:199'));
    assert.deepEqual(lines(good.hover), ['**VLAN range `physnet2:100:199`**', '', 'tags 100–199 (100 tags)']);
    const bad = hoverAt(ML2, ML2_TEXT.replace('physnet4:200:100', 'physnet4:2|00:100'));
    assert.match(lines(bad.hover)[2], /not a valid range .*neutron-server refuses to start/);
  });

  it('describes a type driver in type_drivers and tenant_network_types', () => {
    const inList = hoverAt(ML2, ML2_TEXT.replace('vxlan,flat,vlan', 'vxlan,flat,vl|an'));
    assert.deepEqual(inList.hover?.range, rangeOf(inList.text, 'vlan', 0));
    assert.equal(lines(inList.hover)[0], '**Type driver `vlan`**');
    assert.match(lines(inList.hover)[2], /802\.1Q tags/);
    const tenant = hoverAt(ML2, ML2_TEXT.replace('tenant_network_types = vxlan', 'tenant_network_types = vx|lan'));
    assert.equal(lines(tenant.hover)[0], '**Type driver `vxlan`**');
    const unknown = hoverAt(ML2, ML2_TEXT.replace('vxlan,flat,vlan', 'vxlan,flat,vla|m'));
    assert.equal(lines(unknown.hover)[0], '`vlam` is not one of the type drivers Neutron ships (local, flat, vlan, gre, vxlan, geneve).');
  });

  it('lists many hosts by their first names', () => {
    const files = deployment();
    for (let i = 2; i < 9; i++) files[agent(`compute-${i}`)] = '[ovs]\nbridge_mappings = physnet1:br-ex\n';
    const { hover } = hoverAt(agent('compute-0'), '[ovs]\nbridge_mappings = |physnet1:br-ex\n', files);
    includesLine(hover, '- Mapped on 10 hosts: compute-0, compute-1, compute-2, compute-3, compute-4 and 5 more');
  });
});

describe('hover: ifcfg OVS_BRIDGE', () => {
  it('shows the bridge the port names and the physnet mapped to it', () => {
    const { text, hover } = hoverAt(ifcfg('compute-0', 'eth1'), 'DEVICE=eth1\nTYPE=OVSPort\nOVS_BRIDGE="br-|ex"\n');
    assert.deepEqual(hover?.range, rangeOf(text, 'br-ex'));
    includesLine(hover, '- Defined in `compute-0/etc/sysconfig/network-scripts/ifcfg-br-ex` (TYPE=OVSBridge)');
    includesLine(hover, '- Mapped from physnet `physnet1` in `compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini`');
  });

  it('says when the named bridge has no file', () => {
    const { hover } = hoverAt(ifcfg('compute-0', 'eth2'), 'DEVICE=eth2\nTYPE=OVSPort\nOVS_BRIDGE=br-|data\n');
    includesLine(hover, '- ⚠ No ifcfg file of compute-0 defines it with TYPE=OVSBridge or TYPE=OVSUserBridge.');
    includesLine(hover, '- No physnet of compute-0 is mapped to it in `bridge_mappings`.');
  });

  it('is silent on other keys and values', () => {
    assert.equal(hoverAt(ifcfg('compute-0', 'eth1'), 'DEVICE=et|h1\nOVS_BRIDGE=br-ex\n').hover, null);
    // The key itself gets the variable's description (features/ifcfg), not the bridge's.
    const key = hoverAt(ifcfg('compute-0', 'eth1'), 'DEVICE=eth1\nOVS_BRI|DGE=br-ex\n').hover;
    assert.ok(!lines(key).some((line) => line.startsWith('**OVS bridge')));
  });
});

describe('hover: other wiring options', () => {
  it('explains type_drivers with its default and consequences', () => {
    const { text, hover } = hoverAt(ML2, ML2_TEXT.replace('type_drivers', 'type_dri|vers'));
    assert.deepEqual(hover?.range, rangeOf(text, 'type_drivers'));
    includesLine(hover, '**Default:** `local,flat,vlan,gre,vxlan,geneve`. All types are loaded (local, flat, vlan, gre, vxlan, geneve).');
    assert.ok(lines(hover).some((l) => l.includes('No type driver for project network_type')));
  });

  it('gives the release history of tenant_network_types and its new name', () => {
    const old = hoverAt(ML2, ML2_TEXT.replace('tenant_network_types', 'tenant_|network_types'));
    includesLine(
      old.hover,
      '- Present since Icehouse or earlier · deprecated in 2026.1 (Gazpacho). Instead: [ml2] project_network_types — Renamed; the old name is still read for now (its removal is planned for 2027.1).',
    );
    const renamed = hoverAt(ML2, ML2_TEXT.replace('tenant_network_types', 'project_|network_types'));
    assert.equal(lines(renamed.hover)[0], '**[ml2] project_network_types** · `ml2_conf.ini`');
  });

  it('explains flat_networks, network_vlan_ranges and external_network_bridge', () => {
    assert.equal(lines(hoverAt(ML2, ML2_TEXT.replace('flat_networks', 'flat_net|works')).hover)[0], '**[ml2_type_flat] flat_networks** · `ml2_conf.ini`');
    includesLine(
      hoverAt(ML2, ML2_TEXT.replace('flat_networks', 'flat_net|works')).hover,
      '**Default:** `*`. * (any physnet name is accepted) since Mitaka; before Mitaka the default was empty, which disables flat networks.',
    );
    assert.equal(
      lines(hoverAt(ML2, ML2_TEXT.replace('network_vlan_ranges', '|network_vlan_ranges')).hover)[0],
      '**[ml2_type_vlan] network_vlan_ranges** · `ml2_conf.ini`',
    );
    const l3 = hoverAt(L3, '[DEFAULT]\nexternal_network_|bridge = br-ex\n');
    assert.equal(lines(l3.hover)[0], '**[DEFAULT] external_network_bridge** · `l3_agent.ini`');
    includesLine(
      l3.hover,
      '- Present since Icehouse or earlier · deprecated in Mitaka · removed in Stein. Instead: Create the external network as a flat (or VLAN) provider network on a physnet that bridge_mappings maps to br-ex.',
    );
    includesLine(l3.hover, '**In the newest release:** no longer read; removed in Stein.');
  });

  it('is silent on comments and on the white space between list items; the catalogue explains other options and sections', () => {
    assert.equal(hoverAt(agent('compute-0'), '# bridge_|mappings\n[ovs]\n').hover, null);
    assert.equal(hoverAt(agent('compute-0'), '[ovs]\nbridge_mappings = physnet1:br-ex,|\n').hover, null);
    assert.equal(lines(hoverAt(agent('compute-0'), '[ovs]\nlocal_|ip = 10.0.0.5\n').hover)[0], '**[ovs] local_ip** · `openvswitch_agent.ini`');
    assert.equal(lines(hoverAt(agent('compute-0'), '[o|vs]\nbridge_mappings = physnet1:br-ex\n').hover)[0], '**[ovs]** · `openvswitch_agent.ini`');
    // plugin.ini / ml2_conf.ini may hold the OVS agent's [ovs] (all-in-one, or the agent started with it): its mappings are the agent's, wiring included.
    const borrowed = lines(hoverAt(ML2, '[ml2]\nmechanism_drivers = openvswitch\n[ovs]\nbridge_|mappings = physnet1:br-ex\n').hover);
    assert.equal(borrowed[0], '**[ovs] bridge_mappings** · `ml2_conf.ini`');
    assert.ok(borrowed.some((l) => l.startsWith('**Wiring on')));
  });
});
