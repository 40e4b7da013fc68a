import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem, Hover, MarkupContent } from 'vscode-languageserver-types';
import { formatIfcfg } from '../../../server/src/core/features/ifcfg/formatting';
import { parseIfcfg } from '../../../server/src/core/syntax/ifcfgParser';
import { applyEdits, cursor, rangeOf, uriOf, workspaceOf } from '../helpers';

const SCRIPTS = 'compute-0/etc/sysconfig/network-scripts';
const path = (name: string) => `${SCRIPTS}/ifcfg-${name}`;

/** compute-0: br-ex with eth1 as its port, eth2 and eth3 plain NICs, br-tenant with a patch port. */
function host(): Record<string, string> {
  return {
    'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini': '[ovs]\nbridge_mappings = physnet1:br-ex\n',
    [path('br-ex')]: 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nNM_CONTROLLED=no\n',
    [path('eth1')]: 'DEVICE=eth1\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-ex\nNM_CONTROLLED=no\n',
    [path('eth2')]: 'DEVICE=eth2\nONBOOT=yes\n',
    [path('eth3')]: 'DEVICE=eth3\nTYPE=Ethernet\n',
    [path('br-tenant')]: 'DEVICE=br-tenant\nTYPE=OVSBridge\nDEVICETYPE=ovs\nNM_CONTROLLED=no\n',
    [path('patch-t')]: 'DEVICE=patch-t\nTYPE=OVSPatchPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-tenant\nOVS_PATCH_PEER=patch-x\nNM_CONTROLLED=no\n',
  };
}

function hoverAt(name: string, textWithBar: string): { text: string; hover: Hover | null } {
  const { text, position } = cursor(textWithBar);
  const service = workspaceOf({ ...host(), [path(name)]: text });
  return { text, hover: service.getHover(uriOf(path(name)), position) };
}

function contents(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  return (hover.contents as MarkupContent).value;
}

function completeAt(name: string, textWithBar: string): { text: string; items: CompletionItem[] } {
  const { text, position } = cursor(textWithBar);
  const service = workspaceOf({ ...host(), [path(name)]: text });
  return { text, items: service.getCompletions(uriOf(path(name)), position).items };
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);

// ---- hover ---------------------------------------------------------------------

describe('ifcfg hover: variable names', () => {
  it('explains a variable with its type, default and the TYPEs that read it', () => {
    const { text, hover } = hoverAt('eth2', 'DEVICE=eth2\nON|BOOT=yes\n');
    assert.deepEqual(hover?.range, rangeOf(text, 'ONBOOT'));
    assert.equal(
      contents(hover),
      [
        '**ONBOOT**',
        '',
        'Bring the device up when the network starts at boot.',
        '',
        '- Value: yes or no',
        '- Default: `yes`',
        '- Read for: every TYPE',
      ].join('\n'),
    );
  });

  it('numbered forms, Open vSwitch variables, and a variable the file TYPE does not read', () => {
    assert.ok(contents(hoverAt('eth2', 'DEVICE=eth2\nIPADD|R1=192.0.2.1\n').hover).startsWith('**IPADDR1** (IPADDR, number 1)\n'));
    const bond = contents(hoverAt('eth2', 'DEVICE=eth2\nTYPE=Ethernet\nBOND_|IFACES="eth3 eth4"\n').hover);
    assert.ok(bond.includes('- Read for: OVSBond, OVSDPDKBond'), bond);
    assert.ok(bond.includes('- Read by ifup-ovs (Open vSwitch); NetworkManager ignores it.'), bond);
    assert.ok(bond.includes('- ⚠ This file has TYPE=Ethernet, which does not read it.'), bond);
  });

  it('a misspelt name suggests the known one; private names get no hover', () => {
    const { text, hover } = hoverAt('eth2', 'DEVICE=eth2\nONB|OT=yes\n');
    assert.deepEqual(hover?.range, rangeOf(text, 'ONBOT'));
    assert.equal(contents(hover), '**ONBOT**\n\nNeither the network scripts nor NetworkManager know this variable. Did you mean `ONBOOT`?');
    assert.equal(hoverAt('eth2', 'DEVICE=eth2\nMY_|SITE=rack1\n').hover, null);
  });
});

