import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RENAME_REFUSED_CODE, RenameRefusedError } from '../../../server/src/core/features/rename';
import { applyWorkspaceEdit, rangeOf, uriOf } from '../helpers';
import * as F from './fixture';

const { at, mark } = F;

/** Renames at the cursor and returns every file after the edit is applied. */
function renamed(path: string, textWithBar: string, newName: string, base = F.files(), fileRenames = true): Record<string, string> {
  const { service, uri, position, files } = at(path, textWithBar, base);
  return applyWorkspaceEdit(files, service.rename(uri, position, newName, { fileRenames }));
}

/** The files with `changes` applied: path → new text, or path → undefined to delete it. */
function expected(changes: Record<string, string | undefined>, base = F.files()): Record<string, string> {
  const result: Record<string, string> = { ...base };
  for (const [path, text] of Object.entries(changes)) {
    if (text === undefined) delete result[path];
    else result[path] = text;
  }
  return result;
}

function refusal(path: string, textWithBar: string, newName: string | undefined, message: RegExp, base = F.files()): void {
  const { service, uri, position } = at(path, textWithBar, base);
  const run = () => (newName === undefined ? service.prepareRename(uri, position) : service.rename(uri, position, newName));
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof RenameRefusedError, `a RenameRefusedError, got ${String(error)}`);
    assert.equal(error.code, RENAME_REFUSED_CODE);
    assert.match(error.message, message);
    return true;
  });
}

describe('rename: physnets across the deployment', () => {
  it('renames physnet1 in the ML2 declaration, the MTU list and every mapping of site-a, not in site-b', () => {
    assert.deepEqual(
      renamed(F.agent('compute-0'), mark(F.AGENT_0, 'physnet1', 2), 'provider'),
      expected({
        [F.ML2]: F.ML2_TEXT.replace('physical_network_mtus = physnet1', 'physical_network_mtus = provider').replace('flat_networks = physnet1', 'flat_networks = provider'),
        [F.agent('compute-0')]: F.AGENT_0.replace('physnet1', 'provider'),
        [F.agent('compute-1')]: F.AGENT_1.replace('physnet1', 'provider'),
        [F.agent('network-0')]: F.AGENT_N.replace('physnet1', 'provider'),
      }),
    );
  });

  it('renames physnet2 from a VLAN entry: both entries and every host', () => {
    assert.deepEqual(
      renamed(F.ML2, mark(F.ML2_TEXT, 'physnet2', 0, 1), 'datacentre'),
      expected({
        [F.ML2]: F.ML2_TEXT.replaceAll('physnet2', 'datacentre'),
        [F.agent('compute-0')]: F.AGENT_0.replace('physnet2', 'datacentre'),
        [F.agent('compute-2')]: F.AGENT_2.replace('physnet2', 'datacentre'),
      }),
    );
  });

  it('renames in site-b only from there', () => {
    assert.deepEqual(
      renamed(F.agent('compute-0', 'site-b'), mark(F.AGENT_B, 'physnet1'), 'ext'),
      expected({ [F.agent('compute-0', 'site-b')]: F.AGENT_B.replace('physnet1', 'ext') }),
    );
  });

  it('edits nothing when the name stays', () => {
    const { service, uri, position } = at(F.ML2, mark(F.ML2_TEXT, 'physnet3'));
    assert.deepEqual(service.rename(uri, position, 'physnet3'), { documentChanges: [] });
  });

  it('puts the text edits before the file renames, one edit per file, versions left open', () => {
    const { service, uri, position } = at(F.agent('compute-0'), mark(F.AGENT_0, 'physnet1'));
    const edit = service.rename(uri, position, 'provider');
    const changes = edit.documentChanges ?? [];
    assert.deepEqual(
      changes.map((c) => ('textDocument' in c ? `${c.textDocument.uri} v${c.textDocument.version} ×${c.edits.length}` : c.kind)),
      [
        `${uriOf(F.agent('compute-0'))} vnull ×1`,
        `${uriOf(F.agent('compute-1'))} vnull ×1`,
        `${uriOf(F.ML2)} vnull ×2`,
        `${uriOf(F.agent('network-0'))} vnull ×1`,
      ],
    );
  });
});

