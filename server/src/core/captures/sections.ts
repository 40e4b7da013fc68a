import type { Range } from 'vscode-languageserver-types';
import type { LineIndex } from '../text/lineIndex';
import type { CaptureType } from './model';

/** Lines `first` up to, not including, `end`. */
export interface LineSpan {
  first: number;
  end: number;
}

/** From the first line's start to the last line's end (an empty span: its first line). */
export function spanRange(lines: LineIndex, span: LineSpan): Range {
  return lines.range(lines.lineStart(span.first), lines.lineEnd(Math.max(span.first, span.end - 1)));
}

export interface SectionPlan {
  type: CaptureType;
  /** The output's lines (after the prompt line, if any). */
  span: LineSpan;
  /** The prompt line, when the output follows one. */
  promptLine: number | undefined;
  /** The command, from the prompt line or the file name, when known. */
  command: string | undefined;
}

/**
 * A shell prompt line: `# ovs-vsctl show`, `[root@compute-0 ~]# ovs-ofctl
 * dump-flows br-ex`, `stack@director:~$ sudo ip a`,
 * `(overcloud) [stack@undercloud ~]$ openstack network show public -f json`.
 * The command is the first group.
 */
const PROMPT = /^\s*(?:\([^)]*\)\s*)?(?:\[[^\]]*\]\s*|[\w.-]+@[\w.-]+(?::\S*)?\s*)?[#$]\s+(\S.*?)\s*$/;
const SUDO = /^sudo\s+(?:-\S+\s+)*/;
const PROMPT_CHARACTER = /[#$]/g;

/** What a command line runs, when it is one we read. */
export function typeOfCommand(command: string): CaptureType | undefined {
  const words = command.trim().replace(SUDO, '').split(/\s+/);
  const tool = words[0];
  // Options before the verb (`-t 5`, `-O OpenFlow13`, `--timeout=5`) do not change what is shown.
  const verbs = words.slice(1).filter((w, i, all) => !w.startsWith('-') && !(i > 0 && /^-(t|O|-timeout|-protocols)$/.test(all[i - 1])));
  const verb = verbs[0];
  switch (tool) {
    case 'ovs-vsctl':
      if (verb === 'show') return 'ovs-vsctl-show';
      if (verb === 'list' && /^open_vswitch$/i.test(verbs[1] ?? '')) return 'ovs-vsctl-list';
      return undefined;
    case 'ovs-ofctl':
      if (verb === 'show') return 'ovs-ofctl-show';
      if (verb === 'dump-flows') return 'ovs-ofctl-dump-flows';
      return undefined;
    case 'ip':
      // `ip a`, `ip addr`, `ip -d address`, `ip link`, `ip -s -d link show`…
      return verb !== undefined && /^(a|ad|add|addr|addre|addres|address|l|li|lin|link)$/.test(verb) ? 'ip-link' : undefined;
    case 'openstack':
      if (verb === 'network' && verbs[1] === 'show') return 'network-show';
      if (verb === 'network' && verbs[1] === 'agent' && verbs[2] === 'show') return 'agent-show';
      if (verb === 'network' && verbs[1] === 'agent' && verbs[2] === 'list') return 'agent-list';
      return undefined;
    case 'neutron':
      if (verb === 'net-show') return 'network-show';
      if (verb === 'agent-show') return 'agent-show';
      if (verb === 'agent-list') return 'agent-list';
      return undefined;
    default:
      return undefined;
  }
}

/** The bridge a dump-flows or ofctl show command names (its last word). */
export function bridgeOfCommand(command: string | undefined): string | undefined {
  if (!command) return undefined;
  const words = command.trim().split(/\s+/);
  const verb = words.findIndex((w) => w === 'dump-flows' || w === 'show');
  const bridge = verb >= 0 ? words.slice(verb + 1).find((w) => !w.startsWith('-') && !w.includes('=')) : undefined;
  return bridge && /^[\w.:-]+$/.test(bridge) ? bridge : undefined;
}

/**
 * The command a sosreport file name records: sos replaces spaces with `_` and
 * drops `/` (`ovs-ofctl_-O_OpenFlow13_dump-flows_br-int`); hand-saved files
 * often do the same with `-` (`ovs-ofctl-dump-flows-br-ex.txt`).
 */
export function commandOfFileName(basename: string): string | undefined {
  const stem = basename.replace(/\.(txt|out|capture)$/, '');
  if (SOS_NAME.test(stem)) return stem.replace(/_/g, ' ');
  const dump = /(?:^|[_-])(dump-flows|show)[_-]([\w.:-]+)$/.exec(stem);
  if (dump && /ofctl|flows/.test(stem)) return `ovs-ofctl ${dump[1]} ${dump[2]}`;
  return undefined;
}

/** A file name as sos makes it from a command line. */
const SOS_NAME = /^(ovs-vsctl|ovs-ofctl|ip|openstack|neutron)_[^.]*$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The capture type a section's first lines show, without a command to say it. */
export function typeOfContent(lines: LineIndex, span: LineSpan): CaptureType | undefined {
  const heads: string[] = [];
  for (let line = span.first; line < span.end && heads.length < 4; line++) {
    const content = lines.text.slice(lines.lineStart(line), lines.lineEnd(line)).trim();
    if (content) heads.push(content);
  }
  const [first = '', second = ''] = heads;
  if (UUID.test(first) && /^(Manager|Bridge|ovs_version:)/.test(second)) return 'ovs-vsctl-show';
  if (/^Bridge\s+\S/.test(first) && heads.slice(1).some((h) => /^(Port|Interface|Controller|fail_mode:|datapath_type:)/.test(h))) return 'ovs-vsctl-show';
  if (/^OFPT_FEATURES_REPLY\b/.test(first)) return 'ovs-ofctl-show';
  if (/^(NXST|OFPST)_FLOW reply\b/.test(first) || /^cookie=0x[0-9a-f]+,/.test(first)) return 'ovs-ofctl-dump-flows';
  if (/^\d+: [^\s:]+(@\S+)?: <[A-Z0-9_,-]*>/.test(first) || /^\d+: \S+\s+inet6? /.test(first)) return 'ip-link';
  if (/^_uuid\s+:\s/.test(first) && heads.some((h) => /^(ovs_version|external_ids|bridges|db_version)\s+:/.test(h))) return 'ovs-vsctl-list';
  return openstackTypeOf(lines.text.slice(lines.lineStart(span.first), lines.lineEnd(Math.min(span.end, span.first + 200) - 1)));
}

/** `openstack … show` output in JSON, YAML or a table: told by the fields it has. */
function openstackTypeOf(head: string): CaptureType | undefined {
  const field = (name: string) => new RegExp(`(^|\\n|[{,])\\s*("${name}"\\s*:|${name}:\\s|\\|\\s*${name}\\s*\\|)`).test(head);
  if (field('provider:network_type') || field('provider:physical_network')) return 'network-show';
  if (field('agent_type') && (field('configurations') || field('configuration'))) return 'agent-show';
  // A list: OSC's column names (`| Agent Type |`, `"Agent Type":`), or the neutron CLI's table header.
  if (/\|\s*Agent Type\s*\||"Agent Type"\s*:|^-?\s*Agent Type:\s|^\|\s*id\s*\|\s*agent_type\s*\|/m.test(head)) return 'agent-list';
  return undefined;
}

/**
 * Cuts a capture file into the outputs it holds. With prompt lines, each
 * prompt of a command we read starts a section (other commands' output is
 * passed over); without, the whole file is one section, of the type the file
 * name's command or its content says.
 */
export function planSections(lines: LineIndex, basename: string): SectionPlan[] {
  const prompts: { line: number; command: string }[] = [];
  /** Every prompt line, of a command we read or not: each ends the output before it. */
  const boundaries: number[] = [];
  const count = lines.lineCount;
  // A sosreport file holds one command's output, named after it: no prompts to look for.
  if (!SOS_NAME.test(basename)) {
    // Only lines holding a `#` or `$` can be prompts: jump from one to the next (a dump-flows capture has none).
    const text = lines.text;
    PROMPT_CHARACTER.lastIndex = 0;
    while (PROMPT_CHARACTER.exec(text)) {
      const { line } = lines.positionAt(PROMPT_CHARACTER.lastIndex - 1);
      const start = lines.lineStart(line);
      const end = lines.lineEnd(line);
      PROMPT_CHARACTER.lastIndex = end;
      // Prompts are short; a long line is output.
      if (end - start > 300) continue;
      const match = PROMPT.exec(text.slice(start, end));
      if (!match) continue;
      boundaries.push(line);
      const command = match[1].replace(SUDO, '');
      if (typeOfCommand(command)) prompts.push({ line, command });
    }
  }
  if (prompts.length === 0) {
    const span = { first: 0, end: count };
    const command = commandOfFileName(basename);
    // The content decides; the file name alone only for dump-flows, whose output may be empty or start with any line.
    const type = typeOfContent(lines, span) ?? (command && typeOfCommand(command) === 'ovs-ofctl-dump-flows' ? 'ovs-ofctl-dump-flows' : undefined);
    return type ? [{ type, span, promptLine: undefined, command }] : [];
  }
  const plans: SectionPlan[] = [];
  for (let i = 0; i < prompts.length; i++) {
    const next = boundaries.find((line) => line > prompts[i].line) ?? count;
    const span = { first: prompts[i].line + 1, end: next };
    const command = prompts[i].command;
    plans.push({ type: typeOfCommand(command)!, span, promptLine: prompts[i].line, command });
  }
  return plans;
}
