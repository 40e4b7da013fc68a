import type { FoldingRange } from 'vscode-languageserver-types';
import type { CaptureDocument } from '../../syntax/ast';
import type { Range } from 'vscode-languageserver-types';

/**
 * Folding of a capture file: each command's output after its prompt, each
 * bridge and each port of `ovs-vsctl show`, each port of `ovs-ofctl show`,
 * each link of `ip` with its address lines.
 */
export function captureFoldingRanges(doc: CaptureDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (range: Range) => {
    if (range.end.line > range.start.line) ranges.push({ startLine: range.start.line, endLine: range.end.line });
  };
  for (const section of doc.sections) {
    if (doc.sections.length > 1) add(section.range);
    if (section.type === 'ovs-vsctl-show') {
      for (const bridge of section.bridges) {
        add(bridge.range);
        for (const port of bridge.ports) add(port.range);
      }
    } else if (section.type === 'ip-link') {
      // A link's block runs to the line before the next link's header (or the output's end).
      const links = section.links;
      for (let i = 0; i < links.length; i++) {
        const end = i + 1 < links.length ? links[i + 1].range.start.line - 1 : section.range.end.line;
        add({ start: links[i].range.start, end: { line: end, character: 0 } });
      }
    }
  }
  return ranges;
}
