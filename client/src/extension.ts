/**
 * The VS Code face: starts the language server (dist/server.js) over IPC for
 * all workspace folders and tells it which documents to follow. Everything
 * the user sees (diagnostics, hovers, completions, fixes) comes from the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import {
  CHECK_WORKSPACE_REQUEST,
  type CheckWorkspaceResult,
  FILE_INFO_REQUEST,
  type FileInfoResult,
} from '../../server/src/lsp/customRequests';
import { SERVER_NODE_ARGS } from '../../server/src/lsp/memory';
import { TopologyPanel } from './topologyPanel';

const CLIENT_ID = 'neutronConfig';
const CLIENT_NAME = 'Neutron Config';

/** Files recognised by name, with their template variants. */
export const RECOGNISED_PATTERNS = [
  '**/{ml2_conf.ini,plugin.ini,openvswitch_agent.ini,linuxbridge_agent.ini,sriov_agent.ini,sriov_nic_agent.ini,l3_agent.ini,dhcp_agent.ini,neutron.conf,nova.conf}{,.j2,.erb,.tmpl}',
  '**/ifcfg-*',
  '**/*.nmconnection{,.j2,.erb,.tmpl}',
  '**/os-net-config/config.{yaml,json}{,.j2}',
  '**/os-net-config/mapping.{yaml,yml}',
  // TripleO environments (the server reads their content to tell).
  '**/{environments,templates}/**/*.{yaml,yml}',
  '**/*{environment,parameters,-env,_env}*.{yaml,yml}',
  // kolla-ansible's globals.yml (the server reads its content to tell).
  '**/globals.yml',
  // OpenStack-Ansible's deploy configuration (the server reads its content to tell).
  '**/openstack_user_config*.{yml,yaml}',
  '**/user_*variables*.{yml,yaml}',
  '**/openstack_deploy/conf.d/*.{yml,yaml}',
  // Command captures: sosreports' and hand-saved ones (the server reads their content to tell).
  '**/sos_commands/*/{ovs-vsctl,ovs-ofctl,ip}_*',
  '**/*.{txt,out,capture}',
  '**/{ovs-vsctl,ovs-ofctl}[-_]*',
  '**/*{network,net-show,agent}*.{json,yaml,yml}',
];

/**
 * Names that say a folder holds Neutron or host network configuration: the
 * server starts once the workspace has one, or one is opened. The extension
 * activates for every `.ini` file (a single ml2_conf.ini opened without a
 * folder has no other way in), and a `tox.ini` must not start a server that
 * then reads the whole tree.
 */
export const CONFIGURATION_NAMES = [
  '**/{ml2_conf.ini,plugin.ini,openvswitch_agent.ini,linuxbridge_agent.ini,sriov_agent.ini,sriov_nic_agent.ini,l3_agent.ini,dhcp_agent.ini,neutron.conf}',
  '**/{ml2_conf.ini,plugin.ini,openvswitch_agent.ini,linuxbridge_agent.ini,sriov_agent.ini,sriov_nic_agent.ini,l3_agent.ini,dhcp_agent.ini,neutron.conf}.{j2,erb,tmpl}',
  '**/ifcfg-*',
  '**/*.nmconnection',
  '**/os-net-config/config.{yaml,json}',
  '**/sos_commands/openvswitch/ovs-vsctl_*show',
];

let client: LanguageClient | undefined;
let outputChannel: vscode.LogOutputChannel | undefined;
/** Updates the language status item; set once the item exists. */
let refreshStatus: (() => void) | undefined;
/** Set while the server is not started because the workspace holds no configuration file yet. */
let waitingForConfiguration = false;
/** Serialises start, stop and restart so two of them never overlap. */
let lifecycle: Promise<void> = Promise.resolve();

