import { DEFAULT_SETTINGS, type FileKind, type Settings } from '../settings';
import type { Range } from 'vscode-languageserver-types';
import type { IniDocument, IniOption, ParsedDocument } from '../syntax/ast';
import { parseIfcfg } from '../syntax/ifcfgParser';
import { parseIni } from '../syntax/iniParser';
import { ifcfgFacts, l3AgentFacts, ml2Facts, ovsAgentFacts, type FileFacts } from './facts';
import { KindMatcher, renderedName } from './fileKinds';
import { HostMatcher, hostDirSegments } from './hosts';
import type { Folder, Host, IndexedFile } from './model';
import { basename, dirname, isWithin, relativeTo, uriPath } from './paths';
import { DeploymentView, HostView } from './views';

/**
 * Every recognised file of the workspace with its parse and facts, grouped
 * into hosts and deployments. Updating a file re-derives that file's facts
 * and reports which files must be checked again.
 */
export class WorkspaceIndex {
  private folders: Folder[] = [];
  private readonly files = new Map<string, IndexedFile>();
  private readonly hosts = new Map<string, Host>();
  /** Deployment roots (absolute paths) with the ML2 files that declare them. */
  private readonly roots = new Map<string, Set<IndexedFile>>();
  private readonly hostViews = new Map<Host, HostView>();
  private readonly deploymentViews = new Map<string, DeploymentView>();
  /** Looseness for files outside every folder: the file-system root acts as their folder. */
  private readonly looseFolder = makeFolder('file:///', DEFAULT_SETTINGS);

  // ---- folders and settings -------------------------------------------------

  /** Replaces the workspace folders; every file is placed again. Returns all URIs. */
  setFolders(folders: { uri: string; settings?: Partial<Settings> }[]): string[] {
    this.folders = folders
      .map((f) => makeFolder(f.uri, { ...DEFAULT_SETTINGS, ...f.settings }))
      .sort((a, b) => b.path.length - a.path.length);
    return this.rebuild();
  }

  setFolderSettings(folderUri: string, settings: Partial<Settings>): string[] {
    const path = uriPath(folderUri);
    this.folders = this.folders.map((f) => (f.path === path ? makeFolder(f.uri, { ...DEFAULT_SETTINGS, ...settings }) : f));
    return this.rebuild();
  }

  folderOf(uri: string): Folder {
    const path = uriPath(uri);
    return this.folders.find((f) => isWithin(path, f.path)) ?? this.looseFolder;
  }

  /** The kind a file would be checked as, or undefined when it is not recognised. */
  kindOf(uri: string): FileKind | undefined {
    const folder = this.folderOf(uri);
    return folder.kinds.kindOf(relativeTo(uriPath(uri), folder.path));
  }

  // ---- files ----------------------------------------------------------------

  get(uri: string): IndexedFile | undefined {
    return this.files.get(uri);
  }

  allFiles(): IterableIterator<IndexedFile> {
    return this.files.values();
  }

  get size(): number {
    return this.files.size;
  }

  /**
   * Adds or replaces a file. Returns the URIs whose diagnostics may change:
   * the file, its host when host-level facts changed, its deployment when
   * deployment-level facts changed, everything when deployments moved.
   */
  set(uri: string, text: string): string[] {
    const kind = this.kindOf(uri);
    const old = this.files.get(uri);
    if (!kind) return old ? this.remove(uri) : [];
    const file = this.build(uri, text, kind);
    if (old && old.kind === kind && old.host.key === file.host.key) {
      // The common case, an edit: the file keeps its place.
      file.host = old.host;
      old.host.files.delete(old);
      old.host.files.add(file);
      this.files.set(uri, file);
      if (kind === 'ml2') this.replaceInRoots(old, file);
      return this.affectedByEdit(old, file);
    }
    const affected = old ? this.remove(uri) : [];
    this.files.set(uri, file);
    this.attach(file);
    return union(affected, this.affectedByMembership(file));
  }

  remove(uri: string): string[] {
    const file = this.files.get(uri);
    if (!file) return [];
    this.files.delete(uri);
    const affected = this.affectedByMembership(file);
    this.detach(file);
    return union([uri], affected);
  }

  // ---- hosts and deployments ------------------------------------------------

  hostView(host: Host): HostView {
    let view = this.hostViews.get(host);
    if (!view) {
      view = new HostView(host);
      this.hostViews.set(host, view);
    }
    return view;
  }

  deploymentView(root: string | undefined): DeploymentView | undefined {
    if (root === undefined) return undefined;
    let view = this.deploymentViews.get(root);
    if (!view) {
      view = new DeploymentView(root, [...this.hosts.values()].filter((h) => h.deployment === root));
      this.deploymentViews.set(root, view);
    }
    return view;
  }

  allHosts(): IterableIterator<Host> {
    return this.hosts.values();
  }

