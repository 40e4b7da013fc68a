import { kollaVariable } from '../kolla/globalsFacts';
import type { Finding, Rule } from './rule';

/**
 * kolla-ansible's neutron precheck (ansible/roles/neutron/tasks/precheck.yml)
 * asserts that neutron_external_interface and neutron_bridge_name split into
 * as many entries (`kolla-ansible prechecks`; deploy does not run it), and
 * openvswitch/tasks/post-config.yml plugs the Nth interface into the Nth
 * bridge. Judged only when globals.yml sets both literally: an
 * unset one may come from the inventory.
 */
export const kollaBridgeInterfaceCount: Rule = {
  codes: ['kolla-bridge-interface-count'],
  scope: 'file',
  check({ file }) {
    if (file.facts.kind !== 'kolla-globals') return [];
    const bridges = kollaVariable(file.facts, 'neutron_bridge_name');
    const interfaces = kollaVariable(file.facts, 'neutron_external_interface');
    if (!bridges?.value || !interfaces?.value || bridges.unknown || interfaces.unknown) return [];
    const b = bridges.items.length;
    const i = interfaces.items.length;
    if (b === i) return [];
    const finding: Finding = {
      code: 'kolla-bridge-interface-count',
      range: interfaces.value.range,
      message:
        `neutron_external_interface lists ${count(i, 'interface')} but neutron_bridge_name lists ${count(b, 'bridge')}: ` +
        `kolla-ansible wants one external interface per bridge, in the same order. \`kolla-ansible prechecks\` fails on it; ` +
        `deploy does not run that check and pairs interfaces with bridges by position, so ${i > b ? 'an interface gets no bridge' : 'a bridge gets no interface'}. ` +
        (i > b ? `Add a bridge for each extra interface, or remove the interfaces no bridge takes.` : `Name an interface for each bridge, or remove the bridges without one.`),
      data: { bridges: b, interfaces: i },
      related: [{ uri: file.uri, range: bridges.value.range, message: `neutron_bridge_name: ${count(b, 'bridge')}` }],
    };
    return [finding];
  },
};

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
