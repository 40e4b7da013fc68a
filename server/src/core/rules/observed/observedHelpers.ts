import type { Range } from 'vscode-languageserver-types';
import type { HostDevice, NetworkLayer } from '../../network/hostNetwork';
import type { Finding, RuleContext } from '../rule';
import type { IndexedFile } from '../../workspace/model';
import { dateFromSosreportName } from '../../workspace/hosts';
import { basename } from '../../workspace/paths';

/**
 * What the observed-state rules share: whether a host's captures can tell
 * what its OVSDB holds, and how a finding points at the capture it comes from.
 */

/** The host's `ovs-vsctl show` captures, when there are any: absence in them means something. */
export function ovsdbCaptures(observed: NetworkLayer): IndexedFile[] {
  return observed.has('ovs-vsctl-show') ? observed.sources.filter((f) => f.facts.network?.source === 'ovs-vsctl-show') : [];
}

/**
 * "compute-0/sos_commands/openvswitch/ovs-vsctl_-t_5_show, taken 2024-03-05":
 * the capture as the user finds it in the workspace, with the sosreport's
 * date where its folder name gives one (a capture is evidence of one moment).
 */
export function captureName(file: IndexedFile): string {
  const date = dateFromSosreportName(basename(file.host.dir));
  return date ? `${file.relativePath}, taken ${date}` : file.relativePath;
}

/**
 * " This file changed on 2026-12-06, after the capture was taken (2024-03-05): …"
 * when the configuration file on disk is newer than the capture (a
 * sosreport's date, else the capture file's own time); '' when it is not,
 * when either time is unknown, or when both come from one sosreport. A sosreport's date has no time zone: a day of
 * slack keeps a same-day change from counting.
 */
export function changedAfterCapture(context: Pick<RuleContext, 'modifiedTime'>, file: IndexedFile, capture: IndexedFile): string {
  const modified = context.modifiedTime?.(file.uri);
  if (modified === undefined) return '';
  const sosDate = dateFromSosreportName(basename(capture.host.dir));
  // A sosreport copies the configuration with the captures: the same moment, whatever the copy's time says.
  if (sosDate && file.host === capture.host) return '';
  let taken: number | undefined;
  let slack = 60_000;
  if (sosDate) {
    const [y, m, d] = sosDate.slice(0, 10).split('-').map(Number);
    taken = Date.UTC(y, m - 1, d);
    slack = 2 * DAY;
  } else taken = context.modifiedTime?.(capture.uri);
  if (taken === undefined || modified <= taken + slack) return '';
  return ` This file changed on ${day(modified)}, after the capture was taken (${sosDate ?? day(taken)}): the host may not run it yet; capture again once it is applied.`;
}

const DAY = 86_400_000;

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function relatedAt(file: IndexedFile, range: Range, message: string): NonNullable<Finding['related']>[number] {
  return { uri: file.uri, range, message };
}

/** The `ovs-vsctl show` output's first line: where "the OVSDB has no such bridge" points. */
export function ovsdbStart(file: IndexedFile): Range {
  const doc = file.doc;
  const section = doc.format === 'capture' ? doc.sections.find((s) => s.type === 'ovs-vsctl-show') : undefined;
  return firstLineOf(file, section?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
}

/** The first line of a range, as a range (a capture section's prompt or first output line). */
export function firstLineOf(file: IndexedFile, range: Range): Range {
  const lines = file.doc.lineIndex;
  const line = range.start.line;
  return lines.range(lines.lineStart(line), lines.lineEnd(line));
}

/** Whether an agent's `host` (often the FQDN) names this host (a sosreport folder gives the short name). */
export function sameHost(reported: string, hostName: string): boolean {
  if (reported === hostName) return true;
  const short = (name: string) => name.split('.', 1)[0].toLowerCase();
  return short(reported) === short(hostName);
}

/** The observed ports of a bridge that carry traffic out of the host: NICs, bonds, DPDK ports (not patch, internal or tunnel ports). */
export function uplinks(observed: NetworkLayer, bridge: string): HostDevice[] {
  return observed.portsOf(bridge).filter((d) => d.file.facts.network?.source === 'ovs-vsctl-show' && (d.role === 'ovs-port' || d.role === 'bond'));
}
