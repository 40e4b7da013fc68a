import { isAtOrAfter, parseRelease } from '../../catalog/releases';
import type { ListedAgent, ProviderNetwork } from '../../captures/model';
import type { IndexedFile } from '../../workspace/model';
import type { DeploymentView } from '../../workspace/views';
import type { Finding, Rule } from '../rule';

const OVN_CONTROLLER = 'OVN Controller agent';
const OVN_GATEWAY = 'OVN Controller Gateway agent';

/**
 * ML2/OVN schedules a router's gateway port only on gateway chassis
 * (`ovn-cms-options=enable-chassis-as-gw`) that map the external network's
 * physnet: since 2024.1 (neutron 24.0.0, OVNClient.get_candidates_for_scheduling)
 * there is no fallback, so an external flat or VLAN network with no such
 * chassis gives every router on it a gateway that never binds. Before 2024.1
 * neutron fell back to any chassis mapping the physnet, so the rule needs
 * neutronConfig.release. Judged on a captured external network against the
 * deployment's captured `openstack network agent list` (the servers' whole
 * list of chassis) and, for the physnets, the gateway agents' own reports.
 */
export const ovnGatewayMissing: Rule = {
  codes: ['ovn-gateway-missing'],
  scope: 'deployment',
  reads: (kind) => (kind === 'capture' ? ['declarations', 'captures'] : []),
  check({ file, deployment }) {
    if (file.facts.kind !== 'capture' || !deployment || file.facts.networks.length === 0) return [];
    const release = parseRelease(file.folder.settings.release);
    if (!release || !isAtOrAfter(release, '2024.1')) return [];
    const chassis = listedChassis(deployment);
    if (!chassis) return [];
    const findings: Finding[] = [];
    for (const network of file.facts.networks) {
      const finding = judge(network, chassis, deployment);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

interface Chassis {
  /** The capture holding the list, and where the list stands. */
  file: IndexedFile;
  range: Finding['range'];
  gateways: ListedAgent[];
}

/** The OVN chassis of the first agent list that has any (the lists of one deployment show the same servers' view). */
function listedChassis(deployment: DeploymentView): Chassis | undefined {
  for (const file of deployment.captureFiles) {
    if (file.facts.kind !== 'capture') continue;
    for (const list of file.facts.agentLists) {
      const ovn = list.agents.filter((a) => a.agentType === OVN_CONTROLLER || a.agentType === OVN_GATEWAY);
      if (ovn.length > 0) return { file, range: list.range, gateways: ovn.filter((a) => a.agentType === OVN_GATEWAY) };
    }
  }
  return undefined;
}

function judge(network: ProviderNetwork, chassis: Chassis, deployment: DeploymentView): Finding | undefined {
  const type = network.networkType?.text;
  const physnet = network.physicalNetwork;
  if (network.external !== true || (type !== 'flat' && type !== 'vlan') || !physnet) return undefined;
  const name = network.name ?? network.id ?? 'this network';
  const related = [{ uri: chassis.file.uri, range: chassis.range, message: 'openstack network agent list' }];
  const data = { physnet: physnet.text, network: name };
  if (chassis.gateways.length === 0) {
    return {
      code: 'ovn-gateway-missing',
      range: physnet.range,
      message:
        `External network "${name}" (${type} on "${physnet.text}") has no gateway chassis to carry its routers: the agent list shows OVN controllers but no "${OVN_GATEWAY}". ` +
        `Since 2024.1 neutron schedules router gateway ports only on chassis with ovn-cms-options=enable-chassis-as-gw, so every router gateway on this network stays unbound and carries no traffic. ` +
        `Set enable-chassis-as-gw on the network or controller nodes that map "${physnet.text}".`,
      data,
      related,
    };
  }
  // Which physnets the gateways map: known only when every gateway reported its bridge-mappings (openstack network agent show).
  const mappings = gatewayMappings(deployment, chassis.gateways);
  if (!mappings || mappings.some((m) => m.has(physnet.text))) return undefined;
  const hosts = chassis.gateways.map((g) => g.host?.text ?? '?');
  return {
    code: 'ovn-gateway-missing',
    range: physnet.range,
    message:
      `External network "${name}" is on "${physnet.text}", which none of the gateway chassis (${hosts.join(', ')}) maps in its ovn-bridge-mappings: ` +
      `since 2024.1 neutron schedules a router gateway port only on a gateway chassis that maps the network's physnet, so router gateways on this network stay unbound. ` +
      `Map "${physnet.text}" to a bridge on the gateway chassis, or make the chassis that map it gateways.`,
    data,
    related,
  };
}

/** The bridge mappings each listed gateway reports, or undefined when one of them did not report its own in the workspace. */
function gatewayMappings(deployment: DeploymentView, gateways: ListedAgent[]): Map<string, string>[] | undefined {
  const reported = new Map<string, Map<string, string>>();
  for (const file of deployment.captureFiles) {
    if (file.facts.kind !== 'capture') continue;
    for (const agent of file.facts.agents) {
      if (agent.agentType === OVN_GATEWAY && agent.host && agent.bridgeMappings) reported.set(agent.host.text, agent.bridgeMappings);
    }
  }
  const out: Map<string, string>[] = [];
  for (const gateway of gateways) {
    const mappings = gateway.host && reported.get(gateway.host.text);
    if (!mappings) return undefined;
    out.push(mappings);
  }
  return out;
}
