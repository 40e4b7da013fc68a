import { agentMappingsOf, type MappingTarget } from './facts';
import type { FileKind } from '../settings';
import type { IndexedFile } from './model';

/** Names with how many files contribute each: a name goes when its last file goes. */
export class CountedNames<Name extends string = string> implements Iterable<Name> {
  private readonly counts = new Map<Name, number>();

  get size(): number {
    return this.counts.size;
  }

  has(name: Name): boolean {
    return this.counts.has(name);
  }

  add(name: Name, by: 1 | -1): void {
    const count = (this.counts.get(name) ?? 0) + by;
    if (count > 0) this.counts.set(name, count);
    else this.counts.delete(name);
  }

  [Symbol.iterator](): Iterator<Name> {
    return this.counts.keys();
  }
}

/** Where the agents send one physnet: each target (a bridge, an interface) with the hosts that use it. */
export interface PhysnetTargets {
  /** Hosts whose agents map the physnet with a literal mapping. */
  readonly hosts: CountedNames;
  /** By target kind and name (`ovs-bridge\0br-ex`): the hosts mapping the physnet to it. */
  readonly targets: ReadonlyMap<string, { target: MappingTarget; name: string; hosts: CountedNames }>;
}

/**
 * Which hosts of a deployment map each physnet, and to what: kept up to date
 * file by file as the index adds, changes and drops agent files, so that a
 * hover on a physnet of a 10,000-host deployment does not walk every agent
 * (45 ms) each time a file arrives while the folder is read, or after an
 * edit. Nothing here depends on the order files came in.
 */
export class PhysnetMappers {
  private readonly byPhysnet = new Map<string, { hosts: CountedNames; targets: Map<string, { target: MappingTarget; name: string; hosts: CountedNames }> }>();
  private readonly kinds = new CountedNames<FileKind>();
  /** The files counted: each is counted once, and taken away only if it was. */
  private readonly counted = new Set<IndexedFile>();
  /** Files with a templated mapping option or entry: what they map is not known. */
  private templatedFiles = 0;

  /** The summary of these files, built at once (a view that is not the index's). */
  static of(files: Iterable<IndexedFile>): PhysnetMappers {
    const mappers = new PhysnetMappers();
    for (const file of files) mappers.add(file);
    return mappers;
  }

  /** Agent files counted. */
  get files(): number {
    return this.counted.size;
  }

  /** Kinds of the agent files counted (what mapping options they use). */
  agentKinds(): FileKind[] {
    return [...this.kinds];
  }

  /** Whether some agent's mappings are templated, so that any physnet may be mapped (DeploymentView.mapped.open). */
  get open(): boolean {
    return this.templatedFiles > 0;
  }

  /** Whether a literal mapping of some agent names the physnet (a key of DeploymentView.mapped.names). */
  maps(physnet: string): boolean {
    return (this.byPhysnet.get(physnet)?.hosts.size ?? 0) > 0;
  }

  /** The hosts and targets of a physnet; undefined when no agent file names it. */
  of(physnet: string): PhysnetTargets | undefined {
    return this.byPhysnet.get(physnet);
  }

  add(file: IndexedFile): void {
    if (this.counted.has(file)) return;
    this.counted.add(file);
    this.count(file, 1);
  }

  delete(file: IndexedFile): void {
    if (!this.counted.delete(file)) return;
    this.count(file, -1);
  }

  private count(file: IndexedFile, by: 1 | -1): void {
    this.kinds.add(file.kind, by);
    const host = file.host.name;
    const options = agentMappingsOf(file.facts);
    if (options.some((o) => o.fact.templated || o.fact.mappings.some((m) => m.templated))) this.templatedFiles += by;
    for (const option of options) {
      for (const m of option.fact.mappings) {
        const physnet = m.physnet.text;
        let entry = this.byPhysnet.get(physnet);
        if (!entry) {
          if (by < 0) continue;
          this.byPhysnet.set(physnet, (entry = { hosts: new CountedNames(), targets: new Map() }));
        }
        // A mapping whose target is templated still says where the physnet goes; only literal ones count as mapping it.
        if (!m.templated) entry.hosts.add(host, by);
        const key = `${option.target}\0${m.target.text}`;
        let target = entry.targets.get(key);
        if (!target) entry.targets.set(key, (target = { target: option.target, name: m.target.text, hosts: new CountedNames() }));
        target.hosts.add(host, by);
        if (target.hosts.size === 0) entry.targets.delete(key);
        if (entry.hosts.size === 0 && entry.targets.size === 0) this.byPhysnet.delete(physnet);
      }
    }
  }
}
