import type { NetworkContribution } from '../network/devices';
import { contributionSignature } from '../network/devices';
import { DEFAULT_SETTINGS, type FileKind, type Settings } from '../settings';
import { PhysnetMappers } from './physnetMappers';
import type { Range } from 'vscode-languageserver-types';
import type { IniDocument, IniOption, ParsedDocument } from '../syntax/ast';
import { parseIfcfg } from '../syntax/ifcfgParser';
import { parseIni } from '../syntax/iniParser';
import { parseKeyfile } from '../syntax/keyfileParser';
import { parseEnvironment, parseKollaGlobals, parseOsaUserConfig, parseMappingFile, parseYaml } from '../syntax/yamlParser';
import { osNetConfigMappingFacts } from '../osNetConfig/mappingFacts';
import { parseCapture } from '../captures/parseCapture';
import { mayBeTripleoEnvironment, tripleoEnvFacts } from '../tripleo/environmentFacts';
import { kollaGlobalsFacts, mayBeKollaGlobals } from '../kolla/globalsFacts';
import { mayBeOsaUserConfig, osaDeclarations, osaDeclarationsOpen, osaUserConfigFacts } from '../osa/providerNetworks';
import { captureFacts, type CaptureFacts } from './facts';
import {
  agentMappingsOf,
  dhcpAgentFacts,
  ifcfgFacts,
  isL2AgentFacts,
  l3AgentFacts,
  linuxBridgeAgentFacts,
  ml2Facts,
  neutronConfFacts,
  nmConfFacts,
  nmKeyfileFacts,
  novaConfFacts,
  osNetConfigFacts,
  ovsAgentFacts,
  readByAgentOnly,
  sosHostnameFacts,
  sriovAgentFacts,
  type FileFacts,
} from './facts';
import { KindMatcher, TEMPLATE_SUFFIXES, mayBeCaptureName, renderedName } from './fileKinds';
import { HostMatcher, hostDirSegments, hostFromSosreportName } from './hosts';
import type { Folder, Host, IndexedFile } from './model';
import { basename, dirname, isWithin, relativeTo, uriPath } from './paths';
import { DeploymentView, HostView } from './views';
import { exceedsLimit, maxFileBytes, type SkipReason } from './skippedFiles';

/**
 * Every recognised file of the workspace with its parse and facts, grouped
 * into hosts and deployments. Updating a file re-derives that file's facts
 * and reports which files must be checked again.
 */
export class WorkspaceIndex {
  private folders: Folder[] = [];
  private readonly files = new Map<string, IndexedFile>();
  /** Recognised files deliberately not read (links out of the workspace, files over the size limit), with why. */
  private readonly skipped = new Map<string, SkipReason>();
  private readonly hosts = new Map<string, Host>();
  /** Deployment roots (absolute paths) with the ML2 files that declare them. */
  private readonly roots = new Map<string, Set<IndexedFile>>();
  /** Per deployment root: its hosts and its ML2 and OVS agent files, kept up to date. */
  private readonly members = new Map<string, DeploymentMembers>();
  private readonly hostViews = new Map<Host, HostView>();
  private readonly deploymentViews = new Map<string, DeploymentView>();
  /** Indexed files with a template suffix: while there are none, a file arriving or leaving has no template to refresh. */
  private templateCount = 0;
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

  /** Why a recognised file is not read, or undefined when it is read (or unknown). */
  skipReason(uri: string): SkipReason | undefined {
    return this.skipped.get(uri);
  }

  skippedFiles(): IterableIterator<[uri: string, reason: SkipReason]> {
    return this.skipped.entries();
  }

  /**
   * Records a recognised file as not read, for the given reason (it leaves
   * its host and deployment if it was indexed). An unrecognised URI is
   * ignored. Returns the URIs whose diagnostics may change.
   */
  skip(uri: string, reason: SkipReason): string[] {
    const affected = new Affected();
    this.removeInto(uri, affected);
    if (this.isReported(uri)) {
      this.skipped.set(uri, reason);
      affected.uris.add(uri);
    }
    return this.expand(affected);
  }

  /**
   * Adds or replaces a file. Returns the URIs whose diagnostics may change:
   * the file, its host when host-level facts changed, the ML2 and OVS agent
   * files of its deployment when deployment-level facts changed, every ML2
   * and agent file when deployments moved.
   */
  set(uri: string, text: string): string[] {
    const affected = new Affected();
    this.setInto(uri, text, affected);
    return this.expand(affected);
  }

