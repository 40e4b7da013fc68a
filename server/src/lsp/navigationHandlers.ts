/**
 * The LSP face of navigation and refactoring: definition, references,
 * highlights, rename, symbols, code lens and inlay hints. It only wires
 * requests to NeutronConfigService, maps URIs to the client's spelling and
 * turns refused renames into errors the client shows.
 *
 * Wiring (startServer.ts):
 *   - merge `navigationCapabilities(params.capabilities)` (or the constant
 *     NAVIGATION_CAPABILITIES) into the initialize result's capabilities;
 *   - call `registerNavigationHandlers(connection, service, { logger, workspace: index,
 *     clientCapabilities: () => clientCapabilities })` before `connection.listen()`;
 *   - optionally call `refreshNavigation(connection, clientCapabilities, logger)`
 *     when the index reports changed files, so lenses and hints of other open
 *     files are asked for again.
 */
import {
  CancellationToken,
  ClientCapabilities,
  CodeLens,
  CodeLensRefreshRequest,
  Connection,
  DocumentHighlight,
  DocumentSymbol,
  InlayHint,
  InlayHintRefreshRequest,
  LSPErrorCodes,
  Location,
  ResponseError,
  ServerCapabilities,
  SymbolInformation,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { SHOW_REFERENCES_COMMAND } from '../core/features/codeLens';
import { isRenameRefusedError, type PrepareRenameResult } from '../core/features/rename';
import { NeutronConfigService } from '../core/service';
import { canonicalUri } from '../uris';
import { Logger, describeError, runSafe, untilOrCancelled } from './runSafe';

/** What the handlers need from the server's view of the workspace (WorkspaceSync has all of it). */
export interface NavigationWorkspace {
  /** Hands debounced edits of open documents to the service before a request is answered. */
  flushPendingEdits(): void;
  /** Whether the service holds the file (canonical URI). */
  isKnown(uri: string): boolean;
  /** The URI as the client spelled it. */
  clientUri(uri: string): string;
  /** Version of an open document, null when the file is not open. */
  openVersion(uri: string): number | null;
  /** Resolves when the service holds the whole workspace (no walk or burst of file events under way). */
  whenSettled(): Promise<void>;
  /** Why the workspace is not whole yet, for the user; undefined when it is. */
  unsettledReason(): string | undefined;
}

export interface NavigationOptions {
  logger: Logger;
  /** Defaults: no pending edits, every file the service holds is known, URIs as the service has them, no versions. */
  workspace?: NavigationWorkspace;
  /** The client's capabilities (known after initialize); decide how rename edits are shaped. Default: a client that can do everything. */
  clientCapabilities?: () => ClientCapabilities | undefined;
  /** Command code lenses run; default `editor.action.showReferences` (VS Code and Zed). */
  showReferencesCommand?: string;
  /** Command that opens the topology picture (`initializationOptions.topologyCommand`); no such lens without it. */
  topologyCommand?: () => string | undefined;
}

/** Everything this module answers, for a client that supports prepareRename. */
export const NAVIGATION_CAPABILITIES = {
  definitionProvider: true,
  referencesProvider: true,
  documentHighlightProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: { label: 'Neutron Config' },
  workspaceSymbolProvider: true,
  codeLensProvider: { resolveProvider: false },
  inlayHintProvider: { resolveProvider: false },
} satisfies ServerCapabilities;

/** NAVIGATION_CAPABILITIES as the protocol allows for this client: rename options only with `prepareSupport`. */
export function navigationCapabilities(client?: ClientCapabilities): ServerCapabilities {
  const prepare = client === undefined || client.textDocument?.rename?.prepareSupport === true;
  return { ...NAVIGATION_CAPABILITIES, renameProvider: prepare ? { prepareProvider: true } : true };
}

export function registerNavigationHandlers(connection: Connection, service: NeutronConfigService, options: NavigationOptions): void {
  const { logger } = options;
  const workspace: NavigationWorkspace = options.workspace ?? {
    flushPendingEdits: () => undefined,
    isKnown: (uri) => service.describeFile(uri) !== undefined,
    clientUri: (uri) => uri,
    openVersion: () => null,
    whenSettled: () => Promise.resolve(),
    unsettledReason: () => undefined,
  };
  const showReferences = options.showReferencesCommand ?? SHOW_REFERENCES_COMMAND;
  const toClient = (uri: string) => workspace.clientUri(uri);
  const location = (l: Location): Location => ({ uri: toClient(l.uri), range: l.range });
  /** The canonical URI of a request's document when the service knows it, after pending edits are in. */
  const known = (uri: string): string | undefined => {
    workspace.flushPendingEdits();
    const canonical = canonicalUri(uri);
    return workspace.isKnown(canonical) ? canonical : undefined;
  };
  /**
   * Runs an answer that depends on the whole workspace once the service holds
   * all of it: an answer computed half-way through a walk would be partial
   * (a reference list missing hosts not read yet).
   */
  const whole = <T>(label: string, token: CancellationToken, neutral: T, work: () => T) =>
    runSafe<T>(logger, label, token, neutral, async () => {
      await untilOrCancelled(workspace.whenSettled(), token);
      return work();
    });
  /** A rename asked before the workspace is whole is refused: a partial edit would rename the name on some hosts only. */
  const refusedWhileReading = (): ResponseError<void> | undefined => {
    const reason = workspace.unsettledReason();
    return reason === undefined
      ? undefined
      : new ResponseError<void>(LSPErrorCodes.RequestFailed, `Cannot rename yet: neutron-config is ${reason}. Try again when it is done.`);
  };

  connection.onDefinition((params, token) =>
    whole<Location[] | null>('textDocument/definition', token, null, () => {
      const uri = known(params.textDocument.uri);
      return uri ? (service.getDefinition(uri, params.position)?.map(location) ?? null) : null;
    }),
  );

  connection.onReferences((params, token) =>
    whole<Location[]>('textDocument/references', token, [], () => {
      const uri = known(params.textDocument.uri);
      return uri ? service.getReferences(uri, params.position, params.context.includeDeclaration).map(location) : [];
    }),
  );

  connection.onDocumentHighlight((params, token) =>
    runSafe<DocumentHighlight[]>(logger, 'textDocument/documentHighlight', token, [], () => {
      const uri = known(params.textDocument.uri);
      return uri ? service.getDocumentHighlights(uri, params.position) : [];
    }),
  );

  connection.onPrepareRename((params, token) =>
    runSafe<PrepareRenameResult | null | ResponseError<void>>(logger, 'textDocument/prepareRename', token, null, () => {
      const refused = refusedWhileReading();
      if (refused) return refused;
      const uri = known(params.textDocument.uri);
      if (!uri) return null;
      return refusalAsError(() => service.prepareRename(uri, params.position));
    }),
  );

  connection.onRenameRequest((params, token) =>
    runSafe<WorkspaceEdit | null | ResponseError<void>>(logger, 'textDocument/rename', token, null, () => {
      const refused = refusedWhileReading();
      if (refused) return refused;
      const uri = known(params.textDocument.uri);
      if (!uri) return null;
      const shape = editShape(options.clientCapabilities?.());
      return refusalAsError(() => forClient(service.rename(uri, params.position, params.newName, { fileRenames: shape.fileRenames }), shape, workspace));
    }),
  );

  connection.onDocumentSymbol((params, token) =>
    runSafe<DocumentSymbol[]>(logger, 'textDocument/documentSymbol', token, [], () => {
      const uri = known(params.textDocument.uri);
      return uri ? service.getDocumentSymbols(uri) : [];
    }),
  );

  connection.onWorkspaceSymbol((params, token) =>
    whole<SymbolInformation[]>('workspace/symbol', token, [], () => {
      workspace.flushPendingEdits();
      return service.getWorkspaceSymbols(params.query).map((s) => ({ ...s, location: location(s.location) }));
    }),
  );

  connection.onCodeLens((params, token) =>
    whole<CodeLens[]>('textDocument/codeLens', token, [], () => {
      const uri = known(params.textDocument.uri);
      if (!uri) return [];
      const topologyCommand = options.topologyCommand?.();
      return service.getCodeLenses(uri, { showReferencesCommand: showReferences, ...(topologyCommand ? { topologyCommand } : {}) }).map((lens) => {
        const command = lens.command;
        if (!command || command.command !== showReferences || !command.arguments) return lens;
        const [target, position, locations] = command.arguments as [string, unknown, Location[]];
        return { ...lens, command: { ...command, arguments: [toClient(target), position, locations.map(location)] } };
      });
    }),
  );

  connection.languages.inlayHint.on((params, token) =>
    runSafe<InlayHint[]>(logger, 'textDocument/inlayHint', token, [], () => {
      const uri = known(params.textDocument.uri);
      return uri ? service.getInlayHints(uri, params.range) : [];
    }),
  );
}

/**
 * Asks the client to fetch code lenses and inlay hints again (they count
 * across files, so an edit of one file changes them in others). Does nothing
 * for a client without refresh support; call it debounced.
 */
export function refreshNavigation(connection: Connection, client: ClientCapabilities | undefined, logger: Logger): void {
  const fail = (what: string) => (error: unknown) => logger.warn(`Refreshing ${what} failed: ${describeError(error)}`);
  if (client?.workspace?.codeLens?.refreshSupport) connection.sendRequest(CodeLensRefreshRequest.type).catch(fail('code lenses'));
  if (client?.workspace?.inlayHint?.refreshSupport) connection.sendRequest(InlayHintRefreshRequest.type).catch(fail('inlay hints'));
}

/** Runs a rename step; a refusal becomes the `RequestFailed` error whose message the client shows. */
function refusalAsError<T>(work: () => T): T | ResponseError<void> {
  try {
    return work();
  } catch (error) {
    if (isRenameRefusedError(error)) return new ResponseError<void>(LSPErrorCodes.RequestFailed, error.message);
    throw error;
  }
}

interface EditShape {
  documentChanges: boolean;
  fileRenames: boolean;
}

function editShape(client: ClientCapabilities | undefined): EditShape {
  if (!client) return { documentChanges: true, fileRenames: true };
  const edit = client.workspace?.workspaceEdit;
  const documentChanges = edit?.documentChanges === true;
  return { documentChanges, fileRenames: documentChanges && (edit?.resourceOperations ?? []).includes('rename') };
}

/**
 * The service's edit in the client's terms: URIs as the client spelled them,
 * versions of open documents, and `changes` for a client without `documentChanges`.
 */
function forClient(edit: WorkspaceEdit, shape: EditShape, workspace: NavigationWorkspace): WorkspaceEdit {
  const changes = (edit.documentChanges ?? []).map((change) => {
    if (!('kind' in change)) {
      return { textDocument: { uri: workspace.clientUri(change.textDocument.uri), version: workspace.openVersion(change.textDocument.uri) }, edits: change.edits };
    }
    if (change.kind !== 'rename') return change;
    const oldUri = workspace.clientUri(change.oldUri);
    const newUri = oldUri.slice(0, oldUri.lastIndexOf('/') + 1) + change.newUri.slice(change.newUri.lastIndexOf('/') + 1);
    return { ...change, oldUri, newUri };
  });
  if (shape.documentChanges) return { documentChanges: changes };
  const byUri: Record<string, TextEdit[]> = {};
  for (const change of changes) {
    if ('kind' in change) continue; // never produced: file renames are off without documentChanges
    byUri[change.textDocument.uri] = [...(byUri[change.textDocument.uri] ?? []), ...(change.edits as TextEdit[])];
  }
  return { changes: byUri };
}
