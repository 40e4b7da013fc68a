import type { CodeAction } from 'vscode-languageserver-types';
import { lastAssignment } from '../../workspace/facts';
import { quickFix, singleFileEdit } from '../edits';
import type { FixContext } from '../fix';
import { ifcfgDoc, stringsOf } from './ifcfgEdits';
import { dhcpOnBridge } from './ipOnBridgePortFix';

/** ifcfg-bridge-dhcp: BOOTPROTO=none with OVSBOOTPROTO=dhcp and OVSDHCPINTERFACES naming the bridge's ports on the host. */
export function bridgeDhcpFix({ file, diagnostic }: FixContext): CodeAction[] {
  const doc = ifcfgDoc(file);
  const ports = stringsOf(diagnostic, 'ports').filter((p) => /^[A-Za-z0-9_.@+-]+$/.test(p));
  if (!doc || ports.length === 0 || lastAssignment(doc, 'OVSBOOTPROTO') || lastAssignment(doc, 'OVSDHCPINTERFACES')) return [];
  return [quickFix(`Use OVSBOOTPROTO=dhcp through ${ports.join(', ')}`, diagnostic, singleFileEdit(file.uri, dhcpOnBridge(doc, ports)), true)];
}
