/**
 * NetworkManager keyfiles as a source of the host network model (issue #14):
 * navigation, rename and fixes across keyfiles and agent configs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyWorkspaceEdit, cursor, uriOf, workspaceOf } from '../helpers';

const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const AGENT = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const NM = 'compute-0/etc/NetworkManager/system-connections';
const ML2_TEXT = '[ml2]\ntype_drivers = flat,vxlan\ntenant_network_types = vxlan\n\n[ml2_type_flat]\nflat_networks = physnet1\n';
const BRIDGE = '[connection]\nid=br-ex\nuuid=11111111-2222-4333-8444-555555555555\ntype=ovs-bridge\ninterface-name=br-ex\n';
const PORT = '[connection]\nid=ovs-port-eth1\ntype=ovs-port\ninterface-name=eth1\nmaster=br-ex\nslave-type=ovs-bridge\n';
const PORT_BY_UUID = '[connection]\nid=ovs-port-eth2\ntype=ovs-port\ninterface-name=eth2\ncontroller=11111111-2222-4333-8444-555555555555\nport-type=ovs-bridge\n';
const ETH1 = '[connection]\nid=eth1\ntype=ethernet\ninterface-name=eth1\nmaster=eth1\nslave-type=ovs-port\n';

function files(agent = '[ovs]\nbridge_mappings = physnet1:br-ex\n'): Record<string, string> {
  return {
    [ML2]: ML2_TEXT,
    [AGENT]: agent,
    [`${NM}/br-ex.nmconnection`]: BRIDGE,
    [`${NM}/ovs-port-eth1.nmconnection`]: PORT,
    [`${NM}/ovs-port-eth2.nmconnection`]: PORT_BY_UUID,
    [`${NM}/eth1.nmconnection`]: ETH1,
  };
}

describe('NetworkManager keyfiles in the host model', () => {
  it('a bridge created by a keyfile satisfies the agent; its ports count, by name or by UUID', () => {
    const service = workspaceOf(files());
    for (const uri of service.files()) assert.deepEqual(service.getDiagnostics(uri).map((d) => d.code), [], uri);
    assert.equal(service.describeFile(uriOf(`${NM}/br-ex.nmconnection`))?.kind, 'nm-keyfile');
  });

  it('renaming br-ex from bridge_mappings edits the bridge profile and the port naming it, not the UUID reference', () => {
    const { text, position } = cursor('[ovs]\nbridge_mappings = physnet1:br-|ex\n');
    const tree = files(text);
    const service = workspaceOf(tree);
    const after = applyWorkspaceEdit(tree, service.rename(uriOf(AGENT), position, 'br-provider'));
    assert.equal(after[AGENT], '[ovs]\nbridge_mappings = physnet1:br-provider\n');
    assert.equal(after[`${NM}/br-ex.nmconnection`], BRIDGE.replace('interface-name=br-ex', 'interface-name=br-provider'));
    assert.equal(after[`${NM}/ovs-port-eth1.nmconnection`], PORT.replace('master=br-ex', 'master=br-provider'));
    assert.equal(after[`${NM}/ovs-port-eth2.nmconnection`], PORT_BY_UUID);
    for (const uri of workspaceOf(after).files()) assert.deepEqual(workspaceOf(after).getDiagnostics(uri).map((d) => d.code), [], uri);
  });

  it('definition of br-ex in bridge_mappings is the keyfile\'s interface-name', () => {
    const { text, position } = cursor('[ovs]\nbridge_mappings = physnet1:br-e|x\n');
    const service = workspaceOf(files(text));
    assert.deepEqual(service.getDefinition(uriOf(AGENT), position), [
      { uri: uriOf(`${NM}/br-ex.nmconnection`), range: { start: { line: 4, character: 15 }, end: { line: 4, character: 20 } } },
    ]);
  });

  it('ovs-port-undefined: the fix replaces the controller with the nearby port', () => {
    const broken = { ...files(), [`${NM}/eth1.nmconnection`]: ETH1.replace('master=eth1', 'master=eht1') };
    const service = workspaceOf(broken);
    const [d] = service.getDiagnostics(uriOf(`${NM}/eth1.nmconnection`));
    assert.equal(d.code, 'ovs-port-undefined');
    assert.deepEqual(d.range, { start: { line: 4, character: 7 }, end: { line: 4, character: 11 } });
    assert.deepEqual(d.data, { bridge: 'eht1', suggestions: ['eth1', 'eth2'] });
    const fix = service.getCodeActions(uriOf(`${NM}/eth1.nmconnection`), d.range, [d])[0];
    assert.equal(fix?.title, 'Replace "eht1" with "eth1"');
    assert.deepEqual(applyWorkspaceEdit(broken, fix!.edit!), files());
  });

  it('a profile NetworkManager refuses: its syntax error is the one finding, absence checks on the host stay silent', () => {
    const service = workspaceOf({ ...files(), [`${NM}/br-ex.nmconnection`]: BRIDGE.replace('interface-name=br-ex', 'interface-name br-ex') });
    assert.deepEqual(service.getDiagnostics(uriOf(`${NM}/br-ex.nmconnection`)).map((d) => d.code), ['syntax']);
    assert.deepEqual(service.getDiagnostics(uriOf(AGENT)).map((d) => d.code), []);
  });

  it('templated controllers make absence unknown: no finding', () => {
    const service = workspaceOf({ ...files(), [`${NM}/eth1.nmconnection`]: ETH1.replace('master=eth1', 'master={{ port }}') });
    assert.deepEqual(service.getDiagnostics(uriOf(`${NM}/eth1.nmconnection`)), []);
  });

  const hoverText = (h: ReturnType<ReturnType<typeof workspaceOf>['getHover']>) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

  it('hover: a key, an enumerated value, a group; on a controller, what the host model says about it', () => {
    const service = workspaceOf(files());
    const port = uriOf(`${NM}/ovs-port-eth1.nmconnection`);
    assert.match(hoverText(service.getHover(port, { line: 2, character: 1 })), /^\*\*\[connection\] type\*\*\n\nThe kind of profile\./);
    const value = service.getHover(port, { line: 2, character: 7 });
    assert.equal(hoverText(value), '**type=ovs-port**: a port of an OVS bridge; its controller is the bridge.');
    assert.deepEqual(value?.range, { start: { line: 2, character: 5 }, end: { line: 2, character: 13 } });
    assert.match(hoverText(service.getHover(port, { line: 0, character: 3 })), /^\*\*\[connection\]\*\*/);
    const controller = service.getHover(port, { line: 4, character: 9 });
    assert.deepEqual(controller?.range, { start: { line: 4, character: 7 }, end: { line: 4, character: 12 } });
    assert.match(hoverText(controller), /^\*\*OVS bridge `br-ex`\*\* on compute-0\n\n- Defined in `compute-0\/etc\/NetworkManager\/system-connections\/br-ex.nmconnection` \(type=ovs-bridge\)\n- Ports: `eth1` \(ovs-port\) in `ovs-port-eth1.nmconnection`, `eth2` \(ovs-port\) in `ovs-port-eth2.nmconnection`/);
  });

  it('completion: an ovs-port\'s controller offers the bridges, an interface\'s the ports; enumerated values their choices', () => {
    const bridgeCursor = cursor(PORT.replace('master=br-ex', 'master=|'));
    const onPort = workspaceOf({ ...files(), [`${NM}/ovs-port-eth1.nmconnection`]: bridgeCursor.text }).getCompletions(uriOf(`${NM}/ovs-port-eth1.nmconnection`), bridgeCursor.position);
    assert.deepEqual(onPort.items.map((i) => i.label), ['br-ex']);
    const portCursor = cursor(ETH1.replace('master=eth1', 'master=|'));
    const onEth = workspaceOf({ ...files(), [`${NM}/eth1.nmconnection`]: portCursor.text }).getCompletions(uriOf(`${NM}/eth1.nmconnection`), portCursor.position);
    assert.deepEqual(onEth.items.map((i) => i.label), ['eth1', 'eth2']);
    const typeCursor = cursor(ETH1.replace('slave-type=ovs-port', 'slave-type=|'));
    const types = workspaceOf({ ...files(), [`${NM}/eth1.nmconnection`]: typeCursor.text }).getCompletions(uriOf(`${NM}/eth1.nmconnection`), typeCursor.position);
    assert.deepEqual(types.items.map((i) => i.label), ['ovs-bridge', 'ovs-port', 'bond', 'bridge', 'team']);
  });
});
