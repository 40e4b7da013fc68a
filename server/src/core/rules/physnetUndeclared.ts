import type { OvsAgentFacts } from '../workspace/facts';
import type { Finding, Rule } from './rule';
import { nearestNames } from './suggest';

/** A physnet an agent maps must be one the deployment's ML2 configuration allows. */
export const physnetUndeclared: Rule = {
  codes: ['physnet-undeclared'],
  check({ file, deployment }) {
    if (file.kind !== 'ovs-agent' || !deployment || deployment.ml2Files.length === 0) return [];
    const mappings = (file.facts as OvsAgentFacts).bridgeMappings;
    if (!mappings || mappings.templated) return [];
    const findings: Finding[] = [];
    for (const mapping of mappings.mappings) {
      const physnet = mapping.physnet.text;
      if (mapping.templated || deployment.allows(physnet)) continue;
      const suggestions = nearestNames(physnet, deployment.declaredNames());
      const hint = suggestions.length ? ` Did you mean "${suggestions[0]}"?` : '';
      findings.push({
        code: 'physnet-undeclared',
        range: mapping.physnet.range,
        message:
          `Physical network "${physnet}" is not declared in the ML2 configuration (neither in flat_networks nor in network_vlan_ranges). ` +
          `Networks on it cannot be created, and ports on this host will never bind to it.${hint}`,
        data: { physnet, suggestions },
        related: deployment.ml2Files.map((ml2) => ({
          uri: ml2.uri,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          message: 'ML2 configuration of this deployment',
        })),
      });
    }
    return findings;
  },
};
