import type { LineIndex } from '../text/lineIndex';
import { sourceToken } from '../syntax/nodes';
import type { DumpFlowsSection, OfctlPort, OfctlShowSection, VlanFlow } from './model';
import { bridgeOfCommand, spanRange, type LineSpan } from './sections';

/**
 * `ovs-ofctl show <bridge>`: the bridge's OpenFlow ports, one header line
 * each (` 2(phy-br-ex): addr:…`, ` LOCAL(br-ex): addr:…`) followed by its
 * `config:` and `state:` lines.
 */
export function parseOfctlShow(lines: LineIndex, span: LineSpan, command: string | undefined): OfctlShowSection {
  const ports: OfctlPort[] = [];
  let bridge: string | undefined;
  let port: OfctlPort | undefined;
  for (let line = span.first; line < span.end; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    const content = lines.text.slice(start, end);
    const header = /^\s*(\d+|LOCAL)\(([^)]+)\):/d.exec(content);
    if (header?.indices) {
      const [nameStart, nameEnd] = header.indices[2];
      const local = header[1] === 'LOCAL';
      port = { number: local ? undefined : Number(header[1]), name: sourceToken(lines, start + nameStart, start + nameEnd), adminDown: false, linkDown: false, range: lines.range(start, end) };
      if (local) bridge = header[2];
      ports.push(port);
      continue;
    }
    const status = /^\s*(config|state):\s*(.*)$/.exec(content);
    if (status && port) {
      if (status[1] === 'config' && /\bPORT_DOWN\b/.test(status[2])) port.adminDown = true;
      if (status[1] === 'state' && /\bLINK_DOWN\b/.test(status[2])) port.linkDown = true;
    }
  }
  return { type: 'ovs-ofctl-show', range: spanRange(lines, span), command, bridge: bridge ?? bridgeOfCommand(command), ports };
}

/**
 * `ovs-ofctl dump-flows <bridge>`. Only the flows that match or set VLAN
 * tags are read, and only when a check or a hover first asks: a busy br-int
 * has tens of thousands of flows.
 */
export function parseDumpFlows(lines: LineIndex, span: LineSpan, command: string | undefined): DumpFlowsSection {
  let vlanFlows: VlanFlow[] | undefined;
  const read = (): VlanFlow[] => {
    const found: VlanFlow[] = [];
    const text = lines.text;
    const from = lines.lineStart(span.first);
    const to = span.end >= lines.lineCount ? text.length : lines.lineStart(span.end);
    // Jump from one `vlan` to the next instead of visiting every line: most flows of br-int never mention one.
    for (let at = text.indexOf('vlan', from); at >= 0 && at < to; ) {
      const { line } = lines.positionAt(at);
      const start = lines.lineStart(line);
      const end = lines.lineEnd(line);
      const flow = vlanFlow(text.slice(start, end));
      if (flow) {
        const indent = /^\s*/.exec(text.slice(start, Math.min(end, start + 64)))![0].length;
        found.push({ ...flow, range: lines.range(start + indent, end) });
      }
      at = text.indexOf('vlan', end);
    }
    return found;
  };
  return {
    type: 'ovs-ofctl-dump-flows',
    range: spanRange(lines, span),
    command,
    bridge: bridgeOfCommand(command),
    get vlanFlows() {
      return (vlanFlows ??= read());
    },
  };
}

/** The VLAN handling of one flow line, or undefined when it has none. */
export function vlanFlow(line: string): Omit<VlanFlow, 'range'> | undefined {
  const at = line.indexOf('actions=');
  if (at < 0) return undefined;
  const match = line.slice(0, at);
  const actions = line.slice(at + 'actions='.length).trim();
  const field = (name: string) => new RegExp(`(?:^|[\\s,])${name}=([^,\\s]+)`).exec(match)?.[1];
  const dlVlan = field('dl_vlan');
  const tci = field('vlan_tci');
  const vlanVid = field('vlan_vid');
  let matchVlan: number | undefined;
  let matchUntagged = false;
  if (dlVlan !== undefined && /^\d+$/.test(dlVlan)) matchVlan = Number(dlVlan);
  else if (dlVlan === '0xffff') matchUntagged = true;
  if (tci !== undefined) {
    const [value] = tci.split('/');
    const tciValue = Number(value);
    if (tciValue === 0) matchUntagged = true;
    // 0x1000 is the "tag present" bit (CFI): 0x1005 is VLAN 5.
    else if (Number.isFinite(tciValue) && tciValue & 0x1000) matchVlan = tciValue & 0x0fff;
  }
  if (vlanVid !== undefined) {
    const vid = Number(vlanVid.split('/')[0]);
    if (vid === 0) matchUntagged = true;
    else if (Number.isFinite(vid) && vid & 0x1000) matchVlan = vid & 0x0fff;
  }
  const strips = /(?:^|,)(strip_vlan|pop_vlan)(?:,|$)/.test(actions);
  let setsVlan: number | undefined;
  const mod = /mod_vlan_vid:(\d+)/.exec(actions);
  if (mod) setsVlan = Number(mod[1]);
  const setField = /set_field:(0x[0-9a-f]+|\d+)(?:\/0x[0-9a-f]+)?->vlan_vid/i.exec(actions);
  if (setField) {
    const vid = Number(setField[1]);
    // With the present bit (4096 + VLAN), as OpenFlow 1.3 writes it.
    setsVlan = vid & 0x0fff;
  }
  if (matchVlan === undefined && !matchUntagged && !strips && setsVlan === undefined) return undefined;
  const table = Number(field('table') ?? /(?:^|[\s,])table=(\d+)/.exec(match)?.[1] ?? 0);
  const priority = Number(/(?:^|[\s,])priority=(\d+)/.exec(match)?.[1] ?? 32768);
  const inPort = field('in_port')?.replace(/^"(.*)"$/, '$1');
  return { table, priority, inPort, matchVlan, matchUntagged, strips, setsVlan };
}

