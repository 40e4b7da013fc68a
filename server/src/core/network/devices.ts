import type { Range } from 'vscode-languageserver-types';
import type { Token } from '../syntax/ast';
import type { LineIndex } from '../text/lineIndex';
import type { OpenflowView } from './sources/captures';

/**
 * What one file says about its host's network, in terms no rule has to
 * translate: devices (bridges, ports, bonds, interfaces, patch ports), each
 * with where its name stands. Every network source (ifcfg, NetworkManager
 * keyfiles, os-net-config, captures such as `ovs-vsctl show`) turns its own
 * facts into one of these; the host's model (hostNetwork.ts) adds them up.
 */

/** declared: what the host is configured to create; observed: what a capture shows it has. */
export type NetworkLayerName = 'declared' | 'observed';

export type DeviceRole =
  /** An Open vSwitch bridge. */
  | 'ovs-bridge'
  /** A port of an OVS bridge that reaches something outside it (a NIC, a DPDK port, a bond). */
  | 'ovs-port'
  /** An OVS internal port (the bridge's own interface, an OVSIntPort). */
  | 'ovs-internal'
  /** An OVS patch port; `peer` names the port at the other end. */
  | 'ovs-patch'
  /** A tunnel port (vxlan, gre, geneve). */
  | 'ovs-tunnel'
  /** A Linux interface: a NIC, a VLAN device, an InfiniBand port. */
  | 'interface'
  /** A bond (Linux or OVS); `members` are its slaves. */
  | 'bond'
  /** A Linux bridge. */
  | 'linux-bridge';

/** A name as it stands in a source file: the text, and where (undefined when the name is implied, e.g. by a file name). */
export interface NameRef {
  name: string;
  token: Token | undefined;
}

/**
 * Where a device stands in its source. Sources that parse files work each
 * range out when it is read (FileDeviceRanges, SpanDeviceRanges): a host has
 * several devices, each with four ranges, and only those of a finding, a
 * definition or a picture are ever read.
 */
export interface DeviceRanges {
  /** Where the device's name stands; the file's first line when only the file name says it. */
  readonly name: Range;
  /** The statement that names the device (`DEVICE=br-ex`, `interface-name=br-ex`, a YAML `name:` pair); related information points here. */
  readonly declaration: Range;
  /** The statement that gives its type (`TYPE=OVSBridge`), if any. */
  readonly type: Range | undefined;
  /** Where the device's whole definition stands (a file, a YAML node, a capture block). */
  readonly definition: Range;
}

/** A parse-tree node or token: its range is worked out when asked. */
interface Ranged {
  readonly range: Range;
}

/** A device that a whole file defines (an ifcfg file, a NetworkManager keyfile), placed by the nodes that name and type it. */
export class FileDeviceRanges implements DeviceRanges {
  constructor(
    private readonly lines: LineIndex,
    private readonly nameNode: Ranged | undefined,
    private readonly declarationNode: Ranged | undefined,
    private readonly typeNode: Ranged | undefined,
  ) {}

  get name(): Range {
    return this.nameNode?.range ?? this.lines.range(0, 0);
  }

  get declaration(): Range {
    return this.declarationNode?.range ?? this.lines.range(0, 0);
  }

  get type(): Range | undefined {
    return this.typeNode?.range;
  }

  get definition(): Range {
    return this.lines.range(0, this.lines.text.length);
  }
}

/** A device defined by part of a file (an os-net-config YAML node), placed by offsets; a type offset below 0 means no type statement. */
export class SpanDeviceRanges implements DeviceRanges {
  constructor(
    private readonly lines: LineIndex,
    private readonly nameStart: number,
    private readonly nameEnd: number,
    private readonly declarationStart: number,
    private readonly declarationEnd: number,
    private readonly typeStart: number,
    private readonly typeEnd: number,
    private readonly definitionStart: number,
    private readonly definitionEnd: number,
  ) {}

  get name(): Range {
    return this.lines.range(this.nameStart, this.nameEnd);
  }

