import type { Rule } from './rule';

// PENDING: being written.
export const ml2ConfigsDisagree: Rule = {
  codes: ['ml2-configs-disagree'],
  check() {
    return [];
  },
};
