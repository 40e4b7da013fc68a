import type { LineIndex } from '../text/lineIndex';
import { sourceToken } from '../syntax/nodes';
import type { OvsdbMapEntry, OvsdbRecord, VsctlListSection } from './model';
import { spanRange, type LineSpan } from './sections';

/**
 * `ovs-vsctl list <table>`: records of `column : value` lines, separated by
 * blank lines. Of the values, the `external_ids` map is read entry by entry
 * (OVN keeps `ovn-bridge-mappings` there).
 */
export function parseOvsdbList(lines: LineIndex, span: LineSpan, command: string | undefined): VsctlListSection {
  const records: OvsdbRecord[] = [];
  let record: OvsdbRecord | undefined;
  for (let line = span.first; line < span.end; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    const content = lines.text.slice(start, end);
    const column = /^([a-z_]+)\s*: ?(.*)$/d.exec(content);
    if (!column?.indices) {
      if (!content.trim()) record = undefined;
      continue;
    }
    if (!record || column[1] === '_uuid') {
      record = { columns: new Map(), externalIds: [], range: lines.range(start, end) };
      records.push(record);
    }
    record.range = { start: record.range.start, end: lines.positionAt(end) };
    record.columns.set(column[1], column[2]);
    if (column[1] === 'external_ids') record.externalIds = mapEntries(lines, start + column.indices[2][0], column[2]);
  }
  const table = command?.split(/\s+/).find((_, i, all) => i > 0 && all[i - 1] === 'list');
  return {
    type: 'ovs-vsctl-list',
    range: spanRange(lines, span),
    command,
    table,
    records,
  };
}

/** `{key=value, key="quoted, value"}` → entries, each value's token inside its quotes. */
function mapEntries(lines: LineIndex, offset: number, text: string): OvsdbMapEntry[] {
  const entries: OvsdbMapEntry[] = [];
  if (!text.startsWith('{')) return entries;
  let i = 1;
  while (i < text.length) {
    while (text[i] === ' ' || text[i] === ',') i++;
    if (i >= text.length || text[i] === '}') break;
    const keyStart = i;
    const key = readAtom(text, i);
    i = key.end;
    if (text[i] !== '=') break;
    i++;
    const value = readAtom(text, i);
    entries.push({ key: key.value, value: sourceToken(lines, offset + value.valueStart, offset + value.valueStart + value.raw.length) });
    i = value.end;
    if (i === keyStart) break;
  }
  return entries;
}

/** A bare or double-quoted atom from `at`: its unquoted text (as written inside the quotes), where that starts, and where the atom ends. */
function readAtom(text: string, at: number): { value: string; raw: string; valueStart: number; end: number } {
  if (text[at] === '"') {
    let i = at + 1;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    const raw = text.slice(at + 1, Math.min(i, text.length));
    return { value: raw.replace(/\\(.)/g, '$1'), raw, valueStart: at + 1, end: Math.min(i + 1, text.length) };
  }
  let i = at;
  while (i < text.length && !'=,} '.includes(text[i])) i++;
  const raw = text.slice(at, i);
  return { value: raw, raw, valueStart: at, end: i };
}
