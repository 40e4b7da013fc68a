import {
  CATALOG_KINDS,
  FILE_OF_KIND,
  SERVICE_OF_KIND,
  type CatalogKind,
  type LookupResult,
  type Release,
  labelOf,
  lookup,
  normaliseSection,
  sectionInfo,
  suggestFor,
} from '../../catalog/index';
import { DEBIAN_DEFAULT_ALIASES } from '../../catalog/data/debian.generated';
import { KIND_REMOVED, OTHER_SERVICES_DEFAULT_OPTIONS, SERVER_ONLY_DEFAULT_OPTIONS } from '../../catalog/services';
import type { Finding, Rule } from '../rule';
import { configuredRelease, iniFileOf, optionLines } from './optionLines';

/**
 * An option name the section does not have: in no release at all (a typo, a
 * dashed spelling, an option of another section or file), or, when a release
 * is set, not yet in that release (added later). oslo.config ignores unknown
 * names without a word, so the setting silently has no effect.
 *
 * `data`: `name`, `section`, `suggestions` (nearest names of the section, or
 * the name the configured release reads), `sections` (sections of this file
 * that have exactly this name), `kinds` (other files whose service reads it
 * here), `since` (for names added after the configured release).
 */
export const unknownOption: Rule = {
  codes: ['unknown-option'],
  scope: 'file',
  check({ file }) {
    const ini = iniFileOf(file);
    if (!ini) return [];
    const release = configuredRelease(file);
    const findings: Finding[] = [];
    for (const { section, option, found } of optionLines(ini, release)) {
      const name = option.name.text;
      const sectionName = section.name.text;
      if (found && found.status.state !== 'not-yet') continue;
      if (found && release) {
        findings.push(notYet(found, name, sectionName, ini.kind, release, option.name.range, file.renderedName));
        continue;
      }
      // With no release set, names the newest release has dropped are no advice.
      const live = (section: string, n: string) => {
        const hit = lookup(ini.kind, section, n, release);
        // The removal of the whole agent (Linux bridge, 2025.1) says nothing about a typo in its file.
        return hit !== undefined && (release !== undefined || hit.status.state !== 'removed' || hit.status.since === KIND_REMOVED[ini.kind]);
      };
      const suggested = suggestFor(ini.kind, sectionName, name, release);
      const names = suggested.names.filter((n) => live(sectionName, n));
      // The exact name in another section is the likelier slip, even when the newest release dropped it there.
      const sections = suggested.sections.filter((s) => lookup(ini.kind, s, name, release) !== undefined);
      const removedIn = (s: string) => {
        const status = lookup(ini.kind, s, name, release)?.status;
        return status?.state === 'removed' ? status.since : undefined;
      };
      // neutron.conf's [DEFAULT] and [agent] are everybody's: an option of theirs in an agent file is no hint of a misplaced line.
      const shared = SECTIONS_SHARED_WITH_NEUTRON_CONF.has(sectionName);
      const kinds = CATALOG_KINDS.filter((k) => k !== ini.kind && !(shared && k === 'neutron-conf') && lookup(k, sectionName, name) !== undefined);
      // Services read neutron.conf's [DEFAULT] and [agent] options from these files too, and those are
      // not catalogued: there only a name close to a known one is worth a word (a typo, not a stranger).
      const related = suggested.names.length + suggested.sections.length + kinds.length;
      if (sectionName === 'DEFAULT' && ini.kind !== 'ml2' && ini.kind !== 'neutron-conf' && related === 0 && SERVER_ONLY_DEFAULT_OPTIONS.has(name)) {
        findings.push({
          code: 'unknown-option',
          severity: 'information',
          range: option.name.range,
          message: `"${name}" is read by neutron-server, not by this agent: ${SERVICE_OF_KIND[ini.kind]} has no use for it, so it has no effect in ${file.renderedName}. It belongs in neutron.conf on the controllers.`,
          data: { name, section: sectionName, suggestions: [], sections: [], kinds: [], serverOnly: true },
        });
        continue;
      }
      if (SECTIONS_SHARED_WITH_NEUTRON_CONF.has(sectionName) && related === 0) continue;
      // neutron.conf's [DEFAULT] also feeds the services without a file kind here (metadata, metering agents) and old names the libraries still read.
      // [DEFAULT] of neutron.conf feeds every service; that of the new agent files also takes the options of the drivers they load.
      const everybodys = sectionName === 'DEFAULT' && HEDGED_DEFAULT.has(ini.kind);
      if (everybodys && ini.kind === 'neutron-conf' && (OTHER_SERVICES_DEFAULT_OPTIONS.has(name) || DEBIAN_DEFAULT_ALIASES.includes(name))) continue;
      // [quotas] takes a quota_<resource> option from every plugin that adds a resource (LBaaS, FWaaS, NSX …): not ours to judge.
      if (ini.kind === 'neutron-conf' && normaliseSection(sectionName) === 'quotas' && name.startsWith('quota_')) continue;
      // A section another service reads from this file (the OVS agent's [ovs] in ml2_conf.ini) is that service's to ignore.
      // neutron.conf lends its [agent] to every agent file; the agent is the one that ignores the line there.
      const owners = (sectionInfo(ini.kind, sectionName)?.owners ?? [ini.kind]).filter((k) => k === ini.kind || k !== 'neutron-conf');
      const ignoring = [...new Set(owners.map((k) => SERVICE_OF_KIND[k]))];
      // neutron.conf's [DEFAULT] is every service's: naming them all says less than "none of them".
      const ignores =
        ignoring.length > 2 ? 'no Neutron service reads it' : ignoring.length > 1 ? `${ignoring.join(' and ')} ignore it` : `${ignoring[0]} ignores it`;
      let message = everybodys
        ? `"${name}" is not a [DEFAULT] option that Neutron or its libraries define in any release; unless a plugin or driver defines it, ${ini.kind === 'neutron-conf' ? 'no service reads it' : `${SERVICE_OF_KIND[ini.kind]} ignores it`} in ${file.renderedName}.`
        : `"${name}" is not an option of [${sectionName}] in ${file.renderedName} in any release; ${ignores}, so the setting has no effect.`;
      if (name.includes('-') && names.includes(name.replace(/-/g, '_'))) {
        message += ` oslo.config reads option names from files only with "_", not "-".`;
      }
      if (sections.length) {
        const where = sections.map((s) => {
          const hit = lookup(ini.kind, s, name, release);
          const removed = removedIn(s);
          // neutron.conf's [agent] lent to an agent file is the agent's own reading.
          const lender = hit?.borrowedFrom === 'neutron-conf' ? ini.kind : hit?.borrowedFrom;
          const reader = SERVICE_OF_KIND[lender ?? ini.kind];
          return `[${s}]${removed ? ` (until ${labelOf(removed)}, which removed it)` : ''}, where ${reader} reads it`;
        });
        message += ` It belongs in ${where.join(', and in ')}.`;
      }
      else if (names.length) message += ` Did you mean ${names.map((n) => `"${n}"`).join(' or ')}?`;
      if (!sections.length && kinds.length) message += ` It is an option of ${kinds.map((k: CatalogKind) => `${FILE_OF_KIND[k]} (${SERVICE_OF_KIND[k]})`).join(' and ')}.`;
      // Plugins and other projects' services may register more [DEFAULT] options: near a known name it is likely a typo, but not certain.
      findings.push({
        code: 'unknown-option',
        ...(everybodys ? { severity: 'information' as const } : {}),
        range: option.name.range,
        message,
        data: { name, section: sectionName, suggestions: names, sections, kinds },
      });
    }
    return findings;
  },
};

