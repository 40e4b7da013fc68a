import { isAtOrAfter, parseRelease } from '../catalog/releases';
import type { L3AgentFacts } from '../workspace/facts';
import type { Rule } from './rule';

/** external_network_bridge must be empty for provider networks to carry router gateways (and is gone since Stein). */
export const externalNetworkBridgeSet: Rule = {
  codes: ['external-network-bridge-set'],
  scope: 'file',
  check({ file }) {
    if (file.kind !== 'l3-agent') return [];
    // From Stein on the agent ignores the option: the line is dead, which removed-option says.
    const release = parseRelease(file.folder.settings.release);
    if (release && isAtOrAfter(release, 'stein')) return [];
    const fact = (file.facts as L3AgentFacts).externalNetworkBridge;
    if (!fact || fact.templated) return [];
    const value = fact.option.value;
    if (value.text.trim() === '') return [];
    return [
      {
        code: 'external-network-bridge-set',
        range: value.range,
        message:
          `external_network_bridge is "${value.text}". Before Stein, the L3 agent plugs router gateway ports straight into that bridge, ` +
          `bypassing bridge_mappings, so a flat or VLAN provider network used as the external network passes no traffic. ` +
          `Leave the value empty. The option was removed in Stein; later releases ignore it.`,
        data: { value: value.text },
      },
    ];
  },
};