  /**
   * A bulk load, possibly in parts (a folder read from disk, chunk by chunk):
   * the same as calling `set` for each file in turn, but `add` takes files as
   * they arrive and `finish` returns the union of the URIs to re-check, once.
   * Working them out after every part would cost a pass over every member of
   * a deployment each time a part touches its ML2 or agent files.
   */
  startBulkLoad(): BulkLoad {
    const affected = new Affected();
    // New files into an index that holds next to nothing (a folder's first read, with the
    // documents opened before it): every file is new or was there before, so all of them are to
    // be checked, and nothing else is. No need to expand hosts and deployments (50 ms at 10,000
    // hosts). A load that edits a file it held is expanded as usual, to name no more than it must.
    let before = this.files.size + this.skipped.size <= FEW_FILES ? [...this.files.keys(), ...this.skipped.keys()] : undefined;
    return {
      add: (entries) => {
        for (const [uri, text] of entries) {
          if (before && (this.files.has(uri) || this.skipped.has(uri))) before = undefined;
          this.setInto(uri, text, affected);
        }
      },
      finish: () => {
        if (!before) return this.expand(affected);
        for (const uri of before) affected.uris.add(uri);
        return [...affected.uris];
      },
    };
  }

  remove(uri: string): string[] {
    const affected = new Affected();
    this.removeInto(uri, affected);
    return this.expand(affected);
  }

  private setInto(uri: string, text: string, affected: Affected): void {
    const kind = this.kindOf(uri);
    const old = this.files.get(uri);
    if (this.skipped.delete(uri)) affected.uris.add(uri);
    if (!kind) {
      if (old) this.removeInto(uri, affected);
      return;
    }
    const limit = maxFileBytes(this.folderOf(uri).settings);
    const bytes = exceedsLimit(text, limit);
    if (bytes !== undefined) {
      // An open document the reader never had the chance to skip.
      if (old) this.removeInto(uri, affected);
      this.skipped.set(uri, { reason: 'file-too-large', bytes, limitBytes: limit });
      affected.uris.add(uri);
      return;
    }
    const file = this.build(uri, text, kind);
    if (!file) {
      // Text that may have held command output, but holds none we read: it has no findings.
      if (old) this.removeInto(uri, affected);
      affected.uris.add(uri);
      return;
    }
    if (old && old.kind === file.kind && old.host.key === file.host.key) {
      // The common case, an edit: the file keeps its place.
      file.host = old.host;
      old.host.files.delete(old);
      old.host.files.add(file);
      if (file.kind === 'sos-hostname') old.host.name = hostNameOf(old.host);
      this.files.set(uri, file);
      if (file.kind === 'ml2') this.replaceInRoots(old, file);
      this.members.get(file.host.deployment as string)?.replace(old, file);
      this.affectedByEdit(old, file, affected);
      return;
    }
    if (old) this.removeInto(uri, affected);
    this.files.set(uri, file);
    if (isTemplate(file)) this.templateCount++;
    this.attach(file);
    this.affectedByMembership(file, affected);
    if (!old) this.refreshTemplatesOf(uri, affected);
  }

  private removeInto(uri: string, affected: Affected): void {
    if (this.skipped.delete(uri)) affected.uris.add(uri);
    const file = this.files.get(uri);
    if (!file) return;
    this.files.delete(uri);
    if (isTemplate(file)) this.templateCount--;
    affected.uris.add(uri);
    this.affectedByMembership(file, affected);
    this.detach(file);
    this.refreshTemplatesOf(uri, affected);
  }

  /** A file arrived or left: templates of it beside it now have, or no longer have, a rendered copy. */
  private refreshTemplatesOf(uri: string, affected: Affected): void {
    if (this.templateCount === 0) return;
    for (const suffix of TEMPLATE_SUFFIXES) {
      const template = this.files.get(uri + suffix);
      if (template) this.setInto(template.uri, template.text, affected);
    }
  }

