import type { Position } from 'vscode-languageserver-types';
import type { CaptureDocument, Token } from '../../syntax/ast';

/** A bridge, port or link name in a capture, under the cursor. */
export interface CaptureName {
  token: Token;
  kind: 'bridge' | 'device';
}

/** The `Bridge`, `Port` or `Interface` name of `ovs-vsctl show`, the link of `ip`, or the port of `ovs-ofctl show` at `position`. */
export function captureNameAt(doc: CaptureDocument, position: Position): CaptureName | undefined {
  const offset = doc.lineIndex.offsetAt(position);
  const at = (token: Token) => token.start <= offset && offset <= token.end;
  for (const section of doc.sections) {
    if (position.line < section.range.start.line || position.line > section.range.end.line) continue;
    if (section.type === 'ovs-vsctl-show') {
      for (const bridge of section.bridges) {
        if (at(bridge.name)) return { token: bridge.name, kind: 'bridge' };
        for (const port of bridge.ports) {
          if (at(port.name)) return { token: port.name, kind: port.name.text === bridge.name.text ? 'bridge' : 'device' };
          for (const iface of port.interfaces) {
            if (at(iface.name)) return { token: iface.name, kind: iface.name.text === bridge.name.text ? 'bridge' : 'device' };
            if (iface.peer && at(iface.peer)) return { token: iface.peer, kind: 'device' };
          }
        }
      }
    } else if (section.type === 'ip-link') {
      for (const link of section.links) if (at(link.name)) return { token: link.name, kind: 'device' };
    } else if (section.type === 'ovs-ofctl-show') {
      for (const port of section.ports) if (at(port.name)) return { token: port.name, kind: port.number === undefined ? 'bridge' : 'device' };
    }
  }
  return undefined;
}
