import { isTemplated } from '../../syntax/templates';
import { lastAssignment } from '../../workspace/facts';
import type { Rule } from '../rule';
import { asIfcfg, isLiteral } from './helpers';

/**
 * DEVICE should equal the file name's suffix: `ifup eth1` looks for
 * ifcfg-eth1 first and only then for a file whose DEVICE is eth1, so a file
 * whose two names differ is found by one and not the other. Files that
 * NetworkManager names after the connection (NAME="System eth0" in
 * ifcfg-System_eth0) follow its own convention and are left alone.
 */
export const ifcfgDeviceMismatch: Rule = {
  codes: ['ifcfg-device-mismatch'],
  scope: 'file',
  kinds: ['ifcfg'],
  check({ file }) {
    const f = asIfcfg(file);
    if (!f) return [];
    const device = f.facts.deviceAssignment;
    const suffix = file.renderedName.replace(/^ifcfg-/, '');
    if (!device || !isLiteral(device) || isTemplated(suffix)) return [];
    const value = device.value.text;
    if (!value || value === suffix) return [];
    const name = lastAssignment(f.doc, 'NAME');
    if (name && isLiteral(name) && name.value.text.replace(/\s/g, '_') === suffix) return [];
    return [
      {
        code: 'ifcfg-device-mismatch',
        range: device.value.range,
        message:
          `DEVICE is "${value}" but the file is named ${file.renderedName}. "ifup ${suffix}" finds this file by its name and configures "${value}", ` +
          `while tools that look for ifcfg-${value} do not find it. Keep the file name and DEVICE equal.`,
        data: { device: value, suffix },
      },
    ];
  },
};
