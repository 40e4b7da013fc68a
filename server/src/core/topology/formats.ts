import type { TopologyEdge, TopologyFinding, TopologyGraph, TopologyNode, TopologyState } from './graph';

/**
 * The topology graph as Graphviz DOT (for `dot`, and for the SVG the CLI and
 * the webview render with Graphviz) and as a Mermaid flowchart (for Markdown).
 * Nodes carry their state as a class (`state-missing`) and their id, so a
 * stylesheet colours them and a click finds them.
 */

/** Colours for DOT consumers without a stylesheet; the webview overrides them with the editor theme's. */
const STATE_COLOUR: Record<TopologyState, { fill: string; line: string }> = {
  ok: { fill: '#e8f5e9', line: '#2e7d32' },
  missing: { fill: '#ffebee', line: '#c62828' },
  unused: { fill: '#f5f5f5', line: '#9e9e9e' },
  undeclared: { fill: '#fff3e0', line: '#ef6c00' },
  down: { fill: '#fff3e0', line: '#ef6c00' },
  templated: { fill: '#e3f2fd', line: '#1565c0' },
  reserved: { fill: '#ffebee', line: '#c62828' },
};

const SHAPES: Record<TopologyNode['kind'], string> = {
  deployment: 'plaintext',
  physnet: 'ellipse',
  host: 'box',
  bridge: 'box',
  integration: 'box',
  port: 'cds',
};

/** The state a node is drawn in: a problem the captures show wins over a consistent declaration. */
export function drawnState(node: Pick<TopologyNode, 'state' | 'observed'>): TopologyState {
  if (node.state !== 'ok') return node.state;
  if (node.observed === 'missing') return 'missing';
  if (node.observed === 'down') return 'down';
  return 'ok';
}

export function toDot(graph: TopologyGraph): string {
  const out = ['digraph topology {', '  graph [rankdir=TB, fontname="Helvetica", fontsize=11, nodesep=0.3, ranksep=0.5];', '  node [fontname="Helvetica", fontsize=10, style="filled,rounded"];', '  edge [fontname="Helvetica", fontsize=9];'];
  const children = new Map<string, TopologyNode[]>();
  for (const node of graph.nodes) {
    if (!node.parent) continue;
    const list = children.get(node.parent);
    if (list) list.push(node);
    else children.set(node.parent, [node]);
  }
  for (const deployment of graph.nodes.filter((n) => n.kind === 'deployment')) {
    out.push(`  subgraph ${quote(`cluster_${deployment.id}`)} {`, `    label=${quote(deployment.label)};`, '    style="rounded,dashed";');
    const inside = children.get(deployment.id) ?? [];
    const physnets = inside.filter((n) => n.kind === 'physnet');
    if (physnets.length) out.push(`    { rank=min; ${physnets.map((n) => quote(n.id)).join('; ')}; }`);
    for (const physnet of physnets) out.push(`    ${nodeLine(physnet)}`);
    for (const host of inside.filter((n) => n.kind === 'host')) {
      out.push(`    subgraph ${quote(`cluster_${host.id}`)} {`, `      id=${quote(host.id)};`, `      label=${quote(host.label)};`, `      class=${quote(`host state-${drawnState(host)}`)};`, '      style="rounded";');
      for (const node of children.get(host.id) ?? []) out.push(`      ${nodeLine(node)}`);
      out.push('    }');
    }
    out.push('  }');
  }
  for (const edge of graph.edges) out.push(`  ${edgeLine(edge)}`);
  // Physnets above each host's integration bridge, as the guide draws it: physnet, br-int, the mapped bridge, its NIC.
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const above = new Set<string>();
  for (const edge of graph.edges) {
    if (edge.kind !== 'maps') continue;
    const host = byId.get(edge.to)?.parent;
    const integration = graph.nodes.find((n) => n.parent === host && n.kind === 'integration');
    const key = `${edge.from} ${integration?.id}`;
    if (!integration || above.has(key)) continue;
    above.add(key);
    out.push(`  ${quote(edge.from)} -> ${quote(integration.id)} [style=invis];`);
  }
  out.push('}');
  return out.join('\n') + '\n';
}

