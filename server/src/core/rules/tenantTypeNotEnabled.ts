import type { Rule } from './rule';

// PENDING: being written.
export const tenantTypeNotEnabled: Rule = {
  codes: ['tenant-type-not-enabled'],
  check() {
    return [];
  },
};
