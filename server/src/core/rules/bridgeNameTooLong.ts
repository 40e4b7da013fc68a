import type { Rule } from './rule';

// PENDING: being written.
export const bridgeNameTooLong: Rule = {
  codes: ['bridge-name-too-long'],
  check() {
    return [];
  },
};
