import type { Rule } from './rule';

// PENDING: being written.
export const flatTypeDriverMissing: Rule = {
  codes: ['flat-type-driver-missing'],
  check() {
    return [];
  },
};