describe('rename: bridges across the host, file included', () => {
  it('renames br-ex on compute-0: mappings, bandwidths, l3, ports, DEVICE and ifcfg-br-ex itself', () => {
    assert.deepEqual(
      renamed(F.agent('compute-0'), mark(F.AGENT_0, 'br-ex', 3), 'br-provider'),
      expected({
        [F.agent('compute-0')]: F.AGENT_0.replaceAll('br-ex', 'br-provider'),
        [F.l3('compute-0')]: F.L3_0.replace('br-ex', 'br-provider'),
        [F.ifcfg('compute-0', 'br-ex')]: undefined,
        [F.ifcfg('compute-0', 'br-provider')]: F.BR_EX.replace('br-ex', 'br-provider'),
        [F.ifcfg('compute-0', 'eth1')]: F.ETH1.replace('"br-ex"', '"br-provider"'),
        [F.ifcfg('compute-0', 'patch-a')]: F.PATCH_A.replace('br-ex', 'br-provider'),
      }),
    );
  });

  it('gives the same edit from the DEVICE line and from a quoted OVS_BRIDGE', () => {
    const fromAgent = renamed(F.agent('compute-0'), mark(F.AGENT_0, 'br-ex'), 'br-provider');
    assert.deepEqual(renamed(F.ifcfg('compute-0', 'br-ex'), mark(F.BR_EX, 'br-ex', 1), 'br-provider'), fromAgent);
    assert.deepEqual(renamed(F.ifcfg('compute-0', 'eth1'), mark(F.ETH1, 'br-ex', 5), 'br-provider'), fromAgent);
  });

  it('renames a bridge whose file has no DEVICE: only the file name changes there', () => {
    assert.deepEqual(
      renamed(F.ifcfg('compute-0', 'bond0'), mark(F.BOND0, 'br-vlan'), 'br-data'),
      expected({
        [F.agent('compute-0')]: F.AGENT_0.replace('br-vlan', 'br-data'),
        [F.ifcfg('compute-0', 'bond0')]: F.BOND0.replace('br-vlan', 'br-data'),
        [F.ifcfg('compute-0', 'patch-b')]: F.PATCH_B.replace('br-vlan', 'br-data'),
        [F.ifcfg('compute-0', 'br-vlan')]: undefined,
        [F.ifcfg('compute-0', 'br-data')]: F.BR_VLAN,
      }),
    );
  });

  it('without file renames, keeps the file name and writes the new DEVICE into it', () => {
    assert.deepEqual(
      renamed(F.ifcfg('compute-0', 'bond0'), mark(F.BOND0, 'br-vlan'), 'br-data', F.files(), false),
      expected({
        [F.agent('compute-0')]: F.AGENT_0.replace('br-vlan', 'br-data'),
        [F.ifcfg('compute-0', 'bond0')]: F.BOND0.replace('br-vlan', 'br-data'),
        [F.ifcfg('compute-0', 'patch-b')]: F.PATCH_B.replace('br-vlan', 'br-data'),
        [F.ifcfg('compute-0', 'br-vlan')]: 'DEVICE=br-data\n' + F.BR_VLAN,
      }),
    );
    assert.deepEqual(
      renamed(F.agent('compute-1'), mark(F.AGENT_1, 'br-ex'), 'br-out', F.files(), false),
      expected({
        [F.agent('compute-1')]: F.AGENT_1.replace('br-ex', 'br-out'),
        [F.ifcfg('compute-1', 'br-ex') + '.j2']: F.BR_EX_1_TEMPLATE.replace('br-ex', 'br-out'),
      }),
    );
  });

  it("keeps a template suffix and stays on the cursor's host (compute-1)", () => {
    assert.deepEqual(
      renamed(F.agent('compute-1'), mark(F.AGENT_1, 'br-ex'), 'br-out'),
      expected({
        [F.agent('compute-1')]: F.AGENT_1.replace('br-ex', 'br-out'),
        [F.ifcfg('compute-1', 'br-ex') + '.j2']: undefined,
        [F.ifcfg('compute-1', 'br-out') + '.j2']: F.BR_EX_1_TEMPLATE.replace('br-ex', 'br-out'),
      }),
    );
  });

  it('replaces a value written with escapes whole', () => {
    const eth1 = 'DEVICE=eth1\nTYPE=OVSPort\nOVS_BRIDGE=br\\-ex\n';
    const base = { ...F.files(), [F.ifcfg('compute-0', 'eth1')]: eth1 };
    const after = renamed(F.agent('compute-0'), mark(F.AGENT_0, 'br-ex'), 'br-provider', base);
    assert.equal(after[F.ifcfg('compute-0', 'eth1')], 'DEVICE=eth1\nTYPE=OVSPort\nOVS_BRIDGE=br-provider\n');
  });

  it('leaves a bridge file whose name differs from its DEVICE where it is', () => {
    const base = { ...F.files() };
    delete base[F.ifcfg('compute-0', 'br-ex')];
    base[F.ifcfg('compute-0', 'external')] = F.BR_EX;
    const after = renamed(F.agent('compute-0'), mark(F.AGENT_0, 'br-ex'), 'br-provider', base);
    assert.equal(after[F.ifcfg('compute-0', 'external')], F.BR_EX.replace('br-ex', 'br-provider'));
    assert.equal(after[F.ifcfg('compute-0', 'br-provider')], undefined);
  });
});

