import type { NicResolution } from '../network/nicNames';
import { code } from './markdownHover';

/**
 * The hover line saying what an os-net-config abstract name (`nic2`) becomes
 * on its host and why (os_net_config/objects.py mapped_nics,
 * os_net_config/utils.py ordered_active_nics).
 */
export function nicResolutionLine(resolution: NicResolution): string {
  const alias = code(resolution.alias);
  const numbered =
    `os-net-config numbers it at run time among the host's active NICs (link up): the embedded ones (${code('em*')}, ${code('eno*')}, ${code('eth*')}) first, then the rest, each in natural order; ` +
    `${alias} is number ${resolution.alias.slice(3)}, unless the mapping file already gives that NIC another name.`;
  switch (resolution.how) {
    case 'mapped':
      return `- ${alias} is ${code(resolution.name)}: ${code(resolution.file.relativePath)} (line ${resolution.entry.alias.range.start.line + 1}) maps it so.`;
    case 'mac':
      return `- ${alias} is the NIC whose MAC address is ${code(resolution.entry.target.text)} (${code(resolution.file.relativePath)}, line ${resolution.entry.alias.range.start.line + 1}); os-net-config finds which one on the host.`;
    case 'ignored':
      return (
        `- ${code(resolution.file.relativePath)} (line ${resolution.entry.alias.range.start.line + 1}) maps ${alias} to ${code(resolution.entry.target.text)}, ` +
        `but ${code(resolution.capture.relativePath)} lists no such device: os-net-config ignores that entry. ${numbered}`
      );
    case 'numbered': {
      const why = !resolution.file
        ? 'No mapping file of this host (`/etc/os-net-config/mapping.yaml`) is in the workspace.'
        : resolution.uncertain
          ? `${code(resolution.file.relativePath)} cannot be read for sure and names no ${alias}.`
          : `${code(resolution.file.relativePath)} does not map ${alias}.`;
      return `- ${why} ${numbered}`;
    }
  }
}