describe('ifcfg hover: values', () => {
  it('an enum value: what it does and the other values', () => {
    const { text, hover } = hoverAt('eth2', 'DEVICE=eth2\nBOOTPROTO="dh|cp"\n');
    assert.deepEqual(hover?.range, rangeOf(text, 'dhcp'));
    assert.equal(contents(hover), '**BOOTPROTO=dhcp** — ask a DHCP server for the address\n\nValues: `none`, `static`, `dhcp`, `bootp`, `autoip`, `shared`, `ibft`');
  });

  it('a boolean value: yes or no, with the variable explained; on/off warned about', () => {
    assert.equal(
      contents(hoverAt('eth2', 'DEVICE=eth2\nONBOOT=|y\n').hover),
      '**ONBOOT=y** — yes\n\nBring the device up when the network starts at boot.\n\nValues: `yes`, `no`',
    );
    const on = contents(hoverAt('eth2', 'DEVICE=eth2\nONBOOT=o|n\n').hover);
    assert.ok(on.includes('⚠ The network scripts take "on" as yes, but NetworkManager does not know the word'), on);
  });

  it('a TYPE value: the type explained with what it needs', () => {
    const { text, hover } = hoverAt('eth1', 'DEVICE=eth1\nTYPE=OVS|Port\n');
    assert.deepEqual(hover?.range, rangeOf(text, 'OVSPort'));
    assert.equal(
      contents(hover),
      [
        '**TYPE=OVSPort**',
        '',
        'A physical (or other existing) device added to an Open vSwitch bridge. Once enslaved it carries no address of its own: put IP settings on the bridge.',
        '',
        '- Needs: `DEVICETYPE=ovs`, `OVS_BRIDGE`',
        '- Recommended: `NM_CONTROLLED=no`',
        '- Carries no IP address: put addresses on the bridge.',
      ].join('\n'),
    );
  });

  it('keeps the wiring hover on OVS_BRIDGE values; no hover on free-form, templated or expanding values', () => {
    assert.ok(contents(hoverAt('eth1', 'DEVICE=eth1\nOVS_BRIDGE=br-|ex\n').hover).startsWith('**OVS bridge `br-ex`** on compute-0'));
    assert.equal(hoverAt('eth2', 'DEVICE=et|h2\n').hover, null);
    assert.equal(hoverAt('eth2', 'DEVICE=eth2\nBOOTPROTO={{ pro|to }}\n').hover, null);
    assert.equal(hoverAt('eth2', 'DEVICE=eth2\nONBOOT=$O|N\n').hover, null);
  });
});

// ---- completion ----------------------------------------------------------------------

describe('ifcfg completion: variable names', () => {
  it('on a new line: the variables of the file TYPE not set yet, inserted with "="', () => {
    const { text, items } = completeAt('eth1', 'DEVICE=eth1\nTYPE=OVSPort\nOVS_B|\n');
    const names = labels(items);
    assert.ok(names.includes('OVS_BRIDGE') && names.includes('OVS_OPTIONS') && names.includes('ONBOOT'));
    assert.ok(!names.includes('DEVICE') && !names.includes('TYPE'), 'set already');
    assert.ok(!names.includes('BOND_IFACES') && !names.includes('OVS_PATCH_PEER') && !names.includes('BONDING_OPTS'), 'not read by OVSPort');
    const bridge = items.find((i) => i.label === 'OVS_BRIDGE')!;
    assert.deepEqual(bridge.textEdit, { range: rangeOf(text, 'OVS_B'), newText: 'OVS_BRIDGE=' });
    assert.equal(bridge.command, undefined, 'no fixed values to suggest next');
    assert.equal(items.find((i) => i.label === 'ONBOOT')!.command?.command, 'editor.action.triggerSuggest');
  });

  it('without TYPE every variable is offered; on an existing key only the name is replaced', () => {
    const { items } = completeAt('eth2', 'DEVICE=eth2\n|\n');
    assert.ok(labels(items).includes('BOND_IFACES') && labels(items).includes('BONDING_OPTS'));
    const key = completeAt('eth2', 'DEVICE=eth2\nONB|OT=yes\n');
    assert.deepEqual(key.items.find((i) => i.label === 'ONBOOT')!.textEdit, { range: rangeOf(key.text, 'ONBOT'), newText: 'ONBOOT' });
  });

  it('nothing after other words or in comments', () => {
    assert.deepEqual(completeAt('eth2', 'DEVICE=eth2\nONBOOT yes|\n').items, []);
    assert.deepEqual(completeAt('eth2', '# ONB|\n').items, []);
  });
});

