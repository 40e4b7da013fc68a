import { compileGlob } from './globs';
import { commandOfFileName, typeOfCommand } from '../captures/sections';
import type { FileKind, Settings } from '../settings';

/** Suffixes of template files that render to the recognised names (`openvswitch_agent.ini.j2`). */
export const TEMPLATE_SUFFIXES: readonly string[] = ['.j2', '.jinja', '.jinja2', '.erb', '.tmpl', '.tpl'];

const KIND_BY_NAME: Record<string, FileKind> = {
  'ml2_conf.ini': 'ml2',
  'plugin.ini': 'ml2',
  'openvswitch_agent.ini': 'ovs-agent',
  'linuxbridge_agent.ini': 'linuxbridge-agent',
  'sriov_agent.ini': 'sriov-agent',
  // OpenStack-Ansible's name for the SR-IOV agent's file.
  'sriov_nic_agent.ini': 'sriov-agent',
  'l3_agent.ini': 'l3-agent',
  'dhcp_agent.ini': 'dhcp-agent',
  'neutron.conf': 'neutron-conf',
  // Read for [pci] device_spec: the physnets nova gives SR-IOV ports must be the SR-IOV agent's.
  'nova.conf': 'nova-conf',
  // Not checked: read as evidence that NetworkManager runs on the host (see networkManagerEvidence.ts).
  'NetworkManager.conf': 'nm-conf',
};

/** Kinds read only as evidence about a host (what runs there), never checked themselves. */
const EVIDENCE_KINDS: ReadonlySet<FileKind> = new Set(['nm-conf', 'sos-hostname']);

export function isEvidenceKind(kind: FileKind): boolean {
  return EVIDENCE_KINDS.has(kind);
}

/** File endings the network service skips at boot (initscripts' ignore list). */
const IFCFG_SKIPPED_ENDINGS = ['~', '.bak', '.old', '.orig', '.rpmnew', '.rpmorig', '.rpmsave'];

/** The file name without a template suffix, and whether one was there. */
export function renderedName(basename: string): { name: string; template: boolean } {
  for (const suffix of TEMPLATE_SUFFIXES) {
    if (basename.length > suffix.length && basename.endsWith(suffix)) {
      return { name: basename.slice(0, -suffix.length), template: true };
    }
  }
  return { name: basename, template: false };
}

/** Whether the network service would read this ifcfg file at boot. */
export function isBootIfcfgName(name: string): boolean {
  if (!name.startsWith('ifcfg-') || name.length === 'ifcfg-'.length) return false;
  if (IFCFG_SKIPPED_ENDINGS.some((ending) => name.endsWith(ending))) return false;
  if (name === 'ifcfg-lo' || name.includes(':')) return false;
  if (/^ifcfg-.*-range/.test(name)) return false; // initscripts: sed '/ifcfg-.*-range/d', unanchored
  return true;
}

/** The kind a file name alone implies. */
export function kindFromName(basename: string): FileKind | undefined {
  const { name } = renderedName(basename);
  const known = KIND_BY_NAME[name];
  if (known) return known;
  if (isKeyfileName(name)) return 'nm-keyfile';
  return isBootIfcfgName(name) ? 'ifcfg' : undefined;
}

/**
 * A NetworkManager keyfile profile, as RHEL 9's NetworkManager writes them
 * (`<id>.nmconnection`); hidden files are skipped, as the keyfile plugin does.
 */
function isKeyfileName(name: string): boolean {
  return name.endsWith('.nmconnection') && name.length > '.nmconnection'.length && !name.startsWith('.');
}

/**
 * os-net-config's own configuration (`os-net-config/config.yaml` or
 * `config.json`, what TripleO writes to /etc, or a template of it), and
 * TripleO NIC templates in a `nic-configs` directory (heat `.yaml`, Ansible
 * `.j2`), which embed a `network_config` list.
 */
function isOsNetConfigFile(parts: readonly string[]): boolean {
  const basename = parts.at(-1) ?? '';
  const { name } = renderedName(basename);
  if (parts.at(-2) === 'os-net-config') return name === 'config.yaml' || name === 'config.json';
  return parts.at(-2) === 'nic-configs' && /\.(ya?ml|j2)$/.test(basename);
}

/** os-net-config's NIC mapping file (`os-net-config/mapping.yaml`, the default of its --mapping-file). */
function isOsNetConfigMappingFile(parts: readonly string[]): boolean {
  return parts.at(-2) === 'os-net-config' && /^mapping\.ya?ml$/.test(parts.at(-1) ?? '');
}

/**
 * A YAML file that may be a TripleO environment (`parameter_defaults`): in an
 * `environments` or `templates` directory, or named like one
 * (`network-environment.yaml`, `*-env.yaml`, `*parameters*.yaml`). Its
 * content decides (workspaceIndex.ts); a name that may also be a capture's
 * (`network-show.yaml`) is read as one when it holds no parameter_defaults.
 */