function nodeLine(node: TopologyNode): string {
  const state = drawnState(node);
  const colour = STATE_COLOUR[state];
  const mark = markOf(node.findings);
  const attributes: Record<string, string> = {
    id: node.id,
    label: mark ? `${node.label}\n${mark}` : node.label,
    shape: SHAPES[node.kind],
    class: `${node.kind} state-${state}`,
    fillcolor: colour.fill,
    color: colour.line,
    tooltip: tooltipOf(node.label, state, node.findings),
  };
  if (node.kind === 'integration') attributes.style = 'filled,rounded,dashed';
  return `${quote(node.id)} [${Object.entries(attributes).map(([k, v]) => `${k}=${quote(v)}`).join(', ')}];`;
}

function edgeLine(edge: TopologyEdge): string {
  const colour = STATE_COLOUR[edge.state];
  const attributes: Record<string, string> = { class: `${edge.kind} state-${edge.state}`, color: colour.line };
  if (edge.kind === 'patch') Object.assign(attributes, { style: 'dashed', dir: 'both', arrowhead: 'none', arrowtail: 'none', label: 'patch' });
  if (edge.state !== 'ok') attributes.penwidth = '2';
  if (edge.findings.length) {
    attributes.tooltip = tooltipOf(edge.kind, edge.state, edge.findings);
    attributes.label = markOf(edge.findings);
    attributes.labeltooltip = attributes.tooltip;
  }
  return `${quote(edge.from)} -> ${quote(edge.to)} [${Object.entries(attributes).map(([k, v]) => `${k}=${quote(v)}`).join(', ')}];`;
}

const SEVERITY_MARK: Record<TopologyFinding['severity'], string> = { error: '✖', warning: '⚠', information: 'ℹ', hint: '…' };
const SEVERITY_RANK: Record<TopologyFinding['severity'], number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** What is drawn on a node or edge with findings: the most severe one's mark and code, and how many more (`✖ bridge-missing +1`). */
export function markOf(findings: readonly TopologyFinding[]): string {
  if (findings.length === 0) return '';
  const worst = findings.reduce((a, b) => (SEVERITY_RANK[b.severity] < SEVERITY_RANK[a.severity] ? b : a));
  return `${SEVERITY_MARK[worst.severity]} ${worst.code}${findings.length > 1 ? ` +${findings.length - 1}` : ''}`;
}

function tooltipOf(label: string, state: TopologyState, findings: TopologyNode['findings']): string {
  return [findings.length ? '' : `${label}: ${state}`, ...findings.map((f) => `${f.code}: ${f.message}`)].filter(Boolean).join('\n');
}

/** A DOT string literal. */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

export function toMermaid(graph: TopologyGraph): string {
  const ids = new Map<string, string>();
  const idOf = (id: string) => {
    let short = ids.get(id);
    if (!short) ids.set(id, (short = `n${ids.size}`));
    return short;
  };
  const out = ['flowchart TB'];
  const text = (label: string) => `"${label.replace(/"/g, '#quot;')}"`;
  const shape = (node: TopologyNode) => {
    const mark = markOf(node.findings);
    const t = text(mark ? `${node.label}<br/>${mark}` : node.label);
    if (node.kind === 'physnet') return `${idOf(node.id)}([${t}])`;
    if (node.kind === 'port') return `${idOf(node.id)}[/${t}/]`;
    return `${idOf(node.id)}[${t}]`;
  };
  for (const deployment of graph.nodes.filter((n) => n.kind === 'deployment')) {
    out.push(`  subgraph ${idOf(deployment.id)}[${text(deployment.label)}]`);
    for (const physnet of graph.nodes.filter((n) => n.parent === deployment.id && n.kind === 'physnet')) out.push(`    ${shape(physnet)}:::${drawnState(physnet)}`);
    for (const host of graph.nodes.filter((n) => n.parent === deployment.id && n.kind === 'host')) {
      out.push(`    subgraph ${idOf(host.id)}[${text(host.label)}]`);
      for (const node of graph.nodes.filter((n) => n.parent === host.id)) out.push(`      ${shape(node)}:::${drawnState(node)}`);
      out.push('    end');
    }
    out.push('  end');
  }
  for (const edge of graph.edges) {
    const arrow = edge.kind === 'patch' ? `-. patch .-` : edge.state === 'ok' ? '-->' : '==>';
    const mark = markOf(edge.findings);
    out.push(`  ${idOf(edge.from)} ${arrow}${mark && edge.kind !== 'patch' ? `|${text(mark)}|` : ''} ${idOf(edge.to)}`);
  }
  for (const [state, colour] of Object.entries(STATE_COLOUR)) out.push(`  classDef ${state} fill:${colour.fill},stroke:${colour.line}`);
  return out.join('\n') + '\n';
}