describe('ifcfg completion: values', () => {
  it('enum values replace the whole value, inside its quotes', () => {
    const { text, items } = completeAt('eth2', 'DEVICE=eth2\nBOOTPROTO="st|"\n');
    assert.deepEqual(labels(items), ['none', 'static', 'dhcp', 'bootp', 'autoip', 'shared', 'ibft']);
    assert.deepEqual(items[1].textEdit, { range: rangeOf(text, 'st'), newText: 'static' });
    assert.equal(items[2].detail, 'ask a DHCP server for the address');
  });

  it('booleans, STP by bridge kind, TYPE values', () => {
    assert.deepEqual(labels(completeAt('eth2', 'DEVICE=eth2\nONBOOT=|\n').items), ['yes', 'no']);
    assert.deepEqual(labels(completeAt('br-ex', 'DEVICE=br-ex\nTYPE=OVSBridge\nSTP=|\n').items), ['true', 'false']);
    assert.deepEqual(labels(completeAt('br-lnx', 'DEVICE=br-lnx\nTYPE=Bridge\nSTP=|\n').items), ['yes', 'no']);
    const types = labels(completeAt('eth9', 'DEVICE=eth9\nTYPE=|\n').items);
    assert.deepEqual(types.slice(0, 5), ['Ethernet', 'OVSBridge', 'OVSPort', 'OVSIntPort', 'OVSBond']);
  });

  it('OVS_OPTIONS offers column keys for the word under the cursor', () => {
    const { text, items } = completeAt('vlan9', 'DEVICE=vlan9\nTYPE=OVSIntPort\nOVS_OPTIONS="vlan_mode=access t|"\n');
    assert.ok(labels(items).includes('tag='));
    const t = rangeOf(text, ' t"');
    const word = { start: { line: t.start.line, character: t.start.character + 1 }, end: { line: t.end.line, character: t.end.character - 1 } };
    assert.deepEqual(items.find((i) => i.label === 'tag=')!.textEdit, { range: word, newText: 'tag=' });
  });

  it('BOND_IFACES: the host interfaces that are not Open vSwitch devices, minus those listed', () => {
    const { text, items } = completeAt('bond1', 'DEVICE=bond1\nTYPE=OVSBond\nBOND_IFACES="eth2 e|"\n');
    assert.deepEqual(labels(items), ['eth3']);
    const typed = rangeOf(text, 'e"').start;
    assert.deepEqual(items[0].textEdit, { range: { start: typed, end: { line: typed.line, character: typed.character + 1 } }, newText: 'eth3' });
    assert.equal(items[0].detail, 'Ethernet · ifcfg-eth3');
    assert.deepEqual(labels(completeAt('bond1', 'DEVICE=bond1\nTYPE=OVSBond\nBOND_IFACES=|\n').items), ['eth2', 'eth3']);
  });

  it('OVSDHCPINTERFACES: the ports of this bridge; OVS_PATCH_PEER: patch ports of the host', () => {
    assert.deepEqual(labels(completeAt('br-ex', 'DEVICE=br-ex\nTYPE=OVSBridge\nOVSDHCPINTERFACES=|\n').items), ['eth1']);
    assert.deepEqual(labels(completeAt('patch-x', 'DEVICE=patch-x\nTYPE=OVSPatchPort\nOVS_PATCH_PEER=|\n').items), ['patch-t']);
  });

  it('keeps the bridge completion after OVS_BRIDGE=; nothing for free-form values', () => {
    assert.deepEqual(labels(completeAt('eth9', 'DEVICE=eth9\nTYPE=OVSPort\nOVS_BRIDGE=|\n').items), ['br-ex', 'br-tenant']);
    assert.deepEqual(completeAt('eth9', 'DEVICE=|\n').items, []);
    assert.deepEqual(completeAt('eth9', 'DEVICE=eth9\nIPADDR=|\n').items, []);
  });
});