  /** The URI of a template's rendered copy in the same folder (the URI without its template suffix), when the index has it. */
  private renderedCopyOf(uri: string, suffixLength: number): string | undefined {
    const copy = uri.slice(0, uri.length - suffixLength);
    return this.files.has(copy) ? copy : undefined;
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
      const members = this.members.get(root);
      view = members
        ? new DeploymentView(root, members.hosts, {
            ml2Files: members.ml2.sorted(),
            tripleoFiles: members.tripleo.sorted(),
            osaFiles: members.osa.sorted(),
            agentFiles: () => members.agents.sorted(),
            captureFiles: () => members.captures.sorted(),
            mappers: members.mappers,
          })
        : new DeploymentView(root, []);
      this.deploymentViews.set(root, view);
    }
    return view;
  }

  /** The hosts of a deployment (unordered; do not modify). */
  hostsOfDeployment(root: string): ReadonlySet<Host> {
    return this.members.get(root)?.hosts ?? EMPTY_HOSTS;
  }

  allHosts(): IterableIterator<Host> {
    return this.hosts.values();
  }

  deploymentRoots(): string[] {
    return [...this.roots.keys()];
  }

  // ---- internals ------------------------------------------------------------

  /**
   * Whether a recognised file that is not read is reported as such: every
   * kind but a text file that only may hold command output.
   */
  private isReported(uri: string): boolean {
    const kind = this.kindOf(uri);
    // A YAML file whose name only may say TripleO environment: the content decides, and an unread one says nothing.
    if (kind === 'tripleo-env' || kind === 'kolla-globals' || kind === 'osa-user-config') return false;
    if (kind !== 'capture') return kind !== undefined;
    const folder = this.folderOf(uri);
    return folder.kinds.isCertainCapture(relativeTo(uriPath(uri), folder.path));
  }

  /** The file's index entry; undefined for a would-be capture that holds no command output we read. */
  private build(uri: string, text: string, kind: FileKind): IndexedFile | undefined {
    const folder = this.folderOf(uri);
    const path = uriPath(uri);
    const relativePath = relativeTo(path, folder.path);
    const { name: rendered, template } = renderedName(basename(path));
    // A would-be TripleO environment without parameter_defaults is what its name may also be (a capture), or nothing.
    if (kind === 'tripleo-env' && !mayBeTripleoEnvironment(text)) {
      if (!mayBeCaptureName(basename(path))) return undefined;
      kind = 'capture';
    }
    // A globals.yml that sets none of the networking variables read says nothing to check.
    if (kind === 'kolla-globals' && !mayBeKollaGlobals(text)) return undefined;
    // So does an OpenStack-Ansible file that sets no provider networks.
    if (kind === 'osa-user-config' && !mayBeOsaUserConfig(text)) return undefined;
    const doc: ParsedDocument = kind === 'capture' ? parseCapture(text, rendered) : parserFor(kind)(text);
    if (doc.format === 'capture' && doc.sections.length === 0) return undefined;
    // An ml2_conf.ini holding only agent sections is read by the agent alone (see readByAgentOnly).
    if (kind === 'ml2' && doc.format === 'ini' && readByAgentOnly(doc)) kind = 'ovs-agent';
    const renderedCopy = template ? this.renderedCopyOf(uri, basename(path).length - rendered.length) : undefined;
    const facts = renderedCopy ? factsOfShadowedTemplate(kind, rendered) : deriveFacts(kind, doc, rendered);
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
      hostSignature: memoized(() => hostSignature(facts)),
      deploymentSignature: deploymentSignature(facts),
      ...(renderedCopy ? { renderedCopy } : {}),
    };
    file.host = this.hostFor(file);
    return file;
  }

  /** The key of the host a file at this URI belongs to, from its path alone (read or not). */
  hostKeyOf(uri: string): string {
    const folder = this.folderOf(uri);
    return hostPlace(folder, relativeTo(uriPath(uri), folder.path)).key;
  }

  /** Finds or creates the host a file belongs to (not yet adding the file to it). */
  private hostFor(file: IndexedFile): Host {
    const folder = file.folder;
    const { key, named, dir } = hostPlace(folder, file.relativePath);
    let host = this.hosts.get(key);
    if (!host) {
      host = { key, name: '', named, dir, folder, files: new Set(), deployment: undefined };
      host.name = hostNameOf(host);
      host.deployment = this.deploymentOf(host);
      this.hosts.set(key, host);
    }
    return host;
  }

  private attach(file: IndexedFile): void {
    const host = file.host;
    if (this.hosts.get(host.key) !== host) {
      // A host emptied by the removal of this file's previous version comes back, placed afresh.
      this.hosts.set(host.key, host);
      host.deployment = this.deploymentOf(host);
    }
    host.files.add(file);
    if (file.kind === 'sos-hostname') host.name = hostNameOf(host);
    this.hostViews.delete(host);
    if (declaresDeployment(file)) {
      const root = deploymentRootOf(file);
      const declaring = this.roots.get(root);
      if (declaring) declaring.add(file);
      else {
        this.roots.set(root, new Set([file]));
        this.reassignDeployments();
      }
    }
    if (host.deployment !== undefined) {
      this.membersOf(host.deployment).addFile(file);
      this.deploymentViews.delete(host.deployment);
    }
  }

  private detach(file: IndexedFile): void {
    const host = file.host;
    host.files.delete(file);
    if (file.kind === 'sos-hostname') host.name = hostNameOf(host);
    this.hostViews.delete(host);
    if (host.deployment !== undefined) {
      this.members.get(host.deployment)?.deleteFile(file);
      this.deploymentViews.delete(host.deployment);
    }
    if (host.files.size === 0 && this.hosts.get(host.key) === host) this.hosts.delete(host.key);
    if (declaresDeployment(file)) {
      const root = deploymentRootOf(file);
      const declaring = this.roots.get(root);
      declaring?.delete(file);
      if (declaring && declaring.size === 0) {
        this.roots.delete(root);
        this.reassignDeployments();
      }
    }
  }

  private membersOf(root: string): DeploymentMembers {
    let members = this.members.get(root);
    if (!members) {
      members = new DeploymentMembers();
      this.members.set(root, members);
    }
    return members;
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
    this.members.clear();
    for (const host of this.hosts.values()) {
      host.deployment = this.deploymentOf(host);
      if (host.deployment === undefined || host.files.size === 0) continue;
      const members = this.membersOf(host.deployment);
      for (const file of host.files) members.addFile(file);
    }
    this.deploymentViews.clear();
  }

  private affectedByEdit(old: IndexedFile, file: IndexedFile, affected: Affected): void {
    const hostChanged = old.hostSignature() !== file.hostSignature();
    const deploymentChanged = old.deploymentSignature !== file.deploymentSignature;
    // Views hold file objects and token ranges: rebuild them even when no name changed.
    this.hostViews.delete(file.host);
    const deployment = file.host.deployment;
    if (deployment !== undefined) this.deploymentViews.delete(deployment);
    affected.uris.add(file.uri);
    if (hostChanged) affected.hosts.add(file.host);
    // ML2, OVS agent and L3 agent files read their deployment (ifcfg files depend on their host alone).
    if (deploymentChanged && deployment !== undefined) affected.deployments.add(deployment);
    // Findings of other files point at this file's facts (related information): when those move, re-check them.
    if (factPositions(old) === factPositions(file)) return;
    if (file.facts.network) affected.hosts.add(file.host);
    else if (deployment === undefined) return;
    else if (declaresDeployment(file)) affected.deployments.add(deployment);
    else if (isAgentFile(file)) for (const ml2 of this.members.get(deployment)?.ml2.files ?? []) affected.uris.add(ml2.uri);
  }

  /**
   * A file arriving or leaving: its host, and when it is an ML2 or agent file,
   * its deployment's ML2 and agent files; when deployments move, every ML2 and agent file.
   */
  private affectedByMembership(file: IndexedFile, affected: Affected): void {
    affected.uris.add(file.uri);
    affected.hosts.add(file.host);
    if (declaresDeployment(file)) {
      // A first or last ML2 file (or TripleO environment) of a root moves hosts between deployments.
      const declaring = this.roots.get(deploymentRootOf(file));
      const declaresAlone = !declaring || (declaring.size === 1 && declaring.has(file));
      if (declaresAlone) affected.allDeployments = true;
    }
    const deployment = file.host.deployment;
    if (file.deploymentSignature !== '' && deployment !== undefined) affected.deployments.add(deployment);
  }

  /** The URIs an accumulation of changes names, against the index as it is now. */
  private expand(affected: Affected): string[] {
    const uris = affected.uris;
    for (const host of affected.hosts) for (const f of host.files) uris.add(f.uri);
    if (affected.allDeployments) {
      for (const f of this.files.values()) if (readsDeployment(f)) uris.add(f.uri);
    } else {
      for (const root of affected.deployments) {
        const members = this.members.get(root);
        if (!members) continue;
        for (const f of members.ml2.files) uris.add(f.uri);
        for (const f of members.tripleo.files) uris.add(f.uri);
        for (const f of members.osa.files) uris.add(f.uri);
        for (const f of members.agents.files) uris.add(f.uri);
        for (const f of members.readers.files) uris.add(f.uri);
        for (const f of members.captures.files) uris.add(f.uri);
      }
    }
    return [...uris];
  }

  private rebuild(): string[] {
    const texts = [...this.files.values()].map((f) => [f.uri, f.text] as const);
    this.files.clear();
    this.templateCount = 0;
    this.hosts.clear();
    this.roots.clear();
    this.members.clear();
    this.hostViews.clear();
    this.deploymentViews.clear();
    const affected = texts.map(([uri]) => uri);
    for (const [uri, reason] of [...this.skipped]) {
      affected.push(uri);
      if (!this.isReported(uri)) this.skipped.delete(uri);
      // Skipped for its size under the old limit: the reader reads it again when the limit rose.
      else if (reason.reason === 'file-too-large' && reason.bytes <= maxFileBytes(this.folderOf(uri).settings)) this.skipped.delete(uri);
    }
    for (const [uri, text] of texts) {
      const kind = this.kindOf(uri);
      if (!kind) continue;
      const limit = maxFileBytes(this.folderOf(uri).settings);
      const bytes = exceedsLimit(text, limit);
      if (bytes !== undefined) {
        this.skipped.set(uri, { reason: 'file-too-large', bytes, limitBytes: limit });
        continue;
      }
      const file = this.build(uri, text, kind);
      if (!file) continue;
      this.files.set(uri, file);
      if (isTemplate(file)) this.templateCount++;
      this.attach(file);
    }
    return affected;
  }
}

