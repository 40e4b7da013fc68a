import type { CodeAction } from 'vscode-languageserver-types';
import { bridgeData, replaceNameActions } from './bridgeNames';
import type { FixContext } from './fix';

/** Replaces OVS_BRIDGE's value (inside its quotes) with a nearby bridge name of the host. */
export function portBridgeUndefinedFix({ file, diagnostic }: FixContext): CodeAction[] {
  const data = bridgeData(diagnostic);
  if (!data || file.kind !== 'ifcfg') return [];
  return replaceNameActions(file, diagnostic, data.bridge, data.suggestions);
}
