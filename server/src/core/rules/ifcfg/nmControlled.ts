import { booleanValue } from '../../ifcfg/valueTypes';
import type { Finding, Rule } from '../rule';
import { networkManagerEvidence } from '../../workspace/networkManagerEvidence';
import { asIfcfg, hasTemplateLines, literalValue, ovsType, typeRange } from './helpers';

/**
 * NetworkManager cannot bring up Open vSwitch devices described by ifcfg
 * files; unless NM_CONTROLLED=no leaves them to the network scripts, it takes
 * them over and fights ifup-ovs for them. os-net-config and the Open vSwitch
 * notes always write NM_CONTROLLED=no. Judged against the host: a warning
 * where the workspace shows NetworkManager there, information elsewhere.
 */
const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export const ifcfgNmControlled: Rule = {
  codes: ['ifcfg-nm-controlled'],
  // Reads the host: whether NetworkManager runs there decides how much this matters.
  scope: 'host',
  kinds: ['ifcfg'],
  check({ file, host }) {
    const f = asIfcfg(file);
    const ovs = f && ovsType(f);
    if (!f || !ovs) return [];
    const nm = literalValue(f.doc, 'NM_CONTROLLED');
    if (nm === 'unknown') return [];
    const device = f.facts.device;
    const evidence = networkManagerEvidence(host);
    // Without a sign of NetworkManager on the host, the device is most likely left to the network scripts anyway.
    const judged = (finding: Finding): Finding[] => [
      evidence
        ? { ...finding, message: `${finding.message} NetworkManager runs on host "${host.host.name}": ${evidence.shows}.`, related: [{ uri: evidence.file.uri, range: FILE_START, message: 'NetworkManager is configured on this host' }] }
        : {
            ...finding,
            severity: 'information',
            message: `${finding.message} Nothing in the workspace shows NetworkManager on host "${host.host.name}" (no NetworkManager.conf, keyfiles or service list); where it does not run, the setting is never read.`,
          },
    ];
    if (!nm) {
      if (hasTemplateLines(f.doc)) return [];
      return judged({
        code: 'ifcfg-nm-controlled',
        range: typeRange(ovs.assignment),
        message:
          `The Open vSwitch device "${device}" (TYPE=${ovs.type.name}) does not set NM_CONTROLLED=no, and NetworkManager manages devices by default. ` +
          `It cannot set up Open vSwitch devices from ifcfg files and gets in the way of ifup-ovs; set NM_CONTROLLED=no.`,
        data: { type: ovs.type.name },
      });
    }
    const value = nm.value.text;
    // on/off (read differently by the two readers) and words neither reader knows are other checks' findings.
    if (value !== '' && (/^o(n|ff)$/i.test(value) || booleanValue(value) !== true)) return [];
    return judged({
      code: 'ifcfg-nm-controlled',
      range: value ? nm.value.range : nm.key.range,
      message:
        `${value ? `NM_CONTROLLED=${value}` : 'An empty NM_CONTROLLED (read as the default, yes)'} hands the Open vSwitch device "${device}" (TYPE=${ovs.type.name}) to NetworkManager, which cannot set it up from an ifcfg file ` +
        `and gets in the way of ifup-ovs. Set NM_CONTROLLED=no.`,
      data: { type: ovs.type.name },
    });
  },
};
