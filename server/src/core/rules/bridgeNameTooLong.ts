import { literalMappings } from './bridgeMappings';
import type { Finding, Rule } from './rule';

/** Linux interface names hold at most 15 characters; the agent's patch ports add a 4-character prefix. */
const MAX_INTERFACE_NAME = 15;
const PATCH_PREFIX = 'int-';
export const MAX_BRIDGE_NAME = MAX_INTERFACE_NAME - PATCH_PREFIX.length;
/** neutron's get_interface_name keeps this many characters of a long name before a 6-character hash. */
const KEPT_WHEN_HASHED = MAX_INTERFACE_NAME - PATCH_PREFIX.length - 6;

/** Mapped bridge names longer than 11 characters give hashed, unrecognisable patch port names. */
export const bridgeNameTooLong: Rule = {
  codes: ['bridge-name-too-long'],
  scope: 'file',
  check({ file }) {
    const findings: Finding[] = [];
    for (const mapping of literalMappings(file)) {
      const bridge = mapping.bridge.text;
      if (bridge.length <= MAX_BRIDGE_NAME) continue;
      const kept = bridge.slice(0, KEPT_WHEN_HASHED);
      findings.push({
        code: 'bridge-name-too-long',
        range: mapping.bridge.range,
        message:
          `Bridge name "${bridge}" has ${bridge.length} characters. The agent's patch ports "int-${bridge}" and "phy-${bridge}" ` +
          `would exceed the ${MAX_INTERFACE_NAME}-character limit of interface names, so the agent shortens them to ` +
          `"int-${kept}…" and "phy-${kept}…" with a 6-character hash, and they no longer show which bridge they belong to. ` +
          `Names of up to ${MAX_BRIDGE_NAME} characters are kept as they are.`,
        data: { bridge },
      });
    }
    return findings;
  },
};
