import type { Node, Pair, Scalar, YAMLMap } from 'yaml';
import type { LineIndex } from '../text/lineIndex';
import type { Token } from '../syntax/ast';
import { sourceToken } from '../syntax/nodes';
import { yaml } from '../syntax/yamlLibrary';
import type { AgentReport, AgentShowSection, NetworkShowSection, ProviderNetwork } from './model';
import { spanRange, type LineSpan } from './sections';

/**
 * `openstack network show` and `openstack network agent show` (`-f json`,
 * `-f yaml` or the default table), and the older `neutron net-show` /
 * `neutron agent-show` tables. JSON is read as YAML (the `yaml` library
 * keeps every node's offsets); a table is read row by row.
 */
export function parseNetworkShow(lines: LineIndex, span: LineSpan, command: string | undefined): NetworkShowSection {
  const range = spanRange(lines, span);
  const networks: ProviderNetwork[] = [];
  for (const object of objectsOf(lines, span)) {
    const network: ProviderNetwork = {
      name: object.text('name'),
      id: object.text('id'),
      networkType: object.token('provider:network_type'),
      physicalNetwork: object.token('provider:physical_network'),
      segmentationId: object.token('provider:segmentation_id'),
      external: externalOf(object.text('router:external')),
      range: object.range,
    };
    if (network.networkType || network.physicalNetwork) networks.push(network);
  }
  return { type: 'network-show', range, command, networks };
}

export function parseAgentShow(lines: LineIndex, span: LineSpan, command: string | undefined): AgentShowSection {
  const agents: AgentReport[] = [];
  for (const object of objectsOf(lines, span)) {
    const agentType = object.text('agent_type');
    if (!agentType) continue;
    const mappings = object.mappings();
    agents.push({ agentType, host: object.token('host'), bridgeMappings: mappings?.map, mappingsRange: mappings?.range, range: object.range });
  }
  return { type: 'agent-show', range: spanRange(lines, span), command, agents };
}

/** One shown object, whatever the format it came in. */
interface ShownObject {
  range: ReturnType<LineIndex['range']>;
  /** The field's value as text (null and absent: undefined). */
  text(field: string): string | undefined;
  /** The field's value with where it stands. */
  token(field: string): Token | undefined;
  /** An agent's reported bridge mappings (OVS `bridge_mappings` dict, OVN `bridge-mappings` string). */
  mappings(): { map: Map<string, string>; range: ReturnType<LineIndex['range']> } | undefined;
}

function objectsOf(lines: LineIndex, span: LineSpan): ShownObject[] {
  const start = lines.lineStart(span.first);
  const end = lines.lineEnd(Math.max(span.first, span.end - 1));
  const body = lines.text.slice(start, end);
  const first = body.trimStart()[0];
  if (first === '+' || first === '|') return [tableObject(lines, span)];
  return yamlObjects(lines, start, body);
}