// ---- formatting ------------------------------------------------------------------------

describe('ifcfg formatting', () => {
  const format = (text: string) => applyEdits(text, formatIfcfg(parseIfcfg(text)));

  it('removes white space around "=" and nothing else', () => {
    const text = '# Uplink  \nDEVICE = eth1\nONBOOT =yes   # boot it\nNAME= "System eth1"\n  TYPE\t=\tEthernet\nexport MTU = 9000\nOK=1  \n';
    assert.equal(format(text), '# Uplink  \nDEVICE=eth1\nONBOOT=yes   # boot it\nNAME="System eth1"\n  TYPE=Ethernet\nexport MTU=9000\nOK=1  \n');
  });

  it('is idempotent, and leaves a clean file untouched', () => {
    const text = 'DEVICE = eth1\r\nNAME= "a b"\r\nEMPTY= # note\r\n';
    const once = format(text);
    assert.equal(once, 'DEVICE=eth1\r\nNAME="a b"\r\nEMPTY= # note\r\n');
    assert.deepEqual(formatIfcfg(parseIfcfg(once)), []);
    const seed = 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nONBOOT=yes\nNM_CONTROLLED=no\nBOOTPROTO=none\n';
    assert.deepEqual(formatIfcfg(parseIfcfg(seed)), []);
  });

  it('keeps a blank after "=" before a comment, lower-case commands, template lines and lines inside a multi-line quote', () => {
    const text = "EMPTY= # note\ntest = x\n{% if x = y %}\nTEAM_CONFIG='{\n  RUNNER = 1\n}'\nAFTER = 2\n";
    assert.equal(format(text), "EMPTY= # note\ntest = x\n{% if x = y %}\nTEAM_CONFIG='{\n  RUNNER = 1\n}'\nAFTER=2\n");
  });

  it('through the service: ifcfg files only', () => {
    const service = workspaceOf({
      [path('eth1')]: 'DEVICE = eth1\n',
      'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini': '[ovs]\nbridge_mappings = physnet1:br-ex\n',
    });
    assert.deepEqual(service.formatDocument(uriOf(path('eth1'))), [
      { range: { start: { line: 0, character: 6 }, end: { line: 0, character: 7 } }, newText: '' },
      { range: { start: { line: 0, character: 8 }, end: { line: 0, character: 9 } }, newText: '' },
    ]);
    assert.deepEqual(service.formatDocument(uriOf('compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini')), []);
    assert.deepEqual(service.formatDocument(uriOf('nowhere')), []);
  });
});

// ---- folding -------------------------------------------------------------------------------

describe('ifcfg folding', () => {
  it('runs of two or more whole-line comments fold; blank lines and assignments end a run', () => {
    const text = '# Generated by os-net-config\n# do not edit\n\n# single\nDEVICE=eth1   # trailing\n# a\n  # b\n# c\nONBOOT=yes\n# last\n';
    const service = workspaceOf({ [path('eth1')]: text });
    assert.deepEqual(service.getFoldingRanges(uriOf(path('eth1'))), [
      { startLine: 0, endLine: 1, kind: 'comment' },
      { startLine: 5, endLine: 7, kind: 'comment' },
    ]);
  });

  it('none for INI files and unknown files', () => {
    const service = workspaceOf({ 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini': '# a\n# b\n[ovs]\n' });
    assert.deepEqual(service.getFoldingRanges(uriOf('compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini')), []);
    assert.deepEqual(service.getFoldingRanges(uriOf('nowhere')), []);
  });
});
