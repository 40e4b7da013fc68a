/** The topology graph (issue #16): exact nodes, states and edges for real-looking workspaces. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { NeutronConfigService } from '../../../server/src/core/service';
import { drawnState, markOf, toDot, toMermaid } from '../../../server/src/core/topology/formats';
import { TopologyTooLarge, type TopologyGraph, type TopologyOptions } from '../../../server/src/core/topology/graph';

const ROOT = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();

function serviceOn(dir: string): NeutronConfigService {
  const service = new NeutronConfigService();
  service.setWorkspaceFolders([{ uri: pathToFileURL(dir).href }]);
  const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.isFile() ? [path.join(d, e.name)] : []));
  service.setFiles(walk(dir).map((f) => [pathToFileURL(f).href, fs.readFileSync(f, 'utf8')] as const).filter(([uri]) => service.isRecognised(uri)));
  return service;
}

/** One line per node (`id state`, with an observed state and finding codes) and per edge (`from -kind-> to state`). */
function shape(graph: TopologyGraph): string[] {
  const nodes = graph.nodes.map((n) => `${n.id} ${drawnState(n)}${n.findings.length ? ` [${n.findings.map((f) => f.code).join(',')}]` : ''}${n.hosts ? ` {${n.hosts.join(',')}}` : ''}`);
  const edges = graph.edges.map((e) => `${e.from} -${e.kind}-> ${e.to} ${e.state}`);
  return [...nodes, ...edges];
}

const graphOf = (dir: string, options?: TopologyOptions) => serviceOn(dir).getTopology(options);
const fixture = (name: string) => path.join(ROOT, 'test', 'fixtures', 'workspaces', name);

