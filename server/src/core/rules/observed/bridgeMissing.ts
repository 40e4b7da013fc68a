import { literalMappings, reservedBridges } from '../bridgeMappings';
import type { Finding, Rule } from '../rule';
import { nearestNames } from '../../text/nearest';
import { captureName, changedAfterCapture, ovsdbCaptures, ovsdbStart, relatedAt } from './observedHelpers';

/**
 * A bridge the host maps must be in its OVSDB. Judged where the host has an
 * `ovs-vsctl show` capture: for the OVS agent's bridge_mappings (in the
 * agent's file) and for OVN's ovn-bridge-mappings (in the OVSDB capture of
 * `ovs-vsctl list Open_vSwitch`).
 */
export const observedBridgeMissing: Rule = {
  codes: ['observed-bridge-missing'],
  scope: 'host',
  check(context) {
    const { file, host } = context;
    const observed = host.network.observed;
    const captures = ovsdbCaptures(observed);
    if (captures.length === 0) return [];
    const capture = captures[0];
    const facts = file.facts;
    const mappings =
      facts.kind === 'capture'
        ? (facts.ovnBridgeMappings?.mappings ?? []).map((m) => ({ physnet: m.physnet, bridge: m.bridge, ovn: true }))
        : literalMappings(file).map((m) => ({ physnet: m.physnet, bridge: m.bridge, ovn: false }));
    const findings: Finding[] = [];
    // Suggestions: bridges OVSDB has that nothing else maps and the agent does not keep for itself.
    const taken = new Set([...mappings.map((m) => m.bridge.text), ...reservedBridges(file).keys(), 'br-int', 'br-tun']);
    const candidates = [...observed.bridges.keys()].filter((name) => !taken.has(name));
    for (const { physnet, bridge, ovn } of mappings) {
      if (observed.hasBridge(bridge.text)) continue;
      const suggestions = nearestNames(bridge.text, candidates);
      const hint = suggestions.length ? ` The capture has "${suggestions[0]}".` : '';
      const effect = ovn
        ? `ovn-controller has no bridge to patch physical network "${physnet.text}" into, so ports of provider networks on it have no connectivity on this host.`
        : `When it was taken, the OVS agent on this host could not have been running with this mapping: at start-up it logs that bridge "${bridge.text}" for physical network "${physnet.text}" does not exist and exits.`;
      findings.push({
        code: 'observed-bridge-missing',
        range: bridge.range,
        message: `The OVSDB of host "${host.host.name}" (${captureName(capture)}) has no bridge "${bridge.text}". ${effect}${hint}${changedAfterCapture(context, file, capture)}`,
        data: { bridge: bridge.text, suggestions },
        related: [relatedAt(capture, ovsdbStart(capture), `What OVSDB holds on "${host.host.name}"`)],
      });
    }
    return findings;
  },
};
