import type { HostDevice, NetworkLayer } from '../../network/hostNetwork';
import { agentPatchPair } from '../../network/patchPorts';
import { literalMappings } from '../bridgeMappings';
import type { Finding, Rule } from '../rule';
import { ovsAgentFactsOf } from '../../workspace/facts';
import { captureName, changedAfterCapture, ovsdbCaptures, relatedAt } from './observedHelpers';

/**
 * ML2/OVS: for each mapped bridge the OVSDB holds, the agent creates the
 * patch pair `int-<bridge>` (on the integration bridge) ↔ `phy-<bridge>` (on
 * the mapped bridge). A missing or miswired pair means the agent has not
 * applied this mapping: it was not restarted since, or it runs with another one.
 */
export const observedPatchMissing: Rule = {
  codes: ['observed-patch-missing'],
  scope: 'host',
  check(context) {
    const { file, host } = context;
    const agent = ovsAgentFactsOf(file.facts);
    const observed = host.network.observed;
    const captures = ovsdbCaptures(observed);
    if (!agent || captures.length === 0) return [];
    const integration = agent.integrationBridge.name;
    const findings: Finding[] = [];
    for (const mapping of literalMappings(file)) {
      const bridge = mapping.bridge.text;
      if (!observed.hasBridge(bridge) || bridge === integration) continue;
      const names = agentPatchPair(bridge);
      // Before Wallaby, use_veth_interconnection joined the bridges with a veth pair of these names: ports, not patch ports.
      if (isVethPair(observed, integration, bridge, names)) continue;
      const onIntegration = patchOn(observed, integration, names.integration);
      const onBridge = patchOn(observed, bridge, names.physical);
      const problems: string[] = [];
      if (!observed.hasBridge(integration)) problems.push(`there is no integration bridge "${integration}" at all`);
      else if (!onIntegration) problems.push(`"${integration}" has no patch port "${names.integration}"`);
      else if (onIntegration.peer?.name !== names.physical) problems.push(`"${names.integration}" on "${integration}" has peer "${onIntegration.peer?.name ?? ''}", not "${names.physical}"`);
      if (!onBridge) problems.push(`"${bridge}" has no patch port "${names.physical}"`);
      else if (onBridge.peer?.name !== names.integration) problems.push(`"${names.physical}" on "${bridge}" has peer "${onBridge.peer?.name ?? ''}", not "${names.integration}"`);
      if (problems.length === 0) continue;
      const where = onBridge ?? onIntegration;
      const capture = where?.file ?? captures[0];
      findings.push({
        code: 'observed-patch-missing',
        range: mapping.bridge.range,
        message:
          `In the OVSDB of host "${host.host.name}" (${captureName(capture)}), ${problems.join(' and ')}. ` +
          `The OVS agent creates this pair when it applies the mapping "${mapping.physnet.text}:${bridge}"; without it, traffic of physical network "${mapping.physnet.text}" ` +
          `never reaches "${bridge}". Restart the agent after changing bridge_mappings, and check that it reads this file.${changedAfterCapture(context, file, capture)}`,
        data: { bridge, integrationPort: names.integration, physicalPort: names.physical },
        related: [relatedAt(capture, (where ?? observed.bridge(bridge)[0])?.ranges.definition ?? mapping.bridge.range, `What OVSDB holds for "${bridge}"`)],
      });
    }
    return findings;
  },
};

function isVethPair(observed: NetworkLayer, integration: string, bridge: string, names: { integration: string; physical: string }): boolean {
  const veth = (on: string, name: string) => observed.portsOf(on).some((d) => d.name === name && d.role === 'ovs-port');
  return veth(integration, names.integration) && veth(bridge, names.physical);
}

function patchOn(observed: NetworkLayer, bridge: string, port: string): HostDevice | undefined {
  return observed.portsOf(bridge).find((d) => d.name === port && d.role === 'ovs-patch');
}
