import type { IfcfgFacts } from '../workspace/facts';
import { literalMappings, reservedBridges } from './bridgeMappings';
import type { Finding, Rule } from './rule';

/**
 * A mapped bridge needs something that reaches the wire: an ifcfg file on
 * the host with OVS_BRIDGE naming it (a port, bond or internal port).
 * Only where the bridge's own ifcfg file exists; a missing bridge is
 * bridge-undefined's finding.
 */
export const bridgeWithoutPort: Rule = {
  codes: ['bridge-without-port'],
  scope: 'host',
  check({ file, host }) {
    if (file.kind !== 'ovs-agent' || !host.knowsBridges) return [];
    const reserved = reservedBridges(file);
    const findings: Finding[] = [];
    const reported = new Set<string>();
    for (const mapping of literalMappings(file)) {
      const bridge = mapping.bridge.text;
      const bridgeFiles = host.bridges.get(bridge);
      if (!bridgeFiles || reserved.has(bridge) || reported.has(bridge)) continue;
      // A bridge file naming itself in OVS_BRIDGE attaches nothing.
      const ports = (host.portsByBridge.get(bridge) ?? []).filter((f) => (f.facts as IfcfgFacts).device !== bridge);
      if (ports.length > 0) continue;
      reported.add(bridge);
      const bridgeFile = bridgeFiles[0];
      const facts = bridgeFile.facts as IfcfgFacts;
      const at = facts.deviceAssignment ?? facts.typeAssignment;
      findings.push({
        code: 'bridge-without-port',
        range: mapping.bridge.range,
        message:
          `Bridge "${bridge}" is created by ${bridgeFile.renderedName}, but no ifcfg file on host "${host.host.name}" attaches ` +
          `a port, bond or interface to it (OVS_BRIDGE=${bridge}). Traffic of physical network "${mapping.physnet.text}" ` +
          `reaches the bridge and goes no further: instances on that network cannot talk to the physical network from this host.`,
        data: { bridge },
        related: [
          {
            uri: bridgeFile.uri,
            range: at?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            message: `"${bridge}" is created here`,
          },
        ],
      });
    }
    return findings;
  },
};
