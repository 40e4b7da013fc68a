import type { Rule } from './rule';

// PENDING: being written.
export const bridgeUndefined: Rule = {
  codes: ['bridge-undefined'],
  check() {
    return [];
  },
};
