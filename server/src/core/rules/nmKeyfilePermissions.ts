import type { Finding, Rule } from './rule';

/** Where NetworkManager reads keyfile profiles on a live RHEL 9 system. */
const LIVE_DIRS = ['/etc/NetworkManager/system-connections/', '/run/NetworkManager/system-connections/'];

/**
 * NetworkManager loads a keyfile only when root owns it and neither group nor
 * others may read or write it (mode 600); otherwise it logs "File permissions
 * (644) are insecure" or "File owner (1000) is insecure" and skips the profile,
 * so the bridge or port it describes never comes up.
 *
 * Judged only for the live system's own profiles (the checked path is the
 * host's /etc): a copy's mode and owner say little about the host's (git
 * stores no 600, cp and unprivileged tar apply the umask and the copier's user).
 */
export const nmKeyfilePermissions: Rule = {
  codes: ['nm-keyfile-permissions'],
  scope: 'file',
  kinds: ['nm-keyfile'],
  check({ file, fileMode }) {
    if (file.kind !== 'nm-keyfile' || !fileMode || !LIVE_DIRS.some((dir) => file.path.startsWith(dir))) return [];
    const stat = fileMode(file.uri);
    if (!stat) return [];
    const problems: string[] = [];
    if (stat.uid !== 0) problems.push(`is owned by user ${stat.uid}, not root`);
    if ((stat.mode & 0o077) !== 0) problems.push(`has mode ${stat.mode.toString(8).padStart(3, '0')}, which lets group or others read or write it`);
    if (problems.length === 0) return [];
    const finding: Finding = {
      code: 'nm-keyfile-permissions',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message:
        `This profile ${problems.join(' and ')}. NetworkManager loads only profiles that root owns with mode 600 and skips this one ("insecure"), so what it describes is never brought up. ` +
        `Run: chown root:root ${file.path} && chmod 600 ${file.path} && nmcli connection reload`,
      data: { mode: stat.mode, uid: stat.uid },
    };
    return [finding];
  },
};
