import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { Token } from '../syntax/ast';
import type { HostDevice } from '../network/hostNetwork';
import { agentPatchPair } from '../network/patchPorts';
import { literalMappings } from '../rules/bridgeMappings';
import { ovsAgentFactsOf, type OvsAgentFacts } from '../workspace/facts';
import { compileGlob, globProblem } from '../workspace/globs';
import type { Host } from '../workspace/model';
import type { DeploymentView, HostView } from '../workspace/views';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { compareText } from '../text/compare';
import { groupedNumber } from '../text/numbers';

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
  findings: readonly TopologyFinding[];
}

export interface TopologyEdge {
  from: string;
  to: string;
  kind: 'maps' | 'attaches' | 'patch';
  state: TopologyState;
  location?: TopologyLocation;
  findings: readonly TopologyFinding[];
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
  /** Hosts drawn on their own even where grouping is on: the members of a group the user opened. */
  expand?: readonly string[];
  /** Refuse (TopologyTooLarge) rather than build a graph of more nodes than this. */
  maxNodes?: number;
}

/** A graph larger than TopologyOptions.maxNodes was asked for: nothing is answered rather than part of it. */
export class TopologyTooLarge extends Error {
  constructor(readonly maxNodes: number) {
    super(
      `The picture would have more than ${groupedNumber(maxNodes)} nodes, more than can be drawn. Narrow it to some hosts (a glob such as compute-1*) or to one physnet, or let identical hosts be drawn as one.`,
    );
  }
}

export const GROUP_THRESHOLD = 12;

type DiagnosticsOf = (uri: string) => readonly Diagnostic[];

const SEVERITY: Record<number, TopologyFinding['severity']> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

/** The graph of every deployment of the index (and of agent hosts outside any). */
export function buildTopology(index: WorkspaceIndex, diagnosticsOfFile: DiagnosticsOf, options: TopologyOptions = {}): TopologyGraph {
  const graph: TopologyGraph = { nodes: [], edges: [] };
  // Each file's findings are looked up once per graph: a host asks for its agent file's several times.
  const seen = new Map<string, readonly Diagnostic[]>();
  const diagnosticsOf = (uri: string): readonly Diagnostic[] => {
    let list = seen.get(uri);
    if (!list) seen.set(uri, (list = diagnosticsOfFile(uri)));
    return list;
  };
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
      .sort((a, b) => compareText(a.host.name, b.host.name));
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
  graph.nodes.push({ id: deploymentId, kind: 'deployment', label: name, state: 'ok', findings: NO_FINDINGS });
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
        findings: declaration ? findingsAt(diagnosticsOf, declaration.file.uri, () => declaration.token.range) : [],
      };
      physnets.set(name, node);
    }
    return node;
  };
  for (const name of deployment?.declaredNames() ?? []) if (wanted(name)) physnetNode(name);

  const mapped = new Set<string>();
  const wirings = hosts.map((host) => cachedHostWiring(host, diagnosticsOf, options.physnet, wanted));
  for (const wiring of wirings) for (const m of wiring.mappings) mapped.add(m.physnet);
  for (const physnet of mapped) physnetNode(physnet);
  for (const node of physnets.values()) if (node.state === 'ok' && !mapped.has(node.label) && !deployment?.observedMapped.has(node.label)) node.state = 'unused';
  graph.nodes.push(...[...physnets.values()].sort((a, b) => compareText(a.label, b.label)));

  const group = options.group === 'always' || (options.group !== 'never' && hosts.length > GROUP_THRESHOLD);
  const expanded = new Set(options.expand ?? []);
  const groups = new Map<string, HostWiring[]>();
  for (const wiring of wirings) {
    const key = group && !expanded.has(wiring.hostName) ? signatureOf(wiring) : `host:${wiring.hostName}`;
    const list = groups.get(key);
    if (list) list.push(wiring);
    else groups.set(key, [wiring]);
  }
  // Only the hosts drawn become nodes: one per group, named after its members.
  for (const members of groups.values()) {
    const first = members[0];
    if (members.length === 1) drawHost(graph, first, `${deploymentId}/host:${first.hostName}`, deploymentId, first.hostName);
    else {
      const names = members.map((m) => m.hostName).sort();
      const groupId = `${deploymentId}/group:${names[0]}+${names.length - 1}`;
      drawHost(graph, first, groupId, deploymentId, `${names.length} hosts: ${summarise(names)}`, names);
    }
    if (options.maxNodes !== undefined && graph.nodes.length > options.maxNodes) throw new TopologyTooLarge(options.maxNodes);
  }
}

