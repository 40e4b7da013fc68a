import { IFCFG_TYPES, InterfaceTypeValueType, StpValueType, findInterfaceTypeIgnoringCase, getInterfaceType, type IfcfgTypeName } from './interfaceTypes';
import { scoreNearest, typoAllowance } from '../text/nearest';
import {
  BOOLEAN,
  DomainType,
  EnumType,
  INTERFACE_LIST,
  INTERFACE_NAME,
  IP,
  IPV4,
  IPv6Type,
  IntegerType,
  KeyValueWordsType,
  ListType,
  MacType,
  NETMASK,
  PREFIX,
  PathType,
  TextType,
  UuidType,
  type ValueContext,
  type ValueProblem,
  type ValueType,
} from './valueTypes';

/**
 * The ifcfg variable catalogue: one entry per variable, read by the ifcfg
 * rules, hover and completion. Facts come from the initscripts network
 * scripts, Open vSwitch's ifup-ovs and NetworkManager's ifcfg-rh reader; the
 * explanations are our own.
 */

export type VariableCategory =
  | 'identity'
  | 'activation'
  | 'ipv4'
  | 'ipv6'
  | 'dns'
  | 'link'
  | 'vlan'
  | 'bond'
  | 'bridge'
  | 'team'
  | 'infiniband'
  | 'ovs'
  | 'networkmanager';

/** Which TYPEs read a variable: all of them, every Open vSwitch type, or a list. */
export type AppliesTo = 'any' | 'ovs' | readonly IfcfgTypeName[];

export interface IfcfgVariable {
  name: string;
  type: ValueType;
  /** The value that holds when the variable is not set, as one would write it. */
  default?: string;
  /** For defaults that are computed (DEVICE from the file name …): how. */
  defaultNote?: string;
  appliesTo: AppliesTo;
  /** Accepts a numeric suffix 0–255 for further addresses (IPADDR1, PREFIX1 …). */
  numbered: boolean;
  /** Read by ifup-ovs (Open vSwitch integration). */
  ovs: boolean;
  category: VariableCategory;
  /** What it does, in our own words. */
  explanation: string;
}

type Spec = Omit<IfcfgVariable, 'name' | 'numbered' | 'ovs' | 'appliesTo'> & Partial<Pick<IfcfgVariable, 'numbered' | 'ovs' | 'appliesTo'>>;

function entry(name: string, spec: Spec): IfcfgVariable {
  const { numbered = false, ovs = false, appliesTo = 'any', ...rest } = spec;
  return { name, numbered, ovs, appliesTo, ...rest };
}

// Value types used by one or two variables.
const BOOTPROTO_TYPE = new EnumType({
  values: ['none', 'static', 'dhcp', 'bootp'],
  descriptions: {
    none: 'no automatic configuration; addresses come from IPADDR/PREFIX',
    static: 'same as none: addresses come from IPADDR/PREFIX',
    dhcp: 'ask a DHCP server for the address',
    bootp: 'ask a BOOTP/DHCP server for the address',
    autoip: 'pick a link-local 169.254.x.x address (NetworkManager only)',
    shared: 'share this connection with other hosts through NAT (NetworkManager only)',
    ibft: 'take the address from the iSCSI Boot Firmware Table (NetworkManager only)',
  },
  nmOnly: { values: ['autoip', 'shared', 'ibft'], scriptsFallback: 'treat it like static and configure only IPADDR' },
});
const OVSBOOTPROTO_TYPE = new EnumType({
  values: ['dhcp', 'none', 'static'],
  descriptions: {
    dhcp: 'run DHCP on the bridge once one of OVSDHCPINTERFACES is attached',
    none: 'no DHCP on the bridge',
    static: 'no DHCP on the bridge',
  },
});
const TUNNEL_TYPE = new EnumType({
  values: ['vxlan', 'gre', 'geneve'],
  descriptions: { vxlan: 'VXLAN over UDP', gre: 'GRE', geneve: 'Geneve over UDP' },
  open: true,
});
const PORT_COLUMNS = new KeyValueWordsType({
  noun: 'Port table columns',
  example: 'tag=100 or other_config:lacp-time=fast',
  allowSubKey: true,
  keys: ['tag', 'trunks', 'vlan_mode', 'bond_mode', 'lacp', 'other_config:lacp-time', 'bond_updelay', 'bond_downdelay'],
});
const MTU_TYPE = new IntegerType({ min: 68, max: 65535, unit: 'bytes' });

