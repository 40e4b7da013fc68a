import type { NicMappingEntry } from '../osNetConfig/mappingFacts';
import type { IndexedFile } from '../workspace/model';
import type { NetworkContribution, NetworkDevice } from './devices';

/**
 * What an os-net-config abstract name (`nic2`) becomes on its host
 * (os_net_config/objects.py, mapped_nics): the mapping file's entry when it
 * names a NIC the host has; otherwise the NIC numbered so among the active
 * ones (os_net_config/utils.py, ordered_active_nics: embedded em*, eno*,
 * eth* first, then the rest, each in natural order), known only on the host.
 */
export type NicResolution =
  /** The mapping file names the NIC. */
  | { how: 'mapped'; alias: string; name: string; entry: NicMappingEntry; file: IndexedFile }
  /** The mapping file gives a MAC address: the NIC that has it, found only on the host. */
  | { how: 'mac'; alias: string; entry: NicMappingEntry; file: IndexedFile }
  /** The mapping names a NIC the host's `ip` capture does not list: os-net-config ignores the entry. */
  | { how: 'ignored'; alias: string; entry: NicMappingEntry; file: IndexedFile; capture: IndexedFile }
  /** No entry (or none known for sure): numbered at run time. */
  | { how: 'numbered'; alias: string; file: IndexedFile | undefined; uncertain: boolean };

export const ABSTRACT_NIC = /^nic\d+$/;

/** A host's abstract NIC names, from its mapping file and what its `ip` capture shows. */
export class NicNames {
  private readonly mappingFile: IndexedFile | undefined;
  private readonly kernel: { names: ReadonlySet<string>; capture: IndexedFile } | undefined;

  /** `files` sorted by path; `mapping.yaml` wins over `mapping.yml` (the --mapping-file default). */
  constructor(files: readonly IndexedFile[], kernel: { names: ReadonlySet<string>; capture: IndexedFile } | undefined) {
    const mappings = files.filter((f) => f.facts.kind === 'os-net-config-mapping');
    this.mappingFile = mappings.find((f) => f.uri.endsWith('.yaml')) ?? mappings[0];
    this.kernel = kernel;
  }

  resolve(alias: string): NicResolution {
    const file = this.mappingFile;
    const facts = file?.facts.kind === 'os-net-config-mapping' ? file.facts : undefined;
    const entry = facts?.entries.find((e) => e.alias.text === alias);
    if (!file || !facts || !entry) return { how: 'numbered', alias, file, uncertain: facts?.uncertain ?? false };
    if (entry.mac) return { how: 'mac', alias, entry, file };
    const name = entry.target.text;
    if (this.kernel && !this.kernel.names.has(name)) return { how: 'ignored', alias, entry, file, capture: this.kernel.capture };
    return { how: 'mapped', alias, name, entry, file };
  }

  /** Whether the host's `ip` capture lists this device (false without a capture). */
  isListed(name: string): boolean {
    return this.kernel?.names.has(name) ?? false;
  }

  /** The kernel name the mapping gives an abstract name, if it names one for sure. */
  nameOf(alias: string): string | undefined {
    if (!ABSTRACT_NIC.test(alias)) return undefined;
    const resolution = this.resolve(alias);
    return resolution.how === 'mapped' ? resolution.name : undefined;
  }

  /** An os-net-config contribution with each mapped nicN replaced by its NIC's name; others untouched. */
  apply(contribution: NetworkContribution): NetworkContribution {
    if (contribution.source !== 'os-net-config' || !this.mappingFile) return contribution;
    const devices = contribution.devices.map((device) => this.applyTo(device));
    return devices.every((d, i) => d === contribution.devices[i]) ? contribution : { ...contribution, devices };
  }

  private applyTo(device: NetworkDevice): NetworkDevice {
    const name = device.abstractName ? this.nameOf(device.name) : undefined;
    const members = device.members?.some((m) => this.nameOf(m.name))
      ? device.members.map((m) => ({ name: this.nameOf(m.name) ?? m.name, token: m.token }))
      : device.members;
    if (!name && members === device.members) return device;
    const resolved: NetworkDevice = { ...device, members };
    if (name) {
      resolved.name = name;
      resolved.abstractName = false;
      resolved.nicAlias = device.name;
    }
    return resolved;
  }
}
