import type { CodeAction, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { lookupVariable } from '../../ifcfg/variables';
import type { IfcfgDocument } from '../../syntax/ast';
import { lastAssignment } from '../../workspace/facts';
import type { IndexedFile } from '../../workspace/model';
import { deleteLines, quickFix } from '../edits';
import type { FixContext } from '../fix';
import { ifcfgDoc, insertLines, lineText, replaceValue, stringOf } from './ifcfgEdits';

/** The address settings that move together from a port to its bridge (numbered forms included). */
const ADDRESS_VARIABLES = new Set(['IPADDR', 'PREFIX', 'NETMASK', 'GATEWAY']);

/**
 * ifcfg-ip-on-bridge-port, as one WorkspaceEdit over the port and its
 * bridge's file:
 * - an IPADDR: moves every IPADDR/PREFIX/NETMASK/GATEWAY line (as written)
 *   to the bridge, when the bridge sets none of them yet;
 * - BOOTPROTO=dhcp: sets it to none here and OVSBOOTPROTO=dhcp with
 *   OVSDHCPINTERFACES=<port> on the bridge, when the bridge has neither.
 */
export function ipOnBridgePortFix({ file, diagnostic, host }: FixContext): CodeAction[] {
  const doc = ifcfgDoc(file);
  const bridge = stringOf(diagnostic, 'bridge');
  if (!doc || !bridge || file.facts.kind !== 'ifcfg') return [];
  const candidates = host.network.declared.bridge(bridge).map((d) => d.file);
  const target = candidates.length === 1 ? candidates[0] : undefined;
  const targetDoc = target && ifcfgDoc(target);
  if (!target || !targetDoc || target.uri === file.uri) return [];
  const device = file.facts.device;

  if (stringOf(diagnostic, 'address')) {
    const moved = doc.assignments.filter((a) => ADDRESS_VARIABLES.has(lookupVariable(a.key.text)?.variable.name ?? ''));
    if (moved.length === 0 || targetDoc.assignments.some((a) => ADDRESS_VARIABLES.has(lookupVariable(a.key.text)?.variable.name ?? ''))) return [];
    const lines = [...new Set(moved.map((a) => a.line))].sort((a, b) => a - b);
    const edit = twoFiles(
      file,
      lines.map((line) => deleteLines(line, line, doc.lineIndex)),
      target,
      [insertLines(targetDoc, lines.map((line) => lineText(doc, line).trim()))],
    );
    const what = [...new Set(moved.map((a) => a.key.text))].join(', ');
    return [quickFix(`Move ${what} to the bridge ${bridge} (${target.renderedName})`, diagnostic, edit, true)];
  }

  if (stringOf(diagnostic, 'bootproto')) {
    const bootproto = lastAssignment(doc, 'BOOTPROTO');
    if (!bootproto || lastAssignment(targetDoc, 'OVSBOOTPROTO') || lastAssignment(targetDoc, 'OVSDHCPINTERFACES')) return [];
    const bridgeEdits = dhcpOnBridge(targetDoc, [device]);
    const edit = twoFiles(file, [replaceValue(bootproto, 'none')], target, bridgeEdits);
    return [quickFix(`Ask for the address on the bridge ${bridge} (OVSBOOTPROTO=dhcp through ${device})`, diagnostic, edit, true)];
  }
  return [];
}

/** OVSBOOTPROTO=dhcp and OVSDHCPINTERFACES on a bridge, with BOOTPROTO set to none when it asks for DHCP itself. */
export function dhcpOnBridge(doc: IfcfgDocument, ports: string[]): TextEdit[] {
  const bootproto = lastAssignment(doc, 'BOOTPROTO');
  const interfaces = ports.length === 1 ? ports[0] : `"${ports.join(' ')}"`;
  const lines = ['OVSBOOTPROTO=dhcp', `OVSDHCPINTERFACES=${interfaces}`];
  if (!bootproto) return [insertLines(doc, lines)];
  const insert = insertLines(doc, lines, bootproto);
  if (bootproto.value.text !== 'dhcp' && bootproto.value.text !== 'bootp') return [insert];
  // One edit from the value to the line's end, so that the replacement and the new lines cannot overlap.
  const replace = replaceValue(bootproto, 'none');
  const index = doc.lineIndex;
  const from = index.offsetAt(replace.range.end);
  const lineEnd = index.lineEnd(bootproto.line);
  return [{ range: { start: replace.range.start, end: index.positionAt(lineEnd) }, newText: replace.newText + index.text.slice(from, lineEnd) + insert.newText }];
}

function twoFiles(a: IndexedFile, aEdits: TextEdit[], b: IndexedFile, bEdits: TextEdit[]): WorkspaceEdit {
  return { changes: { [a.uri]: aEdits, [b.uri]: bEdits } };
}
