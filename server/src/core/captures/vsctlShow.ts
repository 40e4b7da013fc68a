import type { LineIndex } from '../text/lineIndex';
import { sourceToken } from '../syntax/nodes';
import type { Token } from '../syntax/ast';
import type { VsctlBridge, VsctlInterface, VsctlPort, VsctlShowSection } from './model';
import { spanRange, type LineSpan } from './sections';

/**
 * `ovs-vsctl show`: the OVSDB as a tree of Bridge, Port and Interface rows.
 * Rows are told apart by their keyword, not by indentation: excerpts pasted
 * from documents (the networking guide's among them) lose the indentation.
 * Names are quoted by older OVS releases (`Port "eth1"`); a token covers the
 * name inside the quotes.
 */
export function parseVsctlShow(lines: LineIndex, span: LineSpan, command: string | undefined): VsctlShowSection {
  const bridges: VsctlBridge[] = [];
  let bridge: VsctlBridge | undefined;
  let port: VsctlPort | undefined;
  let iface: VsctlInterface | undefined;
  let ovsVersion: string | undefined;
  /** After a Manager or Controller row: its `is_connected` is not the bridge's. */
  let inOtherRow = false;
  const text = lines.text;
  for (let line = span.first; line < span.end; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    const content = text.slice(start, end);
    const indent = content.search(/\S/);
    if (indent < 0) continue;
    const rest = content.slice(indent);
    const row = /^(Bridge|Port|Interface|Manager|Controller)\s+(\S(?:.*\S)?)\s*$/d.exec(rest);
    if (row?.indices) {
      const keyword = row[1];
      const [nameStart, nameEnd] = row.indices[2];
      const name = nameToken(lines, start + indent + nameStart, start + indent + nameEnd);
      inOtherRow = keyword === 'Manager' || keyword === 'Controller';
      if (keyword === 'Bridge') {
        bridge = { name, failMode: undefined, datapathType: undefined, ports: [], header: lines.range(start, end), range: lines.range(start, end) };
        bridges.push(bridge);
        port = undefined;
        iface = undefined;
      } else if (keyword === 'Port' && bridge) {
        port = { name, tag: undefined, interfaces: [], header: lines.range(start, end), range: lines.range(start, end) };
        bridge.ports.push(port);
        iface = undefined;
      } else if (keyword === 'Interface' && bridge) {
        // An excerpt may start at an Interface row: it stands for a port of its own name.
        if (!port) {
          port = { name, tag: undefined, interfaces: [], header: lines.range(start, end), range: lines.range(start, end) };
          bridge.ports.push(port);
        }
        iface = { name, type: '', peer: undefined, error: undefined, header: lines.range(start, end), range: lines.range(start, end) };
        port.interfaces.push(iface);
      }
      if (bridge) extendTo(bridge, lines, end);
      if (port && keyword !== 'Bridge') extendTo(port, lines, end);
      continue;
    }
    const pair = /^([a-z_]+):\s*(.*?)\s*$/d.exec(rest);
    if (!pair?.indices) continue;
    const [, key, value] = pair;
    const valueStart = start + indent + pair.indices[2][0];
    if (key === 'ovs_version') {
      ovsVersion = unquote(value);
      bridge = undefined;
      port = undefined;
      iface = undefined;
      continue;
    }
    if (inOtherRow && key === 'is_connected') continue;
    inOtherRow = false;
    if (!bridge) continue;
    extendTo(bridge, lines, end);
    if (port) extendTo(port, lines, end);
    if (iface && (key === 'type' || key === 'options' || key === 'error')) {
      extendTo(iface, lines, end);
      if (key === 'type') iface.type = unquote(value);
      else if (key === 'error') iface.error = unquote(value);
      else {
        const peer = /(?:^|[{,\s])peer=("?)([^",}\s]+)\1/.exec(value);
        if (peer) {
          const at = valueStart + peer.index + peer[0].indexOf('peer=') + 'peer='.length + peer[1].length;
          iface.peer = sourceToken(lines, at, at + peer[2].length);
        }
      }
    } else if (port && key === 'tag') {
      const tag = Number(value);
      if (Number.isInteger(tag)) port.tag = tag;
    } else if (!port && key === 'fail_mode') bridge.failMode = value;
    else if (!port && key === 'datapath_type') bridge.datapathType = value;
  }
  return { type: 'ovs-vsctl-show', range: spanRange(lines, span), command, bridges, ovsVersion };
}

/** A row's name, without the quotes older releases put around it. */
function nameToken(lines: LineIndex, start: number, end: number): Token {
  const text = lines.text;
  if (end - start >= 2 && text[start] === '"' && text[end - 1] === '"') return sourceToken(lines, start + 1, end - 1);
  return sourceToken(lines, start, end);
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

function extendTo(node: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }, lines: LineIndex, end: number): void {
  node.range = { start: node.range.start, end: lines.positionAt(end) };
}
