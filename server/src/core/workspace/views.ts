import type { Token } from '../syntax/ast';
import { agentMappingsOf, isL2AgentFacts, ovsAgentFactsOf, type Ml2Facts } from './facts';
import { PhysnetMappers } from './physnetMappers';
import { TRIPLEO_DEFAULTS, type TripleoEnvFacts } from '../tripleo/environmentFacts';
import { osaDeclarations, osaDeclarationsOpen, type OsaUserConfigFacts } from '../osa/providerNetworks';
import type { Host, IndexedFile } from './model';
import type { FileKind } from '../settings';
import { HostNetwork } from '../network/hostNetwork';
import { compareText } from '../text/compare';

/** A name as it stands in one file. */
export interface NameOccurrence {
  file: IndexedFile;
  token: Token;
}

/** What one host's files say together: its network model and its agent configs. */
export class HostView {
  readonly files: IndexedFile[];
  /** The host's ifcfg files (for ifcfg-specific completion and fixes; rules ask `network`). */
  readonly ifcfgFiles: IndexedFile[] = [];
  /** The host's Open vSwitch agent files (bridge and topology checks are about OVS). */
  readonly agentFiles: IndexedFile[] = [];
  /** Every L2 agent file of the host: Open vSwitch, Linux bridge, SR-IOV. */
  readonly l2AgentFiles: IndexedFile[] = [];
  /** Bridges, ports, bonds and interfaces, declared by the configuration and observed by captures. */
  readonly network: HostNetwork;

  constructor(readonly host: Host) {
    this.files = [...host.files].sort((a, b) => compareText(a.path, b.path));
    for (const file of this.files) {
      if (ovsAgentFactsOf(file.facts)) this.agentFiles.push(file);
      if (isL2AgentFacts(file.facts)) this.l2AgentFiles.push(file);
      if (file.kind === 'ifcfg') this.ifcfgFiles.push(file);
    }
    this.network = new HostNetwork(this.files);
  }
}

/** A set of physnet names, possibly open (a `*` or a templated value allows names not listed). */
export interface PhysnetSet {
  names: Map<string, NameOccurrence[]>;
  open: boolean;
}

/**
 * The parts of a deployment a rule may read, by the files they come from:
 * - `declarations`: its ML2 configs and deployment tools' files (TripleO
 *   environments, OpenStack-Ansible's provider_networks), which also decide
 *   whether there is a deployment at all;
 * - `captures`: command output captured on its hosts;
 * - `agents`: every L2 agent file of every host;
 * - `hosts`: its hosts.
 */
export type DeploymentPart = 'declarations' | 'captures' | 'agents' | 'hosts';

/**
 * The kinds of file (as their names say, before their content is read) a
 * part comes from; undefined for a part every host's files make up.
 */
export const DEPLOYMENT_PART_KINDS: Readonly<Record<DeploymentPart, readonly FileKind[] | undefined>> = {
  declarations: ['ml2', 'tripleo-env', 'osa-user-config'],
  // A TripleO environment's name may also be a capture's (it is one when it sets no parameter_defaults).
  captures: ['capture', 'tripleo-env'],
  // An ml2_conf.ini holding only agent sections is an Open vSwitch agent's.
  agents: ['ovs-agent', 'linuxbridge-agent', 'sriov-agent', 'ml2'],
  hosts: undefined,
};

/**
 * The parts read before the rest of a folder: few files, wherever they are.
 * A file checked by rules that read no other part can be checked before the
 * other hosts of its deployment are read (service.isCompleteWithReadFirst).
 */
export const EARLY_PARTS: ReadonlySet<DeploymentPart> = new Set(['declarations', 'captures']);

/**
 * What a deployment's files say together: the physnets its ML2 configs allow
 * and the physnets its agents map.
 */
export class DeploymentView {
  readonly ml2Files: IndexedFile[];
  /** TripleO environments: the parameters from which an overcloud's ML2 config and mappings will be rendered. */
  readonly tripleoFiles: IndexedFile[];
  /** OpenStack-Ansible files that set provider_networks, from which the ML2 config and the mappings will be rendered. */
  readonly osaFiles: IndexedFile[];
  // Sorted when first asked for: a hover while a large folder is indexed needs the
  // declarations, not the order of ten thousand agents (each new file unsorts them).
  private readonly agentFilesSorted: () => IndexedFile[];
  private readonly captureFilesSorted: () => IndexedFile[];
  private readonly unsortedHosts: Host[];
  private sortedHosts: Host[] | undefined;
  /** Physnets flat networks may use; open when `*`, left at its default, or templated. */
  readonly flat: PhysnetSet = { names: new Map(), open: false };
  /** Physnets with VLAN ranges; open when templated. */
  readonly vlan: PhysnetSet = { names: new Map(), open: false };
  private mappedSet: PhysnetSet | undefined;
  private mappers: PhysnetMappers | undefined;