function makeFolder(uri: string, settings: Settings): Folder {
  return { uri, path: uriPath(uri) === '/' ? '' : uriPath(uri), settings, kinds: new KindMatcher(settings), hosts: new HostMatcher(settings) };
}

/**
 * A host's name: the one a `hosts` setting gives, else a sosreport's own
 * `hostname` file, else its directory's name (a sosreport folder's name read
 * as sos builds it).
 */
function hostNameOf(host: Host): string {
  if (host.named !== undefined) return host.named;
  for (const file of host.files) if (file.facts.kind === 'sos-hostname' && file.facts.hostname) return file.facts.hostname;
  const dirName = basename(host.dir);
  return hostFromSosreportName(dirName) ?? (dirName || 'localhost');
}

/** A template file (`ml2_conf.ini.j2`): its name is longer than the name it renders to. */
function isTemplate(file: IndexedFile): boolean {
  return file.renderedName.length !== file.path.length - file.path.lastIndexOf('/') - 1;
}

/** A template whose rendered copy is beside it declares, maps and creates nothing: the copy does. */
function factsOfShadowedTemplate(kind: FileKind, rendered: string): FileFacts {
  const facts = deriveFacts(kind, parserFor(kind)(''), rendered);
  return { ...facts, network: undefined } as FileFacts;
}

