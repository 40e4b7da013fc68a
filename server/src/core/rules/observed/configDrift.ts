import type { AgentReport } from '../../captures/model';
import { ovsAgentFactsOf } from '../../workspace/facts';
import type { IndexedFile } from '../../workspace/model';
import type { Finding, Rule } from '../rule';
import { captureName, changedAfterCapture, relatedAt, sameHost } from './observedHelpers';

/**
 * What the running agent reports must be what the workspace configures:
 * `openstack network agent show -f json` of a host's Open vSwitch agent
 * carries the bridge_mappings it runs with. A difference means the service
 * runs with other settings than the file says (not restarted, another file,
 * a configuration management run that has not reached the host).
 */
export const observedConfigDrift: Rule = {
  codes: ['observed-config-drift'],
  scope: 'deployment',
  reads: () => ['declarations', 'captures'],
  check(context) {
    const { file, host, deployment } = context;
    const mappings = ovsAgentFactsOf(file.facts)?.bridgeMappings;
    if (!deployment || !mappings || mappings.templated || mappings.mappings.some((m) => m.templated)) return [];
    const configured = new Map(mappings.mappings.map((m) => [m.physnet.text, m.bridge.text]));
    const findings: Finding[] = [];
    for (const { capture, report } of agentReports(deployment.captureFiles, 'Open vSwitch agent')) {
      if (!report.host || !sameHost(report.host.text, host.host.name) || !report.bridgeMappings) continue;
      const differences = compare(configured, report.bridgeMappings);
      if (differences.length === 0) continue;
      findings.push({
        code: 'observed-config-drift',
        range: mappings.option.value.range,
        message:
          `The Open vSwitch agent on "${report.host.text}" reports other bridge mappings than this file sets (${captureName(capture)}): ${differences.join('; ')}. ` +
          `It runs with settings this file does not hold: restart it after the change, or check which files it reads (--config-file).${changedAfterCapture(context, file, capture)}`,
        data: { reported: Object.fromEntries(report.bridgeMappings) },
        related: [relatedAt(capture, report.mappingsRange ?? report.range, `What the agent on "${report.host.text}" reports`)],
      });
    }
    return findings;
  },
};

/** Reports of agents of one type in the deployment's captures. */
export function agentReports(captures: readonly IndexedFile[], agentType: string): { capture: IndexedFile; report: AgentReport }[] {
  const out: { capture: IndexedFile; report: AgentReport }[] = [];
  for (const capture of captures) {
    if (capture.facts.kind !== 'capture') continue;
    for (const report of capture.facts.agents) if (report.agentType === agentType) out.push({ capture, report });
  }
  return out;
}

function compare(configured: Map<string, string>, reported: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [physnet, bridge] of configured) {
    const running = reported.get(physnet);
    if (running === undefined) out.push(`"${physnet}:${bridge}" is not in the running agent's mappings`);
    else if (running !== bridge) out.push(`"${physnet}" runs on "${running}", the file says "${bridge}"`);
  }
  for (const [physnet, bridge] of reported) if (!configured.has(physnet)) out.push(`the agent maps "${physnet}:${bridge}", which the file does not`);
  return out;
}
