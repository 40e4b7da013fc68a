import { strict as assert } from 'node:assert';
import { describe as suite, test } from 'node:test';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { NeutronConfigService } from '../../../server/src/core/service';
import { applyWorkspaceEdit, codesAt, formatRange, rangeOf, uriOf, workspaceOf } from '../helpers';

/**
 * The ML2-side rules (physnet-undeclared, physnet-unmapped,
 * flat-type-driver-missing, tenant-type-not-enabled, ml2-configs-disagree)
 * and their quick fixes, on inline workspaces.
 */

const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const AGENT0 = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const AGENT1 = 'compute-1/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const ml2Of = (host: string) => `${host}/etc/neutron/plugins/ml2/ml2_conf.ini`;
const agentOf = (host: string) => `${host}/etc/neutron/plugins/ml2/openvswitch_agent.ini`;

interface Ml2Options {
  typeDrivers?: string;
  tenantTypes?: string;
  projectTypes?: string;
  externalType?: string;
  flat?: string;
  vlan?: string;
}

/** An ML2 file; an option left undefined is not written at all. */
function ml2(o: Ml2Options): string {
  const line = (name: string, value: string | undefined) => (value === undefined ? '' : `${name} = ${value}\n`.replace(/ = \n$/, ' =\n'));
  return (
    '[DEFAULT]\n\n[ml2]\n' +
    line('type_drivers', o.typeDrivers) +
    line('tenant_network_types', o.tenantTypes) +
    line('project_network_types', o.projectTypes) +
    line('external_network_type', o.externalType) +
    'mechanism_drivers = openvswitch\n\n[ml2_type_flat]\n' +
    line('flat_networks', o.flat) +
    '\n[ml2_type_vlan]\n' +
    line('network_vlan_ranges', o.vlan) +
    '\n[ml2_type_vxlan]\nvni_ranges = 1:1000\n'
  );
}

function agent(mappings: string | undefined): string {
  return '[agent]\ntunnel_types = vxlan\n\n[ovs]\n' + (mappings === undefined ? '' : `bridge_mappings = ${mappings}\n`) + 'local_ip = 172.16.0.10\n';
}

/** `code@range` for an expected finding, the range given by a token of the fixture text. */
function at(code: string, text: string, needle: string, occurrence = 0): string {
  return `${code}@${formatRange(rangeOf(text, needle, occurrence))}`;
}

function diagnosticAt(service: NeutronConfigService, path: string, code: string, range: Range): Diagnostic {
  const found = service.getDiagnostics(uriOf(path)).find((d) => d.code === code && formatRange(d.range) === formatRange(range));
  assert.ok(found, `no ${code} at ${formatRange(range)} in ${path}: ${JSON.stringify(codesAt(service, path))}`);
  return found;
}

/** The quick fixes for one diagnostic, without the suppression actions every diagnostic gets. */
function fixesFor(service: NeutronConfigService, path: string, diagnostic: Diagnostic): CodeAction[] {
  return service.getCodeActions(uriOf(path), diagnostic.range, [diagnostic]).filter((a) => !a.title.startsWith('Ignore '));
}

