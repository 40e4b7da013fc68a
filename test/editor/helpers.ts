/**
 * Small helpers for the in-editor suite: where the example deployment is,
 * opening its files, and waiting for a condition with a deadline (never a
 * fixed sleep).
 */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'neutron-config.neutron-config';
export const SOURCE = 'neutron-config';

/** Files of the example deployment (examples/), relative to the workspace folder. */
export const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
export const NETWORK_OVS = 'network/etc/neutron/plugins/ml2/openvswitch_agent.ini';
export const COMPUTE_OVS = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
export const L3 = 'network/etc/neutron/l3_agent.ini';
export const NETWORK_BR_EX = 'network/etc/sysconfig/network-scripts/ifcfg-br-ex';
export const NETWORK_ETH1 = 'network/etc/sysconfig/network-scripts/ifcfg-eth1';

/** Default deadline of a wait; the runner's own deadline is far longer. */
export const DEADLINE_MS = Number(process.env.NEUTRON_EDITOR_WAIT_MS ?? 20_000);

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'VS Code opened no workspace folder (the runner passes ?folder=<copy of examples>)');
  return folder.uri;
}

export function uriOf(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

export function relativeOf(uri: vscode.Uri): string {
  return path.posix.relative(workspaceRoot().path, uri.path);
}

export async function open(relative: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(uriOf(relative));
}

/** Opens the file in an editor (pull diagnostics and some features follow visible editors). */
export async function show(relative: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await open(relative), { preview: false });
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): vscode.Range {
  return new vscode.Range(startLine, startCharacter, endLine, endCharacter);
}

export function rangeText(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/**
 * Calls `probe` until it returns something other than undefined, and returns
 * that. Probes again whenever one of `events` fires and every 100 ms, and
 * fails after `timeoutMs` with `what` and the last thing `describe` saw.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  options: { timeoutMs?: number; events?: vscode.Event<unknown>[]; describe?: () => string | Promise<string> } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEADLINE_MS;
  const deadline = Date.now() + timeoutMs;
  let wake: (() => void) | undefined;
  const subscriptions = (options.events ?? []).map((event) => event(() => wake?.()));
  let lastError: unknown;
  try {
    for (;;) {
      try {
        const value = await probe();
        if (value !== undefined) return value;
      } catch (error) {
        lastError = error;
      }
      const left = deadline - Date.now();
      if (left <= 0) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(100, left));
        function done() {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
        wake = done;
      });
    }
  } finally {
    for (const subscription of subscriptions) subscription.dispose();
  }
  const seen = options.describe ? await options.describe() : '';
  const error = lastError instanceof Error ? ` Last error: ${lastError.message}` : '';
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.${seen ? ` Seen: ${seen}` : ''}${error}`);
}

/** The extension's own diagnostics of one file. */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return String(code);
}

/** `file code@range` lines of every diagnostic of the extension in the workspace, sorted. */
export function allOurDiagnostics(): string[] {
  const lines: string[] = [];
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const d of diagnostics) {
      if (d.source === SOURCE) lines.push(`${relativeOf(uri)} ${codeOf(d)}@${rangeText(d.range)}`);
    }
  }
  return lines.sort();
}

/** Text of a hover's contents, Markdown or plain. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** The hover at a position once it contains `needle` (the index may still be filling in). */
export async function hoverContaining(uri: vscode.Uri, position: vscode.Position, needle: string): Promise<string> {
  let last = '';
  const hovers = await waitFor(
    `a hover at ${rangeText(new vscode.Range(position, position))} containing ${needle}`,
    async () => {
      const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
      last = hoverText(found);
      return last.includes(needle) ? found : undefined;
    },
    { describe: () => JSON.stringify(last) },
  );
  return hoverText(hovers);
}

/**
 * Replaces `from` on one line with `to`, waits for `code` on exactly the new
 * text, applies the fix titled `title`, checks the line is back and the
 * finding gone. Then `finish`: save the document (the suite goes on from the
 * fixed file) or revert it (also after a failure).
 */
export async function breakAndFix(
  relative: string,
  line: number,
  edit: { from: string; to: string },
  expected: { code: string; fix: string },
  finish: 'save' | 'revert',
): Promise<void> {
  const uri = uriOf(relative);
  const document = await vscode.workspace.openTextDocument(uri);
  const original = document.lineAt(line).text;
  const start = original.indexOf(edit.from);
  assert.ok(start >= 0, `${edit.from} on line ${line + 1} of ${relative}: ${original}`);
  const change = new vscode.WorkspaceEdit();
  change.replace(uri, new vscode.Range(line, start, line, start + edit.from.length), edit.to);
  assert.ok(await vscode.workspace.applyEdit(change));
  const { code, fix: title } = expected;
  try {
    const diagnostic = await waitFor(`${code} in ${relative}`, () => ourDiagnostics(uri).find((d) => codeOf(d) === code), {
      events: [vscode.languages.onDidChangeDiagnostics],
      describe: () => ourDiagnostics(uri).map((d) => `${codeOf(d)}@${rangeText(d.range)}`).join(', '),
    });
    assert.equal(rangeText(diagnostic.range), `${line}:${start}-${line}:${start + edit.to.length}`);
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a): a is vscode.CodeAction => 'edit' in a && a.title === title);
    assert.ok(fix?.edit, `no "${title}" among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.lineAt(line).text, original);
    await waitFor(`${code} to go away`, () => (ourDiagnostics(uri).some((d) => codeOf(d) === code) ? undefined : true), { events: [vscode.languages.onDidChangeDiagnostics] });
    if (finish === 'save') await document.save();
  } finally {
    if (finish === 'revert') {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
}

/** Whether this run tests the packaged extension installed from the .vsix (NEUTRON_EDITOR_MODE=installed). */
export function installedMode(): boolean {
  return process.env.NEUTRON_EDITOR_MODE === 'installed';
}
