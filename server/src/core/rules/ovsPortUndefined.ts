import { nearestNames } from '../text/nearest';
import type { Finding, Rule } from './rule';

/**
 * NetworkManager puts an interface on an Open vSwitch bridge through an
 * ovs-port profile (nm-openvswitch(7)): an ethernet, bond or ovs-interface
 * profile with `port-type=ovs-port` names that port as its controller. The
 * port must be a profile of the same host, by interface name or UUID.
 */
export const ovsPortUndefined: Rule = {
  codes: ['ovs-port-undefined'],
  scope: 'host',
  check({ file, host }) {
    const contribution = file.facts.network;
    const declared = host.network.declared;
    if (contribution?.layer !== 'declared' || declared.uncertain) return [];
    const findings: Finding[] = [];
    for (const device of contribution.devices) {
      const port = device.port;
      if (!port?.token || !port.name) continue;
      if (declared.devicesNamed(declared.resolve(port.name)).some((d) => d.role === 'ovs-port')) continue;
      const ports = [...declared.devices()].filter((d) => d.role === 'ovs-port').map((d) => d.name);
      const suggestions = nearestNames(port.name, new Set(ports));
      const hint = suggestions.length ? ` Did you mean "${suggestions[0]}"?` : '';
      findings.push({
        code: 'ovs-port-undefined',
        range: port.token.range,
        message:
          `No NetworkManager profile on host "${host.host.name}" is the ovs-port "${port.name}" (type=ovs-port with interface-name=${port.name}, or that connection's UUID). ` +
          `NetworkManager activates "${device.name}" only once its controller is active, so "${device.name}" stays down and reaches no bridge.${hint}`,
        data: { bridge: port.name, suggestions },
      });
    }
    return findings;
  },
};
