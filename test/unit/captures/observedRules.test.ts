/** The observed layer against the declared one, as files change (issue #13). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NeutronConfigService } from '../../../server/src/core/service';
import { ROOT, codesAt, uriOf, workspaceOf } from '../helpers';

const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const AGENT = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const SHOW = 'compute-0/ovs-vsctl-show.txt';
const AGENT_SHOW = 'controller/agent-show.json';
const NETWORK_SHOW = 'controller/network-show.json';
const BRIDGE = 'compute-0/etc/sysconfig/network-scripts/ifcfg-br-ex';
const PORT = 'compute-0/etc/sysconfig/network-scripts/ifcfg-eth1';

const vsctl = (bridges: string) => `3f2b4c1e-8d2a-4f0b-9c77-5a1d2e3f4b6c\n${bridges}    ovs_version: "2.17.7"\n`;
const BR_INT = '    Bridge br-int\n        Port int-br-ex\n            Interface int-br-ex\n                type: patch\n                options: {peer=phy-br-ex}\n';
const BR_EX = '    Bridge br-ex\n        Port phy-br-ex\n            Interface phy-br-ex\n                type: patch\n                options: {peer=int-br-ex}\n        Port eth1\n            Interface eth1\n';

function deployment(extra: Record<string, string> = {}) {
  return workspaceOf({
    [ML2]: '[ml2]\ntype_drivers = flat,vxlan\ntenant_network_types = vxlan\n\n[ml2_type_flat]\nflat_networks = physnet1\n',
    [AGENT]: '[ovs]\nbridge_mappings = physnet1:br-ex\n',
    [BRIDGE]: 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nNM_CONTROLLED=no\n',
    [PORT]: 'DEVICE=eth1\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-ex\nNM_CONTROLLED=no\n',
    [SHOW]: vsctl(BR_INT + BR_EX),
    ...extra,
  });
}

describe('observed-state rules', () => {
  it('stay silent on a host whose OVSDB matches its configuration', () => {
    const service = deployment();
    for (const file of [AGENT, BRIDGE, PORT, SHOW, ML2]) assert.deepEqual(codesAt(service, file), [], file);
  });

  it('re-check the agent file when the capture changes, and again when it is fixed', () => {
    const service = deployment();
    const affected = service.setFile(uriOf(SHOW), vsctl(BR_INT));
    assert.ok(affected.includes(uriOf(AGENT)), 'the agent file is re-checked');
    assert.deepEqual(codesAt(service, AGENT), ['observed-bridge-missing@1:27-1:32']);
    service.setFile(uriOf(SHOW), vsctl(BR_INT + BR_EX.replace('{peer=int-br-ex}', '{peer=int-br-vlan}')));
    assert.deepEqual(codesAt(service, AGENT), ['observed-patch-missing@1:27-1:32']);
    service.setFile(uriOf(SHOW), vsctl(BR_INT + BR_EX));
    assert.deepEqual(codesAt(service, AGENT), []);
  });

  it('say nothing about a templated mapping, and nothing without an OVSDB capture', () => {
    const templated = deployment({ [AGENT]: '[ovs]\nbridge_mappings = physnet1:{{ provider_bridge }}\n', [SHOW]: vsctl(BR_INT) });
    assert.deepEqual(codesAt(templated, AGENT), []);
    const noCapture = deployment({ [SHOW]: 'just notes\n' });
    assert.deepEqual(codesAt(noCapture, AGENT), []);
    assert.equal(noCapture.describeFile(uriOf(SHOW)), undefined, 'a text file with no output we read is not indexed');
  });

  it('compare what the running agent reports, matching its FQDN to the host', () => {
    const report = (mappings: string) =>
      JSON.stringify({ agent_type: 'Open vSwitch agent', host: 'compute-0.localdomain', configuration: { bridge_mappings: JSON.parse(mappings) } });
    const service = deployment({ [AGENT_SHOW]: report('{"physnet1": "br-ex"}') });
    assert.deepEqual(codesAt(service, AGENT), []);
    const affected = service.setFile(uriOf(AGENT_SHOW), report('{"physnet1": "br-provider"}'));
    assert.ok(affected.includes(uriOf(AGENT)));
    assert.deepEqual(codesAt(service, AGENT), ['observed-config-drift@1:18-1:32']);
  });

  it('judge a captured provider network against the deployment as it changes', () => {
    const network = JSON.stringify({ name: 'ext', 'provider:network_type': 'flat', 'provider:physical_network': 'physnet2' }, null, 2);
    const service = deployment({ [NETWORK_SHOW]: network });
    assert.deepEqual(codesAt(service, NETWORK_SHOW), ['network-physnet-unmapped@3:32-3:40']);
    // Allowing and mapping physnet2 in the files clears it.
    service.setFile(uriOf(ML2), '[ml2]\ntype_drivers = flat,vxlan\ntenant_network_types = vxlan\n\n[ml2_type_flat]\nflat_networks = physnet1,physnet2\n');
    assert.deepEqual(codesAt(service, NETWORK_SHOW), ['network-physnet-unmapped@3:32-3:40']);
    const affected = service.setFile(uriOf(AGENT), '[ovs]\nbridge_mappings = physnet1:br-ex,physnet2:br-ex2\n');
    assert.ok(affected.includes(uriOf(NETWORK_SHOW)));
    assert.deepEqual(codesAt(service, NETWORK_SHOW), []);
  });
});

describe('fixes on captures', () => {
  it('offer no suppression comment in a capture: command output is never edited', () => {
    const service = deployment({ [SHOW]: vsctl(BR_INT) + '\n' });
    service.setFile(uriOf('controller/network-show.json'), JSON.stringify({ name: 'x', 'provider:network_type': 'flat', 'provider:physical_network': 'physnet9' }));
    const diagnostics = service.getDiagnostics(uriOf('controller/network-show.json'));
    assert.equal(diagnostics.length, 1);
    assert.deepEqual(service.getCodeActions(uriOf('controller/network-show.json'), diagnostics[0].range, diagnostics), []);
    // In the agent file, the finding on the capture's account can be silenced as any other.
    const agent = service.getDiagnostics(uriOf(AGENT));
    assert.deepEqual(agent.map((d) => d.code), ['observed-bridge-missing']);
    assert.deepEqual(service.getCodeActions(uriOf(AGENT), agent[0].range, agent).map((a) => a.title), [
      'Ignore observed-bridge-missing on this line',
      'Ignore observed-bridge-missing in this file',
    ]);
  });
});

describe('observed-bridge-missing quick fix', () => {
  it('replaces a mapped name with the bridge OVSDB has under a close name', () => {
    const service = deployment({ [AGENT]: '[ovs]\nbridge_mappings = physnet1:br-exx\n' });
    const diagnostics = service.getDiagnostics(uriOf(AGENT)).filter((d) => d.code === 'observed-bridge-missing');
    assert.deepEqual(diagnostics.map((d) => [d.range.start.character, d.range.end.character]), [[27, 33]]);
    const actions = service.getCodeActions(uriOf(AGENT), diagnostics[0].range, diagnostics);
    assert.equal(actions[0].title, 'Replace "br-exx" with "br-ex"');
    assert.deepEqual(actions[0].edit?.changes?.[uriOf(AGENT)], [{ range: diagnostics[0].range, newText: 'br-ex' }]);
  });
});

describe('observed-patch-missing and older wiring', () => {
  it('accepts the veth pair of use_veth_interconnection (before Wallaby) and hashed names of long bridges', () => {
    const veth = BR_INT.replace('                type: patch\n                options: {peer=phy-br-ex}\n', '') + BR_EX.replace('                type: patch\n                options: {peer=int-br-ex}\n', '');
    assert.deepEqual(codesAt(deployment({ [SHOW]: vsctl(veth) }), AGENT), []);
    const long = 'br-provider-long1';
    const hashed = vsctl(
      BR_INT.replace(/int-br-ex/g, 'int-br-pr651deb').replace('phy-br-ex', 'phy-br-pr651deb') +
        BR_EX.replace('Bridge br-ex', `Bridge ${long}`).replace(/phy-br-ex/g, 'phy-br-pr651deb').replace('int-br-ex', 'int-br-pr651deb'),
    );
    const service = deployment({
      [AGENT]: `[ovs]\nbridge_mappings = physnet1:${long}\n`,
      [BRIDGE]: `DEVICE=${long}\nTYPE=OVSBridge\nDEVICETYPE=ovs\nNM_CONTROLLED=no\n`,
      [PORT]: `DEVICE=eth1\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=${long}\nNM_CONTROLLED=no\n`,
      [SHOW]: hashed,
    });
    assert.deepEqual(codesAt(service, AGENT), ['bridge-name-too-long@1:27-1:44']);
  });
});

describe('navigation from a capture', () => {
  it('hovers a captured bridge with the host view, a patch port with the mapping that made it', () => {
    const service = deployment();
    const text = vsctl(BR_INT + BR_EX);
    // The position of the first character after `before`.
    const at = (before: string) => {
      const offset = text.indexOf(before) + before.length;
      const line = text.slice(0, offset).split('\n').length - 1;
      return { line, character: offset - text.lastIndexOf('\n', offset - 1) - 1 };
    };
    const bridge = service.getHover(uriOf(SHOW), at('Bridge br-e'));
    assert.match(String((bridge?.contents as { value: string }).value), /^\*\*OVS bridge `br-ex`\*\* on compute-0/);
    const patch = service.getHover(uriOf(SHOW), at('Port '));
    assert.equal(
      (patch?.contents as { value: string }).value,
      '**OVS patch port `int-br-ex`** on `br-int`\n\n- The Open vSwitch agent creates it for the mapping `physnet1:br-ex` in `compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini`; its peer is `phy-br-ex`.',
    );
    assert.deepEqual(service.getDefinition(uriOf(SHOW), at('Bridge br-e')), [
      { uri: uriOf(BRIDGE), range: { start: { line: 0, character: 7 }, end: { line: 0, character: 12 } } },
    ]);
    assert.deepEqual(service.getDefinition(uriOf(SHOW), at('Port eth')), [
      { uri: uriOf(PORT), range: { start: { line: 0, character: 7 }, end: { line: 0, character: 11 } } },
    ]);
  });
});

describe('captures are evidence of one moment', () => {
  it('say when the configuration changed after the capture was taken', () => {
    const times: Record<string, number> = { [uriOf(AGENT)]: Date.UTC(2026, 11, 6, 9), [uriOf(SHOW)]: Date.UTC(2026, 11, 1, 9) };
    const service = new NeutronConfigService({ modifiedTime: (uri) => times[uri] });
    service.setWorkspaceFolders([{ uri: ROOT }]);
    for (const [path, text] of Object.entries({
      [AGENT]: '[ovs]\nbridge_mappings = physnet1:br-ex\n',
      [BRIDGE]: 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nNM_CONTROLLED=no\n',
      [SHOW]: vsctl(BR_INT),
    })) service.setFile(uriOf(path), text);
    const finding = service.getDiagnostics(uriOf(AGENT)).find((d) => d.code === 'observed-bridge-missing')!;
    const message = String(finding.message);
    assert.ok(
      message.endsWith(' This file changed on 2026-12-06, after the capture was taken (2026-12-01): the host may not run it yet; capture again once it is applied.'),
      message,
    );
    // A capture taken after the change says nothing of the kind.
    times[uriOf(SHOW)] = Date.UTC(2026, 11, 6, 10);
    service.setFile(uriOf(SHOW), vsctl(BR_INT + '    Bridge br-other\n'));
    const again = service.getDiagnostics(uriOf(AGENT)).find((d) => d.code === 'observed-bridge-missing')!;
    assert.ok(!String(again.message).includes('changed on'), String(again.message));
  });
});
