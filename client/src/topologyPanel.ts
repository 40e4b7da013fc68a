/**
 * The topology picture: a webview beside the editor showing the graph the
 * server builds (neutronConfig/topology), laid out and drawn by Graphviz
 * (dist/render.js) in the extension host and shown as SVG. Colours come from
 * the editor theme; a click on a node opens where it is defined; the picture
 * follows edits (diagnostics changes) while it is visible.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TOPOLOGY_REQUEST, type TopologyParams } from '../../server/src/lsp/customRequests';
import type { TopologyGraph, TopologyNode } from '../../server/src/core/topology/graph';
import { drawnState, toDot } from '../../server/src/core/topology/formats';
import { loadRenderer } from '../../server/src/render/loadRenderer';

/** What the in-editor tests read of the picture on screen. */
export interface TopologySnapshot {
  nodes: { id: string; kind: string; label: string; state: string }[];
  filter: TopologyParams;
  svgBytes: number;
  /** From opening the panel to the webview having drawn its first picture, and where that time went; undefined until then (the bench reads it). */
  firstPaint?: FirstPaint;
  /** Pictures the webview has drawn so far. */
  paints: number;
}

export interface FirstPaint {
  totalMs: number;
  /** Waiting for the server's graph. */
  requestMs: number;
  /** Graphviz laying it out as SVG. */
  layoutMs: number;
  /** From setting the page's HTML to its script running: the webview loading. */
  pageLoadMs: number;
  /** From handing the SVG to the webview (or from the page being ready, when it was not) to its next frame drawn. */
  showMs: number;
}

const REFRESH_DELAY_MS = 400;

export class TopologyPanel {
  private static current: TopologyPanel | undefined;
  private graph: TopologyGraph = { nodes: [], edges: [] };
  private filter: TopologyParams = {};
  private svgBytes = 0;
  private readonly openedAt = Date.now();
  private firstPaint: FirstPaint | undefined;
  /** Of each draw message on its way to the webview, by sequence number: when it was sent and the phases before. */
  private readonly drawsInFlight = new Map<number, { requestMs: number; layoutMs: number; postedAt: number }>();
  private drawSequence = 0;
  private pageReadyAt: number | undefined;
  private paints = 0;
  private refreshTimer: NodeJS.Timeout | undefined;
  private rendering: Promise<void> = Promise.resolve();
  private readonly disposables: vscode.Disposable[] = [];