describe('topology graph', () => {
  it('is built whole up to maxNodes nodes, and refused beyond, never cut short', () => {
    const service = serviceOn(path.join(ROOT, 'examples'));
    const whole = service.getTopology({ group: 'never' });
    assert.equal(whole.nodes.length, 17);
    assert.deepEqual(shape(service.getTopology({ group: 'never', maxNodes: 17 })), shape(whole));
    assert.throws(
      () => service.getTopology({ group: 'never', maxNodes: 16 }),
      (error: unknown) =>
        error instanceof TopologyTooLarge &&
        error.message === 'The picture would have more than 16 nodes, more than can be drawn. Narrow it to some hosts (a glob such as compute-1*) or to one physnet, or let identical hosts be drawn as one.',
    );
    // The refusal is not kept: the same question with room enough is answered.
    assert.deepEqual(shape(service.getTopology({ group: 'never', maxNodes: 100 })), shape(whole));
  });

  it('draws the example deployment: four hosts on physnet1, compute-0 mapping the missing br-eth1', () => {
    const d = 'deployment:examples';
    assert.deepEqual(shape(graphOf(path.join(ROOT, 'examples'))), [
      `${d} ok`,
      `${d}/physnet:physnet1 ok`,
      `${d}/host:compute-0 ok`,
      `${d}/host:compute-0/bridge:br-int ok`,
      `${d}/host:compute-0/bridge:br-eth1 missing [bridge-undefined]`,
      `${d}/host:compute-1 ok`,
      `${d}/host:compute-1/bridge:br-int ok`,
      `${d}/host:compute-1/bridge:br-ex ok`,
      `${d}/host:compute-1/bridge:br-ex/port:eth1 ok`,
      `${d}/host:compute-2 ok`,
      `${d}/host:compute-2/bridge:br-int ok`,
      `${d}/host:compute-2/bridge:br-ex ok`,
      `${d}/host:compute-2/bridge:br-ex/port:nic2 ok`,
      `${d}/host:network ok`,
      `${d}/host:network/bridge:br-int ok`,
      `${d}/host:network/bridge:br-ex ok`,
      `${d}/host:network/bridge:br-ex/port:eth1 ok`,
      `${d}/host:compute-0/bridge:br-int -patch-> ${d}/host:compute-0/bridge:br-eth1 ok`,
      `${d}/physnet:physnet1 -maps-> ${d}/host:compute-0/bridge:br-eth1 missing`,
      `${d}/host:compute-1/bridge:br-ex -attaches-> ${d}/host:compute-1/bridge:br-ex/port:eth1 ok`,
      `${d}/host:compute-1/bridge:br-int -patch-> ${d}/host:compute-1/bridge:br-ex ok`,
      `${d}/physnet:physnet1 -maps-> ${d}/host:compute-1/bridge:br-ex ok`,
      `${d}/host:compute-2/bridge:br-ex -attaches-> ${d}/host:compute-2/bridge:br-ex/port:nic2 ok`,
      `${d}/host:compute-2/bridge:br-int -patch-> ${d}/host:compute-2/bridge:br-ex ok`,
      `${d}/physnet:physnet1 -maps-> ${d}/host:compute-2/bridge:br-ex ok`,
      `${d}/host:network/bridge:br-ex -attaches-> ${d}/host:network/bridge:br-ex/port:eth1 ok`,
      `${d}/host:network/bridge:br-int -patch-> ${d}/host:network/bridge:br-ex ok`,
      `${d}/physnet:physnet1 -maps-> ${d}/host:network/bridge:br-ex ok`,
    ]);
  });

  it('places each node and edge where it is defined, from every source, and in the same places when the wiring is reused', () => {
    const examples = path.join(ROOT, 'examples');
    const base = `${pathToFileURL(examples).href}/`;
    const places = (graph: TopologyGraph) =>
      [...graph.nodes.map((n) => [n.id, n.location] as const), ...graph.edges.map((e) => [`${e.from} -> ${e.to}`, e.location] as const)]
        .filter(([, at]) => at)
        .map(([what, at]) => `${what.replaceAll('deployment:examples/', '')} ${at!.uri.replace(base, '')} ${at!.range.start.line}:${at!.range.start.character}-${at!.range.end.line}:${at!.range.end.character}`);
    const agent = (host: string) => `${host}/etc/neutron/plugins/ml2/openvswitch_agent.ini`;
    const expected = [
      `host:compute-0 ${agent('compute-0')} 0:0-0:0`,
      // A bridge no source creates is placed at its name in the mapping.
      `host:compute-0/bridge:br-eth1 ${agent('compute-0')} 21:27-21:34`,
      `host:compute-1 ${agent('compute-1')} 0:0-0:0`,
      'host:compute-1/bridge:br-ex compute-1/etc/NetworkManager/system-connections/br-ex.nmconnection 4:15-4:20',
      'host:compute-1/bridge:br-ex/port:eth1 compute-1/etc/NetworkManager/system-connections/port-eth1.nmconnection 4:15-4:19',
      `host:compute-2 ${agent('compute-2')} 0:0-0:0`,
      'host:compute-2/bridge:br-ex compute-2/etc/os-net-config/config.yaml 12:8-12:13',
      'host:compute-2/bridge:br-ex/port:nic2 compute-2/etc/os-net-config/config.yaml 16:10-16:14',
      `host:network ${agent('network')} 0:0-0:0`,
      'host:network/bridge:br-ex network/etc/sysconfig/network-scripts/ifcfg-br-ex 2:7-2:12',
      'host:network/bridge:br-ex/port:eth1 network/etc/sysconfig/network-scripts/ifcfg-eth1 1:7-1:11',
      // A mapping edge is placed at its whole entry (physnet1:br-eth1).
      `physnet:physnet1 -> host:compute-0/bridge:br-eth1 ${agent('compute-0')} 21:18-21:34`,
      `physnet:physnet1 -> host:compute-1/bridge:br-ex ${agent('compute-1')} 21:18-21:32`,
      `physnet:physnet1 -> host:compute-2/bridge:br-ex ${agent('compute-2')} 21:18-21:32`,
      `physnet:physnet1 -> host:network/bridge:br-ex ${agent('network')} 21:18-21:32`,
    ];
    const service = serviceOn(examples);
    const first = service.getTopology({ group: 'never' });
    assert.deepEqual(places(first), expected);
    // A change elsewhere makes a new graph; every host's wiring is taken from the cache.
    service.setFile(pathToFileURL(path.join(examples, 'controller/etc/neutron/neutron.conf')).href, '[DEFAULT]\ncore_plugin = ml2\n');
    const second = service.getTopology({ group: 'never' });
    assert.notEqual(second, first);
    assert.deepEqual(places(second), expected);
  });

  it('keeps two deployments apart, and filters by host glob and physnet', () => {
    const all = graphOf(fixture('two-deployments'));
    assert.deepEqual(all.nodes.filter((n) => n.kind === 'deployment').map((n) => n.id), ['deployment:two-deployments/prod', 'deployment:two-deployments/staging']);
    for (const node of all.nodes.filter((n) => n.kind === 'host')) assert.ok(node.parent === 'deployment:two-deployments/prod' || node.parent === 'deployment:two-deployments/staging');
    const one = graphOf(path.join(ROOT, 'examples'), { host: 'compute-[01]' });
    assert.deepEqual(one.nodes.filter((n) => n.kind === 'host').map((n) => n.label), ['compute-0', 'compute-1']);
    const none = graphOf(path.join(ROOT, 'examples'), { physnet: 'physnet9' });
    assert.deepEqual(none.edges, []);
  });

  it('shows what the captures observed: a bridge OVSDB lacks, a NIC without carrier, a patch pair not wired', () => {
    const graph = graphOf(fixture('observed-broken'));
    const states = Object.fromEntries(graph.nodes.map((n) => [n.id.replace('deployment:observed-broken/', ''), [n.state, n.observed ?? '-']]));
    assert.deepEqual(states['host:compute-1/bridge:br-vlan'], ['ok', 'missing']);
    assert.deepEqual(states['host:compute-1/bridge:br-ex/port:eth1'], ['ok', 'down']);
    assert.deepEqual(states['host:compute-1/bridge:br-ex/port:eth3'], ['ok', 'missing']);
    assert.deepEqual(states['physnet:physnet3'], ['unused', '-']);
    const patch = graph.edges.find((e) => e.kind === 'patch' && e.to.endsWith('host:compute-2/bridge:br-ex'));
    assert.equal(patch?.state, 'missing');
  });

  it('draws a templated mapping as templated, and HA controllers as one deployment with one set of physnets', () => {
    const graph = graphOf(fixture('templated-values'));
    assert.deepEqual(graph.nodes.filter((n) => n.state === 'templated').map((n) => `${n.id.split('/host:')[1]} ${n.label}`), [
      'compute-0/templated:compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini.j2 {{ neutron_external_physnet }}:br-ex,physnet2:br-vlan',
      "compute-1/templated:compute-1/etc/neutron/plugins/ml2/openvswitch_agent.ini.erb <%= @bridge_mappings.join(',') %>",
      'network/templated:network/etc/neutron/plugins/ml2/openvswitch_agent.ini.j2 {{ neutron_bridge_mappings }}',
    ]);
    const ha = graphOf(fixture('ha-controllers-agree'));
    assert.deepEqual(ha.nodes.filter((n) => n.kind === 'deployment' || n.kind === 'physnet').map((n) => `${n.label} ${n.state}`), ['ha-controllers-agree ok', 'datacentre ok', 'tenant ok']);
  });

  it('groups hosts with identical wiring when a deployment has many, and not otherwise', () => {
    const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'topology-'));
    try {
      fs.mkdirSync(path.join(dir, 'controller/etc/neutron/plugins/ml2'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'controller/etc/neutron/plugins/ml2/ml2_conf.ini'), '[ml2]\ntype_drivers = flat\n\n[ml2_type_flat]\nflat_networks = physnet1\n');
      for (let i = 0; i < 14; i++) {
        const host = `compute-${String(i).padStart(2, '0')}`;
        fs.mkdirSync(path.join(dir, host, 'etc/neutron/plugins/ml2'), { recursive: true });
        fs.writeFileSync(path.join(dir, host, 'etc/neutron/plugins/ml2/openvswitch_agent.ini'), `[ovs]\nbridge_mappings = physnet1:${i === 13 ? 'br-other' : 'br-ex'}\n`);
      }
      const grouped = graphOf(dir);
      const hosts = grouped.nodes.filter((n) => n.kind === 'host');
      assert.deepEqual(hosts.map((n) => n.label), ['13 hosts: compute-00, compute-01, … compute-12', 'compute-13']);
      assert.equal(hosts[0].hosts?.length, 13);
      assert.equal(grouped.edges.filter((e) => e.kind === 'maps').length, 2);
      assert.equal(graphOf(dir, { group: 'never' }).nodes.filter((n) => n.kind === 'host').length, 14);
      // Opening a group draws its members one by one; the rest stays grouped.
      const opened = graphOf(dir, { expand: ['compute-03', 'compute-04'] }).nodes.filter((n) => n.kind === 'host');
      assert.deepEqual(opened.map((n) => n.label), ['11 hosts: compute-00, compute-01, … compute-12', 'compute-03', 'compute-04', 'compute-13']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('marks a node or edge with its worst finding and counts the others', () => {
    const finding = (severity: 'error' | 'warning' | 'information', code: string) => ({ severity, code, message: code });
    assert.equal(markOf([]), '');
    assert.equal(markOf([finding('information', 'a')]), 'ℹ a');
    assert.equal(markOf([finding('warning', 'a'), finding('error', 'b'), finding('error', 'c')]), '✖ b +2');
    const graph: TopologyGraph = {
      nodes: [],
      edges: [{ from: 'p', to: 'b', kind: 'maps', state: 'undeclared', findings: [finding('warning', 'physnet-undeclared')] }],
    };
    assert.match(toDot(graph), /"p" -> "b" \[class="maps state-undeclared", color="#ef6c00", penwidth="2", tooltip="physnet-undeclared: physnet-undeclared", label="⚠ physnet-undeclared", labeltooltip="physnet-undeclared: physnet-undeclared"\];/);
    assert.match(toMermaid(graph), /n0 ==>\|"⚠ physnet-undeclared"\| n1/);
  });

  it('follows edits: a host edited, and a deployment change that gives every host a finding, draw as a fresh build does', () => {
    const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'topology-'));
    try {
      const ml2 = path.join(dir, 'controller/etc/neutron/plugins/ml2/ml2_conf.ini');
      fs.mkdirSync(path.dirname(ml2), { recursive: true });
      fs.writeFileSync(ml2, '[ml2]\ntype_drivers = flat\n\n[ml2_type_flat]\nflat_networks = physnet1\n');
      const agent = (i: number) => path.join(dir, `compute-${String(i).padStart(2, '0')}`, 'etc/neutron/plugins/ml2/openvswitch_agent.ini');
      for (let i = 0; i < 14; i++) {
        fs.mkdirSync(path.dirname(agent(i)), { recursive: true });
        fs.writeFileSync(agent(i), `[ovs]\nbridge_mappings = physnet1:${i === 13 ? 'br-other' : 'br-ex'}\n`);
      }
      const service = serviceOn(dir);
      const hostsOf = (graph: TopologyGraph) => graph.nodes.filter((n) => n.kind === 'host').map((n) => n.label);
      assert.deepEqual(hostsOf(service.getTopology()), ['13 hosts: compute-00, compute-01, … compute-12', 'compute-13']);
      assert.equal(service.getTopology(), service.getTopology(), 'asked again without a change: the same graph');
      const edit = (file: string, text: string) => {
        fs.writeFileSync(file, text);
        service.setFile(pathToFileURL(file).href, text);
      };
      edit(agent(13), '[ovs]\nbridge_mappings = physnet1:br-ex\n');
      assert.deepEqual(hostsOf(service.getTopology()), ['14 hosts: compute-00, compute-01, … compute-13']);
      edit(ml2, '[ml2]\ntype_drivers = flat\n\n[ml2_type_flat]\nflat_networks = physnet2\n');
      const after = service.getTopology({ group: 'never' });
      assert.deepEqual(shape(after), shape(serviceOn(dir).getTopology({ group: 'never' })), 'as a fresh build of the same files');
      assert.equal(after.edges.filter((e) => e.kind === 'maps' && e.findings.some((f) => f.code === 'physnet-undeclared')).length, 14);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes DOT and Mermaid that name every node once, with its state as a class', () => {
    const graph = graphOf(path.join(ROOT, 'examples'));
    const dot = toDot(graph);
    assert.match(dot, /^digraph topology \{/);
    // A node with findings carries the worst one's mark and code; its tooltip has every message.
    assert.match(dot, /"deployment:examples\/host:compute-0\/bridge:br-eth1" \[id="deployment:examples\/host:compute-0\/bridge:br-eth1", label="br-eth1\\n✖ bridge-undefined", shape="box", class="bridge state-missing"/);
    assert.match(dot, /tooltip="bridge-undefined: No ifcfg file on host \\"compute-0\\" creates the Open vSwitch bridge/);
    const mermaid = toMermaid(graph);
    assert.match(mermaid, /^flowchart TB\n/);
    assert.equal((mermaid.match(/\["br-eth1<br\/>✖ bridge-undefined"\]:::missing/g) ?? []).length, 1);
  });
});
