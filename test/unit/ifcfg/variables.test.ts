import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  IFCFG_TYPES,
  IFCFG_TYPE_NAMES,
  IFCFG_VARIABLES,
  appliesToType,
  getInterfaceType,
  getVariable,
  isKnownVariable,
  lookupVariable,
  suggestVariables,
  typesOf,
  validateVariableValue,
  variablesForType,
  type ValueContext,
  type ValueProblem,
} from '../../../server/src/core/ifcfg/variables';
import { maskOfLength, splitWords } from '../../../server/src/core/ifcfg/valueTypes';
import { parseIfcfg } from '../../../server/src/core/syntax/ifcfgParser';

/** Problems of KEY=value as `kind start-end [suggestions]` strings, for exact comparison. */
function check(key: string, value: string, context?: ValueContext): string[] {
  const problems = validateVariableValue(key, value, context);
  assert.ok(problems, `${key} should be in the catalogue`);
  return problems.map(show);
}

function show(p: ValueProblem): string {
  return `${p.kind} ${p.start}-${p.end}${p.suggestions ? ` [${p.suggestions.join(',')}]` : ''}`;
}

function accepts(key: string, values: string[], context?: ValueContext): void {
  for (const value of values) assert.deepEqual(check(key, value, context), [], `${key}=${value} should be accepted`);
}

function rejects(key: string, values: string[], context?: ValueContext): void {
  for (const value of values) {
    const problems = validateVariableValue(key, value, context) ?? [];
    assert.ok(problems.length > 0, `${key}=${value} should be rejected`);
    for (const p of problems) {
      assert.ok(p.message.length > 20, `message for ${key}=${value} should explain: ${p.message}`);
      assert.ok(p.start >= 0 && p.end <= value.length && p.start < p.end, `span of ${key}=${value}: ${p.start}-${p.end}`);
    }
  }
}

