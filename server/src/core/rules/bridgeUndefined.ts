import type { IfcfgFacts } from '../workspace/facts';
import { OVS_BRIDGE_TYPES } from '../workspace/facts';
import { literalMappings, reservedBridges } from './bridgeMappings';
import type { Finding, Rule } from './rule';
import { nearestNames } from '../text/nearest';

/**
 * A bridge in bridge_mappings must be created on the host, here by an ifcfg
 * file of an OVS bridge type. Judged only where the host's ifcfg files are
 * in the workspace and none of them is templated.
 */
export const bridgeUndefined: Rule = {
  codes: ['bridge-undefined'],
  scope: 'host',
  check({ file, host }) {
    if (file.kind !== 'ovs-agent' || !host.knowsBridges) return [];
    const mappings = literalMappings(file);
    const reserved = reservedBridges(file);
    const findings: Finding[] = [];
    for (const mapping of mappings) {
      const bridge = mapping.bridge.text;
      // The agent creates its own bridges; mapping them is bridge-reserved's finding.
      if (host.bridges.has(bridge) || reserved.has(bridge)) continue;
      const mappedElsewhere = new Set(mappings.filter((m) => m !== mapping).map((m) => m.bridge.text));
      const candidates = [...host.bridges.keys()].filter((name) => !reserved.has(name) && !mappedElsewhere.has(name));
      const suggestions = nearestNames(bridge, candidates);
      const hostName = host.host.name;
      const physnet = mapping.physnet.text;
      // An ifcfg file for the device that is not an OVS bridge: say so, it is the likelier mistake.
      const sameDevice = host.ifcfgFiles.find((f) => (f.facts as IfcfgFacts).device === bridge);
      const sameDeviceType = sameDevice && (sameDevice.facts as IfcfgFacts).type;
      const why = sameDevice
        ? `${sameDevice.renderedName} on host "${hostName}" describes "${bridge}" with ` +
          (sameDeviceType === undefined ? 'no TYPE' : `TYPE=${sameDeviceType}`) +
          `, not as an Open vSwitch bridge (TYPE=${OVS_BRIDGE_TYPES.join(' or TYPE=')}), so the network service does not create it in Open vSwitch.`
        : `No ifcfg file on host "${hostName}" creates the Open vSwitch bridge "${bridge}" (TYPE=OVSBridge with DEVICE=${bridge}).`;
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
        const at = (sameDevice.facts as IfcfgFacts).typeAssignment ?? (sameDevice.facts as IfcfgFacts).deviceAssignment;
        const range = at?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        finding.related = [{ uri: sameDevice.uri, range, message: `"${bridge}" is described here, but not as an OVS bridge` }];
      }
      findings.push(finding);
    }
    return findings;
  },
};
