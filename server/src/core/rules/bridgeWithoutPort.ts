import { attachesToHint, sourceLabels } from '../network/sourceVocabulary';
import { literalMappings, reservedBridges } from './bridgeMappings';
import type { Finding, Rule } from './rule';
import { ovsAgentFactsOf } from '../workspace/facts';

/**
 * A mapped bridge needs something that reaches the wire: a port, bond or
 * interface the host's declared network attaches to it. Only where the
 * bridge itself is declared; a missing bridge is bridge-undefined's finding.
 */
export const bridgeWithoutPort: Rule = {
  codes: ['bridge-without-port'],
  scope: 'host',
  check({ file, host }) {
    const declared = host.network.declared;
    if (!ovsAgentFactsOf(file.facts) || !declared.knowsBridges) return [];
    const reserved = reservedBridges(file);
    const findings: Finding[] = [];
    const reported = new Set<string>();
    for (const mapping of literalMappings(file)) {
      const bridge = mapping.bridge.text;
      const definitions = declared.bridge(bridge);
      if (definitions.length === 0 || reserved.has(bridge) || reported.has(bridge)) continue;
      if (declared.portsOf(bridge).length > 0) continue;
      reported.add(bridge);
      const definition = definitions[0];
      findings.push({
        code: 'bridge-without-port',
        range: mapping.bridge.range,
        message:
          `Bridge "${bridge}" is created by ${definition.file.renderedName}, but no ${sourceLabels(declared.sourceNames)} on host "${host.host.name}" attaches ` +
          `a port, bond or interface to it (${attachesToHint(declared.sourceNames, bridge)}). Traffic of physical network "${mapping.physnet.text}" ` +
          `reaches the bridge and goes no further: instances on that network cannot talk to the physical network from this host.`,
        data: { bridge },
        related: [{ uri: definition.file.uri, range: definition.ranges.declaration, message: `"${bridge}" is created here` }],
      });
    }
    return findings;
  },
};
