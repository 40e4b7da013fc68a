import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { NeutronConfigService } from '../../../server/src/core/service';
import { allFindings, applyWorkspaceEdit, codesAt, formatRange, rangeOf, uriOf, workspaceOf } from '../helpers';

// ---- fixtures ----------------------------------------------------------------

const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const L3 = 'network/etc/neutron/l3_agent.ini';
const agentPath = (host: string) => `${host}/etc/neutron/plugins/ml2/openvswitch_agent.ini`;
const ifcfgPath = (host: string, name: string) => `${host}/etc/sysconfig/network-scripts/${name}`;
const AGENT = agentPath('compute-0');
const BR_EX = ifcfgPath('compute-0', 'ifcfg-br-ex');
const ETH1 = ifcfgPath('compute-0', 'ifcfg-eth1');

// The seed procedure, verbatim: controller, then the same files on network and compute nodes.
// The seed adds flat to an existing VXLAN set-up, so its ML2 file also carries the existing tenant_network_types.
const SEED_ML2 = '[ml2]\ntype_drivers = vxlan,flat\ntenant_network_types = vxlan\n\n[ml2_type_flat]\nflat_networks =*\n';
const SEED_ETH1 = 'DEVICE=eth1\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-ex\nONBOOT=yes\nNM_CONTROLLED=no\nBOOTPROTO=none\n';
const SEED_BR_EX = 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nONBOOT=yes\nNM_CONTROLLED=no\nBOOTPROTO=none\n';
const SEED_AGENT = '[ovs]\nbridge_mappings = physnet1:br-ex\n';
const SEED_L3 =
  '[DEFAULT]\n# Name of bridge used for external network traffic. This should be set to\n# empty value for the linux bridge\nexternal_network_bridge =\n';

function seed(): Record<string, string> {
  const files: Record<string, string> = { [ML2]: SEED_ML2, [L3]: SEED_L3 };
  for (const host of ['network', 'compute-0']) {
    files[agentPath(host)] = SEED_AGENT;
    files[ifcfgPath(host, 'ifcfg-eth1')] = SEED_ETH1;
    files[ifcfgPath(host, 'ifcfg-br-ex')] = SEED_BR_EX;
  }
  return files;
}

/** The controller plus compute-0 as in the seed, with files replaced (or removed with undefined). */
function compute(overrides: Record<string, string | undefined>): Record<string, string> {
  const files: Record<string, string> = { [ML2]: SEED_ML2, [AGENT]: SEED_AGENT, [ETH1]: SEED_ETH1, [BR_EX]: SEED_BR_EX };
  for (const [path, text] of Object.entries(overrides)) {
    if (text === undefined) delete files[path];
    else files[path] = text;
  }
  return files;
}

const ovsBridge = (device: string, type = 'OVSBridge') =>
  `DEVICE=${device}\nTYPE=${type}\nDEVICETYPE=ovs\nONBOOT=yes\nNM_CONTROLLED=no\nBOOTPROTO=none\n`;
const ovsPort = (device: string, bridge: string, type = 'OVSPort') =>
  `DEVICE=${device}\nTYPE=${type}\nDEVICETYPE=ovs\nOVS_BRIDGE=${bridge}\nONBOOT=yes\nNM_CONTROLLED=no\nBOOTPROTO=none\n`;

/** `code@range` of the `occurrence`-th `needle` in `text`, as codesAt prints it. */
function at(code: string, text: string, needle: string, occurrence = 0): string {
  return `${code}@${formatRange(rangeOf(text, needle, occurrence))}`;
}

function diagnosticsOf(service: NeutronConfigService, path: string, code: string): Diagnostic[] {
  return service.getDiagnostics(uriOf(path)).filter((d) => d.code === code);
}

/** A diagnostic's message as text (the protocol also allows markup). */
function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** The one diagnostic of `code` in a file. */
function only(service: NeutronConfigService, path: string, code: string): Diagnostic {
  const found = diagnosticsOf(service, path, code);
  assert.equal(found.length, 1, `expected one ${code} in ${path}, got ${found.length}`);
  return found[0];
}

/** Quick fixes (suppressions left out) offered for a diagnostic. */
function fixesFor(service: NeutronConfigService, path: string, diagnostic: Diagnostic): CodeAction[] {
  return service.getCodeActions(uriOf(path), diagnostic.range, [diagnostic]).filter((a) => !a.title.startsWith('Ignore '));
}