export function activate(context: vscode.ExtensionContext): void {
  outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(outputChannel);

  context.subscriptions.push(
    vscode.commands.registerCommand('neutronConfig.restartServer', () => enqueue(() => restart(context))),
    vscode.commands.registerCommand('neutronConfig.showOutput', () => outputChannel?.show(true)),
    vscode.commands.registerCommand('neutronConfig.checkWorkspace', async () => checkWorkspace(await runningClient(context))),
    // Whether the language server runs, or waits for a configuration file (the in-editor suite checks that a plain tox.ini does not start it).
    vscode.commands.registerCommand('neutronConfig.serverState', () => (client?.isRunning() ? 'running' : waitingForConfiguration ? 'waiting for a configuration file' : 'starting or stopped')),
    vscode.commands.registerCommand(USE_LF_COMMAND, useLfLineEnds),
    vscode.commands.registerCommand('neutronConfig.showTopology', async (filter?: { host?: unknown }) => {
      await runningClient(context);
      // From the code lens: the picture of one host. From the palette or the editor title: everything.
      if (typeof filter?.host === 'string') await TopologyPanel.showFiltered(() => client, { host: filter.host });
      else TopologyPanel.show(() => client);
    }),
    // For the picture's clicks and the in-editor tests; not in the palette.
    vscode.commands.registerCommand('neutronConfig.openTopologyNode', (id: string) => TopologyPanel.openNode(id)),
    // `false`: what is on screen now, without asking the server again (the bench polls with it).
    vscode.commands.registerCommand('neutronConfig.topologySnapshot', async (refresh?: unknown) => {
      if (refresh === false) await TopologyPanel.settled();
      else await TopologyPanel.refreshed();
      return TopologyPanel.snapshot();
    }),
    createStatusItem(),
    // The document selector carries the fileKinds globs of every folder: rebuild it when they change.
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('neutronConfig.fileKinds')) void enqueue(() => restart(context));
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      if (fileKindSelectors().length > 0) void enqueue(() => restart(context));
    }),
  );

  void enqueue(() => startWhenNeeded(context));
}

/** Starts the server now if the workspace holds configuration, else once such a file is opened. */
async function startWhenNeeded(context: vscode.ExtensionContext): Promise<void> {
  if (await workspaceHasConfiguration()) return start(context);
  const open = vscode.workspace.textDocuments.find(looksLikeConfiguration);
  if (open) return start(context);
  outputChannel?.info('No Neutron or host network configuration in the workspace: the server starts when one is opened.');
  waitingForConfiguration = true;
  const waiting = vscode.workspace.onDidOpenTextDocument((document) => {
    if (!client && looksLikeConfiguration(document)) {
      waiting.dispose();
      void enqueue(() => (client ? Promise.resolve() : start(context)));
    }
  });
  context.subscriptions.push(waiting);
}

function configurationSelector(): vscode.DocumentSelector {
  const fileKinds = fileKindSelectors().map(({ pattern }) => ({ scheme: 'file', pattern: new vscode.RelativePattern(vscode.Uri.parse(pattern.baseUri), pattern.pattern) }));
  return [...CONFIGURATION_NAMES.map((pattern) => ({ scheme: 'file', pattern })), ...fileKinds];
}

function looksLikeConfiguration(document: vscode.TextDocument): boolean {
  return vscode.languages.match(configurationSelector(), document) > 0;
}

async function workspaceHasConfiguration(): Promise<boolean> {
  if (fileKindSelectors().length > 0) return true;
  const found = await Promise.all(CONFIGURATION_NAMES.map((glob) => vscode.workspace.findFiles(glob, '**/node_modules/**', 1).then((uris) => uris.length > 0, () => false)));
  return found.some(Boolean);
}

/** The running client, starting the server first when it waits for a configuration file (a command was run). */
async function runningClient(context: vscode.ExtensionContext): Promise<LanguageClient | undefined> {
  if (!client) await enqueue(() => (client ? Promise.resolve() : start(context)));
  return client;
}

export function deactivate(): Thenable<void> | undefined {
  return enqueue(stop);
}

