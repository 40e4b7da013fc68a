import { FILE_OF_KIND, SERVICE_OF_KIND, kindsWithSection, nearestSections } from '../../catalog/index';
import type { Finding, Rule } from '../rule';
import { iniFileOf, sectionVerdict } from './optionLines';

/**
 * A section the service reading this file never reads in any release: a
 * typo, or a section of another file. Sections another service reads from
 * this file (the OVS agent's sections in plugin.ini) and option groups of
 * neutron.conf are legitimate. The options inside an unknown section are not
 * reported one by one.
 */
export const unknownSection: Rule = {
  codes: ['unknown-section'],
  scope: 'file',
  check({ file }) {
    const ini = iniFileOf(file);
    if (!ini) return [];
    const findings: Finding[] = [];
    for (const section of ini.doc.sections) {
      const name = section.name.text;
      if (sectionVerdict(ini.kind, name).state !== 'unknown') continue;
      const service = SERVICE_OF_KIND[ini.kind];
      const suggestions = nearestSections(ini.kind, name);
      const elsewhere = kindsWithSection(name).filter((k) => k !== ini.kind);
      let message = `[${name}] is not a section of ${file.renderedName}: ${service} reads no option from it in any release, so every line in it is ignored.`;
      if (name !== 'DEFAULT' && name.toUpperCase() === 'DEFAULT') {
        message += ' oslo.config matches section names in lower case except DEFAULT, which must be written in capitals.';
      } else if (elsewhere.length) {
        message += ` It is a section of ${elsewhere.map((k) => `${FILE_OF_KIND[k]} (${SERVICE_OF_KIND[k]})`).join(' and ')}.`;
      }
      if (suggestions.length) message += ` Did you mean ${suggestions.map((s) => `[${s}]`).join(' or ')}?`;
      findings.push({
        code: 'unknown-section',
        range: section.name.range,
        message,
        data: { section: name, suggestions, kinds: elsewhere },
      });
    }
    return findings;
  },
};
