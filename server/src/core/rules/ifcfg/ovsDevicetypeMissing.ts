import type { Rule } from '../rule';
import { asIfcfg, hasTemplateLines, literalValue, ovsType, typeRange } from './helpers';

/**
 * Every Open vSwitch TYPE needs DEVICETYPE=ovs: ifup runs ifup-$DEVICETYPE,
 * and initscripts before 9.44 do not derive it from TYPE, so without it the
 * device is brought up as a plain interface and never added to the switch.
 */
export const ifcfgOvsDevicetypeMissing: Rule = {
  codes: ['ifcfg-ovs-devicetype-missing'],
  scope: 'file',
  kinds: ['ifcfg'],
  check({ file }) {
    const f = asIfcfg(file);
    const ovs = f && ovsType(f);
    if (!f || !ovs) return [];
    const type = ovs.assignment.value.text;
    const devicetype = literalValue(f.doc, 'DEVICETYPE');
    if (devicetype === 'unknown' || (devicetype && devicetype.value.text === 'ovs')) return [];
    if (!devicetype) {
      if (hasTemplateLines(f.doc)) return [];
      return [
        {
          code: 'ifcfg-ovs-devicetype-missing',
          range: typeRange(ovs.assignment),
          message:
            `TYPE=${type} is an Open vSwitch type but the file does not set DEVICETYPE=ovs. ifup runs ifup-$DEVICETYPE, ` +
            `so the Open vSwitch script is never called (older initscripts do not infer it from TYPE) and "${f.facts.device}" is not added to the switch.`,
          data: { type },
        },
      ];
    }
    const written = devicetype.value.text;
    return [
      {
        code: 'ifcfg-ovs-devicetype-missing',
        range: written ? devicetype.value.range : devicetype.key.range,
        message:
          `TYPE=${type} is an Open vSwitch type, which needs DEVICETYPE=ovs; with DEVICETYPE=${written || '(empty)'} ` +
          `ifup does not run the Open vSwitch script and "${f.facts.device}" is not added to the switch.`,
        data: { type },
      },
    ];
  },
};
