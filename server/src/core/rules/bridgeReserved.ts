import { ovsAgentFactsOf } from '../workspace/facts';
import { literalMappings, reservedBridges } from './bridgeMappings';
import type { Finding, Rule } from './rule';

/** A physical network must get a bridge of its own, never the agent's integration or tunnel bridge. */
export const bridgeReserved: Rule = {
  codes: ['bridge-reserved'],
  scope: 'file',
  check({ file }) {
    const mappings = literalMappings(file);
    if (mappings.length === 0) return [];
    const reserved = reservedBridges(file);
    const facts = ovsAgentFactsOf(file.facts)!;
    const findings: Finding[] = [];
    for (const mapping of mappings) {
      const bridge = mapping.bridge.text;
      const role = reserved.get(bridge);
      if (!role) continue;
      const setBy = role.explicit ? `set by ${role.option}` : `the default of ${role.option}`;
      const what =
        role.role === 'integration'
          ? `"${bridge}" is this agent's integration bridge (${setBy}), where every instance port is plugged.`
          : `"${bridge}" is this agent's tunnel bridge (${setBy}), which carries VXLAN/GRE/Geneve traffic.`;
      const finding: Finding = {
        code: 'bridge-reserved',
        range: mapping.bridge.range,
        message:
          `${what} The agent creates and programs that bridge itself; setting it up a second time as the provider bridge of ` +
          `physical network "${mapping.physnet.text}" adds patch ports and provider flows to it, which breaks the agent's own ` +
          `wiring on this host. Map "${mapping.physnet.text}" to a bridge of its own (such as br-ex) that holds the physical interface.`,
        data: { bridge, role: role.role },
      };
      const option = role.role === 'integration' ? facts.integrationBridge.option : facts.tunnelBridge.option;
      if (option) finding.related = [{ uri: file.uri, range: option.value.range, message: `${role.option} is set here` }];
      findings.push(finding);
    }
    return findings;
  },
};
