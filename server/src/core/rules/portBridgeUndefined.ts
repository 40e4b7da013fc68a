import { createsBridgeHint, sourceLabels, vocabulary } from '../network/sourceVocabulary';
import type { Finding, Rule } from './rule';
import { nearestNames } from '../text/nearest';

/**
 * A port's bridge must be created on the same host by its declared network
 * configuration. Checked for every device the file declares with an
 * attachment that is written out literally.
 */
export const portBridgeUndefined: Rule = {
  codes: ['port-bridge-undefined'],
  scope: 'host',
  check({ file, host }) {
    const contribution = file.facts.network;
    const declared = host.network.declared;
    if (contribution?.layer !== 'declared' || declared.uncertain) return [];
    const findings: Finding[] = [];
    for (const device of contribution.devices) {
      const attachment = device.bridge;
      if (!attachment?.token || !attachment.name) continue;
      const bridge = attachment.name;
      if (declared.hasBridge(bridge)) continue;
      const suggestions = nearestNames(bridge, declared.bridges.keys());
      const hint = suggestions.length ? ` Did you mean "${suggestions[0]}"?` : '';
      findings.push({
        code: 'port-bridge-undefined',
        range: attachment.token.range,
        message:
          `No ${sourceLabels(declared.sourceNames)} on host "${host.host.name}" creates the Open vSwitch bridge "${bridge}" (${createsBridgeHint(declared.sourceNames, bridge)}). ` +
          `${vocabulary(contribution.source).missingController(device.name, bridge)}${hint}`,
        data: { bridge, suggestions },
      });
    }
    return findings;
  },
};
