import { isTemplated } from '../syntax/templates';
import { AGENT_LABELS, agentMappingsOf, type PhysnetMapping } from '../workspace/facts';
import type { IndexedFile } from '../workspace/model';
import { nearestNames } from '../text/nearest';
import { quotedList } from './ml2Helpers';
import type { Finding, Rule } from './rule';

/**
 * nova-compute and the SR-IOV agent of one compute host must agree on
 * physnets. nova gives a port a VF of a device whose `physical_network` is
 * the port's network's physnet; the SR-IOV mechanism driver binds the port
 * only when the host's agent maps that physnet (to the device's physical
 * function). A device_spec physnet no L2 agent of the host maps, or a devname
 * the agent maps to another physnet, leaves ports unbound on this host.
 *
 * Judged in nova.conf, only on hosts that run an SR-IOV agent (OVS hardware
 * offload whitelists devices without one) and where neither side is templated.
 */
export const sriovPhysnetMismatch: Rule = {
  codes: ['sriov-physnet-mismatch'],
  scope: 'host',
  check({ file, host }) {
    const facts = file.facts;
    if (facts.kind !== 'nova-conf' || facts.pciDeviceSpecs.length === 0) return [];
    const sriovAgents = host.l2AgentFiles.filter((f) => f.kind === 'sriov-agent');
    if (sriovAgents.length === 0) return [];
    const mapped = hostMappings(host.l2AgentFiles);
    if (!mapped) return [];
    const findings: Finding[] = [];
    const hostName = file.host.name;
    for (const spec of facts.pciDeviceSpecs) {
      const physnet = spec.physnet;
      if (!physnet || isTemplated(physnet.text)) continue;
      const devname = spec.devname?.text;
      const sriov = devname ? mapped.filter((m) => m.agent === 'sriov' && m.mapping.target.text === devname) : [];
      if (sriov.length > 0 && !sriov.some((m) => m.mapping.physnet.text === physnet.text)) {
        const agentPhysnets = [...new Set(sriov.map((m) => m.mapping.physnet.text))];
        findings.push({
          code: 'sriov-physnet-mismatch',
          range: physnet.range,
          message:
            `nova-compute on ${hostName} offers the VFs of "${devname}" on physical network "${physnet.text}", but the SR-IOV agent maps "${devname}" to ${quotedList(agentPhysnets)}. ` +
            `A port on "${physnet.text}" gets a VF of "${devname}" from nova, and the agent, which serves "${devname}" for ${quotedList(agentPhysnets)} only, never binds it: the instance fails to boot with "Binding failed".`,
          data: { physnet: physnet.text, devname, agentPhysnets, suggestions: agentPhysnets },
          related: sriov.map(({ file: agentFile, mapping }) => ({
            uri: agentFile.uri,
            range: mapping.entry.range,
            message: `the SR-IOV agent maps "${devname}" to "${mapping.physnet.text}"`,
          })),
        });
        continue;
      }
      if (mapped.some((m) => m.mapping.physnet.text === physnet.text)) continue;
      const agentPhysnets = [...new Set(mapped.map((m) => m.mapping.physnet.text))];
      findings.push({
        code: 'sriov-physnet-mismatch',
        range: physnet.range,
        message:
          `nova-compute on ${hostName} offers PCI devices on physical network "${physnet.text}", but no L2 agent of this host maps it ` +
          `(its agents map ${agentPhysnets.length ? quotedList(agentPhysnets) : 'none'}). nova schedules SR-IOV ports on "${physnet.text}" here, and they fail to bind.`,
        data: { physnet: physnet.text, agentPhysnets, suggestions: nearestNames(physnet.text, agentPhysnets) },
        related: sriovAgents.map((agentFile) => {
          const option = agentMappingsOf(agentFile.facts)[0]?.fact.option;
          return {
            uri: agentFile.uri,
            range: option?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            message: option ? `physical_device_mappings on ${hostName}` : `the ${AGENT_LABELS.sriov} on ${hostName} sets no physical_device_mappings`,
          };
        }),
      });
    }
    return findings;
  },
};

interface HostMapping {
  file: IndexedFile;
  agent: 'openvswitch' | 'linuxbridge' | 'sriov';
  mapping: PhysnetMapping;
}

/** Every literal mapping of the host's L2 agents; undefined when some is templated (the host's physnets are not all known). */
function hostMappings(agentFiles: readonly IndexedFile[]): HostMapping[] | undefined {
  const out: HostMapping[] = [];
  for (const file of agentFiles) {
    for (const option of agentMappingsOf(file.facts)) {
      if (option.fact.templated) return undefined;
      for (const mapping of option.fact.mappings) {
        if (mapping.templated) return undefined;
        out.push({ file, agent: option.agent, mapping });
      }
    }
  }
  return out;
}
