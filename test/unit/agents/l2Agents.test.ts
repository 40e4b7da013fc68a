/**
 * Every agent that carries a physnet (issue #15): the Linux bridge and SR-IOV
 * agents and nova's PCI devices as physnet users, across rules, navigation,
 * rename and fixes; ML2/OVN leftovers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyWorkspaceEdit, cursor, rangeOf, uriOf, workspaceOf } from '../helpers';
import { parseIni } from '../../../server/src/core/syntax/iniParser';
import { novaConfFacts } from '../../../server/src/core/workspace/facts';

const ML2 = 'controller-0/etc/neutron/plugins/ml2/ml2_conf.ini';
const LB = 'compute-0/etc/neutron/plugins/ml2/linuxbridge_agent.ini';
const SRIOV = 'compute-1/etc/neutron/plugins/ml2/sriov_agent.ini';
const NOVA = 'compute-1/etc/nova/nova.conf';
const IFCFG = 'compute-0/etc/sysconfig/network-scripts/ifcfg-eth1';

const ML2_TEXT = '[ml2]\nmechanism_drivers = linuxbridge,sriovnicswitch\n\n[ml2_type_flat]\nflat_networks = provider\n\n[ml2_type_vlan]\nnetwork_vlan_ranges = sriov1:100:200\n';
const LB_TEXT = '[linux_bridge]\nphysical_interface_mappings = provider:eth1\n';
const SRIOV_TEXT = '[sriov_nic]\nphysical_device_mappings = sriov1:ens1f0,sriov1:ens1f1\n';
const NOVA_TEXT = '[pci]\ndevice_spec = {"devname": "ens1f0", "physical_network": "sriov1"}\ndevice_spec = {"devname": "ens1f1", "physical_network": "sriov1"}\n';
const IFCFG_TEXT = 'DEVICE=eth1\nONBOOT=yes\nBOOTPROTO=none\n';

function tree(overrides: Record<string, string> = {}): Record<string, string> {
  return { [ML2]: ML2_TEXT, [LB]: LB_TEXT, [SRIOV]: SRIOV_TEXT, [NOVA]: NOVA_TEXT, [IFCFG]: IFCFG_TEXT, ...overrides };
}

function messageOf(d: { message: string | { value: string } }): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function codes(files: Record<string, string>): string[] {
  const service = workspaceOf(files);
  return service.files().flatMap((uri) => service.getDiagnostics(uri).map((d) => `${uri.slice(uri.indexOf('compute') >= 0 ? uri.indexOf('compute') : uri.indexOf('controller'))} ${d.code}`));
}

describe('nova [pci] device_spec facts', () => {
  it('reads objects and lists, every line of the multi-valued option, with the range of each value', () => {
    const text = '[pci]\ndevice_spec = {"devname": "ens1f0", "physical_network": "sriov1"}\ndevice_spec = [{"address": "0000:5e:0a.*", "physical_network": "sriov2"}, {"vendor_id": "10de", "physical_network": null}]\n';
    const facts = novaConfFacts(parseIni(text));
    assert.equal(facts.pciUnknown, false);
    assert.deepEqual(
      facts.pciDeviceSpecs.map((s) => [s.physnetName, s.physnet?.text, s.physnet && s.physnet.range, s.devname?.text]),
      [
        ['sriov1', 'sriov1', rangeOf(text, 'sriov1'), 'ens1f0'],
        ['sriov2', 'sriov2', rangeOf(text, 'sriov2'), undefined],
        [undefined, undefined, undefined, undefined],
      ],
    );
  });

  it('falls back to the old names only when device_spec is unset', () => {
    const old = novaConfFacts(parseIni('[DEFAULT]\npci_passthrough_whitelist = {"devname": "p1", "physical_network": "a"}\n[pci]\npassthrough_whitelist = {"devname": "p2", "physical_network": "b"}\n'));
    assert.deepEqual(old.pciDeviceSpecs.map((s) => s.physnetName), ['b']);
    const both = novaConfFacts(parseIni('[pci]\npassthrough_whitelist = {"physical_network": "b"}\ndevice_spec = {"physical_network": "c"}\n'));
    assert.deepEqual(both.pciDeviceSpecs.map((s) => s.physnetName), ['c']);
  });

  it('a value that is not JSON, or templated, makes nova\'s physnets unknown', () => {
    assert.equal(novaConfFacts(parseIni('[pci]\ndevice_spec = {devname: ens1f0}\n')).pciUnknown, true);
    assert.equal(novaConfFacts(parseIni('[pci]\ndevice_spec = {{ nova_pci_device_spec }}\n')).pciUnknown, true);
    assert.deepEqual(novaConfFacts(parseIni('[pci]\ndevice_spec = {{ nova_pci_device_spec }}\n')).pciDeviceSpecs, []);
  });

  it('a pair written across continuation lines keeps its physnet, without a range', () => {
    const facts = novaConfFacts(parseIni('[pci]\ndevice_spec = {"devname": "ens1f0",\n  "physical_network":\n  "sriov1"}\n'));
    assert.deepEqual(facts.pciDeviceSpecs.map((s) => [s.physnetName, s.physnet, s.devname?.text]), [['sriov1', undefined, 'ens1f0']]);
  });
});

describe('physnet checks for the Linux bridge and SR-IOV agents and nova', () => {
  it('a consistent deployment is silent', () => {
    assert.deepEqual(codes(tree()), []);
  });

  it('a physnet typo in each file is physnet-undeclared, at the name, with the fix to the declared one', () => {
    const lb = LB_TEXT.replace('provider:eth1', 'providr:eth1');
    const files = tree({ [LB]: lb });
    const service = workspaceOf(files);
    const [d] = service.getDiagnostics(uriOf(LB));
    assert.equal(d.code, 'physnet-undeclared');
    assert.deepEqual(d.range, rangeOf(lb, 'providr'));
    assert.match(messageOf(d), /this mapping of the Linux bridge agent on compute-0 can never carry a network\. Did you mean "provider"\?$/);
    const fix = service.getCodeActions(uriOf(LB), d.range, [d])[0];
    assert.equal(fix?.title, 'Change to "provider"');
    assert.deepEqual(applyWorkspaceEdit(files, fix!.edit!), tree());

    const nova = NOVA_TEXT.replace('"devname": "ens1f1", "physical_network": "sriov1"', '"devname": "ens1f1", "physical_network": "sriovl"');
    const novaService = workspaceOf(tree({ [NOVA]: nova }));
    const found = novaService.getDiagnostics(uriOf(NOVA));
    assert.deepEqual(found.map((x) => [x.code, x.range]), [
      ['physnet-undeclared', rangeOf(nova, 'sriovl')],
      ['sriov-physnet-mismatch', rangeOf(nova, 'sriovl')],
    ]);
    assert.match(messageOf(found[0]), /no port can ever use the PCI devices nova-compute offers on it on compute-1\. Did you mean "sriov1"\?$/);
  });

  it('physnet-unmapped counts every L2 agent and names them', () => {
    const service = workspaceOf(tree({ [LB]: '[linux_bridge]\nphysical_interface_mappings = other:eth1\n', [ML2]: ML2_TEXT.replace('flat_networks = provider', 'flat_networks = provider,other') }));
    const [d] = service.getDiagnostics(uriOf(ML2));
    assert.equal(d.code, 'physnet-unmapped');
    assert.match(messageOf(d), /but no L2 agent of this deployment \(Linux bridge agent, SR-IOV agent\) maps it \(agent configs on compute-0 and compute-1\)/);
  });

  it('sriov-physnet-mismatch: nova and the SR-IOV agent disagree on a device, or nova names a physnet no agent of the host maps', () => {
    const nova = NOVA_TEXT.replace('"devname": "ens1f1", "physical_network": "sriov1"', '"devname": "ens1f1", "physical_network": "sriov2"');
    const ml2 = ML2_TEXT.replace('sriov1:100:200', 'sriov1:100:200,sriov2:200:300');
    const service = workspaceOf(tree({ [NOVA]: nova, [ML2]: ml2, [SRIOV]: SRIOV_TEXT + 'exclude_devices =\n' }));
    const [d] = service.getDiagnostics(uriOf(NOVA));
    assert.equal(d.code, 'sriov-physnet-mismatch');
    assert.deepEqual(d.range, rangeOf(nova, 'sriov2'));
    assert.deepEqual(d.data, { physnet: 'sriov2', devname: 'ens1f1', agentPhysnets: ['sriov1'], suggestions: ['sriov1'] });
    assert.deepEqual(d.relatedInformation?.map((r) => r.location.range), [rangeOf(SRIOV_TEXT, 'sriov1:ens1f1')]);

    const byAddress = '[pci]\ndevice_spec = {"address": "0000:5e:0a.*", "physical_network": "sriov2"}\n';
    const other = workspaceOf(tree({ [NOVA]: byAddress, [ML2]: ml2 })).getDiagnostics(uriOf(NOVA));
    assert.deepEqual(other.map((x) => [x.code, x.range]), [['sriov-physnet-mismatch', rangeOf(byAddress, 'sriov2')]]);
    assert.match(messageOf(other[0]), /no L2 agent of this host maps it \(its agents map "sriov1"\)/);
  });

  it('nova on a host without an SR-IOV agent (OVS hardware offload) is not judged by the agent', () => {
    const files = tree({ [NOVA.replace('compute-1', 'compute-2')]: NOVA_TEXT });
    assert.deepEqual(codes(files), []);
  });

  it('repeated device_spec lines are no duplicate-option', () => {
    assert.deepEqual(workspaceOf(tree()).getDiagnostics(uriOf(NOVA)), []);
  });
});

describe('navigation and rename across the new agents', () => {
  it('renaming a physnet from ML2 edits the Linux bridge and SR-IOV agents and nova.conf', () => {
    const { text, position } = cursor(ML2_TEXT.replace('sriov1:100', 'sri|ov1:100'));
    const files = tree({ [ML2]: text });
    const after = applyWorkspaceEdit(files, workspaceOf(files).rename(uriOf(ML2), position, 'sriov-a'));
    assert.equal(after[ML2], ML2_TEXT.replace('sriov1', 'sriov-a'));
    assert.equal(after[SRIOV], SRIOV_TEXT.replaceAll('sriov1', 'sriov-a'));
    assert.equal(after[NOVA], NOVA_TEXT.replaceAll('sriov1', 'sriov-a'));
    assert.deepEqual(codes(after), []);
  });

  it('renaming from inside nova\'s JSON works the same way', () => {
    const { text, position } = cursor(NOVA_TEXT.replace('"physical_network": "sriov1"}\ndevice_spec', '"physical_network": "sri|ov1"}\ndevice_spec'));
    const files = tree({ [NOVA]: text });
    const after = applyWorkspaceEdit(files, workspaceOf(files).rename(uriOf(NOVA), position, 'sriov-a'));
    assert.equal(after[ML2], ML2_TEXT.replace('sriov1', 'sriov-a'));
    assert.equal(after[NOVA], NOVA_TEXT.replaceAll('sriov1', 'sriov-a'));
  });

  it('a rename refuses when a nova physnet of that name cannot be placed exactly', () => {
    const { text, position } = cursor(ML2_TEXT.replace('sriov1:100', 'sri|ov1:100'));
    const files = tree({ [ML2]: text, [NOVA]: '[pci]\ndevice_spec = {"devname": "ens1f0",\n  "physical_network":\n  "sriov1"}\n' });
    assert.throws(() => workspaceOf(files).rename(uriOf(ML2), position, 'sriov-a'), /physical_network of a \[pci\] device_spec in compute-1\/etc\/nova\/nova\.conf whose value could not be placed exactly/);
  });

  it('the interface of physical_interface_mappings leads to the ifcfg file that declares it', () => {
    const { text, position } = cursor(LB_TEXT.replace('provider:eth1', 'provider:et|h1'));
    const service = workspaceOf(tree({ [LB]: text }));
    assert.deepEqual(service.getDefinition(uriOf(LB), position), [{ uri: uriOf(IFCFG), range: rangeOf(IFCFG_TEXT, 'eth1') }]);
    const refs = service.getReferences(uriOf(IFCFG), { line: 0, character: 8 }, true).map((l) => [l.uri, l.range]);
    assert.deepEqual(refs, [
      [uriOf(LB), rangeOf(LB_TEXT, 'eth1')],
      [uriOf(IFCFG), rangeOf(IFCFG_TEXT, 'eth1')],
    ]);
  });
});

describe('ovn-leftover-agent', () => {
  const OVN_ML2 = '[ml2]\nmechanism_drivers = ovn\n\n[ml2_type_flat]\nflat_networks = datacentre\n';
  const OVS = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';

  it('an agent file that sets something is reported at its first setting; one that sets nothing, or a migration that keeps openvswitch, is not', () => {
    const agent = '# the package default\n[ovs]\nbridge_mappings = datacentre:br-ex\n';
    const d = workspaceOf({ [ML2]: OVN_ML2, [OVS]: agent }).getDiagnostics(uriOf(OVS));
    assert.deepEqual(d.map((x) => [x.code, x.range]), [['ovn-leftover-agent', rangeOf(agent, 'bridge_mappings')]]);
    assert.deepEqual(workspaceOf({ [ML2]: OVN_ML2, [OVS]: '[ovs]\n#bridge_mappings =\n' }).getDiagnostics(uriOf(OVS)), []);
    assert.deepEqual(workspaceOf({ [ML2]: OVN_ML2.replace('= ovn', '= ovn,openvswitch'), [OVS]: agent }).getDiagnostics(uriOf(OVS)), []);
    assert.deepEqual(workspaceOf({ [ML2]: OVN_ML2.replace('= ovn', '= {{ neutron_mechanism_drivers }}'), [OVS]: agent }).getDiagnostics(uriOf(OVS)), []);
  });
});

describe('hover on the new agents\' names', () => {
  const hoverText = (service: ReturnType<typeof workspaceOf>, path: string, text: string, needle: string) => {
    const h = service.getHover(uriOf(path), rangeOf(text, needle).start);
    return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
  };

  it('a physnet says where it is declared and which agents map it to what', () => {
    const service = workspaceOf(tree());
    assert.equal(
      hoverText(service, LB, LB_TEXT, 'provider'),
      [
        '**Physical network `provider`**',
        '',
        '- Declared: flat in `controller-0/etc/neutron/plugins/ml2/ml2_conf.ini` (controller-0)',
        '- Mapped on 1 host: compute-0',
        '- Mapped to: interface `eth1` (compute-0)',
      ].join('\n'),
    );
    assert.equal(
      hoverText(service, NOVA, NOVA_TEXT, 'sriov1'),
      [
        '**Physical network `sriov1`**',
        '',
        '- This entry: nova-compute offers the VFs of `ens1f0` to ports on this physnet',
        '- Declared: VLAN `sriov1:100:200` in `controller-0/etc/neutron/plugins/ml2/ml2_conf.ini` (controller-0)',
        '- Mapped on 1 host: compute-1',
        '- Mapped to: SR-IOV PF `ens1f0` (compute-1), SR-IOV PF `ens1f1` (compute-1)',
      ].join('\n'),
    );
  });

  it('a mapped interface says what configures it', () => {
    const service = workspaceOf(tree());
    assert.equal(hoverText(service, LB, LB_TEXT, 'eth1'), '**Interface `eth1`** on compute-0\n\n- Interface in `compute-0/etc/sysconfig/network-scripts/ifcfg-eth1` (no TYPE)');
    assert.equal(
      hoverText(service, SRIOV, SRIOV_TEXT, 'ens1f0'),
      '**`ens1f0`** on compute-1\n\n- No network configuration file of compute-1 in the workspace describes it (a NIC exists without one).',
    );
  });
});

describe('quick fixes of the new codes', () => {
  it('sriov-physnet-mismatch: nova\'s physnet becomes the one the agent maps the device to', () => {
    const nova = NOVA_TEXT.replace('"devname": "ens1f1", "physical_network": "sriov1"', '"devname": "ens1f1", "physical_network": "sriov2"');
    const ml2 = ML2_TEXT.replace('sriov1:100:200', 'sriov1:100:200,sriov2:200:300');
    const files = tree({ [NOVA]: nova, [ML2]: ml2 });
    const service = workspaceOf(files);
    const [d] = service.getDiagnostics(uriOf(NOVA));
    const actions = service.getCodeActions(uriOf(NOVA), d.range, [d]);
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [
      ['Replace "sriov2" with "sriov1"', true],
      ['Ignore sriov-physnet-mismatch on this line', undefined],
      ['Ignore sriov-physnet-mismatch in this file', undefined],
    ]);
    assert.deepEqual(applyWorkspaceEdit(files, actions[0].edit!), tree({ [ML2]: ml2 }));
  });

  it('observed-interface-missing: the interface becomes the one the capture lists under a close name', () => {
    const capture = 'compute-0/ip-link.txt';
    const ip = '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n2: eth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP mode DEFAULT group default qlen 1000\n';
    const lb = LB_TEXT.replace('provider:eth1', 'provider:eht1');
    const files = tree({ [LB]: lb, [capture]: ip });
    const service = workspaceOf(files);
    const [d] = service.getDiagnostics(uriOf(LB));
    assert.equal(d.code, 'observed-interface-missing');
    assert.deepEqual(d.range, rangeOf(lb, 'eht1'));
    const actions = service.getCodeActions(uriOf(LB), d.range, [d]);
    assert.deepEqual(actions.map((a) => a.title), ['Replace "eht1" with "eth1"', 'Ignore observed-interface-missing on this line', 'Ignore observed-interface-missing in this file']);
    assert.deepEqual(applyWorkspaceEdit(files, actions[0].edit!), tree({ [capture]: ip }));
    assert.deepEqual(workspaceOf(tree({ [capture]: ip })).getDiagnostics(uriOf(LB)), []);
  });
});

describe('completion in the new agents\' mappings', () => {
  const labels = (service: ReturnType<typeof workspaceOf>, path: string, position: { line: number; character: number }) =>
    service.getCompletions(uriOf(path), position).items.map((i) => [i.label, i.detail]);

  it('offers declared physnets, and for the SR-IOV agent also those already in the value', () => {
    const lb = cursor('[linux_bridge]\nphysical_interface_mappings = provider:eth1,|\n');
    assert.deepEqual(labels(workspaceOf(tree({ [LB]: lb.text })), LB, lb.position), [['sriov1', 'physnet · VLAN']]);
    const sriov = cursor('[sriov_nic]\nphysical_device_mappings = sriov1:ens1f0,|\n');
    assert.deepEqual(labels(workspaceOf(tree({ [SRIOV]: sriov.text })), SRIOV, sriov.position), [
      ['provider', 'physnet · flat'],
      ['sriov1', 'physnet · VLAN'],
    ]);
  });

  it('offers the host\'s interfaces after physnet:, from its configuration and its ip capture, not its OVS bridges', () => {
    const lb = cursor('[linux_bridge]\nphysical_interface_mappings = provider:|\n');
    const ip = '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN\n3: eth2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP\n';
    const files = tree({
      [LB]: lb.text,
      'compute-0/ip-link.txt': ip,
      'compute-0/etc/sysconfig/network-scripts/ifcfg-br-ex': 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\n',
    });
    assert.deepEqual(labels(workspaceOf(files), LB, lb.position), [
      ['eth1', 'interface · ifcfg-eth1'],
      ['eth2', 'in ip-link.txt'],
    ]);
  });
});

describe('ML2/OVN mappings in OVSDB', () => {
  it('a physnet typo in a captured ovn-bridge-mappings is physnet-undeclared there, with no edit of the capture offered', () => {
    const ml2 = '[ml2]\nmechanism_drivers = ovn\n\n[ml2_type_flat]\nflat_networks = datacentre\n';
    const capture = 'compute-0/ovs-vsctl-list-open_vswitch.txt';
    const text = '_uuid               : 6a2b7b52-3c1f-4f0e-9d0a-8d9b7c1e2f30\nexternal_ids        : {hostname=compute-0, ovn-bridge-mappings="datacenter:br-ex", system-id="8f0e5b1c"}\n';
    const files = { [ML2]: ml2, [capture]: text };
    const service = workspaceOf(files);
    const [d] = service.getDiagnostics(uriOf(capture));
    assert.deepEqual([d.code, d.range], ['physnet-undeclared', rangeOf(text, 'datacenter')]);
    const titles = service.getCodeActions(uriOf(capture), d.range, [d]).map((a) => a.title);
    assert.deepEqual(titles.filter((t) => !t.startsWith('Ignore')), ['Add "datacenter" to flat_networks in controller-0\'s ML2 config']);
  });
});
