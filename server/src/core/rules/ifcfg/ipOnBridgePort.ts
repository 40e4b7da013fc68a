import { lookupVariable } from '../../ifcfg/variables';
import { lastAssignment } from '../../workspace/facts';
import type { Finding, Rule } from '../rule';
import { asIfcfg, isLiteral, ovsType } from './helpers';

/** Roles whose device is enslaved to the bridge: an address on it is lost to the host. */
const ENSLAVED_ROLES = new Set(['port', 'bond']);
const DYNAMIC = new Set(['dhcp', 'bootp']);

/**
 * An OVSPort or OVSBond is enslaved to its bridge; ifup-ovs still runs the
 * plain interface script on it, so an IPADDR or DHCP there puts the address on
 * a device that no longer receives the host's traffic. The address belongs on
 * the bridge (or on an OVSIntPort).
 */
export const ifcfgIpOnBridgePort: Rule = {
  codes: ['ifcfg-ip-on-bridge-port'],
  scope: 'file',
  kinds: ['ifcfg'],
  check({ file }) {
    const f = asIfcfg(file);
    const ovs = f && ovsType(f);
    if (!f || !ovs || !ENSLAVED_ROLES.has(ovs.type.role)) return [];
    const device = f.facts.device;
    const bridgeAssignment = f.facts.ovsBridge;
    const bridge = bridgeAssignment && isLiteral(bridgeAssignment) && bridgeAssignment.value.text ? bridgeAssignment.value.text : undefined;
    const onBridge = bridge ? `on the bridge "${bridge}"` : 'on the bridge';
    // Only the last BOOTPROTO counts (bash and NetworkManager keep the last).
    const bootproto = lastAssignment(f.doc, 'BOOTPROTO');
    const findings: Finding[] = [];
    for (const assignment of f.doc.assignments) {
      const match = lookupVariable(assignment.key.text);
      if (!match || !isLiteral(assignment) || !assignment.value.text) continue;
      if (match.variable.name === 'IPADDR') {
        findings.push({
          code: 'ifcfg-ip-on-bridge-port',
          range: assignment.range,
          message:
            `"${device}" is an ${ovs.type.name} enslaved to its bridge, yet ${assignment.key.text} puts ${assignment.value.text} on it. ` +
            `Traffic for the address arrives at the bridge, not at the port, so the host becomes unreachable on it. Put the address ${onBridge}.`,
          data: { address: assignment.key.text, ...(bridge ? { bridge } : {}) },
        });
      } else if (assignment === bootproto && DYNAMIC.has(assignment.value.text)) {
        findings.push({
          code: 'ifcfg-ip-on-bridge-port',
          range: assignment.value.range,
          message:
            `"${device}" is an ${ovs.type.name} enslaved to its bridge, yet BOOTPROTO=${assignment.value.text} asks for an address on it. ` +
            `The request goes out through a port whose traffic belongs to the bridge; ask for the address ${onBridge} instead ` +
            `(OVSBOOTPROTO=dhcp with OVSDHCPINTERFACES=${device}) and set BOOTPROTO=none here.`,
          data: { bootproto: assignment.value.text, ...(bridge ? { bridge } : {}) },
        });
      }
    }
    return findings;
  },
};
