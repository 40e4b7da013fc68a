import type { Rule } from './rule';

// PENDING: being written.
export const bridgeWithoutPort: Rule = {
  codes: ['bridge-without-port'],
  check() {
    return [];
  },
};