  deploymentRoots(): string[] {
    return [...this.roots.keys()];
  }

  // ---- internals ------------------------------------------------------------

  private build(uri: string, text: string, kind: FileKind): IndexedFile {
    const folder = this.folderOf(uri);
    const path = uriPath(uri);
    const relativePath = relativeTo(path, folder.path);
    const rendered = renderedName(basename(path)).name;
    const doc: ParsedDocument = kind === 'ifcfg' ? parseIfcfg(text) : parseIni(text);
    const facts = deriveFacts(kind, doc, rendered);
    const file: IndexedFile = {
      uri,
      path,
      relativePath,
      folder,
      kind,
      renderedName: rendered,
      text,
      doc,
      facts,
      host: undefined as unknown as Host,
      hostSignature: hostSignature(facts),
      deploymentSignature: deploymentSignature(facts),
    };
    file.host = this.hostFor(file);
    return file;
  }

  /** Finds or creates the host a file belongs to (not yet adding the file to it). */
  private hostFor(file: IndexedFile): Host {
    const folder = file.folder;
    const named = folder.hosts.hostOf(file.relativePath);
    const relativeDir = dirname('/' + file.relativePath).slice(1);
    const segments = hostDirSegments(relativeDir ? relativeDir.split('/') : []);
    const dir = segments.length ? `${folder.path}/${segments.join('/')}` : folder.path;
    const key = named !== undefined ? `${folder.path}#${named}` : dir;
    let host = this.hosts.get(key);
    if (!host) {
      const name = named ?? (basename(dir) || 'localhost');
      host = { key, name, dir, folder, files: new Set(), deployment: undefined };
      host.deployment = this.deploymentOf(host);
      this.hosts.set(key, host);
    }
    return host;
  }

  private attach(file: IndexedFile): void {
    file.host.files.add(file);
    this.hostViews.delete(file.host);
    if (file.kind === 'ml2') {
      const root = deploymentRootOf(file);
      const declaring = this.roots.get(root);
      if (declaring) declaring.add(file);
      else {
        this.roots.set(root, new Set([file]));
        this.reassignDeployments();
      }
    }
    this.deploymentViews.delete(file.host.deployment as string);
  }

  private detach(file: IndexedFile): void {
    const host = file.host;
    host.files.delete(file);
    this.hostViews.delete(host);
    this.deploymentViews.delete(host.deployment as string);
    if (host.files.size === 0) this.hosts.delete(host.key);
    if (file.kind === 'ml2') {
      const root = deploymentRootOf(file);
      const declaring = this.roots.get(root);
      declaring?.delete(file);
      if (declaring && declaring.size === 0) {
        this.roots.delete(root);
        this.reassignDeployments();
      }
    }
  }

  private replaceInRoots(old: IndexedFile, file: IndexedFile): void {
    const declaring = this.roots.get(deploymentRootOf(old));
    declaring?.delete(old);
    declaring?.add(file);
  }

  private deploymentOf(host: Host): string | undefined {
    let best: string | undefined;
    for (const root of this.roots.keys()) {
      if (isWithin(host.dir, root) && isWithin(root, host.folder.path) && (best === undefined || root.length > best.length)) best = root;
    }
    return best;
  }

  private reassignDeployments(): void {
    for (const host of this.hosts.values()) host.deployment = this.deploymentOf(host);
    this.deploymentViews.clear();
  }

  private affectedByEdit(old: IndexedFile, file: IndexedFile): string[] {
    const hostChanged = old.hostSignature !== file.hostSignature;
    const deploymentChanged = old.deploymentSignature !== file.deploymentSignature;
    // Views hold file objects and token ranges: rebuild them even when no name changed.
    this.hostViews.delete(file.host);
    this.deploymentViews.delete(file.host.deployment as string);
    const deployment = file.host.deployment;
    if (deploymentChanged && deployment !== undefined) return this.urisOfDeployment(deployment);
    const affected = hostChanged ? [...file.host.files].map((f) => f.uri) : [file.uri];
    // Findings of other files point at this file's facts (related information): when those move, re-check them.
    if (factPositions(old) === factPositions(file)) return affected;
    if (file.kind === 'ifcfg') return [...file.host.files].map((f) => f.uri);
    if (deployment === undefined) return affected;
    if (file.kind === 'ml2') return this.urisOfDeployment(deployment);
    const ml2 = [...this.hosts.values()].filter((h) => h.deployment === deployment).flatMap((h) => [...h.files].filter((f) => f.kind === 'ml2'));
    return union(affected, ml2.map((f) => f.uri));
  }

  /** A file arriving or leaving: its host, and its deployment when it carries deployment facts. */
  private affectedByMembership(file: IndexedFile): string[] {
    if (file.kind === 'ml2') return [...this.files.keys(), file.uri];
    const deployment = file.host.deployment;
    if (file.deploymentSignature !== '' && deployment !== undefined) return union([file.uri], this.urisOfDeployment(deployment));
    return union([file.uri], [...file.host.files].map((f) => f.uri));
  }

