import type { Pair } from 'yaml';
import type { Token, YamlDocument } from '../syntax/ast';
import { sourceToken } from '../syntax/nodes';
import { isTemplated } from '../syntax/templates';
import { yaml } from '../syntax/yamlLibrary';
import { keyText, keyToken, placedScalar } from '../syntax/yamlScalars';
import type { LineIndex } from '../text/lineIndex';
import type { FactsBase } from '../workspace/facts';

/**
 * What a kolla-ansible `globals.yml` says about provider networks. kolla-ansible
 * passes it as extra vars (`-e @globals.yml`, kolla_ansible/ansible.py), so its
 * values win over the inventory's. Facts from ansible/group_vars/all/neutron.yml
 * (defaults), ansible/roles/neutron/templates/ml2_conf.ini.j2 and
 * openvswitch_agent.ini.j2, ansible/roles/ovn-controller/tasks/setup-ovs.yml and
 * ansible/roles/openvswitch/tasks/post-config.yml: each value is split on
 * commas, physnet N maps the Nth bridge, and the Nth interface is the Nth
 * bridge's port.
 */

/** The variables read, and kolla-ansible's default for each (group_vars/all/neutron.yml). */
export const KOLLA_DEFAULTS = {
  neutron_bridge_name: 'br-ex',
  neutron_external_interface: 'eth1',
  neutron_plugin_agent: 'openvswitch',
  /** physnet1..N, one per bridge of neutron_bridge_name. */
  neutron_physical_networks: '',
} as const;

export type KollaVariableName = keyof typeof KOLLA_DEFAULTS;

/** One variable as globals.yml sets it. */
export interface KollaVariable {
  name: KollaVariableName;
  key: Token;
  /** The whole value where it stands; undefined when it cannot be placed (escapes, block scalars) or is not a string. */
  value: Token | undefined;
  /** The comma-separated elements as kolla's `split(',')` gives them (untrimmed, empty ones kept), each where it stands. */
  items: Token[];
  /** A Jinja template, a non-string or an unplaceable value: what it holds is not judged. */
  unknown: boolean;
}

/** One bridge a kolla deployment maps: physnetN:bridge, with the interface kolla plugs into it. */
export interface KollaBridge {
  physnet: string;
  bridge: Token | undefined;
  bridgeName: string;
  interface: Token | undefined;
  interfaceName: string | undefined;
}

export interface KollaGlobalsFacts extends FactsBase {
  kind: 'kolla-globals';
  variables: KollaVariable[];
}

const NAMES = new Set<string>(Object.keys(KOLLA_DEFAULTS));

/** Whether a globals.yml sets one of the variables read (cheap: before any YAML parse). */
export function mayBeKollaGlobals(text: string): boolean {
  return /^(neutron_bridge_name|neutron_external_interface|neutron_plugin_agent|neutron_physical_networks)\s*:/m.test(text);
}

export function kollaGlobalsFacts(doc: YamlDocument): KollaGlobalsFacts {
  const facts: KollaGlobalsFacts = { kind: 'kolla-globals', variables: [] };
  const root = doc.root;
  if (!yaml().isMap(root)) return facts;
  for (const pair of root.items as Pair[]) {
    const key = keyText(pair);
    // The last setting wins in YAML, as in Ansible.
    if (key === undefined || !NAMES.has(key)) continue;
    facts.variables = facts.variables.filter((v) => v.name !== key);
    facts.variables.push(variableOf(pair, key as KollaVariableName, doc.lineIndex));
  }
  return facts;
}

/** The variable as globals.yml sets it, or undefined when it leaves it to kolla's default. */
export function kollaVariable(facts: KollaGlobalsFacts, name: KollaVariableName): KollaVariable | undefined {
  return facts.variables.find((v) => v.name === name);
}

/**
 * The bridges the deployment maps, in order, or undefined when a variable
 * they depend on is templated. Unset variables take kolla's defaults; kolla
 * pairs physnets and bridges with `zip`, so the shorter list decides.
 */
export function kollaBridges(facts: KollaGlobalsFacts): KollaBridge[] | undefined {
  const bridges = kollaVariable(facts, 'neutron_bridge_name');
  const interfaces = kollaVariable(facts, 'neutron_external_interface');
  const physnets = kollaVariable(facts, 'neutron_physical_networks');
  if (bridges?.unknown || interfaces?.unknown || physnets?.unknown) return undefined;
  const bridgeNames = bridges ? bridges.items.map((t) => t.text) : [KOLLA_DEFAULTS.neutron_bridge_name];
  const interfaceNames = interfaces ? interfaces.items.map((t) => t.text) : [KOLLA_DEFAULTS.neutron_external_interface];
  const physnetNames = physnets ? physnets.items.map((t) => t.text) : bridgeNames.map((_, i) => `physnet${i + 1}`);
  const count = Math.min(bridgeNames.length, physnetNames.length);
  const out: KollaBridge[] = [];
  for (let i = 0; i < count; i++) {
    out.push({ physnet: physnetNames[i], bridge: bridges?.items[i], bridgeName: bridgeNames[i], interface: interfaces?.items[i], interfaceName: interfaceNames[i] });
  }
  return out;
}

/** The plugin agent, as set or by default; undefined when templated. */
export function kollaPluginAgent(facts: KollaGlobalsFacts): string | undefined {
  const agent = kollaVariable(facts, 'neutron_plugin_agent');
  if (!agent) return KOLLA_DEFAULTS.neutron_plugin_agent;
  return agent.unknown ? undefined : agent.value?.text;
}

function variableOf(pair: Pair, name: KollaVariableName, lines: LineIndex): KollaVariable {
  const key = keyToken(pair, lines);
  const variable: KollaVariable = { name, key, value: undefined, items: [], unknown: true };
  const node = pair.value;
  if (!yaml().isScalar(node) || typeof node.value !== 'string' || isTemplated(node.value)) return variable;
  const placed = placedScalar(node, lines);
  if (!placed) return variable;
  variable.unknown = false;
  variable.value = sourceToken(lines, placed.start, placed.end);
  let at = placed.start;
  for (let i = placed.start; i <= placed.end; i++) {
    if (i === placed.end || lines.text[i] === ',') {
      variable.items.push(sourceToken(lines, at, i));
      at = i + 1;
    }
  }
  return variable;
}
