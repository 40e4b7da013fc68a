import type { IndexedFile } from './model';
import type { HostView } from './views';

/**
 * Whether the workspace shows that NetworkManager runs on a host. Only then
 * does an Open vSwitch ifcfg device left to NetworkManager (no
 * NM_CONTROLLED=no) break anything: on hosts that run the network scripts
 * alone, as most OVS hosts of the RHEL 7 era did, the variable is never read.
 */
export interface NetworkManagerEvidence {
  file: IndexedFile;
  /** What the file shows, for a message ("NetworkManager.conf is in its /etc"). */
  shows: string;
}

const cache = new WeakMap<HostView, NetworkManagerEvidence | null>();

export function networkManagerEvidence(host: HostView): NetworkManagerEvidence | undefined {
  const cached = cache.get(host);
  if (cached !== undefined) return cached ?? undefined;
  let found: NetworkManagerEvidence | undefined;
  for (const file of host.files) {
    if (file.facts.kind === 'nm-conf') {
      const plugins = file.facts.plugins;
      found = {
        file,
        shows: plugins?.includes('ifcfg-rh')
          ? `${file.relativePath} loads the ifcfg-rh plugin, so NetworkManager reads the ifcfg files`
          : `${file.relativePath} is in its /etc`,
      };
      break;
    }
    if (file.facts.kind === 'nm-keyfile' && !found) found = { file, shows: `${file.relativePath} is a NetworkManager keyfile profile` };
  }
  cache.set(host, found ?? null);
  return found;
}
