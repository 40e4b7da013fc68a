import type { Rule } from '../rule';
import { asIfcfg, exactType, literalValue, ovsType } from './helpers';

const DYNAMIC = new Set(['dhcp', 'bootp']);
const UPLINK_ROLES = new Set(['port', 'bond']);

/**
 * BOOTPROTO=dhcp on an Open vSwitch bridge runs dhclient as soon as the
 * bridge exists, possibly before ifup-ovs has added a port, so the request
 * can go unanswered. OVSBOOTPROTO=dhcp waits for a port of OVSDHCPINTERFACES.
 */
export const ifcfgBridgeDhcp: Rule = {
  codes: ['ifcfg-bridge-dhcp'],
  scope: 'host',
  kinds: ['ifcfg'],
  check({ file, host }) {
    const f = asIfcfg(file);
    const ovs = f && ovsType(f);
    if (!f || !ovs || ovs.type.role !== 'bridge') return [];
    const bootproto = literalValue(f.doc, 'BOOTPROTO');
    if (!bootproto || bootproto === 'unknown' || !DYNAMIC.has(bootproto.value.text)) return [];
    const bridge = f.facts.device;
    // The uplinks through which a DHCP server can answer: ports and bonds (not patch, tunnel or internal ports).
    const ports = host.network.declared
      .portsOf(bridge)
      .map((p) => asIfcfg(p.file))
      .filter((p) => p !== undefined && UPLINK_ROLES.has(exactType(p)?.role ?? ''))
      .map((p) => p!.facts.device)
      .sort();
    return [
      {
        code: 'ifcfg-bridge-dhcp',
        range: bootproto.value.range,
        message:
          `BOOTPROTO=${bootproto.value.text} on the Open vSwitch bridge "${bridge}" runs DHCP as soon as the bridge exists, possibly before any port has joined it, so the request can go unanswered. ` +
          `Set BOOTPROTO=none, OVSBOOTPROTO=dhcp and OVSDHCPINTERFACES=${ports.length ? `"${ports.join(' ')}"` : '<its uplink ports>'}: ` +
          `ifup-ovs then asks once one of those ports has joined the bridge.`,
        data: { bridge, ports },
      },
    ];
  },
};
