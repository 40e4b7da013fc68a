import { nearestNames } from '../text/nearest';
import type { Token } from '../syntax/ast';
import { isTemplated } from '../syntax/templates';
import { AGENT_LABELS, agentMappingsOf, type Ml2Facts } from '../workspace/facts';
import type { TripleoEnvFacts } from '../tripleo/environmentFacts';
import { kollaBridges, kollaVariable, type KollaGlobalsFacts } from '../kolla/globalsFacts';
import { isKollaRenderedNeutronFile } from '../kolla/renderedConfigs';
import { osaDeclarations, type OsaUserConfigFacts } from '../osa/providerNetworks';
import type { IndexedFile } from '../workspace/model';
import type { DeploymentView } from '../workspace/views';
import { joinList, ml2Label, quotedList } from './ml2Helpers';
import type { Finding, Rule } from './rule';

/**
 * A physnet an L2 agent maps (Open vSwitch, Linux bridge, SR-IOV), OVN maps
 * in a host's OVSDB (as captured), or nova offers PCI devices on, must be one
 * the deployment's ML2 configuration allows.
 */
export const physnetUndeclared: Rule = {
  codes: ['physnet-undeclared'],
  scope: 'deployment',
  reads: () => ['declarations'],
  check({ file, deployment }) {
    if (!deployment?.declares) return [];
    const uses = file.facts.kind === 'kolla-globals' ? kollaCandidates(file.facts, deployment) : undeclaredCandidates(file);
    if (uses.length === 0) return [];
    const findings: Finding[] = [];
    let shared: Shared | undefined;
    for (const { token, consequence, physnet: derived } of uses) {
      const physnet = derived ?? token.text;
      if (deployment.allows(physnet)) continue;
      shared ??= sharedOf(deployment);
      const { where, related } = shared;
      let suggestions = shared.suggestions.get(physnet);
      if (!suggestions) {
        suggestions = nearestNames(physnet, shared.names);
        shared.suggestions.set(physnet, suggestions);
      }
      // A derived name (physnetN at its bridge) has no text of its own to change.
      suggestions = derived ? [] : [...suggestions];
      const hint = suggestions.length ? ` Did you mean "${suggestions[0]}"?` : '';
      findings.push({
        code: 'physnet-undeclared',
        range: token.range,
        message:
          `Physical network "${physnet}" is not declared in ${where}: neither ${shared.options} names it. ` +
          `neutron-server refuses to create a flat or VLAN network on "${physnet}", so ${consequence.replace('HOST', file.host.name)}.${hint}`,
        data: { physnet, suggestions },
        related,
      });
    }
    return findings;
  },
};

/** A physnet name that must be declared, where it stands, and what an undeclared one means (HOST: the file's host). */
interface Candidate {
  token: Token;
  consequence: string;
  /** The physnet when the token is not its name (kolla's derived physnetN, reported at its bridge). */
  physnet?: string;
}

/**
 * The physnets a kolla globals.yml maps, judged only against ML2 configs
 * kolla rendered (an override under /etc/kolla/config is merged into the
 * template's flat_networks, so what it alone says is not the whole story).
 */
function kollaCandidates(facts: KollaGlobalsFacts, deployment: DeploymentView): Candidate[] {
  if (deployment.tripleoFiles.length > 0 || !deployment.ml2Files.every((f) => isKollaRenderedNeutronFile(f.relativePath))) return [];
  const named = kollaVariable(facts, 'neutron_physical_networks');
  const out: Candidate[] = [];
  for (const [i, bridge] of (kollaBridges(facts) ?? []).entries()) {
    const consequence = `the ${bridge.physnet}:${bridge.bridgeName} mapping kolla-ansible derives from globals.yml (entry ${i + 1} of neutron_bridge_name) can never carry a network`;
    const own = named?.items[i];
    if (own) out.push({ token: own, consequence });
    else if (bridge.bridge) out.push({ token: bridge.bridge, consequence, physnet: bridge.physnet });
  }
  return out;
}

/** The physnet names of a file that must be declared, each with what an undeclared one means (HOST: the file's host). */
function undeclaredCandidates(file: IndexedFile): Candidate[] {
  const out: Candidate[] = [];
  for (const option of agentMappingsOf(file.facts)) {
    if (option.fact.templated) continue;
    const agent = option.agent === 'openvswitch' ? '' : ` of the ${AGENT_LABELS[option.agent]}`;
    const consequence = `this mapping${agent} on HOST can never carry a network`;
    for (const mapping of option.fact.mappings) if (!mapping.templated) out.push({ token: mapping.physnet, consequence });
  }
  if (file.facts.kind === 'capture') {
    // ML2/OVN: what ovn-controller maps is in the host's OVSDB (a capture of ovs-vsctl list Open_vSwitch).
    for (const m of file.facts.ovnBridgeMappings?.mappings ?? []) {
      out.push({ token: m.physnet, consequence: 'the ovn-bridge-mappings entry in the OVSDB of HOST can never carry a network' });
    }
  }
  if (file.facts.kind === 'tripleo-env') {
    for (const { parameter, mappings } of file.facts.mappings) {
      if (parameter.unknown) continue;
      const nodes = parameter.role ? `the ${parameter.role} nodes` : 'the overcloud nodes';
      const consequence = `this ${parameter.name} entry can never carry a network on ${nodes}`;
      for (const mapping of mappings) if (!mapping.templated) out.push({ token: mapping.physnet, consequence });
    }
  }
  if (file.facts.kind === 'nova-conf') {
    for (const spec of file.facts.pciDeviceSpecs) {
      if (spec.physnet && !isTemplated(spec.physnet.text)) out.push({ token: spec.physnet, consequence: 'no port can ever use the PCI devices nova-compute offers on it on HOST' });
    }
  }
  return out;
}

