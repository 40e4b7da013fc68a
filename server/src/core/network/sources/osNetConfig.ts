import type { Pair, Scalar, YAMLMap } from 'yaml';
import { yaml } from '../../syntax/yamlLibrary';
import type { YamlDocument } from '../../syntax/ast';
import { scalarToken } from '../../syntax/yamlScalars';
import { isTemplated } from '../../syntax/templates';
import type { LineIndex } from '../../text/lineIndex';
import { SpanDeviceRanges, type DeviceRole, type NameRef, type NetworkContribution, type NetworkDevice } from '../devices';

/**
 * The devices an os-net-config file (`/etc/os-net-config/config.yaml` or
 * `config.json`, and TripleO NIC templates) describes: the objects of its
 * `network_config` list and, nested, the `members` of bridges and bonds
 * (os_net_config/objects.py: each object's `type` picks its class; a
 * bridge's members become its ports, a bond's members its slaves). TripleO's
 * heat templates write the literal placeholder `bridge_name`, which
 * os-net-config's caller replaces: such a name is not known for sure.
 */
const ROLE_BY_TYPE: Record<string, DeviceRole> = {
  ovs_bridge: 'ovs-bridge',
  ovs_user_bridge: 'ovs-bridge',
  ovs_bond: 'bond',
  ovs_dpdk_bond: 'bond',
  linux_bond: 'bond',
  team: 'bond',
  linux_bridge: 'linux-bridge',
  interface: 'interface',
  vlan: 'interface',
  ib_interface: 'interface',
  sriov_pf: 'interface',
  ovs_dpdk_port: 'ovs-port',
  ovs_patch_port: 'ovs-patch',
  ovs_tunnel: 'ovs-tunnel',
};

/** Names os-net-config's callers substitute before it runs. */
const PLACEHOLDERS = new Set(['bridge_name', 'interface_name']);

export function osNetConfigNetwork(doc: YamlDocument): NetworkContribution {
  // A file os-net-config cannot load creates nothing; its syntax error is the finding, not every bridge it meant to create.
  const contribution: NetworkContribution = { layer: 'declared', source: 'os-net-config', devices: [], uncertain: doc.templated || doc.problems.length > 0 };
  const list = findNetworkConfig(doc.root, 0);
  if (!yaml().isSeq(list)) {
    // Nothing readable, a template that is not YAML yet, or a list only heat can build: say nothing for sure.
    if (doc.templated || doc.problems.length > 0 || list !== undefined) contribution.uncertain = true;
    return contribution;
  }
  const visit = (node: unknown, parent: { bridge?: NetworkDevice; bond?: NetworkDevice }) => {
    if (!yaml().isMap(node)) return;
    const type = scalarText(node, 'type');
    const typePair = pairOf(node, 'type');
    const namePair = pairOf(node, 'name');
    const nameNode = namePair && yaml().isScalar(namePair.value) ? namePair.value : undefined;
    const name = nameNode ? String(nameNode.value ?? '') : '';
    const role = type ? ROLE_BY_TYPE[type] : undefined;
    if (!type || !role || !name || isTemplated(name) || PLACEHOLDERS.has(name) || isTemplated(type)) {
      if (name && (isTemplated(name) || PLACEHOLDERS.has(name))) contribution.uncertain = true;
      for (const member of members(node)) visit(member, {});
      return;
    }
    const lines = doc.lineIndex;
    const nameToken = scalarToken(nameNode!, lines);
    const device: NetworkDevice = {
      name,
      role: parent.bridge && role === 'interface' ? (type === 'vlan' ? 'ovs-internal' : 'ovs-port') : role,
      sourceType: type,
      ranges: new SpanDeviceRanges(
        lines,
        nameToken?.start ?? nameNode!.range![0],
        nameToken?.end ?? nameNode!.range![1],
        ...pairSpan(namePair!),
        ...(typePair ? pairSpan(typePair) : NO_SPAN),
        node.range![0],
        node.range![1],
      ),
      nameToken,
      addressed: isAddressed(node),
    };
    if (parent.bridge) device.bridge = { name: parent.bridge.name, token: undefined };
    if (/^nic\d+$/.test(name)) device.abstractName = true;
    if (type === 'ovs_patch_port') {
      const bridge = refOf(node, 'bridge_name', lines);
      if (bridge) device.bridge = bridge;
      const peer = refOf(node, 'peer', lines);
      if (peer) device.peer = peer;
    }
    contribution.devices.push(device);
    if (parent.bond) (parent.bond.members ??= []).push({ name, token: device.nameToken });
    const inner = role === 'ovs-bridge' ? { bridge: device } : role === 'bond' ? { bond: device } : {};
    for (const member of members(node)) visit(member, inner);
  };
  for (const item of list.items) visit(item, {});
  return contribution;
}

/**
 * The `network_config` list: at the top of os-net-config's own file, nested
 * in a heat NIC template (`resources: … config: str_replace: params:
 * $network_config: network_config:`). Undefined when there is none, or it is
 * built by a function (`list_concat`), which only heat can evaluate.
 */
function findNetworkConfig(node: unknown, depth: number): unknown {
  if (depth > 12) return undefined;
  if (yaml().isMap(node)) {
    for (const pair of node.items) {
      if (yaml().isScalar(pair.key) && pair.key.value === 'network_config') return pair.value;
    }
    for (const pair of node.items) {
      const found = findNetworkConfig(pair.value, depth + 1);
      if (found !== undefined) return found;
    }
  } else if (yaml().isSeq(node)) {
    for (const item of node.items) {
      const found = findNetworkConfig(item, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => yaml().isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

function scalarText(map: YAMLMap, key: string): string | undefined {
  const value = pairOf(map, key)?.value;
  return yaml().isScalar(value) && value.value !== null && value.value !== undefined ? String(value.value) : undefined;
}

function members(map: YAMLMap): unknown[] {
  const value = pairOf(map, 'members')?.value;
  return yaml().isSeq(value) ? value.items : [];
}

function isAddressed(map: YAMLMap): boolean {
  const addresses = pairOf(map, 'addresses')?.value;
  if (yaml().isSeq(addresses) && addresses.items.length > 0) return true;
  const dhcp = scalarText(map, 'use_dhcp') ?? scalarText(map, 'use_dhcpv6');
  return dhcp === 'true' || dhcp === 'True';
}

function refOf(map: YAMLMap, key: string, lines: LineIndex): NameRef | undefined {
  const value = pairOf(map, key)?.value;
  if (!yaml().isScalar(value) || value.value === null || value.value === undefined) return undefined;
  const name = String(value.value);
  if (!name || isTemplated(name) || PLACEHOLDERS.has(name)) return undefined;
  return { name, token: scalarToken(value, lines) };
}

/** From a pair's key to the end of its value, as offsets. */
function pairSpan(pair: Pair): [start: number, end: number] {
  const key = pair.key as Scalar;
  const value = pair.value as Scalar | undefined;
  return [key.range![0], value?.range?.[1] ?? key.range![1]];
}

const NO_SPAN: [start: number, end: number] = [-1, -1];
