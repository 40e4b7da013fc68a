import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { HostDevice } from '../network/hostNetwork';
import { agentPatchPair } from '../network/patchPorts';
import { literalMappings } from '../rules/bridgeMappings';
import { ovsAgentFactsOf, type OvsAgentFacts } from '../workspace/facts';
import { compileGlob, globProblem } from '../workspace/globs';
import type { Host } from '../workspace/model';
import type { DeploymentView, HostView } from '../workspace/views';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

/**
 * The wiring of the workspace as a graph: per deployment its physnets, and per
 * host the bridges its agent maps them to, the ports on those bridges and the
 * patch to the integration bridge, each with a state and the place that
 * defines it. The webview, the CLI (`graph`) and `neutronConfig/topology`
 * only render this; it is built from the index, nothing else.
 */

/** ok: declared and consistent; missing: named but not created; unused: declared, mapped by no host; undeclared: mapped, allowed by no ML2 config; down: observed without link; templated: not known until rendered. */
export type TopologyState = 'ok' | 'missing' | 'unused' | 'undeclared' | 'down' | 'templated' | 'reserved';

export type TopologyNodeKind = 'deployment' | 'physnet' | 'host' | 'bridge' | 'integration' | 'port';

export interface TopologyLocation {
  uri: string;
  range: Range;
}

export interface TopologyFinding {
  code: string;
  message: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
}

export interface TopologyNode {
  id: string;
  kind: TopologyNodeKind;
  label: string;
  state: TopologyState;
  /** The node it is drawn inside: a host in its deployment, a bridge or port in its host. */
  parent?: string;
  /** Where it is defined (a bridge's DEVICE, a physnet's declaration, a host's agent file). */
  location?: TopologyLocation;
  /** What the captures say differs from the declaration, when they do: `observed` `missing` or `down`. */
  observed?: 'ok' | 'missing' | 'down';
  /** Hosts a group node stands for (hosts with identical wiring), sorted. */
  hosts?: string[];
  findings: TopologyFinding[];
}

export interface TopologyEdge {
  from: string;
  to: string;
  kind: 'maps' | 'attaches' | 'patch';
  state: TopologyState;
  location?: TopologyLocation;
  findings: TopologyFinding[];
}

export interface TopologyGraph {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}

export interface TopologyOptions {
  /** Only hosts whose name matches this glob (`compute-*`). */
  host?: string;
  /** Only this physnet and what carries it. */
  physnet?: string;
  /**
   * Draw hosts with identical wiring as one node: `auto` (default) when a
   * deployment has more than GROUP_THRESHOLD agent hosts; always; never.
   */
  group?: 'auto' | 'always' | 'never';
}

export const GROUP_THRESHOLD = 12;

type DiagnosticsOf = (uri: string) => readonly Diagnostic[];

const SEVERITY: Record<number, TopologyFinding['severity']> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

/** The graph of every deployment of the index (and of agent hosts outside any). */
export function buildTopology(index: WorkspaceIndex, diagnosticsOf: DiagnosticsOf, options: TopologyOptions = {}): TopologyGraph {
  const graph: TopologyGraph = { nodes: [], edges: [] };
  // A glob the settings would refuse (too long, too many wildcards) is taken as a plain name.
  const glob = options.host;
  const hostFilter = glob ? (globProblem(glob) ? (name: string) => name === glob : compileGlob(glob, { basename: false })) : undefined;
  const byDeployment = new Map<string, Host[]>();
  for (const host of index.allHosts()) {
    const key = host.deployment ?? '';
    const list = byDeployment.get(key);
    if (list) list.push(host);
    else byDeployment.set(key, [host]);
  }
  for (const root of [...byDeployment.keys()].sort()) {
    const deployment = root ? index.deploymentView(root) : undefined;
    const hosts = byDeployment
      .get(root)!
      .filter((h) => !hostFilter || hostFilter(h.name))
      .map((h) => index.hostView(h))
      .filter((h) => h.agentFiles.length > 0)
      .sort((a, b) => a.host.name.localeCompare(b.host.name));
    if (!deployment && hosts.length === 0) continue;
    addDeployment(graph, deploymentName(root, byDeployment.get(root)![0]), deployment, hosts, diagnosticsOf, options);
  }
  return graph;
}

/** A deployment's name: its root relative to its workspace folder, under the folder's name (`examples`, `sites/prod`). */
function deploymentName(root: string, host: Host): string {
  const folder = host.folder.path;
  const folderName = folder.split('/').filter(Boolean).at(-1) ?? '/';
  if (!root) return `${folderName} (outside any deployment)`;
  const relative = root.length > folder.length ? root.slice(folder.length + 1) : '';
  return relative ? `${folderName}/${relative}` : folderName;
}