const OVS_BRIDGE_USERS: readonly IfcfgTypeName[] = [
  'OVSPort',
  'OVSIntPort',
  'OVSBond',
  'OVSPatchPort',
  'OVSTunnel',
  'OVSDPDKPort',
  'OVSDPDKBond',
  'OVSDPDKVhostUserPort',
];

export const IFCFG_VARIABLES: readonly IfcfgVariable[] = [
  // ------------------------------------------------------------ identity
  entry('DEVICE', {
    type: INTERFACE_NAME,
    defaultNote: 'the part of the file name after "ifcfg-"',
    category: 'identity',
    explanation:
      'Kernel name of the device this file configures. ifup finds the file by this name as well as by the file name, so keep the two equal to avoid surprises.',
  }),
  entry('TYPE', {
    type: new InterfaceTypeValueType(),
    default: 'Ethernet',
    category: 'identity',
    explanation:
      'What kind of device this is. The network scripts compare it letter for letter and NetworkManager ignores case. Any Open vSwitch type also needs DEVICETYPE=ovs.',
  }),
  entry('DEVICETYPE', {
    type: new EnumType({
      values: ['ovs'],
      descriptions: { ovs: 'handled by ifup-ovs / ifdown-ovs' },
      open: true,
      // Scripts of other switches and of teaming, which os-net-config writes.
      alsoKnown: ['ivs', 'nfvswitch', 'vhost', 'Team', 'TeamPort'],
    }),
    defaultNote: 'DEVICE without its trailing digits',
    category: 'identity',
    explanation:
      'Picks the script that brings the device up: ifup runs ifup-$DEVICETYPE. Set it to ovs for every Open vSwitch bridge and port.',
  }),
  entry('NAME', {
    type: new TextType('a display name'),
    category: 'identity',
    explanation: 'Connection name shown by NetworkManager; ifup also accepts it in place of the device name. Quote it if it contains spaces.',
  }),
  entry('UUID', {
    type: new UuidType(),
    defaultNote: 'NetworkManager derives one from the file path',
    category: 'identity',
    explanation: 'Stable identifier NetworkManager gives the connection.',
  }),
  entry('HWADDR', {
    type: new MacType(),
    category: 'identity',
    explanation:
      'Binds the file to the card with this permanent MAC address. If the device named by DEVICE has another address, ifup refuses to bring it up.',
  }),
  entry('MACADDR', {
    type: new MacType({ assignable: true }),
    category: 'identity',
    explanation:
      'MAC address to give the device instead of its own. On an Open vSwitch bridge ifup-ovs stores it as the bridge hardware address so that it survives restarts.',
  }),
  // ------------------------------------------------------------ activation
  entry('ONBOOT', {
    type: BOOLEAN,
    default: 'yes',
    category: 'activation',
    explanation: 'Bring the device up when the network starts at boot.',
  }),
  entry('HOTPLUG', {
    type: BOOLEAN,
    default: 'yes',
    category: 'activation',
    explanation: 'Bring the device up when it appears (e.g. when its driver loads). os-net-config and the Open vSwitch examples turn this off.',
  }),
  entry('USERCTL', {
    type: BOOLEAN,
    default: 'no',
    category: 'activation',
    explanation: 'Allow users other than root to bring the device up and down.',
  }),
  entry('NM_CONTROLLED', {
    type: BOOLEAN,
    default: 'yes',
    category: 'activation',
    explanation:
      'Whether NetworkManager manages the device. Set it to no for Open vSwitch devices, which only the network scripts can bring up.',
  }),
  entry('LINKDELAY', {
    type: new IntegerType({ min: 0, max: 3600, unit: 'seconds' }),
    category: 'activation',
    explanation: 'Seconds to wait for the link to come up before configuring addresses.',
  }),
  // ------------------------------------------------------------ ipv4
  entry('BOOTPROTO', {
    type: BOOTPROTO_TYPE,
    default: 'none',
    category: 'ipv4',
    explanation:
      'How the IPv4 address is obtained: dhcp asks a server, none/static use IPADDR and PREFIX. Write it in lower case. On an Open vSwitch bridge use OVSBOOTPROTO for DHCP instead.',
  }),
  entry('IPADDR', {
    type: IPV4,
    numbered: true,
    category: 'ipv4',
    explanation: 'Static IPv4 address. IPADDR0, IPADDR1 … add further addresses, each with its PREFIXn or NETMASKn.',
  }),
  entry('PREFIX', {
    type: PREFIX,
    numbered: true,
    category: 'ipv4',
    explanation: 'Prefix length (network size) of the IPADDR with the same number. Takes precedence over NETMASK when both are set.',
  }),
  entry('NETMASK', {
    type: NETMASK,
    numbered: true,
    category: 'ipv4',
    explanation: 'Dotted netmask of the IPADDR with the same number; the older way to say PREFIX.',
  }),
  entry('GATEWAY', {
    type: IPV4,
    numbered: true,
    category: 'ipv4',
    explanation:
      'IPv4 default gateway. It must lie inside the network of an address on this device, otherwise the route is silently not added.',
  }),
  entry('DEFROUTE', {
    type: BOOLEAN,
    default: 'yes',
    category: 'ipv4',
    explanation: 'Whether this device may hold the default route (its GATEWAY, or the one DHCP offers).',
  }),
  entry('PEERROUTES', {
    type: BOOLEAN,
    default: 'yes',
    category: 'ipv4',
    explanation: 'Accept the extra routes a DHCP server hands out.',
  }),
  entry('IPV4_FAILURE_FATAL', {
    type: BOOLEAN,
    default: 'no',
    category: 'ipv4',
    explanation: 'NetworkManager: treat the whole connection as failed if IPv4 cannot be configured.',
  }),
  entry('SRCADDR', {
    type: IPV4,
    category: 'ipv4',
    explanation: 'Preferred source address for traffic leaving through the routes of this device.',
  }),
  entry('DHCP_HOSTNAME', {
    type: new TextType('a host name'),
    category: 'ipv4',
    explanation: 'Host name to send to the DHCP server.',
  }),
  entry('PERSISTENT_DHCLIENT', {
    type: BOOLEAN,
    default: 'no',
    category: 'ipv4',
    explanation: 'Keep retrying DHCP in the background instead of giving up after the first attempt.',
  }),
  entry('DHCLIENTARGS', {
    type: new TextType('extra dhclient arguments'),
    category: 'ipv4',
    explanation: 'Extra command-line arguments for dhclient (network scripts only).',
  }),
  entry('ARPCHECK', {
    type: BOOLEAN,
    default: 'yes',
    category: 'ipv4',
    explanation: 'Check with ARP that a static address is not already in use before assigning it.',
  }),
  // ------------------------------------------------------------ dns
  ...[1, 2, 3].map((n) =>
    entry(`DNS${n}`, {
      type: IP,
      category: 'dns',
      explanation: `${['First', 'Second', 'Third'][n - 1]} name server to write into /etc/resolv.conf (only when PEERDNS is not no, or for static setups).`,
    }),
  ),
  entry('DOMAIN', {
    type: new ListType(new DomainType(), 'domain names'),
    category: 'dns',
    explanation: 'Search domains for /etc/resolv.conf, separated by spaces (quote the value when there are several).',
  }),
  entry('PEERDNS', {
    type: BOOLEAN,
    default: 'yes',
    category: 'dns',
    explanation: 'Let DHCP (or DNS1…DNS3) rewrite /etc/resolv.conf. Set to no to keep the file as it is.',
  }),
  // ------------------------------------------------------------ ipv6
  entry('IPV6INIT', {
    type: BOOLEAN,
    default: 'no',
    category: 'ipv6',
    explanation: 'Configure IPv6 on this device at all.',
  }),
  entry('IPV6ADDR', {
    type: new IPv6Type({ prefix: true }),
    category: 'ipv6',
    explanation: 'Primary static IPv6 address, with its prefix length (/64 when omitted).',
  }),
  entry('IPV6ADDR_SECONDARIES', {
    type: new ListType(new IPv6Type({ prefix: true }), 'IPv6 addresses'),
    category: 'ipv6',
    explanation: 'Further static IPv6 addresses, separated by spaces.',
  }),
  entry('IPV6_AUTOCONF', {
    type: BOOLEAN,
    default: 'yes',
    defaultNote: 'no when IPV6FORWARDING=yes',
    category: 'ipv6',
    explanation: 'Take an address and routes from router advertisements (SLAAC).',
  }),
  entry('IPV6_DEFAULTGW', {
    type: new IPv6Type({ zone: true }),
    category: 'ipv6',
    explanation: 'IPv6 default gateway; append %device for a link-local gateway.',
  }),
  entry('IPV6_DEFAULTDEV', {
    type: INTERFACE_NAME,
    category: 'ipv6',
    explanation: 'Device to send IPv6 default traffic through when no gateway address is given.',
  }),
  entry('IPV6_DEFROUTE', {
    type: BOOLEAN,
    default: 'yes',
    category: 'ipv6',
    explanation: 'Whether this device may hold the IPv6 default route.',
  }),
  entry('IPV6_PEERDNS', {
    type: BOOLEAN,
    default: 'yes',
    category: 'ipv6',
    explanation: 'Use name servers learnt through IPv6 (router advertisements, DHCPv6).',
  }),
  entry('IPV6_PEERROUTES', {
    type: BOOLEAN,
    default: 'yes',
    category: 'ipv6',
    explanation: 'Accept routes learnt through IPv6 autoconfiguration.',
  }),
  entry('IPV6_FAILURE_FATAL', {
    type: BOOLEAN,
    default: 'no',
    category: 'ipv6',
    explanation: 'NetworkManager: treat the whole connection as failed if IPv6 cannot be configured.',
  }),
  entry('IPV6_ADDR_GEN_MODE', {
    type: new EnumType({
      values: ['stable-privacy', 'eui64', 'default', 'default-or-eui64'],
      descriptions: {
        'stable-privacy': 'an address that is stable but does not reveal the MAC',
        eui64: 'an address built from the MAC',
        default: "NetworkManager's global default (stable-privacy unless configured otherwise)",
        'default-or-eui64': "NetworkManager's global default, or eui64 when none is configured",
      },
    }),
    category: 'ipv6',
    explanation: 'How NetworkManager forms the interface part of autoconfigured IPv6 addresses.',
  }),
  entry('IPV6_PRIVACY', {
    type: new EnumType({
      values: ['no', 'rfc3041', 'rfc4941'],
      descriptions: { no: 'no temporary addresses', rfc3041: 'use temporary addresses', rfc4941: 'use temporary addresses' },
    }),
    default: 'no',
    category: 'ipv6',
    explanation: 'Use temporary (privacy) IPv6 addresses for outgoing connections.',
  }),
  entry('IPV6_MTU', {
    type: new IntegerType({ min: 1280, max: 65535, unit: 'bytes' }),
    category: 'ipv6',
    explanation: 'MTU for IPv6 traffic only, when it must differ from MTU.',
  }),
  entry('IPV6FORWARDING', {
    type: BOOLEAN,
    default: 'no',
    category: 'ipv6',
    explanation: 'Forward IPv6 packets on this device (it then acts as a router and stops autoconfiguring itself).',
  }),
  entry('DHCPV6C', {
    type: BOOLEAN,
    default: 'no',
    category: 'ipv6',
    explanation: 'Ask a DHCPv6 server for an IPv6 address.',
  }),
  entry('DHCPV6C_OPTIONS', {
    type: new TextType('extra dhclient -6 arguments'),
    category: 'ipv6',
    explanation: 'Extra arguments for the DHCPv6 client.',
  }),
  // ------------------------------------------------------------ link
  entry('MTU', {
    type: MTU_TYPE,
    category: 'link',
    explanation: 'Largest packet the device sends, in bytes. IPv6 needs at least 1280. Every port of a bridge should agree with the bridge.',
  }),
  entry('ETHTOOL_OPTS', {
    type: new TextType('ethtool settings, e.g. "speed 1000 duplex full autoneg off"'),
    category: 'link',
    explanation: 'Link settings applied with ethtool when the device comes up (speed, duplex, offloads).',
  }),
  entry('ZONE', {
    type: new TextType('a firewalld zone name'),
    category: 'link',
    explanation: 'firewalld zone the device belongs to.',
  }),
  // ------------------------------------------------------------ vlan
  entry('VLAN', {
    type: BOOLEAN,
    default: 'no',
    appliesTo: ['Vlan', 'Ethernet'],
    category: 'vlan',
    explanation: 'Marks the file as a kernel 802.1Q VLAN device.',
  }),
  entry('PHYSDEV', {
    type: INTERFACE_NAME,
    appliesTo: ['Vlan', 'Ethernet'],
    defaultNote: 'taken from a name like eth0.100',
    category: 'vlan',
    explanation: 'Parent device of the VLAN.',
  }),
  entry('VID', {
    type: new IntegerType({ min: 1, max: 4094 }),
    appliesTo: ['Vlan', 'Ethernet'],
    defaultNote: 'taken from a name like eth0.100 or vlan100',
    category: 'vlan',
    explanation: 'VLAN tag of the device.',
  }),
  // ------------------------------------------------------------ bond
  entry('MASTER', {
    type: INTERFACE_NAME,
    appliesTo: ['Ethernet', 'InfiniBand'],
    category: 'bond',
    explanation: 'The kernel bond this device joins (together with SLAVE=yes).',
  }),
  entry('SLAVE', {
    type: BOOLEAN,
    default: 'no',
    appliesTo: ['Ethernet', 'InfiniBand'],
    category: 'bond',
    explanation: 'Marks the device as a member of the bond in MASTER. Setup stops before any IP configuration.',
  }),
  entry('BONDING_OPTS', {
    type: new KeyValueWordsType({
      noun: 'bonding driver options',
      example: 'mode=802.3ad miimon=100',
      keys: ['mode', 'miimon', 'lacp_rate', 'xmit_hash_policy', 'primary', 'updelay', 'downdelay'],
    }),
    appliesTo: ['Bond'],
    category: 'bond',
    explanation: 'Options for the kernel bonding driver, e.g. "mode=802.3ad miimon=100".',
  }),
  entry('BONDING_MASTER', {
    type: BOOLEAN,
    appliesTo: ['Bond'],
    category: 'bond',
    explanation: 'Written by NetworkManager to mark a kernel bond.',
  }),
  // ------------------------------------------------------------ bridge
  entry('BRIDGE', {
    type: INTERFACE_NAME,
    appliesTo: ['Ethernet', 'Bond', 'Vlan'],
    category: 'bridge',
    explanation: 'The Linux bridge this device joins as a port. Its own IP settings are then ignored.',
  }),
  entry('STP', {
    type: new StpValueType(),
    appliesTo: ['Bridge', 'OVSBridge', 'OVSUserBridge'],
    category: 'bridge',
    explanation:
      'Run the spanning tree protocol on the bridge. Linux bridges read yes/no; on Open vSwitch bridges ifup-ovs passes the value to ovs-vsctl, which wants true/false.',
  }),
  entry('DELAY', {
    type: new IntegerType({ min: 0, max: 30, unit: 'seconds' }),
    appliesTo: ['Bridge'],
    category: 'bridge',
    explanation: 'Forwarding delay of a Linux bridge.',
  }),
  entry('BRIDGING_OPTS', {
    type: new KeyValueWordsType({
      noun: 'bridge or bridge-port settings',
      example: 'priority=32768',
      keys: ['priority', 'hello_time', 'max_age', 'ageing_time', 'path_cost'],
    }),
    appliesTo: ['Bridge', 'Ethernet', 'Bond', 'Vlan'],
    category: 'bridge',
    explanation: 'Extra Linux bridge (or bridge port) settings, e.g. "priority=32768".',
  }),
  // ------------------------------------------------------------ team, infiniband
  entry('TEAM_MASTER', {
    type: INTERFACE_NAME,
    category: 'team',
    explanation: 'The team device this port joins.',
  }),
  entry('TEAM_CONFIG', {
    type: new TextType('teamd JSON configuration'),
    category: 'team',
    explanation: 'JSON configuration of a team device (quote it in single quotes).',
  }),
  entry('TEAM_PORT_CONFIG', {
    type: new TextType('teamd JSON port configuration'),
    category: 'team',
    explanation: 'JSON configuration of a team port (quote it in single quotes).',
  }),
  entry('PKEY', {
    type: BOOLEAN,
    appliesTo: ['InfiniBand'],
    category: 'infiniband',
    explanation: 'Marks the file as an InfiniBand partition device.',
  }),
  entry('PKEY_ID', {
    type: new TextType('a partition key such as 0x8001'),
    appliesTo: ['InfiniBand'],
    category: 'infiniband',
    explanation: 'Partition key of an InfiniBand partition device.',
  }),
  // ------------------------------------------------------------ networkmanager
  entry('PROXY_METHOD', {
    type: new EnumType({ values: ['none', 'auto'], descriptions: { none: 'no proxy', auto: 'find the proxy through WPAD/PAC' } }),
    default: 'none',
    category: 'networkmanager',
    explanation: 'NetworkManager: how to find a web proxy for this connection.',
  }),
  entry('BROWSER_ONLY', {
    type: BOOLEAN,
    default: 'no',
    category: 'networkmanager',
    explanation: 'NetworkManager: use the proxy setting for browsers only.',
  }),
  // ------------------------------------------------------------ open vswitch
  entry('OVS_BRIDGE', {
    type: INTERFACE_NAME,
    ovs: true,
    appliesTo: OVS_BRIDGE_USERS,
    category: 'ovs',
    explanation:
      'The Open vSwitch bridge this port joins. The bridge needs its own ifcfg file with TYPE=OVSBridge (or OVSUserBridge) on the same host; ifup brings it up first.',
  }),
  entry('OVS_OPTIONS', {
    type: PORT_COLUMNS,
    ovs: true,
    appliesTo: 'ovs',
    category: 'ovs',
    explanation:
      'Extra column=value settings for the port (or bridge) record, such as tag=100 for a VLAN access port or "bond_mode=balance-slb lacp=active" for a bond.',
  }),
  entry('OVS_EXTRA', {
    type: new TextType('ovs-vsctl commands joined by " -- "'),
    ovs: true,
    appliesTo: 'ovs',
    category: 'ovs',
    explanation:
      'Further ovs-vsctl commands run in the same transaction, separated by " -- ". The value is split at spaces, so no single argument may contain one.',
  }),
  entry('OVSBOOTPROTO', {
    type: OVSBOOTPROTO_TYPE,
    ovs: true,
    appliesTo: ['OVSBridge', 'OVSUserBridge', 'OVSIntPort'],
    category: 'ovs',
    explanation:
      'DHCP for an Open vSwitch bridge or internal port: with dhcp, the request is made only after a port from OVSDHCPINTERFACES has joined, so that it can reach the server.',
  }),
  entry('OVSDHCPINTERFACES', {
    type: INTERFACE_LIST,
    ovs: true,
    appliesTo: ['OVSBridge', 'OVSUserBridge', 'OVSIntPort'],
    category: 'ovs',
    explanation: 'Ports (separated by spaces) through which the DHCP server of OVSBOOTPROTO=dhcp can be reached.',
  }),
  entry('OVSREQUIRES', {
    type: INTERFACE_LIST,
    ovs: true,
    appliesTo: 'ovs',
    category: 'ovs',
    explanation: 'Devices (separated by spaces) that ifup-ovs brings up before this one.',
  }),
  entry('BOND_IFACES', {
    type: INTERFACE_LIST,
    ovs: true,
    appliesTo: ['OVSBond', 'OVSDPDKBond'],
    category: 'ovs',
    explanation: 'Members of an Open vSwitch bond, separated by spaces. Give at least two, each with its own ifcfg file.',
  }),
  entry('OVS_PATCH_PEER', {
    type: INTERFACE_NAME,
    ovs: true,
    appliesTo: ['OVSPatchPort'],
    category: 'ovs',
    explanation: 'The patch port at the other end of the link; its file must name this port back.',
  }),
  entry('OVS_TUNNEL_TYPE', {
    type: TUNNEL_TYPE,
    ovs: true,
    appliesTo: ['OVSTunnel'],
    category: 'ovs',
    explanation: 'Encapsulation of an Open vSwitch tunnel port, such as vxlan, gre or geneve.',
  }),
  entry('OVS_TUNNEL_OPTIONS', {
    type: new KeyValueWordsType({
      noun: 'Interface table columns',
      example: 'options:remote_ip=192.0.2.2',
      allowSubKey: true,
      keys: ['options:remote_ip', 'options:local_ip', 'options:key', 'options:dst_port'],
    }),
    ovs: true,
    appliesTo: ['OVSTunnel'],
    category: 'ovs',
    explanation: 'Settings of the tunnel interface, e.g. "options:remote_ip=192.0.2.2 options:key=42".',
  }),
  entry('OVS_PORT_MODE', {
    type: new EnumType({ values: ['client'], descriptions: { client: 'connect to a socket the virtual machine side creates' } }),
    ovs: true,
    appliesTo: ['OVSDPDKVhostUserPort'],
    category: 'ovs',
    explanation: 'Set to client to make a vhost-user port connect to the socket at OVS_PORT_PATH instead of creating its own.',
  }),
  entry('OVS_PORT_PATH', {
    type: new PathType(),
    ovs: true,
    appliesTo: ['OVSDPDKVhostUserPort'],
    category: 'ovs',
    explanation: 'Socket path a vhost-user port in client mode connects to.',
  }),
];

