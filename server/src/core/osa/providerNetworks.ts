import type { Pair, YAMLMap } from 'yaml';
import type { Token, YamlDocument } from '../syntax/ast';
import { isTemplated } from '../syntax/templates';
import { yaml } from '../syntax/yamlLibrary';
import { keyText, keyToken, scalarToken } from '../syntax/yamlScalars';
import type { LineIndex } from '../text/lineIndex';
import type { FactsBase } from '../workspace/facts';

/**
 * What an OpenStack-Ansible deploy configuration says about provider
 * networks. `global_overrides.provider_networks` of openstack_user_config.yml
 * (and of the conf.d files merged into it) is what the `provider_networks`
 * module (openstack-ansible-plugins, plugins/modules/provider_networks.py)
 * turns into ML2's flat_networks and network_vlan_ranges on neutron_server
 * hosts, and into the `net_name:device` mappings of the hosts in each
 * network's `group_binds` (os_neutron's openvswitch_agent.ini.j2,
 * linuxbridge_agent.ini.j2 and setup_ovs_ovn.yml). A `neutron_provider_networks`
 * variable replaces the module's result altogether (os_neutron tasks/main.yml).
 */

/** The network types the module acts on; any other type declares nothing and is still mapped. */
export const OSA_NETWORK_TYPES = ['flat', 'vlan', 'vxlan', 'geneve', 'raw'] as const;

/** Types the module never maps onto a host device (their net_name, if any, is not a physnet). */
export const OSA_UNMAPPED_TYPES = new Set(['raw', 'vxlan', 'geneve']);

/** The groups whose L2 agents parse the mappings with neutron's unique-keys, unique-values rule (neutron_lib parse_mappings). */
export const OSA_AGENT_GROUPS = new Set(['neutron_openvswitch_agent', 'neutron_linuxbridge_agent']);

/** One key of a `network:` map, as it stands. */
export interface OsaField {
  key: Token;
  /** The value where it stands: a literal string scalar, placed in the text. */
  value: Token | undefined;
  /** The value is a template, an alias, a non-string or cannot be placed: what it holds is not judged. */
  unknown: boolean;
  /** The elements of a YAML list value (group_binds), each literal one where it stands. */
  items: Token[];
}

/** One `- network:` entry of provider_networks. */
export interface OsaProviderNetwork {
  /** The `network` key, where whole-entry findings stand. */
  key: Token;
  fields: Map<string, OsaField>;
}

export interface OsaUserConfigFacts extends FactsBase {
  kind: 'osa-user-config';
  /** `global_overrides.provider_networks`, or undefined when the file does not set it. */
  providerNetworks: { key: Token; networks: OsaProviderNetwork[]; unknown: boolean } | undefined;
  /**
   * Something else decides what the deployment declares: a provider_networks
   * set per host or group (`container_vars`, `host_vars`), or a
   * `neutron_provider_networks` variable that replaces the module's result.
   */
  overriddenBy: Token | undefined;
}

/** Whether a text may set provider networks at all (cheap: before any YAML parse). */
export function mayBeOsaUserConfig(text: string): boolean {
  return /^\s*(neutron_)?provider_networks\s*:/m.test(text);
}

export function osaUserConfigFacts(doc: YamlDocument): OsaUserConfigFacts {
  const facts: OsaUserConfigFacts = { kind: 'osa-user-config', providerNetworks: undefined, overriddenBy: undefined };
  const root = doc.root;
  if (!yaml().isMap(root)) return facts;
  const lines = doc.lineIndex;
  for (const pair of root.items as Pair[]) {
    const key = keyText(pair);
    if (key === 'neutron_provider_networks') facts.overriddenBy ??= keyToken(pair, lines);
    if (key === 'global_overrides' && yaml().isMap(pair.value)) {
      for (const inner of (pair.value as YAMLMap).items as Pair[]) {
        if (keyText(inner) === 'provider_networks') facts.providerNetworks = providerNetworksOf(inner, lines);
        else if (keyText(inner) === 'neutron_provider_networks') facts.overriddenBy ??= keyToken(inner, lines);
      }
    } else if (key !== 'global_overrides') {
      // provider_networks anywhere else (a host's or group's container_vars) makes some hosts differ from the global list.
      facts.overriddenBy ??= nestedProviderNetworks(pair.value, lines, 0);
    }
  }
  return facts;
}

/** The physnets a network declares in ML2 on neutron_server hosts: the net_name of a flat or vlan network. */
export function declaredPhysnet(network: OsaProviderNetwork): { type: 'flat' | 'vlan'; name: Token } | undefined {
  const type = literal(network, 'type');
  const name = network.fields.get('net_name');
  if ((type !== 'flat' && type !== 'vlan') || !name?.value || name.unknown) return undefined;
  return { type, name: name.value };
}

/** Every flat and vlan physnet the file declares, in order. */
export function osaDeclarations(facts: OsaUserConfigFacts): { type: 'flat' | 'vlan'; name: Token }[] {
  return (facts.providerNetworks?.networks ?? []).map(declaredPhysnet).filter((d) => d !== undefined);
}

