/**
 * The LSP face: wires protocol messages to the analysis service. It decides
 * nothing about Neutron; everything it answers comes from NeutronConfigService.
 */
import {
  CodeAction,
  CodeActionKind,
  CompletionList,
  Connection,
  Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  FoldingRange,
  Hover,
  InitializeParams,
  InitializeResult,
  LSPErrorCodes,
  ResponseError,
  ServerCapabilities,
  TextDocumentSyncKind,
  TextEdit,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { withoutSnippets } from '../core/features/options/optionCompletion';
import { NeutronConfigService, type FileMode } from '../core/service';
import { Settings } from '../core/settings';
import * as fs from 'fs';
import { canonicalUri, fileUri, uriToFsPath } from '../uris';
import { VERSION } from '../version';
import { DiagnosticsDelivery, PullDiagnostics, PushDiagnostics } from './diagnostics';
import { navigationCapabilities, refreshNavigation, registerNavigationHandlers } from './navigationHandlers';
import { missingNodeArgs } from './memory';
import { MemoryRelease } from './memoryRelease';
import { CHECK_WORKSPACE_REQUEST, CheckWorkspaceResult, FILE_INFO_REQUEST, FileInfoResult, TOPOLOGY_MAX_NODES, TOPOLOGY_REQUEST, type TopologyParams } from './customRequests';
import { TopologyTooLarge, type TopologyGraph } from '../core/topology/graph';
import { IndexingProgress } from './indexingProgress';
import { Logger, describeError, guard, lifecycle, runSafe, untilOrCancelled } from './runSafe';
import { Folder, SettingsReader, WorkspaceSync, configurationReader, fixedSettingsReader, folderFromUri } from './workspaceSync';
import { isSettingsFileOf, withSettingsFiles } from './settingsFiles';
import { FolderWatcher } from './folderWatcher';
import { prepareCatalog } from '../core/catalog/index';
import { prepareYaml } from '../core/syntax/yamlLibrary';

export type DiagnosticMode = 'push' | 'pull' | 'auto';

/** What a client may put in `initializationOptions`. */
export interface InitializationOptions {
  /** `neutronConfig` settings for clients that cannot answer `workspace/configuration`. */
  settings?: unknown;
  /** Force push or pull diagnostics; `auto` (default) pulls when the client can. */
  diagnosticMode?: DiagnosticMode;
  /** A client command that opens the topology picture with `{host}`: adds a code lens over bridge_mappings that runs it. */
  topologyCommand?: unknown;
}

export const TRIGGER_CHARACTERS = [':', ',', '=', ' '];
/** Delay that gathers changes before code lenses and inlay hints are refreshed. */
const NAVIGATION_REFRESH_MS = 300;

export function createLogger(connection: Connection): Logger {
  const write = (kind: 'error' | 'warn' | 'info', message: string) => {
    try {
      connection.console[kind](message);
    } catch {
      process.stderr.write(`[${kind}] ${message}\n`);
    }
  };
  return {
    error: (message) => write('error', message),
    warn: (message) => write('warn', message),
    info: (message) => write('info', message),
  };
}

export function startServer(connection: Connection): void {
  const logger = createLogger(connection);
  const service = new NeutronConfigService({
    onRuleError: (rule, error) => logger.error(`A check (${rule.codes.join(', ')}) failed and was skipped: ${describeError(error)}`),
    fileExists: existsOnDisk,
    modifiedTime: modifiedTimeOnDisk,
    fileMode: fileModeOnDisk,
  });
  const documents = new TextDocuments({
    create: TextDocument.create,
    update: (document, changes, version) => {
      // Versions only grow; an older one comes from a confused client and its ranges are relative to a text we no longer hold.
      if (version <= document.version) {
        logger.warn(`Ignored a change of ${document.uri} to version ${version}: version ${document.version} is already applied.`);
        return document;
      }
      return TextDocument.update(document, changes, version);
    },
  });
  let delivery: DiagnosticsDelivery | undefined;
  const memoryRelease = new MemoryRelease();
  const changedBeforeDelivery = new Set<string>();
  let navigationRefresh: NodeJS.Timeout | undefined;
  const index = new WorkspaceSync(service, documents, logger, (uris) => {
    if (delivery) delivery.changed(uris);
    else for (const uri of uris) changedBeforeDelivery.add(uri);
    // Code lenses and inlay hints of open files may show facts of other files: ask the client to re-query, coalesced.
    if (!navigationRefresh) {
      navigationRefresh = setTimeout(() => {
        navigationRefresh = undefined;
        refreshNavigation(connection, clientCapabilities, logger);
      }, NAVIGATION_REFRESH_MS);
    }
  }, (uri) => delivery?.isUndelivered(uri) ?? false);

  let readSettings: SettingsReader = fixedSettingsReader(undefined);
  let pullConfiguration = false;
  let initialFolders: Folder[] = [];
  let clientCapabilities: InitializeParams['capabilities'] = {};
  /** The client's command that opens the topology picture, when it has one. */
  let topologyCommand: string | undefined;
  /** Our own watch of the folders, for a client that does not watch files. */
  let ownWatcher: FolderWatcher | undefined;

  const settingsWarning = (message: string) => {
    logger.warn(message);
    void connection.window.showWarningMessage(`Neutron Config: ${message}`);
  };
  const readSettingsSafely = async (folders: readonly Folder[]): Promise<Map<string, Settings>> => {
    try {
      return await readSettings(folders);
    } catch (error) {
      logger.warn(`Reading the neutronConfig settings failed, using defaults: ${describeError(error)}`);
      return new Map();
    }
  };

  connection.onInitialize((params): InitializeResult => {
    clientCapabilities = params.capabilities;
    const options = (isRecord(params.initializationOptions) ? params.initializationOptions : {}) as InitializationOptions;

    initialFolders = initialWorkspaceFolders(params);
    pullConfiguration = clientCapabilities.workspace?.configuration === true;
    readSettings = withSettingsFiles(pullConfiguration ? configurationReader(connection) : fixedSettingsReader(options.settings), settingsWarning);
    topologyCommand = typeof options.topologyCommand === 'string' && options.topologyCommand ? options.topologyCommand : undefined;

    const pull = usePullDiagnostics(params, options.diagnosticMode);
    const source = {
      knownFiles: () => index.knownFiles(),
      getDiagnostics: (uri: string) => (index.isKnown(uri) ? service.getDiagnostics(uri) : []),
      clientUri: (uri: string) => index.clientUri(uri),
      openVersion: (uri: string) => index.appliedVersion(uri),
      flushPendingEdits: () => index.flushPendingEdits(),
      hasPendingEdit: (uri: string) => index.hasPendingEdit(uri),
      isSettled: () => index.isSettled(),
      whenSettled: () => index.whenSettled(),
      isComplete: (uri: string) => index.isComplete(uri),
      whenComplete: (uri: string) => index.whenComplete(uri),
    };
    delivery = pull
      ? new PullDiagnostics(connection, source, logger, clientCapabilities.workspace?.diagnostics?.refreshSupport === true)
      : new PushDiagnostics(connection, source, logger);
    delivery.changed(changedBeforeDelivery);
    changedBeforeDelivery.clear();

    const allFiles = [{ scheme: 'file', pattern: { glob: '**/*' } }];
    const capabilities: ServerCapabilities = {
      ...navigationCapabilities(clientCapabilities),
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      foldingRangeProvider: true,
      documentFormattingProvider: true,
      completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false },
      codeActionProvider: clientCapabilities.textDocument?.codeAction?.codeActionLiteralSupport
        ? { codeActionKinds: [CodeActionKind.QuickFix] }
        : true,
      workspace: {
        workspaceFolders: { supported: true, changeNotifications: true },
        fileOperations: {
          didCreate: { filters: allFiles },
          didRename: { filters: allFiles },
          didDelete: { filters: allFiles },
        },
      },
    };
    if (pull) {
      capabilities.diagnosticProvider = { identifier: 'neutron-config', interFileDependencies: true, workspaceDiagnostics: true };
    }
    logger.info(`neutron-config ${VERSION}: ${pull ? 'pull' : 'push'} diagnostics, ${initialFolders.length} workspace folder(s).`);
    prepareCatalog();
    prepareYaml();
    return { capabilities, serverInfo: { name: 'neutron-config', version: VERSION } };
  });

  connection.onInitialized(
    guard(logger, 'initialized', async () => {
      // The VS Code client starts node with these; another client may not (see memory.ts).
      const missing = missingNodeArgs();
      if (missing.length > 0) {
        logger.info(`node runs this server without ${missing.join(' ')}: with them it uses less memory and answers sooner while it indexes (README: "Neovim and other LSP clients").`);
      }
      if (clientCapabilities.window?.workDoneProgress) {
        const progress = new IndexingProgress(connection, logger);
        index.onIndexingProgress((state) => progress.update(state));
      }
      const workspace = clientCapabilities.workspace;
      if (workspace?.didChangeConfiguration?.dynamicRegistration) {
        connection.client.register(DidChangeConfigurationNotification.type, { section: 'neutronConfig' }).catch((error: unknown) => {
          logger.warn(`Registering for configuration changes failed: ${describeError(error)}`);
        });
      }
      if (workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] }).catch((error: unknown) => {
          logger.warn(`Registering the file watcher failed: ${describeError(error)}`);
        });
      } else {
        // The client does not watch files for us: watch the folders ourselves.
        ownWatcher = new FolderWatcher((events) => void applyFileEvents(events), (message) => logger.warn(message), (message) => logger.info(message));
      }
      if (workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guard(logger, 'workspace/didChangeWorkspaceFolders', async (event) => {
            const removed = new Set(event.removed.map((folder) => canonicalUri(folder.uri)));
            const next = index.workspaceFolders().filter((folder) => !removed.has(folder.uri));
            for (const added of event.added) {
              const folder = folderFromUri(added.uri, added.name);
              if (folder && !next.some((f) => f.uri === folder.uri)) next.push(folder);
            }
            await index.unsettledDuring('still reading the workspace folders', async () => index.setFolders(next, await readSettingsSafely(next)));
            void ownWatcher?.setFolders(next);
          }),
        );
      }
      await index.setFolders(initialFolders, await readSettingsSafely(initialFolders));
      // Only once the folders are read and their diagnostics published: listing the
      // directories to watch (6,700 in the 1,000-host bench tree) must not hold up the first
      // diagnostics. A file changed meanwhile, after the walk read it, is seen at its next change.
      if (ownWatcher) await delivery?.whenDelivered();
      await ownWatcher?.setFolders(index.workspaceFolders());
    }),
  );

  connection.onDidChangeConfiguration(
    guard(logger, 'workspace/didChangeConfiguration', async (params) => {
      if (!pullConfiguration) {
        const pushed: unknown = isRecord(params.settings) ? params.settings.neutronConfig : undefined;
        readSettings = withSettingsFiles(fixedSettingsReader(pushed), settingsWarning);
      }
      const folders = index.workspaceFolders();
      await index.unsettledDuring('still applying the new settings', async () => index.applySettings(await readSettingsSafely(folders)));
    }),
  );

  documents.onDidOpen(guard(logger, 'textDocument/didOpen', (event) => index.documentOpened(event.document)));
  documents.onDidChangeContent(guard(logger, 'textDocument/didChange', (event) => index.documentChanged(event.document)));
  documents.onDidClose(guard(logger, 'textDocument/didClose', (event) => index.documentClosed(event.document)));
  documents.listen(connection);

  const applyFileEvents = async (changes: readonly { uri: string; type: FileChangeType }[]) => {
    await index.fileEvents(changes);
    // A folder's .neutron-config.json changed: its settings apply as the editor's would.
    const folders = index.workspaceFolders();
    if (changes.some((change) => isSettingsFileOf(folders, change.uri))) {
      await index.unsettledDuring('still applying the new settings', async () => index.applySettings(await readSettingsSafely(folders)));
    }
  };
  connection.onDidChangeWatchedFiles(guard(logger, 'workspace/didChangeWatchedFiles', (params) => applyFileEvents(params.changes)));
  connection.workspace.onDidCreateFiles(
    guard(logger, 'workspace/didCreateFiles', (params) => index.fileEvents(params.files.map((f) => ({ uri: f.uri, type: FileChangeType.Created })))),
  );
  connection.workspace.onDidDeleteFiles(
    guard(logger, 'workspace/didDeleteFiles', (params) => index.fileEvents(params.files.map((f) => ({ uri: f.uri, type: FileChangeType.Deleted })))),
  );
  connection.workspace.onDidRenameFiles(guard(logger, 'workspace/didRenameFiles', (params) => index.renamed(params.files)));

  connection.onHover((params, token) =>
    runSafe(logger, 'textDocument/hover', token, null, () => {
      index.flushPendingEdits();
      const uri = canonicalUri(params.textDocument.uri);
      const hover = index.isKnown(uri) ? service.getHover(uri, params.position) : null;
      // Answered at once while indexing, but what other files say may not be read yet: say so rather than wait.
      const reason = index.unsettledReason();
      return hover && reason ? withCaveat(hover, reason) : hover;
    }),
  );

  connection.onCompletion((params, token) =>
    runSafe<CompletionList>(logger, 'textDocument/completion', token, { isIncomplete: false, items: [] }, () => {
      index.flushPendingEdits();
      const uri = canonicalUri(params.textDocument.uri);
      if (!index.isKnown(uri)) return { isIncomplete: false, items: [] };
      const list = service.getCompletions(uri, params.position);
      return clientCapabilities.textDocument?.completion?.completionItem?.snippetSupport ? list : withoutSnippets(list);
    }),
  );

  // Quick fixes may read other files (the host's bridges, other hosts' names): answered once the workspace is whole.
  connection.onCodeAction((params, token) =>
    runSafe<CodeAction[]>(logger, 'textDocument/codeAction', token, [], async () => {
      await untilOrCancelled(index.whenSettled(), token);
      index.flushPendingEdits();
      const uri = canonicalUri(params.textDocument.uri);
      if (!index.isKnown(uri)) return [];
      const diagnostics = withServerData(params.context.diagnostics, () => service.getDiagnostics(uri));
      const actions = service.getCodeActions(uri, params.range, diagnostics);
      const only = params.context.only;
      if (!only || only.length === 0) return actions;
      return actions.filter((action) => action.kind !== undefined && only.some((kind) => action.kind === kind || action.kind!.startsWith(`${kind}.`)));
    }),
  );

  connection.onFoldingRanges((params, token) =>
    runSafe<FoldingRange[]>(logger, 'textDocument/foldingRange', token, [], () => {
      index.flushPendingEdits();
      const uri = canonicalUri(params.textDocument.uri);
      return index.isKnown(uri) ? service.getFoldingRanges(uri) : [];
    }),
  );

  connection.onDocumentFormatting((params, token) =>
    runSafe<TextEdit[]>(logger, 'textDocument/formatting', token, [], () => {
      index.flushPendingEdits();
      const uri = canonicalUri(params.textDocument.uri);
      return index.isKnown(uri) ? service.formatDocument(uri) : [];
    }),
  );

  // Custom requests of the VS Code client: the language status item and the Check Workspace command.
  connection.onRequest(FILE_INFO_REQUEST, (params: { uri: string }, token) =>
    runSafe<FileInfoResult | null>(logger, FILE_INFO_REQUEST, token, null, () => {
      const info = service.describeFile(canonicalUri(params.uri));
      return info ? { kind: info.kind, host: info.host, deployment: info.deployment ?? null, filesIndexed: service.files().length } : null;
    }),
  );
  connection.onRequest(CHECK_WORKSPACE_REQUEST, async (_params: unknown, token) => {
    const files = await index.rescan();
    return runSafe<CheckWorkspaceResult>(logger, CHECK_WORKSPACE_REQUEST, token, { files, errors: 0, warnings: 0 }, () => {
      let errors = 0;
      let warnings = 0;
      for (const uri of service.files()) {
        for (const d of service.getDiagnostics(uri)) {
          if (d.severity === 1) errors++;
          else if (d.severity === 2) warnings++;
        }
      }
      return { files, errors, warnings };
    });
  });

  connection.onRequest(TOPOLOGY_REQUEST, async (params: TopologyParams | null, token) => {
    await index.whenSettled();
    return runSafe<TopologyGraph | ResponseError<void>>(logger, TOPOLOGY_REQUEST, token, { nodes: [], edges: [] }, () => {
      index.flushPendingEdits();
      const options = params ?? {};
      try {
        const graph = service.getTopology({
          ...(typeof options.host === 'string' && options.host ? { host: options.host } : {}),
          ...(typeof options.physnet === 'string' && options.physnet ? { physnet: options.physnet } : {}),
          ...(options.group === 'always' || options.group === 'never' ? { group: options.group } : {}),
          ...(Array.isArray(options.expand) ? { expand: options.expand.filter((name): name is string => typeof name === 'string') } : {}),
          maxNodes: TOPOLOGY_MAX_NODES,
        });
        memoryRelease.afterAnswer(graph.nodes.length);
        return graph;
      } catch (error) {
        if (error instanceof TopologyTooLarge) return new ResponseError<void>(LSPErrorCodes.RequestFailed, error.message);
        throw error;
      }
    });
  });

  registerNavigationHandlers(connection, service, { logger, workspace: index, clientCapabilities: () => clientCapabilities, topologyCommand: () => topologyCommand });

  connection.onShutdown(() => {
    lifecycle.shutDown = true;
    if (navigationRefresh) clearTimeout(navigationRefresh);
    navigationRefresh = undefined;
    index.stop();
    memoryRelease.dispose();
    ownWatcher?.dispose();
    delivery?.dispose();
  });

  connection.listen();
}