  get declaration(): Range {
    return this.lines.range(this.declarationStart, this.declarationEnd);
  }

  get type(): Range | undefined {
    return this.typeStart < 0 ? undefined : this.lines.range(this.typeStart, this.typeEnd);
  }

  get definition(): Range {
    return this.lines.range(this.definitionStart, this.definitionEnd);
  }
}

export interface NetworkDevice {
  name: string;
  role: DeviceRole;
  /** The source's own word for the type (`OVSBridge`, `ovs-bridge`, `ovs_bridge`, `patch`), for messages and hover. */
  sourceType: string | undefined;
  /** Where it stands in its source. */
  ranges: DeviceRanges;
  /** The name's token when it can be edited in place (rename). */
  nameToken: Token | undefined;
  /** The OVS bridge this device is a port of, if any. */
  bridge?: NameRef;
  /** The OVS port (NetworkManager's ovs-port profile) this interface belongs to, if any. */
  port?: NameRef;
  /** Other names a controller may use for this device (a NetworkManager connection's UUID and id). */
  aliases?: string[];
  /** Bond members. */
  members?: NameRef[];
  /** Patch port at the other end. */
  peer?: NameRef;
  /**
   * The name is an alias resolved on the host (os-net-config's `nic2`: the
   * second NIC with a link, in bus order), not the kernel's name: captures,
   * which show kernel names, cannot be matched by it.
   */
  abstractName?: boolean;
  /** The os-net-config abstract name (`nic2`) this device's name was resolved from, through the host's mapping file. */
  nicAlias?: string;
  /** Whether the device carries an IP configuration (a static address or DHCP). */
  addressed?: boolean;
  /** Observed link state, when a capture shows it (`ip link`): the UP and LOWER_UP flags, `master`, `state`. */
  link?: { up: boolean; lowerUp: boolean; master: string | undefined; state: string | undefined; flags: string[] };
  /** OpenFlow port number, when a capture shows it. */
  ofport?: number;
  /** The local VLAN tag of an observed port (`tag: 5`). */
  tag?: number;
  /** An error OVSDB records for an observed interface ("could not open network device eth9"). */
  error?: string;
}

/** One file's contribution to its host's network. */
export interface NetworkContribution {
  layer: NetworkLayerName;
  /** The source family, for messages ("ifcfg file", "NetworkManager keyfile", …): see sourceVocabulary.ts. */
  source: NetworkSourceName;
  devices: NetworkDevice[];
  /**
   * Some name, type or attachment comes from a template or an expansion, so
   * the set of devices is not known for sure: absence-based checks on this
   * host stay silent.
   */
  uncertain: boolean;
  /** Per bridge, what OpenFlow captures show: port numbers and VLAN flows (observed layer only). */
  openflow?: OpenflowView[];
}

export type NetworkSourceName = 'ifcfg' | 'nm-keyfile' | 'os-net-config' | 'ovs-vsctl-show' | 'ip-address' | 'ovs-ofctl';

/** A cheap, stable summary of a contribution: when it is unchanged, the host's other files need no re-check. */
export function contributionSignature(contribution: NetworkContribution | undefined): string {
  if (!contribution) return '';
  return JSON.stringify([
    contribution.layer,
    contribution.uncertain,
    contribution.devices.map((d) => [
      d.name,
      d.role,
      d.sourceType,
      d.bridge?.name,
      d.port?.name,
      d.aliases,
      d.peer?.name,
      d.members?.map((m) => m.name),
      d.addressed,
      d.link && [d.link.up, d.link.lowerUp, d.link.master, d.link.state],
      d.ofport,
      d.tag,
      d.error,
    ]),
    contribution.openflow?.map((o) => [o.bridge, o.ports?.map((p) => [p.number, p.name.text, p.linkDown, p.adminDown]), o.flows?.vlanFlows.map((f) => [f.table, f.inPort, f.matchVlan, f.matchUntagged, f.strips, f.setsVlan])]),
  ]);
}
