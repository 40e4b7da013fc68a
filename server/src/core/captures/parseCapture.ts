import { LineIndex } from '../text/lineIndex';
import type { CaptureDocument } from '../syntax/ast';
import { encodingProblem } from '../syntax/encoding';
import type { CaptureSection } from './model';
import { parseIpLinks } from './ipLink';
import { parseDumpFlows, parseOfctlShow } from './ofctl';
import { parseAgentShow, parseNetworkShow } from './openstackShow';
import { parseOvsdbList } from './ovsdbList';
import { planSections } from './sections';
import { parseVsctlShow } from './vsctlShow';

/**
 * Reads a capture file: the outputs it holds (see planSections), each parsed
 * by its command's reader. A file with none is not a capture (the index then
 * leaves it alone). Never throws.
 */
export function parseCapture(text: string, basename: string): CaptureDocument {
  const lineIndex = new LineIndex(text);
  const doc: CaptureDocument = { format: 'capture', lineIndex, sections: [], comments: [], problems: [] };
  if (encodingProblem(text, lineIndex)) return doc;
  for (const plan of planSections(lineIndex, basename)) {
    const { span, command } = plan;
    let section: CaptureSection;
    switch (plan.type) {
      case 'ovs-vsctl-show':
        section = parseVsctlShow(lineIndex, span, command);
        break;
      case 'ovs-vsctl-list':
        section = parseOvsdbList(lineIndex, span, command);
        break;
      case 'ovs-ofctl-show':
        section = parseOfctlShow(lineIndex, span, command);
        break;
      case 'ovs-ofctl-dump-flows':
        section = parseDumpFlows(lineIndex, span, command);
        break;
      case 'ip-link':
        section = parseIpLinks(lineIndex, span, command);
        break;
      case 'network-show':
        section = parseNetworkShow(lineIndex, span, command);
        break;
      case 'agent-show':
        section = parseAgentShow(lineIndex, span, command);
        break;
    }
    if (plan.promptLine !== undefined) section.range = { start: { line: plan.promptLine, character: 0 }, end: section.range.end };
    doc.sections.push(section);
  }
  return doc;
}