describe('prepareRename', () => {
  it('gives the exact range and text of a physnet inside an entry', () => {
    const { service, uri, position } = at(F.agent('compute-0'), mark(F.AGENT_0, 'physnet2', 8));
    assert.deepEqual(service.prepareRename(uri, position), { range: rangeOf(F.AGENT_0, 'physnet2'), placeholder: 'physnet2' });
  });

  it('gives the range inside the quotes of OVS_BRIDGE and of a DEVICE value', () => {
    const onPort = at(F.ifcfg('compute-0', 'eth1'), mark(F.ETH1, 'br-ex'));
    assert.deepEqual(onPort.service.prepareRename(onPort.uri, onPort.position), { range: rangeOf(F.ETH1, 'br-ex'), placeholder: 'br-ex' });
    const onDevice = at(F.ifcfg('compute-0', 'br-ex'), mark(F.BR_EX, 'br-ex', 5));
    assert.deepEqual(onDevice.service.prepareRename(onDevice.uri, onDevice.position), { range: rangeOf(F.BR_EX, 'br-ex'), placeholder: 'br-ex' });
  });

  it('answers null where nothing stands', () => {
    const { service, uri, position } = at(F.ML2, mark(F.ML2_TEXT, '\n\n', 1));
    assert.equal(service.prepareRename(uri, position), null);
    const comment = at(F.ifcfg('compute-0', 'br-vlan'), mark(F.BR_VLAN, 'VLAN'));
    assert.equal(comment.service.prepareRename(comment.uri, comment.position), null);
  });
});