/**
 * Names other tools' scripts read (os-net-config's helpers, IVS, NFVswitch,
 * Contrail vRouter). They are not described here, but they are not typos
 * either, so no did-you-mean is offered for them.
 */
export const FOREIGN_VARIABLES: ReadonlySet<string> = new Set([
  'IVS_BRIDGE',
  'NFVSWITCH_BRIDGE',
  'RX_QUEUE',
  'RX_QUEUE_SIZE',
  'TX_QUEUE_SIZE',
  'BIND_INT',
  'BOND_MODE',
  'BOND_POLICY',
  'DRIVER',
  'CPU_LIST',
  'VLAN_ID',
  'DAEMON_ARGS',
  'SETUP_ARGS',
]);

/** Numeric suffixes of numbered variables: 0–255 written without leading zeros. */
export const MAX_ADDRESS_INDEX = 255;

const BY_NAME = new Map<string, IfcfgVariable>(IFCFG_VARIABLES.map((v) => [v.name, v]));
const NUMBERED = IFCFG_VARIABLES.filter((v) => v.numbered);

/** The catalogue entry with exactly this name (no numeric suffix). */
export function getVariable(name: string): IfcfgVariable | undefined {
  return BY_NAME.get(name);
}

export interface VariableMatch {
  variable: IfcfgVariable;
  /** The key as written (IPADDR1). */
  key: string;
  /** The numeric suffix, when one was given. */
  index?: number;
}