/**
 * Clients that cannot round-trip `Diagnostic.data` hand diagnostics back
 * without it; fixes need it, so such a diagnostic is swapped for the server's
 * own one with the same code and range.
 */
function withServerData(diagnostics: Diagnostic[], current: () => Diagnostic[]): Diagnostic[] {
  let ours: Diagnostic[] | undefined;
  return diagnostics.map((diagnostic) => {
    if (diagnostic.data !== undefined || diagnostic.source !== 'neutron-config') return diagnostic;
    ours ??= current();
    const match = ours.find((d) => d.code === diagnostic.code && sameRange(d, diagnostic));
    return match ?? diagnostic;
  });
}

function sameRange(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character
  );
}

function usePullDiagnostics(params: InitializeParams, mode: DiagnosticMode | undefined): boolean {
  if (mode === 'push') return false;
  const supported = params.capabilities.textDocument?.diagnostic !== undefined;
  if (mode === 'pull') return supported;
  // Without refresh support an open file would keep stale results after an edit elsewhere.
  return supported && params.capabilities.workspace?.diagnostics?.refreshSupport === true;
}

function initialWorkspaceFolders(params: InitializeParams): Folder[] {
  const folders: Folder[] = [];
  const add = (uri: string, name?: string) => {
    const folder = folderFromUri(uri, name);
    if (folder && !folders.some((f) => f.uri === folder.uri)) folders.push(folder);
  };
  if (params.workspaceFolders && params.workspaceFolders.length > 0) {
    for (const folder of params.workspaceFolders) add(folder.uri, folder.name);
  } else if (params.rootUri) {
    add(params.rootUri);
  } else if (params.rootPath) {
    add(fileUri(params.rootPath));
  }
  return folders;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withCaveat(hover: Hover, reason: string): Hover {
  const note = `\n\n---\n\n_Partial: ${reason}; what the other files say may be missing._`;
  const contents = hover.contents;
  if (typeof contents === 'object' && 'kind' in contents) return { ...hover, contents: { kind: contents.kind, value: contents.value + note } };
  return hover;
}

/** Whether anything (a file, a directory, even a dangling link) is at the URI on disk: edits never create or rename onto it. */
/** When the file last changed on disk (unsaved edits are not on the host either). */
function modifiedTimeOnDisk(uri: string): number | undefined {
  const fsPath = uriToFsPath(uri);
  if (fsPath === undefined) return undefined;
  try {
    return fs.statSync(fsPath).mtimeMs;
  } catch {
    return undefined;
  }
}

/** A file's permission bits and owner on disk. */
function fileModeOnDisk(uri: string): FileMode | undefined {
  const fsPath = uriToFsPath(uri);
  if (fsPath === undefined) return undefined;
  try {
    const stat = fs.statSync(fsPath);
    return { mode: stat.mode & 0o7777, uid: stat.uid };
  } catch {
    return undefined;
  }
}

function existsOnDisk(uri: string): boolean {
  const fsPath = uriToFsPath(uri);
  if (fsPath === undefined) return false;
  try {
    fs.lstatSync(fsPath);
    return true;
  } catch {
    return false;
  }
}
