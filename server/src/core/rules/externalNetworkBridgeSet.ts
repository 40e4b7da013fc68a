import type { Rule } from './rule';

// PENDING: being written.
export const externalNetworkBridgeSet: Rule = {
  codes: ['external-network-bridge-set'],
  check() {
    return [];
  },
};
