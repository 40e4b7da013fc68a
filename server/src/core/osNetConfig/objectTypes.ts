/**
 * os-net-config's object types and the keys the host model reads (facts from
 * os_net_config/objects.py and its schema; explanations ours). Keys not
 * listed are never judged.
 */
export const OBJECT_TYPES: Record<string, string> = {
  interface: 'a NIC, by real name or as `nicN` (the Nth active NIC)',
  vlan: 'a VLAN device on `device`, or an OVS internal port with that tag when it is a member of an ovs_bridge',
  ovs_bridge: 'an Open vSwitch bridge; its `members` become its ports',
  ovs_user_bridge: 'an Open vSwitch bridge on the userspace (DPDK) datapath',
  ovs_bond: 'an OVS bond inside an ovs_bridge; its `members` are the bonded NICs',
  ovs_dpdk_bond: 'an OVS bond of DPDK ports',
  ovs_dpdk_port: 'a NIC bound to DPDK, as a port of an ovs_user_bridge',
  ovs_patch_port: 'a patch port on `bridge_name`, linked to `peer` on another bridge',
  ovs_tunnel: 'a tunnel port (vxlan, gre) on its bridge',
  linux_bond: 'a Linux bond; its `members` are the bonded NICs',
  linux_bridge: 'a Linux bridge',
  team: 'a teamd team of NICs',
  ib_interface: 'an InfiniBand port',
  sriov_pf: 'an SR-IOV physical function and how many VFs it has',
  sriov_vf: 'an SR-IOV virtual function of a `device`',
  route_table: 'a named routing table for policy routing',
};

export const OBJECT_KEYS: Record<string, string> = {
  type: 'What the object is (interface, vlan, ovs_bridge, ovs_bond, linux_bond, ovs_patch_port…).',
  name: 'The device name. For an ovs_bridge, the bridge `bridge_mappings` maps a physnet to; `bridge_name` is a placeholder the deployment tool fills in.',
  members: 'The objects inside this bridge or bond: an ovs_bridge\'s members are its ports, a bond\'s members its NICs.',
  bridge_name: 'The bridge this patch port (or tunnel) sits on.',
  peer: 'The patch port at the other end, on the other bridge.',
  use_dhcp: 'Whether the device gets its IPv4 address by DHCP.',
  addresses: 'Static addresses (`ip_netmask: ADDRESS/PREFIX`).',
  primary: 'The member whose MAC address the bridge or bond takes.',
  ovs_options: 'Options handed to ovs-vsctl for this bridge or bond (`bond_mode=balance-slb`).',
  vlan_id: 'The VLAN tag.',
  device: 'The device a VLAN or VF sits on.',
  mtu: 'The device MTU.',
  routes: 'Static routes via this device.',
};
