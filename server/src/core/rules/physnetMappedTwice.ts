import type { Rule } from './rule';

// PENDING: being written.
export const physnetMappedTwice: Rule = {
  codes: ['physnet-mapped-twice'],
  check() {
    return [];
  },
};