/** Kinds whose [DEFAULT] near-misses are only a hint: the options of plugins and drivers (interface, DHCP drivers) land there too. */
const HEDGED_DEFAULT: ReadonlySet<CatalogKind> = new Set(['neutron-conf', 'dhcp-agent', 'sriov-agent', 'linuxbridge-agent']);

/** Groups neutron.conf also fills, whose options the catalogue does not hold. */
const SECTIONS_SHARED_WITH_NEUTRON_CONF = new Set(['DEFAULT', 'agent']);

/** A name the configured release does not read yet; the name it reads instead, when there is one, is the suggestion. */
function notYet(
  found: LookupResult,
  name: string,
  section: string,
  kind: CatalogKind,
  release: Release,
  range: Finding['range'],
  fileName: string,
): Finding {
  const since = found.status.state === 'not-yet' ? found.status.since : undefined;
  const entry = found.entry;
  // Names this release reads for the same setting: the entry's own name, or one of its old names.
  const candidates = [{ section: entry.section, name: entry.name }, ...entry.deprecatedNames.map((a) => ({ section: a.section, name: a.name }))];
  const older = candidates.find((c) => {
    if (c.name === name && c.section === section) return false;
    const hit = lookup(kind, c.section, c.name, release);
    return hit !== undefined && (hit.status.state === 'current' || hit.status.state === 'deprecated');
  });
  const releaseLabel = labelOf(release);
  let message = `"${name}" is not read by ${releaseLabel}${since ? `: it was added in ${labelOf(since)}` : ''}, so ${SERVICE_OF_KIND[kind]} of ${releaseLabel} ignores it in ${fileName}.`;
  if (older) message += ` ${releaseLabel} reads this setting as ${older.section === section ? `"${older.name}"` : `[${older.section}] ${older.name}`}.`;
  return {
    code: 'unknown-option',
    range,
    message,
    data: {
      name,
      section,
      suggestions: older && older.section === section ? [older.name] : [],
      sections: [],
      kinds: [],
      ...(since ? { since } : {}),
      ...(older && older.section !== section ? { move: older } : {}),
    },
  };
}