function addDeployment(graph: TopologyGraph, name: string, deployment: DeploymentView | undefined, hosts: HostView[], diagnosticsOf: DiagnosticsOf, options: TopologyOptions): void {
  const deploymentId = `deployment:${name}`;
  graph.nodes.push({ id: deploymentId, kind: 'deployment', label: name, state: 'ok', findings: [] });
  const wanted = (physnet: string) => !options.physnet || options.physnet === physnet;

  // Physnets: declared by ML2 (flat_networks, network_vlan_ranges) and mapped by the hosts' agents.
  const physnets = new Map<string, TopologyNode>();
  const physnetNode = (name: string): TopologyNode => {
    let node = physnets.get(name);
    if (!node) {
      const declarations = deployment?.declarations(name) ?? [];
      const declared = declarations.length > 0 || (deployment?.allows(name) ?? false);
      const declaration = declarations[0];
      node = {
        id: `${deploymentId}/physnet:${name}`,
        kind: 'physnet',
        label: name,
        state: deployment && !declared ? 'undeclared' : 'ok',
        parent: deploymentId,
        ...(declaration ? { location: { uri: declaration.file.uri, range: declaration.token.range } } : {}),
        findings: declaration ? findingsAt(diagnosticsOf, declaration.file.uri, declaration.token.range) : [],
      };
      physnets.set(name, node);
    }
    return node;
  };
  for (const name of deployment?.declaredNames() ?? []) if (wanted(name)) physnetNode(name);

  const mapped = new Set<string>();
  const hostParts = hosts.map((host) => hostWiring(host, deploymentId, diagnosticsOf, wanted));
  for (const part of hostParts) for (const physnet of part.physnets) mapped.add(physnet);
  for (const physnet of mapped) physnetNode(physnet);
  for (const node of physnets.values()) if (node.state === 'ok' && !mapped.has(node.label) && !deployment?.observedMapped.has(node.label)) node.state = 'unused';
  graph.nodes.push(...[...physnets.values()].sort((a, b) => a.label.localeCompare(b.label)));

  const group = options.group === 'always' || (options.group !== 'never' && hosts.length > GROUP_THRESHOLD);
  const groups = new Map<string, HostPart[]>();
  for (const part of hostParts) {
    const key = group ? part.signature : part.hostId;
    const list = groups.get(key);
    if (list) list.push(part);
    else groups.set(key, [part]);
  }
  for (const members of groups.values()) {
    const first = members[0];
    if (members.length === 1) {
      graph.nodes.push(...first.nodes);
      graph.edges.push(...first.edges);
      continue;
    }
    // One node for the lot, named after them; its inner nodes are the first host's, re-labelled.
    const names = members.map((m) => m.hostName).sort();
    const groupId = `${deploymentId}/group:${names[0]}+${names.length - 1}`;
    const rename = (id: string) => (id.startsWith(first.hostId) ? groupId + id.slice(first.hostId.length) : id);
    for (const node of first.nodes) {
      graph.nodes.push(
        node.id === first.hostId
          ? { ...node, id: groupId, label: `${names.length} hosts: ${summarise(names)}`, hosts: names }
          : { ...node, id: rename(node.id), ...(node.parent ? { parent: rename(node.parent) } : {}) },
      );
    }
    for (const edge of first.edges) graph.edges.push({ ...edge, from: rename(edge.from), to: rename(edge.to) });
  }
}

interface HostPart {
  hostId: string;
  hostName: string;
  nodes: TopologyNode[];
  edges: TopologyEdge[];
  physnets: string[];
  /** The wiring without host names or places: hosts with the same signature draw the same. */
  signature: string;
}

