/**
 * The host network model: what ifcfg files declare, as format-neutral
 * devices, and the questions rules ask of a layer.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NetworkContribution } from '../../../server/src/core/network/devices';
import { HostNetwork } from '../../../server/src/core/network/hostNetwork';
import { createsBridgeHint, sourceLabels } from '../../../server/src/core/network/sourceVocabulary';
import type { IndexedFile } from '../../../server/src/core/workspace/model';
import { rangeOf, uriOf, workspaceOf } from '../helpers';

const SCRIPTS = 'compute-0/etc/sysconfig/network-scripts';
const AGENT = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const BR_EX = 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nBOOTPROTO=static\nIPADDR=192.0.2.10\nPREFIX=24\nONBOOT=yes\n';
const ETH1 = 'DEVICE=eth1\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-ex\nONBOOT=yes\n';
const BOND = 'DEVICE=bond1\nTYPE=OVSBond\nDEVICETYPE=ovs\nOVS_BRIDGE=br-vlan\nBOND_IFACES="eth2 eth3"\nONBOOT=yes\n';
const BR_VLAN = 'DEVICE=br-vlan\nTYPE=OVSBridge\nDEVICETYPE=ovs\nONBOOT=yes\n';
const PATCH = 'DEVICE=patch-ex\nTYPE=OVSPatchPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-ex\nOVS_PATCH_PEER=patch-vlan\n';

function hostOf(files: Record<string, string>) {
  const service = workspaceOf({ [AGENT]: '[ovs]\nbridge_mappings = physnet1:br-ex\n', ...files });
  return service.context(uriOf(AGENT))!.host.network;
}

describe('host network model: the declared layer from ifcfg files', () => {
  const files = {
    [`${SCRIPTS}/ifcfg-br-ex`]: BR_EX,
    [`${SCRIPTS}/ifcfg-eth1`]: ETH1,
    [`${SCRIPTS}/ifcfg-bond1`]: BOND,
    [`${SCRIPTS}/ifcfg-br-vlan`]: BR_VLAN,
    [`${SCRIPTS}/ifcfg-patch-ex`]: PATCH,
  };

  it('holds every device with its role, source type and where its name stands', () => {
    const declared = hostOf(files).declared;
    assert.deepEqual(
      [...declared.devices()].map((d) => [d.name, d.role, d.sourceType, d.bridge?.name, d.file.renderedName]).sort(),
      [
        ['bond1', 'bond', 'OVSBond', 'br-vlan', 'ifcfg-bond1'],
        ['br-ex', 'ovs-bridge', 'OVSBridge', undefined, 'ifcfg-br-ex'],
        ['br-vlan', 'ovs-bridge', 'OVSBridge', undefined, 'ifcfg-br-vlan'],
        ['eth1', 'ovs-port', 'OVSPort', 'br-ex', 'ifcfg-eth1'],
        ['patch-ex', 'ovs-patch', 'OVSPatchPort', 'br-ex', 'ifcfg-patch-ex'],
      ],
    );
    const [brEx] = declared.bridge('br-ex');
    assert.deepEqual(brEx.ranges.name, rangeOf(BR_EX, 'br-ex'));
    assert.deepEqual(brEx.ranges.declaration, rangeOf(BR_EX, 'DEVICE=br-ex'));
    assert.deepEqual(brEx.ranges.type, rangeOf(BR_EX, 'TYPE=OVSBridge'));
    assert.equal(brEx.addressed, true);
    assert.equal(declared.bridge('br-vlan')[0].addressed, false);
  });

  it('answers what a bridge has attached, bond members and patch peers included', () => {
    const declared = hostOf(files).declared;
    assert.deepEqual(declared.portsOf('br-ex').map((d) => d.name), ['eth1', 'patch-ex']);
    assert.deepEqual(declared.portsOf('br-vlan').map((d) => d.name), ['bond1']);
    assert.deepEqual(declared.portsOf('br-none'), []);
    const [bond] = declared.devicesNamed('bond1');
    assert.deepEqual(bond.members?.map((m) => [m.name, m.token?.range]), [
      ['eth2', rangeOf(BOND, 'eth2')],
      ['eth3', rangeOf(BOND, 'eth3')],
    ]);
    assert.deepEqual(declared.devicesNamed('patch-ex')[0].peer?.name, 'patch-vlan');
    assert.deepEqual([...declared.bridges.keys()].sort(), ['br-ex', 'br-vlan']);
    assert.equal(declared.knowsBridges, true);
    assert.deepEqual(declared.sourceNames, ['ifcfg']);
    assert.equal(hostOf(files).observed.present, false);
  });

  it('a bridge naming itself in OVS_BRIDGE attaches nothing; a Linux bridge is not an OVS bridge', () => {
    const declared = hostOf({
      [`${SCRIPTS}/ifcfg-br-ex`]: BR_EX + 'OVS_BRIDGE=br-ex\n',
      [`${SCRIPTS}/ifcfg-br-lx`]: 'DEVICE=br-lx\nTYPE=Bridge\nONBOOT=yes\n',
    }).declared;
    assert.deepEqual(declared.portsOf('br-ex'), []);
    assert.equal(declared.hasBridge('br-lx'), false);
    assert.equal(declared.devicesNamed('br-lx')[0].role, 'linux-bridge');
  });

  it('a templated name makes the layer uncertain, so absence is not judged', () => {
    const declared = hostOf({ [`${SCRIPTS}/ifcfg-br-ex`]: 'DEVICE={{ bridge_name }}\nTYPE=OVSBridge\n' }).declared;
    assert.equal(declared.present, true);
    assert.equal(declared.uncertain, true);
    assert.equal(declared.knowsBridges, false);
  });

  it('a host without network sources has empty layers', () => {
    const network = hostOf({});
    assert.equal(network.declared.present, false);
    assert.equal(network.declared.knowsBridges, false);
  });
});

describe('host network model: any source, one model', () => {
  /** A file whose facts carry a contribution, as a keyfile or capture source would give. */
  const fileWith = (path: string, network: NetworkContribution) => ({ path, renderedName: path, facts: { kind: 'l3-agent', externalNetworkBridge: undefined, network } }) as unknown as IndexedFile;
  const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } };
  const device = (name: string, role: 'ovs-bridge' | 'ovs-port', bridge?: string) => ({
    name,
    role,
    sourceType: role === 'ovs-bridge' ? 'ovs-bridge' : 'ovs-port',
    ranges: { name: at, declaration: at, type: undefined, definition: at },
    nameToken: undefined,
    ...(bridge ? { bridge: { name: bridge, token: undefined } } : {}),
  });

  it('adds declared and observed contributions into their layers, whatever the source', () => {
    const network = new HostNetwork([
      fileWith('a.nmconnection', { layer: 'declared', source: 'nm-keyfile', devices: [device('br-ex', 'ovs-bridge')], uncertain: false }),
      fileWith('b.nmconnection', { layer: 'declared', source: 'nm-keyfile', devices: [device('eth1', 'ovs-port', 'br-ex')], uncertain: false }),
      fileWith('ovs-vsctl_-t_5_show', { layer: 'observed', source: 'ovs-vsctl-show', devices: [device('br-int', 'ovs-bridge')], uncertain: false }),
    ]);
    assert.deepEqual([...network.declared.bridges.keys()], ['br-ex']);
    assert.deepEqual(network.declared.portsOf('br-ex').map((d) => [d.name, d.file.path]), [['eth1', 'b.nmconnection']]);
    assert.deepEqual([...network.observed.bridges.keys()], ['br-int']);
    assert.deepEqual(network.declared.sourceNames, ['nm-keyfile']);
  });

  it('messages name every source family a host mixes, each in its own spelling', () => {
    assert.equal(sourceLabels(['ifcfg']), 'ifcfg file');
    assert.equal(sourceLabels(['ifcfg', 'nm-keyfile']), 'ifcfg file or NetworkManager keyfile');
    assert.equal(sourceLabels([]), 'network configuration file');
    assert.equal(createsBridgeHint(['ifcfg', 'nm-keyfile'], 'br-ex'), 'TYPE=OVSBridge with DEVICE=br-ex; or type=ovs-bridge with interface-name=br-ex');
  });
});
