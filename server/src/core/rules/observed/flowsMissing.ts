import type { VlanFlow } from '../../captures/model';
import type { BridgeOpenflow } from '../../network/hostNetwork';
import { agentPatchPair } from '../../network/patchPorts';
import { literalMappings } from '../bridgeMappings';
import type { Finding, Rule } from '../rule';
import { ovsAgentFactsOf } from '../../workspace/facts';
import type { IndexedFile } from '../../workspace/model';
import type { HostView } from '../../workspace/views';
import { captureName, firstLineOf } from './observedHelpers';

/**
 * The OVS agent provisions a provider network on a host in two halves: on
 * the integration bridge, traffic arriving from `int-<bridge>` gets the
 * network's local VLAN (`mod_vlan_vid:N`); on the mapped bridge, traffic
 * arriving from `phy-<bridge>` with local VLAN N leaves untagged (flat:
 * `strip_vlan`) or with the segment's VLAN (`mod_vlan_vid:<segment>`). With
 * both bridges' dump-flows captured, a local VLAN one half handles and the
 * other does not is a network whose traffic goes one way only.
 */
export const observedFlowsMissing: Rule = {
  codes: ['observed-flows-missing'],
  scope: 'host',
  kinds: ['capture'],
  check({ file, host }) {
    if (file.kind !== 'capture') return [];
    return flowProblems(host).filter((p) => p.file === file).map((p) => p.finding);
  },
};

const cache = new WeakMap<HostView, { file: IndexedFile; finding: Finding }[]>();

function flowProblems(host: HostView): { file: IndexedFile; finding: Finding }[] {
  let problems = cache.get(host);
  if (problems) return problems;
  problems = [];
  cache.set(host, problems);
  const observed = host.network.observed;
  for (const agentFile of host.agentFiles) {
    const agent = ovsAgentFactsOf(agentFile.facts)!;
    const integration = agent.integrationBridge.name;
    const intFlows = observed.openflow(integration);
    if (!intFlows?.flows.length) continue;
    const mappings = literalMappings(agentFile);
    for (const mapping of mappings) {
      const bridge = mapping.bridge.text;
      const phyFlows = observed.openflow(bridge);
      if (!phyFlows?.flows.length || bridge === integration) continue;
      const names = agentPatchPair(bridge);
      const fromInt = portMatcher(intFlows, names.integration, mappings.length === 1);
      const fromPhy = portMatcher(phyFlows, names.physical, true);
      if (!fromInt || !fromPhy) continue;
      // br-int: traffic from the physical network gets local VLAN N.
      const tagged = new Map<number, VlanFlow>();
      for (const flow of allFlows(intFlows)) {
        if (flow.setsVlan !== undefined && (flow.matchUntagged || flow.matchVlan !== undefined) && fromInt(flow.inPort)) tagged.set(flow.setsVlan, flow);
      }
      // The mapped bridge: local VLAN N from br-int leaves untagged or with the segment's VLAN.
      const untagged = new Map<number, VlanFlow>();
      for (const flow of allFlows(phyFlows)) {
        if (flow.matchVlan !== undefined && (flow.strips || flow.setsVlan !== undefined) && fromPhy(flow.inPort)) untagged.set(flow.matchVlan, flow);
      }
      const intCapture = intFlows.flows[0];
      const phyCapture = phyFlows.flows[0];
      for (const [vlan, flow] of tagged) {
        if (untagged.has(vlan)) continue;
        problems.push({
          file: phyCapture.file,
          finding: {
            code: 'observed-flows-missing',
            range: firstLineOf(phyCapture.file, phyCapture.section.range),
            message:
              `"${integration}" tags traffic from "${names.integration}" with local VLAN ${vlan} (${captureName(intCapture.file)}), but "${bridge}" has no flow that takes local VLAN ${vlan} from "${names.physical}" out to the network (strip_vlan or mod_vlan_vid): ` +
              `instances on that network receive, but what they send is dropped on "${bridge}". The agent has not finished wiring the network on host "${host.host.name}" (see its log), or the capture was taken mid-way.`,
            data: { bridge, localVlan: vlan },
            related: [{ uri: intCapture.file.uri, range: flow.range, message: `"${integration}" tags with local VLAN ${vlan} here` }],
          },
        });
      }
      for (const [vlan, flow] of untagged) {
        if (tagged.has(vlan)) continue;
        problems.push({
          file: intCapture.file,
          finding: {
            code: 'observed-flows-missing',
            range: firstLineOf(intCapture.file, intCapture.section.range),
            message:
              `"${bridge}" sends local VLAN ${vlan} from "${names.physical}" out to the network (${captureName(phyCapture.file)}), but "${integration}" has no flow that tags traffic from "${names.integration}" with local VLAN ${vlan} (mod_vlan_vid): ` +
              `what instances on that network send leaves the host, but replies never reach them. The agent has not finished wiring the network on host "${host.host.name}" (see its log), or the capture was taken mid-way.`,
            data: { bridge, localVlan: vlan },
            related: [{ uri: phyCapture.file.uri, range: flow.range, message: `"${bridge}" handles local VLAN ${vlan} here` }],
          },
        });
      }
    }
  }
  return problems;
}

function* allFlows(openflow: BridgeOpenflow): IterableIterator<VlanFlow> {
  for (const { section } of openflow.flows) yield* section.vlanFlows;
}

/**
 * Whether a flow's `in_port` is the patch port: by name, or by the number
 * `ovs-ofctl show` gives it. Undefined when the number is not known and
 * other ports' flows could not be told apart (`anyPort` false).
 */
function portMatcher(openflow: BridgeOpenflow, port: string, anyPort: boolean): ((inPort: string | undefined) => boolean) | undefined {
  const number = openflow.ports.get(port)?.port.number;
  if (number !== undefined) return (inPort) => inPort === String(number) || inPort === port;
  if (anyPort) return (inPort) => inPort === undefined || /^\d+$/.test(inPort) || inPort === port;
  return (inPort) => inPort === port;
}