function enqueue(step: () => Promise<void>): Promise<void> {
  lifecycle = lifecycle.then(step, step).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    outputChannel?.error(message);
    void vscode.window.showErrorMessage(`Neutron Config: ${message}`, 'Show Output').then((choice) => {
      if (choice) outputChannel?.show(true);
    });
  });
  return lifecycle;
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  waitingForConfiguration = false;
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS, '--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...RECOGNISED_PATTERNS.map((pattern) => ({ scheme: 'file', pattern })), ...fileKindSelectors()],
    synchronize: { configurationSection: 'neutronConfig' },
    // The server adds a lens over bridge_mappings that opens the picture on that host.
    initializationOptions: { topologyCommand: 'neutronConfig.showTopology' },
    outputChannel,
    traceOutputChannel: outputChannel,
    middleware: {
      // The server's lenses carry plain JSON for `editor.action.showReferences`; VS Code wants its own types.
      provideCodeLenses: async (document, token, next) => (await next(document, token))?.map(withVsCodeReferenceArguments),
      // VS Code keeps one line-end style per document and converts inserted text to it: changing
      // CR LF to LF has to go through the editor's own line-end setting, not a text edit.
      provideCodeActions: async (document, range, context, token, next) =>
        (await next(document, range, context, token))?.map((action) => (isLfLineEndsFix(action) ? lfLineEndsAction(action, document.uri) : action)),
      resolveCodeLens: async (lens, token, next) => {
        const resolved = await next(lens, token);
        return resolved ? withVsCodeReferenceArguments(resolved) : resolved;
      },
    },
  };
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  await client.start();
  refreshStatus?.();
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  await stop();
  await start(context);
  outputChannel?.info('Server restarted.');
}

const USE_LF_COMMAND = 'neutronConfig.useLfLineEnds';
/** Must match the server's fix title (server/src/core/fixes/ifcfg/lineEndsFix.ts). */
const LF_LINE_ENDS_TITLE = 'Convert to Unix (LF) line ends';

function isLfLineEndsFix(action: vscode.Command | vscode.CodeAction): action is vscode.CodeAction {
  return action instanceof vscode.CodeAction && action.title === LF_LINE_ENDS_TITLE;
}

function lfLineEndsAction(action: vscode.CodeAction, uri: vscode.Uri): vscode.CodeAction {
  const converted = new vscode.CodeAction(action.title, action.kind);
  converted.diagnostics = action.diagnostics;
  converted.isPreferred = action.isPreferred;
  converted.command = { title: action.title, command: USE_LF_COMMAND, arguments: [uri.toString()] };
  return converted;
}

async function useLfLineEnds(uri: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const editor = await vscode.window.showTextDocument(document, { preserveFocus: true, preview: false });
  await editor.edit((builder) => builder.setEndOfLine(vscode.EndOfLine.LF));
}

/** One selector per `neutronConfig.fileKinds` glob of each folder, relative to that folder. */
function fileKindSelectors(): { scheme: string; pattern: { baseUri: string; pattern: string } }[] {
  const selectors: { scheme: string; pattern: { baseUri: string; pattern: string } }[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const fileKinds = vscode.workspace.getConfiguration('neutronConfig', folder.uri).get<Record<string, unknown>>('fileKinds') ?? {};
    for (const glob of Object.keys(fileKinds)) {
      if (glob.trim() !== '') selectors.push({ scheme: 'file', pattern: { baseUri: folder.uri.toString(), pattern: glob } });
    }
  }
  return selectors;
}

interface JsonPosition {
  line: number;
  character: number;
}
interface JsonLocation {
  uri: string;
  range: { start: JsonPosition; end: JsonPosition };
}

/** Turns `[uri, position, locations]` JSON arguments of a show-references lens into VS Code objects. */
function withVsCodeReferenceArguments(lens: vscode.CodeLens): vscode.CodeLens {
  const command = lens.command;
  if (command?.command !== 'editor.action.showReferences' || !command.arguments || command.arguments.length !== 3) return lens;
  const [uri, position, locations] = command.arguments as [string, JsonPosition, JsonLocation[]];
  if (typeof uri !== 'string') return lens;
  const toPosition = (p: JsonPosition) => new vscode.Position(p.line, p.character);
  command.arguments = [
    vscode.Uri.parse(uri),
    toPosition(position),
    locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(toPosition(l.range.start), toPosition(l.range.end)))),
  ];
  return lens;
}

