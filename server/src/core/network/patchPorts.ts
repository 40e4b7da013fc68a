import { createHash } from 'node:crypto';

/**
 * The patch ports the Open vSwitch agent creates between the integration
 * bridge and each bridge of bridge_mappings: `int-<bridge>` on br-int and
 * `phy-<bridge>` on the mapped bridge, peers of each other. A name longer
 * than a Linux interface name allows (15 characters) is cut and ends in the
 * first 6 hex digits of the bridge name's SHA-1, as the agent's
 * get_interface_name does.
 */
export const INTEGRATION_PATCH_PREFIX = 'int-';
export const PHYSICAL_PATCH_PREFIX = 'phy-';
const MAX_NAME = 15;
const HASH_LENGTH = 6;

export function agentPatchName(prefix: string, bridge: string): string {
  if (prefix.length + bridge.length <= MAX_NAME) return prefix + bridge;
  const hash = createHash('sha1').update(bridge, 'utf8').digest('hex').slice(0, HASH_LENGTH);
  return prefix + bridge.slice(0, MAX_NAME - prefix.length - HASH_LENGTH) + hash;
}

export function agentPatchPair(bridge: string): { integration: string; physical: string } {
  return { integration: agentPatchName(INTEGRATION_PATCH_PREFIX, bridge), physical: agentPatchName(PHYSICAL_PATCH_PREFIX, bridge) };
}
