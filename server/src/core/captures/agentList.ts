import type { Scalar, YAMLMap } from 'yaml';
import type { Token } from '../syntax/ast';
import { sourceToken } from '../syntax/nodes';
import { yaml } from '../syntax/yamlLibrary';
import type { LineIndex } from '../text/lineIndex';
import type { AgentListSection, ListedAgent } from './model';
import { yamlRootOf } from './openstackShow';
import { spanRange, type LineSpan } from './sections';

/**
 * `openstack network agent list` (the default table, `-f json`, `-f yaml`)
 * and the older `neutron agent-list` table: each agent's type and host. Its
 * worth is that it is the whole list, as the servers know it.
 */
export function parseAgentList(lines: LineIndex, span: LineSpan, command: string | undefined): AgentListSection {
  const start = lines.lineStart(span.first);
  const body = lines.text.slice(start, lines.lineEnd(Math.max(span.first, span.end - 1)));
  const first = body.trimStart()[0];
  const agents = first === '+' || first === '|' ? tableRows(lines, span) : yamlRows(lines, start, body);
  return { type: 'agent-list', range: spanRange(lines, span), command, agents };
}

const TYPE_COLUMNS = new Set(['Agent Type', 'agent_type']);
const HOST_COLUMNS = new Set(['Host', 'host']);

function tableRows(lines: LineIndex, span: LineSpan): ListedAgent[] {
  let typeColumn = -1;
  let hostColumn = -1;
  const agents: ListedAgent[] = [];
  for (let line = span.first; line < span.end; line++) {
    const lineStart = lines.lineStart(line);
    const content = lines.text.slice(lineStart, lines.lineEnd(line));
    if (!content.trimStart().startsWith('|')) continue;
    const cells = cellsOf(content);
    if (typeColumn < 0) {
      typeColumn = cells.findIndex((c) => TYPE_COLUMNS.has(c.text));
      hostColumn = cells.findIndex((c) => HOST_COLUMNS.has(c.text));
      continue;
    }
    const type = cells[typeColumn]?.text;
    if (!type) continue;
    const host = cells[hostColumn];
    agents.push({
      agentType: type,
      host: host?.text ? sourceToken(lines, lineStart + host.start, lineStart + host.start + host.text.length) : undefined,
      range: lines.range(lineStart, lineStart + content.length),
    });
  }
  return agents;
}

/** The trimmed cells of a `| a | b |` row, with where each starts in the line. */
function cellsOf(row: string): { text: string; start: number }[] {
  const cells: { text: string; start: number }[] = [];
  let at = row.indexOf('|') + 1;
  while (at > 0 && at < row.length) {
    const next = row.indexOf('|', at);
    if (next < 0) break;
    const raw = row.slice(at, next);
    const lead = raw.length - raw.trimStart().length;
    cells.push({ text: raw.trim(), start: at + lead });
    at = next + 1;
  }
  return cells;
}

function yamlRows(lines: LineIndex, offset: number, body: string): ListedAgent[] {
  const lib = yaml();
  const root = yamlRootOf(body);
  if (!lib.isSeq(root)) return [];
  const agents: ListedAgent[] = [];
  for (const item of root.items) {
    if (!lib.isMap(item)) continue;
    const value = (names: Set<string>) => (item as YAMLMap).items.find((p) => lib.isScalar(p.key) && names.has(String(p.key.value)))?.value;
    const type = value(TYPE_COLUMNS);
    if (!lib.isScalar(type) || typeof type.value !== 'string') continue;
    const host = value(HOST_COLUMNS);
    const [start, , end] = (item as YAMLMap).range ?? [0, 0, 0];
    agents.push({ agentType: type.value, host: lib.isScalar(host) ? tokenOf(lines, offset, host) : undefined, range: lines.range(offset + start, offset + end) });
  }
  return agents;
}

function tokenOf(lines: LineIndex, offset: number, node: Scalar): Token | undefined {
  if (typeof node.value !== 'string' || !node.value) return undefined;
  const [start, end] = node.range ?? [0, 0];
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  return sourceToken(lines, offset + start + (quoted ? 1 : 0), offset + end - (quoted ? 1 : 0));
}
