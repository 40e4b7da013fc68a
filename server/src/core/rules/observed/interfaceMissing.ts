import { agentMappingsOf, AGENT_LABELS } from '../../workspace/facts';
import type { IndexedFile } from '../../workspace/model';
import { nearestNames } from '../../text/nearest';
import type { Finding, Rule } from '../rule';
import { captureName, changedAfterCapture, relatedAt } from './observedHelpers';

/**
 * An interface (or Linux bridge) the Linux bridge or SR-IOV agent maps a
 * physnet to must exist on the host: both agents look it up at start-up and
 * exit when it is missing. Judged only against the host's `ip` capture, which
 * lists every kernel device; the configuration sources cannot tell, since a
 * NIC exists whether or not a file configures it.
 */
export const observedInterfaceMissing: Rule = {
  codes: ['observed-interface-missing'],
  scope: 'host',
  kinds: ['linuxbridge-agent', 'sriov-agent'],
  check(context) {
    const { file, host } = context;
    if (file.kind !== 'linuxbridge-agent' && file.kind !== 'sriov-agent') return [];
    const { names, capture } = kernelDevices(host.network.observed.sources);
    if (!capture) return [];
    const findings: Finding[] = [];
    for (const option of agentMappingsOf(file.facts)) {
      if (option.fact.templated) continue;
      for (const mapping of option.fact.mappings) {
        const name = mapping.target.text;
        if (mapping.templated || names.has(name) || hasAltname(capture, name)) continue;
        const suggestions = nearestNames(name, [...names]);
        const hint = suggestions.length ? ` The capture has "${suggestions[0]}".` : '';
        const what = option.target === 'linux-bridge' ? 'Linux bridge' : 'interface';
        findings.push({
          code: 'observed-interface-missing',
          range: mapping.target.range,
          message:
            `The ${what} "${name}" is not on host "${host.host.name}" (${captureName(capture)} lists no such device). ` +
            `The ${AGENT_LABELS[option.agent]} looks "${name}" up at start-up for physical network "${mapping.physnet.text}" and exits when it is missing.${hint}` +
            changedAfterCapture(context, file, capture),
          data: { name, suggestions },
          related: [relatedAt(capture, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, `The devices of "${host.host.name}"`)],
        });
      }
    }
    return findings;
  },
};

/** The device names of the host's `ip address`/`ip link` captures, and the first such capture. */
function kernelDevices(sources: readonly IndexedFile[]): { names: Set<string>; capture: IndexedFile | undefined } {
  const names = new Set<string>();
  let capture: IndexedFile | undefined;
  for (const file of sources) {
    const network = file.facts.network;
    if (network?.source !== 'ip-address') continue;
    capture ??= file;
    for (const device of network.devices) names.add(device.name);
  }
  return { names, capture };
}

/** `ip -d link` prints a device's alternative names (`altname enp3s0f0`); the kernel resolves them like names. */
function hasAltname(capture: IndexedFile, name: string): boolean {
  return capture.text.includes(`altname ${name}`) && new RegExp(`^\\s+altname ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'm').test(capture.text);
}