  /**
   * `files`, when given, are the deployment's ML2 and OVS agent files, each
   * sorted by path (the index keeps them); otherwise they are taken from the hosts.
   */
  constructor(
    readonly root: string,
    hosts: Iterable<Host>,
    files?: { ml2Files: IndexedFile[]; tripleoFiles: IndexedFile[]; osaFiles: IndexedFile[]; agentFiles: () => IndexedFile[]; captureFiles: () => IndexedFile[]; mappers: PhysnetMappers },
  ) {
    this.unsortedHosts = [...hosts];
    if (files) {
      this.mappers = files.mappers;
      this.ml2Files = files.ml2Files;
      this.tripleoFiles = files.tripleoFiles;
      this.osaFiles = files.osaFiles;
      this.agentFilesSorted = files.agentFiles;
      this.captureFilesSorted = files.captureFiles;
    } else {
      const all = this.unsortedHosts.flatMap((h) => [...h.files]);
      this.ml2Files = all.filter((f) => f.kind === 'ml2').sort(byPath);
      this.tripleoFiles = all.filter((f) => f.kind === 'tripleo-env').sort(byPath);
      this.osaFiles = all.filter((f) => f.kind === 'osa-user-config').sort(byPath);
      const agents = all.filter((f) => isL2AgentFacts(f.facts)).sort(byPath);
      const captures = all.filter((f) => f.kind === 'capture').sort(byPath);
      this.agentFilesSorted = () => agents;
      this.captureFilesSorted = () => captures;
    }
    for (const file of this.ml2Files) this.addDeclarations(file, file.facts as Ml2Facts);
    this.addTripleoDeclarations();
    this.addOsaDeclarations();
  }

  /** Every L2 agent file (Open vSwitch, Linux bridge, SR-IOV): what maps the physnets. */
  get agentFiles(): IndexedFile[] {
    return this.agentFilesSorted();
  }

  /** Captures of what the deployment runs: provider networks, agents' reports, OVN's mappings in OVSDB. */
  get captureFiles(): IndexedFile[] {
    return this.captureFilesSorted();
  }

  /**
   * Whether the deployment's declarations can be judged: it has an ML2
   * config, or TripleO environments that set NeutronFlatNetworks or
   * NeutronNetworkVLANRanges themselves. Environments that leave both to the
   * defaults may be completed by tripleo-heat-templates' own environment
   * files, which are not in the workspace.
   */
  get declares(): boolean {
    return this.ml2Files.length > 0 || this.tripleoDeclares || this.osaDeclares;
  }

  private tripleoDeclares = false;
  private osaDeclares = false;

  /**
   * The net_name of every flat and vlan provider network: what the
   * provider_networks module writes into neutron_server's flat_networks and
   * network_vlan_ranges (on neutron_server hosts every network counts,
   * whatever its group_binds).
   */
  private addOsaDeclarations(): void {
    for (const file of this.osaFiles) {
      const facts = file.facts as OsaUserConfigFacts;
      if (!facts.providerNetworks && !facts.overriddenBy) continue;
      this.osaDeclares = true;
      if (osaDeclarationsOpen(facts) || !facts.providerNetworks) {
        this.flat.open = true;
        continue;
      }
      for (const { type, name } of osaDeclarations(facts)) push(type === 'flat' ? this.flat.names : this.vlan.names, name.text, { file, token: name });
    }
  }

  /** NeutronFlatNetworks and NeutronNetworkVLANRanges of every environment, or their defaults where no environment sets one. */
  private addTripleoDeclarations(): void {
    if (this.tripleoFiles.length === 0) return;
    let flatSet = false;
    let vlanSet = false;
    for (const file of this.tripleoFiles) {
      const facts = file.facts as TripleoEnvFacts;
      for (const parameter of facts.parameters) {
        if (parameter.name === 'NeutronFlatNetworks') {
          flatSet = true;
          if (parameter.unknown) this.flat.open = true;
          for (const item of parameter.items) {
            if (item.text === '*') this.flat.open = true;
            else push(this.flat.names, item.text, { file, token: item });
          }
        } else if (parameter.name === 'NeutronNetworkVLANRanges') {
          vlanSet = true;
          if (parameter.unknown) this.vlan.open = true;
        }
      }
      for (const { physnets } of facts.vlanPhysnets) for (const token of physnets) push(this.vlan.names, token.text, { file, token });
    }
    this.tripleoDeclares = flatSet || vlanSet;
    // tripleo-heat-templates' defaults (deployment/neutron/neutron-plugin-ml2.yaml): both declare datacentre.
    if (!flatSet) this.defaultDeclarations.add(TRIPLEO_DEFAULTS.NeutronFlatNetworks);
    if (!vlanSet) this.defaultDeclarations.add(TRIPLEO_DEFAULTS.NeutronNetworkVLANRanges.split(':')[0]);
  }