describe('value types', () => {
  it('booleans: every spelling both readers accept, on/off flagged as read differently', () => {
    accepts('ONBOOT', ['yes', 'no', 'YES', 'No', 'true', 'false', 'y', 'n', 't', 'f', '1', '0', '']);
    assert.deepEqual(check('ONBOOT', 'on'), ['readers-differ 0-2 [yes]']);
    assert.deepEqual(check('NM_CONTROLLED', 'OFF'), ['readers-differ 0-3 [no]']);
    assert.deepEqual(check('HOTPLUG', 'ys'), ['invalid 0-2 [yes]']);
    assert.deepEqual(check('PEERDNS', 'maybe'), ['invalid 0-5 [yes,no]']);
  });

  it('enums: exact lower case, near misses suggested, NetworkManager-only values flagged', () => {
    accepts('BOOTPROTO', ['none', 'static', 'dhcp', 'bootp', '']);
    assert.deepEqual(check('BOOTPROTO', 'statik'), ['invalid 0-6 [static]']);
    assert.deepEqual(check('BOOTPROTO', 'DHCP'), ['invalid 0-4 [dhcp]']);
    assert.deepEqual(check('BOOTPROTO', 'autoip'), ['readers-differ 0-6']);
    assert.deepEqual(check('BOOTPROTO', 'shared'), ['readers-differ 0-6']);
    assert.deepEqual(check('BOOTPROTO', 'xyz'), ['invalid 0-3 [none,static,dhcp,bootp,autoip,shared,ibft]']);
    accepts('OVSBOOTPROTO', ['dhcp', 'none', 'static']);
    accepts('OVS_PORT_MODE', ['client']);
    rejects('OVS_PORT_MODE', ['server', 'Client']);
  });

  it('open enums: other words are legal, only near misses are reported', () => {
    accepts('OVS_TUNNEL_TYPE', ['vxlan', 'gre', 'geneve', 'stt', 'erspan']);
    assert.deepEqual(check('OVS_TUNNEL_TYPE', 'vxaln'), ['unusual 0-5 [vxlan]']);
    accepts('DEVICETYPE', ['ovs', 'Team', 'ivs', 'vhost']);
    assert.deepEqual(check('DEVICETYPE', 'OVS'), ['invalid 0-3 [ovs]']);
    assert.deepEqual(check('DEVICETYPE', 'ovz'), ['unusual 0-3 [ovs]']);
  });

  it('IPv4 addresses: dotted quads only, no prefix, no leading zeros', () => {
    accepts('IPADDR', ['192.0.2.10', '0.0.0.0', '255.255.255.255', '10.0.0.1']);
    rejects('IPADDR', ['256.1.1.1', '1.2.3', '1.2.3.4.5', 'a.b.c.d', '192.0.2.', ' 192.0.2.1', '010.0.0.1']);
    assert.deepEqual(check('IPADDR', '192.0.2.10/24'), ['invalid 10-13 [192.0.2.10]']);
    accepts('GATEWAY', ['192.0.2.1']);
    rejects('GATEWAY', ['gateway.example.com']);
    accepts('SRCADDR', ['192.0.2.5']);
  });

  it('prefix lengths: 0 to 32', () => {
    accepts('PREFIX', ['0', '8', '24', '32']);
    assert.deepEqual(check('PREFIX', '33'), ['invalid 0-2 [32]']);
    assert.deepEqual(check('PREFIX', '/24'), ['invalid 0-3 [24]']);
    assert.deepEqual(check('PREFIX', '255.255.255.0'), ['invalid 0-13 [24]']);
    rejects('PREFIX', ['twenty', '-1', '24.5']);
  });

  it('netmasks: contiguous dotted masks', () => {
    accepts('NETMASK', ['255.255.255.0', '255.255.254.0', '255.255.255.255', '0.0.0.0', '255.0.0.0']);
    rejects('NETMASK', ['255.0.255.0', '255.255.255.1', '255.255.255.256', 'mask']);
    assert.deepEqual(check('NETMASK', '24'), ['invalid 0-2 [255.255.255.0]']);
    assert.equal(maskOfLength(23), '255.255.254.0');
    assert.equal(maskOfLength(0), '0.0.0.0');
    assert.equal(maskOfLength(32), '255.255.255.255');
  });

  it('MAC addresses: colon-separated hex, InfiniBand length too; MACADDR must be assignable', () => {
    accepts('HWADDR', ['52:54:00:ab:cd:ef', '52:54:00:AB:CD:EF', '01:00:5e:00:00:01', Array(20).fill('a0').join(':')]);
    rejects('HWADDR', ['52:54:00:ab:cd', '52:54:00:ab:cd:eg', '5254.00ab.cdef', '52:54:00:ab:cd:ef:01']);
    assert.deepEqual(check('HWADDR', '52-54-00-ab-cd-ef'), ['invalid 0-17 [52:54:00:ab:cd:ef]']);
    accepts('MACADDR', ['52:54:00:ab:cd:ef', '02:00:00:00:00:01']);
    assert.deepEqual(check('MACADDR', '01:00:5e:00:00:01'), ['invalid 0-2']);
  });

  it('integers with bounds: MTU, VID, LINKDELAY', () => {
    accepts('MTU', ['68', '1500', '9000', '65535']);
    assert.deepEqual(check('MTU', '67'), ['invalid 0-2 [68]']);
    assert.deepEqual(check('MTU', '70000'), ['invalid 0-5 [65535]']);
    rejects('MTU', ['1500 bytes', '-1', '9k', '0x5dc']);
    accepts('VID', ['1', '100', '4094']);
    rejects('VID', ['0', '4095', 'ten']);
    accepts('IPV6_MTU', ['1280', '9000']);
    rejects('IPV6_MTU', ['1279']);
    accepts('LINKDELAY', ['0', '10']);
  });

  it('interface names: at most 15 characters, no slash, colon or blank', () => {
    accepts('DEVICE', ['eth0', 'br-ex', 'bond0.100', 'enp3s0f1', 'x'.repeat(15)]);
    assert.deepEqual(check('DEVICE', 'br-provider-external'), ['invalid 15-20']);
    assert.deepEqual(check('DEVICE', 'eth0:1'), ['invalid 4-5']);
    assert.deepEqual(check('OVS_BRIDGE', 'br/ex'), ['invalid 2-3']);
    rejects('PHYSDEV', ['.', '..']);
  });

  it('lists: each element checked at its own offset', () => {
    accepts('BOND_IFACES', ['eth2 eth3', 'eth2  eth3\teth4', 'dpdk0']);
    assert.deepEqual(check('BOND_IFACES', 'eth2 this-name-is-too-long'), ['invalid 20-26']);
    assert.deepEqual(
      splitWords(' eth2  eth3 ').map((e) => `${e.text}@${e.start}-${e.end}`),
      ['eth2@1-5', 'eth3@7-11'],
    );
    assert.deepEqual(
      getVariable('OVSDHCPINTERFACES')!.type.elements('eth0 eth1').map((e) => e.text),
      ['eth0', 'eth1'],
    );
    accepts('DOMAIN', ['example.com', 'example.com lab.example.com', 'corp.']);
    assert.deepEqual(check('DOMAIN', 'example.com bad!name'), ['invalid 12-20']);
    accepts('IPV6ADDR_SECONDARIES', ['2001:db8::2/64 2001:db8::3']);
    rejects('IPV6ADDR_SECONDARIES', ['2001:db8::2/64 nonsense']);
  });

  it('key=value words: OVS options, bonding options, tunnel options', () => {
    accepts('OVS_OPTIONS', ['tag=100', 'bond_mode=balance-slb lacp=active', 'other_config:lacp-time=fast', 'trunks=100,200']);
    assert.deepEqual(check('OVS_OPTIONS', 'tag 100'), ['invalid 0-3', 'invalid 4-7']);
    accepts('OVS_TUNNEL_OPTIONS', ['options:remote_ip=192.0.2.2', 'options:remote_ip=192.0.2.2 options:key=42']);
    rejects('OVS_TUNNEL_OPTIONS', ['192.0.2.2']);
    accepts('BONDING_OPTS', ['mode=802.3ad miimon=100 xmit_hash_policy=layer3+4', 'mode=1']);
    rejects('BONDING_OPTS', ['802.3ad']);
  });

  it('IPv6 addresses, with prefix or zone where the variable allows it', () => {
    accepts('IPV6ADDR', ['2001:db8::10/64', '2001:db8::10', '::1', 'fe80::1/10', '::ffff:192.0.2.1', '1:2:3:4:5:6:7:8']);
    rejects('IPV6ADDR', ['2001:db8::g', '2001:db8::1/129', '1:2:3:4:5:6:7:8:9', '2001:db8:::1', '1::2::3', '192.0.2.1']);
    accepts('IPV6_DEFAULTGW', ['2001:db8::1', 'fe80::1%eth0']);
    rejects('IPV6_DEFAULTGW', ['fe80::1%', 'fe80::1/64']);
    assert.deepEqual(check('IPV6_DEFAULTGW', 'fe80::1%a-very-long-device'), ['invalid 23-26']);
  });

  it('name servers take either family', () => {
    accepts('DNS1', ['192.0.2.53', '2001:4860:4860::8888']);
    rejects('DNS2', ['dns.example.com', '192.0.2.300']);
  });

  it('UUIDs, paths and free text', () => {
    accepts('UUID', ['5fb06bd0-0bb0-7ffb-45f1-d6edd65f3e03']);
    rejects('UUID', ['5fb06bd00bb07ffb45f1d6edd65f3e03', 'not-a-uuid']);
    accepts('OVS_PORT_PATH', ['/var/lib/vhost_sockets/vhu0']);
    rejects('OVS_PORT_PATH', ['vhost_sockets/vhu0']);
    accepts('NAME', ['System eth0', 'anything at all']);
    accepts('OVS_EXTRA', ['set bridge br-ex fail_mode=standalone -- del-controller br-ex']);
  });

  it('TYPE: unknown OVS types are errors, case variants flagged where the scripts compare exactly', () => {
    accepts('TYPE', [...IFCFG_TYPE_NAMES]);
    assert.deepEqual(check('TYPE', 'OVSBrige'), ['invalid 0-8 [OVSBridge]']);
    assert.deepEqual(check('TYPE', 'OVSDPDKRPort'), ['invalid 0-12 [OVSDPDKPort]']);
    assert.deepEqual(check('TYPE', 'ovsbridge'), ['readers-differ 0-9 [OVSBridge]']);
    assert.deepEqual(check('TYPE', 'bridge'), ['readers-differ 0-6 [Bridge]']);
    // NetworkManager ignores case and the scripts do not look at these: no finding.
    accepts('TYPE', ['Infiniband', 'ethernet']);
    // Types other tools handle (os-net-config writes some of these).
    accepts('TYPE', ['Team', 'TeamPort', 'IVSIntPort', 'NFVSWITCHIntPort', 'Wireless']);
  });

  it('STP: true/false on Open vSwitch bridges, yes/no on Linux bridges', () => {
    accepts('STP', ['true', 'false'], { type: 'OVSBridge' });
    assert.deepEqual(check('STP', 'yes', { type: 'OVSBridge' }), ['invalid 0-3 [true]']);
    assert.deepEqual(check('STP', 'off', { type: 'OVSUserBridge' }), ['invalid 0-3 [false]']);
    accepts('STP', ['yes', 'no', 'on', 'off'], { type: 'Bridge' });
    assert.deepEqual(check('STP', 'true', { type: 'Bridge' }), ['invalid 0-4 [yes]']);
    accepts('STP', ['yes', 'true']);
    rejects('STP', ['maybe']);
    assert.deepEqual(getVariable('STP')!.type.complete({ type: 'OVSBridge' }), ['true', 'false']);
    assert.deepEqual(getVariable('STP')!.type.complete({ type: 'Bridge' }), ['yes', 'no']);
  });

  it('completion values for enums and booleans', () => {
    assert.deepEqual(getVariable('ONBOOT')!.type.complete(), ['yes', 'no']);
    assert.deepEqual(getVariable('BOOTPROTO')!.type.complete(), ['none', 'static', 'dhcp', 'bootp', 'autoip', 'shared', 'ibft']);
    assert.deepEqual(getVariable('TYPE')!.type.complete(), [...IFCFG_TYPE_NAMES]);
    assert.deepEqual(getVariable('IPADDR')!.type.complete(), []);
    assert.ok(getVariable('OVS_OPTIONS')!.type.complete().includes('tag='));
  });
});