/**
 * OpenStack-Ansible's deploy configuration: openstack_user_config.yml, the
 * conf.d files merged into it and the user_variables files (which may replace
 * the provider networks' result). The content decides (workspaceIndex.ts).
 */
function isOsaUserConfigFile(parts: readonly string[]): boolean {
  const basename = parts.at(-1) ?? '';
  if (!/\.ya?ml$/.test(basename)) return false;
  if (/^openstack_user_config/.test(basename) || /^user_.*variables/.test(basename)) return true;
  return parts.at(-2) === 'conf.d' && parts.at(-3) === 'openstack_deploy';
}

function isTripleoEnvironmentCandidate(parts: readonly string[]): boolean {
  const basename = parts.at(-1) ?? '';
  if (!/\.ya?ml$/i.test(basename) || parts.includes('nic-configs')) return false;
  if (parts.slice(0, -1).some((dir) => dir === 'environments' || dir === 'templates')) return true;
  return /environment|parameters|[-_]env\.ya?ml$/i.test(basename);
}

/** Whether a file name may hold command output (see mayBeCapture). */
export function mayBeCaptureName(basename: string): boolean {
  return mayBeCapture(basename);
}

/** A sosreport's `hostname` (the output of `hostname` at its root, and under sos_commands/host/). */
function isSosreportHostnameFile(parts: readonly string[]): boolean {
  const parent = parts.at(-2) ?? '';
  return parent.startsWith('sosreport-') || (parent === 'host' && parts.at(-3) === 'sos_commands');
}

/**
 * Command output as sos stores it (`sos_commands/openvswitch/ovs-vsctl_-t_5_show`,
 * `sos_commands/networking/ip_-d_address`): the file name is the command line.
 */
function isSosreportCapture(parts: readonly string[]): boolean {
  if (parts.at(-3) !== 'sos_commands') return false;
  const command = commandOfFileName(parts.at(-1) ?? '');
  return command !== undefined && typeOfCommand(command) !== undefined;
}

/**
 * A file that may hold command output saved by hand: a text file
 * (`.txt`, `.out`, `.capture`), one named after an OVS command, or
 * JSON/YAML named after a network or an agent. Its content decides (see
 * captures/sections.ts); one that holds no output we read is left alone.
 */
function mayBeCapture(basename: string): boolean {
  if (/\.(txt|out|capture)$/i.test(basename)) return true;
  if (/^(ovs-vsctl|ovs-ofctl)[-_]/.test(basename)) return true;
  return /\.(json|ya?ml)$/i.test(basename) && /(network|net-show|agent)/i.test(basename);
}

/** Paths whose kind a matcher remembers; past that it starts over (a long session's stray files). */
const KNOWN_PATHS_KEPT = 200_000;

/** Compiled `fileKinds` globs of one folder; a glob wins over the name. */
export class KindMatcher {
  private readonly matchers: { test: (path: string) => boolean; kind: FileKind }[];
  private readonly known = new Map<string, FileKind | undefined>();

  constructor(settings: Settings) {
    this.matchers = Object.entries(settings.fileKinds).map(([glob, kind]) => ({
      test: compileGlob(glob, { basename: !glob.includes('/') }),
      kind,
    }));
  }

  /** `relativePath` uses forward slashes, relative to the workspace folder. */
  kindOf(relativePath: string): FileKind | undefined {
    // Asked for every file as it is walked and again as it is indexed: each path is judged once.
    if (this.known.has(relativePath)) return this.known.get(relativePath);
    if (this.known.size >= KNOWN_PATHS_KEPT) this.known.clear();
    const kind = this.judge(relativePath);
    this.known.set(relativePath, kind);
    return kind;
  }

  private judge(relativePath: string): FileKind | undefined {
    for (const matcher of this.matchers) if (matcher.test(relativePath)) return matcher.kind;
    const parts = relativePath.split('/');
    const basename = parts[parts.length - 1];
    if (basename === 'hostname' && isSosreportHostnameFile(parts)) return 'sos-hostname';
    if (isOsNetConfigFile(parts)) return 'os-net-config';
    if (isOsNetConfigMappingFile(parts)) return 'os-net-config-mapping';
    // kolla-ansible's globals.yml; its content decides (workspaceIndex.ts).
    if (basename === 'globals.yml') return 'kolla-globals';
    if (isOsaUserConfigFile(parts)) return 'osa-user-config';
    if (isTripleoEnvironmentCandidate(parts)) return 'tripleo-env';
    return kindFromName(basename) ?? (isSosreportCapture(parts) || mayBeCapture(basename) ? 'capture' : undefined);
  }

  /**
   * Whether a file of kind `capture` is one for sure (a sosreport's command
   * output, or a `fileKinds` glob says so), rather than a text file that may
   * hold one: only then is a file that is not read (too large) reported.
   */
  isCertainCapture(relativePath: string): boolean {
    for (const matcher of this.matchers) if (matcher.test(relativePath)) return matcher.kind === 'capture';
    return isSosreportCapture(relativePath.split('/'));
  }
}
