/** Command captures: how each output is cut, told apart and read (issue #13). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCapture } from '../../../server/src/core/captures/parseCapture';
import { vlanFlow } from '../../../server/src/core/captures/ofctl';
import { agentPatchName } from '../../../server/src/core/network/patchPorts';
import { KindMatcher } from '../../../server/src/core/workspace/fileKinds';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { dateFromSosreportName } from '../../../server/src/core/workspace/hosts';
import type { Range } from 'vscode-languageserver-types';

const r = (range: Range) => [range.start.line, range.start.character, range.end.line, range.end.character];

const GUIDE = [
  ' # ovs-vsctl show',
  '    Bridge br-int',
  '        fail_mode: secure',
  '       Port int-br-ex',
  '            Interface int-br-ex',
  '                type: patch',
  '                options: {peer=phy-br-ex}',
  '    Bridge br-ex',
  '        Port "eth1"',
  '            Interface "eth1"',
  ' # ip a',
  '5: eth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq master ovs-system state UP qlen 1000',
  '',
].join('\n');

describe('capture files', () => {
  it('cuts pasted outputs at their prompts, and reads the guide\'s excerpts whatever their indentation', () => {
    const doc = parseCapture(GUIDE, 'notes.txt');
    assert.deepEqual(doc.sections.map((s) => [s.type, s.command, r(s.range)]), [
      ['ovs-vsctl-show', 'ovs-vsctl show', [0, 0, 9, 28]],
      ['ip-link', 'ip a', [10, 0, 12, 0]],
    ]);
    const show = doc.sections[0];
    assert.equal(show.type, 'ovs-vsctl-show');
    if (show.type !== 'ovs-vsctl-show') return;
    assert.deepEqual(show.bridges.map((b) => [b.name.text, r(b.name.range), b.failMode, b.ports.map((p) => p.name.text)]), [
      ['br-int', [1, 11, 1, 17], 'secure', ['int-br-ex']],
      ['br-ex', [7, 11, 7, 16], undefined, ['eth1']],
    ]);
    const patch = show.bridges[0].ports[0].interfaces[0];
    assert.deepEqual([patch.type, patch.peer?.text, r(patch.peer!.range)], ['patch', 'phy-br-ex', [6, 31, 6, 40]]);
    // A quoted name's token is inside the quotes.
    assert.deepEqual(r(show.bridges[1].ports[0].name.range), [8, 14, 8, 18]);
    const ip = doc.sections[1];
    if (ip.type !== 'ip-link') return assert.fail('ip section');
    assert.deepEqual(ip.links.map((l) => [l.name.text, r(l.name.range), l.flags, l.master, l.state]), [
      ['eth1', [11, 3, 11, 7], ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'], 'ovs-system', 'UP'],
    ]);
  });

  it('keeps a bridge\'s own keys after its Controller row', () => {
    const text = '6c0d1f9e-2b3a-4c5d-8e7f-90a1b2c3d4e5\n    Bridge br-int\n        Controller "tcp:127.0.0.1:6633"\n            is_connected: true\n        fail_mode: secure\n        datapath_type: netdev\n';
    const show = parseCapture(text, 'ovs-vsctl_-t_5_show').sections[0];
    if (show.type !== 'ovs-vsctl-show') return assert.fail('vsctl section');
    assert.deepEqual([show.bridges[0].failMode, show.bridges[0].datapathType], ['secure', 'netdev']);
  });

  it('tells outputs without a prompt by their first lines, and dump-flows by the sos file name', () => {
    const kinds = (text: string, name = 'capture.txt') => parseCapture(text, name).sections.map((s) => s.type);
    assert.deepEqual(kinds('5e3c1d2a-0b1c-4d2e-8f3a-4b5c6d7e8f90\n    Bridge br-ex\n'), ['ovs-vsctl-show']);
    assert.deepEqual(kinds('OFPT_FEATURES_REPLY (xid=0x2): dpid:0000\n 1(eth1): addr:aa\n'), ['ovs-ofctl-show']);
    assert.deepEqual(kinds('NXST_FLOW reply (xid=0x4):\n cookie=0x0, table=0, priority=1 actions=NORMAL\n'), ['ovs-ofctl-dump-flows']);
    assert.deepEqual(kinds('', 'ovs-ofctl_dump-flows_br-int'), ['ovs-ofctl-dump-flows']);
    assert.deepEqual(kinds('_uuid               : 5e3c\nexternal_ids        : {}\n'), ['ovs-vsctl-list']);
    assert.deepEqual(kinds('2: eth0    inet 10.0.0.5/24 brd 10.0.0.255 scope global eth0\\       valid_lft forever\n'), ['ip-link']);
    assert.deepEqual(kinds('{"name": "ext", "provider:network_type": "flat", "provider:physical_network": "physnet1"}\n', 'net.json'), ['network-show']);
    assert.deepEqual(kinds('{"agent_type": "Open vSwitch agent", "host": "c0", "configuration": {"bridge_mappings": {"p": "br-ex"}}}\n', 'agent.json'), ['agent-show']);
    // Text that holds no output we read is no capture.
    assert.deepEqual(kinds('Meeting notes\n# todo: check br-ex\n'), []);
    assert.deepEqual(kinds('\u0000\u0001binary'), []);
  });

  it('reads the mappings an agent reports, in every table form OSC and the neutron CLI print', () => {
    const table = (configuration: string[]) =>
      ['+-------------------+----------------------------------------+', '| Field             | Value                                  |', '+-------------------+----------------------------------------+',
        '| agent_type        | Open vSwitch agent                     |', '| host              | compute-0.localdomain                  |',
        ...configuration.map((c, i) => `| ${i === 0 ? 'configuration    ' : '                 '} | ${c.padEnd(38)} |`), '+-------------------+----------------------------------------+', ''].join('\n');
    const mappings = (text: string) => {
      const section = parseCapture(text, 'openstack_network_agent_show_5b1c9e1a').sections[0];
      if (section?.type !== 'agent-show') return assert.fail(`agent show section, got ${section?.type}`);
      return [section.agents[0].host?.text, section.agents[0].bridgeMappings && [...section.agents[0].bridgeMappings]];
    };
    // osc-lib's format_dict flattens nested dicts; the table wraps a long cell over rows.
    assert.deepEqual(mappings(table(["arp_responder_enabled='False',", "bridge_mappings.physnet1='br-ex', brid", "ge_mappings.physnet2='br-vlan'"])), [
      'compute-0.localdomain',
      [['physnet1', 'br-ex'], ['physnet2', 'br-vlan']],
    ]);
    assert.deepEqual(mappings(table(["bridge_mappings='{'physnet1': 'br-ex'}'"]))[1], [['physnet1', 'br-ex']]);
  });

  it('reads ovn-bridge-mappings entry by entry from ovs-vsctl list Open_vSwitch', () => {
    const line = 'external_ids        : {hostname=c1, ovn-bridge-mappings="datacentre:br-ex,tenant:br-tenant", system-id="x"}';
    const doc = parseCapture(`_uuid               : 7e5d\n${line}\novs_version         : "3.1.4"\n`, 'ovs-vsctl_-t_5_list_Open_vSwitch');
    const list = doc.sections[0];
    if (list.type !== 'ovs-vsctl-list') return assert.fail('list section');
    const entry = list.records[0].externalIds.find((e) => e.key === 'ovn-bridge-mappings')!;
    assert.equal(entry.value.text, 'datacentre:br-ex,tenant:br-tenant');
    assert.deepEqual(r(entry.value.range), [1, line.indexOf('datacentre'), 1, line.indexOf('", system')]);
  });

  it('reads the VLAN handling of flows of both OpenFlow drivers and both OpenFlow versions', () => {
    const pick = (line: string) => {
      const f = vlanFlow(line);
      return f && [f.inPort, f.matchVlan, f.matchUntagged, f.strips, f.setsVlan];
    };
    // ovs-ofctl driver and the guide: br-ex strips, br-int tags.
    assert.deepEqual(pick('priority=4,in_port=2,dl_vlan=5 actions=strip_vlan,NORMAL'), ['2', 5, false, true, undefined]);
    assert.deepEqual(pick('priority=3,in_port=15,vlan_tci=0x0000 actions=mod_vlan_vid:5,NORMAL'), ['15', undefined, true, false, 5]);
    // Native driver printed by plain ovs-ofctl (OpenFlow 1.0), and with port names.
    assert.deepEqual(pick('priority=3,in_port="int-br-ex",vlan_tci=0x0000/0x1fff actions=mod_vlan_vid:3,resubmit(,60)'), ['int-br-ex', undefined, true, false, 3]);
    // OpenFlow 1.3: pop_vlan and set_field with the present bit.
    assert.deepEqual(pick('priority=4,in_port=2,dl_vlan=3 actions=pop_vlan,NORMAL'), ['2', 3, false, true, undefined]);
    assert.deepEqual(pick('priority=3,in_port=1,vlan_tci=0x0000/0x1fff actions=push_vlan:0x8100,set_field:4099->vlan_vid,resubmit(,60)'), ['1', undefined, true, false, 3]);
    // A VLAN network on the physical bridge: local VLAN 3 out as segment 101.
    assert.deepEqual(pick('priority=4,in_port=2,dl_vlan=3 actions=mod_vlan_vid:101,NORMAL'), ['2', 3, false, false, 101]);
    assert.equal(vlanFlow('priority=0 actions=NORMAL'), undefined);
  });

  it('names patch ports as the agent does, hashing names over 15 characters', () => {
    assert.equal(agentPatchName('int-', 'br-ex'), 'int-br-ex');
    // Computed with Neutron's own get_interface_name (python3-neutron 21.0.0).
    assert.equal(agentPatchName('int-', 'br-provider-long1'), 'int-br-pr651deb');
    assert.equal(agentPatchName('phy-', 'br-provider-long1'), 'phy-br-pr651deb');
    assert.equal(agentPatchName('phy-', 'br-physnet1'), 'phy-br-physnet1');
  });

  it('recognises sos\'s file names, and text files only as would-be captures', () => {
    const kinds = new KindMatcher(DEFAULT_SETTINGS);
    const sos = 'sosreport-c0-2024-03-05-abcdefg/sos_commands';
    assert.equal(kinds.kindOf(`${sos}/openvswitch/ovs-vsctl_-t_5_show`), 'capture');
    assert.equal(kinds.kindOf(`${sos}/openvswitch/ovs-ofctl_-O_OpenFlow13_dump-flows_br-int`), 'capture');
    assert.equal(kinds.kindOf(`${sos}/networking/ip_-d_address`), 'capture');
    assert.equal(kinds.kindOf(`${sos}/networking/ethtool_-i_eth1`), undefined);
    assert.equal(kinds.isCertainCapture(`${sos}/openvswitch/ovs-vsctl_-t_5_show`), true);
    assert.equal(kinds.kindOf('compute-0/notes.txt'), 'capture');
    assert.equal(kinds.isCertainCapture('compute-0/notes.txt'), false);
    assert.equal(kinds.kindOf('compute-0/var/log/neutron/openvswitch-agent.log'), undefined);
  });

  it('dates a sosreport by its folder name, as sos 3 and sos 4 write it', () => {
    assert.equal(dateFromSosreportName('sosreport-compute-0.01234567-20190405123456'), '2019-04-05 12:34');
    assert.equal(dateFromSosreportName('sosreport-compute-1-04123456-2024-03-05-hmxvtpe'), '2024-03-05');
    assert.equal(dateFromSosreportName('sosreport-compute-1-2024-03-05-hmxvtpe.tar.xz'), '2024-03-05');
    assert.equal(dateFromSosreportName('compute-1'), undefined);
  });
});
