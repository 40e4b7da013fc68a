import type { Token } from '../syntax/ast';
import { AGENT_LABELS, agentMappingsOf, type L2AgentName, type Ml2Facts } from '../workspace/facts';
import type { IndexedFile } from '../workspace/model';
import { hostsOf } from './ml2Helpers';
import type { Finding, Rule } from './rule';

/** How many agent files related information points at, at most. */
const RELATED_LIMIT = 10;

/**
 * A physnet the ML2 config declares (flat or VLAN) that no Open vSwitch agent
 * of the deployment maps: networks on it can be created, but no port binds.
 */
export const physnetUnmapped: Rule = {
  codes: ['physnet-unmapped'],
  scope: 'deployment',
  kinds: ['ml2'],
  reads: (kind) => (kind === 'ml2' ? ['declarations', 'agents', 'captures'] : []),
  check({ file, deployment }) {
    if (file.kind !== 'ml2' || !deployment) return [];
    // The index's running summary: no walk of every agent for an ML2 file that finds nothing.
    const mappers = deployment.physnetMappers;
    if (mappers.files === 0 || mappers.open) return [];
    const facts = file.facts as Ml2Facts;
    const declared: { token: Token; how: string }[] = [];
    if (facts.flatNetworks && !facts.flatNetworks.templated) {
      for (const item of facts.flatNetworks.items) if (item.text !== '*') declared.push({ token: item, how: 'flat_networks' });
    }
    if (facts.vlanRanges && !facts.vlanRanges.templated) {
      for (const entry of facts.vlanRanges.entries) if (entry.physnet.text) declared.push({ token: entry.physnet, how: 'network_vlan_ranges' });
    }
    if (declared.length === 0) return [];

    let agents: IndexedFile[] | undefined;
    // Wording and related information are the same for every finding: built at the first one.
    let agentHosts: string | undefined;
    let related: NonNullable<Finding['related']> | undefined;
    let agentsWording: string | undefined;

    const findings: Finding[] = [];
    for (const { token, how } of declared) {
      const physnet = token.text;
      // OVN hosts map physnets in OVSDB (ovn-bridge-mappings), which only their captures show.
      if (mappers.maps(physnet) || deployment.observedMapped.has(physnet)) continue;
      agents ??= deployment.agentFiles;
      agentHosts ??= hostsOf(agents);
      related ??= agents.slice(0, RELATED_LIMIT).map((agent) => {
        const options = agentMappingsOf(agent.facts);
        return options.length
          ? { uri: agent.uri, range: options[0].fact.option.range, message: `${options.map((o) => o.name).join(' and ')} on ${agent.host.name}` }
          : { uri: agent.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: `${agent.host.name} sets no ${mappingOptionOf(agent)}` };
      });
      agentsWording ??= agentsMapping(agents);
      findings.push({
        code: 'physnet-unmapped',
        range: token.range,
        message:
          `Physical network "${physnet}" is declared in ${how}, but ${agentsWording} ` +
          `(agent configs on ${agentHosts}). neutron-server will create networks on "${physnet}", but their ports fail with "Binding failed" ` +
          `and the reason appears only in DEBUG logs.`,
        data: { physnet },
        related,
      });
    }
    return findings;
  },
};

/** The mapping option of an agent file's kind (for one that sets none). */
function mappingOptionOf(file: IndexedFile): string {
  if (file.kind === 'linuxbridge-agent') return 'physical_interface_mappings';
  return file.kind === 'sriov-agent' ? 'physical_device_mappings' : 'bridge_mappings';
}

/** Who fails to map it, and where: the agents of one kind in their options, or the deployment's mix of L2 agents. */
function agentsMapping(agents: readonly IndexedFile[]): string {
  const kinds = new Set<L2AgentName>(
    agents.map((f) => (f.kind === 'linuxbridge-agent' ? 'linuxbridge' : f.kind === 'sriov-agent' ? 'sriov' : 'openvswitch')),
  );
  if (kinds.size === 1) {
    const [kind] = kinds;
    return `no ${AGENT_LABELS[kind]} of this deployment maps it in ${OPTIONS_OF[kind]}`;
  }
  return `no L2 agent of this deployment (${[...kinds].map((k) => AGENT_LABELS[k]).join(', ')}) maps it`;
}

const OPTIONS_OF: Record<L2AgentName, string> = {
  openvswitch: 'bridge_mappings',
  linuxbridge: 'physical_interface_mappings or bridge_mappings',
  sriov: 'physical_device_mappings',
};