  /** Physnets declared by tripleo-heat-templates' defaults, for parameters no environment of the deployment sets. */
  readonly defaultDeclarations = new Set<string>();

  /** The deployment's hosts by name. */
  get hosts(): Host[] {
    return (this.sortedHosts ??= [...this.unsortedHosts].sort((a, b) => compareText(a.name, b.name)));
  }

  /**
   * Physnets the running deployment maps, as captures show: OVN's
   * ovn-bridge-mappings in a host's OVSDB, and the bridge_mappings agents report.
   */
  get observedMapped(): Map<string, NameOccurrence[]> {
    if (this.observedMappedSet) return this.observedMappedSet;
    const mapped = new Map<string, NameOccurrence[]>();
    for (const file of this.captureFiles) {
      if (file.facts.kind !== 'capture') continue;
      for (const m of file.facts.ovnBridgeMappings?.mappings ?? []) push(mapped, m.physnet.text, { file, token: m.physnet });
      for (const agent of file.facts.agents) {
        for (const physnet of agent.bridgeMappings?.keys() ?? []) push(mapped, physnet, { file, token: agent.host ?? { text: physnet, start: 0, end: 0, range: agent.range } });
      }
    }
    return (this.observedMappedSet = mapped);
  }

  private observedMappedSet: Map<string, NameOccurrence[]> | undefined;

  /** Who maps each physnet to what, without the agents' order: the index keeps it up to date. */
  get physnetMappers(): PhysnetMappers {
    return (this.mappers ??= PhysnetMappers.of(this.agentFiles));
  }

  /** Physnets mapped by agents; open when some mapping is templated. Computed on first use. */
  get mapped(): PhysnetSet {
    return (this.mappedSet ??= mappedBy(this.agentFiles));
  }

  private addDeclarations(file: IndexedFile, facts: Ml2Facts): void {
    const flat = facts.flatNetworks;
    if (!flat || flat.templated) this.flat.open = true;
    else {
      for (const item of flat.items) {
        if (item.text === '*') this.flat.open = true;
        else push(this.flat.names, item.text, { file, token: item });
      }
    }
    const vlan = facts.vlanRanges;
    if (vlan?.templated) this.vlan.open = true;
    for (const entry of vlan?.entries ?? []) {
      if (entry.physnet.text) push(this.vlan.names, entry.physnet.text, { file, token: entry.physnet });
    }
  }

  /** Whether some ML2 config of the deployment lets a network use this physnet. */
  allows(physnet: string): boolean {
    return this.flat.open || this.vlan.open || this.flat.names.has(physnet) || this.vlan.names.has(physnet) || this.defaultDeclarations.has(physnet);
  }

  /** Where the deployment declares a physnet (flat and VLAN declarations). */
  declarations(physnet: string): NameOccurrence[] {
    return [...(this.flat.names.get(physnet) ?? []), ...(this.vlan.names.get(physnet) ?? [])];
  }

  /** Names declared explicitly, for suggestions. */
  declaredNames(): string[] {
    return [...new Set([...this.flat.names.keys(), ...this.vlan.names.keys(), ...this.defaultDeclarations])].sort();
  }
}

/**
 * The mapped set per frozen list of agent files (the index hands every view of
 * a deployment the same list until an agent file changes): a view rebuilt
 * after an ML2 edit takes it over instead of walking every agent again.
 */
const mappedByList = new WeakMap<readonly IndexedFile[], PhysnetSet>();

function mappedBy(agentFiles: readonly IndexedFile[]): PhysnetSet {
  const frozen = Object.isFrozen(agentFiles);
  const cached = frozen ? mappedByList.get(agentFiles) : undefined;
  if (cached) return cached;
  const mapped: PhysnetSet = { names: new Map(), open: false };
  for (const file of agentFiles) {
    for (const { fact } of agentMappingsOf(file.facts)) {
      if (fact.templated) mapped.open = true;
      for (const m of fact.mappings) {
        if (m.templated) mapped.open = true;
        else push(mapped.names, m.physnet.text, { file, token: m.physnet });
      }
    }
  }
  if (frozen) mappedByList.set(agentFiles, mapped);
  return mapped;
}

function byPath(a: IndexedFile, b: IndexedFile): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
