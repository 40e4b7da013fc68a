import type { Rule } from './rule';

// PENDING: being written.
export const physnetUnmapped: Rule = {
  codes: ['physnet-unmapped'],
  check() {
    return [];
  },
};