/**
 * Where something is defined. A token's range is worked out only for what is
 * drawn (it costs a search of the file's lines). Plain data, not a closure: the
 * wiring of every host is kept between requests, and a closure keeps its whole
 * scope alive (about 5 KB a host in heap snapshots, when places were closures).
 */
type Place = TopologyLocation | { uri: string; token: Token };

function locationOf(place: Place): TopologyLocation {
  return 'token' in place ? { uri: place.uri, range: place.token.range } : place;
}

/** A mapped bridge of one host, as the configuration and the captures have it. */
interface BridgeWiring {
  name: string;
  state: TopologyState;
  observed: 'ok' | 'missing' | undefined;
  location: Place;
  findings: readonly TopologyFinding[];
  ports: PortWiring[];
  /** Whether the agent patches it to the integration bridge (not the integration or tunnel bridge itself), and whether OVSDB shows the pair. */
  patch: 'ok' | 'missing' | undefined;
}

interface PortWiring {
  name: string;
  layer: 'declared' | 'observed';
  observed: 'ok' | 'missing' | 'down' | undefined;
  location: Place;
  findings: readonly TopologyFinding[];
}

interface MappingWiring {
  physnet: string;
  bridge: string;
  state: TopologyState;
  location: Place;
  findings: readonly TopologyFinding[];
}

/** One host's wiring, before it is drawn: hosts with the same signature draw the same. */
interface HostWiring {
  hostName: string;
  hostLocation: TopologyLocation;
  integration: { name: string; observed: 'ok' | 'missing' | undefined; used: boolean };
  templated: { key: string; text: string; location: Place }[];
  bridges: BridgeWiring[];
  mappings: MappingWiring[];
}

/**
 * The wiring of hosts drawn before, while still true: a host's view is rebuilt
 * whenever one of its files changes, and the findings it shows are the same
 * arrays until a file's findings are worked out again. So after an edit only
 * the hosts it touched are looked at anew.
 */
const wiringCache = new WeakMap<HostView, { physnet: string | undefined; findingsUsed: [uri: string, findings: readonly Diagnostic[]][]; wiring: HostWiring }>();

/** The wiring without host names or places: hosts with the same signature draw the same. */
const signatures = new WeakMap<HostWiring, string>();

function signatureOf(wiring: HostWiring): string {
  let signature = signatures.get(wiring);
  if (signature === undefined) {
    const { integration, templated, bridges, mappings } = wiring;
    signature = JSON.stringify([
      integration,
      templated.map((t) => t.text),
      bridges.map((b) => [b.name, b.state, b.observed, b.patch, codesOf(b.findings), b.ports.map((p) => [p.name, p.layer, p.observed, codesOf(p.findings)])]),
      mappings.map((m) => [m.physnet, m.bridge, m.state, codesOf(m.findings)]),
    ]);
    signatures.set(wiring, signature);
  }
  return signature;
}

function codesOf(findings: readonly TopologyFinding[]): string[] {
  return findings.map((f) => f.code);
}

