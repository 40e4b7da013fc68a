import type { Range } from 'vscode-languageserver-types';
import { externalNetworkBridgeSet, externalNetworkBridgeValue } from '../externalNetworkBridgeSet';
import type { Finding, Rule, RuleContext } from '../rule';
import { tenantTypeNotEnabled } from '../tenantTypeNotEnabled';

/**
 * Wiring rules that already explain some option lines better than the
 * catalogue can (external_network_bridge set to a bridge; a network type
 * without its driver): option findings on the same spot give way to them,
 * so each problem gets one message. A wiring code turned off in the
 * settings does not claim anything.
 */
const WIRING_OWNERS: readonly { rule: Rule; claims: (context: RuleContext) => Range[] }[] = [
  // Its message depends on the hosts, but what it claims only on the file (option rules are file-scoped).
  { rule: externalNetworkBridgeSet, claims: ({ file }) => { const value = externalNetworkBridgeValue(file); return value ? [value.range] : []; } },
  { rule: tenantTypeNotEnabled, claims: (context) => (tenantTypeNotEnabled.check(context) as Finding[]).map((f) => f.range) },
];

export function wiringClaims(context: RuleContext): Range[] {
  const off = context.file.folder.settings.rules;
  const ranges: Range[] = [];
  for (const { rule, claims } of WIRING_OWNERS) {
    if (rule.codes.every((code) => off[code] === 'off')) continue;
    ranges.push(...claims(context));
  }
  return ranges;
}

/** A predicate "does a wiring rule already report this range?", running the wiring rules only when first asked. */
export function claimedByWiring(context: RuleContext): (range: Range) => boolean {
  let claims: Range[] | undefined;
  return (range) => {
    claims ??= wiringClaims(context);
    return claims.some((claim) => overlaps(claim, range));
  };
}

export function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  // Touching empty ranges (an empty value) count as overlapping.
  return !before(a.end, b.start) && !before(b.end, a.start);
}
