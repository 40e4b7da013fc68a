/**
 * The deployment's running summary of who maps which physnet (what the hover
 * on a physnet shows): after any sequence of agent files added, edited,
 * turned into something else and removed, it says what a summary built from
 * scratch of the same files says.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { NeutronConfigService } from '../../../server/src/core/service';
import { PhysnetMappers } from '../../../server/src/core/workspace/physnetMappers';
import { hoverText } from '../../protocol/fixture';
import { uriOf, workspaceOf } from '../helpers';

const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const ml2Text = '[ml2]\ntype_drivers = flat,vlan\n\n[ml2_type_flat]\nflat_networks = physnet1\n\n[ml2_type_vlan]\nnetwork_vlan_ranges = physnet2:100:200\n';
const ovs = (host: string) => `${host}/etc/neutron/plugins/ml2/openvswitch_agent.ini`;
const linuxbridge = (host: string) => `${host}/etc/neutron/plugins/ml2/linuxbridge_agent.ini`;

/** Everything the summary says, in a canonical order. */
function dump(mappers: PhysnetMappers, physnets: string[]): string[] {
  const out = [`files ${mappers.files}`, `kinds ${mappers.agentKinds().sort().join(',')}`, `open ${mappers.open}`];
  for (const physnet of physnets) {
    const of = mappers.of(physnet);
    if (!of) continue;
    out.push(`${physnet} maps ${mappers.maps(physnet)}`);
    out.push(`${physnet} hosts ${[...of.hosts].sort().join(',')}`);
    for (const t of [...of.targets.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) out.push(`${physnet} ${t.target}:${t.name} ${[...t.hosts].sort().join(',')}`);
  }
  return out;
}

const deploymentOf = (service: NeutronConfigService) => service.context(uriOf(ML2))!.deployment!;

describe('the running summary of physnet mappings', () => {
  it('matches a summary built from scratch after adds, edits, kind changes and removals', () => {
    const service = workspaceOf({ [ML2]: ml2Text });
    const edits: [path: string, text: string | undefined][] = [
      [ovs('compute-0'), '[ovs]\nbridge_mappings = physnet1:br-ex\n'],
      [ovs('compute-1'), '[ovs]\nbridge_mappings = physnet1:br-ex,physnet2:br-vlan\n'],
      [linuxbridge('compute-2'), '[linux_bridge]\nphysical_interface_mappings = physnet2:eth1\n'],
      // Two agent files of one host map physnet1: the host stays until both stop.
      [linuxbridge('compute-1'), '[linux_bridge]\nphysical_interface_mappings = physnet1:eth2\n'],
      [ovs('compute-1'), '[ovs]\nbridge_mappings = physnet2:br-vlan\n'],
      [ovs('compute-0'), '[ovs]\nbridge_mappings = {{ mappings }}\n'],
      [ovs('compute-3'), '[ovs]\nbridge_mappings = physnet1:{{ bridge }}\n'],
      [linuxbridge('compute-1'), undefined],
      [ovs('compute-0'), '[ovs]\nbridge_mappings = physnet1:br-ex\n'],
      [linuxbridge('compute-2'), undefined],
    ];
    const files: Record<string, string> = { [ML2]: ml2Text };
    for (const [path, text] of edits) {
      if (text === undefined) {
        service.removeFile(uriOf(path));
        delete files[path];
      } else {
        service.setFile(uriOf(path), text);
        files[path] = text;
      }
      const running = deploymentOf(service).physnetMappers;
      const fresh = PhysnetMappers.of(deploymentOf(workspaceOf(files)).agentFiles);
      assert.deepEqual(dump(running, ['physnet1', 'physnet2', '{{ mappings }}']), dump(fresh, ['physnet1', 'physnet2', '{{ mappings }}']), `after ${path}`);
      // What the rules ask of it is what the walk of every agent (DeploymentView.mapped) says.
      const walked = deploymentOf(service).mapped;
      assert.equal(running.open, walked.open, `open after ${path}`);
      for (const physnet of ['physnet1', 'physnet2', 'physnet3']) assert.equal(running.maps(physnet), walked.names.has(physnet), `${physnet} after ${path}`);
    }
    assert.deepEqual(dump(deploymentOf(service).physnetMappers, ['physnet1', 'physnet2']), [
      'files 3',
      'kinds ovs-agent',
      'open true',
      'physnet1 maps true',
      'physnet1 hosts compute-0',
      'physnet1 ovs-bridge:br-ex compute-0',
      'physnet1 ovs-bridge:{{ bridge }} compute-3',
      'physnet2 maps true',
      'physnet2 hosts compute-1',
      'physnet2 ovs-bridge:br-vlan compute-1',
    ]);
  });

  it('gives the hover on a physnet the same lines as a fresh workspace of the same files', () => {
    const files = {
      [ML2]: ml2Text,
      [ovs('compute-0')]: '[ovs]\nbridge_mappings = physnet1:br-ex\n',
      [ovs('network-0')]: '[ovs]\nbridge_mappings = physnet1:br-ex\n',
    };
    const service = workspaceOf(files);
    service.setFile(uriOf(ovs('compute-9')), '[ovs]\nbridge_mappings = physnet1:br-ex\n');
    service.setFile(uriOf(ovs('compute-9')), '[ovs]\nbridge_mappings = physnet1:br-provider\n');
    const hoverOn = (s: NeutronConfigService) => hoverText(s.getHover(uriOf(ML2), { line: 4, character: 17 }));
    const expected = hoverOn(workspaceOf({ ...files, [ovs('compute-9')]: '[ovs]\nbridge_mappings = physnet1:br-provider\n' }));
    assert.equal(hoverOn(service), expected);
    assert.match(expected, /- Mapped on 3 hosts: compute-0, compute-9, network-0\n- Bridges: `br-ex` \(compute-0, network-0\), `br-provider` \(compute-9\)/);
  });
});