function cachedHostWiring(view: HostView, diagnosticsOf: DiagnosticsOf, physnet: string | undefined, wanted: (physnet: string) => boolean): HostWiring {
  const hit = wiringCache.get(view);
  if (hit && hit.physnet === physnet && hit.findingsUsed.every(([uri, findings]) => diagnosticsOf(uri) === findings)) return hit.wiring;
  const used = new Map<string, readonly Diagnostic[]>();
  const recording = (uri: string) => {
    const findings = diagnosticsOf(uri);
    used.set(uri, findings);
    return findings;
  };
  const wiring = hostWiring(view, recording, wanted);
  wiringCache.set(view, { physnet, findingsUsed: [...used], wiring });
  return wiring;
}

/** One host: its bridges (from every agent file's mappings), their ports, the patch to the integration bridge. */
function hostWiring(view: HostView, diagnosticsOf: DiagnosticsOf, wanted: (physnet: string) => boolean): HostWiring {
  const { declared, observed } = view.network;
  const agentFile = view.agentFiles[0];
  const knowsOvsdb = observed.has('ovs-vsctl-show');
  const integrationName = (ovsAgentFactsOf(agentFile.facts) as OvsAgentFacts).integrationBridge.name;
  const bridges = new Map<string, BridgeWiring>();
  const mappings: MappingWiring[] = [];
  const templated: HostWiring['templated'] = [];
  for (const file of view.agentFiles) {
    const facts = ovsAgentFactsOf(file.facts)!;
    if (facts.bridgeMappings?.templated || facts.bridgeMappings?.mappings.some((m) => m.templated)) {
      const option = facts.bridgeMappings!.option;
      templated.push({ key: file.relativePath, text: option.value.text, location: { uri: file.uri, token: option.value } });
    }
    for (const mapping of literalMappings(file)) {
      const physnet = mapping.physnet.text;
      if (!wanted(physnet)) continue;
      const bridge = mapping.bridge.text;
      const definitions = declared.bridge(bridge);
      const reserved = bridge === integrationName || bridge === facts.tunnelBridge.name;
      const state: TopologyState = reserved ? 'reserved' : declared.knowsBridges && definitions.length === 0 ? 'missing' : 'ok';
      if (!bridges.has(bridge)) {
        const definition = definitions[0];
        const pair = agentPatchPair(bridge);
        const patched = !knowsOvsdb || !observed.hasBridge(bridge) || (observed.portsOf(bridge).some((d) => d.name === pair.physical) && observed.portsOf(integrationName).some((d) => d.name === pair.integration));
        bridges.set(bridge, {
          name: bridge,
          state,
          observed: knowsOvsdb ? (observed.hasBridge(bridge) ? 'ok' : 'missing') : undefined,
          location: definition ? { uri: definition.file.uri, range: definition.ranges.name } : { uri: file.uri, token: mapping.bridge },
          findings: findingsAt(diagnosticsOf, file.uri, () => mapping.bridge.range),
          ports: portsOf(view, bridge).map((port) => {
            const link = observed.devicesNamed(port.name).find((d) => d.link)?.link;
            const down = link ? !(link.up && link.lowerUp) || link.master !== 'ovs-system' : false;
            const seen = knowsOvsdb && port.layer === 'declared' ? observed.portsOf(bridge).some((d) => d.name === port.name) : true;
            return {
              name: port.name,
              layer: port.layer,
              // Not in OVSDB at all says more than the state of its link.
              observed: !seen ? 'missing' : down ? 'down' : link ? 'ok' : undefined,
              location: { uri: port.device.file.uri, range: port.device.ranges.name },
              findings: port.layer === 'declared' ? findingsAt(diagnosticsOf, port.device.file.uri, () => port.device.bridge?.token?.range ?? port.device.ranges.name) : NO_FINDINGS,
            };
          }),
          patch: reserved ? undefined : patched ? 'ok' : 'missing',
        });
      }
      mappings.push({ physnet, bridge, state, location: { uri: file.uri, token: mapping.entry }, findings: findingsAt(diagnosticsOf, file.uri, () => mapping.physnet.range) });
    }
  }
  const bridgeList = [...bridges.values()];
  const integration = {
    name: integrationName,
    observed: knowsOvsdb ? (observed.hasBridge(integrationName) ? ('ok' as const) : ('missing' as const)) : undefined,
    used: bridgeList.some((b) => b.patch !== undefined),
  };
  return { hostName: view.host.name, hostLocation: { uri: agentFile.uri, range: FILE_START }, integration, templated, bridges: bridgeList, mappings };
}