type Related = NonNullable<Finding['related']>[number];

/**
 * What every finding in a deployment says alike: where the ML2 configs are,
 * their declarations as related information, the declared names and the
 * suggestions per misspelt physnet. Kept per deployment view while it holds
 * the same ML2 file objects (all of it derives from them), so a re-check of
 * every agent after an ML2 edit builds it once.
 */
interface Shared {
  /** The declaring files (ML2 configs, then TripleO environments) the rest was built from. */
  ml2Files: readonly IndexedFile[];
  where: string;
  /** The options that could declare it, as the message names them. */
  options: string;
  related: Related[];
  names: string[];
  suggestions: Map<string, string[]>;
}

const sharedByDeployment = new WeakMap<DeploymentView, Shared>();

function sharedOf(deployment: DeploymentView): Shared {
  const declaring = [...deployment.ml2Files, ...deployment.tripleoFiles, ...deployment.osaFiles];
  const cached = sharedByDeployment.get(deployment);
  if (cached && cached.ml2Files.length === declaring.length && cached.ml2Files.every((f, i) => f === declaring[i])) return cached;
  const ml2Files = deployment.ml2Files;
  const places: string[] = [];
  if (ml2Files.length === 1) places.push(`the ML2 config of ${ml2Label(ml2Files[0], ml2Files)}`);
  else if (ml2Files.length > 1) places.push(`any of the ML2 configs (${joinList(ml2Files.map((f) => ml2Label(f, ml2Files)))})`);
  const declaringEnvironments = deployment.tripleoFiles.filter((f) => tripleoDeclarationsOf(f).length > 0);
  if (declaringEnvironments.length) places.push(`the TripleO environments (${joinList(declaringEnvironments.map((f) => f.relativePath))})`);
  const osaFiles = deployment.osaFiles.filter((f) => osaDeclarationsOf(f).length > 0);
  if (osaFiles.length) places.push(`the OpenStack-Ansible provider_networks (${joinList(osaFiles.map((f) => f.relativePath))})`);
  const shared: Shared = {
    ml2Files: declaring,
    where: places.join(' or '),
    options: declaringOptions(ml2Files.length > 0, deployment.tripleoFiles.length > 0, osaFiles.length > 0),
    related: [...ml2Files.flatMap(declarationsOf), ...deployment.tripleoFiles.flatMap(tripleoDeclarationsOf), ...osaFiles.flatMap(osaDeclarationsOf)],
    names: deployment.declaredNames(),
    suggestions: new Map(),
  };
  sharedByDeployment.set(deployment, shared);
  return shared;
}

/** The options that declare physnets, as the message names them, in the words of the tools the deployment uses. */
function declaringOptions(ml2: boolean, tripleo: boolean, osa: boolean): string {
  if (tripleo) return ml2 ? 'flat_networks (NeutronFlatNetworks) nor network_vlan_ranges (NeutronNetworkVLANRanges)' : 'NeutronFlatNetworks nor NeutronNetworkVLANRanges';
  if (osa) return ml2 ? 'flat_networks nor network_vlan_ranges (a flat or vlan net_name in provider_networks)' : 'a flat nor a vlan provider network (their net_name)';
  return 'flat_networks nor network_vlan_ranges';
}

/** The net_name of each flat and vlan provider network, as related information. */
function osaDeclarationsOf(file: IndexedFile): Related[] {
  return osaDeclarations(file.facts as OsaUserConfigFacts).map((d) => ({ uri: file.uri, range: d.name.range, message: `${d.type} provider network "${d.name.text}" in ${file.relativePath}` }));
}

/** NeutronFlatNetworks and NeutronNetworkVLANRanges of one environment, as related information. */
function tripleoDeclarationsOf(env: IndexedFile): Related[] {
  const facts = env.facts as TripleoEnvFacts;
  return facts.parameters
    .filter((p) => p.name === 'NeutronFlatNetworks' || p.name === 'NeutronNetworkVLANRanges')
    .map((p) => ({ uri: env.uri, range: p.key.range, message: `${p.name} in ${env.relativePath}` }));
}

/** The flat_networks and network_vlan_ranges options of one ML2 file, as related information. */
function declarationsOf(ml2: IndexedFile): Related[] {
  const facts = ml2.facts as Ml2Facts;
  const host = ml2.host.name;
  const out: Related[] = [];
  if (facts.flatNetworks) {
    const names = facts.flatNetworks.items.map((t) => t.text);
    out.push({
      uri: ml2.uri,
      range: facts.flatNetworks.option.range,
      message: names.length
        ? `flat_networks on ${host} allows ${quotedList(names)}`
        : `flat_networks on ${host} is empty: flat networks are disabled`,
    });
  }
  if (facts.vlanRanges) {
    const names = [...new Set(facts.vlanRanges.entries.map((e) => e.physnet.text).filter(Boolean))];
    out.push({
      uri: ml2.uri,
      range: facts.vlanRanges.option.range,
      message: names.length ? `network_vlan_ranges on ${host} declares ${quotedList(names)}` : `network_vlan_ranges on ${host} declares no physical network`,
    });
  }
  if (out.length === 0) {
    out.push({ uri: ml2.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: `ML2 config on ${host}` });
  }
  return out;
}