/** Where a file's host is: named by the folder's host settings, or the host directory its path lies in. */
function hostPlace(folder: Folder, relativePath: string): { key: string; named: string | undefined; dir: string } {
  const named = folder.hosts.hostOf(relativePath);
  const relativeDir = dirname('/' + relativePath).slice(1);
  const segments = hostDirSegments(relativeDir ? relativeDir.split('/') : []);
  const dir = segments.length ? `${folder.path}/${segments.join('/')}` : folder.path;
  return { key: named !== undefined ? `${folder.path}#${named}` : dir, named, dir };
}

/**
 * ML2 configs declare deployments, and so do the deployment tools' files from
 * which ML2 configs are rendered: TripleO environments and OpenStack-Ansible's
 * provider_networks.
 */
function declaresDeployment(file: IndexedFile): boolean {
  return file.kind === 'ml2' || isDeploymentToolFile(file);
}

function isDeploymentToolFile(file: IndexedFile): boolean {
  return file.kind === 'tripleo-env' || file.kind === 'osa-user-config';
}

/**
 * An ML2 file declares the deployment rooted one level above its host
 * directory, within its folder. The deployment tools' files declare their
 * folder's: the files of one TripleO template set or OpenStack-Ansible deploy
 * directory sit in several directories, and any of them may set what another
 * one relies on.
 */
function deploymentRootOf(file: IndexedFile): string {
  if (isDeploymentToolFile(file)) return file.folder.path;
  const parent = dirname(file.host.dir);
  return isWithin(parent, file.folder.path) && parent.length >= file.folder.path.length ? parent : file.folder.path;
}

/** How a kind of file is read: network-scripts with bash's rules, keyfiles with GKeyFile's, os-net-config as YAML, the rest as oslo.config INI. */
function parserFor(kind: FileKind): (text: string) => ParsedDocument {
  switch (kind) {
    case 'ifcfg':
      return parseIfcfg;
    case 'nm-keyfile':
      return parseKeyfile;
    case 'os-net-config':
      return parseYaml;
    case 'tripleo-env':
      return parseEnvironment;
    case 'kolla-globals':
      return parseKollaGlobals;
    case 'osa-user-config':
      return parseOsaUserConfig;
    case 'os-net-config-mapping':
      return parseMappingFile;
    default:
      return parseIni;
  }
}

