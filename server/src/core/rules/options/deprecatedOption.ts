import { OLDEST_RELEASE, labelOf } from '../../catalog/index';
import type { Finding, Rule } from '../rule';
import {
  configuredRelease,
  iniFileOf,
  isDefaultValue,
  optionLabel,
  optionLines,
  renameSafeInEveryRelease,
  successorOf,
} from './optionLines';
import { claimedByWiring } from './wiringClaims';

/**
 * An option (or an old name of one) that the configured release still reads
 * but marks deprecated; with no release set, one deprecated in the newest
 * release. Names its successor.
 *
 * Silent where acting on it would gain nothing or do harm:
 * - the line sets the default: it changes nothing today and nothing when the
 *   option goes (an uncommented sample line stays silent);
 * - no release is set and releases that read the written name do not read
 *   its successor yet (`tenant_network_types` before 2026.1 has no
 *   `project_network_types`): renaming would break them;
 * - a line a later line overrides (duplicate-option says it is dead);
 * - a wiring rule already reports the line (external_network_bridge set to a
 *   bridge before Stein: external-network-bridge-set).
 *
 * `data`: `name`, `section`, `since`, `via` (`alias` for an old name),
 * `replacement` ({section, name} when a renamed option takes over).
 */
export const deprecatedOption: Rule = {
  codes: ['deprecated-option'],
  scope: 'file',
  check(context) {
    const ini = iniFileOf(context.file);
    if (!ini) return [];
    const release = configuredRelease(context.file);
    const findings: Finding[] = [];
    const claimed = claimedByWiring(context);
    for (const { section, option, found, effective } of optionLines(ini, release)) {
      if (!found || !effective || found.status.state !== 'deprecated') continue;
      const status = found.status;
      if (isDefaultValue(found.entry, option, release)) continue;
      const successor = successorOf(ini.kind, found, release);
      if (!release && !renameSafeInEveryRelease(found, successor)) continue;
      if (claimed(option.range)) continue;

      const name = option.name.text;
      const when = status.since === OLDEST_RELEASE.id ? `since ${labelOf(status.since)} or earlier` : `since ${labelOf(status.since)}`;
      let message = found.via === 'alias' ? `"${name}" is an old name of ${optionLabel(found.entry)}, deprecated ${when}.` : `"${name}" is deprecated ${when}.`;
      if (found.via === 'alias') message += ` Write ${optionLabel(found.entry)} instead; the old name will stop being read.`;
      else {
        if (successor) message += ` ${optionLabel(successor)} replaces it.`;
        const note = status.replacement?.note;
        if (note) message += ` ${note}`;
        if (!successor && !note) message += ' It will be removed in a later release.';
      }
      findings.push({
        code: 'deprecated-option',
        range: option.name.range,
        message,
        data: {
          name,
          section: section.name.text,
          since: status.since,
          via: found.via,
          ...(successor?.entry ? { replacement: { section: successor.section, name: successor.name } } : {}),
        },
      });
    }
    return findings;
  },
};
