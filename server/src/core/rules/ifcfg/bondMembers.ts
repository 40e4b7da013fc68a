import type { Token } from '../../syntax/ast';
import type { Finding, Rule } from '../rule';
import { asIfcfg, filesForDevice, hasTemplateLines, literalValue, ovsType, typeRange } from './helpers';

/**
 * An Open vSwitch bond needs at least two members in BOND_IFACES, and for an
 * OVSBond (kernel devices) ifup-ovs brings up each member with `ifup`, which
 * needs an ifcfg file for it on the same host. DPDK bond members are DPDK
 * ports without kernel devices, so only their number is checked.
 */
export const ifcfgBondMembers: Rule = {
  codes: ['ifcfg-bond-members'],
  scope: 'host',
  kinds: ['ifcfg'],
  check({ file, host }) {
    const f = asIfcfg(file);
    const ovs = f && ovsType(f);
    const requirement = ovs?.type.requires.find((r) => r.variable === 'BOND_IFACES');
    if (!f || !ovs || !requirement) return [];
    const minimum = requirement.minItems ?? 2;
    const device = f.facts.device;
    const ifaces = literalValue(f.doc, 'BOND_IFACES');
    if (ifaces === 'unknown') return [];
    if (!ifaces) {
      if (hasTemplateLines(f.doc)) return [];
      return [
        {
          code: 'ifcfg-bond-members',
          range: typeRange(ovs.assignment),
          message: `The ${ovs.type.name} "${device}" does not set BOND_IFACES, so the bond has no members. List at least ${minimum} devices, separated by spaces.`,
          data: { members: [] },
        },
      ];
    }
    const words = ifaces.value.text.split(/\s+/).filter(Boolean);
    const distinct = [...new Set(words)];
    const findings: Finding[] = [];
    if (distinct.length < minimum) {
      findings.push({
        code: 'ifcfg-bond-members',
        range: ifaces.value.text ? ifaces.value.range : ifaces.key.range,
        message:
          `The ${ovs.type.name} "${device}" has ${distinct.length === 0 ? 'no member' : `only one member (${distinct[0]})`} in BOND_IFACES; ` +
          `ovs-vsctl refuses to create a bond of fewer than ${minimum} interfaces, so the port is not added. ` +
          (distinct.length === 1 ? `For a single uplink use TYPE=OVSPort.` : `List at least ${minimum} devices, separated by spaces.`),
        data: { members: distinct },
      });
    }
    // Only kernel bonds bring their members up with ifup; a templated host hides which files exist.
    if (ovs.type.name !== 'OVSBond' || host.network.declared.uncertain) return findings;
    const members: Token[] = f.facts.bondIfaces?.assignment === ifaces ? f.facts.bondIfaces.members : [];
    const seen = new Set<string>();
    for (const member of members) {
      if (seen.has(member.text)) continue;
      seen.add(member.text);
      if (member.text === device || filesForDevice(host, member.text).length > 0) continue;
      findings.push({
        code: 'ifcfg-bond-members',
        range: member.range,
        message:
          `No ifcfg file on host "${host.host.name}" describes the bond member "${member.text}" (ifcfg-${member.text}). ` +
          `ifup-ovs brings each member up with "ifup ${member.text}" before adding the bond, and that fails without its file.`,
        data: { members: distinct, member: member.text },
      });
    }
    return findings;
  },
};
