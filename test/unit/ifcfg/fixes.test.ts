import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { NeutronConfigService } from '../../../server/src/core/service';
import { allFindings, applyWorkspaceEdit, uriOf, workspaceOf } from '../helpers';

const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const AGENT = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const path = (name: string) => `compute-0/etc/sysconfig/network-scripts/ifcfg-${name}`;
const SEED_ETH1 = 'DEVICE=eth1\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-ex\nONBOOT=yes\nNM_CONTROLLED=no\nBOOTPROTO=none\n';
const SEED_BR_EX = 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nONBOOT=yes\nNM_CONTROLLED=no\nBOOTPROTO=none\n';

function seed(overrides: Record<string, string>): Record<string, string> {
  return {
    [ML2]: '[ml2]\ntype_drivers = vxlan,flat\ntenant_network_types = vxlan\n\n[ml2_type_flat]\nflat_networks =*\n',
    [AGENT]: '[ovs]\nbridge_mappings = physnet1:br-ex\n',
    [path('eth1')]: SEED_ETH1,
    [path('br-ex')]: SEED_BR_EX,
    ...overrides,
  };
}

/** The one diagnostic of `code` in ifcfg-`name`. */
function only(service: NeutronConfigService, name: string, code: string): Diagnostic {
  const found = service.getDiagnostics(uriOf(path(name))).filter((d) => d.code === code);
  assert.equal(found.length, 1, `expected one ${code} in ifcfg-${name}, got ${found.length}`);
  return found[0];
}