/** Whether the deployment's declarations cannot be read from this file alone (see OsaUserConfigFacts.overriddenBy). */
export function osaDeclarationsOpen(facts: OsaUserConfigFacts): boolean {
  const list = facts.providerNetworks;
  if (!list) return false;
  if (list.unknown || facts.overriddenBy) return true;
  return list.networks.some((n) => {
    const type = n.fields.get('type');
    if (!type || type.unknown) return true;
    const name = n.fields.get('net_name');
    return (type.value?.text === 'flat' || type.value?.text === 'vlan') && (!name || name.unknown);
  });
}

/** One `physnet:device` mapping the module gives the hosts of a group. */
export interface OsaMapping {
  network: OsaProviderNetwork;
  physnet: Token;
  /** The device on a metal host (host_bind_override, else container_bridge) and in a container (container_interface); undefined when unknown. */
  metalDevice: string | undefined;
  containerDevice: string | undefined;
}

/**
 * The mappings the hosts of each group get, for networks every host of the
 * group gets (a reference_group narrows a network to some hosts: left out).
 */
export function mappingsByGroup(facts: OsaUserConfigFacts): Map<string, OsaMapping[]> {
  const out = new Map<string, OsaMapping[]>();
  for (const network of facts.providerNetworks?.networks ?? []) {
    const type = network.fields.get('type');
    const name = network.fields.get('net_name');
    if (!type?.value || type.unknown || OSA_UNMAPPED_TYPES.has(type.value.text)) continue;
    if (!name?.value || name.unknown || network.fields.has('reference_group')) continue;
    const groups = network.fields.get('group_binds');
    if (!groups || groups.unknown) continue;
    const mapping: OsaMapping = {
      network,
      physnet: name.value,
      metalDevice: literal(network, 'host_bind_override') ?? (network.fields.has('host_bind_override') ? undefined : literal(network, 'container_bridge')),
      containerDevice: literal(network, 'container_interface'),
    };
    for (const group of new Set(groups.items.map((t) => t.text))) {
      const list = out.get(group) ?? [];
      list.push(mapping);
      out.set(group, list);
    }
  }
  return out;
}

/** A field's literal text, or undefined when it is absent or unknown. */
export function literal(network: OsaProviderNetwork, name: string): string | undefined {
  const field = network.fields.get(name);
  return field && !field.unknown ? field.value?.text : undefined;
}

function providerNetworksOf(pair: Pair, lines: LineIndex): { key: Token; networks: OsaProviderNetwork[]; unknown: boolean } {
  const list = { key: keyToken(pair, lines), networks: [] as OsaProviderNetwork[], unknown: false };
  if (!yaml().isSeq(pair.value)) {
    list.unknown = true;
    return list;
  }
  for (const item of pair.value.items) {
    const entry = yaml().isMap(item) ? ((item as YAMLMap).items as Pair[]).find((p) => keyText(p) === 'network') : undefined;
    if (!entry || !yaml().isMap(entry.value)) {
      // An entry the module cannot read as `network: {…}` (an alias, a template): the list is not known.
      list.unknown = true;
      continue;
    }
    const network: OsaProviderNetwork = { key: keyToken(entry, lines), fields: new Map() };
    for (const field of (entry.value as YAMLMap).items as Pair[]) {
      const name = keyText(field);
      if (name !== undefined) network.fields.set(name, fieldOf(field, lines));
    }
    list.networks.push(network);
  }
  return list;
}

function fieldOf(pair: Pair, lines: LineIndex): OsaField {
  const field: OsaField = { key: keyToken(pair, lines), value: undefined, unknown: true, items: [] };
  const value = pair.value;
  if (yaml().isScalar(value) && typeof value.value === 'string' && !isTemplated(value.value)) {
    field.value = scalarToken(value, lines);
    field.unknown = field.value === undefined;
  } else if (yaml().isSeq(value)) {
    field.unknown = false;
    for (const item of value.items) {
      const token = yaml().isScalar(item) && typeof item.value === 'string' && !isTemplated(item.value) ? scalarToken(item, lines) : undefined;
      if (token) field.items.push(token);
      else field.unknown = true;
    }
  } else if (yaml().isScalar(value) && (typeof value.value === 'number' || typeof value.value === 'boolean')) {
    // bond_updelay: 100, is_container_address: true: known, and not a name.
    field.unknown = false;
  }
  return field;
}

/** A provider_networks key nested below a top-level key (a host's container_vars), within a few levels. */
function nestedProviderNetworks(node: unknown, lines: LineIndex, depth: number): Token | undefined {
  if (depth > 4 || !yaml().isMap(node)) return undefined;
  for (const pair of (node as YAMLMap).items as Pair[]) {
    const key = keyText(pair);
    if (key === 'provider_networks' || key === 'neutron_provider_networks') return keyToken(pair, lines);
    const found = nestedProviderNetworks(pair.value, lines, depth + 1);
    if (found) return found;
  }
  return undefined;
}

