import { LineIndex } from '../text/lineIndex';
import type { CaptureDocument } from '../syntax/ast';
import { encodingProblem } from '../syntax/encoding';
import type { CaptureSection, CaptureType } from './model';
import { parseIpLinks } from './ipLink';
import { parseDumpFlows, parseOfctlShow } from './ofctl';
import { parseAgentShow, parseNetworkShow } from './openstackShow';
import { parseAgentList } from './agentList';
import { parseOvsdbList } from './ovsdbList';
import { planSections, type LineSpan } from './sections';
import { parseVsctlShow } from './vsctlShow';

/** The reader of each command's output. */
const READERS: Record<CaptureType, (lines: LineIndex, span: LineSpan, command: string | undefined) => CaptureSection> = {
  'ovs-vsctl-show': parseVsctlShow,
  'ovs-vsctl-list': parseOvsdbList,
  'ovs-ofctl-show': parseOfctlShow,
  'ovs-ofctl-dump-flows': parseDumpFlows,
  'ip-link': parseIpLinks,
  'network-show': parseNetworkShow,
  'agent-show': parseAgentShow,
  'agent-list': parseAgentList,
};

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
    const section = READERS[plan.type](lineIndex, span, command);
    if (plan.promptLine !== undefined) section.range = { start: { line: plan.promptLine, character: 0 }, end: section.range.end };
    doc.sections.push(section);
  }
  return doc;
}