describe('variable lookup', () => {
  it('finds numbered forms with their index', () => {
    const at = (key: string) => {
      const m = lookupVariable(key);
      return m ? `${m.variable.name}${m.index === undefined ? '' : `#${m.index}`}` : undefined;
    };
    assert.equal(at('IPADDR'), 'IPADDR');
    assert.equal(at('IPADDR0'), 'IPADDR#0');
    assert.equal(at('IPADDR1'), 'IPADDR#1');
    assert.equal(at('PREFIX1'), 'PREFIX#1');
    assert.equal(at('NETMASK255'), 'NETMASK#255');
    assert.equal(at('GATEWAY2'), 'GATEWAY#2');
    assert.equal(at('DNS1'), 'DNS1');
    // Beyond 255, or with a leading zero, the scripts never read the key.
    assert.equal(at('IPADDR256'), undefined);
    assert.equal(at('IPADDR01'), undefined);
    // Only address variables take a number; names are case-sensitive.
    assert.equal(at('ONBOOT1'), undefined);
    assert.equal(at('DNS4'), undefined);
    assert.equal(at('ipaddr0'), undefined);
    assert.equal(at('OVS_BRDGE'), undefined);
  });

  it('validates numbered keys with the base type', () => {
    assert.deepEqual(check('PREFIX2', '33'), ['invalid 0-2 [32]']);
    assert.deepEqual(check('IPADDR3', '192.0.2.33'), []);
    assert.equal(validateVariableValue('NOT_A_VARIABLE', 'x'), undefined);
  });

  it('suggests the nearest known name for close typos only', () => {
    assert.deepEqual(suggestVariables('OVS_BRDGE'), ['OVS_BRIDGE']);
    assert.equal(suggestVariables('OVS_BRIDGES')[0], 'OVS_BRIDGE');
    assert.equal(suggestVariables('BOOTPROT')[0], 'BOOTPROTO');
    assert.equal(suggestVariables('NM_CONTROLED')[0], 'NM_CONTROLLED');
    assert.equal(suggestVariables('DEVICETYP')[0], 'DEVICETYPE');
    assert.equal(suggestVariables('onboot')[0], 'ONBOOT');
    assert.equal(suggestVariables('OVSBRIDGE')[0], 'OVS_BRIDGE');
    assert.equal(suggestVariables('BOND_IFACE')[0], 'BOND_IFACES');
    assert.equal(suggestVariables('IPADR1')[0], 'IPADDR1');
    assert.equal(suggestVariables('NETMAKS0')[0], 'NETMASK0');
    // Far from everything: a legal private variable.
    assert.deepEqual(suggestVariables('MY_PRIVATE_FLAG'), []);
    assert.deepEqual(suggestVariables('IP'), []);
    assert.deepEqual(suggestVariables('X'), []);
    // Known, or used by other tools: nothing to suggest.
    assert.deepEqual(suggestVariables('OVS_BRIDGE'), []);
    assert.deepEqual(suggestVariables('IPADDR7'), []);
    assert.deepEqual(suggestVariables('IVS_BRIDGE'), []);
  });
});