/** One host: its bridges (from every agent file's mappings), their ports, the patch to the integration bridge. */
function hostWiring(view: HostView, deploymentId: string, diagnosticsOf: DiagnosticsOf, wanted: (physnet: string) => boolean): HostPart {
  const { declared, observed } = view.network;
  const hostId = `${deploymentId}/host:${view.host.name}`;
  const agentFile = view.agentFiles[0];
  const part: HostPart = { hostId, hostName: view.host.name, nodes: [], edges: [], physnets: [], signature: '' };
  part.nodes.push({ id: hostId, kind: 'host', label: view.host.name, state: 'ok', parent: deploymentId, location: { uri: agentFile.uri, range: startOf() }, findings: [] });
  const knowsOvsdb = observed.has('ovs-vsctl-show');
  const integrationName = (ovsAgentFactsOf(agentFile.facts) as OvsAgentFacts).integrationBridge.name;
  const integrationId = `${hostId}/bridge:${integrationName}`;
  let integrationUsed = false;
  const shape: unknown[] = [];
  for (const file of view.agentFiles) {
    const facts = ovsAgentFactsOf(file.facts)!;
    if (facts.bridgeMappings?.templated || facts.bridgeMappings?.mappings.some((m) => m.templated)) {
      const option = facts.bridgeMappings!.option;
      const id = `${hostId}/templated:${file.relativePath}`;
      part.nodes.push({ id, kind: 'bridge', label: option.value.text, state: 'templated', parent: hostId, location: { uri: file.uri, range: option.value.range }, findings: [] });
      shape.push(['templated', option.value.text]);
    }
    for (const mapping of literalMappings(file)) {
      const physnet = mapping.physnet.text;
      if (!wanted(physnet)) continue;
      const bridge = mapping.bridge.text;
      part.physnets.push(physnet);
      const bridgeId = `${hostId}/bridge:${bridge}`;
      const definitions = declared.bridge(bridge);
      const reserved = bridge === integrationName || bridge === facts.tunnelBridge.name;
      const state: TopologyState = reserved ? 'reserved' : declared.knowsBridges && definitions.length === 0 ? 'missing' : 'ok';
      const observedState = knowsOvsdb ? (observed.hasBridge(bridge) ? 'ok' : 'missing') : undefined;
      const mappingFindings = findingsAt(diagnosticsOf, file.uri, mapping.bridge.range);
      if (!part.nodes.some((n) => n.id === bridgeId)) {
        const definition = definitions[0];
        part.nodes.push({
          id: bridgeId,
          kind: 'bridge',
          label: bridge,
          state,
          parent: hostId,
          location: definition ? { uri: definition.file.uri, range: definition.nameRange } : { uri: file.uri, range: mapping.bridge.range },
          ...(observedState ? { observed: observedState } : {}),
          findings: mappingFindings,
        });
        for (const port of portsOf(view, bridge)) {
          const portId = `${bridgeId}/port:${port.name}`;
          const link = observed.devicesNamed(port.name).find((d) => d.link)?.link;
          const down = link ? !(link.up && link.lowerUp) || link.master !== 'ovs-system' : false;
          const seen = knowsOvsdb && port.layer === 'declared' ? observed.portsOf(bridge).some((d) => d.name === port.name) : true;
          part.nodes.push({
            id: portId,
            kind: 'port',
            label: port.name,
            state: 'ok',
            parent: hostId,
            location: { uri: port.device.file.uri, range: port.device.nameRange },
            // Not in OVSDB at all says more than the state of its link.
            ...(!seen ? { observed: 'missing' as const } : down ? { observed: 'down' as const } : link ? { observed: 'ok' as const } : {}),
            findings: port.layer === 'declared' ? findingsAt(diagnosticsOf, port.device.file.uri, port.device.bridge?.token?.range ?? port.device.nameRange) : [],
          });
          part.edges.push({ from: bridgeId, to: portId, kind: 'attaches', state: 'ok', findings: [] });
          shape.push(['port', bridge, port.name, port.layer, down, seen]);
        }
        if (!reserved) {
          integrationUsed = true;
          const pair = agentPatchPair(bridge);
          const patched = !knowsOvsdb || !observed.hasBridge(bridge) || (observed.portsOf(bridge).some((d) => d.name === pair.physical) && observed.portsOf(integrationName).some((d) => d.name === pair.integration));
          part.edges.push({ from: integrationId, to: bridgeId, kind: 'patch', state: patched ? 'ok' : 'missing', findings: [] });
          shape.push(['patch', bridge, patched]);
        }
      }
      part.edges.push({
        from: `${deploymentId}/physnet:${physnet}`,
        to: bridgeId,
        kind: 'maps',
        state,
        location: { uri: file.uri, range: mapping.entry.range },
        findings: findingsAt(diagnosticsOf, file.uri, mapping.physnet.range),
      });
      shape.push(['map', physnet, bridge, state, observedState, mappingFindings.map((f) => f.code)]);
    }
  }
  if (integrationUsed) {
    part.nodes.splice(1, 0, { id: integrationId, kind: 'integration', label: integrationName, state: 'ok', parent: hostId, ...(knowsOvsdb ? { observed: observed.hasBridge(integrationName) ? 'ok' : 'missing' } : {}), findings: [] });
  }
  part.signature = JSON.stringify([integrationName, shape]);
  return part;
}

/** The ports of a bridge: what the configuration attaches, then what only the captures show (NICs and bonds). */
function portsOf(view: HostView, bridge: string): { name: string; layer: 'declared' | 'observed'; device: HostDevice }[] {
  const out: { name: string; layer: 'declared' | 'observed'; device: HostDevice }[] = [];
  const seen = new Set<string>();
  for (const device of view.network.declared.portsOf(bridge)) {
    if (seen.has(device.name)) continue;
    seen.add(device.name);
    out.push({ name: device.name, layer: 'declared', device });
  }
  for (const device of view.network.observed.portsOf(bridge)) {
    if ((device.role !== 'ovs-port' && device.role !== 'bond') || device.file.facts.network?.source !== 'ovs-vsctl-show' || seen.has(device.name)) continue;
    seen.add(device.name);
    out.push({ name: device.name, layer: 'observed', device });
  }
  return out;
}

/** Our diagnostics of a file that touch a range. */
function findingsAt(diagnosticsOf: DiagnosticsOf, uri: string, range: Range): TopologyFinding[] {
  return diagnosticsOf(uri)
    .filter((d) => overlaps(d.range, range))
    .map((d) => ({ code: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value, severity: SEVERITY[d.severity ?? 1] ?? 'error' }));
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function startOf(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** `compute-000, compute-001, … compute-411` */
function summarise(names: string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names[0]}, ${names[1]}, … ${names[names.length - 1]}`;
}

