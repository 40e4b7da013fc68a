import type { IndexedFile } from '../workspace/model';
import type { DumpFlowsSection, OfctlPort } from '../captures/model';
import type { NetworkContribution, NetworkDevice, NetworkLayerName, NetworkSourceName } from './devices';
import { NicNames } from './nicNames';

/** A device together with the file that says so. */
export interface HostDevice extends NetworkDevice {
  file: IndexedFile;
}

/**
 * One layer of a host's network: every device its sources of that layer
 * describe, by name. Rules ask it questions ("is bridge X created?", "what is
 * attached to X?") and never look at a file format.
 */
export class NetworkLayer {
  /** Files that contributed to this layer, sorted by path. */
  readonly sources: IndexedFile[] = [];
  /** Source families present ("ifcfg", "nm-keyfile", …), in the order first seen. */
  readonly sourceNames: NetworkSourceName[] = [];
  private readonly byName = new Map<string, HostDevice[]>();
  private readonly bridgesByName = new Map<string, HostDevice[]>();
  /** Devices attached to a bridge, by the bridge's name; built on first use, once every alias is known. */
  private attachedTo: Map<string, HostDevice[]> | undefined;
  private readonly attached: HostDevice[] = [];
  private anyUncertain = false;
  // The next two are made on first use: most layers have neither (every host has an observed
  // layer, most without captures), and an empty Map is about 250 bytes.
  /** Other names of devices (a NetworkManager profile's UUID and id) → the device name. */
  private aliasOf: Map<string, string> | undefined;
  private openflowByBridge: Map<string, BridgeOpenflow> | undefined;

  constructor(readonly name: NetworkLayerName) {}

  /** Called by the host model, files in path order. */
  add(file: IndexedFile, contribution: NetworkContribution): void {
    this.sources.push(file);
    if (!this.sourceNames.includes(contribution.source)) this.sourceNames.push(contribution.source);
    if (contribution.uncertain) this.anyUncertain = true;
    for (const device of contribution.devices) {
      const located: HostDevice = { ...device, file };
      push(this.byName, device.name, located);
      if (device.role === 'ovs-bridge') push(this.bridgesByName, device.name, located);
      for (const alias of device.aliases ?? []) {
        this.aliasOf ??= new Map();
        if (!this.aliasOf.has(alias)) this.aliasOf.set(alias, device.name);
      }
      if (device.bridge?.name) this.attached.push(located);
    }
    for (const view of contribution.openflow ?? []) {
      this.openflowByBridge ??= new Map();
      let entry = this.openflowByBridge.get(view.bridge);
      if (!entry) this.openflowByBridge.set(view.bridge, (entry = { ports: new Map(), flows: [] }));
      for (const port of view.ports ?? []) if (!entry.ports.has(port.name.text)) entry.ports.set(port.name.text, { port, file });
      if (view.flows) entry.flows.push({ section: view.flows, file });
    }
    this.attachedTo = undefined;
  }

  /** Whether a source of this family is on the host (`ovs-vsctl-show`: the layer knows the OVSDB). */
  has(source: NetworkSourceName): boolean {
    return this.sourceNames.includes(source);
  }

  /** What OpenFlow captures show of a bridge: its port numbers and its dump-flows, when captured. */
  openflow(bridge: string): BridgeOpenflow | undefined {
    return this.openflowByBridge?.get(bridge);
  }

  /** The device name a controller reference means: the name itself, or the device it is an alias of. */
  resolve(name: string): string {
    return this.byName.has(name) ? name : (this.aliasOf?.get(name) ?? name);
  }

  /** Whether any source of this layer is on the host. */
  get present(): boolean {
    return this.sources.length > 0;
  }

  /** Some source's names are templated: what is absent cannot be told for sure. */
  get uncertain(): boolean {
    return this.anyUncertain;
  }

  /** Whether this layer can tell which bridges exist: it has sources, none of them uncertain. */
  get knowsBridges(): boolean {
    return this.present && !this.anyUncertain;
  }

  /** OVS bridges by name (each with every definition found). */
  get bridges(): ReadonlyMap<string, readonly HostDevice[]> {
    return this.bridgesByName;
  }

  hasBridge(name: string): boolean {
    return this.bridgesByName.has(this.resolve(name));
  }

  /** Definitions of an OVS bridge. */
  bridge(name: string): readonly HostDevice[] {
    return this.bridgesByName.get(this.resolve(name)) ?? NONE;
  }

  /** Devices attached to an OVS bridge (ports, bonds, internal and patch ports), in file order. */
  portsOf(bridge: string): readonly HostDevice[] {
    if (!this.attachedTo) {
      this.attachedTo = new Map();
      for (const device of this.attached) {
        const target = this.resolve(device.bridge!.name);
        // A bridge naming itself (ifcfg OVS_BRIDGE on the bridge's own file) attaches nothing.
        if (target !== device.name) push(this.attachedTo, target, device);
      }
    }
    return this.attachedTo.get(this.resolve(bridge)) ?? NONE;
  }

  /** Every device of this name, whatever its role. */
  devicesNamed(name: string): readonly HostDevice[] {
    return this.byName.get(name) ?? NONE;
  }

  /** Every device, in file order. */
  *devices(): IterableIterator<HostDevice> {
    for (const list of this.byName.values()) yield* list;
  }
}

/** One bridge's OpenFlow side: port numbers by port name (ovs-ofctl show), and its dump-flows captures. */
export interface BridgeOpenflow {
  ports: Map<string, { port: OfctlPort; file: IndexedFile }>;
  flows: { section: DumpFlowsSection; file: IndexedFile }[];
}

/** A host's network: what its configuration declares and what captures observed. */
export class HostNetwork {
  readonly declared = new NetworkLayer('declared');
  readonly observed = new NetworkLayer('observed');

  /** os-net-config's abstract NIC names (`nic2`), as the host's mapping file resolves them. */
  readonly nics: NicNames;
  /** Contributions whose NIC names the mapping file changed; made on first use, as most hosts have none. */
  private resolved: Map<IndexedFile, NetworkContribution> | undefined;

  /** `files` sorted by path. */
  constructor(files: Iterable<IndexedFile>) {
    const all = [...files];
    for (const file of all) if (file.facts.network?.layer === 'observed') this.observed.add(file, file.facts.network);
    this.nics = new NicNames(all, kernelNames(all));
    for (const file of all) {
      if (file.facts.network?.layer !== 'declared') continue;
      const resolved = this.nics.apply(file.facts.network);
      if (resolved !== file.facts.network) (this.resolved ??= new Map()).set(file, resolved);
      this.declared.add(file, resolved);
    }
  }

  /** A file's contribution as the host reads it: os-net-config's mapped nicN under their NICs' names. */
  contributionOf(file: IndexedFile): NetworkContribution | undefined {
    return this.resolved?.get(file) ?? file.facts.network;
  }
}

/** The device names of the host's `ip address`/`ip link` captures (every kernel device), and the first such capture. */
function kernelNames(files: readonly IndexedFile[]): { names: Set<string>; capture: IndexedFile } | undefined {
  let found: { names: Set<string>; capture: IndexedFile } | undefined;
  for (const file of files) {
    const network = file.facts.network;
    if (network?.source !== 'ip-address') continue;
    found ??= { names: new Set(), capture: file };
    for (const device of network.devices) found.names.add(device.name);
  }
  return found;
}

const NONE: readonly HostDevice[] = Object.freeze([]);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