describe('the catalogue', () => {
  const BRIEF = [
    'DEVICE', 'TYPE', 'ONBOOT', 'BOOTPROTO', 'IPADDR', 'PREFIX', 'NETMASK', 'GATEWAY', 'DNS1', 'DNS2', 'DNS3', 'DOMAIN', 'MTU',
    'HWADDR', 'MACADDR', 'NM_CONTROLLED', 'DEFROUTE', 'PEERDNS', 'IPV6INIT', 'IPV6ADDR', 'IPV6ADDR_SECONDARIES', 'IPV6_AUTOCONF',
    'IPV6_DEFAULTGW', 'HOTPLUG', 'USERCTL', 'VLAN', 'PHYSDEV', 'VID', 'MASTER', 'SLAVE', 'BONDING_OPTS', 'BRIDGE', 'NAME', 'UUID',
    'ZONE', 'ETHTOOL_OPTS', 'DEVICETYPE', 'OVS_BRIDGE', 'OVS_OPTIONS', 'OVS_EXTRA', 'OVSBOOTPROTO', 'OVSDHCPINTERFACES',
    'OVSREQUIRES', 'BOND_IFACES', 'OVS_PATCH_PEER', 'OVS_TUNNEL_TYPE', 'OVS_TUNNEL_OPTIONS', 'OVS_PORT_MODE', 'OVS_PORT_PATH', 'STP',
  ];

  it('holds every variable of the domain notes, each described', () => {
    for (const name of BRIEF) assert.ok(getVariable(name), `${name} missing`);
    const names = IFCFG_VARIABLES.map((v) => v.name);
    assert.equal(new Set(names).size, names.length, 'names are unique');
    for (const v of IFCFG_VARIABLES) {
      assert.match(v.name, /^[A-Z][A-Z0-9_]*$/);
      assert.ok(v.explanation.length > 15 && /[.)]$/.test(v.explanation), `${v.name}: explanation`);
      assert.ok(v.type.description.length > 3, `${v.name}: type description`);
      if (v.default !== undefined) assert.deepEqual(v.type.validate(v.default), [], `${v.name}: default ${v.default} is valid`);
      if (Array.isArray(v.appliesTo)) for (const t of v.appliesTo) assert.ok(getInterfaceType(t), `${v.name}: unknown TYPE ${t}`);
    }
    assert.deepEqual(
      IFCFG_VARIABLES.filter((v) => v.numbered).map((v) => v.name),
      ['IPADDR', 'PREFIX', 'NETMASK', 'GATEWAY'],
    );
    assert.deepEqual(
      IFCFG_VARIABLES.filter((v) => v.ovs).map((v) => v.name).sort(),
      ['BOND_IFACES', 'OVSBOOTPROTO', 'OVSDHCPINTERFACES', 'OVSREQUIRES', 'OVS_BRIDGE', 'OVS_EXTRA', 'OVS_OPTIONS', 'OVS_PATCH_PEER',
        'OVS_PORT_MODE', 'OVS_PORT_PATH', 'OVS_TUNNEL_OPTIONS', 'OVS_TUNNEL_TYPE'],
    );
  });

  it('has the TYPE table with what each type needs', () => {
    assert.deepEqual(
      IFCFG_TYPES.map((t) => t.name),
      ['Ethernet', 'Bridge', 'Bond', 'Vlan', 'InfiniBand', 'OVSBridge', 'OVSUserBridge', 'OVSPort', 'OVSIntPort', 'OVSBond',
        'OVSPatchPort', 'OVSTunnel', 'OVSDPDKPort', 'OVSDPDKBond', 'OVSDPDKVhostUserPort'],
    );
    const needs = (name: string) =>
      getInterfaceType(name)!.requires.map((r) => r.variable + (r.value ? `=${r.value}` : '') + (r.minItems ? `>=${r.minItems}` : ''));
    assert.deepEqual(needs('OVSBridge'), ['DEVICETYPE=ovs']);
    assert.deepEqual(needs('OVSPort'), ['DEVICETYPE=ovs', 'OVS_BRIDGE']);
    assert.deepEqual(needs('OVSIntPort'), ['DEVICETYPE=ovs', 'OVS_BRIDGE']);
    assert.deepEqual(needs('OVSBond'), ['DEVICETYPE=ovs', 'OVS_BRIDGE', 'BOND_IFACES>=2']);
    assert.deepEqual(needs('OVSPatchPort'), ['DEVICETYPE=ovs', 'OVS_BRIDGE', 'OVS_PATCH_PEER']);
    assert.deepEqual(needs('OVSTunnel'), ['DEVICETYPE=ovs', 'OVS_BRIDGE', 'OVS_TUNNEL_TYPE', 'OVS_TUNNEL_OPTIONS']);
    assert.deepEqual(needs('OVSDPDKBond'), ['DEVICETYPE=ovs', 'OVS_BRIDGE', 'BOND_IFACES>=2']);
    assert.deepEqual(needs('Ethernet'), []);
    for (const t of IFCFG_TYPES) {
      assert.equal(t.ovs, t.name.startsWith('OVS'));
      assert.ok(t.explanation.length > 15, `${t.name}: explanation`);
      for (const r of [...t.requires, ...t.recommends]) {
        const v = getVariable(r.variable);
        assert.ok(v, `${t.name} needs unknown ${r.variable}`);
        if (r.value) assert.deepEqual(v.type.validate(r.value), [], `${t.name}: ${r.variable}=${r.value}`);
        assert.ok(appliesToType(v, t.name), `${r.variable} should apply to ${t.name}`);
      }
      if (t.ovs) assert.deepEqual(t.recommends.map((r) => `${r.variable}=${r.value}`), ['NM_CONTROLLED=no']);
    }
    assert.deepEqual(
      IFCFG_TYPES.filter((t) => !t.mayCarryAddress).map((t) => t.name),
      ['OVSPort', 'OVSBond', 'OVSPatchPort', 'OVSTunnel', 'OVSDPDKPort', 'OVSDPDKBond', 'OVSDPDKVhostUserPort'],
    );
  });

  it('tells which variables a TYPE reads', () => {
    const names = (type: string | undefined) => variablesForType(type).map((v) => v.name);
    assert.ok(names('OVSPort').includes('OVS_BRIDGE'));
    assert.ok(!names('OVSPort').includes('BOND_IFACES'));
    assert.ok(names('OVSBond').includes('BOND_IFACES'));
    assert.ok(names('OVSBridge').includes('OVSDHCPINTERFACES'));
    assert.ok(names('OVSBridge').includes('OVS_OPTIONS'));
    assert.ok(!names('OVSBridge').includes('OVS_BRIDGE'));
    assert.ok(!names(undefined).includes('OVS_BRIDGE'), 'a file without TYPE is Ethernet');
    assert.ok(names(undefined).includes('VLAN'));
    assert.ok(names('Vlan').includes('VID'));
    assert.ok(names('Bond').includes('BONDING_OPTS'));
    assert.ok(names('Infiniband').includes('PKEY'), 'TYPE is matched ignoring case');
    assert.ok(!names('Team').includes('OVS_BRIDGE'), 'a TYPE outside the catalogue only gets the common variables');
    assert.deepEqual(typesOf(getVariable('OVS_PATCH_PEER')!), ['OVSPatchPort']);
    assert.equal(typesOf(getVariable('ONBOOT')!).length, IFCFG_TYPES.length);
    assert.equal(typesOf(getVariable('OVS_EXTRA')!).length, 10);
  });
});