/** Quick fixes offered for the one `code` diagnostic of ifcfg-`name` (suppressions left out). */
function fixes(files: Record<string, string>, name: string, code: string): { actions: CodeAction[]; titles: string[] } {
  const service = workspaceOf(files);
  const d = only(service, name, code);
  const actions = service.getCodeActions(uriOf(path(name)), d.range, [d]).filter((a) => !a.title.startsWith('Ignore '));
  return { actions, titles: actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`) };
}

function apply(files: Record<string, string>, action: CodeAction): Record<string, string> {
  assert.ok(action.edit, `${action.title} carries no edit`);
  return applyWorkspaceEdit(files, action.edit);
}

describe('ifcfg quick fixes', () => {
  it('ifcfg-ovs-devicetype-missing: adds DEVICETYPE=ovs after TYPE', () => {
    const files = seed({ [path('eth1')]: 'DEVICE=eth1\nTYPE=OVSPort\nOVS_BRIDGE=br-ex\nONBOOT=yes\nNM_CONTROLLED=no\n' });
    const { actions, titles } = fixes(files, 'eth1', 'ifcfg-ovs-devicetype-missing');
    assert.deepEqual(titles, ['Set DEVICETYPE=ovs (preferred)']);
    const after = apply(files, actions[0]);
    assert.equal(after[path('eth1')], 'DEVICE=eth1\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-ex\nONBOOT=yes\nNM_CONTROLLED=no\n');
    assert.deepEqual(allFindings(workspaceOf(after)), []);
  });

  it('ifcfg-ovs-devicetype-missing: replaces a wrong DEVICETYPE inside its quotes (CRLF kept)', () => {
    const files = seed({ [path('eth1')]: 'DEVICE=eth1\r\nTYPE=OVSPort\r\nDEVICETYPE="OVS"\r\nOVS_BRIDGE=br-ex\r\nNM_CONTROLLED=no\r\n' });
    const after = apply(files, fixes(files, 'eth1', 'ifcfg-ovs-devicetype-missing').actions[0]);
    assert.equal(after[path('eth1')], 'DEVICE=eth1\r\nTYPE=OVSPort\r\nDEVICETYPE="ovs"\r\nOVS_BRIDGE=br-ex\r\nNM_CONTROLLED=no\r\n');
  });

  it('ifcfg-device-mismatch: sets DEVICE to the file suffix', () => {
    const files = seed({ [path('eth1')]: SEED_ETH1.replace('DEVICE=eth1', "DEVICE='eth9'") });
    const { actions, titles } = fixes(files, 'eth1', 'ifcfg-device-mismatch');
    assert.deepEqual(titles, ["Set DEVICE=eth1 (the file name's suffix) (preferred)"]);
    assert.equal(apply(files, actions[0])[path('eth1')], SEED_ETH1.replace('DEVICE=eth1', "DEVICE='eth1'"));
  });

  it('unknown-variable: renames to each suggestion, the only one preferred', () => {
    const files = seed({ [path('eth1')]: SEED_ETH1.replace('ONBOOT=yes', 'ONBOT=yes') });
    const { actions, titles } = fixes(files, 'eth1', 'unknown-variable');
    assert.deepEqual(titles, ['Rename to ONBOOT (preferred)']);
    assert.equal(apply(files, actions[0])[path('eth1')], SEED_ETH1);
    const two = seed({ [path('eth1')]: SEED_ETH1 + 'bootproto=dhcp\n' });
    assert.deepEqual(fixes(two, 'eth1', 'unknown-variable').titles, ['Rename to BOOTPROTO', 'Rename to OVSBOOTPROTO']);
  });

  it('invalid-value: an enum value to the nearest valid one; a MAC written with dashes; a prefix clamped', () => {
    const files = seed({ [path('eth1')]: SEED_ETH1.replace('BOOTPROTO=none', 'BOOTPROTO="statc"') });
    const { actions, titles } = fixes(files, 'eth1', 'invalid-value');
    assert.deepEqual(titles, ['Change BOOTPROTO to static (preferred)']);
    assert.equal(apply(files, actions[0])[path('eth1')], SEED_ETH1.replace('BOOTPROTO=none', 'BOOTPROTO="static"'));

    const eth0 = 'DEVICE=eth0\nHWADDR=52-54-00-12-34-56\nPREFIX=40\n';
    const mac = seed({ [path('eth0')]: eth0 });
    const service = workspaceOf(mac);
    const [hwaddr, prefix] = service.getDiagnostics(uriOf(path('eth0')));
    const macFix = service.getCodeActions(uriOf(path('eth0')), hwaddr.range, [hwaddr])[0];
    assert.equal(apply(mac, macFix)[path('eth0')], 'DEVICE=eth0\nHWADDR=52:54:00:12:34:56\nPREFIX=40\n');
    const prefixFix = service.getCodeActions(uriOf(path('eth0')), prefix.range, [prefix])[0];
    assert.equal(prefixFix.title, 'Change PREFIX to 32');
  });

  it('invalid-value: the nearest OVS TYPE', () => {
    const files = seed({ [path('eth1')]: SEED_ETH1.replace('TYPE=OVSPort', 'TYPE=OVSPrt') });
    const { actions, titles } = fixes(files, 'eth1', 'invalid-value');
    assert.deepEqual(titles, ['Change TYPE to OVSPort (preferred)']);
    assert.equal(apply(files, actions[0])[path('eth1')], SEED_ETH1);
  });

  it('ifcfg-nm-controlled: adds NM_CONTROLLED=no after the last assignment, or sets it in place', () => {
    const missing = seed({ [path('br-ex')]: 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nONBOOT=yes\n# end\n' });
    const { actions, titles } = fixes(missing, 'br-ex', 'ifcfg-nm-controlled');
    assert.deepEqual(titles, ['Set NM_CONTROLLED=no (preferred)']);
    assert.equal(apply(missing, actions[0])[path('br-ex')], 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nONBOOT=yes\nNM_CONTROLLED=no\n# end\n');
    const noNewline = seed({ [path('br-ex')]: 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs' });
    assert.equal(
      apply(noNewline, fixes(noNewline, 'br-ex', 'ifcfg-nm-controlled').actions[0])[path('br-ex')],
      'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nNM_CONTROLLED=no',
    );
    const yes = seed({ [path('br-ex')]: SEED_BR_EX.replace('NM_CONTROLLED=no', 'NM_CONTROLLED=yes') });
    assert.equal(apply(yes, fixes(yes, 'br-ex', 'ifcfg-nm-controlled').actions[0])[path('br-ex')], SEED_BR_EX);
  });

  it('ifcfg-ip-on-bridge-port: moves IPADDR, PREFIX and GATEWAY to the bridge in one WorkspaceEdit over both files', () => {
    const port = 'DEVICE=eth1\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-ex\nIPADDR=192.0.2.5\nPREFIX=24\nONBOOT=yes\nGATEWAY="192.0.2.1"\nNM_CONTROLLED=no\n';
    const files = seed({ [path('eth1')]: port });
    const { actions, titles } = fixes(files, 'eth1', 'ifcfg-ip-on-bridge-port');
    assert.deepEqual(titles, ['Move IPADDR, PREFIX, GATEWAY to the bridge br-ex (ifcfg-br-ex) (preferred)']);
    assert.deepEqual(Object.keys(actions[0].edit?.changes ?? {}).sort(), [uriOf(path('br-ex')), uriOf(path('eth1'))]);
    const after = apply(files, actions[0]);
    assert.equal(after[path('eth1')], 'DEVICE=eth1\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-ex\nONBOOT=yes\nNM_CONTROLLED=no\n');
    assert.equal(after[path('br-ex')], SEED_BR_EX + 'IPADDR=192.0.2.5\nPREFIX=24\nGATEWAY="192.0.2.1"\n');
    assert.deepEqual(allFindings(workspaceOf(after)), []);
  });

  it('ifcfg-ip-on-bridge-port: no move when the bridge has an address of its own or is not on the host', () => {
    const port = SEED_ETH1 + 'IPADDR=192.0.2.5\n';
    const taken = seed({ [path('eth1')]: port, [path('br-ex')]: SEED_BR_EX + 'IPADDR=192.0.2.9\nPREFIX=24\n' });
    assert.deepEqual(fixes(taken, 'eth1', 'ifcfg-ip-on-bridge-port').titles, []);
    const elsewhere = seed({ [path('eth1')]: port.replace('OVS_BRIDGE=br-ex', 'OVS_BRIDGE=br-nowhere') });
    assert.deepEqual(fixes(elsewhere, 'eth1', 'ifcfg-ip-on-bridge-port').titles, []);
  });

  it('ifcfg-ip-on-bridge-port: DHCP on a port moves to the bridge as OVSBOOTPROTO with the port as DHCP interface', () => {
    const files = seed({ [path('eth1')]: SEED_ETH1.replace('BOOTPROTO=none', 'BOOTPROTO=dhcp') });
    const { actions, titles } = fixes(files, 'eth1', 'ifcfg-ip-on-bridge-port');
    assert.deepEqual(titles, ['Ask for the address on the bridge br-ex (OVSBOOTPROTO=dhcp through eth1) (preferred)']);
    const after = apply(files, actions[0]);
    assert.equal(after[path('eth1')], SEED_ETH1);
    assert.equal(after[path('br-ex')], SEED_BR_EX + 'OVSBOOTPROTO=dhcp\nOVSDHCPINTERFACES=eth1\n');
    assert.deepEqual(allFindings(workspaceOf(after)), []);
  });

  it('ifcfg-bridge-dhcp: BOOTPROTO=none with OVSBOOTPROTO=dhcp through the bridge uplinks', () => {
    const bridge = 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nBOOTPROTO=dhcp # from DHCP\nONBOOT=yes\nNM_CONTROLLED=no\n';
    const files = seed({ [path('br-ex')]: bridge, [path('eth2')]: SEED_ETH1.replace(/eth1/g, 'eth2') });
    const { actions, titles } = fixes(files, 'br-ex', 'ifcfg-bridge-dhcp');
    assert.deepEqual(titles, ['Use OVSBOOTPROTO=dhcp through eth1, eth2 (preferred)']);
    const after = apply(files, actions[0]);
    assert.equal(
      after[path('br-ex')],
      'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nBOOTPROTO=none # from DHCP\nOVSBOOTPROTO=dhcp\nOVSDHCPINTERFACES="eth1 eth2"\nONBOOT=yes\nNM_CONTROLLED=no\n',
    );
    assert.deepEqual(allFindings(workspaceOf(after)), []);
  });

  it('ifcfg-ovs-bridge-missing: OVS_BRIDGE set to a bridge of the host', () => {
    const files = seed({ [path('eth1')]: 'DEVICE=eth1\nTYPE=OVSPort\nDEVICETYPE=ovs\nNM_CONTROLLED=no\n' });
    const { actions, titles } = fixes(files, 'eth1', 'ifcfg-ovs-bridge-missing');
    assert.deepEqual(titles, ['Set OVS_BRIDGE=br-ex (preferred)']);
    assert.equal(apply(files, actions[0])[path('eth1')], 'DEVICE=eth1\nTYPE=OVSPort\nOVS_BRIDGE=br-ex\nDEVICETYPE=ovs\nNM_CONTROLLED=no\n');
  });

  it('ifcfg-quoting: yes/no for on/off, quotes around unquoted spaces', () => {
    const files = seed({ [path('eth0')]: 'DEVICE=eth0\nONBOOT=On\nNAME=System eth0\n' });
    const service = workspaceOf(files);
    const [onboot, name] = service.getDiagnostics(uriOf(path('eth0')));
    const onFix = service.getCodeActions(uriOf(path('eth0')), onboot.range, [onboot])[0];
    assert.equal(onFix.title, 'Write yes');
    assert.equal(apply(files, onFix)[path('eth0')], 'DEVICE=eth0\nONBOOT=yes\nNAME=System eth0\n');
    const nameFix = service.getCodeActions(uriOf(path('eth0')), name.range, [name])[0];
    assert.equal(nameFix.title, 'Quote the value');
    const after = apply(files, nameFix);
    assert.equal(after[path('eth0')], 'DEVICE=eth0\nONBOOT=On\nNAME="System eth0"\n');
  });
});
