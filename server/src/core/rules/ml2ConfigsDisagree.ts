import type { Range } from 'vscode-languageserver-types';
import type { IniDocument, IniOption } from '../syntax/ast';
import type { Ml2Facts } from '../workspace/facts';
import type { IndexedFile } from '../workspace/model';
import { joinList, loadedTypeDrivers, ml2Label, quotedList, valueOrName } from './ml2Helpers';
import type { Finding, Rule } from './rule';

/** What one ML2 file declares, per compared aspect; undefined where a value is templated (unknown). */
interface Declared {
  /** `any` when flat_networks is `*` or left at its default. */
  flat: Set<string> | 'any' | undefined;
  vlan: Set<string> | undefined;
  types: Set<string> | undefined;
}

type Aspect = 'flat' | 'vlan' | 'types';

const WHAT: Record<Aspect, { option: string; section: string; fewer: string; has: string; network: string }> = {
  flat: { option: 'flat_networks', section: 'ml2_type_flat', fewer: 'allows flat networks on fewer physical networks', has: 'allows', network: 'a flat network on those physical networks' },
  vlan: { option: 'network_vlan_ranges', section: 'ml2_type_vlan', fewer: 'gives VLAN ranges to fewer physical networks', has: 'has VLAN ranges on', network: 'a VLAN network on those physical networks' },
  types: { option: 'type_drivers', section: 'ml2', fewer: 'loads fewer type drivers', has: 'loads', network: 'a network of those types' },
};

/**
 * Controllers of one deployment (several ML2 files at its root) should declare
 * the same physnets and type drivers. Each file is told what it lacks that a
 * peer has, on the option that would need it.
 */
export const ml2ConfigsDisagree: Rule = {
  codes: ['ml2-configs-disagree'],
  scope: 'deployment',
  kinds: ['ml2'],
  reads: (kind) => (kind === 'ml2' ? ['declarations'] : []),
  check({ file, deployment }) {
    if (file.kind !== 'ml2' || !deployment || deployment.ml2Files.length < 2) return [];
    const peers = deployment.ml2Files;
    const mine = declared(file.facts as Ml2Facts);
    const findings: Finding[] = [];
    for (const aspect of ['flat', 'vlan', 'types'] as const) {
      const parts: string[] = [];
      const related: NonNullable<Finding['related']> = [];
      const missingAll = new Set<string>();
      for (const peer of peers) {
        if (peer === file) continue;
        const theirs = declared(peer.facts as Ml2Facts);
        const missing = lacking(mine[aspect], theirs[aspect]);
        if (missing === undefined) continue;
        const label = ml2Label(peer, peers);
        if (missing === 'any') {
          parts.push(`${label} allows any physical network`);
          missingAll.add('*');
        } else {
          parts.push(`${label} ${WHAT[aspect].has} ${quotedList(missing)}`);
          missing.forEach((m) => missingAll.add(m));
        }
        related.push(locate(peer, aspect, `${WHAT[aspect].option} on ${label}`));
      }
      if (parts.length === 0) continue;
      const what = WHAT[aspect];
      findings.push({
        code: 'ml2-configs-disagree',
        range: locate(file, aspect, '').range,
        message:
          `This ML2 config (${what.option}) ${what.fewer} than others of this deployment: ${joinList(parts, 3)}. ` +
          `Every neutron-server of the deployment answers the same API, so ${what.network} is accepted or refused ` +
          `depending on which controller handles the request.`,
        data: { aspect, missing: [...missingAll].sort() },
        related,
      });
    }
    return findings;
  },
};

function declared(facts: Ml2Facts): Declared {
  const flat = facts.flatNetworks;
  const vlan = facts.vlanRanges;
  const types = loadedTypeDrivers(facts);
  return {
    flat: !flat ? 'any' : flat.templated ? undefined : flat.items.some((t) => t.text === '*') ? 'any' : new Set(flat.items.map((t) => t.text)),
    vlan: vlan?.templated ? undefined : new Set((vlan?.entries ?? []).map((e) => e.physnet.text).filter(Boolean)),
    types: types && new Set(types),
  };
}

/** What `theirs` has that `mine` lacks, sorted; undefined when nothing (or when either is unknown). */
function lacking(mine: Set<string> | 'any' | undefined, theirs: Set<string> | 'any' | undefined): string[] | 'any' | undefined {
  if (mine === undefined || theirs === undefined || mine === 'any') return undefined;
  if (theirs === 'any') return 'any';
  const missing = [...theirs].filter((name) => !mine.has(name)).sort();
  return missing.length ? missing : undefined;
}

/** The option of an aspect in a file, else its section header, else the file's start. */
function locate(file: IndexedFile, aspect: Aspect, message: string): { uri: string; range: Range; message: string } {
  const facts = file.facts as Ml2Facts;
  const option: IniOption | undefined = aspect === 'flat' ? facts.flatNetworks?.option : aspect === 'vlan' ? facts.vlanRanges?.option : facts.typeDrivers?.option;
  if (option) return { uri: file.uri, range: valueOrName(option), message };
  const doc = file.doc as IniDocument;
  const section = doc.sections.find((s) => s.name.text === WHAT[aspect].section) ?? doc.sections.find((s) => s.name.text === 'ml2');
  const range: Range = section ? section.name.range : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { uri: file.uri, range, message };
}