function deriveFacts(kind: FileKind, doc: ParsedDocument, rendered: string): FileFacts {
  if (doc.format === 'ifcfg') return ifcfgFacts(doc, rendered);
  if (doc.format === 'yaml') {
    if (kind === 'tripleo-env') return tripleoEnvFacts(doc);
    if (kind === 'kolla-globals') return kollaGlobalsFacts(doc);
    if (kind === 'osa-user-config') return osaUserConfigFacts(doc);
    return kind === 'os-net-config-mapping' ? osNetConfigMappingFacts(doc) : osNetConfigFacts(doc);
  }
  if (doc.format === 'capture') return captureFacts(doc);
  switch (kind) {
    case 'ml2':
      return ml2Facts(doc);
    case 'ovs-agent':
      return ovsAgentFacts(doc);
    case 'nm-conf':
      return nmConfFacts(doc);
    case 'nm-keyfile':
      return nmKeyfileFacts(doc);
    case 'sos-hostname':
      return sosHostnameFacts(doc.lineIndex.text);
    case 'linuxbridge-agent':
      return linuxBridgeAgentFacts(doc);
    case 'sriov-agent':
      return sriovAgentFacts(doc);
    case 'nova-conf':
      return novaConfFacts(doc);
    case 'neutron-conf':
      return neutronConfFacts(doc);
    case 'dhcp-agent':
      return dhcpAgentFacts();
    // ifcfg, os-net-config and captures have formats of their own (above).
    default:
      return l3AgentFacts(doc);
  }
}

function memoized(compute: () => string): () => string {
  let value: string | undefined;
  return () => (value ??= compute());
}

function hostSignature(facts: FileFacts): string {
  // A network source's devices are what its host's other files read.
  if (facts.network) return contributionSignature(facts.network);
  if (facts.kind === 'nm-conf') return JSON.stringify(facts.plugins ?? null);
  if (facts.kind === 'sos-hostname') return facts.hostname ?? '';
  // The host's os-net-config names resolve through its mapping file.
  if (facts.kind === 'os-net-config-mapping') return JSON.stringify([facts.uncertain, facts.entries.map((e) => [e.alias.text, e.target.text])]);
  // The host's other files read what an agent maps to (bridges, interfaces) and what nova offers on which physnet.
  // (The host's L3 agent also reads the mapped physnets: a change of those changes the deployment signature, which re-checks it.)
  if (facts.kind === 'nova-conf') return JSON.stringify([facts.pciUnknown, facts.pciDeviceSpecs.map((s) => [s.physnet?.text, s.devname?.text])]);
  // The host's network sources are judged by the targets alone; the SR-IOV agent's physnets also by nova's devices.
  const options = agentMappingsOf(facts);
  if (options.length === 0) return '';
  return JSON.stringify(options.map((o) => [o.name, o.fact.mappings.map((m) => (o.agent === 'sriov' ? [m.physnet.text, m.target.text] : m.target.text))]));
}

function agentDeploymentSignature(facts: FileFacts): string {
  const options = agentMappingsOf(facts);
  return options.length ? JSON.stringify(options.map((o) => [o.name, o.fact.templated, o.fact.mappings.map((m) => m.physnet.text)])) : 'null';
}

function agentPositions(facts: FileFacts, at: (t: { range: Range } | undefined) => unknown, option: (o: IniOption | undefined) => unknown): unknown {
  return agentMappingsOf(facts).map((o) => [option(o.fact.option), o.fact.mappings.map((m) => [at(m.entry), at(m.physnet), at(m.target)])]);
}

function deploymentSignature(facts: FileFacts): string {
  switch (facts.kind) {
    // The host's name appears in findings of other hosts of the deployment.
    case 'sos-hostname':
      return facts.hostname ?? '';
    case 'ml2':
      return JSON.stringify([
        facts.typeDrivers && [facts.typeDrivers.templated, facts.typeDrivers.items.map((t) => t.text)],
        facts.tenantNetworkTypes && facts.tenantNetworkTypes.items.map((t) => t.text),
        facts.externalNetworkType?.option.value.text,
        facts.flatNetworks && [facts.flatNetworks.templated, facts.flatNetworks.items.map((t) => t.text)],
        facts.vlanRanges && [facts.vlanRanges.templated, facts.vlanRanges.items.map((t) => t.text)],
        facts.mechanismDrivers && [facts.mechanismDrivers.templated, facts.mechanismDrivers.items.map((t) => t.text)],
        facts.agent && agentDeploymentSignature(facts.agent),
      ]);
    case 'ovs-agent':
    case 'linuxbridge-agent':
    case 'sriov-agent':
      return agentDeploymentSignature(facts);
    case 'nova-conf':
      return JSON.stringify([facts.pciUnknown, facts.pciDeviceSpecs.map((s) => s.physnet?.text)]);
    case 'tripleo-env':
      return JSON.stringify(facts.parameters.map((p) => [p.name, p.role, p.unknown, p.items.map((t) => t.text)]));
    case 'osa-user-config':
      return facts.providerNetworks ? JSON.stringify([osaDeclarationsOpen(facts), osaDeclarations(facts).map((d) => [d.type, d.name.text])]) : '';
    case 'capture':
      return captureDeploymentSignature(facts);
    default:
      return '';
  }
}

