import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { CaptureDocument } from '../../syntax/ast';
import type { CaptureSection } from '../../captures/model';

/**
 * The outline of a capture file: one symbol per command output, and inside
 * `ovs-vsctl show` its bridges, their ports and the ports' interfaces (with
 * a patch port's peer), inside `ip` its links, inside `ovs-ofctl show` its ports.
 */
export function captureSymbols(doc: CaptureDocument): DocumentSymbol[] {
  return doc.sections.map((section) => ({
    name: section.command ?? COMMAND_NAMES[section.type],
    kind: SymbolKind.Module,
    range: section.range,
    selectionRange: { start: section.range.start, end: section.range.start },
    children: childrenOf(section),
  }));
}

const COMMAND_NAMES: Record<CaptureSection['type'], string> = {
  'ovs-vsctl-show': 'ovs-vsctl show',
  'ovs-vsctl-list': 'ovs-vsctl list',
  'ovs-ofctl-show': 'ovs-ofctl show',
  'ovs-ofctl-dump-flows': 'ovs-ofctl dump-flows',
  'ip-link': 'ip address',
  'network-show': 'network show',
  'agent-show': 'network agent show',
  'agent-list': 'network agent list',
};

function childrenOf(section: CaptureSection): DocumentSymbol[] {
  switch (section.type) {
    case 'ovs-vsctl-show':
      return section.bridges.map((bridge) => ({
        name: bridge.name.text,
        detail: 'Bridge',
        kind: SymbolKind.Class,
        range: bridge.range,
        selectionRange: bridge.name.range,
        children: bridge.ports.map((port) => ({
          name: port.name.text,
          detail: port.tag !== undefined ? `Port, tag ${port.tag}` : 'Port',
          kind: SymbolKind.Field,
          range: port.range,
          selectionRange: port.name.range,
          children: port.interfaces.map((iface) => ({
            name: iface.name.text,
            detail: [iface.type || 'system', iface.peer && `peer ${iface.peer.text}`, iface.error && 'error'].filter(Boolean).join(', '),
            kind: SymbolKind.Interface,
            range: iface.range,
            selectionRange: iface.name.range,
          })),
        })),
      }));
    case 'ip-link':
      return section.links.map((link) => ({
        name: link.name.text,
        detail: [link.state && `state ${link.state}`, link.master && `master ${link.master}`].filter(Boolean).join(', '),
        kind: SymbolKind.Interface,
        range: link.range,
        selectionRange: link.name.range,
      }));
    case 'ovs-ofctl-show':
      return section.ports.map((port) => ({
        name: port.name.text,
        detail: port.number === undefined ? 'LOCAL' : `port ${port.number}`,
        kind: SymbolKind.Field,
        range: port.range,
        selectionRange: port.name.range,
      }));
    case 'agent-list':
      return section.agents.map((agent) => ({
        name: agent.host?.text ?? agent.agentType,
        detail: agent.agentType,
        kind: SymbolKind.Object,
        range: agent.range,
        selectionRange: agent.host?.range ?? agent.range,
      }));
    default:
      return [];
  }
}