/** Re-reads the workspace from disk, then shows the totals and the Problems panel. */
async function checkWorkspace(running: LanguageClient | undefined): Promise<void> {
  if (!running) return;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Neutron Config: checking the workspace' },
    () => running.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, {}),
  );
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  void vscode.window.showInformationMessage(
    `Neutron Config: ${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')} in ${plural(result.files, 'file')}.`,
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

const KIND_LABELS: Record<string, string> = {
  ml2: 'ML2 plugin config',
  'ovs-agent': 'Open vSwitch agent config',
  'linuxbridge-agent': 'Linux bridge agent config',
  'sriov-agent': 'SR-IOV agent config',
  'l3-agent': 'L3 agent config',
  'dhcp-agent': 'DHCP agent config',
  'neutron-conf': 'Neutron service config (neutron.conf)',
  'nova-conf': 'nova config (read for [pci] device_spec)',
  ifcfg: 'ifcfg network-script',
  'nm-keyfile': 'NetworkManager keyfile',
  'os-net-config': 'os-net-config network configuration',
  'os-net-config-mapping': 'os-net-config NIC mapping (nicN names)',
  'tripleo-env': 'TripleO environment (parameter_defaults)',
  'kolla-globals': 'kolla-ansible globals.yml',
  'osa-user-config': 'OpenStack-Ansible deploy configuration (provider_networks)',
  capture: 'command capture',
  'nm-conf': 'NetworkManager configuration (read as evidence only)',
  'sos-hostname': 'sosreport host name (read as evidence only)',
};

/** Shows, for the active file, its kind, host and deployment, and how many files are indexed. */
function createStatusItem(): vscode.Disposable {
  const selector = RECOGNISED_PATTERNS.map((pattern) => ({ scheme: 'file', pattern }));
  const item = vscode.languages.createLanguageStatusItem('neutronConfig.status', selector);
  item.name = CLIENT_NAME;
  item.text = 'Neutron Config';
  item.command = { title: 'Check Workspace', command: 'neutronConfig.checkWorkspace' };
  const update = async (editor: vscode.TextEditor | undefined) => {
    if (!editor || !client?.isRunning()) return;
    const info = await client.sendRequest<FileInfoResult | null>(FILE_INFO_REQUEST, { uri: editor.document.uri.toString() }).catch(() => null);
    if (!info) {
      item.text = 'Neutron Config: not checked';
      item.detail = 'This file is outside the recognised names and the neutronConfig.fileKinds globs.';
      return;
    }
    item.text = `${KIND_LABELS[info.kind] ?? info.kind} · host ${info.host}`;
    const deployment = info.deployment ? `deployment ${vscode.workspace.asRelativePath(info.deployment) || info.deployment}` : 'no ML2 config covers this host';
    item.detail = `${deployment} · ${plural(info.filesIndexed, 'file')} indexed`;
  };
  // Also once findings change: a file read before its deployment's ML2 config says more once that is read.
  let pending: NodeJS.Timeout | undefined;
  const onFindings = vscode.languages.onDidChangeDiagnostics(() => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => void update(vscode.window.activeTextEditor), 300);
  });
  const subscription = vscode.Disposable.from(vscode.window.onDidChangeActiveTextEditor((editor) => void update(editor)), onFindings, { dispose: () => pending && clearTimeout(pending) });
  refreshStatus = () => void update(vscode.window.activeTextEditor);
  refreshStatus();
  // What the item shows for the active editor, once brought up to date (the in-editor suite reads it).
  const read = vscode.commands.registerCommand('neutronConfig.statusItem', async () => {
    await update(vscode.window.activeTextEditor);
    return { text: item.text, detail: item.detail };
  });
  return vscode.Disposable.from(item, subscription, read);
}