/** Finds the entry for a key as written in a file, numbered forms included (IPADDR0 → IPADDR, index 0). Case matters. */
export function lookupVariable(key: string): VariableMatch | undefined {
  const direct = BY_NAME.get(key);
  if (direct) return { variable: direct, key };
  const m = /^([A-Z_][A-Z0-9_]*?)(0|[1-9][0-9]{0,2})$/.exec(key);
  if (!m) return undefined;
  const base = BY_NAME.get(m[1]);
  const index = Number(m[2]);
  if (!base || !base.numbered || index > MAX_ADDRESS_INDEX) return undefined;
  return { variable: base, key, index };
}

export function isKnownVariable(key: string): boolean {
  return lookupVariable(key) !== undefined;
}

export function isForeignVariable(key: string): boolean {
  return FOREIGN_VARIABLES.has(key);
}

/**
 * Known names a misspelt key probably meant, nearest first; empty for known
 * keys, for names other tools use, and for names far from every known one
 * (those are legal private variables). Numbered keys are compared with the
 * numbered names (IPADR1 → IPADDR1).
 */
export function suggestVariables(key: string, limit = 3): string[] {
  if (isKnownVariable(key) || isForeignVariable(key)) return [];
  const candidates: string[] = IFCFG_VARIABLES.map((v) => v.name);
  const digits = /[0-9]+$/.exec(key)?.[0];
  let numberedForms = new Set<string>();
  if (digits !== undefined && Number(digits) <= MAX_ADDRESS_INDEX) {
    const canonical = String(Number(digits));
    numberedForms = new Set(NUMBERED.map((v) => v.name + canonical));
    candidates.push(...numberedForms);
  }
  // On equal distance a numbered form wins: IPADR1 more likely meant IPADDR1 than IPADDR.
  return scoreNearest(key, candidates, typoAllowance(key))
    .sort((a, b) => a.score - b.score || Number(numberedForms.has(b.candidate)) - Number(numberedForms.has(a.candidate)))
    .slice(0, limit)
    .map((s) => s.candidate);
}

