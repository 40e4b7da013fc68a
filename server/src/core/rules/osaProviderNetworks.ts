import { nearestNames } from '../text/nearest';
import { mappingsByGroup, OSA_AGENT_GROUPS, OSA_NETWORK_TYPES, type OsaMapping, type OsaProviderNetwork } from '../osa/providerNetworks';
import type { IndexedFile } from '../workspace/model';
import type { Finding, Rule } from './rule';

const KNOWN_TYPES = new Set<string>(OSA_NETWORK_TYPES);
const PLAYS_FAIL = 'every neutron play stops there with a KeyError, before neutron is configured on any host';

/**
 * A provider network entry the provider_networks module cannot read, or one
 * whose type it does not know (plugins/modules/provider_networks.py reads
 * `type` of every entry, `group_binds` and `net_name` of flat and vlan ones,
 * and `range` of the first vxlan and the first geneve one).
 */
export const osaProviderNetworkInvalid: Rule = {
  codes: ['osa-provider-network-invalid'],
  scope: 'file',
  check({ file }) {
    if (file.facts.kind !== 'osa-user-config') return [];
    const findings: Finding[] = [];
    const firstOfType = new Set<string>();
    for (const network of file.facts.providerNetworks?.networks ?? []) {
      const finding = invalidEntry(network, firstOfType);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

function invalidEntry(network: OsaProviderNetwork, firstOfType: Set<string>): Finding | undefined {
  const type = network.fields.get('type');
  const missing = (field: string, why: string): Finding => ({
    code: 'osa-provider-network-invalid',
    range: network.key.range,
    message: `This provider network has no ${field}, which the provider_networks module ${why}: ${PLAYS_FAIL}. Add ${field}.`,
    data: { missing: field },
  });
  if (!type) return missing('type', 'reads for every network');
  if (type.unknown || !type.value) return undefined;
  const name = type.value.text;
  if (!KNOWN_TYPES.has(name)) {
    const suggestion = nearestNames(name, [...OSA_NETWORK_TYPES])[0];
    return {
      code: 'osa-provider-network-invalid',
      range: type.value.range,
      message:
        `"${name}" is not a network type OpenStack-Ansible knows (${OSA_NETWORK_TYPES.join(', ')}): the provider_networks module declares nothing in ML2 for it, ` +
        `yet still maps its net_name on the hosts of its group_binds, so no network can ever be created on it.` +
        (suggestion ? ` Did you mean "${suggestion}"?` : ''),
      data: { name, suggestions: suggestion ? [suggestion] : [] },
    };
  }
  if (name === 'flat' || name === 'vlan') {
    if (!network.fields.has('group_binds')) return missing('group_binds', `reads for every ${name} network`);
    if (!network.fields.has('net_name')) return missing('net_name', `reads for every ${name} network (it is the physical network's name)`);
  }
  if ((name === 'vxlan' || name === 'geneve') && !firstOfType.has(name)) {
    firstOfType.add(name);
    // Only the first network of each tunnel type gives ML2 its VNI range.
    if (!network.fields.has('range')) return missing('range', `reads from the first ${name} network (its VNI range)`);
  }
  return undefined;
}

/**
 * The mappings the hosts of one agent group get must name each physnet and
 * each device once: neutron's agents parse them with unique keys and values
 * (neutron_lib.utils.helpers.parse_mappings) and stop at start otherwise. The
 * module drops repeated identical entries (`sorted(set(...))`), so a flat and
 * a vlan network on the same physnet and device are fine. Judged only where
 * the answer is the same whether the agent runs on metal (host_bind_override,
 * else container_bridge) or in a container (container_interface).
 */
export const osaMappingNotUnique: Rule = {
  codes: ['osa-mapping-not-unique'],
  scope: 'file',
  check({ file }) {
    if (file.facts.kind !== 'osa-user-config') return [];
    const findings: Finding[] = [];
    const reported = new Set<OsaMapping>();
    for (const [group, mappings] of mappingsByGroup(file.facts)) {
      if (!OSA_AGENT_GROUPS.has(group)) continue;
      findings.push(...repeatedIn(file, group, mappings, reported));
    }
    return findings;
  },
};

function repeatedIn(file: IndexedFile, group: string, mappings: OsaMapping[], reported: Set<OsaMapping>): Finding[] {
  const findings: Finding[] = [];
  const byPhysnet = new Map<string, OsaMapping>();
  const byDevice = new Map<string, OsaMapping>();
  for (const mapping of mappings) {
    if (reported.has(mapping)) continue;
    const physnet = mapping.physnet.text;
    const first = byPhysnet.get(physnet);
    const device = mapping.metalDevice !== undefined && mapping.metalDevice === mapping.containerDevice ? mapping.metalDevice : undefined;
    const firstOnDevice = device === undefined ? undefined : byDevice.get(device);
    if (first && differsEverywhere(first, mapping)) {
      reported.add(mapping);
      findings.push({
        code: 'osa-mapping-not-unique',
        range: mapping.physnet.range,
        message:
          `Physical network "${physnet}" is also the net_name of the network at line ${first.physnet.range.start.line + 1}, on another device, and both are bound to ${group}: ` +
          `its agents get "${physnet}" mapped to two devices, refuse the mappings as not unique and stop at start. Put both networks on one device, give each its own net_name, or drop ${group} from one group_binds.`,
        data: { physnet, group },
        related: [{ uri: file.uri, range: first.physnet.range, message: `"${physnet}" first bound to ${group} here` }],
      });
    } else if (!first && firstOnDevice && firstOnDevice.physnet.text !== physnet) {
      reported.add(mapping);
      findings.push({
        code: 'osa-mapping-not-unique',
        range: mapping.physnet.range,
        message:
          `"${physnet}" and "${firstOnDevice.physnet.text}" (line ${firstOnDevice.physnet.range.start.line + 1}) are both mapped to "${device}" on the hosts of ${group}: ` +
          `their agents refuse a device mapped from two physical networks and stop at start. Give one of the networks its own bridge or interface.`,
        data: { physnet, device, group },
        related: [{ uri: file.uri, range: firstOnDevice.physnet.range, message: `"${firstOnDevice.physnet.text}" mapped to "${device}" here` }],
      });
    }
    if (!first) byPhysnet.set(physnet, mapping);
    if (device !== undefined && !byDevice.has(device)) byDevice.set(device, mapping);
  }
  return findings;
}

/** Two mappings of one physnet whose devices differ both on metal and in a container (identical entries are merged by the module). */
function differsEverywhere(a: OsaMapping, b: OsaMapping): boolean {
  const known = [a.metalDevice, b.metalDevice, a.containerDevice, b.containerDevice].every((d) => d !== undefined);
  return known && a.metalDevice !== b.metalDevice && a.containerDevice !== b.containerDevice;
}