function captureDeploymentSignature(facts: CaptureFacts): string {
  if (facts.networks.length === 0 && facts.agents.length === 0 && facts.agentLists.length === 0 && !facts.ovnBridgeMappings) return '';
  return JSON.stringify([
    facts.networks.map((n) => [n.networkType?.text, n.physicalNetwork?.text, n.segmentationId?.text, n.external]),
    facts.agentLists.map((l) => l.agents.map((a) => [a.agentType, a.host?.text])),
    facts.agents.map((a) => [a.agentType, a.host?.text, a.bridgeMappings && [...a.bridgeMappings]]),
    facts.ovnBridgeMappings?.mappings.map((m) => [m.physnet.text, m.bridge.text]),
  ]);
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
        option(facts.mechanismDrivers?.option),
        facts.agent && agentPositions(facts.agent, at, option),
      ]);
    case 'ovs-agent':
    case 'linuxbridge-agent':
    case 'sriov-agent':
      return JSON.stringify(agentPositions(facts, at, option));
    case 'nova-conf':
      return JSON.stringify(facts.pciDeviceSpecs.map((s) => [option(s.option), at(s.physnet), at(s.devname)]));
    case 'tripleo-env':
      return JSON.stringify(facts.parameters.map((p) => [at(p.key), p.items.map(at)]));
    case 'osa-user-config':
      return JSON.stringify([at(facts.providerNetworks?.key), osaDeclarations(facts).map((d) => at(d.name))]);
    case 'ifcfg':
      return JSON.stringify([
        [facts.deviceAssignment, facts.typeAssignment, facts.ovsBridge].map((a) => a && [at(a), at(a.key), at(a.value)]),
        networkPositions(facts.network),
      ]);
    case 'capture':
      // A network show's findings point at the agent lists of the deployment.
      return JSON.stringify([networkPositions(facts.network), facts.agentLists.map((l) => at(l))]);
    default:
      return JSON.stringify(networkPositions(facts.network));
  }
}

/** Where a network source's device names stand (findings of agents on the host point at them). */
function networkPositions(network: NetworkContribution | undefined): unknown {
  if (!network) return null;
  const at = (r: Range | undefined) => r && [r.start.line, r.start.character, r.end.line, r.end.character];
  return network.devices.map((d) => [at(d.ranges.name), at(d.bridge?.token?.range), at(d.peer?.token?.range), d.members?.map((m) => at(m.token?.range))]);
}

/** Files an index may hold for a bulk load to count as a first read (see startBulkLoad). */
const FEW_FILES = 64;

/** What a sequence of changes asks to re-check, expanded once at the end. */
export interface BulkLoad {
  add(entries: Iterable<readonly [string, string]>): void;
  /** The URIs whose diagnostics may have changed through everything added. */
  finish(): string[];
}

class Affected {
  readonly uris = new Set<string>();
  /** Every file of these hosts. */
  readonly hosts = new Set<Host>();
  /** The ML2 and OVS agent files of these deployments. */
  readonly deployments = new Set<string>();
  /** Every ML2 and OVS agent file (deployments moved). */
  allDeployments = false;
}

