import type { IniDocument } from '../syntax/ast';
import type { Ml2Facts } from '../workspace/facts';
import type { IndexedFile } from '../workspace/model';
import type { DeploymentView } from '../workspace/views';
import { joinList, ml2Label } from './ml2Helpers';
import type { Finding, Rule } from './rule';

/** Agents ML2/OVN replaces, and the mechanism driver that would still use each. */
const REPLACED: Partial<Record<IndexedFile['kind'], { service: string; driver: string; why: string }>> = {
  'ovs-agent': {
    service: 'neutron-openvswitch-agent',
    driver: 'openvswitch',
    why: 'ovn-controller programs br-int on OVN hosts; an Open vSwitch agent started from this file would reprogram the same bridge and the two would undo each other\'s flows',
  },
  'linuxbridge-agent': {
    service: 'neutron-linuxbridge-agent',
    driver: 'linuxbridge',
    why: 'no mechanism driver of the deployment binds ports to the Linux bridge agent, so it only holds interfaces that OVN needs',
  },
  'l3-agent': {
    service: 'neutron-l3-agent',
    driver: 'openvswitch',
    why: 'OVN routes in OVS itself (the ovn-router service plugin) and schedules no router to an L3 agent, so this agent\'s namespaces would carry no traffic while its ports sit on br-int beside ovn-controller\'s',
  },
};

/**
 * In an ML2/OVN deployment (every ML2 config lists `ovn` and no mechanism
 * driver of the replaced agents), agent files that still configure the Open
 * vSwitch, Linux bridge or L3 agent on a host are left over from before OVN.
 * A package's default file, which sets nothing, is not reported. The DHCP and
 * SR-IOV agents are left alone: OVN deployments still run them (baremetal
 * provisioning, SR-IOV ports).
 */
export const ovnLeftoverAgent: Rule = {
  codes: ['ovn-leftover-agent'],
  scope: 'deployment',
  reads: (kind) => (REPLACED[kind] ? ['declarations'] : []),
  check({ file, deployment }) {
    const replaced = REPLACED[file.kind];
    if (!replaced || !deployment || file.doc.format !== 'ini') return [];
    const first = firstSetOption(file.doc);
    if (!first) return [];
    const ovn = ovnOnly(deployment, replaced.driver);
    if (!ovn) return [];
    const finding: Finding = {
      code: 'ovn-leftover-agent',
      range: first.name.range,
      message:
        `This deployment runs ML2/OVN (mechanism_drivers in ${ovn.where}), yet this file configures ${replaced.service} on ${file.host.name}: ` +
        `${replaced.why}. Stop and disable the service on this host and remove the file, or, while migrating from ML2/OVS, keep "${replaced.driver}" in mechanism_drivers.`,
      related: ovn.files.map((ml2) => ({
        uri: ml2.uri,
        range: (ml2.facts as Ml2Facts).mechanismDrivers!.option.range,
        message: `mechanism_drivers on ${ml2.host.name}`,
      })),
    };
    return [finding];
  },
};

/** The option a service would act on first; undefined when the file sets nothing (a package's commented-out default). */
function firstSetOption(doc: IniDocument) {
  for (const section of doc.sections) for (const option of section.options) return option;
  return undefined;
}

/** The ML2 files that make the deployment OVN-only for an agent whose driver is `driver`; undefined when they do not all say so literally. */
function ovnOnly(deployment: DeploymentView, driver: string): { files: IndexedFile[]; where: string } | undefined {
  const files: IndexedFile[] = [];
  for (const ml2 of deployment.ml2Files) {
    const drivers = (ml2.facts as Ml2Facts).mechanismDrivers;
    // A server config that leaves mechanism_drivers out, or templates it, says nothing certain.
    if (!drivers || drivers.templated) return undefined;
    const names = drivers.items.map((t) => t.text);
    if (!names.includes('ovn') || names.includes(driver)) return undefined;
    files.push(ml2);
  }
  if (files.length === 0) return undefined;
  return { files, where: files.length === 1 ? `the ML2 config of ${ml2Label(files[0], files)}` : `the ML2 configs of ${joinList(files.map((f) => ml2Label(f, files)))}` };
}
