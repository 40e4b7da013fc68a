import type { Rule } from './rule';

// PENDING: being written.
export const bridgeSharedByPhysnets: Rule = {
  codes: ['bridge-shared-by-physnets'],
  check() {
    return [];
  },
};
