import type { Range } from 'vscode-languageserver-types';
import type { Token } from '../syntax/ast';

/**
 * What a command capture says, one type per command. A capture file holds one
 * command's output (as sos writes them) or several, each after its shell
 * prompt line (as operators paste them into a file).
 */
export type CaptureType =
  | 'ovs-vsctl-show'
  | 'ovs-vsctl-list'
  | 'ovs-ofctl-show'
  | 'ovs-ofctl-dump-flows'
  | 'ip-link'
  | 'network-show'
  | 'agent-show'
  | 'agent-list';

interface SectionBase {
  /** The lines this command's output covers (the prompt line included, if any). */
  range: Range;
  /** The command line as the prompt or the file name gives it, if known (`ovs-ofctl dump-flows br-ex`). */
  command: string | undefined;
}

// ---- ovs-vsctl show -----------------------------------------------------

export interface VsctlInterface {
  name: Token;
  /** `type:` (empty for a system interface). */
  type: string;
  /** `options: {peer=…}` of a patch interface. */
  peer: Token | undefined;
  /** `error:` as OVSDB records it ("could not open network device eth9 (No such device)"). */
  error: string | undefined;
  /** The `Interface` line. */
  header: Range;
  range: Range;
}

export interface VsctlPort {
  name: Token;
  /** `tag:` (the local VLAN of a br-int port). */
  tag: number | undefined;
  interfaces: VsctlInterface[];
  /** The `Port` line. */
  header: Range;
  /** The port's block. */
  range: Range;
}

export interface VsctlBridge {
  name: Token;
  failMode: string | undefined;
  datapathType: string | undefined;
  ports: VsctlPort[];
  /** The `Bridge` line. */
  header: Range;
  /** The bridge's block. */
  range: Range;
}

export interface VsctlShowSection extends SectionBase {
  type: 'ovs-vsctl-show';
  bridges: VsctlBridge[];
  ovsVersion: string | undefined;
}

// ---- ovs-vsctl list <table> ---------------------------------------------

/** One `key=value` of an OVSDB map column (`external_ids`). */
export interface OvsdbMapEntry {
  key: string;
  /** The value without its quotes, with where it stands. */
  value: Token;
}

export interface OvsdbRecord {
  /** Column name → the raw value text. */
  columns: Map<string, string>;
  externalIds: OvsdbMapEntry[];
  range: Range;
}

export interface VsctlListSection extends SectionBase {
  type: 'ovs-vsctl-list';
  /** The table listed, when the command says (`Open_vSwitch`); records of the Open_vSwitch table have `ovs_version`. */
  table: string | undefined;
  records: OvsdbRecord[];
}

// ---- ovs-ofctl show / dump-flows ----------------------------------------

export interface OfctlPort {
  /** OpenFlow port number; undefined for LOCAL (the bridge's own port). */
  number: number | undefined;
  name: Token;
  /** `config: PORT_DOWN` */
  adminDown: boolean;
  /** `state: LINK_DOWN` */
  linkDown: boolean;
  range: Range;
}

export interface OfctlShowSection extends SectionBase {
  type: 'ovs-ofctl-show';
  /** The bridge, from its LOCAL port, else the command. */
  bridge: string | undefined;
  ports: OfctlPort[];
}

/** A flow that handles VLAN tags: all the checks need of a dump-flows capture. */
export interface VlanFlow {
  table: number;
  priority: number;
  /** `in_port=` as written: a number, or a port name (OVS ≥ 2.8 with names). */
  inPort: string | undefined;
  /** `dl_vlan=N` or `vlan_tci=0x1NNN/…` matched: the VLAN the flow expects. */
  matchVlan: number | undefined;
  /** The flow matches untagged packets (`vlan_tci=0x0000`, `vlan_tci=0x0000/0x1fff`). */
  matchUntagged: boolean;
  /** `strip_vlan` or `pop_vlan` among the actions. */
  strips: boolean;
  /** The VLAN the actions set (`mod_vlan_vid:N`, `set_field:N+4096->vlan_vid`). */
  setsVlan: number | undefined;
  /** The flow's line. */
  range: Range;
}

export interface DumpFlowsSection extends SectionBase {
  type: 'ovs-ofctl-dump-flows';
  /** The bridge, from the command or the file name; undefined when neither says. */
  bridge: string | undefined;
  /** The flows that match or set VLANs; parsed on first use (a busy br-int has tens of thousands). */
  readonly vlanFlows: readonly VlanFlow[];
}

// ---- ip link / ip address ------------------------------------------------

export interface IpLink {
  /** The interface name (without `@parent`). */
  name: Token;
  flags: string[];
  /** `master <dev>`: the bridge, bond or `ovs-system` that holds it. */
  master: string | undefined;
  /** `state UP|DOWN|UNKNOWN|LOWERLAYERDOWN`. */
  state: string | undefined;
  /** Has a global IPv4 or IPv6 address. */
  addressed: boolean;
  /** The header line. */
  range: Range;
}

export interface IpLinkSection extends SectionBase {
  type: 'ip-link';
  links: IpLink[];
  /** `ip -o addr` shows addresses without flags: link state is not known. */
  knowsLinkState: boolean;
}

// ---- openstack network show / agent show ---------------------------------

export interface ProviderNetwork {
  name: string | undefined;
  id: string | undefined;
  networkType: Token | undefined;
  physicalNetwork: Token | undefined;
  segmentationId: Token | undefined;
  /** router:external: whether routers may use it as their gateway network; undefined when not shown. */
  external: boolean | undefined;
  range: Range;
}

export interface NetworkShowSection extends SectionBase {
  type: 'network-show';
  networks: ProviderNetwork[];
}

export interface AgentReport {
  agentType: string;
  host: Token | undefined;
  /** physnet → bridge, as the running agent reports them (OVS: `bridge_mappings`; OVN controller: `bridge-mappings`). */
  bridgeMappings: Map<string, string> | undefined;
  /** Where the mappings stand. */
  mappingsRange: Range | undefined;
  range: Range;
}

export interface AgentShowSection extends SectionBase {
  type: 'agent-show';
  agents: AgentReport[];
}

/** One row of `openstack network agent list`: every agent the deployment's servers know. */
export interface ListedAgent {
  agentType: string;
  host: Token | undefined;
  range: Range;
}

export interface AgentListSection extends SectionBase {
  type: 'agent-list';
  agents: ListedAgent[];
}

export type CaptureSection =
  | VsctlShowSection
  | VsctlListSection
  | OfctlShowSection
  | DumpFlowsSection
  | IpLinkSection
  | NetworkShowSection
  | AgentShowSection
  | AgentListSection;
