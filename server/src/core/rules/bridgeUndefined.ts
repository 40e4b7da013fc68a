import { createsBridgeHint, sourceLabels, vocabulary } from '../network/sourceVocabulary';
import { literalMappings, reservedBridges } from './bridgeMappings';
import type { Finding, Rule } from './rule';
import { ovsAgentFactsOf } from '../workspace/facts';
import { nearestNames } from '../text/nearest';

/**
 * A bridge in bridge_mappings must be created on the host by its declared
 * network configuration (ifcfg, keyfile, os-net-config…). Judged only where
 * the host has such configuration in the workspace and none of it is templated.
 */
export const bridgeUndefined: Rule = {
  codes: ['bridge-undefined'],
  scope: 'host',
  check({ file, host }) {
    const declared = host.network.declared;
    if (!ovsAgentFactsOf(file.facts) || !declared.knowsBridges) return [];
    const mappings = literalMappings(file);
    const reserved = reservedBridges(file);
    const findings: Finding[] = [];
    for (const mapping of mappings) {
      const bridge = mapping.bridge.text;
      // The agent creates its own bridges; mapping them is bridge-reserved's finding.
      if (declared.hasBridge(bridge) || reserved.has(bridge)) continue;
      const mappedElsewhere = new Set(mappings.filter((m) => m !== mapping).map((m) => m.bridge.text));
      const candidates = [...declared.bridges.keys()].filter((name) => !reserved.has(name) && !mappedElsewhere.has(name));
      const suggestions = nearestNames(bridge, candidates);
      const hostName = host.host.name;
      const physnet = mapping.physnet.text;
      // A device of that name that is not an OVS bridge: say so, it is the likelier mistake.
      const sameDevice = declared.devicesNamed(bridge)[0];
      let why: string;
      if (sameDevice) {
        const words = vocabulary(sameDevice.file.facts.network!.source);
        why =
          `${sameDevice.file.renderedName} on host "${hostName}" describes "${bridge}" with ${words.typeClause(sameDevice.sourceType)}, ` +
          `not as an Open vSwitch bridge (${words.bridgeTypes}), so the network service does not create it in Open vSwitch.`;
      } else {
        why =
          `No ${sourceLabels(declared.sourceNames)} on host "${hostName}" creates the Open vSwitch bridge "${bridge}" ` +
          `(${createsBridgeHint(declared.sourceNames, bridge)}).`;
      }
      const hint = suggestions.length ? ` Did you mean "${suggestions[0]}"?` : '';
      const finding: Finding = {
        code: 'bridge-undefined',
        range: mapping.bridge.range,
        message:
          `${why} At start-up the OVS agent on this host finds no bridge "${bridge}" for physical network "${physnet}", ` +
          `logs that it does not exist and exits.${hint}`,
        data: { bridge, suggestions },
      };
      if (sameDevice) {
        const range = sameDevice.ranges.type ?? sameDevice.ranges.declaration;
        finding.related = [{ uri: sameDevice.file.uri, range, message: `"${bridge}" is described here, but not as an OVS bridge` }];
      }
      findings.push(finding);
    }
    return findings;
  },
};