const byPath = (a: IndexedFile, b: IndexedFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** A set of files with a sorted copy made on demand and kept across in-place edits. */
class SortedFiles {
  readonly files = new Set<IndexedFile>();
  private cache: IndexedFile[] | undefined;

  add(file: IndexedFile): void {
    this.files.add(file);
    this.cache = undefined;
  }

  delete(file: IndexedFile): void {
    if (this.files.delete(file)) this.cache = undefined;
  }

  /** Swaps an edited file's new object in; its path, hence its place, is unchanged. */
  replace(old: IndexedFile, file: IndexedFile): void {
    if (!this.files.delete(old)) return;
    this.files.add(file);
    if (!this.cache) return;
    const i = this.cache.indexOf(old);
    if (i < 0 || old.path !== file.path) this.cache = undefined;
    else {
      // Views hold the previous array: copy it, never change it.
      const copy = this.cache.slice();
      copy[i] = file;
      this.cache = Object.freeze(copy) as IndexedFile[];
    }
  }

  /** Sorted by path; the same (frozen) array until the set changes. */
  sorted(): IndexedFile[] {
    return (this.cache ??= Object.freeze([...this.files].sort(byPath)) as IndexedFile[]);
  }
}

/**
 * The hosts of one deployment, its ML2 and L2 agent files, and the other files
 * judged against its physnets (L3 agents' external_network_bridge, nova's PCI devices).
 */
class DeploymentMembers {
  readonly hosts = new Set<Host>();
  readonly ml2 = new SortedFiles();
  readonly tripleo = new SortedFiles();
  readonly osa = new SortedFiles();
  readonly agents = new SortedFiles();
  /** Who maps which physnet, kept with `agents`. */
  readonly mappers = new PhysnetMappers();
  readonly readers = new SortedFiles();
  /** Captures of what the deployment runs (provider networks, agents' reports, OVN's mappings in OVSDB). */
  readonly captures = new SortedFiles();

  // An ML2 file that an agent reads too (Ml2Facts.agent) is in both lists.
  addFile(file: IndexedFile): void {
    this.hosts.add(file.host);
    if (file.kind === 'ml2') this.ml2.add(file);
    if (file.kind === 'tripleo-env') this.tripleo.add(file);
    if (file.kind === 'osa-user-config') this.osa.add(file);
    if (isAgentFile(file)) {
      this.agents.add(file);
      this.mappers.add(file);
    }
    if (readsPhysnetsOnly(file)) this.readers.add(file);
    if (isDeploymentCapture(file)) this.captures.add(file);
  }

  deleteFile(file: IndexedFile): void {
    if (file.kind === 'ml2') this.ml2.delete(file);
    if (file.kind === 'tripleo-env') this.tripleo.delete(file);
    if (file.kind === 'osa-user-config') this.osa.delete(file);
    if (isAgentFile(file)) {
      this.agents.delete(file);
      this.mappers.delete(file);
    }
    if (readsPhysnetsOnly(file)) this.readers.delete(file);
    this.captures.delete(file);
    if (file.host.files.size === 0) this.hosts.delete(file.host);
  }

  replace(old: IndexedFile, file: IndexedFile): void {
    if (file.kind === 'ml2') this.ml2.replace(old, file);
    if (file.kind === 'tripleo-env') this.tripleo.replace(old, file);
    if (file.kind === 'osa-user-config') this.osa.replace(old, file);
    if (readsPhysnetsOnly(file)) this.readers.replace(old, file);
    const wasCapture = isDeploymentCapture(old);
    const isCapture = isDeploymentCapture(file);
    if (wasCapture && isCapture) this.captures.replace(old, file);
    else if (wasCapture) this.captures.delete(old);
    else if (isCapture) this.captures.add(file);
    const was = isAgentFile(old);
    const is = isAgentFile(file);
    if (was && is) this.agents.replace(old, file);
    else if (was) this.agents.delete(old);
    else if (is) this.agents.add(file);
    if (was) this.mappers.delete(old);
    if (is) this.mappers.add(file);
  }
}

/** A file an L2 agent reads for its physnet mappings (OVS, Linux bridge, SR-IOV). */
function isAgentFile(file: IndexedFile): boolean {
  return isL2AgentFacts(file.facts);
}

/** Files that read the deployment's physnets but contribute none to it (a kolla globals.yml's mapping is judged against kolla's rendered ML2 config). */
function readsPhysnetsOnly(file: IndexedFile): boolean {
  return file.kind === 'l3-agent' || file.kind === 'nova-conf' || file.kind === 'kolla-globals';
}

/** A capture of what the deployment as a whole runs: it is judged against the deployment, and other files against it. */
function isDeploymentCapture(file: IndexedFile): boolean {
  const facts = file.facts;
  return facts.kind === 'capture' && (facts.networks.length > 0 || facts.agents.length > 0 || facts.agentLists.length > 0 || facts.ovnBridgeMappings !== undefined);
}

/** Files whose findings depend on their deployment. */
function readsDeployment(file: IndexedFile): boolean {
  return declaresDeployment(file) || readsPhysnetsOnly(file) || isAgentFile(file) || isDeploymentCapture(file);
}

const EMPTY_HOSTS: ReadonlySet<Host> = new Set();
