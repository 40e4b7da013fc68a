import { ovsAgentFactsOf, type BridgeMapping } from '../workspace/facts';
import type { IndexedFile } from '../workspace/model';

/**
 * Helpers shared by the bridge rules and their fixes: which entries of an
 * agent's `bridge_mappings` can be judged as literals, and which bridge
 * names the agent keeps for itself.
 */

/**
 * The mappings of an OVS agent file (or an ML2 file the agent reads too) whose names are literal. Empty when the
 * file is no agent file, sets no mappings, or the whole value is templated
 * (then even the element boundaries are unknown).
 */
export function literalMappings(file: IndexedFile): BridgeMapping[] {
  const fact = ovsAgentFactsOf(file.facts)?.bridgeMappings;
  if (!fact || fact.templated) return [];
  return fact.mappings.filter((m) => !m.templated);
}

export interface ReservedBridge {
  role: 'integration' | 'tunnel';
  /** Name of the [ovs] option that chooses it. */
  option: 'integration_bridge' | 'tunnel_bridge';
  /** Whether this file sets the option (else the default name applies). */
  explicit: boolean;
}

/** The bridges the agent creates and wires itself (integration and tunnel bridge), by name. */
export function reservedBridges(file: IndexedFile): Map<string, ReservedBridge> {
  const reserved = new Map<string, ReservedBridge>();
  const facts = ovsAgentFactsOf(file.facts);
  if (!facts) return reserved;
  reserved.set(facts.tunnelBridge.name, { role: 'tunnel', option: 'tunnel_bridge', explicit: facts.tunnelBridge.option !== undefined });
  reserved.set(facts.integrationBridge.name, {
    role: 'integration',
    option: 'integration_bridge',
    explicit: facts.integrationBridge.option !== undefined,
  });
  return reserved;
}
