import { ovsAgentFactsOf } from '../workspace/facts';
import { bridgeData, replaceNameActions } from './bridgeNames';
import type { FixContext } from './fix';

/**
 * observed-bridge-missing in an agent file: replace the name with the
 * bridge the host's OVSDB has under a close name. Never in a capture
 * (OVN's mappings there are evidence, set on the host with ovs-vsctl).
 */
export function observedBridgeMissingFix({ file, diagnostic }: FixContext) {
  const data = bridgeData(diagnostic);
  if (!data || !ovsAgentFactsOf(file.facts)) return [];
  return replaceNameActions(file, diagnostic, data.bridge, data.suggestions);
}
