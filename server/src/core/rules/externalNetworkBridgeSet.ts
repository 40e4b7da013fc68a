import { isAtOrAfter, parseRelease } from '../catalog/releases';
import { ovsAgentFactsOf, type L3AgentFacts } from '../workspace/facts';
import type { Token } from '../syntax/ast';
import type { IndexedFile } from '../workspace/model';
import type { DeploymentView, HostView } from '../workspace/views';
import { quotedList } from './ml2Helpers';
import type { Finding, Rule } from './rule';

/**
 * external_network_bridge set (before Stein): the L3 agent plugs router
 * gateway ports straight into that bridge, untagged, instead of following
 * bridge_mappings. Judged against this host's mappings and the deployment's
 * declarations:
 * - the bridge carries a physnet that only has flat networks: a flat
 *   external network there works; the option is merely obsolete (information);
 * - it carries a physnet with VLAN ranges only: VLAN external networks lose
 *   their tag (error); with both, a VLAN one does (warning);
 * - it carries no physnet of this host: external networks on the host's
 *   provider bridges pass no traffic (warning).
 * Which network is external is API state, which no file shows.
 */
export const externalNetworkBridgeSet: Rule = {
  codes: ['external-network-bridge-set'],
  scope: 'deployment',
  reads: (kind) => (kind === 'l3-agent' ? ['declarations'] : []),
  check({ file, host, deployment }) {
    const value = externalNetworkBridgeValue(file);
    if (!value) return [];
    const bridge = value.text.trim();
    const finding = (message: string, severity?: Finding['severity']): Finding[] => [
      { code: 'external-network-bridge-set', range: value.range, message, ...(severity ? { severity } : {}), data: { value: value.text } },
    ];
    const lead = `external_network_bridge is "${value.text}": before Stein the L3 agent plugs router gateway ports straight into that bridge, untagged, bypassing bridge_mappings.`;
    const tail = 'Leave the value empty so that gateways follow bridge_mappings (the option was removed in Stein; later releases ignore it).';
    const wiring = hostWiring(host);
    if (!wiring || !deployment || deployment.ml2Files.length === 0 || deployment.vlan.open) {
      return finding(`${lead} A VLAN external network, or a flat one on another bridge, passes no traffic. ${tail}`);
    }
    const physnets = wiring.get(bridge) ?? [];
    if (physnets.length === 0) {
      const elsewhere = [...wiring].map(([b, ps]) => `${quotedList(ps)} on "${b}"`).join('; ');
      return finding(
        `${lead} On ${file.host.name}, bridge_mappings gives "${bridge}" to no physical network (${elsewhere}), so an external network on a flat or VLAN provider network passes no traffic. ${tail}`,
      );
    }
    const kinds = physnets.map((p) => ({ physnet: p, flat: allowsFlat(deployment, p), vlan: deployment.vlan.names.has(p) }));
    const vlanOnly = kinds.filter((k) => k.vlan && !k.flat).map((k) => k.physnet);
    const both = kinds.filter((k) => k.vlan && k.flat).map((k) => k.physnet);
    if (vlanOnly.length) {
      return finding(
        `${lead} "${bridge}" carries ${quotedList(vlanOnly)}, which the deployment declares for VLAN networks only: an external network there loses its VLAN tag at the gateway, so routers get no external traffic. ${tail}`,
        'error',
      );
    }
    if (both.length) {
      return finding(`${lead} "${bridge}" carries ${quotedList(both)}: a flat external network there works, a VLAN one loses its tag at the gateway and passes no traffic. ${tail}`);
    }
    return finding(
      `${lead} "${bridge}" is also the bridge of ${quotedList(physnets)}, which carries flat networks only, so a flat external network there works: the gateway port sits untagged on "${bridge}" either way. The setting is obsolete: ${tail.charAt(0).toLowerCase()}${tail.slice(1)}`,
      'information',
    );
  },
};

/**
 * The external_network_bridge value this rule reports, whatever the hosts
 * say: the option catalogue's findings on the same line give way to it, and
 * they depend on the file alone.
 */
export function externalNetworkBridgeValue(file: IndexedFile): Token | undefined {
  if (file.kind !== 'l3-agent') return undefined;
  // From Stein on the agent ignores the option: the line is dead, which removed-option says.
  const release = parseRelease(file.folder.settings.release);
  if (release && isAtOrAfter(release, 'stein')) return undefined;
  const fact = (file.facts as L3AgentFacts).externalNetworkBridge;
  if (!fact || fact.templated) return undefined;
  const value = fact.option.value;
  return value.text.trim() === '' ? undefined : value;
}

/** This host's bridges → the physnets its agents map to them; undefined when nothing maps (or a mapping is templated). */
function hostWiring(host: HostView): Map<string, string[]> | undefined {
  const wiring = new Map<string, string[]>();
  for (const agent of host.agentFiles) {
    const mappings = ovsAgentFactsOf(agent.facts)?.bridgeMappings;
    if (!mappings) continue;
    if (mappings.templated) return undefined;
    for (const m of mappings.mappings) {
      if (m.templated) return undefined;
      const list = wiring.get(m.bridge.text) ?? [];
      if (!list.includes(m.physnet.text)) list.push(m.physnet.text);
      wiring.set(m.bridge.text, list);
    }
  }
  return wiring.size ? wiring : undefined;
}

/** Whether flat networks may use the physnet (flat_networks names it, is `*` or left at its default). */
function allowsFlat(deployment: DeploymentView, physnet: string): boolean {
  return deployment.flat.open || deployment.flat.names.has(physnet);
}
