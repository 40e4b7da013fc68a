import { isTemplated } from '../syntax/templates';
import type { IfcfgFacts } from '../workspace/facts';
import type { Finding, Rule } from './rule';
import { nearestNames } from '../text/nearest';

/** OVS_BRIDGE must name a bridge that an ifcfg file of an OVS bridge type creates on the same host. */
export const portBridgeUndefined: Rule = {
  codes: ['port-bridge-undefined'],
  scope: 'host',
  check({ file, host }) {
    if (file.kind !== 'ifcfg' || host.uncertain) return [];
    const facts = file.facts as IfcfgFacts;
    const assignment = facts.ovsBridge;
    if (!assignment || assignment.expands || isTemplated(assignment.value.text)) return [];
    const bridge = assignment.value.text;
    if (!bridge || host.bridges.has(bridge)) return [];
    const suggestions = nearestNames(bridge, host.bridges.keys());
    const hint = suggestions.length ? ` Did you mean "${suggestions[0]}"?` : '';
    const finding: Finding = {
      code: 'port-bridge-undefined',
      range: assignment.value.range,
      message:
        `No ifcfg file on host "${host.host.name}" creates the Open vSwitch bridge "${bridge}" (TYPE=OVSBridge with DEVICE=${bridge}). ` +
        `Bringing up "${facts.device}" first tries to bring up "${bridge}", which fails because there is no configuration for it, ` +
        `so "${facts.device}" is not attached to any bridge.${hint}`,
      data: { bridge, suggestions },
    };
    return [finding];
  },
};