describe('rename: refused where it makes no sense', () => {
  it('refuses `*`, option, section and variable names, and other values', () => {
    refusal(F.ML2_B, mark(F.ML2_B_TEXT, '*'), undefined, /^"\*" in flat_networks stands for every physnet name/);
    refusal(F.agent('compute-0'), mark(F.AGENT_0, 'bridge_mappings', 3), undefined, /^"bridge_mappings" is an option name that Neutron looks for; it cannot be renamed/);
    refusal(F.ML2, mark(F.ML2_TEXT, 'ml2_type_vlan', 2), undefined, /^"\[ml2_type_vlan\]" is a section name/);
    refusal(F.ifcfg('compute-0', 'eth1'), mark(F.ETH1, 'OVS_BRIDGE', 1), undefined, /^"OVS_BRIDGE" is a variable name/);
    refusal(F.ML2, mark(F.ML2_TEXT, 'vlan,vxlan'), undefined, /^"vlan" is a value of \[ml2\] type_drivers\. Only physnet and bridge names/);
    refusal(F.ML2, mark(F.ML2_TEXT, '100'), undefined, /^"physnet2:100:200" gives VLAN tags/);
    refusal(F.ML2, mark(F.ML2_TEXT, '9000'), undefined, /^"9000" is an MTU/);
  });

  it('refuses interfaces and the agent bridges', () => {
    refusal(F.ifcfg('compute-0', 'eth1'), mark(F.ETH1, 'eth1'), undefined, /^"eth1" is a network interface; only physnet and bridge names can be renamed\.$/);
    refusal(F.ifcfg('compute-0', 'bond0'), mark(F.BOND0, 'eth3'), 'eth9', /^"eth3" is a network interface/);
    const base = { ...F.files(), [F.agent('compute-0', 'site-b')]: '[ovs]\nbridge_mappings = physnet1:br-int\nintegration_bridge = br-int\n' };
    refusal(F.agent('compute-0', 'site-b'), mark('[ovs]\nbridge_mappings = physnet1:br-int\nintegration_bridge = br-int\n', 'br-int'), undefined, /^"br-int" is the integration or tunnel bridge/, base);
    refusal(F.agent('compute-0', 'site-b'), mark('[ovs]\nbridge_mappings = physnet1:br-int\nintegration_bridge = br-int\n', 'br-int', 0, 1), undefined, /creates and manages itself/, base);
  });

  it('refuses templated and expanded names', () => {
    const templated = '[ovs]\nbridge_mappings = {{ physnet }}:br-ex\n';
    refusal(F.agent('compute-0'), mark(templated, 'physnet'), undefined, /^"\{\{ physnet \}\}" is filled in by a template or a variable/);
    const expanded = 'DEVICE=eth1\nTYPE=OVSPort\nOVS_BRIDGE=$BRIDGE\n';
    refusal(F.ifcfg('compute-0', 'eth1'), mark(expanded, '$BRIDGE', 2), undefined, /^The value of OVS_BRIDGE is expanded by the shell/);
  });

  it('refuses names the facts do not read: an overridden option, a malformed entry', () => {
    const twice = '[ovs]\nbridge_mappings = physnet1:br-old\nbridge_mappings = physnet1:br-ex\n';
    refusal(F.agent('compute-1'), mark(twice, 'physnet1'), undefined, /^This "\[ovs\] bridge_mappings" has no effect: a later one in the same section replaces it/);
    const malformed = '[ovs]\nbridge_mappings = physnet1\n';
    refusal(F.agent('compute-1'), mark(malformed, 'physnet1'), undefined, /^"physnet1" is not read as a physnet here: the entry of \[ovs\] bridge_mappings it stands in is malformed\.$/);
  });

  it('refuses invalid or colliding physnet names', () => {
    const on = (name: string, message: RegExp) => refusal(F.agent('compute-0'), mark(F.AGENT_0, 'physnet1'), name, message);
    on('', /^A physnet name cannot be empty\.$/);
    on('   ', /^A physnet name cannot be empty\.$/);
    on('phys:net', /^"phys:net" cannot be a physnet name: ":", "," and white space separate/);
    on('a,b', /^"a,b" cannot be a physnet name/);
    on('has space', /^"has space" cannot be a physnet name/);
    on('*', /^"\*" cannot be a physnet name: in flat_networks it allows every physnet\.$/);
    on('$physnet', /^"\$physnet" cannot be a physnet name: it holds characters that oslo\.config substitutes/);
    on('p'.repeat(65), /is 65 characters long; Neutron keeps physnet names of at most 64\.$/);
    on('physnet2', /^"physnet2" is already a physnet of this deployment \(.*ml2_conf\.ini.*\); renaming "physnet1" to it would merge two physical networks\.$/);
  });

  it('accepts a name another deployment uses', () => {
    const after = renamed(F.agent('compute-0'), mark(F.AGENT_0, 'physnet2'), 'physnet7');
    assert.equal(after[F.agent('compute-0')], F.AGENT_0.replace('physnet2', 'physnet7'));
  });

  it('refuses invalid or colliding bridge names', () => {
    const on = (name: string, message: RegExp) => refusal(F.agent('compute-0'), mark(F.AGENT_0, 'br-ex'), name, message);
    on('', /^A bridge name cannot be empty\.$/);
    on('br-this-is-too-long', /^"br-this-is-too-long" is 19 characters long; Linux interface names have at most 15\.$/);
    on('br/ex', /^"br\/ex" cannot be a bridge name: Linux interface names cannot contain "\/"\.$/);
    on('br ex', /^"br ex" cannot be a bridge name: Linux interface names cannot contain white space/);
    on('br:ex', /cannot be a bridge name/);
    on('br$x', /^"br\$x" cannot be a bridge name: use letters, digits/);
    on('-br', /^"-br" cannot be a bridge name: use letters, digits/);
    on('lo', /^"lo" cannot be a bridge name: the network service skips a file named ifcfg-lo at boot\.$/);
    on('br-ex.bak', /skips a file named ifcfg-br-ex\.bak at boot/);
    on('br-int', /^"br-int" is the integration or tunnel bridge that the Open vSwitch agent creates itself/);
    on('br-tun', /^"br-tun" is the integration or tunnel bridge/);
    on('br-vlan', /^compute-0 already has an interface "br-vlan" \(ifcfg-br-vlan\)/);
    on('eth1', /^compute-0 already has an interface "eth1" \(ifcfg-eth1\)/);
  });

  it('refuses a bridge name only mapped on the host', () => {
    const agent = '[ovs]\nbridge_mappings = physnet1:br-ex,physnet2:br-ghost\n';
    const base = { ...F.files(), [F.agent('compute-0')]: agent };
    refusal(F.agent('compute-0'), mark(agent, 'br-ex'), 'br-ghost', /^"br-ghost" is already used as a bridge on compute-0 \(.*openvswitch_agent\.ini\); renaming would merge two bridges\.$/, base);
  });

  it('refuses with nothing under the cursor', () => {
    refusal(F.ML2, mark(F.ML2_TEXT, '\n\n', 1), 'x', /^There is no physnet or bridge name here to rename\.$/);
  });
});
