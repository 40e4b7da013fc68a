import type { Rule } from './rule';

// PENDING: being written.
export const portBridgeUndefined: Rule = {
  codes: ['port-bridge-undefined'],
  check() {
    return [];
  },
};