/** A diagnostic's message as text (the protocol also allows markup). */
function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function titles(actions: CodeAction[]): string[] {
  return actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`);
}

function applied(files: Record<string, string>, action: CodeAction): Record<string, string> {
  assert.ok(action.edit, `action "${action.title}" has no edit`);
  return applyWorkspaceEdit(files, action.edit);
}

// ---------------------------------------------------------------------------

suite('physnet-undeclared', () => {
  const ml2Text = ml2({ typeDrivers: 'flat,vlan,vxlan', tenantTypes: 'vxlan', flat: 'physnet1', vlan: 'physnet2:100:200' });
  const agentText = agent('physnet1:br-ex,phsynet2:br-vlan, storage:br-stor');
  const files = { [ML2]: ml2Text, [AGENT0]: agentText };

  test('each mapped physnet neither flat nor VLAN is reported on its token', () => {
    const service = workspaceOf(files);
    assert.deepEqual(codesAt(service, AGENT0), [at('physnet-undeclared', agentText, 'phsynet2'), at('physnet-undeclared', agentText, 'storage')]);
    // physnet2 is declared but only the misspelt name is mapped.
    assert.deepEqual(codesAt(service, ML2), [at('physnet-unmapped', ml2Text, 'physnet2')]);
  });

  test('message names the ML2 host and the consequence; related information points at the declaring options', () => {
    const service = workspaceOf(files);
    const d = diagnosticAt(service, AGENT0, 'physnet-undeclared', rangeOf(agentText, 'phsynet2'));
    assert.equal(
      messageOf(d),
      'Physical network "phsynet2" is not declared in the ML2 config of controller: neither flat_networks nor network_vlan_ranges names it. ' +
        'neutron-server refuses to create a flat or VLAN network on "phsynet2", so this mapping on compute-0 can never carry a network. Did you mean "physnet2"?',
    );
    assert.deepEqual(d.data, { physnet: 'phsynet2', suggestions: ['physnet2', 'physnet1'] });
    assert.deepEqual(
      d.relatedInformation?.map((r) => [r.location.uri, formatRange(r.location.range), r.message]),
      [
        [uriOf(ML2), formatRange(rangeOf(ml2Text, 'flat_networks = physnet1')), 'flat_networks on controller allows "physnet1"'],
        [uriOf(ML2), formatRange(rangeOf(ml2Text, 'network_vlan_ranges = physnet2:100:200')), 'network_vlan_ranges on controller declares "physnet2"'],
      ],
    );
  });

  test('fixes: did-you-mean replacement (preferred) and adding the physnet to flat_networks', () => {
    const service = workspaceOf(files);
    const d = diagnosticAt(service, AGENT0, 'physnet-undeclared', rangeOf(agentText, 'phsynet2'));
    const actions = fixesFor(service, AGENT0, d);
    assert.deepEqual(titles(actions), [
      'Change to "physnet2" (preferred)',
      'Change to "physnet1"',
      'Add "phsynet2" to flat_networks in controller\'s ML2 config',
    ]);
    assert.equal(applied(files, actions[0])[AGENT0], agent('physnet1:br-ex,physnet2:br-vlan, storage:br-stor'));
    const added = applied(files, actions[2]);
    assert.equal(added[ML2], ml2({ typeDrivers: 'flat,vlan,vxlan', tenantTypes: 'vxlan', flat: 'physnet1,phsynet2', vlan: 'physnet2:100:200' }));
    assert.equal(added[AGENT0], agentText);
  });

  test('without a near name, adding to flat_networks is the preferred fix and keeps the list style', () => {
    const styled = ml2({ typeDrivers: 'flat,vlan', tenantTypes: 'vlan', flat: 'physnet1, physnet0', vlan: 'physnet2:100:200' });
    const workspace = { [ML2]: styled, [AGENT0]: agentText };
    const service = workspaceOf(workspace);
    const d = diagnosticAt(service, AGENT0, 'physnet-undeclared', rangeOf(agentText, 'storage'));
    assert.deepEqual(d.data, { physnet: 'storage', suggestions: [] });
    const actions = fixesFor(service, AGENT0, d);
    assert.deepEqual(titles(actions), ['Add "storage" to flat_networks in controller\'s ML2 config (preferred)']);
    assert.equal(
      applied(workspace, actions[0])[ML2],
      ml2({ typeDrivers: 'flat,vlan', tenantTypes: 'vlan', flat: 'physnet1, physnet0, storage', vlan: 'physnet2:100:200' }),
    );
  });

  test('an empty flat_networks (flat networks disabled) is set to the physnet', () => {
    for (const [before, after] of [
      ['flat_networks =\n', 'flat_networks = storage\n'],
      ['flat_networks=\n', 'flat_networks= storage\n'],
    ]) {
      const text = ml2({ typeDrivers: 'flat,vlan', tenantTypes: 'vlan', vlan: 'physnet1' }).replace('[ml2_type_flat]\n', `[ml2_type_flat]\n${before}`);
      const agentOnly = agent('storage:br-stor');
      const workspace = { [ML2]: text, [AGENT0]: agentOnly };
      const service = workspaceOf(workspace);
      assert.deepEqual(codesAt(service, AGENT0), [at('physnet-undeclared', agentOnly, 'storage')]);
      assert.deepEqual(codesAt(service, ML2), [at('physnet-unmapped', text, 'physnet1')]);
      const d = diagnosticAt(service, AGENT0, 'physnet-undeclared', rangeOf(agentOnly, 'storage'));
      const relatedFlat = d.relatedInformation?.[0];
      assert.equal(relatedFlat?.message, 'flat_networks on controller is empty: flat networks are disabled');
      const actions = fixesFor(service, AGENT0, d);
      assert.deepEqual(titles(actions), ['Add "storage" to flat_networks in controller\'s ML2 config (preferred)']);
      assert.equal(applied(workspace, actions[0])[ML2], text.replace(before, after));
    }
  });

  test('HA: the physnet is added to every controller in one edit', () => {
    const c0 = ml2({ typeDrivers: 'flat,vxlan', tenantTypes: 'vxlan', flat: 'physnet1' });
    const c1 = ml2({ typeDrivers: 'flat,vxlan', tenantTypes: 'vxlan', flat: 'physnet1 , physnet1' });
    const c2 = ml2({ typeDrivers: 'flat,vxlan', tenantTypes: 'vxlan', flat: 'physnet1' }).replace('flat_networks = physnet1\n', 'flat_networks =\n    physnet1\n');
    const agentText9 = agent('physnet1:br-ex,physnet9:br-nine');
    const workspace = { [ml2Of('controller-0')]: c0, [ml2Of('controller-1')]: c1, [ml2Of('controller-2')]: c2, [AGENT0]: agentText9 };
    const service = workspaceOf(workspace);
    const d = diagnosticAt(service, AGENT0, 'physnet-undeclared', rangeOf(agentText9, 'physnet9'));
    assert.match(messageOf(d), /not declared in any of the ML2 configs \(controller-0, controller-1 and controller-2\)/);
    assert.deepEqual(d.data, { physnet: 'physnet9', suggestions: ['physnet1'] });
    const actions = fixesFor(service, AGENT0, d);
    assert.deepEqual(titles(actions), [
      'Change to "physnet1" (preferred)',
      'Add "physnet9" to flat_networks in the ML2 configs of controller-0, controller-1 and controller-2',
    ]);
    const after = applied(workspace, actions[1]);
    assert.equal(after[ml2Of('controller-0')], c0.replace('flat_networks = physnet1\n', 'flat_networks = physnet1,physnet9\n'));
    assert.equal(after[ml2Of('controller-1')], c1.replace('flat_networks = physnet1 , physnet1\n', 'flat_networks = physnet1 , physnet1 , physnet9\n'));
    assert.equal(after[ml2Of('controller-2')], c2.replace('    physnet1\n', '    physnet1,physnet9\n'));
  });

  test('a physnet in network_vlan_ranges (with or without a range) or allowed by * is declared', () => {
    const vlanOnly = ml2({ typeDrivers: 'vlan,vxlan', tenantTypes: 'vxlan', flat: '', vlan: 'physnet1:100:200,physnet2' });
    const mapped = agent('physnet1:br-vlan,physnet2:br-two');
    const service = workspaceOf({ [ML2]: vlanOnly, [AGENT0]: mapped });
    assert.deepEqual(codesAt(service, AGENT0), []);
    assert.deepEqual(codesAt(service, ML2), []);
    const star = workspaceOf({ [ML2]: ml2({ typeDrivers: 'flat', tenantTypes: 'flat', flat: '*' }), [AGENT0]: agent('anything:br-ex') });
    assert.deepEqual(codesAt(star, AGENT0), []);
  });
});

// ---------------------------------------------------------------------------

suite('physnet-unmapped', () => {
  const ml2Text = ml2({
    typeDrivers: 'flat,vlan,vxlan',
    tenantTypes: 'vxlan',
    flat: 'physnet1,physnet2',
    vlan: 'physnet3:100:200,physnet3:300:400,physnet4',
  });
  const a0 = agent('physnet1:br-ex');
  const a1 = agent('physnet4:br-vlan');

  test('each declaration token of a physnet no agent maps is warned', () => {
    const service = workspaceOf({ [ML2]: ml2Text, [AGENT0]: a0, [AGENT1]: a1 });
    assert.deepEqual(codesAt(service, ML2), [
      at('physnet-unmapped', ml2Text, 'physnet2'),
      at('physnet-unmapped', ml2Text, 'physnet3'),
      at('physnet-unmapped', ml2Text, 'physnet3', 1),
    ]);
    assert.deepEqual(codesAt(service, AGENT0), []);
    assert.deepEqual(codesAt(service, AGENT1), []);
    const d = diagnosticAt(service, ML2, 'physnet-unmapped', rangeOf(ml2Text, 'physnet2'));
    assert.equal(
      messageOf(d),
      'Physical network "physnet2" is declared in flat_networks, but no Open vSwitch agent of this deployment maps it in bridge_mappings ' +
        '(agent configs on compute-0 and compute-1). neutron-server will create networks on "physnet2", but their ports fail with "Binding failed" ' +
        'and the reason appears only in DEBUG logs.',
    );
    assert.deepEqual(
      d.relatedInformation?.map((r) => [r.location.uri, formatRange(r.location.range)]),
      [
        [uriOf(AGENT0), formatRange(rangeOf(a0, 'bridge_mappings = physnet1:br-ex'))],
        [uriOf(AGENT1), formatRange(rangeOf(a1, 'bridge_mappings = physnet4:br-vlan'))],
      ],
    );
    const vlan = diagnosticAt(service, ML2, 'physnet-unmapped', rangeOf(ml2Text, 'physnet3', 1));
    assert.match(messageOf(vlan), /^Physical network "physnet3" is declared in network_vlan_ranges, /);
  });

  test('follows edits: mapping the physnet on an agent re-checks the ML2 file', () => {
    const service = workspaceOf({ [ML2]: ml2Text, [AGENT0]: a0, [AGENT1]: a1 });
    assert.deepEqual(codesAt(service, ML2), [
      at('physnet-unmapped', ml2Text, 'physnet2'),
      at('physnet-unmapped', ml2Text, 'physnet3'),
      at('physnet-unmapped', ml2Text, 'physnet3', 1),
    ]);
    const affected = service.setFile(uriOf(AGENT1), agent('physnet4:br-vlan,physnet2:br-two,physnet3:br-three'));
    assert.ok(affected.includes(uriOf(ML2)), 'the ML2 file is re-checked');
    assert.deepEqual(codesAt(service, ML2), []);
  });

  test('many agent hosts are summarised with a count', () => {
    const workspace: Record<string, string> = { [ML2]: ml2Text };
    for (let i = 0; i < 5; i++) workspace[agentOf(`compute-${i}`)] = agent('physnet1:br-ex,physnet3:br-vlan,physnet4:br-four');
    const service = workspaceOf(workspace);
    assert.deepEqual(codesAt(service, ML2), [at('physnet-unmapped', ml2Text, 'physnet2')]);
    assert.match(messageOf(service.getDiagnostics(uriOf(ML2))[0]), /\(agent configs on compute-0, compute-1 and 3 more \(5 hosts\)\)/);
  });

  test('an agent without bridge_mappings still counts as an agent that maps nothing', () => {
    const text = ml2({ typeDrivers: 'flat,vxlan', tenantTypes: 'vxlan', flat: 'physnet1' });
    const service = workspaceOf({ [ML2]: text, [AGENT0]: agent(undefined) });
    assert.deepEqual(codesAt(service, ML2), [at('physnet-unmapped', text, 'physnet1')]);
    const d = service.getDiagnostics(uriOf(ML2))[0];
    assert.equal(d.relatedInformation?.[0].message, 'compute-0 sets no bridge_mappings');
  });

  test('silent without agent files, with a templated or substituted mapping, or when suppressed', () => {
    assert.deepEqual(codesAt(workspaceOf({ [ML2]: ml2Text }), ML2), []);
    for (const mapping of ['{{ physnet_mappings }}', 'physnet1:br-ex,{{ extra_physnet }}:br-x', '$extra_mappings', 'physnet1:br-ex,${extra}:br-x']) {
      const service = workspaceOf({ [ML2]: ml2Text, [AGENT0]: a0, [AGENT1]: agent(mapping) });
      assert.deepEqual(codesAt(service, ML2), [], mapping);
    }
    const suppressed = ml2Text
      .replace('flat_networks =', '# neutron-config: disable=physnet-unmapped\nflat_networks =')
      .replace('network_vlan_ranges =', '# neutron-config: disable=physnet-unmapped\nnetwork_vlan_ranges =');
    assert.deepEqual(codesAt(workspaceOf({ [ML2]: suppressed, [AGENT0]: a0, [AGENT1]: a1 }), ML2), []);
  });

  test('templated declarations are not judged; * is never a physnet', () => {
    const templated = ml2({ typeDrivers: 'flat,vlan', tenantTypes: 'vlan', flat: '{{ flat_physnets }}', vlan: '$vlan_ranges' });
    assert.deepEqual(codesAt(workspaceOf({ [ML2]: templated, [AGENT0]: a0 }), ML2), []);
    const star = ml2({ typeDrivers: 'flat,vxlan', tenantTypes: 'vxlan', flat: '*' });
    assert.deepEqual(codesAt(workspaceOf({ [ML2]: star, [AGENT0]: a0 }), ML2), []);
  });
});

// ---------------------------------------------------------------------------

suite('flat-type-driver-missing', () => {
  test('flat_networks lists a physnet but type_drivers lacks flat; fix appends flat in the line\'s style', () => {
    const text = ml2({ typeDrivers: 'vxlan', tenantTypes: 'vxlan', flat: 'physnet1' });
    const workspace = { [ML2]: text, [AGENT0]: agent('physnet1:br-ex') };
    const service = workspaceOf(workspace);
    assert.deepEqual(codesAt(service, ML2), [at('flat-type-driver-missing', text, 'vxlan')]);
    const d = service.getDiagnostics(uriOf(ML2))[0];
    assert.equal(
      messageOf(d),
      'type_drivers does not load "flat", yet flat_networks lists "physnet1". ' +
        'neutron-server on controller rejects every request to create a flat network, because no type driver handles network type "flat".',
    );
    const actions = fixesFor(service, ML2, d);
    assert.deepEqual(titles(actions), ['Add "flat" to type_drivers (preferred)']);
    assert.equal(applied(workspace, actions[0])[ML2], ml2({ typeDrivers: 'vxlan,flat', tenantTypes: 'vxlan', flat: 'physnet1' }));
  });

  test('an explicit flat_networks = * counts as using flat networks; ", " style is kept', () => {
    const text = ml2({ typeDrivers: 'vxlan, vlan', tenantTypes: 'vxlan', flat: '*' });
    const workspace = { [ML2]: text };
    const service = workspaceOf(workspace);
    assert.deepEqual(codesAt(service, ML2), [at('flat-type-driver-missing', text, 'vxlan, vlan')]);
    const d = service.getDiagnostics(uriOf(ML2))[0];
    assert.match(messageOf(d), /yet flat_networks = \* allows flat networks on any physical network\./);
    const actions = fixesFor(service, ML2, d);
    assert.equal(applied(workspace, actions[0])[ML2], ml2({ typeDrivers: 'vxlan, vlan, flat', tenantTypes: 'vxlan', flat: '*' }));
  });

  test('flat_networks absent: a mapped physnet without a VLAN range can only be flat', () => {
    const text = ml2({ typeDrivers: 'vlan, vxlan', tenantTypes: 'vxlan', vlan: 'physnet2:100:200' });
    const a0 = agent('physnet2:br-vlan');
    const a1 = agent('physnet1:br-ex,physnet2:br-vlan');
    const service = workspaceOf({ [ML2]: text, [AGENT0]: a0, [AGENT1]: a1 });
    assert.deepEqual(codesAt(service, ML2), [at('flat-type-driver-missing', text, 'vlan, vxlan')]);
    const d = service.getDiagnostics(uriOf(ML2))[0];
    assert.equal(
      messageOf(d),
      'type_drivers does not load "flat", yet "physnet1" (compute-1) is mapped by agents but has no network_vlan_ranges entry, so only a flat network can use it. ' +
        'neutron-server on controller rejects every request to create a flat network, because no type driver handles network type "flat".',
    );
    assert.deepEqual(
      d.relatedInformation?.map((r) => [r.location.uri, formatRange(r.location.range), r.message]),
      [[uriOf(AGENT1), formatRange(rangeOf(a1, 'physnet1')), 'compute-1 maps "physnet1"']],
    );
    assert.deepEqual(codesAt(service, AGENT0), []);
    assert.deepEqual(codesAt(service, AGENT1), []);
  });

  test('silent when every mapped physnet has a VLAN range, when flat networks are disabled, or type_drivers is unknown', () => {
    const vlanOnly = ml2({ typeDrivers: 'vlan,vxlan', tenantTypes: 'vxlan', vlan: 'physnet1:100:200,physnet2' });
    assert.deepEqual(codesAt(workspaceOf({ [ML2]: vlanOnly, [AGENT0]: agent('physnet1:br-a,physnet2:br-b') }), ML2), []);

    const disabled = ml2({ typeDrivers: 'vlan,vxlan', tenantTypes: 'vxlan', flat: '', vlan: 'physnet2' });
    const mapsFlat = agent('physnet1:br-ex,physnet2:br-vlan');
    const service = workspaceOf({ [ML2]: disabled, [AGENT0]: mapsFlat });
    assert.deepEqual(codesAt(service, ML2), []);
    assert.deepEqual(codesAt(service, AGENT0), [at('physnet-undeclared', mapsFlat, 'physnet1')]);

    for (const drivers of ['{{ neutron_type_drivers }}', '$type_drivers', '<%= @type_drivers %>']) {
      const text = ml2({ typeDrivers: drivers, tenantTypes: 'vxlan', flat: 'physnet1' });
      assert.deepEqual(codesAt(workspaceOf({ [ML2]: text, [AGENT0]: agent('physnet1:br-ex') }), ML2), [], drivers);
    }
    // type_drivers absent: the defaults load flat.
    const defaults = ml2({ tenantTypes: 'vxlan', flat: 'physnet1' });
    assert.deepEqual(codesAt(workspaceOf({ [ML2]: defaults, [AGENT0]: agent('physnet1:br-ex') }), ML2), []);
  });

  test('seed-style flat provider network is clean everywhere', () => {
    const text = ml2({ typeDrivers: 'vxlan,flat', tenantTypes: 'vxlan', flat: '*' });
    const workspace = {
      [ML2]: text,
      [AGENT0]: agent('physnet1:br-ex'),
      ['network/etc/neutron/plugins/ml2/openvswitch_agent.ini']: agent('physnet1:br-ex'),
    };
    const service = workspaceOf(workspace);
    for (const path of Object.keys(workspace)) assert.deepEqual(codesAt(service, path), [], path);
  });

  test('HA: judged per ML2 file', () => {
    const withFlat = ml2({ typeDrivers: 'flat,vxlan', tenantTypes: 'vxlan', flat: 'physnet1' });
    const without = ml2({ typeDrivers: 'vxlan', tenantTypes: 'vxlan', flat: 'physnet1' });
    const service = workspaceOf({ [ml2Of('controller-0')]: withFlat, [ml2Of('controller-1')]: without, [AGENT0]: agent('physnet1:br-ex') });
    assert.deepEqual(codesAt(service, ml2Of('controller-0')), []);
    assert.deepEqual(codesAt(service, ml2Of('controller-1')), [
      at('flat-type-driver-missing', without, 'vxlan'),
      at('ml2-configs-disagree', without, 'vxlan'),
    ]);
    assert.match(messageOf(service.getDiagnostics(uriOf(ml2Of('controller-1')))[0]), /neutron-server on controller-1 rejects/);
  });
});

// ---------------------------------------------------------------------------

suite('tenant-type-not-enabled', () => {
  test('each project type and the external type without a loaded driver; fix adds the type to type_drivers', () => {
    const text = ml2({ typeDrivers: 'flat,vxlan', tenantTypes: 'vxlan,vlan', externalType: 'vlan', flat: 'physnet1' });
    const workspace = { [ML2]: text };
    const service = workspaceOf(workspace);
    assert.deepEqual(codesAt(service, ML2), [
      at('tenant-type-not-enabled', text, 'vlan'),
      at('tenant-type-not-enabled', text, 'vlan', 1),
    ]);
    const [tenant, external] = service.getDiagnostics(uriOf(ML2));
    assert.equal(
      messageOf(tenant),
      'tenant_network_types lists "vlan", but no type driver serves network type "vlan": type_drivers loads only flat, vxlan. ' +
        'neutron-server on controller reports the missing driver and exits at start.',
    );
    assert.equal(messageOf(external).split(',')[0], 'external_network_type is "vlan"');
    assert.deepEqual(tenant.data, { type: 'vlan', suggestions: [], source: 'tenant' });
    const actions = fixesFor(service, ML2, tenant);
    assert.deepEqual(titles(actions), ['Add "vlan" to type_drivers (preferred)']);
    assert.equal(
      applied(workspace, actions[0])[ML2],
      ml2({ typeDrivers: 'flat,vxlan,vlan', tenantTypes: 'vxlan,vlan', externalType: 'vlan', flat: 'physnet1' }),
    );
    assert.equal(
      applied(workspace, fixesFor(service, ML2, external)[0])[ML2],
      ml2({ typeDrivers: 'flat,vxlan,vlan', tenantTypes: 'vxlan,vlan', externalType: 'vlan', flat: 'physnet1' }),
    );
  });

  test('project_network_types (2026.1) is read in preference to tenant_network_types', () => {
    const text = ml2({ typeDrivers: 'vxlan, flat', tenantTypes: 'vxlan', projectTypes: 'geneve', flat: '*' });
    const workspace = { [ML2]: text };
    const service = workspaceOf(workspace);
    assert.deepEqual(codesAt(service, ML2), [at('tenant-type-not-enabled', text, 'geneve')]);
    const d = service.getDiagnostics(uriOf(ML2))[0];
    assert.match(messageOf(d), /^project_network_types lists "geneve"/);
    assert.equal(applied(workspace, fixesFor(service, ML2, d)[0])[ML2], text.replace('type_drivers = vxlan, flat', 'type_drivers = vxlan, flat, geneve'));
  });

  test('type_drivers absent: only an unknown type fires, and the fix is the nearest real type', () => {
    const text = ml2({ tenantTypes: 'vxlna', flat: '*' });
    const workspace = { [ML2]: text };
    const service = workspaceOf(workspace);
    assert.deepEqual(codesAt(service, ML2), [at('tenant-type-not-enabled', text, 'vxlna')]);
    const d = service.getDiagnostics(uriOf(ML2))[0];
    assert.equal(
      messageOf(d),
      'tenant_network_types lists "vxlna", but no type driver serves network type "vxlna": type_drivers is not set, so only the default drivers ' +
        '(local, flat, vlan, gre, vxlan, geneve) load. neutron-server on controller reports the missing driver and exits at start. Did you mean "vxlan"?',
    );
    const actions = fixesFor(service, ML2, d);
    assert.deepEqual(titles(actions), ['Change to "vxlan" (preferred)', 'Change to "vlan"']);
    assert.equal(applied(workspace, actions[0])[ML2], ml2({ tenantTypes: 'vxlan', flat: '*' }));
  });

  test('a misspelt type with type_drivers set: replacing is preferred, loading it is offered', () => {
    const text = ml2({ typeDrivers: 'flat,vxlan', tenantTypes: 'vxaln', flat: '*' });
    const service = workspaceOf({ [ML2]: text });
    const d = diagnosticAt(service, ML2, 'tenant-type-not-enabled', rangeOf(text, 'vxaln'));
    assert.deepEqual(titles(fixesFor(service, ML2, d)), ['Change to "vxlan" (preferred)', 'Change to "vlan"', 'Add "vxaln" to type_drivers']);
  });

  test('tenant_network_types absent defaults to local: reported on type_drivers when it lacks local', () => {
    const text = ml2({ typeDrivers: 'flat,vlan', flat: 'physnet1' });
    const workspace = { [ML2]: text };
    const service = workspaceOf(workspace);
    assert.deepEqual(codesAt(service, ML2), [at('tenant-type-not-enabled', text, 'flat,vlan')]);
    const d = service.getDiagnostics(uriOf(ML2))[0];
    assert.match(messageOf(d), /^tenant_network_types is not set and defaults to "local", but no type driver serves network type "local"/);
    const actions = fixesFor(service, ML2, d);
    assert.deepEqual(titles(actions), ['Add "local" to type_drivers (preferred)']);
    assert.equal(applied(workspace, actions[0])[ML2], ml2({ typeDrivers: 'flat,vlan,local', flat: 'physnet1' }));
  });

  test('silent for loaded types, templated values and suppression', () => {
    const clean = [
      ml2({ typeDrivers: 'flat,vlan,vxlan', tenantTypes: 'vxlan, vlan', externalType: 'flat', flat: '*' }),
      ml2({ tenantTypes: 'vxlan', externalType: 'vlan', flat: '*' }),
      ml2({ typeDrivers: 'flat,vxlan', tenantTypes: '{{ tenant_network_types }}', externalType: '{{ ext_type }}', flat: '*' }),
      ml2({ typeDrivers: 'flat,vxlan', tenantTypes: '$tenant_types', externalType: '${ext_type}', flat: '*' }),
      ml2({ typeDrivers: '{% if vlan %}vlan,{% endif %}flat,vxlan', tenantTypes: 'vlan', flat: '*' }),
      ml2({ typeDrivers: 'flat,vxlan', tenantTypes: 'vxlan', flat: '*' }).replace(
        'tenant_network_types = vxlan\n',
        '# neutron-config: disable=tenant-type-not-enabled\ntenant_network_types = vxlan,vlan\n',
      ),
    ];
    for (const text of clean) assert.deepEqual(codesAt(workspaceOf({ [ML2]: text }), ML2), [], text);
  });
});

// ---------------------------------------------------------------------------

suite('ml2-configs-disagree', () => {
  const mapsAll = agent('physnet1:br-ex,physnet2:br-vlan,physnet3:br-three');

  test('each file is told what it lacks, on the option that would need it', () => {
    const c0 = ml2({ typeDrivers: 'flat,vlan,vxlan', tenantTypes: 'vxlan', flat: 'physnet1', vlan: 'physnet2:100:200' });
    const c1 = ml2({ typeDrivers: 'flat,vxlan', tenantTypes: 'vxlan', flat: 'physnet1,physnet3' });
    const service = workspaceOf({ [ml2Of('controller-0')]: c0, [ml2Of('controller-1')]: c1, [AGENT0]: mapsAll });
    assert.deepEqual(codesAt(service, ml2Of('controller-0')), [at('ml2-configs-disagree', c0, 'physnet1')]);
    assert.deepEqual(codesAt(service, ml2Of('controller-1')), [
      at('ml2-configs-disagree', c1, 'flat,vxlan'),
      at('ml2-configs-disagree', c1, 'ml2_type_vlan'),
    ]);
    assert.deepEqual(codesAt(service, AGENT0), []);

    const [flat] = service.getDiagnostics(uriOf(ml2Of('controller-0')));
    assert.equal(
      messageOf(flat),
      'This ML2 config (flat_networks) allows flat networks on fewer physical networks than others of this deployment: controller-1 allows "physnet3". ' +
        'Every neutron-server of the deployment answers the same API, so a flat network on those physical networks is accepted or refused ' +
        'depending on which controller handles the request.',
    );
    assert.deepEqual(flat.data, { aspect: 'flat', missing: ['physnet3'] });
    assert.deepEqual(
      flat.relatedInformation?.map((r) => [r.location.uri, formatRange(r.location.range), r.message]),
      [[uriOf(ml2Of('controller-1')), formatRange(rangeOf(c1, 'physnet1,physnet3')), 'flat_networks on controller-1']],
    );
    const [types, vlan] = service.getDiagnostics(uriOf(ml2Of('controller-1')));
    assert.match(messageOf(types), /^This ML2 config \(type_drivers\) loads fewer type drivers than others of this deployment: controller-0 loads "vlan"\./);
    assert.match(messageOf(vlan), /^This ML2 config \(network_vlan_ranges\) gives VLAN ranges to fewer physical networks than others of this deployment: controller-0 has VLAN ranges on "physnet2"\./);
  });

  test('flat_networks left at its default (*) allows more than a list', () => {
    const open = ml2({ typeDrivers: 'flat,vxlan', tenantTypes: 'vxlan' });
    const listed = ml2({ typeDrivers: 'flat,vxlan', tenantTypes: 'vxlan', flat: 'physnet1' });
    const service = workspaceOf({ [ml2Of('controller-0')]: open, [ml2Of('controller-1')]: listed, [AGENT0]: agent('physnet1:br-ex') });
    assert.deepEqual(codesAt(service, ml2Of('controller-0')), []);
    assert.deepEqual(codesAt(service, ml2Of('controller-1')), [at('ml2-configs-disagree', listed, 'physnet1')]);
    assert.match(messageOf(service.getDiagnostics(uriOf(ml2Of('controller-1')))[0]), /: controller-0 allows any physical network\./);
  });

  test('three controllers that agree (order, spacing, VLAN bounds aside) are silent', () => {
    const texts = [
      ml2({ typeDrivers: 'flat,vlan,vxlan', tenantTypes: 'vxlan', flat: 'physnet1,physnet3', vlan: 'physnet2:100:200' }),
      ml2({ typeDrivers: 'vxlan, vlan, flat', tenantTypes: 'vxlan', flat: 'physnet3, physnet1', vlan: 'physnet2:100:300' }),
      ml2({ typeDrivers: 'vlan,flat,vxlan', tenantTypes: 'vxlan', flat: 'physnet1,physnet3', vlan: 'physnet2' }),
    ];
    const workspace: Record<string, string> = { [AGENT0]: mapsAll };
    texts.forEach((t, i) => (workspace[ml2Of(`controller-${i}`)] = t));
    const service = workspaceOf(workspace);
    for (const path of Object.keys(workspace)) assert.deepEqual(codesAt(service, path), [], path);
  });

  test('templated values are not compared', () => {
    const c0 = ml2({ typeDrivers: '{{ type_drivers }}', tenantTypes: 'vxlan', flat: '{{ flat_networks }}', vlan: '$vlan_ranges' });
    const c1 = ml2({ typeDrivers: 'flat,vxlan', tenantTypes: 'vxlan', flat: 'physnet1', vlan: 'physnet2' });
    const service = workspaceOf({ [ml2Of('controller-0')]: c0, [ml2Of('controller-1')]: c1, [AGENT0]: mapsAll });
    assert.deepEqual(codesAt(service, ml2Of('controller-0')), []);
    assert.deepEqual(codesAt(service, ml2Of('controller-1')), []);
  });

  test('two deployments (prod/ and staging/) never compare or see each other\'s names', () => {
    const prod = ml2({ typeDrivers: 'flat,vxlan', tenantTypes: 'vxlan', flat: 'physnet1' });
    const staging = ml2({ typeDrivers: 'vlan,vxlan', tenantTypes: 'vxlan', flat: '', vlan: 'physnet2:10:20' });
    const prodAgent = agent('physnet1:br-ex');
    const stagingAgent = agent('physnet2:br-vlan,physnet1:br-ex');
    const workspace = {
      [`prod/${ML2}`]: prod,
      [`prod/${AGENT0}`]: prodAgent,
      [`staging/${ML2}`]: staging,
      [`staging/${AGENT0}`]: stagingAgent,
    };
    const service = workspaceOf(workspace);
    assert.deepEqual(codesAt(service, `prod/${ML2}`), []);
    assert.deepEqual(codesAt(service, `prod/${AGENT0}`), []);
    assert.deepEqual(codesAt(service, `staging/${ML2}`), []);
    // physnet1 is declared only in prod: staging's agent may not use it.
    assert.deepEqual(codesAt(service, `staging/${AGENT0}`), [at('physnet-undeclared', stagingAgent, 'physnet1')]);
  });

  test('suppressed with a comment above the option', () => {
    const c0 = ml2({ typeDrivers: 'flat,vxlan', tenantTypes: 'vxlan', flat: 'physnet1' }).replace(
      'flat_networks =',
      '# neutron-config: disable=ml2-configs-disagree\nflat_networks =',
    );
    const c1 = ml2({ typeDrivers: 'flat,vxlan', tenantTypes: 'vxlan', flat: 'physnet1,physnet3' });
    const service = workspaceOf({ [ml2Of('controller-0')]: c0, [ml2Of('controller-1')]: c1, [AGENT0]: mapsAll });
    assert.deepEqual(codesAt(service, ml2Of('controller-0')), []);
  });
});