/** `| Field | Value |` rows; a value may go on over the next rows with an empty field (a long value the table wraps). */
function tableObject(lines: LineIndex, span: LineSpan): ShownObject {
  const rows = new Map<string, Token>();
  let last: string | undefined;
  const continued = new Map<string, string>();
  for (let line = span.first; line < span.end; line++) {
    const start = lines.lineStart(line);
    const content = lines.text.slice(start, lines.lineEnd(line));
    const row = /^\|\s*(.*?)\s*\|\s?(.*?)\s*\|\s*$/d.exec(content);
    if (!row?.indices) continue;
    const [field, value] = [row[1], row[2]];
    if (field === 'Field' && value === 'Value') continue;
    if (field) {
      const [valueStart, valueEnd] = row.indices[2];
      rows.set(field, sourceToken(lines, start + valueStart, start + valueEnd));
      last = field;
      continued.set(field, value);
    } else if (last) continued.set(last, `${continued.get(last)}${value}`);
  }
  const range = spanRange(lines, span);
  const value = (field: string) => {
    const token = rows.get(field);
    return token && token.text && token.text !== 'None' ? token : undefined;
  };
  return {
    range,
    text: (field) => value(field)?.text,
    token: value,
    mappings() {
      // OSC names the field `configuration`; the neutron CLI and the API, `configurations`.
      const field = rows.has('configuration') ? 'configuration' : 'configurations';
      const token = rows.get(field);
      if (!token) return undefined;
      const text = continued.get(field) ?? '';
      // osc-lib flattens a nested dict: bridge_mappings.physnet1='br-ex'; older clients print it whole:
      // bridge_mappings='{'physnet1': 'br-ex'}', or as JSON in the neutron CLI; OVN: bridge-mappings='a:b'.
      const map = new Map<string, string>();
      const flattened = [...text.matchAll(/(?:^|[\s,])bridge_mappings\.([^=\s]+)='([^']*)'/g)];
      for (const [, physnet, bridge] of flattened) map.set(physnet, bridge);
      const dict = /["']?bridge_mappings["']?\s*[:=]\s*'?\{([^}]*)\}/.exec(text);
      if (dict) for (const pair of dict[1].matchAll(/["']([^"']+)["']\s*:\s*["']([^"']+)["']/g)) map.set(pair[1], pair[2]);
      const ovn = /["']?bridge-mappings["']?\s*[:=]\s*["']([^"']*)["']/.exec(text);
      if (ovn) for (const [physnet, bridge] of pairsOf(ovn[1])) map.set(physnet, bridge);
      return flattened.length || dict || ovn ? { map, range: token.range } : undefined;
    },
  };
}

/** The root node of command output in JSON or YAML (offsets relative to `body`); undefined when it is neither. */
export function yamlRootOf(body: string): unknown {
  try {
    const doc = yaml().parseDocument(body, { prettyErrors: false, uniqueKeys: false });
    return doc.errors.length > 0 ? undefined : doc.contents;
  } catch {
    return undefined;
  }
}

function yamlObjects(lines: LineIndex, offset: number, body: string): ShownObject[] {
  const lib = yaml();
  const root = yamlRootOf(body);
  const maps = lib.isSeq(root) ? root.items.filter((item) => lib.isMap(item)) : lib.isMap(root) ? [root] : [];
  return (maps as YAMLMap[]).map((map) => mapObject(lines, offset, map));
}

function mapObject(lines: LineIndex, offset: number, map: YAMLMap): ShownObject {
  const lib = yaml();
  const pairOf = (m: YAMLMap, key: string) => m.items.find((p) => lib.isScalar(p.key) && String(p.key.value) === key) as Pair<Scalar, Node> | undefined;
  const scalar = (field: string) => {
    const value = pairOf(map, field)?.value;
    return lib.isScalar(value) && value.value !== null && value.value !== undefined && value.value !== '' ? value : undefined;
  };
  const nodeRange = (node: Node | Scalar) => {
    const [start, , end] = node.range ?? [0, 0, 0];
    return lines.range(offset + start, offset + end);
  };
  const scalarToken = (node: Scalar): Token => {
    const [start, end] = node.range ?? [0, 0];
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    const from = offset + start + (quoted ? 1 : 0);
    const to = offset + end - (quoted ? 1 : 0);
    const token = sourceToken(lines, from, Math.max(from, to));
    return { text: String(node.value), start: token.start, end: token.end, range: token.range };
  };
  return {
    range: nodeRange(map),
    text: (field) => {
      const value = scalar(field);
      return value ? String(value.value) : undefined;
    },
    token: (field) => {
      const value = scalar(field);
      return value ? scalarToken(value) : undefined;
    },
    mappings() {
      const configurations = (pairOf(map, 'configuration') ?? pairOf(map, 'configurations'))?.value;
      if (!lib.isMap(configurations)) return undefined;
      const ovs = pairOf(configurations, 'bridge_mappings');
      if (ovs && lib.isMap(ovs.value)) {
        const result = new Map<string, string>();
        for (const pair of ovs.value.items) if (lib.isScalar(pair.key) && lib.isScalar(pair.value)) result.set(String(pair.key.value), String(pair.value.value));
        return { map: result, range: nodeRange(ovs.value as Node) };
      }
      const ovn = pairOf(configurations, 'bridge-mappings');
      if (ovn && lib.isScalar(ovn.value)) return { map: new Map(pairsOf(String(ovn.value.value ?? ''))), range: nodeRange(ovn.value) };
      return undefined;
    },
  };
}

/** router:external as OSC's table (`External`/`Internal`), JSON (`true`) or the neutron CLI (`True`) shows it. */
function externalOf(text: string | undefined): boolean | undefined {
  if (text === undefined) return undefined;
  if (/^(external|true)$/i.test(text)) return true;
  if (/^(internal|false)$/i.test(text)) return false;
  return undefined;
}

/** `physnet1:br-ex,physnet2:br-vlan` → pairs. */
export function pairsOf(text: string): [string, string][] {
  return text
    .split(',')
    .map((entry) => entry.trim().split(':'))
    .filter((parts) => parts.length === 2 && parts[0] && parts[1])
    .map(([physnet, bridge]) => [physnet.trim(), bridge.trim()]);
}

