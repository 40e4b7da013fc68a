import type { CodeAction } from 'vscode-languageserver-types';
import { bridgeData, replaceNameActions } from './bridgeNames';
import type { FixContext } from './fix';

/**
 * Replaces OVS_BRIDGE's value (inside its quotes), or a keyfile's controller,
 * with a nearby bridge (for ovs-port-undefined: port) name of the host.
 */
export function portBridgeUndefinedFix({ file, diagnostic }: FixContext): CodeAction[] {
  const data = bridgeData(diagnostic);
  if (!data || !file.facts.network) return [];
  return replaceNameActions(file, diagnostic, data.bridge, data.suggestions);
}
