import type { Rule } from './rule';

// PENDING: being written.
export const bridgeReserved: Rule = {
  codes: ['bridge-reserved'],
  check() {
    return [];
  },
};
