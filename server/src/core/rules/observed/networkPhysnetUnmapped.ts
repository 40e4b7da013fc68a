import type { ProviderNetwork } from '../../captures/model';
import type { Finding, Rule } from '../rule';
import type { DeploymentView } from '../../workspace/views';

/**
 * A provider network captured from the running cloud (`openstack network
 * show`) must land somewhere: its physical network mapped by some host of
 * the deployment, and allowed by the ML2 configuration for its type. Judged
 * on the capture, against the deployment's files and captures.
 */
export const networkPhysnetUnmapped: Rule = {
  codes: ['network-physnet-unmapped'],
  scope: 'deployment',
  reads: (kind) => (kind === 'capture' ? ['declarations', 'agents', 'captures'] : []),
  check({ file, deployment }) {
    if (file.facts.kind !== 'capture' || !deployment) return [];
    const findings: Finding[] = [];
    for (const network of file.facts.networks) {
      const finding = judge(network, deployment);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

function judge(network: ProviderNetwork, deployment: DeploymentView): Finding | undefined {
  const type = network.networkType?.text;
  const physnet = network.physicalNetwork;
  if ((type !== 'flat' && type !== 'vlan') || !physnet) return undefined;
  const name = network.name ?? network.id ?? 'this network';
  const data = { physnet: physnet.text, networkType: type };
  if (type === 'flat' && !deployment.flat.open && deployment.ml2Files.length > 0 && !deployment.flat.names.has(physnet.text)) {
    const allowed = [...deployment.flat.names.keys()];
    return {
      code: 'network-physnet-unmapped',
      range: physnet.range,
      message:
        `Network "${name}" is flat on physical network "${physnet.text}", which flat_networks of this deployment does not allow (${allowed.length ? allowed.map((p) => `"${p}"`).join(', ') : 'it allows none'}). ` +
        `neutron-server would refuse to create it now: the ML2 configuration changed since, or the servers run with another one.`,
      data,
      related: deployment.ml2Files.slice(0, 1).map((f) => ({ uri: f.uri, range: f.facts.kind === 'ml2' && f.facts.flatNetworks ? f.facts.flatNetworks.option.range : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'flat_networks' })),
    };
  }
  if (type === 'vlan' && !deployment.vlan.open && deployment.ml2Files.length > 0 && !deployment.vlan.names.has(physnet.text)) {
    return {
      code: 'network-physnet-unmapped',
      range: physnet.range,
      message:
        `Network "${name}" is a VLAN network on physical network "${physnet.text}", which network_vlan_ranges of this deployment does not list. ` +
        `neutron-server would refuse to create it now: the ML2 configuration changed since, or the servers run with another one.`,
      data,
    };
  }
  // Whether any host maps it: known only when some host's mappings are in the workspace, none of them templated.
  const mappers = deployment.physnetMappers;
  const agentsKnown = mappers.files > 0 && !mappers.open;
  const observed = deployment.observedMapped;
  if (!agentsKnown && observed.size === 0) return undefined;
  if (mappers.open || mappers.maps(physnet.text) || observed.has(physnet.text)) return undefined;
  return {
    code: 'network-physnet-unmapped',
    range: physnet.range,
    message:
      `Network "${name}" (${type}) uses physical network "${physnet.text}", which no host of this deployment maps to a bridge (bridge_mappings, ovn-bridge-mappings). ` +
      `Ports on it fail to bind on every host ("binding_failed"), and the reason is logged only at DEBUG level.`,
    data,
  };
}
