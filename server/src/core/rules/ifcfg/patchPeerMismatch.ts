import type { IfcfgFacts } from '../../workspace/facts';
import type { Finding, Rule } from '../rule';
import { asIfcfg, filesForDevice, hasTemplateLines, isLiteral, literalValue, ovsType, typeRange } from './helpers';

/**
 * An OVSPatchPort is one end of a link between two bridges of one host: its
 * OVS_PATCH_PEER must name another OVSPatchPort of the host whose own
 * OVS_PATCH_PEER names it back, or the link stays down.
 */
export const ifcfgPatchPeerMismatch: Rule = {
  codes: ['ifcfg-patch-peer-mismatch'],
  scope: 'host',
  kinds: ['ifcfg'],
  check({ file, host }) {
    const f = asIfcfg(file);
    const ovs = f && ovsType(f);
    if (!f || !ovs || ovs.type.name !== 'OVSPatchPort') return [];
    const device = f.facts.device;
    const peer = literalValue(f.doc, 'OVS_PATCH_PEER');
    if (peer === 'unknown') return [];
    if (!peer || !peer.value.text) {
      if (!peer && hasTemplateLines(f.doc)) return [];
      return [
        {
          code: 'ifcfg-patch-peer-mismatch',
          range: peer ? peer.key.range : typeRange(ovs.assignment),
          message: `The patch port "${device}" does not name its peer in OVS_PATCH_PEER, so ifup-ovs creates a patch port that leads nowhere.`,
          data: { device },
        },
      ];
    }
    const name = peer.value.text;
    const finding = (message: string, related?: Finding['related']): Finding[] => [
      { code: 'ifcfg-patch-peer-mismatch', range: peer.value.range, message, data: { device, peer: name }, ...(related ? { related } : {}) },
    ];
    if (name === device) return finding(`The patch port "${device}" names itself in OVS_PATCH_PEER; a patch link needs two ports.`);
    // Whether the peer exists is only known when every ifcfg file of the host is literal.
    if (host.network.declared.uncertain) return [];
    const peers = filesForDevice(host, name);
    if (peers.length === 0) {
      return finding(
        `No ifcfg file on host "${host.host.name}" describes the patch port "${name}" that OVS_PATCH_PEER names, so the link from "${device}" stays down. ` +
          `Create it as TYPE=OVSPatchPort with OVS_PATCH_PEER=${device} on the other bridge.`,
      );
    }
    const other = peers[0];
    const facts = other.facts as IfcfgFacts;
    const otherDoc = other.doc.format === 'ifcfg' ? other.doc : undefined;
    if (!otherDoc) return [];
    const where = [{ uri: other.uri, range: (facts.typeAssignment ?? facts.deviceAssignment)?.range ?? zero(), message: `"${name}" is described here` }];
    if (facts.type !== 'OVSPatchPort') {
      return finding(
        `OVS_PATCH_PEER names "${name}", which ${other.renderedName} describes with ${facts.type === undefined ? 'no TYPE' : `TYPE=${facts.type}`}, ` +
          `not as an OVSPatchPort, so the link from "${device}" stays down.`,
        where,
      );
    }
    const back = literalValue(otherDoc, 'OVS_PATCH_PEER');
    if (back === 'unknown' || (back && isLiteral(back) && back.value.text === device)) return [];
    const backText = back?.value.text;
    return finding(
      `The patch port "${name}" (${other.renderedName}) ${backText ? `names "${backText}" as its peer` : 'names no peer'}; it should name "${device}". ` +
        `Both ends of a patch link must name each other, or Open vSwitch leaves the link down.`,
      // Related locations point at TYPE or DEVICE, whose positions the index tracks for the host's other files.
      [{ uri: other.uri, range: where[0].range, message: backText ? `"${name}" names "${backText}" as its peer` : `"${name}" names no peer` }],
    );
  },
};

function zero() {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