  static show(client: () => LanguageClient | undefined, refresh = true): TopologyPanel {
    if (TopologyPanel.current) {
      TopologyPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      if (refresh) void TopologyPanel.current.refresh();
      return TopologyPanel.current;
    }
    const panel = vscode.window.createWebviewPanel('neutronConfig.topology', 'Neutron Topology', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [],
      retainContextWhenHidden: false,
    });
    TopologyPanel.current = new TopologyPanel(panel, client);
    return TopologyPanel.current;
  }

  static snapshot(): TopologySnapshot | undefined {
    const current = TopologyPanel.current;
    if (!current) return undefined;
    return {
      nodes: current.graph.nodes.map((n) => ({ id: n.id, kind: n.kind, label: n.label, state: drawnState(n) })),
      filter: { ...current.filter },
      svgBytes: current.svgBytes,
      ...(current.firstPaint ? { firstPaint: current.firstPaint } : {}),
      paints: current.paints,
    };
  }

  /** Opens where a node of the picture on screen is defined (the webview's clicks land here; tests call it too). */
  static async openNode(id: string): Promise<boolean> {
    const node = TopologyPanel.current?.graph.nodes.find((n) => n.id === id);
    if (!node?.location) return false;
    const { uri, range } = node.location;
    const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    await vscode.window.showTextDocument(vscode.Uri.parse(uri), { viewColumn: vscode.ViewColumn.One, selection });
    return true;
  }

  /** Draws the members of a group of identical hosts one by one (the webview's click on a group; tests call it too). */
  static async expandGroup(id: string): Promise<boolean> {
    const current = TopologyPanel.current;
    const hosts = current?.graph.nodes.find((n) => n.id === id)?.hosts;
    if (!current || !hosts) return false;
    await current.setFilter({ ...current.filter, expand: [...new Set([...(current.filter.expand ?? []), ...hosts])].sort() });
    return true;
  }

  /** Shows the picture narrowed to a filter (the code lens on bridge_mappings opens it on one host). */
  static async showFiltered(client: () => LanguageClient | undefined, filter: TopologyParams): Promise<TopologyPanel> {
    const panel = TopologyPanel.show(client, false);
    await panel.setFilter(filter);
    return panel;
  }

  /** Resolves once the picture shows the graph as of now. */
  static async refreshed(): Promise<void> {
    await TopologyPanel.current?.refresh();
  }

  /** Resolves once the refreshes under way are drawn, without asking for a new one. */
  static async settled(): Promise<void> {
    await TopologyPanel.current?.rendering;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly client: () => LanguageClient | undefined,
  ) {
    const nonce = makeNonce();
    panel.webview.html = pageHtml(nonce);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => void this.onMessage(message)),
      panel.onDidChangeViewState(() => {
        if (panel.visible) this.scheduleRefresh();
      }),
      // Any change of findings may change the picture: redraw once typing pauses.
      vscode.languages.onDidChangeDiagnostics(() => this.scheduleRefresh()),
    );
    void this.refresh();
  }

  private scheduleRefresh(): void {
    if (!this.panel.visible) return;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  /** Asks the server for the graph and draws it; refreshes run one after the other. */
  private refresh(): Promise<void> {
    this.rendering = this.rendering.then(async () => {
      const client = this.client();
      if (!client) return;
      try {
        const started = Date.now();
        const graph = await client.sendRequest<TopologyGraph>(TOPOLOGY_REQUEST, this.filter);
        const answered = Date.now();
        const svg = await loadRenderer().renderSvg(toDot(graph));
        const sequence = ++this.drawSequence;
        if (!this.firstPaint) this.drawsInFlight.set(sequence, { requestMs: answered - started, layoutMs: Date.now() - answered, postedAt: Date.now() });
        this.graph = graph;
        this.svgBytes = svg.length;
        await this.panel.webview.postMessage({ kind: 'draw', sequence, svg, hosts: namesOf(graph, 'host'), physnets: namesOf(graph, 'physnet'), filter: this.filter, summary: summary(graph), expanded: (this.filter.expand?.length ?? 0) > 0 });
      } catch (error) {
        await this.panel.webview.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    });
    return this.rendering;
  }

  private async onMessage(message: unknown): Promise<void> {
    if (typeof message !== 'object' || message === null) return;
    const { kind, id, host, physnet } = message as { kind?: unknown; id?: unknown; host?: unknown; physnet?: unknown };
    if (kind === 'open' && typeof id === 'string') {
      const node = this.graph.nodes.find((n) => n.id === id);
      // A group of hosts opens into its members; the other groups stay as they are.
      if (node?.hosts) await TopologyPanel.expandGroup(id);
      else await TopologyPanel.openNode(id);
    } else if (kind === 'filter') {
      await this.setFilter({
        ...(typeof host === 'string' && host ? { host } : {}),
        ...(typeof physnet === 'string' && physnet ? { physnet } : {}),
      });
    } else if (kind === 'ready') {
      this.pageReadyAt ??= Date.now();
    } else if (kind === 'painted') {
      this.paints++;
      const draw = this.drawsInFlight.get(Number((message as { sequence?: unknown }).sequence));
      if (!this.firstPaint && draw) {
        const { requestMs, layoutMs, postedAt } = draw;
        const now = Date.now();
        const readyAt = this.pageReadyAt ?? now;
        this.firstPaint = { totalMs: now - this.openedAt, requestMs, layoutMs, pageLoadMs: readyAt - this.openedAt, showMs: now - Math.max(postedAt, readyAt) };
        this.drawsInFlight.clear();
      }
    } else if (kind === 'regroup') {
      const { expand: _expanded, ...rest } = this.filter;
      await this.setFilter(rest);
    }
  }

  private async setFilter(filter: TopologyParams): Promise<void> {
    this.filter = filter;
    await this.refresh();
  }

  private dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const d of this.disposables) d.dispose();
    if (TopologyPanel.current === this) TopologyPanel.current = undefined;
  }
}

function namesOf(graph: TopologyGraph, kind: TopologyNode['kind']): string[] {
  return [...new Set(graph.nodes.filter((n) => n.kind === kind && !n.hosts).map((n) => n.label))].sort();
}

function summary(graph: TopologyGraph): string {
  const problems = graph.nodes.filter((n) => drawnState(n) !== 'ok').length;
  const hosts = graph.nodes.filter((n) => n.kind === 'host').reduce((sum, n) => sum + (n.hosts?.length ?? 1), 0);
  return `${hosts} host${hosts === 1 ? '' : 's'}, ${problems} node${problems === 1 ? '' : 's'} not as they should be`;
}

function makeNonce(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let nonce = '';
  for (let i = 0; i < 32; i++) nonce += alphabet[Math.floor(Math.random() * alphabet.length)];
  return nonce;
}

