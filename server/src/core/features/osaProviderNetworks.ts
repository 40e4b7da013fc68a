import type { CompletionItem, Hover, Position } from 'vscode-languageserver-types';
import { CompletionItemKind } from 'vscode-languageserver-types';
import { literal, OSA_NETWORK_TYPES, type OsaProviderNetwork, type OsaUserConfigFacts } from '../osa/providerNetworks';
import { rangeContains } from '../text/ranges';
import type { FeatureContext } from './featureContext';
import { code, markdownHover } from './markdownHover';

/**
 * Hover and completion in OpenStack-Ansible's provider_networks: what each
 * key of a network means to the provider_networks module
 * (openstack-ansible-plugins, plugins/modules/provider_networks.py) and what
 * the network becomes in ML2 and on the hosts of its group_binds.
 */
export function osaProviderNetworksHover(context: FeatureContext, position: Position): Hover | null {
  const facts = context.file.facts as OsaUserConfigFacts;
  const list = facts.providerNetworks;
  if (!list) return null;
  if (rangeContains(list.key.range, position)) return markdownHover(PROVIDER_NETWORKS, list.key.range);
  for (const network of list.networks) {
    for (const [name, field] of network.fields) {
      const onValue = field.value !== undefined && rangeContains(field.value.range, position);
      if (!onValue && !rangeContains(field.key.range, position)) continue;
      const about = ABOUT[name];
      if (!about) return null;
      const parts = [`**${name}** (OpenStack-Ansible provider network): ${about}`];
      const result = name === 'net_name' || name === 'type' ? becomes(network) : '';
      if (result) parts.push(result);
      return markdownHover(parts.join('\n\n'), onValue ? field.value!.range : field.key.range);
    }
  }
  return null;
}

