import type { CodeAction, CompletionList, Diagnostic, Hover, Position, Range } from 'vscode-languageserver-types';
import type { CodeLens, DocumentHighlight, DocumentSymbol, InlayHint, Location, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver-types';
import type { FoldingRange, TextEdit } from 'vscode-languageserver-types';
import { codeLenses, type CodeLensOptions } from './features/codeLens';
import { complete } from './features/completion';
import { definition } from './features/definition';
import { inlayHints } from './features/inlayHints';
import { prepareRename, rename, type PrepareRenameResult, type RenameOptions } from './features/rename';
import { documentHighlights, references } from './features/references';
import { documentSymbols, workspaceSymbols } from './features/symbols';
import type { FeatureContext } from './features/featureContext';
import { ifcfgFoldingRanges } from './features/ifcfg/folding';
import { captureFoldingRanges } from './features/captures/folding';
import { buildTopology, type TopologyGraph, type TopologyOptions } from './topology/graph';
import { formatIfcfg } from './features/ifcfg/formatting';
import { hover } from './features/hover';
import { QUICK_FIXES } from './fixes/registry';
import { suppressionFixes } from './fixes/suppressionFix';
import { isDiagnosticCode, SOURCE } from './rules/codes';
import { diagnose, type RuleHooks } from './rules/engine';
import { RULES } from './rules/registry';
import type { FileKind, Settings } from './settings';
import type { IndexedFile } from './workspace/model';
import { isEvidenceKind } from './workspace/fileKinds';
import { isReadFirstKind, readsOnlyEarlyParts } from './rules/deploymentReads';
import { WorkspaceIndex, type BulkLoad } from './workspace/workspaceIndex';
import { skippedFileDiagnostics, type SkipReason } from './workspace/skippedFiles';

export interface FileInfo {
  uri: string;
  kind: FileKind;
  /** Host name shown to users (`compute-0`). */
  host: string;
  /** Deployment root directory as a path, or undefined when no ML2 config covers the host. */
  deployment: string | undefined;
}

export interface ServiceOptions extends RuleHooks {
  /**
   * Whether something exists at this URI on disk, indexed or not (an
   * unrecognised file, a directory). Edits that create or rename files ask
   * it, so they never land on something that is already there. Without it
   * only indexed files count.
   */
  fileExists?: (uri: string) => boolean;
  /**
   * When the file at a URI last changed on disk (ms since the epoch), or
   * undefined. Findings from captures say when the configuration changed
   * after the capture was taken. Asked only while such findings are made.
   */
  modifiedTime?: (uri: string) => number | undefined;
  /**
   * The permission bits and owner of the file at a URI on disk, or undefined.
   * Asked only for NetworkManager keyfiles of the live system, whose mode and
   * owner decide whether NetworkManager loads them.
   */
  fileMode?: (uri: string) => FileMode | undefined;
}

/** A file's permission bits (`st_mode & 0o7777`) and owner, as stat(2) gives them. */
export interface FileMode {
  mode: number;
  uid: number;
}

/** Topology graphs with more nodes than this are built again when asked again (about 1 KB of heap per node kept). */
export const CACHED_TOPOLOGY_MAX_NODES = 2_000;

/**
 * The analysis core behind every face (LSP server, CLI, tests). Pure: it never
 * touches the file system; callers hand it texts. URIs are `file:` URIs.
 */
export class NeutronConfigService {
  readonly index = new WorkspaceIndex();
  /** Diagnostics per URI, valid until an update names the URI as affected. */
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  /** Counts the changes of the index: what was built from it before is stale once it moves. */
  private revision = 0;
  /** The last graphs asked for, by options, while the index has not changed (the picture asks again on every redraw). */
  private topologies: { revision: number; graphs: Map<string, TopologyGraph> } = { revision: -1, graphs: new Map() };

  constructor(private readonly options: ServiceOptions = {}) {}

  private readonly fileExists = (uri: string): boolean =>
    this.index.get(uri) !== undefined || this.index.skipReason(uri) !== undefined || this.options.fileExists?.(uri) === true;

  /** Workspace folders bound hosts and deployments and carry settings. Returns URIs whose diagnostics may have changed. */
  setWorkspaceFolders(folders: { uri: string; settings?: Partial<Settings> }[]): string[] {
    return this.invalidate(this.index.setFolders(folders));
  }

  setFolderSettings(folderUri: string, settings: Partial<Settings>): string[] {
    return this.invalidate(this.index.setFolderSettings(folderUri, settings));
  }

  /** Whether the file would be checked (by name, or by a `fileKinds` glob of its folder). */
  isRecognised(uri: string): boolean {
    return this.index.kindOf(uri) !== undefined;
  }

  /** Adds or replaces a file's text. Returns every URI whose diagnostics may have changed (the file itself included). */
  setFile(uri: string, text: string): string[] {
    return this.invalidate(this.index.set(uri, text));
  }

  /**
   * Adds or replaces many files' texts at once (a bulk load, as when a
   * workspace is first read): the same as `setFile` for each in turn, but the
   * files to re-check are worked out once. Returns every URI whose diagnostics
   * may have changed (each recognised file given included), each once.
   */
  setFiles(entries: Iterable<readonly [uri: string, text: string]>): string[] {
    const load = this.startBulkLoad();
    load.add(entries);
    return load.finish();
  }

  /**
   * `setFiles` in parts, for a large folder read chunk by chunk: the URIs to
   * re-check come out once, from `finish`. Until then cached diagnostics are
   * dropped as parts arrive (and when a part fails half-way), so nothing
   * computed meanwhile is stale.
   */
  startBulkLoad(): BulkLoad {
    const load = this.index.startBulkLoad();
    return {
      add: (entries) => {
        try {
          load.add(entries);
        } finally {
          this.diagnostics.clear();
          this.revision++;
        }
      },
      finish: () => this.invalidate(load.finish()),
    };
  }

  removeFile(uri: string): string[] {
    return this.invalidate(this.index.remove(uri));
  }

  /** Records a recognised file as not read (a link out of the workspace or to nothing, a file over the size limit): it shows one finding saying so. */
  skipFile(uri: string, reason: SkipReason): string[] {
    return this.invalidate(this.index.skip(uri, reason));
  }

  isSkipped(uri: string): boolean {
    return this.index.skipReason(uri) !== undefined;
  }

  /** Recognised files not read, with why. */
  skippedFiles(): [uri: string, reason: SkipReason][] {
    return [...this.index.skippedFiles()];
  }

  files(): string[] {
    return [...this.index.allFiles()].map((f) => f.uri);
  }

  describeFile(uri: string): FileInfo | undefined {
    const file = this.index.get(uri);
    if (!file) return undefined;
    return { uri, kind: file.kind, host: file.host.name, deployment: file.host.deployment };
  }

  getDiagnostics(uri: string): Diagnostic[] {
    const cached = this.diagnostics.get(uri);
    if (cached) return cached;
    const skip = this.index.skipReason(uri);
    if (skip) return skippedFileDiagnostics(skip, this.index.folderOf(uri).settings);
    const context = this.context(uri);
    if (!context) return [];
    const result = diagnose(context, RULES, this.options);
    this.diagnostics.set(uri, result);
    return result;
  }

  /**
   * Whether the diagnostics of an indexed file are complete once the files
   * `readFirst` names for it are read, whatever else of its folder is not:
   * no rule that checks a file of its kind reads other hosts' agent files or
   * the deployment's list of hosts. False for an unknown URI.
   */
  isCompleteWithReadFirst(uri: string): boolean {
    if (this.index.skipReason(uri)) return true;
    const file = this.index.get(uri);
    if (!file) return false;
    if (isEvidenceKind(file.kind)) return true;
    return readsOnlyEarlyParts(file.kind);
  }

  /**
   * The files to read before the rest of a folder so that the diagnostics of
   * these files (open documents) can be published early: the files of their
   * hosts, and every file of the kinds that make up the parts of a
   * deployment a rule may read early (ML2 configs, deployment tools' files,
   * captures), by name. A predicate on URIs, for a walk to sort by.
   */
  readFirst(uris: readonly string[]): (uri: string) => boolean {
    const hostKeys = new Set(uris.map((uri) => this.index.hostKeyOf(uri)));
    const folders = new Set(uris.map((uri) => this.index.folderOf(uri)));
    return (uri) => {
      const kind = this.index.kindOf(uri);
      if (kind === undefined) return false;
      if (!folders.has(this.index.folderOf(uri))) return false;
      return isReadFirstKind(kind) || hostKeys.has(this.index.hostKeyOf(uri));
    };
  }

  getHover(uri: string, position: Position): Hover | null {
    const context = this.context(uri);
    return context ? hover(context, position) : null;
  }

  getCompletions(uri: string, position: Position): CompletionList {
    const context = this.context(uri);
    return context ? complete(context, position) : { isIncomplete: false, items: [] };
  }

  /** Quick fixes for our diagnostics that touch `range` (the client passes them in; codes and data drive the fixes). */
  getCodeActions(uri: string, range: Range, diagnostics: Diagnostic[]): CodeAction[] {
    const context = this.context(uri);
    if (!context) return [];
    void range;
    const actions: CodeAction[] = [];
    const suppressions: CodeAction[] = [];
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== SOURCE || !isDiagnosticCode(diagnostic.code)) continue;
      const fixContext = { ...context, diagnostic };
      const fix = QUICK_FIXES[diagnostic.code];
      if (fix) actions.push(...fix(fixContext));
      suppressions.push(...suppressionFixes(fixContext));
    }
    return [...actions, ...suppressions];
  }

  /** The wiring as a graph (topology/graph.ts), with each node's and edge's findings. */
  getTopology(options: TopologyOptions = {}): TopologyGraph {
    if (this.topologies.revision !== this.revision) this.topologies = { revision: this.revision, graphs: new Map() };
    const key = JSON.stringify([options.host, options.physnet, options.group, options.expand, options.maxNodes]);
    let graph = this.topologies.graphs.get(key);
    if (!graph) {
      graph = buildTopology(this.index, (uri) => this.getDiagnostics(uri), options);
      // A few filters at a time is what a user flips between. A graph too large to draw
      // (every host of a large deployment on its own) costs more to keep than to build again.
      if (graph.nodes.length <= CACHED_TOPOLOGY_MAX_NODES) {
        if (this.topologies.graphs.size >= 8) this.topologies.graphs.clear();
        this.topologies.graphs.set(key, graph);
      }
    }
    return graph;
  }

  // ---- navigation and refactoring (physnets across a deployment, bridges across a host) ----

  /** Where the physnet, bridge or interface under the cursor is declared; null when nothing is. */
  getDefinition(uri: string, position: Position): Location[] | null {
    const context = this.context(uri);
    return context ? definition(context, position) : null;
  }

  getReferences(uri: string, position: Position, includeDeclaration: boolean): Location[] {
    const context = this.context(uri);
    return context ? references(context, position, includeDeclaration) : [];
  }

  getDocumentHighlights(uri: string, position: Position): DocumentHighlight[] {
    const context = this.context(uri);
    return context ? documentHighlights(context, position) : [];
  }

  /** The name's range and text; null where nothing is under the cursor. Throws RenameRefusedError (code -32803) where a rename makes no sense. */
  prepareRename(uri: string, position: Position): PrepareRenameResult | null {
    const context = this.context(uri);
    return context ? prepareRename(context, position) : null;
  }

  /** Every edit of the rename, file renames included (documentChanges). Throws RenameRefusedError (code -32803) with a message for the user. */
  rename(uri: string, position: Position, newName: string, options?: RenameOptions): WorkspaceEdit {
    const context = this.context(uri);
    if (!context) return { documentChanges: [] };
    return rename(context, position, newName, options);
  }

  getDocumentSymbols(uri: string): DocumentSymbol[] {
    const file = this.index.get(uri);
    return file ? documentSymbols(file.doc) : [];
  }

  getWorkspaceSymbols(query: string): SymbolInformation[] {
    return workspaceSymbols(this.index, query);
  }

  getCodeLenses(uri: string, options?: CodeLensOptions): CodeLens[] {
    const context = this.context(uri);
    return context ? codeLenses(context, options) : [];
  }

  getInlayHints(uri: string, range: Range): InlayHint[] {
    const context = this.context(uri);
    return context ? inlayHints(context, range) : [];
  }

  /** Folding ranges of an ifcfg file (runs of comment lines) and of a capture (outputs, bridges, ports, links); none for other kinds. */
  getFoldingRanges(uri: string): FoldingRange[] {
    const file = this.index.get(uri);
    if (file?.doc.format === 'capture') return captureFoldingRanges(file.doc);
    return file?.doc.format === 'ifcfg' ? ifcfgFoldingRanges(file.doc) : [];
  }

  /** Formatting edits of an ifcfg file: only white space around `=` is removed. None for other kinds. */
  formatDocument(uri: string): TextEdit[] {
    const file = this.index.get(uri);
    return file?.doc.format === 'ifcfg' ? formatIfcfg(file.doc) : [];
  }

  /** The file with what its host and deployment say, or undefined for an unknown URI. */
  context(uri: string): FeatureContext | undefined {
    const file: IndexedFile | undefined = this.index.get(uri);
    if (!file) return undefined;
    return {
      file,
      host: this.index.hostView(file.host),
      deployment: this.index.deploymentView(file.host.deployment),
      index: this.index,
      fileExists: this.fileExists,
      ...(this.options.modifiedTime ? { modifiedTime: this.options.modifiedTime } : {}),
      ...(this.options.fileMode ? { fileMode: this.options.fileMode } : {}),
    };
  }

  private invalidate(uris: string[]): string[] {
    this.revision++;
    if (this.diagnostics.size > 0) for (const uri of uris) this.diagnostics.delete(uri);
    return uris;
  }
}
