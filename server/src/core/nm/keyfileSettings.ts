/**
 * The NetworkManager profile keys that matter to an Open vSwitch host, by
 * group, with their value type and what they do (facts from the
 * nm-settings-nmcli(5) / nm-settings-keyfile(5) references and
 * nm-openvswitch(7); the explanations are ours). NetworkManager knows many
 * more keys: a key not listed here is not judged.
 */
export interface KeyfileKey {
  name: string;
  /** Choices of an enumerated key, each with what it means. */
  choices?: Record<string, string>;
  type: 'string' | 'boolean' | 'integer' | 'enum' | 'name';
  explanation: string;
  /** Since which NetworkManager version the key exists (when newer than RHEL 8's 1.14). */
  since?: string;
}

const CONTROLLER_EXPLANATION =
  'The profile this one is a port of: an interface name or a connection UUID. An `ovs-port` names its bridge; an interface, bond or `ovs-interface` names its ovs-port.';
const PORT_TYPE_CHOICES = {
  'ovs-bridge': 'this profile (an ovs-port) is a port of an Open vSwitch bridge',
  'ovs-port': 'this interface belongs to an ovs-port profile',
  bond: 'this interface is a member of a Linux bond',
  bridge: 'this interface is a port of a Linux bridge',
  team: 'this interface is a member of a team',
};

export const KEYFILE_GROUPS: Record<string, { explanation: string; keys: KeyfileKey[] }> = {
  connection: {
    explanation: 'What the profile is: its name, type, the interface it applies to, and the profile it is a port of.',
    keys: [
      { name: 'id', type: 'string', explanation: 'The profile\'s name, as `nmcli connection` lists it. Not an interface name.' },
      { name: 'uuid', type: 'string', explanation: 'The profile\'s identity. Other profiles may name it as their controller by this UUID.' },
      {
        name: 'type',
        type: 'enum',
        explanation: 'The kind of profile.',
        choices: {
          'ovs-bridge': 'an Open vSwitch bridge (needs at least one ovs-port)',
          'ovs-port': 'a port of an OVS bridge; its controller is the bridge',
          'ovs-interface': 'an OVS interface (internal, patch, dpdk or system) inside an ovs-port',
          ethernet: 'a wired NIC; with port-type=ovs-port it is the uplink of an OVS port',
          bond: 'a Linux bond',
          vlan: 'a VLAN device',
          bridge: 'a Linux bridge',
          infiniband: 'an InfiniBand port',
        },
      },
      { name: 'interface-name', type: 'name', explanation: 'The device the profile applies to. For an ovs-bridge this is the bridge name `bridge_mappings` must use.' },
      { name: 'master', type: 'name', explanation: `${CONTROLLER_EXPLANATION} Older spelling of \`controller\`.` },
      { name: 'controller', type: 'name', explanation: CONTROLLER_EXPLANATION, since: '1.46' },
      { name: 'slave-type', type: 'enum', explanation: 'What kind of controller `master`/`controller` names. Older spelling of `port-type`.', choices: PORT_TYPE_CHOICES },
      { name: 'port-type', type: 'enum', explanation: 'What kind of controller `controller` names.', choices: PORT_TYPE_CHOICES, since: '1.46' },
      { name: 'autoconnect', type: 'boolean', explanation: 'Whether NetworkManager activates the profile by itself (at boot, when the device appears).' },
      { name: 'autoconnect-slaves', type: 'boolean', explanation: 'Whether activating this controller also activates its ports.' },
    ],
  },
  'ovs-bridge': {
    explanation: 'Settings of an Open vSwitch bridge profile.',
    keys: [
      { name: 'datapath-type', type: 'enum', explanation: 'The bridge\'s datapath.', choices: { system: 'the kernel datapath', netdev: 'the userspace datapath (DPDK)' } },
      { name: 'fail-mode', type: 'enum', explanation: 'What the bridge does without its OpenFlow controller.', choices: { secure: 'drop what no flow allows', standalone: 'act as a learning switch' } },
      { name: 'mcast-snooping-enable', type: 'boolean', explanation: 'Multicast snooping on the bridge.' },
      { name: 'rstp-enable', type: 'boolean', explanation: 'Rapid spanning tree on the bridge.' },
      { name: 'stp-enable', type: 'boolean', explanation: 'Spanning tree on the bridge.' },
    ],
  },
  'ovs-port': {
    explanation: 'Settings of an Open vSwitch port profile (one port: one interface, or a bond of several).',
    keys: [
      { name: 'tag', type: 'integer', explanation: 'The VLAN tag of an access port.' },
      { name: 'vlan-mode', type: 'enum', explanation: 'How the port treats VLANs.', choices: { access: 'untagged, in the VLAN of `tag`', 'native-tagged': 'trunk with `tag` as native VLAN, tagged', 'native-untagged': 'trunk with `tag` as native VLAN, untagged', trunk: 'tagged frames of every VLAN', dot1q_tunnel: 'QinQ' } },
      { name: 'bond-mode', type: 'enum', explanation: 'How a bond port spreads traffic over its interfaces.', choices: { 'active-backup': 'one interface at a time', 'balance-slb': 'by source MAC and VLAN', 'balance-tcp': 'by L4 flow (needs LACP)' } },
      { name: 'lacp', type: 'enum', explanation: 'LACP on a bond port.', choices: { active: 'send LACP', passive: 'answer LACP', off: 'no LACP' } },
    ],
  },
  'ovs-interface': {
    explanation: 'Settings of an Open vSwitch interface profile.',
    keys: [
      {
        name: 'type',
        type: 'enum',
        explanation: 'The interface\'s kind.',
        choices: { internal: 'an internal port: the host\'s own interface on the bridge (where its address goes)', system: 'a kernel NIC', patch: 'a patch port to another bridge (see [ovs-patch] peer)', dpdk: 'a DPDK port (see [ovs-dpdk] devargs)' },
      },
    ],
  },
  'ovs-patch': {
    explanation: 'The other end of an Open vSwitch patch interface.',
    keys: [{ name: 'peer', type: 'name', explanation: 'The patch interface at the other end, on the other bridge; it must name this one in turn.' }],
  },
  ipv4: {
    explanation: 'IPv4 configuration of the profile\'s device.',
    keys: [
      { name: 'method', type: 'enum', explanation: 'How the device gets its IPv4 address.', choices: { auto: 'DHCP', manual: 'the addresses given here', disabled: 'no IPv4', 'link-local': 'a 169.254/16 address', shared: 'share the connection with other hosts' } },
      { name: 'address1', type: 'string', explanation: 'A static address `ADDRESS/PREFIX[,GATEWAY]` (address2, address3… for more).' },
    ],
  },
  ipv6: {
    explanation: 'IPv6 configuration of the profile\'s device.',
    keys: [
      { name: 'method', type: 'enum', explanation: 'How the device gets its IPv6 address.', choices: { auto: 'router advertisements and DHCPv6', dhcp: 'DHCPv6 only', manual: 'the addresses given here', ignore: 'leave IPv6 alone', disabled: 'no IPv6', 'link-local': 'a link-local address only' } },
    ],
  },
};

export function keyfileKey(group: string, name: string): KeyfileKey | undefined {
  return KEYFILE_GROUPS[group]?.keys.find((k) => k.name === name);
}
