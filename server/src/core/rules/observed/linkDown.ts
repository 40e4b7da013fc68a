import type { HostDevice } from '../../network/hostNetwork';
import type { Finding, Rule, RuleContext } from '../rule';
import type { HostView } from '../../workspace/views';
import { captureName, changedAfterCapture, relatedAt } from './observedHelpers';

/**
 * A NIC that is a port of an OVS bridge (in the OVSDB capture, or by the
 * configuration) must be up with carrier, and enslaved to `ovs-system`, in
 * the host's `ip` capture. Reported where the configuration names the NIC,
 * or, when nothing declares it, on the `ip` capture's line.
 */
export const observedLinkDown: Rule = {
  codes: ['observed-link-down'],
  scope: 'host',
  check(context) {
    return linkProblems(context.host, context).filter((p) => p.file === context.file).map((p) => p.finding);
  },
};

interface LinkProblem {
  file: HostView['files'][number];
  finding: Finding;
}

const cache = new WeakMap<HostView, LinkProblem[]>();

function linkProblems(host: HostView, context: Pick<RuleContext, 'modifiedTime'>): LinkProblem[] {
  let problems = cache.get(host);
  if (problems) return problems;
  problems = [];
  cache.set(host, problems);
  const { observed, declared } = host.network;
  const links = new Map<string, HostDevice>();
  for (const device of observed.devices()) if (device.link && !links.has(device.name)) links.set(device.name, device);
  if (links.size === 0) return problems;
  /** Bridge port NICs: name → the bridge, and the declaring device if any. */
  const nics = new Map<string, { bridge: string; declaredBy: HostDevice | undefined }>();
  for (const device of observed.devices()) {
    if (device.bridge && device.role === 'ovs-port' && device.file.facts.network?.source === 'ovs-vsctl-show' && !isUserspace(device.sourceType)) {
      nics.set(device.name, { bridge: device.bridge.name, declaredBy: undefined });
    }
  }
  // With an OVSDB capture, the NICs it shows on a bridge are judged (one it does not show is observed-port-missing's);
  // without one, the NICs the configuration attaches.
  const knowsOvsdb = observed.has('ovs-vsctl-show');
  for (const device of declared.devices()) {
    if (!device.bridge || device.role !== 'ovs-port' || device.abstractName || declared.resolve(device.bridge.name) === device.name) continue;
    const known = nics.get(device.name);
    if (knowsOvsdb && !known) continue;
    nics.set(device.name, { bridge: known?.bridge ?? declared.resolve(device.bridge.name), declaredBy: device });
  }
  for (const [name, { bridge, declaredBy }] of nics) {
    const seen = links.get(name);
    const link = seen?.link;
    if (!seen || !link) continue;
    const faults: string[] = [];
    if (!link.up) faults.push('administratively down (no UP flag)');
    else if (!link.lowerUp) faults.push('without carrier (no LOWER_UP: cable, switch port or driver)');
    if (link.master !== 'ovs-system') faults.push(link.master ? `enslaved to "${link.master}", not to ovs-system` : 'not enslaved to ovs-system (no "master ovs-system")');
    if (faults.length === 0) continue;
    const shown = `<${link.flags.join(',')}>${link.master ? ` master ${link.master}` : ''}${link.state ? ` state ${link.state}` : ''}`;
    const message =
      `"${name}" is a port of "${bridge}", but host "${host.host.name}"'s \`ip\` capture (${captureName(seen.file)}) shows it ${faults.join(' and ')}: ${shown}. ` +
      `Traffic of the networks mapped to "${bridge}" does not pass through it.`;
    const finding: Finding = declaredBy
      ? {
          code: 'observed-link-down',
          range: declaredBy.ranges.name,
          message: message + changedAfterCapture(context, declaredBy.file, seen.file),
          data: { device: name, bridge },
          related: [relatedAt(seen.file, seen.ranges.declaration, `"${name}" as the kernel shows it`)],
        }
      : { code: 'observed-link-down', range: seen.ranges.name, message, data: { device: name, bridge } };
    problems.push({ file: declaredBy ? declaredBy.file : seen.file, finding });
  }
  return problems;
}

/** DPDK and vhost-user ports have no kernel interface to show. */
function isUserspace(type: string | undefined): boolean {
  return type !== undefined && /^dpdk/.test(type);
}
