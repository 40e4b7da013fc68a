import { literalMappings } from './bridgeMappings';
import type { Finding, Rule } from './rule';

/** Each physical network may appear once in bridge_mappings: the agent refuses a repeated one. */
export const physnetMappedTwice: Rule = {
  codes: ['physnet-mapped-twice'],
  scope: 'file',
  check({ file }) {
    const mappings = literalMappings(file);
    const findings: Finding[] = [];
    const firstByPhysnet = new Map<string, (typeof mappings)[number]>();
    mappings.forEach((mapping) => {
      const physnet = mapping.physnet.text;
      const first = firstByPhysnet.get(physnet);
      if (!first) {
        firstByPhysnet.set(physnet, mapping);
        return;
      }
      const same = first.bridge.text === mapping.bridge.text;
      findings.push({
        code: 'physnet-mapped-twice',
        range: mapping.physnet.range,
        message:
          `Physical network "${physnet}" is already mapped ` +
          (same ? `to the same bridge "${first.bridge.text}"` : `to bridge "${first.bridge.text}"`) +
          ` earlier in bridge_mappings. The OVS agent refuses the list because its physical networks are not unique, and exits at start-up.` +
          (same ? ' Remove this repeated entry.' : ` Keep one bridge for "${physnet}".`),
        data: { physnet, bridge: mapping.bridge.text, firstBridge: first.bridge.text },
        related: [{ uri: file.uri, range: first.physnet.range, message: `"${physnet}" first mapped here, to "${first.bridge.text}"` }],
      });
    });
    return findings;
  },
};
