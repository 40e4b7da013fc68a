/**
 * The in-editor benchmark (issue #16): how long the topology picture takes to
 * appear in the real workbench, on whatever workspace the runner opened (the
 * bench opens its generated deployment). Not a timed test: it measures and
 * writes the figures to NEUTRON_EDITOR_BENCH_OUT; it fails only when the
 * picture never appears.
 *
 * The first opening waits for the server to read the workspace and loads
 * Graphviz; the openings after it are what a user sees once the workspace is
 * read: a new webview, the graph asked for, laid out and drawn.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { waitFor } from './helpers';

interface Snapshot {
  nodes: { kind: string }[];
  svgBytes: number;
  firstPaint?: { totalMs: number; requestMs: number; layoutMs: number; pageLoadMs: number; showMs: number };
  paints: number;
}

const WARM_OPENINGS = 5;
// Polls what is on screen; a plain snapshot would ask the server again each time.
const snapshot = () => vscode.commands.executeCommand<Snapshot | undefined>('neutronConfig.topologySnapshot', false);

/** Opens the picture in a new panel; resolves with the panel's own figure, from opening to the first frame drawn. */
async function openOnce(deadlineMs: number): Promise<NonNullable<Snapshot['firstPaint']> & { nodes: number; svgBytes: number }> {
  // Closes the picture's tab only: the user's editor stays, as when the command runs from it.
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('neutronConfig.topology'));
  await vscode.window.tabGroups.close(tabs);
  await waitFor('no picture open', async () => ((await snapshot()) === undefined ? true : undefined));
  await vscode.commands.executeCommand('neutronConfig.showTopology');
  const shown = await waitFor('the picture drawn', async () => {
    const s = await snapshot();
    return s?.firstPaint ? s : undefined;
  }, { timeoutMs: deadlineMs });
  return { ...shown.firstPaint!, nodes: shown.nodes.length, svgBytes: shown.svgBytes };
}

/** The floor: a bare webview whose only script says it runs, opened the same way. */
async function bareWebviewLoadMs(): Promise<number> {
  const opened = Date.now();
  const panel = vscode.window.createWebviewPanel('neutronConfig.benchBare', 'bare', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
  try {
    const ready = new Promise<number>((resolve) => panel.webview.onDidReceiveMessage(() => resolve(Date.now() - opened)));
    panel.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-n'"></head><body><script nonce="n">acquireVsCodeApi().postMessage('ready');</script></body></html>`;
    return await ready;
  } finally {
    panel.dispose();
  }
}

suite('bench: topology picture', () => {
  test('first paint, cold and warm', async function () {
    this.timeout(600_000);
    const out = process.env.NEUTRON_EDITOR_BENCH_OUT;
    assert.ok(out, 'NEUTRON_EDITOR_BENCH_OUT names the file for the figures');
    const [first] = await vscode.workspace.findFiles('**/openvswitch_agent.ini', undefined, 1);
    if (first) await vscode.window.showTextDocument(first, { viewColumn: vscode.ViewColumn.One });
    const cold = await openOnce(540_000);
    const warm = [];
    for (let i = 0; i < WARM_OPENINGS; i++) warm.push(await openOnce(60_000));
    const bare: number[] = [];
    for (let i = 0; i < WARM_OPENINGS; i++) bare.push(await bareWebviewLoadMs());
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    fs.writeFileSync(out, JSON.stringify({ cold, warm, warmMedianMs: median(warm.map((w) => w.totalMs)), warmMaxMs: Math.max(...warm.map((w) => w.totalMs)), bareWebviewLoadMs: bare, bareWebviewMedianMs: median(bare) }, null, 2));
  });
});