function summary(actions: CodeAction[]): string[] {
  return actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`);
}

function apply(files: Record<string, string>, action: CodeAction): Record<string, string> {
  assert.ok(action.edit, `${action.title} carries no edit`);
  return applyWorkspaceEdit(files, action.edit);
}

// ---- clean fixtures ----------------------------------------------------------

describe('bridge rules: clean workspaces stay silent', () => {
  test("the seed's controller, network and compute nodes", () => {
    assert.deepEqual(allFindings(workspaceOf(seed())), []);
  });

  test('a host with no ifcfg files in the workspace', () => {
    const service = workspaceOf(compute({ [ETH1]: undefined, [BR_EX]: undefined, [AGENT]: '[ovs]\nbridge_mappings = physnet1:br-anything\n' }));
    assert.deepEqual(codesAt(service, AGENT), []);
  });

  test('a templated OVS_BRIDGE makes the host uncertain: no bridge or port judgement', () => {
    const eth1 = ovsPort('eth1', '{{ bridge }}');
    const files = compute({ [ETH1]: eth1, [AGENT]: '[ovs]\nbridge_mappings = physnet1:br-ex,physnet2:br-missing\n' });
    const service = workspaceOf(files);
    assert.deepEqual(codesAt(service, AGENT), []);
    assert.deepEqual(codesAt(service, ETH1), []);
  });

  test('OVSBond and OVSIntPort attached to the bridge count as ports', () => {
    for (const type of ['OVSBond', 'OVSIntPort']) {
      const service = workspaceOf(compute({ [ETH1]: undefined, [ifcfgPath('compute-0', 'ifcfg-bond0')]: ovsPort('bond0', 'br-ex', type) }));
      assert.deepEqual(codesAt(service, AGENT), [], type);
    }
  });

  test('quoted OVS_BRIDGE values name the bridge', () => {
    for (const quoted of ['"br-ex"', "'br-ex'"]) {
      const service = workspaceOf(compute({ [ETH1]: SEED_ETH1.replace('OVS_BRIDGE=br-ex', `OVS_BRIDGE=${quoted}`) }));
      assert.deepEqual(codesAt(service, ETH1), [], quoted);
      assert.deepEqual(codesAt(service, AGENT), [], quoted);
    }
  });

  test('a custom integration_bridge frees the name br-int for a provider bridge', () => {
    const files = compute({
      [AGENT]: '[ovs]\nintegration_bridge = br-int0\nbridge_mappings = physnet1:br-int\n',
      [BR_EX]: undefined,
      [ifcfgPath('compute-0', 'ifcfg-br-int')]: ovsBridge('br-int'),
      [ETH1]: ovsPort('eth1', 'br-int'),
    });
    assert.deepEqual(allFindings(workspaceOf(files)), []);
  });

  test('DEVICE wins over the file suffix, and OVSUserBridge is a bridge', () => {
    const files = compute({
      [BR_EX]: undefined,
      [ifcfgPath('compute-0', 'ifcfg-ovsbr0')]: ovsBridge('br-ex'),
      [ifcfgPath('compute-0', 'ifcfg-br-dpdk')]: ovsBridge('br-dpdk', 'OVSUserBridge'),
      [ifcfgPath('compute-0', 'ifcfg-dpdk0')]: ovsPort('dpdk0', 'br-dpdk', 'OVSDPDKPort'),
      [AGENT]: '[ovs]\nbridge_mappings = physnet1:br-ex,physnet2:br-dpdk\n',
    });
    // The bridge rules are silent; only the ifcfg check notes that the file name and DEVICE differ.
    const ovsbr0 = ifcfgPath('compute-0', 'ifcfg-ovsbr0');
    assert.deepEqual(allFindings(workspaceOf(files)), [`${ovsbr0} ${at('ifcfg-device-mismatch', ovsBridge('br-ex'), 'br-ex')}`]);
  });

  test('a templated bridge_mappings value is not judged', () => {
    const files = compute({ [ETH1]: undefined, [AGENT]: '[ovs]\nbridge_mappings = physnet1:{{ ext_bridge }},physnet1:br-int\n' });
    assert.deepEqual(codesAt(workspaceOf(files), AGENT), []);
  });

  test('template-suffixed ifcfg files with literal content define bridges and ports', () => {
    const files = compute({
      [ETH1]: undefined,
      [BR_EX]: undefined,
      [ifcfgPath('compute-0', 'ifcfg-eth1.j2')]: SEED_ETH1,
      [ifcfgPath('compute-0', 'ifcfg-br-ex.j2')]: SEED_BR_EX,
    });
    assert.deepEqual(allFindings(workspaceOf(files)), []);
  });

  test('bridge names of 11 characters', () => {
    const files = compute({
      [AGENT]: '[ovs]\nbridge_mappings = physnet1:br-provider\n',
      [BR_EX]: undefined,
      [ifcfgPath('compute-0', 'ifcfg-br-provider')]: ovsBridge('br-provider'),
      [ETH1]: ovsPort('eth1', 'br-provider'),
    });
    assert.deepEqual(codesAt(workspaceOf(files), AGENT), []);
  });
});

// ---- bridge-undefined ----------------------------------------------------------

describe('bridge-undefined', () => {
  test('a mapped bridge with no ifcfg file on the host', () => {
    const agent = '[ovs]\nbridge_mappings = physnet1:br-exx\n';
    const service = workspaceOf(compute({ [AGENT]: agent }));
    assert.deepEqual(codesAt(service, AGENT), [at('bridge-undefined', agent, 'br-exx')]);
    const d = only(service, AGENT, 'bridge-undefined');
    assert.deepEqual(d.data, { bridge: 'br-exx', suggestions: ['br-ex'] });
    assert.match(messageOf(d), /host "compute-0"/);
    assert.match(messageOf(d), /physical network "physnet1"/);
    assert.match(messageOf(d), /exits/);
    assert.match(messageOf(d), /Did you mean "br-ex"\?/);
  });

  test('only on the host that lacks the bridge', () => {
    const files = seed();
    files[ifcfgPath('network', 'ifcfg-br-ex')] = ovsBridge('br-ex0');
    files[ifcfgPath('network', 'ifcfg-eth1')] = ovsPort('eth1', 'br-ex0');
    const service = workspaceOf(files);
    assert.deepEqual(codesAt(service, agentPath('network')), [at('bridge-undefined', SEED_AGENT, 'br-ex')]);
    assert.deepEqual(codesAt(service, agentPath('compute-0')), []);
  });

  test('an ifcfg-*.bak file is not read at boot, so it defines no bridge', () => {
    const bak = ifcfgPath('compute-0', 'ifcfg-br-ex.bak');
    const service = workspaceOf(compute({ [BR_EX]: undefined, [bak]: SEED_BR_EX }));
    assert.equal(service.isRecognised(uriOf(bak)), false);
    assert.deepEqual(service.files().includes(uriOf(bak)), false);
    assert.deepEqual(codesAt(service, AGENT), [at('bridge-undefined', SEED_AGENT, 'br-ex')]);
    assert.deepEqual(codesAt(service, ETH1), [at('port-bridge-undefined', SEED_ETH1, 'br-ex')]);
  });

  test('an ifcfg file describing the device as a Linux bridge', () => {
    const linux = 'DEVICE=br-ex\nTYPE=Bridge\nONBOOT=yes\nBOOTPROTO=none\n';
    const service = workspaceOf(compute({ [BR_EX]: linux, [ETH1]: undefined }));
    assert.deepEqual(codesAt(service, AGENT), [at('bridge-undefined', SEED_AGENT, 'br-ex')]);
    const d = only(service, AGENT, 'bridge-undefined');
    assert.match(messageOf(d), /ifcfg-br-ex on host "compute-0" describes "br-ex" with TYPE=Bridge/);
    assert.deepEqual(d.relatedInformation, [
      { location: { uri: uriOf(BR_EX), range: rangeOf(linux, 'TYPE=Bridge') }, message: '"br-ex" is described here, but not as an OVS bridge' },
    ]);
    // A file for the device exists already and no other bridge is near: nothing to offer.
    assert.deepEqual(fixesFor(service, AGENT, d), []);
  });

  test('the integration and tunnel bridges are bridge-reserved, not bridge-undefined', () => {
    const agent = '[ovs]\nbridge_mappings = physnet1:br-ex,physnet2:br-int\n';
    assert.deepEqual(codesAt(workspaceOf(compute({ [AGENT]: agent })), AGENT), [at('bridge-reserved', agent, 'br-int')]);
  });

  test('follows edits of the ifcfg files on the host', () => {
    const service = workspaceOf(compute({}));
    assert.deepEqual(codesAt(service, AGENT), []);
    const affected = service.setFile(uriOf(BR_EX), SEED_BR_EX.replace('TYPE=OVSBridge\n', ''));
    assert.ok(affected.includes(uriOf(AGENT)), 'the agent file is re-checked');
    assert.deepEqual(codesAt(service, AGENT), [at('bridge-undefined', SEED_AGENT, 'br-ex')]);
    assert.match(messageOf(only(service, AGENT, 'bridge-undefined')), /describes "br-ex" with no TYPE/);
    service.setFile(uriOf(BR_EX), SEED_BR_EX);
    assert.deepEqual(codesAt(service, AGENT), []);
  });

  test('fix: replace with the one nearby bridge (preferred), or create the bridge file', () => {
    const agent = '[ovs]\nbridge_mappings = physnet1:br-exx\n';
    const files = compute({ [AGENT]: agent });
    const service = workspaceOf(files);
    const d = only(service, AGENT, 'bridge-undefined');
    const actions = fixesFor(service, AGENT, d);
    assert.deepEqual(summary(actions), [
      'Replace "br-exx" with "br-ex" (preferred)',
      'Create ifcfg-br-exx for OVS bridge "br-exx" on host "compute-0"',
    ]);
    assert.deepEqual(actions.map((a) => a.kind), ['quickfix', 'quickfix']);

    const replaced = apply(files, actions[0]);
    assert.deepEqual(replaced, { ...files, [AGENT]: '[ovs]\nbridge_mappings = physnet1:br-ex\n' });
    assert.deepEqual(allFindings(workspaceOf(replaced)), []);

    const created = ifcfgPath('compute-0', 'ifcfg-br-exx');
    const content = 'DEVICE=br-exx\nTYPE=OVSBridge\nDEVICETYPE=ovs\nONBOOT=yes\nNM_CONTROLLED=no\nBOOTPROTO=none\n';
    assert.deepEqual(actions[1].edit, {
      documentChanges: [
        { kind: 'create', uri: uriOf(created), options: { overwrite: false, ignoreIfExists: false } },
        {
          textDocument: { uri: uriOf(created), version: null },
          edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content }],
        },
      ],
    });
    const after = apply(files, actions[1]);
    assert.deepEqual(after, { ...files, [created]: content });
    // The bridge now exists; what remains is to give it a port.
    assert.deepEqual(codesAt(workspaceOf(after), AGENT), [at('bridge-without-port', agent, 'br-exx')]);
  });

  test('fix: the created file goes beside the neighbours with a plain name beside templates, LF even where they use CR LF', () => {
    const agent = '[ovs]\nbridge_mappings = physnet2:br-vlan\n';
    const eth1 = ifcfgPath('compute-0', 'ifcfg-eth1.j2');
    const files = compute({ [AGENT]: agent, [ETH1]: undefined, [BR_EX]: undefined, [eth1]: 'DEVICE=eth1\r\nTYPE=Ethernet\r\nONBOOT=yes\r\n' });
    const service = workspaceOf(files);
    const d = only(service, AGENT, 'bridge-undefined');
    assert.deepEqual(d.data, { bridge: 'br-vlan', suggestions: [] });
    const actions = fixesFor(service, AGENT, d);
    assert.deepEqual(summary(actions), ['Create ifcfg-br-vlan for OVS bridge "br-vlan" on host "compute-0"']);
    assert.deepEqual(apply(files, actions[0]), {
      ...files,
      [ifcfgPath('compute-0', 'ifcfg-br-vlan')]: 'DEVICE=br-vlan\nTYPE=OVSBridge\nDEVICETYPE=ovs\nONBOOT=yes\nNM_CONTROLLED=no\nBOOTPROTO=none\n',
    });
  });

  test('fix: several nearby bridges are offered, none preferred; bridges mapped by other entries are not', () => {
    const agent = '[ovs]\nbridge_mappings = physnet1:br-ex1,physnet2:br-ex\n';
    const files = compute({
      [AGENT]: agent,
      [ifcfgPath('compute-0', 'ifcfg-br-ex2')]: ovsBridge('br-ex2'),
      [ifcfgPath('compute-0', 'ifcfg-br-ex3')]: ovsBridge('br-ex3'),
    });
    const service = workspaceOf(files);
    assert.deepEqual(codesAt(service, AGENT), [at('bridge-undefined', agent, 'br-ex1')]);
    const d = only(service, AGENT, 'bridge-undefined');
    assert.deepEqual(d.data, { bridge: 'br-ex1', suggestions: ['br-ex2', 'br-ex3'] });
    const actions = fixesFor(service, AGENT, d);
    assert.deepEqual(summary(actions), [
      'Replace "br-ex1" with "br-ex2"',
      'Replace "br-ex1" with "br-ex3"',
      'Create ifcfg-br-ex1 for OVS bridge "br-ex1" on host "compute-0"',
    ]);
    assert.deepEqual(apply(files, actions[1])[AGENT], '[ovs]\nbridge_mappings = physnet1:br-ex3,physnet2:br-ex\n');
  });

  test('fix: no file is created for a name the network service would skip or Linux cannot hold', () => {
    const agent = '[ovs]\nbridge_mappings = physnet1:br-ex.bak,physnet2:br-much-too-long-name\n';
    const service = workspaceOf(compute({ [AGENT]: agent }));
    const found = diagnosticsOf(service, AGENT, 'bridge-undefined');
    assert.deepEqual(found.map((d) => formatRange(d.range)), [
      formatRange(rangeOf(agent, 'br-ex.bak')),
      formatRange(rangeOf(agent, 'br-much-too-long-name')),
    ]);
    assert.deepEqual(summary(fixesFor(service, AGENT, found[0])), []);
    assert.deepEqual(summary(fixesFor(service, AGENT, found[1])), []);
  });
});

// ---- port-bridge-undefined ----------------------------------------------------

describe('port-bridge-undefined', () => {
  test('OVS_BRIDGE naming no bridge file of the host', () => {
    const eth1 = ovsPort('eth1', 'br-exx');
    const service = workspaceOf(compute({ [ETH1]: eth1 }));
    assert.deepEqual(codesAt(service, ETH1), [at('port-bridge-undefined', eth1, 'br-exx')]);
    const d = only(service, ETH1, 'port-bridge-undefined');
    assert.deepEqual(d.data, { bridge: 'br-exx', suggestions: ['br-ex'] });
    assert.match(messageOf(d), /host "compute-0"/);
    assert.match(messageOf(d), /"eth1"/);
    // br-ex lost its only port.
    assert.deepEqual(codesAt(service, AGENT), [at('bridge-without-port', SEED_AGENT, 'br-ex')]);
  });

  test('the range is the value inside the quotes; the fix keeps them', () => {
    const eth1 = SEED_ETH1.replace('OVS_BRIDGE=br-ex', 'OVS_BRIDGE="br-exx"');
    const files = compute({ [ETH1]: eth1 });
    const service = workspaceOf(files);
    assert.deepEqual(codesAt(service, ETH1), [at('port-bridge-undefined', eth1, 'br-exx')]);
    const actions = fixesFor(service, ETH1, only(service, ETH1, 'port-bridge-undefined'));
    assert.deepEqual(summary(actions), ['Replace "br-exx" with "br-ex" (preferred)']);
    const after = apply(files, actions[0]);
    assert.deepEqual(after, { ...files, [ETH1]: SEED_ETH1.replace('OVS_BRIDGE=br-ex', 'OVS_BRIDGE="br-ex"') });
    assert.deepEqual(allFindings(workspaceOf(after)), []);
  });

  test('no bridge near the name: reported without a fix', () => {
    const eth1 = ovsPort('eth1', 'br-provider');
    const service = workspaceOf(compute({ [ETH1]: eth1, [BR_EX]: undefined, [AGENT]: undefined }));
    assert.deepEqual(codesAt(service, ETH1), [at('port-bridge-undefined', eth1, 'br-provider')]);
    assert.deepEqual(fixesFor(service, ETH1, only(service, ETH1, 'port-bridge-undefined')), []);
  });

  test('a bridge file that is not of an OVS bridge type does not count', () => {
    const service = workspaceOf(compute({ [BR_EX]: 'DEVICE=br-ex\nTYPE=OVSbridge\nDEVICETYPE=ovs\n', [AGENT]: undefined }));
    assert.deepEqual(codesAt(service, ETH1), [at('port-bridge-undefined', SEED_ETH1, 'br-ex')]);
  });

  test('expanding values and uncertain hosts are not judged', () => {
    const expanding = SEED_ETH1.replace('OVS_BRIDGE=br-ex', 'OVS_BRIDGE=$BRIDGE');
    assert.deepEqual(codesAt(workspaceOf(compute({ [ETH1]: expanding })), ETH1), []);
    const eth2 = ifcfgPath('compute-0', 'ifcfg-eth2');
    const service = workspaceOf(compute({ [ETH1]: ovsPort('eth1', 'br-nowhere'), [eth2]: ovsPort('eth2', '{{ bridge }}') }));
    assert.deepEqual(codesAt(service, ETH1), []);
  });
});

// ---- bridge-shared-by-physnets and physnet-mapped-twice --------------------------

describe('bridge-shared-by-physnets', () => {
  test('the bridge of the second and later entries reusing a bridge', () => {
    const agent = '[ovs]\nbridge_mappings = physnet1:br-ex, physnet2:br-ex, physnet3:br-ex\n';
    const service = workspaceOf(compute({ [AGENT]: agent }));
    assert.deepEqual(codesAt(service, AGENT), [
      at('bridge-shared-by-physnets', agent, 'br-ex', 1),
      at('bridge-shared-by-physnets', agent, 'br-ex', 2),
    ]);
    const d = diagnosticsOf(service, AGENT, 'bridge-shared-by-physnets')[0];
    assert.match(messageOf(d), /already mapped to physical network "physnet1"/);
    assert.match(messageOf(d), /exits/);
    assert.deepEqual(d.relatedInformation?.map((r) => r.location.range), [rangeOf(agent, 'br-ex')]);
  });

  test('fix: remove the entry and its comma, keeping the rest as written', () => {
    const agent = '[ovs]\nbridge_mappings = physnet1:br-ex, physnet2:br-ex, physnet3:br-ex\n';
    const files = compute({ [AGENT]: agent });
    const service = workspaceOf(files);
    const [middle, last] = diagnosticsOf(service, AGENT, 'bridge-shared-by-physnets');
    const middleFix = fixesFor(service, AGENT, middle);
    assert.deepEqual(summary(middleFix), ['Remove the mapping "physnet2:br-ex"']);
    assert.deepEqual(apply(files, middleFix[0]), { ...files, [AGENT]: '[ovs]\nbridge_mappings = physnet1:br-ex, physnet3:br-ex\n' });
    const lastFix = fixesFor(service, AGENT, last);
    assert.deepEqual(apply(files, lastFix[0])[AGENT], '[ovs]\nbridge_mappings = physnet1:br-ex, physnet2:br-ex\n');
  });

  test('fix: an entry on a continuation line', () => {
    const agent = '[ovs]\nbridge_mappings = physnet1:br-ex,\n    physnet2:br-ex,\n    physnet3:br-vlan\n';
    const files = compute({
      [AGENT]: agent,
      [ifcfgPath('compute-0', 'ifcfg-br-vlan')]: ovsBridge('br-vlan'),
      [ifcfgPath('compute-0', 'ifcfg-eth2')]: ovsPort('eth2', 'br-vlan'),
    });
    const service = workspaceOf(files);
    assert.deepEqual(codesAt(service, AGENT), [at('bridge-shared-by-physnets', agent, 'br-ex', 1)]);
    const actions = fixesFor(service, AGENT, only(service, AGENT, 'bridge-shared-by-physnets'));
    const after = apply(files, actions[0]);
    assert.deepEqual(after[AGENT], '[ovs]\nbridge_mappings = physnet1:br-ex,\n    physnet3:br-vlan\n');
    assert.deepEqual(codesAt(workspaceOf(after), AGENT), []);
  });

  test('an entry repeated as a whole is physnet-mapped-twice only', () => {
    const agent = '[ovs]\nbridge_mappings = physnet1:br-ex,physnet1:br-ex\n';
    assert.deepEqual(codesAt(workspaceOf(compute({ [AGENT]: agent })), AGENT), [at('physnet-mapped-twice', agent, 'physnet1', 1)]);
  });
});

describe('physnet-mapped-twice', () => {
  const twoBridges = (agent: string) =>
    compute({
      [AGENT]: agent,
      [ifcfgPath('compute-0', 'ifcfg-br-vlan')]: ovsBridge('br-vlan'),
      [ifcfgPath('compute-0', 'ifcfg-eth2')]: ovsPort('eth2', 'br-vlan'),
    });

  test('the physnet of the second and later entries', () => {
    const agent = '[ovs]\nbridge_mappings = physnet1:br-ex,physnet1:br-vlan,physnet1:br-vlan\n';
    const service = workspaceOf(twoBridges(agent));
    assert.deepEqual(codesAt(service, AGENT), [
      at('physnet-mapped-twice', agent, 'physnet1', 1),
      at('physnet-mapped-twice', agent, 'physnet1', 2),
    ]);
    const d = diagnosticsOf(service, AGENT, 'physnet-mapped-twice')[0];
    assert.match(messageOf(d), /already mapped to bridge "br-ex"/);
    assert.match(messageOf(d), /exits/);
    assert.deepEqual(d.data, { physnet: 'physnet1', bridge: 'br-vlan', firstBridge: 'br-ex' });
  });

  test('fix: remove the later entry (preferred only for an exact repeat)', () => {
    const agent = '[ovs]\nbridge_mappings = physnet1:br-ex,physnet1:br-vlan\n';
    const files = twoBridges(agent);
    const service = workspaceOf(files);
    const actions = fixesFor(service, AGENT, only(service, AGENT, 'physnet-mapped-twice'));
    assert.deepEqual(summary(actions), ['Remove the repeated mapping "physnet1:br-vlan"']);
    assert.deepEqual(apply(files, actions[0]), { ...files, [AGENT]: '[ovs]\nbridge_mappings = physnet1:br-ex\n' });

    const repeat = '[ovs]\nbridge_mappings = physnet1:br-ex , physnet1:br-ex\n';
    const repeatFiles = compute({ [AGENT]: repeat });
    const repeatService = workspaceOf(repeatFiles);
    const repeatActions = fixesFor(repeatService, AGENT, only(repeatService, AGENT, 'physnet-mapped-twice'));
    assert.deepEqual(summary(repeatActions), ['Remove the repeated mapping "physnet1:br-ex" (preferred)']);
    assert.deepEqual(apply(repeatFiles, repeatActions[0])[AGENT], SEED_AGENT);
  });
});

// ---- bridge-reserved -------------------------------------------------------------

describe('bridge-reserved', () => {
  test('the default integration and tunnel bridges', () => {
    const agent = '[ovs]\nbridge_mappings = physnet1:br-int,physnet2:br-tun\n';
    const service = workspaceOf(compute({ [AGENT]: agent }));
    assert.deepEqual(codesAt(service, AGENT), [at('bridge-reserved', agent, 'br-int'), at('bridge-reserved', agent, 'br-tun')]);
    const [int, tun] = diagnosticsOf(service, AGENT, 'bridge-reserved');
    assert.match(messageOf(int), /integration bridge \(the default of integration_bridge\)/);
    assert.match(messageOf(tun), /tunnel bridge \(the default of tunnel_bridge\)/);
    assert.equal(int.relatedInformation, undefined);
    assert.deepEqual(fixesFor(service, AGENT, int), []);
  });

  test('a custom integration_bridge', () => {
    const agent = '[ovs]\nintegration_bridge = br-int0\nbridge_mappings = physnet1:br-int0\n';
    const service = workspaceOf(compute({ [AGENT]: agent }));
    assert.deepEqual(codesAt(service, AGENT), [at('bridge-reserved', agent, 'br-int0', 1)]);
    const d = only(service, AGENT, 'bridge-reserved');
    assert.match(messageOf(d), /set by integration_bridge/);
    assert.deepEqual(d.relatedInformation, [
      { location: { uri: uriOf(AGENT), range: rangeOf(agent, 'br-int0') }, message: 'integration_bridge is set here' },
    ]);
  });
});

// ---- bridge-without-port ---------------------------------------------------------

describe('bridge-without-port', () => {
  test('a mapped bridge that nothing is attached to', () => {
    const service = workspaceOf(compute({ [ETH1]: undefined }));
    assert.deepEqual(codesAt(service, AGENT), [at('bridge-without-port', SEED_AGENT, 'br-ex')]);
    const d = only(service, AGENT, 'bridge-without-port');
    assert.match(messageOf(d), /created by ifcfg-br-ex/);
    assert.match(messageOf(d), /host "compute-0"/);
    assert.match(messageOf(d), /physical network "physnet1"/);
    assert.deepEqual(d.relatedInformation, [
      { location: { uri: uriOf(BR_EX), range: rangeOf(SEED_BR_EX, 'DEVICE=br-ex') }, message: '"br-ex" is created here' },
    ]);
  });

  test('a port of another bridge, or the bridge naming itself, does not count', () => {
    const files = compute({
      [ETH1]: ovsPort('eth1', 'br-vlan'),
      [BR_EX]: SEED_BR_EX + 'OVS_BRIDGE=br-ex\n',
      [ifcfgPath('compute-0', 'ifcfg-br-vlan')]: ovsBridge('br-vlan'),
    });
    assert.deepEqual(codesAt(workspaceOf(files), AGENT), [at('bridge-without-port', SEED_AGENT, 'br-ex')]);
  });

  test('reported once per bridge', () => {
    const agent = '[ovs]\nbridge_mappings = physnet1:br-ex,physnet2:br-ex\n';
    const service = workspaceOf(compute({ [AGENT]: agent, [ETH1]: undefined }));
    assert.deepEqual(codesAt(service, AGENT), [
      at('bridge-without-port', agent, 'br-ex'),
      at('bridge-shared-by-physnets', agent, 'br-ex', 1),
    ]);
  });

  test('silent where bridge-undefined speaks, on uncertain hosts, and on hosts without ifcfg files', () => {
    const missing = '[ovs]\nbridge_mappings = physnet1:br-ex,physnet2:br-other\n';
    assert.deepEqual(codesAt(workspaceOf(compute({ [AGENT]: missing })), AGENT), [at('bridge-undefined', missing, 'br-other')]);
    const templated = ifcfgPath('compute-0', 'ifcfg-eth2');
    assert.deepEqual(codesAt(workspaceOf(compute({ [ETH1]: undefined, [templated]: ovsPort('eth2', '{{ bridge }}') })), AGENT), []);
  });
});

// ---- bridge-name-too-long --------------------------------------------------------

describe('bridge-name-too-long', () => {
  test('a mapped bridge name of 12 characters, without a fix', () => {
    const agent = '[ovs]\nbridge_mappings = physnet1:br-provider1\n';
    const files = compute({
      [AGENT]: agent,
      [BR_EX]: undefined,
      [ifcfgPath('compute-0', 'ifcfg-br-provider1')]: ovsBridge('br-provider1'),
      [ETH1]: ovsPort('eth1', 'br-provider1'),
    });
    const service = workspaceOf(files);
    assert.deepEqual(codesAt(service, AGENT), [at('bridge-name-too-long', agent, 'br-provider1')]);
    const d = only(service, AGENT, 'bridge-name-too-long');
    assert.equal(d.severity, 2);
    assert.match(messageOf(d), /"int-br-provider1" and "phy-br-provider1"/);
    assert.match(messageOf(d), /"int-br-pr…" and "phy-br-pr…"/);
    assert.deepEqual(fixesFor(service, AGENT, d), []);
  });
});

// ---- external-network-bridge-set ---------------------------------------------------

describe('external-network-bridge-set', () => {
  const l3Files = (l3: string) => ({ ...seed(), [L3]: l3 });

  test('a non-empty value, and the fix that empties it', () => {
    const l3 = '[DEFAULT]\ninterface_driver = openvswitch\nexternal_network_bridge = br-ex\n';
    const files = l3Files(l3);
    const service = workspaceOf(files);
    assert.deepEqual(codesAt(service, L3), [at('external-network-bridge-set', l3, 'br-ex')]);
    const d = only(service, L3, 'external-network-bridge-set');
    // The seed's network node maps flat-only physnet1 to br-ex: a flat external network there works, so only obsolete.
    assert.equal(d.severity, 3);
    assert.equal(
      messageOf(d),
      'external_network_bridge is "br-ex": before Stein the L3 agent plugs router gateway ports straight into that bridge, untagged, bypassing bridge_mappings. ' +
        '"br-ex" is also the bridge of "physnet1", which carries flat networks only, so a flat external network there works: the gateway port sits untagged on "br-ex" either way. ' +
        'The setting is obsolete: leave the value empty so that gateways follow bridge_mappings (the option was removed in Stein; later releases ignore it).',
    );
    const actions = fixesFor(service, L3, d);
    assert.deepEqual(summary(actions), ['Empty external_network_bridge (preferred)']);
    const after = apply(files, actions[0]);
    assert.deepEqual(after, { ...files, [L3]: '[DEFAULT]\ninterface_driver = openvswitch\nexternal_network_bridge =\n' });
    assert.deepEqual(allFindings(workspaceOf(after)), []);
  });

  test('judged by what the bridge carries on this host', () => {
    const l3 = '[DEFAULT]\nexternal_network_bridge = br-ex\n';
    const withMl2 = (ml2: string, mappings: string) => ({ ...seed(), [ML2]: ml2, [L3]: l3, [agentPath('network')]: `[ovs]\nbridge_mappings = ${mappings}\n` });
    const verdict = (files: Record<string, string>) => {
      const d = only(workspaceOf(files), L3, 'external-network-bridge-set');
      return `${d.severity}: ${messageOf(d).split('bypassing bridge_mappings. ')[1].split(' Leave')[0]}`;
    };
    const vlanOnly = '[ml2]\ntype_drivers = flat,vlan\ntenant_network_types = vlan\n\n[ml2_type_flat]\nflat_networks = physnet9\n\n[ml2_type_vlan]\nnetwork_vlan_ranges = physnet1:100:199\n';
    assert.equal(
      verdict(withMl2(vlanOnly, 'physnet1:br-ex')),
      '1: "br-ex" carries "physnet1", which the deployment declares for VLAN networks only: an external network there loses its VLAN tag at the gateway, so routers get no external traffic.',
    );
    const both = '[ml2]\ntype_drivers = flat,vlan\ntenant_network_types = vlan\n\n[ml2_type_flat]\nflat_networks = physnet1\n\n[ml2_type_vlan]\nnetwork_vlan_ranges = physnet1:100:199\n';
    assert.equal(verdict(withMl2(both, 'physnet1:br-ex')), '2: "br-ex" carries "physnet1": a flat external network there works, a VLAN one loses its tag at the gateway and passes no traffic.');
    assert.equal(
      verdict(withMl2(SEED_ML2, 'physnet1:br-provider')),
      '2: On network, bridge_mappings gives "br-ex" to no physical network ("physnet1" on "br-provider"), so an external network on a flat or VLAN provider network passes no traffic.',
    );
    // Nothing to judge against: no mappings on the host.
    const unmapped: Record<string, string> = { ...seed(), [L3]: l3 };
    delete unmapped[agentPath('network')];
    assert.match(verdict(unmapped), /^2: A VLAN external network, or a flat one on another bridge, passes no traffic\.$/);
  });

  test('a quoted value: the range is inside the quotes, the fix removes them too', () => {
    const l3 = '[DEFAULT]\nexternal_network_bridge=\'br-ex\'\n';
    const files = l3Files(l3);
    const service = workspaceOf(files);
    assert.deepEqual(codesAt(service, L3), [at('external-network-bridge-set', l3, 'br-ex')]);
    const actions = fixesFor(service, L3, only(service, L3, 'external-network-bridge-set'));
    assert.deepEqual(apply(files, actions[0])[L3], '[DEFAULT]\nexternal_network_bridge=\n');
  });

  test('empty, quoted empty, templated, or outside [DEFAULT]: silent', () => {
    for (const l3 of [
      '[DEFAULT]\nexternal_network_bridge =\n',
      '[DEFAULT]\nexternal_network_bridge = ""\n',
      '[DEFAULT]\nexternal_network_bridge = {{ l3_external_bridge }}\n',
    ]) {
      assert.deepEqual(codesAt(workspaceOf(l3Files(l3)), L3), [], l3);
    }
    // Outside [DEFAULT] the L3 agent does not read it at all: the option catalogue's unknown-option says so.
    assert.deepEqual(codesAt(workspaceOf(l3Files('[DEFAULT]\n[agent]\nexternal_network_bridge = br-ex\n')), L3), ['unknown-option@2:0-2:23']);
  });
});

// ---- long bridge_mappings ------------------------------------------------------------

describe('a bridge_mappings with many entries', () => {
  test('repeats are found in one pass: each repeat once, pointing at the first entry', () => {
    // 450 distinct entries, then each physnet again on its own bridge and each bridge again with another physnet
    // (900 findings, under the per-file cap).
    const entries = Array.from({ length: 450 }, (_, i) => `p${i}:b${i}`);
    const repeats = Array.from({ length: 450 }, (_, i) => `p${i}:b${i}`);
    const shared = Array.from({ length: 450 }, (_, i) => `q${i}:b${i}`);
    const text = `[ovs]\nbridge_mappings = ${[...entries, ...repeats, ...shared].join(',')}\n`;
    const service = workspaceOf({ [AGENT]: text });
    const diagnostics = service.getDiagnostics(uriOf(AGENT));
    const count = (code: string) => diagnostics.filter((d) => d.code === code).length;
    assert.equal(count('physnet-mapped-twice'), 450);
    assert.equal(count('bridge-shared-by-physnets'), 450);
    const shared0 = diagnostics.find((d) => d.code === 'bridge-shared-by-physnets');
    assert.match(messageOf(shared0!), /^Bridge "b0" is already mapped to physical network "p0" earlier/);
    assert.equal(shared0!.relatedInformation?.[0].location.range.start.character, 'bridge_mappings = p0:'.length);
  });
});
