import type { Hover, Position } from 'vscode-languageserver-types';
import { kollaBridges, kollaPluginAgent, type KollaGlobalsFacts, type KollaVariable } from '../kolla/globalsFacts';
import { rangeContains } from '../text/ranges';
import type { FeatureContext } from './featureContext';
import { code, markdownHover } from './markdownHover';

/**
 * Hover on the networking variables of a kolla-ansible globals.yml: what each
 * means and the physnet mapping kolla derives from them (facts from
 * ansible/group_vars/all/neutron.yml and the neutron, openvswitch and
 * ovn-controller roles of kolla-ansible).
 */
export function kollaGlobalsHover(context: FeatureContext, position: Position): Hover | null {
  const facts = context.file.facts as KollaGlobalsFacts;
  const variable = facts.variables.find((v) => rangeContains(v.key.range, position) || (v.value && rangeContains(v.value.range, position)));
  if (!variable) return null;
  const range = variable.value && rangeContains(variable.value.range, position) ? variable.value.range : variable.key.range;
  return markdownHover([ABOUT[variable.name], mappingOf(facts, variable)].join('\n\n'), range);
}

const ABOUT: Record<KollaVariable['name'], string> = {
  neutron_bridge_name:
    '**neutron_bridge_name** (kolla-ansible): the Open vSwitch bridges of the external networks, comma-separated. ' +
    'Default `br-ex` (`br_dpdk` with `enable_ovs_dpdk`). kolla creates each on the network hosts (and on computes that need an external bridge) and maps the Nth bridge from physnet N.',
  neutron_external_interface:
    '**neutron_external_interface** (kolla-ansible): the interfaces kolla plugs into the bridges of `neutron_bridge_name`, comma-separated, one per bridge in the same order. ' +
    'Default `eth1`. `kolla-ansible prechecks` fails when the two lists differ in length.',
  neutron_plugin_agent:
    '**neutron_plugin_agent** (kolla-ansible): `openvswitch` (default) or `ovn`. With `openvswitch` the mapping goes into `openvswitch_agent.ini` `[ovs] bridge_mappings`; ' +
    "with `ovn` into each host's OVSDB (`external_ids:ovn-bridge-mappings`). Current kolla-ansible no longer supports `linuxbridge`.",
  neutron_physical_networks:
    '**neutron_physical_networks** (kolla-ansible): the physnet names, comma-separated, one per bridge. Default `physnet1`, `physnet2`, … one per bridge of `neutron_bridge_name`.',
};

/** The derived mapping, as a table, and where kolla renders it. */
function mappingOf(facts: KollaGlobalsFacts, variable: KollaVariable): string {
  if (variable.unknown) return 'The value is a template: the mapping it gives is not known before Ansible renders it.';
  const bridges = kollaBridges(facts);
  if (!bridges) return 'Another of these variables is a template: the mapping is not known before Ansible renders it.';
  const rows = bridges.map((b) => `| ${code(b.physnet)} | ${code(b.bridgeName)} | ${b.interfaceName === undefined ? '(none in globals.yml)' : code(b.interfaceName)} |`);
  const physnets = bridges.map((b) => b.physnet).join(',');
  const mapping = bridges.map((b) => `${b.physnet}:${b.bridgeName}`).join(',');
  const agent = kollaPluginAgent(facts);
  const where =
    agent === 'ovn'
      ? `ML2/OVN: ${code(`ovn-bridge-mappings=${mapping}`)} in each OVN controller's OVSDB`
      : agent === 'openvswitch'
        ? `Open vSwitch agent: ${code(`bridge_mappings = ${mapping}`)} in \`openvswitch_agent.ini\``
        : `${code(mapping)}`;
  return [
    'This deployment maps (unset variables take their defaults):',
    '',
    '| physnet | bridge | interface |',
    '|---|---|---|',
    ...rows,
    '',
    `Rendered as ${where}, and \`ml2_conf.ini\` declares ${code(`flat_networks = ${physnets}`)} (\`*\`, with VLAN ranges on the same physnets, when ironic is enabled).`,
  ].join('\n');
}