/** The nodes and edges of one drawn host (or group of identical hosts, under `id`). */
function drawHost(graph: TopologyGraph, wiring: HostWiring, hostId: string, deploymentId: string, label: string, members?: string[]): void {
  graph.nodes.push({ id: hostId, kind: 'host', label, state: 'ok', parent: deploymentId, location: wiring.hostLocation, ...(members ? { hosts: members } : {}), findings: NO_FINDINGS });
  const integrationId = `${hostId}/bridge:${wiring.integration.name}`;
  const { integration } = wiring;
  if (integration.used) {
    graph.nodes.push({ id: integrationId, kind: 'integration', label: integration.name, state: 'ok', parent: hostId, ...(integration.observed ? { observed: integration.observed } : {}), findings: NO_FINDINGS });
  }
  for (const t of wiring.templated) {
    graph.nodes.push({ id: `${hostId}/templated:${t.key}`, kind: 'bridge', label: t.text, state: 'templated', parent: hostId, location: locationOf(t.location), findings: NO_FINDINGS });
  }
  for (const bridge of wiring.bridges) {
    const bridgeId = `${hostId}/bridge:${bridge.name}`;
    graph.nodes.push({ id: bridgeId, kind: 'bridge', label: bridge.name, state: bridge.state, parent: hostId, location: locationOf(bridge.location), ...(bridge.observed ? { observed: bridge.observed } : {}), findings: bridge.findings });
    for (const port of bridge.ports) {
      const portId = `${bridgeId}/port:${port.name}`;
      graph.nodes.push({ id: portId, kind: 'port', label: port.name, state: 'ok', parent: hostId, location: locationOf(port.location), ...(port.observed ? { observed: port.observed } : {}), findings: port.findings });
      graph.edges.push({ from: bridgeId, to: portId, kind: 'attaches', state: 'ok', findings: NO_FINDINGS });
    }
    if (bridge.patch) graph.edges.push({ from: integrationId, to: bridgeId, kind: 'patch', state: bridge.patch, findings: NO_FINDINGS });
  }
  for (const m of wiring.mappings) {
    graph.edges.push({ from: `${deploymentId}/physnet:${m.physnet}`, to: `${hostId}/bridge:${m.bridge}`, kind: 'maps', state: m.state, location: locationOf(m.location), findings: m.findings });
  }
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

/** Shared by everything without findings: most of what a large graph holds. */
const NO_FINDINGS: readonly TopologyFinding[] = Object.freeze([]);

/** Our diagnostics of a file that touch a range (worked out only when the file has any). */
function findingsAt(diagnosticsOf: DiagnosticsOf, uri: string, rangeOf: () => Range): readonly TopologyFinding[] {
  const all = diagnosticsOf(uri);
  if (all.length === 0) return NO_FINDINGS;
  const range = rangeOf();
  const touching = all.filter((d) => overlaps(d.range, range));
  if (touching.length === 0) return NO_FINDINGS;
  return touching.map((d) => ({ code: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value, severity: SEVERITY[d.severity ?? 1] ?? 'error' }));
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** A host's place: the start of its agent file (one object for every host; nothing changes a graph once built). */
const FILE_START: Range = Object.freeze({ start: Object.freeze({ line: 0, character: 0 }), end: Object.freeze({ line: 0, character: 0 }) });

/** `compute-000, compute-001, … compute-411` */
function summarise(names: string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names[0]}, ${names[1]}, … ${names[names.length - 1]}`;
}