  private urisOfDeployment(root: string): string[] {
    const uris: string[] = [];
    for (const host of this.hosts.values()) if (host.deployment === root) for (const f of host.files) uris.push(f.uri);
    return uris;
  }

  private rebuild(): string[] {
    const texts = [...this.files.values()].map((f) => [f.uri, f.text] as const);
    this.files.clear();
    this.hosts.clear();
    this.roots.clear();
    this.hostViews.clear();
    this.deploymentViews.clear();
    const affected = texts.map(([uri]) => uri);
    for (const [uri, text] of texts) {
      const kind = this.kindOf(uri);
      if (!kind) continue;
      const file = this.build(uri, text, kind);
      this.files.set(uri, file);
      this.attach(file);
    }
    return affected;
  }
}

function makeFolder(uri: string, settings: Settings): Folder {
  return { uri, path: uriPath(uri) === '/' ? '' : uriPath(uri), settings, kinds: new KindMatcher(settings), hosts: new HostMatcher(settings) };
}

/** An ML2 file declares the deployment rooted one level above its host directory, within its folder. */
function deploymentRootOf(file: IndexedFile): string {
  const parent = dirname(file.host.dir);
  return isWithin(parent, file.folder.path) && parent.length >= file.folder.path.length ? parent : file.folder.path;
}

function deriveFacts(kind: FileKind, doc: ParsedDocument, rendered: string): FileFacts {
  if (doc.format === 'ifcfg') return ifcfgFacts(doc, rendered);
  switch (kind) {
    case 'ml2':
      return ml2Facts(doc);
    case 'ovs-agent':
      return ovsAgentFacts(doc);
    default:
      return l3AgentFacts(doc);
  }
}

function hostSignature(facts: FileFacts): string {
  switch (facts.kind) {
    case 'ifcfg':
      return JSON.stringify([facts.device, facts.type, facts.ovsBridge?.value.text, facts.templated, facts.ovsPatchPeer?.value.text]);
    case 'ovs-agent':
      return JSON.stringify(facts.bridgeMappings?.mappings.map((m) => m.bridge.text) ?? null);
    default:
      return '';
  }
}

function deploymentSignature(facts: FileFacts): string {
  switch (facts.kind) {
    case 'ml2':
      return JSON.stringify([
        facts.typeDrivers && [facts.typeDrivers.templated, facts.typeDrivers.items.map((t) => t.text)],
        facts.tenantNetworkTypes && facts.tenantNetworkTypes.items.map((t) => t.text),
        facts.externalNetworkType?.option.value.text,
        facts.flatNetworks && [facts.flatNetworks.templated, facts.flatNetworks.items.map((t) => t.text)],
        facts.vlanRanges && [facts.vlanRanges.templated, facts.vlanRanges.items.map((t) => t.text)],
      ]);
    case 'ovs-agent':
      return JSON.stringify(facts.bridgeMappings ? [facts.bridgeMappings.templated, facts.bridgeMappings.mappings.map((m) => m.physnet.text)] : null);
    default:
      return '';
  }
}

/**
 * Where the facts stand that other files' findings point at: ML2 options and
 * sections (for agents and other ML2 files), an agent's bridge_mappings (for
 * ML2 files), an ifcfg file's DEVICE, TYPE and OVS_BRIDGE (for its host).
 */
const ML2_SECTIONS = ['ml2', 'ml2_type_flat', 'ml2_type_vlan'];

function factPositions(file: IndexedFile): string {
  const facts = file.facts;
  const at = (t: { range: Range } | undefined) => t && [t.range.start.line, t.range.start.character, t.range.end.line, t.range.end.character];
  const option = (o: IniOption | undefined) => o && [at(o), at(o.name), at(o.value)];
  switch (facts.kind) {
    case 'ml2':
      return JSON.stringify([
        [facts.typeDrivers, facts.tenantNetworkTypes, facts.externalNetworkType, facts.flatNetworks, facts.vlanRanges].map((f) => option(f?.option)),
        facts.flatNetworks?.items.map(at),
        facts.vlanRanges?.entries.map((e) => [at(e.entry), at(e.physnet)]),
        (file.doc as IniDocument).sections.filter((s) => ML2_SECTIONS.includes(s.name.text)).map((s) => at(s.name)),
      ]);
    case 'ovs-agent':
      return JSON.stringify([option(facts.bridgeMappings?.option), facts.bridgeMappings?.mappings.map((m) => [at(m.entry), at(m.physnet), at(m.bridge)])]);
    case 'ifcfg':
      return JSON.stringify([facts.deviceAssignment, facts.typeAssignment, facts.ovsBridge].map((a) => a && [at(a), at(a.key), at(a.value)]));
    default:
      return '';
  }
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}
