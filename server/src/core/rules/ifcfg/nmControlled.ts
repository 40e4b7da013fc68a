import { booleanValue } from '../../ifcfg/valueTypes';
import type { Rule } from '../rule';
import { asIfcfg, hasTemplateLines, literalValue, ovsType, typeRange } from './helpers';

/**
 * NetworkManager cannot bring up Open vSwitch devices described by ifcfg
 * files; unless NM_CONTROLLED=no leaves them to the network scripts, it takes
 * them over and fights ifup-ovs for them. os-net-config and the Open vSwitch
 * notes always write NM_CONTROLLED=no.
 */
export const ifcfgNmControlled: Rule = {
  codes: ['ifcfg-nm-controlled'],
  scope: 'file',
  check({ file }) {
    const f = asIfcfg(file);
    const ovs = f && ovsType(f);
    if (!f || !ovs) return [];
    const nm = literalValue(f.doc, 'NM_CONTROLLED');
    if (nm === 'unknown') return [];
    const device = f.facts.device;
    if (!nm) {
      if (hasTemplateLines(f.doc)) return [];
      return [
        {
          code: 'ifcfg-nm-controlled',
          range: typeRange(ovs.assignment),
          message:
            `The Open vSwitch device "${device}" (TYPE=${ovs.type.name}) does not set NM_CONTROLLED=no, and NetworkManager manages devices by default. ` +
            `It cannot set up Open vSwitch devices from ifcfg files and gets in the way of ifup-ovs; set NM_CONTROLLED=no.`,
          data: { type: ovs.type.name },
        },
      ];
    }
    const value = nm.value.text;
    // on/off (read differently by the two readers) and words neither reader knows are other checks' findings.
    if (value !== '' && (/^o(n|ff)$/i.test(value) || booleanValue(value) !== true)) return [];
    return [
      {
        code: 'ifcfg-nm-controlled',
        range: value ? nm.value.range : nm.key.range,
        message:
          `${value ? `NM_CONTROLLED=${value}` : 'An empty NM_CONTROLLED (read as the default, yes)'} hands the Open vSwitch device "${device}" (TYPE=${ovs.type.name}) to NetworkManager, which cannot set it up from an ifcfg file ` +
          `and gets in the way of ifup-ovs. Set NM_CONTROLLED=no.`,
        data: { type: ovs.type.name },
      },
    ];
  },
};
