import type { LineIndex } from '../text/lineIndex';
import { sourceToken } from '../syntax/nodes';
import type { IpLink, IpLinkSection } from './model';
import { spanRange, type LineSpan } from './sections';

/**
 * `ip address`, `ip -d address`, `ip link` and their one-line (`-o`) forms.
 * A link's header (`5: eth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 …
 * master ovs-system state UP …`) gives its flags, master and state; `inet`
 * lines below it (or, with `ip -o addr`, lines of their own) its addresses.
 */
export function parseIpLinks(lines: LineIndex, span: LineSpan, command: string | undefined): IpLinkSection {
  const links: IpLink[] = [];
  const byName = new Map<string, IpLink>();
  let current: IpLink | undefined;
  let headers = 0;
  for (let line = span.first; line < span.end; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    const content = lines.text.slice(start, end);
    const header = /^(\d+): ([^\s:@]+)(?:@[^\s:]+)?: <([A-Z0-9_,-]*)>(.*)$/d.exec(content);
    if (header?.indices) {
      headers++;
      const [nameStart, nameEnd] = header.indices[2];
      const rest = header[4];
      current = {
        name: sourceToken(lines, start + nameStart, start + nameEnd),
        flags: header[3].split(',').filter(Boolean),
        master: /\smaster (\S+)/.exec(rest)?.[1],
        state: /\sstate (\S+)/.exec(rest)?.[1],
        addressed: globalAddress(rest),
        range: lines.range(start, end),
      };
      links.push(current);
      byName.set(current.name.text, current);
      continue;
    }
    // `ip -o addr`: `2: eth0    inet 10.0.0.5/24 … scope global eth0\…`, one line per address.
    const oneLine = /^(\d+): ([^\s:@]+)\s+(inet6?) /d.exec(content);
    if (oneLine?.indices) {
      const name = oneLine[2];
      let link = byName.get(name);
      if (!link) {
        const [nameStart, nameEnd] = oneLine.indices[2];
        link = { name: sourceToken(lines, start + nameStart, start + nameEnd), flags: [], master: undefined, state: undefined, addressed: false, range: lines.range(start, end) };
        links.push(link);
        byName.set(name, link);
      }
      if (globalAddress(content)) link.addressed = true;
      current = undefined;
      continue;
    }
    if (current && /^\s+inet6? /.test(content) && globalAddress(content)) current.addressed = true;
  }
  return {
    type: 'ip-link',
    range: spanRange(lines, span),
    command,
    links,
    knowsLinkState: headers > 0,
  };
}

function globalAddress(text: string): boolean {
  return /\binet6? \S+.*\bscope global\b/.test(text);
}
