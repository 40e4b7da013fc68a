import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { SeverityName } from '../settings';

/** LSP's number for each severity name. */
export const DIAGNOSTIC_SEVERITY: Readonly<Record<SeverityName, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Every diagnostic code with its default severity and a one-line summary
 * (for SARIF rule descriptions and documentation). Codes are a contract:
 * tests, settings, suppression comments and the CLI use them.
 */
export const CODES = {
  // Parser
  syntax: { severity: 'error', summary: 'A line the service would refuse to read, or read differently than it looks.' },
  'dangling-link': { severity: 'information', summary: 'A symbolic link whose target does not exist: reported and skipped.' },
  'link-outside-workspace': { severity: 'information', summary: 'A symbolic link whose target lies outside the folders being checked: not followed.' },
  'file-too-large': { severity: 'information', summary: 'A file larger than neutronConfig.maxFileSizeMB (8 MB by default): reported and skipped.' },
  'too-many-findings': { severity: 'information', summary: 'A file with more than 1,000 findings: the rest are counted, not shown.' },
  'option-outside-section': { severity: 'error', summary: 'An option before any section header; oslo.config refuses the file.' },
  'duplicate-option': { severity: 'warning', summary: 'An option set twice in one section; only the last value counts.' },
  // Suppression comments
  'suppression-unknown-code': { severity: 'warning', summary: 'A # neutron-config: disable= comment naming a code no check has, so it silences nothing.' },
  'suppression-unused': { severity: 'off', summary: 'A # neutron-config: disable= comment that silences no finding (off unless turned on: it flags comments left after a fix).' },
  // Provider-network wiring
  'physnet-undeclared': { severity: 'error', summary: 'A mapped physical network that the ML2 configuration does not allow.' },
  'physnet-unmapped': { severity: 'warning', summary: 'A physical network declared in ML2 that no agent of the deployment maps.' },
  'flat-type-driver-missing': { severity: 'error', summary: 'Flat networks are used but the flat type driver is not loaded.' },
  'tenant-type-not-enabled': { severity: 'error', summary: 'A project or external network type whose type driver is not loaded.' },
  'ml2-configs-disagree': { severity: 'warning', summary: 'Controllers of one deployment declare different physical networks or type drivers.' },
  'bridge-undefined': { severity: 'error', summary: 'A mapped bridge that no network configuration of the host (ifcfg, NetworkManager keyfile, os-net-config) creates.' },
  'port-bridge-undefined': { severity: 'error', summary: 'A port (ifcfg OVS_BRIDGE, a keyfile ovs-port\'s controller) naming a bridge that nothing on the host creates.' },
  'ovs-port-undefined': { severity: 'error', summary: 'A NetworkManager interface whose controller names an ovs-port profile the host does not have.' },
  'bridge-shared-by-physnets': { severity: 'error', summary: 'One bridge mapped from two physical networks.' },
  'sriov-physnet-mismatch': { severity: 'error', summary: 'A nova device_spec physnet that the SR-IOV agent of the same host does not map (or maps to another device).' },
  'ovn-leftover-agent': { severity: 'warning', summary: 'An Open vSwitch, Linux bridge or L3 agent file that configures something in an ML2/OVN-only deployment.' },
  'physnet-mapped-twice': { severity: 'error', summary: 'One physical network mapped twice in bridge_mappings.' },
  'bridge-reserved': { severity: 'error', summary: 'A physical network mapped to the integration or tunnel bridge.' },
  'bridge-without-port': { severity: 'warning', summary: 'A mapped bridge with no port, bond or interface attached on the host.' },
  'bridge-name-too-long': { severity: 'warning', summary: 'A mapped bridge name over 11 characters; its patch ports get hashed names.' },
  'external-network-bridge-set': { severity: 'warning', summary: 'external_network_bridge is set, which bypasses bridge_mappings for external networks.' },
  'osa-provider-network-invalid': { severity: 'error', summary: "An OpenStack-Ansible provider network the provider_networks module cannot read (no type, net_name, group_binds or VNI range), or whose type it does not know." },
  'osa-mapping-not-unique': { severity: 'error', summary: 'OpenStack-Ansible provider networks that give the agents of one group the same physnet, or the same device, twice: the agents stop at start.' },
  'kolla-bridge-interface-count': { severity: 'error', summary: "A kolla-ansible globals.yml whose neutron_external_interface and neutron_bridge_name list different numbers of entries: kolla-ansible prechecks fails, and deploy pairs them by position." },
  // Observed state (captures: ovs-vsctl show, ip, ovs-ofctl, openstack … show)
  'observed-bridge-missing': { severity: 'error', summary: "A bridge in bridge_mappings (or OVN's ovn-bridge-mappings) that the host's OVSDB capture does not have." },
  'observed-patch-missing': { severity: 'error', summary: 'A mapped bridge whose patch pair to the integration bridge (int-<bridge> / phy-<bridge>) the OVSDB capture lacks, or whose peers do not name each other.' },
  'observed-port-missing': { severity: 'error', summary: 'A port the configuration attaches to a bridge that the OVSDB capture shows on no bridge, or on another one.' },
  'observed-interface-missing': { severity: 'error', summary: 'An interface the Linux bridge or SR-IOV agent maps that the host\'s ip capture does not list.' },
  'observed-link-down': { severity: 'warning', summary: 'A bridge port NIC that `ip` shows without UP or LOWER_UP, or not enslaved to ovs-system.' },
  'observed-config-drift': { severity: 'warning', summary: 'What the running agent reports (agent show configurations) differs from the configuration file.' },
  'ovn-gateway-missing': { severity: 'error', summary: 'ML2/OVN, 2024.1 and later: a captured external flat or VLAN network that no gateway chassis (enable-chassis-as-gw) of the captured agent list maps, so router gateways on it never bind.' },
  'network-physnet-unmapped': { severity: 'error', summary: "A captured provider network on a physical network no host maps, or that flat_networks / network_vlan_ranges does not allow." },
  'observed-flows-missing': { severity: 'information', summary: 'A local VLAN that one side of a patch pair tags or untags and the other side has no flow for.' },
  // ifcfg network-scripts
  'nm-keyfile-permissions': { severity: 'error', summary: 'A NetworkManager keyfile of the live system not owned by root with mode 600: NetworkManager skips it.' },
  'ifcfg-device-mismatch': { severity: 'warning', summary: "An ifcfg file whose DEVICE differs from its file name's suffix." },
  'ifcfg-ovs-devicetype-missing': { severity: 'error', summary: 'An Open vSwitch TYPE without DEVICETYPE=ovs; ifup never calls the Open vSwitch script.' },
  'ifcfg-ovs-bridge-missing': { severity: 'error', summary: 'An Open vSwitch port, bond, internal port, tunnel or patch port without OVS_BRIDGE.' },
  'ifcfg-ip-on-bridge-port': { severity: 'warning', summary: 'An IP address or DHCP on an OVSPort or OVSBond; the address belongs on the bridge.' },
  'ifcfg-bridge-dhcp': { severity: 'warning', summary: 'BOOTPROTO=dhcp on an Open vSwitch bridge; use OVSBOOTPROTO and OVSDHCPINTERFACES.' },
  'ifcfg-bond-members': { severity: 'error', summary: 'An OVSBond with fewer than two BOND_IFACES, or a member without its own ifcfg file on the host.' },
  'ifcfg-patch-peer-mismatch': { severity: 'error', summary: 'Open vSwitch patch ports that do not name each other in OVS_PATCH_PEER.' },
  'ifcfg-nm-controlled': { severity: 'warning', summary: 'An Open vSwitch device without NM_CONTROLLED=no (information where nothing shows NetworkManager on the host).' },
  'ifcfg-quoting': { severity: 'warning', summary: 'An ifcfg line that bash and NetworkManager read differently.' },
  'duplicate-variable': { severity: 'warning', summary: 'An ifcfg variable set twice with different values; bash keeps the last one.' },
  'unknown-variable': { severity: 'information', summary: 'An unknown name close to a known one (probably misspelt).' },
  'invalid-value': { severity: 'error', summary: 'A value its type rejects.' },
  // Option catalogue (ml2_conf.ini / plugin.ini, openvswitch_agent.ini, l3_agent.ini, linuxbridge_agent.ini, sriov_agent.ini, dhcp_agent.ini, neutron.conf)
  'unknown-section': { severity: 'warning', summary: 'A section the service reading this file never reads, in any release.' },
  'unknown-option': { severity: 'error', summary: 'An option name the section does not have (in any release, or in the configured one).' },
  'deprecated-option': { severity: 'warning', summary: 'An option or old option name deprecated in the configured release (or the newest one).' },
  'removed-option': { severity: 'warning', summary: 'An option Neutron no longer reads; an error when the configured release is at or after its removal.' },
} as const satisfies Record<string, { severity: SeverityName | 'off'; summary: string }>;

export type DiagnosticCode = keyof typeof CODES;

export function isDiagnosticCode(code: unknown): code is DiagnosticCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(CODES, code);
}

export const SOURCE = 'neutron-config';
