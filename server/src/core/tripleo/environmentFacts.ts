import type { Pair, YAMLMap } from 'yaml';
import type { Token, YamlDocument } from '../syntax/ast';
import { sourceToken } from '../syntax/nodes';
import { isTemplated } from '../syntax/templates';
import { yaml } from '../syntax/yamlLibrary';
import { keyText, keyToken, placedScalar } from '../syntax/yamlScalars';
import type { LineIndex } from '../text/lineIndex';
import type { FactsBase, PhysnetMapping } from '../workspace/facts';

/**
 * What a TripleO environment file's `parameter_defaults` say about physnets:
 * the heat parameters that tripleo-heat-templates turns into ML2's
 * flat_networks and network_vlan_ranges and into the agents' and OVN's
 * mappings (deployment/neutron/neutron-plugin-ml2.yaml,
 * deployment/ovn/ovn-controller-container-puppet.yaml,
 * deployment/neutron/neutron-ovs-agent-container-puppet.yaml,
 * deployment/neutron/neutron-sriov-agent-container-puppet.yaml). Each is a
 * comma_delimited_list: a string with commas or a YAML list. The mappings may
 * also be set per role (`ComputeSriovParameters: {NeutronPhysicalDevMappings: …}`).
 */

/** The parameters read, and the default each has in tripleo-heat-templates when no environment sets it. */
export const TRIPLEO_DEFAULTS = {
  NeutronFlatNetworks: 'datacentre',
  NeutronNetworkVLANRanges: 'datacentre:1:1000',
  NeutronBridgeMappings: 'datacentre:br-ex',
  NeutronPhysicalDevMappings: '',
  NeutronMechanismDrivers: 'ovn',
} as const;

export type TripleoParameterName = keyof typeof TRIPLEO_DEFAULTS;

/** One parameter as an environment file sets it. */
export interface TripleoParameter {
  name: TripleoParameterName;
  /** The role of a `<Role>Parameters` map; undefined in parameter_defaults itself. */
  role: string | undefined;
  /** The parameter's key, for related information. */
  key: Token;
  /** Its elements, each where it stands; an element the file cannot place (escapes, block scalars) makes `unknown` true. */
  items: Token[];
  /** The value is not a literal list (a heat function, a template marker, an element out of place): what it holds is unknown. */
  unknown: boolean;
}

export interface TripleoEnvFacts extends FactsBase {
  kind: 'tripleo-env';
  parameters: TripleoParameter[];
  /** NeutronBridgeMappings and NeutronPhysicalDevMappings as physnet mappings (the agents' and OVN's). */
  mappings: { parameter: TripleoParameter; mappings: PhysnetMapping[] }[];
  /** The physnet of each NeutronNetworkVLANRanges element (`datacentre` of `datacentre:1:1000`). */
  vlanPhysnets: { parameter: TripleoParameter; physnets: Token[] }[];
}

const NAMES = new Set<string>(Object.keys(TRIPLEO_DEFAULTS));
const MAPPING_NAMES = new Set<TripleoParameterName>(['NeutronBridgeMappings', 'NeutronPhysicalDevMappings']);

/** Whether a text may be a heat environment at all (cheap: before any YAML parse). */
export function mayBeTripleoEnvironment(text: string): boolean {
  return /^parameter_defaults\s*:/m.test(text);
}

export function tripleoEnvFacts(doc: YamlDocument): TripleoEnvFacts {
  const facts: TripleoEnvFacts = { kind: 'tripleo-env', parameters: [], mappings: [], vlanPhysnets: [] };
  const root = doc.root;
  if (!yaml().isMap(root)) return facts;
  const defaults = valueOf(root, 'parameter_defaults');
  if (!yaml().isMap(defaults)) return facts;
  for (const pair of defaults.items as Pair[]) {
    const key = keyText(pair);
    if (key === undefined) continue;
    if (NAMES.has(key)) facts.parameters.push(parameterOf(pair, key as TripleoParameterName, undefined, doc.lineIndex));
    else if (key.endsWith('Parameters') && key.length > 'Parameters'.length && yaml().isMap(pair.value)) {
      const role = key.slice(0, -'Parameters'.length);
      for (const rolePair of (pair.value as YAMLMap).items as Pair[]) {
        const name = keyText(rolePair);
        if (name !== undefined && MAPPING_NAMES.has(name as TripleoParameterName)) facts.parameters.push(parameterOf(rolePair, name as TripleoParameterName, role, doc.lineIndex));
      }
    }
  }
  for (const parameter of facts.parameters) {
    if (parameter.name === 'NeutronNetworkVLANRanges') {
      const physnets = parameter.items.map((item) => {
        const colon = item.text.indexOf(':');
        return colon < 0 ? item : trimmedToken(doc.lineIndex, item.start, item.start + colon);
      });
      facts.vlanPhysnets.push({ parameter, physnets: physnets.filter((t): t is Token => t !== undefined) });
    }
    if (!MAPPING_NAMES.has(parameter.name)) continue;
    const mappings: PhysnetMapping[] = [];
    for (const entry of parameter.items) {
      const colon = entry.text.indexOf(':');
      if (colon <= 0 || colon === entry.text.length - 1 || entry.text.indexOf(':', colon + 1) >= 0) continue;
      const lines = doc.lineIndex;
      const physnet = trimmedToken(lines, entry.start, entry.start + colon);
      const target = trimmedToken(lines, entry.start + colon + 1, entry.end);
      if (physnet && target) mappings.push({ entry, physnet, target, templated: isTemplated(entry.text) });
    }
    facts.mappings.push({ parameter, mappings });
  }
  return facts;
}

function valueOf(map: YAMLMap, key: string): unknown {
  return (map.items as Pair[]).find((p) => keyText(p) === key)?.value;
}

function parameterOf(pair: Pair, name: TripleoParameterName, role: string | undefined, lines: LineIndex): TripleoParameter {
  const key = keyToken(pair, lines);
  const parameter: TripleoParameter = { name, role, key, items: [], unknown: false };
  const value = pair.value;
  if (yaml().isScalar(value)) {
    if (value.value === null || value.value === undefined) return parameter;
    const placed = placedScalar(value, lines);
    if (!placed || typeof value.value !== 'string' || isTemplated(value.value)) parameter.unknown = true;
    else parameter.items = splitItems(lines, placed.start, placed.end);
  } else if (yaml().isSeq(value)) {
    for (const item of value.items) {
      const placed = yaml().isScalar(item) && typeof item.value === 'string' && !isTemplated(item.value) ? placedScalar(item, lines) : undefined;
      if (!placed) parameter.unknown = true;
      else parameter.items.push(...splitItems(lines, placed.start, placed.end));
    }
  } else parameter.unknown = true;
  return parameter;
}

/** The comma-separated elements between two offsets, trimmed, empty ones left out (as heat's comma_delimited_list does). */
function splitItems(lines: LineIndex, start: number, end: number): Token[] {
  const out: Token[] = [];
  let at = start;
  for (let i = start; i <= end; i++) {
    if (i === end || lines.text[i] === ',') {
      const token = trimmedToken(lines, at, i);
      if (token) out.push(token);
      at = i + 1;
    }
  }
  return out;
}

function trimmedToken(lines: LineIndex, start: number, end: number): Token | undefined {
  while (start < end && /\s/.test(lines.text[start])) start++;
  while (end > start && /\s/.test(lines.text[end - 1])) end--;
  return start < end ? sourceToken(lines, start, end) : undefined;
}
