import { labelOf } from '../../catalog/index';
import { KIND_REMOVED } from '../../catalog/services';
import type { Finding, Rule } from '../rule';
import { configuredRelease, iniFileOf, isDefaultValue, optionLabel, optionLines, successorOf } from './optionLines';
import { claimedByWiring } from './wiringClaims';

/**
 * An option (or an old name of one) that Neutron no longer reads: says since
 * when and what replaces it.
 *
 * - A release is set at or after the removal: an error, whatever the value;
 *   the line is dead there.
 * - No release is set: a warning when the line sets something other than the
 *   option's last default, since releases that read it behave differently
 *   from those that silently drop it. A line that sets the last default (the
 *   `external_network_bridge =` of the flat-provider procedure) does the same
 *   in every release and stays silent.
 *
 * Never on a line a later line overrides, nor where a wiring rule already
 * reports the line: external_network_bridge set to a bridge is
 * external-network-bridge-set's, whose message also says Stein removed it.
 *
 * `data`: `name`, `section`, `since`, `via`, `replacement` ({section, name}
 * when an option of this file takes over, in the configured release).
 */
export const removedOption: Rule = {
  codes: ['removed-option'],
  scope: 'file',
  check(context) {
    const ini = iniFileOf(context.file);
    if (!ini) return [];
    const release = configuredRelease(context.file);
    const findings: Finding[] = [];
    const claimed = claimedByWiring(context);
    for (const { section, option, found, effective } of optionLines(ini, release)) {
      if (!found || !effective || found.status.state !== 'removed') continue;
      const status = found.status;
      if (!release && isDefaultValue(found.entry, option, undefined)) continue;
      // With no release, a Linux bridge agent file means a release that still has the agent.
      if (!release && found.via === 'name' && status.since === KIND_REMOVED[ini.kind]) continue;
      if (claimed(option.range)) continue;

      const name = option.name.text;
      const removed = labelOf(status.since);
      const successor = successorOf(ini.kind, found, release);
      let message: string;
      if (found.via === 'alias') {
        message = `"${name}" was an old name of ${optionLabel(found.entry)}; ${removed} stopped reading it`;
      } else {
        message = `"${name}" was removed in ${removed}`;
      }
      message += release
        ? `, so ${labelOf(release)} ignores this line.`
        : `: releases before ${removed} read this value, later ones silently ignore it.`;
      if (successor?.entry) message += ` ${optionLabel(successor)} replaces it.`;
      const note = found.via === 'name' ? status.replacement?.note : undefined;
      if (note) message += ` ${note}`;
      const finding: Finding = {
        code: 'removed-option',
        range: option.name.range,
        message,
        data: {
          name,
          section: section.name.text,
          since: status.since,
          via: found.via,
          ...(successor?.entry ? { replacement: { section: successor.section, name: successor.name } } : {}),
        },
      };
      if (release) finding.severity = 'error';
      findings.push(finding);
    }
    return findings;
  },
};