/** The page: filters, a summary line and the SVG; nothing loaded from anywhere (CSP: only our nonce'd style and script). */
function pageHtml(nonce: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Neutron Topology</title>
<style nonce="${nonce}">
  body { color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
  header { display: flex; gap: 1em; align-items: center; margin-bottom: 0.5em; }
  button { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); border: none; padding: 2px 8px; cursor: pointer; }
  select { background: var(--vscode-dropdown-background); color: var(--vscode-dropdown-foreground); border: 1px solid var(--vscode-dropdown-border); }
  #summary { opacity: 0.8; }
  #error { color: var(--vscode-errorForeground); }
  svg { max-width: 100%; height: auto; }
  svg text { fill: var(--vscode-editor-foreground); }
  svg .graph > polygon { fill: transparent; stroke: none; }
  svg .cluster > path, svg .cluster > polygon { fill: transparent; stroke: var(--vscode-panel-border, var(--vscode-editor-foreground)); }
  svg .node { cursor: pointer; }
  svg .node > polygon, svg .node > path, svg .node > ellipse { fill: var(--vscode-editorWidget-background); stroke: var(--vscode-charts-green, #388a34); }
  svg .edge > path { stroke: var(--vscode-charts-green, #388a34); }
  svg .edge > polygon { fill: var(--vscode-charts-green, #388a34); stroke: var(--vscode-charts-green, #388a34); }
  svg .node.state-missing > polygon, svg .node.state-missing > path, svg .node.state-missing > ellipse, svg .node.state-reserved > path { stroke: var(--vscode-errorForeground); fill: var(--vscode-inputValidation-errorBackground, transparent); }
  svg .edge.state-missing > path, svg .edge.state-reserved > path { stroke: var(--vscode-errorForeground); }
  svg .edge.state-missing > polygon { fill: var(--vscode-errorForeground); stroke: var(--vscode-errorForeground); }
  svg .node.state-undeclared > *:not(text), svg .node.state-down > *:not(text) { stroke: var(--vscode-editorWarning-foreground); }
  svg .node.state-unused > *:not(text) { stroke: var(--vscode-disabledForeground); stroke-dasharray: 4 2; }
  svg .node.state-templated > *:not(text) { stroke: var(--vscode-charts-blue); }
  .legend span { margin-right: 1em; }
  .legend .missing { color: var(--vscode-errorForeground); }
  .legend .warn { color: var(--vscode-editorWarning-foreground); }
  .legend .unused { color: var(--vscode-disabledForeground); }
</style>
</head>
<body>
<header>
  <label>Host <select id="host"><option value="">all</option></select></label>
  <label>Physnet <select id="physnet"><option value="">all</option></select></label>
  <button id="regroup" hidden title="Draw hosts with identical wiring as one node again">Regroup hosts</button>
  <span id="summary">Reading the workspace…</span>
</header>
<div class="legend"><span>■ consistent</span><span class="missing">■ missing</span><span class="warn">■ undeclared / link down</span><span class="unused">■ unused</span></div>
<div id="error"></div>
<div id="picture"></div>
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  const picture = document.getElementById('picture');
  const hostSelect = document.getElementById('host');
  const physnetSelect = document.getElementById('physnet');
  const fill = (select, names, chosen) => {
    select.replaceChildren(new Option('all', ''), ...names.map((name) => new Option(name, name)));
    select.value = chosen || '';
  };
  const filterChanged = () => vscode.postMessage({ kind: 'filter', host: hostSelect.value, physnet: physnetSelect.value });
  hostSelect.addEventListener('change', filterChanged);
  physnetSelect.addEventListener('change', filterChanged);
  const regroup = document.getElementById('regroup');
  regroup.addEventListener('click', () => vscode.postMessage({ kind: 'regroup' }));
  picture.addEventListener('click', (event) => {
    const node = event.target.closest('g.node');
    if (node && node.id) vscode.postMessage({ kind: 'open', id: node.id });
  });
  vscode.postMessage({ kind: 'ready' });
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message.kind === 'draw') {
      document.getElementById('error').textContent = '';
      // Graphviz's SVG: its text is escaped by Graphviz, and the page's policy runs no script but ours.
      const parsed = new DOMParser().parseFromString(message.svg, 'image/svg+xml').documentElement;
      picture.replaceChildren(document.importNode(parsed, true));
      if (!hostSelect.matches(':focus')) fill(hostSelect, message.hosts, message.filter.host);
      if (!physnetSelect.matches(':focus')) fill(physnetSelect, message.physnets, message.filter.physnet);
      document.getElementById('summary').textContent = message.summary;
      regroup.hidden = !message.expanded;
      // After the browser has laid the picture out: the next frame.
      requestAnimationFrame(() => vscode.postMessage({ kind: 'painted', sequence: message.sequence }));
    } else if (message.kind === 'error') {
      document.getElementById('error').textContent = message.message;
    }
  });
</script>
</body>
</html>`;
}
