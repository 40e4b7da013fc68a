import type { Rule } from '../rule';
import { captureName, changedAfterCapture, ovsdbCaptures, relatedAt } from './observedHelpers';

/**
 * A port the host's configuration attaches to an OVS bridge (ifcfg
 * OVS_BRIDGE, a keyfile ovs-port, an os-net-config member) must be on that
 * bridge in its OVSDB capture. Reported in the configuration file, at the
 * attachment.
 */
export const observedPortMissing: Rule = {
  codes: ['observed-port-missing'],
  scope: 'host',
  check(context) {
    const { file, host } = context;
    const contribution = host.network.contributionOf(file);
    if (!contribution || contribution.layer !== 'declared' || contribution.uncertain) return [];
    const observed = host.network.observed;
    const captures = ovsdbCaptures(observed);
    if (captures.length === 0) return [];
    const declared = host.network.declared;
    return contribution.devices.flatMap((device) => {
      // os-net-config's nicN names the host resolves at run time; OVSDB shows the kernel's names.
      if (!device.bridge || device.abstractName) return [];
      // A mapped nicN only when the ip capture shows the NIC: os-net-config ignores an entry naming one the host lacks.
      if (device.nicAlias && !host.network.nics.isListed(device.name)) return [];
      const bridge = declared.resolve(device.bridge.name);
      if (bridge === device.name || device.role === 'ovs-bridge' || device.role === 'linux-bridge') return [];
      // Only attachments to a bridge the OVSDB has: a missing bridge is its own finding.
      if (!observed.hasBridge(bridge)) return [];
      const seen = observed.devicesNamed(device.name).filter((d) => d.bridge && d.file.facts.network?.source === 'ovs-vsctl-show');
      if (seen.some((d) => d.bridge!.name === bridge)) return [];
      const capture = seen[0]?.file ?? captures[0];
      const elsewhere = seen.map((d) => d.bridge!.name);
      const named = device.nicAlias ? `"${device.name}" ("${device.nicAlias}", by the host's os-net-config mapping file)` : `"${device.name}"`;
      const state = elsewhere.length
        ? `shows "${device.name}" on bridge "${elsewhere[0]}" instead`
        : `shows "${device.name}" on no bridge`;
      return [
        {
          code: 'observed-port-missing' as const,
          range: device.bridge.token?.range ?? device.ranges.name,
          message:
            `This configuration attaches ${named} to "${bridge}", but the OVSDB of host "${host.host.name}" (${captureName(capture)}) ${state}: ` +
            `traffic of the networks mapped to "${bridge}" does not leave the host through it. The interface was not brought up with this configuration (ifup, nmcli or os-net-config not run since), or something moved it.${changedAfterCapture(context, file, capture)}`,
          data: { device: device.name, bridge, observedBridge: elsewhere[0] },
          related: [relatedAt(capture, seen[0]?.ranges.definition ?? observed.bridge(bridge)[0].ranges.definition, seen.length ? `"${device.name}" as OVSDB holds it` : `"${bridge}" as OVSDB holds it`)],
        },
      ];
    });
  },
};