/** Every key of these files is known and every value valid (given the file's TYPE). */
function assertClean(name: string, text: string): void {
  const doc = parseIfcfg(text);
  assert.deepEqual(doc.problems, [], `${name}: parses cleanly`);
  const type = doc.assignments.find((a) => a.key.text === 'TYPE')?.value.text;
  for (const a of doc.assignments) {
    assert.ok(isKnownVariable(a.key.text), `${name}: ${a.key.text} should be known`);
    if (a.expands) continue;
    const problems = validateVariableValue(a.key.text, a.value.text, type === undefined ? {} : { type }) ?? [];
    assert.deepEqual(problems.map(show), [], `${name}: ${a.key.text}=${a.value.text}`);
  }
}

describe('real files stay clean', () => {
  // The two files the provider-network guide (the seed) has the reader create.
  const SEED: Record<string, string> = {
    'ifcfg-eth1': 'DEVICE=eth1\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-ex\nONBOOT=yes\nNM_CONTROLLED=no\nBOOTPROTO=none\n',
    'ifcfg-br-ex': 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nONBOOT=yes\nNM_CONTROLLED=no\nBOOTPROTO=none\n',
  };

  // Files shaped like os-net-config's output and the Open vSwitch RHEL examples.
  const GENERATED: Record<string, string> = {
    'ifcfg-br-ex (dhcp bridge)':
      'DEVICE=br-ex\nONBOOT=yes\nHOTPLUG=no\nNM_CONTROLLED=no\nPEERDNS=no\nDEVICETYPE=ovs\nTYPE=OVSBridge\nOVSBOOTPROTO=dhcp\n' +
      'OVSDHCPINTERFACES="eth1 eth2"\nOVS_EXTRA="set bridge br-ex other-config:hwaddr=52:54:00:ab:cd:ef -- set bridge br-ex fail_mode=standalone"\n',
    'ifcfg-br-ctlplane (static bridge)':
      'DEVICE=br-ctlplane\nONBOOT=yes\nHOTPLUG=no\nNM_CONTROLLED=no\nPEERDNS=no\nDEVICETYPE=ovs\nTYPE=OVSBridge\nBOOTPROTO=static\n' +
      'IPADDR=192.0.2.5\nNETMASK=255.255.255.0\nGATEWAY=192.0.2.1\nDNS1=192.0.2.53\nDNS2=2001:db8::53\nMTU=9000\nDEFROUTE=yes\n' +
      'IPV6INIT=yes\nIPV6_AUTOCONF=no\nIPV6ADDR=2001:db8::5/64\nIPV6_DEFAULTGW=2001:db8::1\n',
    'ifcfg-vlan20 (internal port)':
      'DEVICE=vlan20\nONBOOT=yes\nHOTPLUG=no\nNM_CONTROLLED=no\nPEERDNS=no\nDEVICETYPE=ovs\nTYPE=OVSIntPort\nOVS_BRIDGE=br-ex\n' +
      'OVS_OPTIONS="tag=20"\nBOOTPROTO=static\nIPADDR=172.16.2.10\nNETMASK=255.255.255.0\nIPADDR1=172.16.2.11\nNETMASK1=255.255.255.0\n',
    'ifcfg-bond1 (ovs bond)':
      'DEVICE=bond1\nONBOOT=yes\nHOTPLUG=no\nNM_CONTROLLED=no\nPEERDNS=no\nDEVICETYPE=ovs\nTYPE=OVSBond\nOVS_BRIDGE=br-ex\n' +
      'BOOTPROTO=none\nBOND_IFACES="eth2 eth3"\nOVS_OPTIONS="bond_mode=balance-slb lacp=active other_config:lacp-time=fast"\n',
    'ifcfg-eth2 (bond member)': 'DEVICE=eth2\nONBOOT=yes\nHOTPLUG=no\nNM_CONTROLLED=no\nPEERDNS=no\nBOOTPROTO=none\n',
    'ifcfg-patch-a (patch port)':
      'DEVICE=patch-a\nONBOOT=yes\nDEVICETYPE=ovs\nTYPE=OVSPatchPort\nOVS_BRIDGE=br-a\nOVS_PATCH_PEER=patch-b\nNM_CONTROLLED=no\n',
    'ifcfg-gre0 (tunnel)':
      'DEVICE=ovs-gre0\nONBOOT=yes\nDEVICETYPE=ovs\nTYPE=OVSTunnel\nOVS_BRIDGE=br-tun\nOVS_TUNNEL_TYPE=gre\n' +
      'OVS_TUNNEL_OPTIONS="options:remote_ip=192.0.2.2"\nNM_CONTROLLED=no\n',
    'ifcfg-dpdk0 (dpdk port)':
      'DEVICE=dpdk0\nONBOOT=yes\nHOTPLUG=no\nNM_CONTROLLED=no\nDEVICETYPE=ovs\nTYPE=OVSDPDKPort\nOVS_BRIDGE=br-link\nMTU=9000\n' +
      'OVS_EXTRA="set Interface dpdk0 options:dpdk-devargs=0000:00:07.0"\n',
    'ifcfg-vhu0 (vhost-user client)':
      'DEVICE=vhu0\nONBOOT=yes\nDEVICETYPE=ovs\nTYPE=OVSDPDKVhostUserPort\nOVS_BRIDGE=br-link\nOVS_PORT_MODE=client\n' +
      'OVS_PORT_PATH=/var/lib/vhost_sockets/vhu0\nNM_CONTROLLED=no\n',
    'ifcfg-br-link (user bridge)':
      'DEVICE=br-link\nONBOOT=yes\nDEVICETYPE=ovs\nTYPE=OVSUserBridge\nSTP=false\nNM_CONTROLLED=no\nOVSREQUIRES="dpdk0 vhu0"\n',
    'ifcfg-em1 (installer-written NIC)':
      'TYPE=Ethernet\nPROXY_METHOD=none\nBROWSER_ONLY=no\nBOOTPROTO=dhcp\nDEFROUTE=yes\nIPV4_FAILURE_FATAL=no\nIPV6INIT=yes\n' +
      'IPV6_AUTOCONF=yes\nIPV6_DEFROUTE=yes\nIPV6_FAILURE_FATAL=no\nIPV6_ADDR_GEN_MODE=stable-privacy\nNAME=em1\n' +
      'UUID=5fb06bd0-0bb0-7ffb-45f1-d6edd65f3e03\nDEVICE=em1\nONBOOT=yes\nHWADDR=52:54:00:12:34:56\n',
    'ifcfg-eth0.100 (kernel vlan)': 'DEVICE=eth0.100\nVLAN=yes\nPHYSDEV=eth0\nVID=100\nBOOTPROTO=none\nONBOOT=yes\n',
    'ifcfg-bond0 (kernel bond)':
      "DEVICE=bond0\nTYPE=Bond\nBONDING_MASTER=yes\nBONDING_OPTS='mode=802.3ad miimon=100'\nBOOTPROTO=none\nBRIDGE=br0\n",
    'ifcfg-br0 (linux bridge)': 'DEVICE=br0\nTYPE=Bridge\nSTP=no\nDELAY=0\nBOOTPROTO=static\nIPADDR=192.0.2.20\nPREFIX=24\nZONE=internal\n',
  };

  for (const [name, text] of Object.entries(SEED)) it(`seed ${name}`, () => assertClean(name, text));
  for (const [name, text] of Object.entries(GENERATED)) it(name, () => assertClean(name, text));
});
