import type { BridgeMapping } from '../workspace/facts';
import { literalMappings } from './bridgeMappings';
import type { Finding, Rule } from './rule';

/** Each bridge may serve one physical network: the agent refuses bridge_mappings that repeat a bridge. */
export const bridgeSharedByPhysnets: Rule = {
  codes: ['bridge-shared-by-physnets'],
  scope: 'file',
  check({ file }) {
    const mappings = literalMappings(file);
    const findings: Finding[] = [];
    // Per bridge, its first entry and the first entry after it with another physnet: enough to find,
    // for any later entry, the first earlier one on its bridge with a physnet other than its own (linear, not quadratic).
    const earlier = new Map<string, { first: BridgeMapping; other?: BridgeMapping }>();
    mappings.forEach((mapping) => {
      const seen = earlier.get(mapping.bridge.text);
      const otherPhysnet = seen !== undefined && seen.first.physnet.text !== mapping.physnet.text;
      // An entry repeated as a whole is physnet-mapped-twice's finding: look for another physnet on this bridge.
      const first = otherPhysnet ? seen.first : seen?.other;
      if (!seen) earlier.set(mapping.bridge.text, { first: mapping });
      else if (otherPhysnet) seen.other ??= mapping;
      if (!first) return;
      const bridge = mapping.bridge.text;
      findings.push({
        code: 'bridge-shared-by-physnets',
        range: mapping.bridge.range,
        message:
          `Bridge "${bridge}" is already mapped to physical network "${first.physnet.text}" earlier in bridge_mappings; ` +
          `one bridge can carry only one physical network. The OVS agent refuses the list because its bridges are not unique, ` +
          `and exits at start-up. Give "${mapping.physnet.text}" a bridge of its own, or remove this entry.`,
        data: { bridge, physnet: mapping.physnet.text, firstPhysnet: first.physnet.text },
        related: [{ uri: file.uri, range: first.bridge.range, message: `"${bridge}" first mapped here, to "${first.physnet.text}"` }],
      });
    });
    return findings;
  },
};