/** Whether a variable is read for a file of the given TYPE (unset TYPE counts as Ethernet; case is ignored, as NetworkManager does). */
export function appliesToType(variable: IfcfgVariable, type: string | undefined): boolean {
  if (variable.appliesTo === 'any') return true;
  const name = type ?? 'Ethernet';
  const entry = getInterfaceType(name) ?? findInterfaceTypeIgnoringCase(name);
  if (variable.appliesTo === 'ovs') return entry?.ovs === true;
  return entry !== undefined && variable.appliesTo.includes(entry.name);
}

/** The variables that make sense in a file of the given TYPE (for completion), in catalogue order. */
export function variablesForType(type: string | undefined): IfcfgVariable[] {
  return IFCFG_VARIABLES.filter((v) => appliesToType(v, type));
}

/**
 * Checks one assignment's value against its variable's type. Returns
 * undefined for unknown keys. Callers skip values that expand at run time.
 */
export function validateVariableValue(key: string, value: string, context?: ValueContext): ValueProblem[] | undefined {
  const match = lookupVariable(key);
  return match ? match.variable.type.validate(value, context) : undefined;
}

/** The TYPEs a variable is read by, spelt out (for hover). */
export function typesOf(variable: IfcfgVariable): string[] {
  if (variable.appliesTo === 'any') return IFCFG_TYPES.map((t) => t.name);
  if (variable.appliesTo === 'ovs') return IFCFG_TYPES.filter((t) => t.ovs).map((t) => t.name);
  return [...variable.appliesTo];
}

export { IFCFG_TYPES, IFCFG_TYPE_NAMES, getInterfaceType, findInterfaceTypeIgnoringCase, looksLikeOvsType } from './interfaceTypes';
export type { IfcfgInterfaceType, IfcfgTypeName, IfcfgTypeRole, TypeRequirement } from './interfaceTypes';
export type { ValueContext, ValueElement, ValueKind, ValueProblem, ValueProblemKind, ValueType } from './valueTypes';
