import type { Rule } from '../rule';
import { asIfcfg, hasTemplateLines, literalValue, ovsType, typeRange } from './helpers';

/**
 * Open vSwitch ports of every kind (port, bond, internal port, tunnel, patch
 * port, DPDK and vhost-user ports) must name their bridge in OVS_BRIDGE:
 * ifup-ovs adds the port to that bridge and attaches it nowhere without it.
 */
export const ifcfgOvsBridgeMissing: Rule = {
  codes: ['ifcfg-ovs-bridge-missing'],
  scope: 'host',
  kinds: ['ifcfg'],
  check({ file, host }) {
    const f = asIfcfg(file);
    const ovs = f && ovsType(f);
    if (!f || !ovs || !ovs.type.requires.some((r) => r.variable === 'OVS_BRIDGE')) return [];
    const bridge = literalValue(f.doc, 'OVS_BRIDGE');
    if (bridge === 'unknown' || (bridge && bridge.value.text)) return [];
    if (!bridge && hasTemplateLines(f.doc)) return [];
    const bridges = [...host.network.declared.bridges.keys()].sort();
    const hint = bridges.length ? ` Bridges on host "${host.host.name}": ${bridges.join(', ')}.` : '';
    return [
      {
        code: 'ifcfg-ovs-bridge-missing',
        range: bridge ? bridge.key.range : typeRange(ovs.assignment),
        message:
          `TYPE=${ovs.type.name} is a port of an Open vSwitch bridge, but ${bridge ? 'OVS_BRIDGE is empty' : 'the file does not set OVS_BRIDGE'}; ` +
          `ifup-ovs does not know which bridge to add "${f.facts.device}" to and the port is attached nowhere.${hint}`,
        data: { type: ovs.type.name, bridges },
      },
    ];
  },
};