/** Values of `type` and the agent groups of `group_binds`, where the cursor stands on one. */
export function osaProviderNetworksCompletion(context: FeatureContext, position: Position): CompletionItem[] {
  const lines = context.file.doc.lineIndex;
  const line = lines.text.slice(lines.lineStart(position.line), lines.offsetAt(position));
  if (/^\s*type:\s*["']?[\w-]*$/.test(line)) {
    return OSA_NETWORK_TYPES.map((type) => ({ label: type, kind: CompletionItemKind.EnumMember, detail: 'provider network type', documentation: TYPE_DOCS[type] }));
  }
  if (/^\s*-\s*["']?[\w-]*$/.test(line) && inGroupBinds(context, position)) {
    return AGENT_GROUPS.map(([label, detail]) => ({ label, kind: CompletionItemKind.Value, detail }));
  }
  return [];
}

function inGroupBinds(context: FeatureContext, position: Position): boolean {
  const facts = context.file.facts as OsaUserConfigFacts;
  return (facts.providerNetworks?.networks ?? []).some((n) => {
    const groups = n.fields.get('group_binds');
    if (!groups) return false;
    const last = groups.items.at(-1)?.range.end.line ?? groups.key.range.end.line;
    return position.line > groups.key.range.start.line && position.line <= last + 1;
  });
}

const PROVIDER_NETWORKS =
  '**provider_networks** (OpenStack-Ansible `global_overrides`): the networks of the deployment. The `provider_networks` module turns them into ' +
  "neutron_server's `flat_networks` and `network_vlan_ranges` (every flat and vlan network's `net_name`) and into the " +
  '`net_name:device` mappings of the hosts in each network\'s `group_binds` (`bridge_mappings`, `physical_interface_mappings`, `ovn-bridge-mappings`). ' +
  'A `neutron_provider_networks` variable replaces what the module computes.';

const TYPE_DOCS: Record<(typeof OSA_NETWORK_TYPES)[number], string> = {
  flat: 'Untagged provider network: its net_name goes into flat_networks and is mapped on the hosts of group_binds.',
  vlan: 'VLAN provider network: its net_name (with each element of range) goes into network_vlan_ranges and is mapped on the hosts of group_binds.',
  vxlan: 'Tunnel network: the first one gives ML2 its VNI range; nothing is mapped.',
  geneve: 'Tunnel network (ML2/OVN): the first one gives ML2 its VNI range; nothing is mapped.',
  raw: 'A host network for containers only (management, storage): nothing in Neutron.',
};

const ABOUT: Record<string, string> = {
  type: `one of ${OSA_NETWORK_TYPES.map(code).join(', ')}. Flat and vlan networks declare their net_name in ML2; vxlan and geneve give the VNI range; raw ones are host networks only. The module stops with a KeyError when it is missing.`,
  net_name:
    'the physical network (physnet) name of a flat or vlan network: what `openstack network create --provider-physical-network` names, declared in ML2 on neutron_server and mapped on the hosts of group_binds.',
  container_bridge: 'the host bridge the network lives on. On metal hosts (and for Open vSwitch, which runs on metal) it is the mapped device unless host_bind_override is set.',
  container_interface: 'the interface inside containers; an agent running in a container maps its physnet to this interface.',
  host_bind_override: 'the device an agent on a metal host maps instead of container_bridge (a Linux bridge agent binding a bond or NIC directly).',
  network_interface: 'the host interface OpenStack-Ansible adds as a port to container_bridge (Open vSwitch).',
  network_bond_interfaces: 'the interfaces OpenStack-Ansible bonds into container_bridge (Open vSwitch with DPDK).',
  range:
    'for vlan: the VLAN ranges, comma-separated, each becoming `net_name:range` in network_vlan_ranges; for vxlan and geneve: the VNI range of the first network of that type.',
  group_binds:
    'the inventory groups whose hosts get this network; the mapping reaches the agents of `neutron_openvswitch_agent`, `neutron_linuxbridge_agent`, `neutron_ovn_controller` and so on. Flat and vlan networks are declared on neutron_server whatever it lists.',
  reference_group: 'narrows the network to the hosts of this group as well as group_binds (racks with different physnets).',
  sriov_host_interfaces: 'the SR-IOV NICs, comma-separated: each becomes `net_name:interface` in the SR-IOV agent\'s physical_device_mappings.',
  container_type: 'how containers attach (`veth`).',
  ip_from_q: 'the cidr_networks entry container addresses come from.',
};

/** What this network becomes in the deployment, as the module computes it. */
function becomes(network: OsaProviderNetwork): string {
  const type = literal(network, 'type');
  const name = literal(network, 'net_name');
  if (type === undefined || name === undefined) return 'Its type or net_name is not a literal: what it becomes is known only when Ansible renders it.';
  if (type !== 'flat' && type !== 'vlan') return type === 'vxlan' || type === 'geneve' || type === 'raw' ? `A ${type} network maps no physnet.` : '';
  const groups = network.fields.get('group_binds');
  const metal = literal(network, 'host_bind_override') ?? literal(network, 'container_bridge');
  const container = literal(network, 'container_interface');
  const declared =
    type === 'flat'
      ? code(`flat_networks = …,${name}`)
      : code(`network_vlan_ranges = …,${(literal(network, 'range') ?? '').split(',').map((r) => (r.trim() ? `${name}:${r.trim()}` : name)).join(',')}`);
  const hosts = groups && !groups.unknown && groups.items.length ? groups.items.map((t) => code(t.text)).join(', ') : 'its group_binds';
  const devices = [metal && `${code(`${name}:${metal}`)} on metal`, container && `${code(`${name}:${container}`)} in a container`].filter(Boolean).join(', ');
  return `neutron_server declares ${declared}; the hosts of ${hosts} map ${devices || code(name)}.`;
}

const AGENT_GROUPS: [string, string][] = [
  ['neutron_openvswitch_agent', 'Open vSwitch agent hosts: bridge_mappings'],
  ['neutron_linuxbridge_agent', 'Linux bridge agent hosts: physical_interface_mappings'],
  ['neutron_sriov_nic_agent', 'SR-IOV agent hosts: physical_device_mappings (sriov_host_interfaces)'],
  ['neutron_ovn_controller', 'ML2/OVN chassis: ovn-bridge-mappings'],
  ['neutron_ovn_gateway', 'ML2/OVN gateway chassis'],
  ['neutron_server', 'neutron-server hosts'],
];
