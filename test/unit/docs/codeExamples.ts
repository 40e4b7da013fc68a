/**
 * A broken example for each diagnostic code, for docs/codes.md. Each is run
 * through the service when the page is generated, so the page shows the
 * finding and the quick fixes the service really gives, and an example that
 * stops producing its code fails the test. Fixtures are reused where one shows
 * the code; the rest are written here, as small as they can be.
 */
export type CodeExample =
  | { fixture: string; file?: string; settings?: Record<string, unknown> }
  | { files: Record<string, string>; file: string; settings?: Record<string, unknown> }
  /** Codes about a file rather than its text (links, sizes): said in words. */
  | { prose: string };

const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const AGENT = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const SCRIPTS = 'compute-0/etc/sysconfig/network-scripts';
const L3 = 'network/etc/neutron/l3_agent.ini';
const ML2_TEXT = '[ml2]\ntype_drivers = flat,vlan\nmechanism_drivers = openvswitch\n\n[ml2_type_flat]\nflat_networks = physnet1\n';
const BR_EX = 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nONBOOT=yes\nNM_CONTROLLED=no\n';
const ETH1 = 'DEVICE=eth1\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-ex\nONBOOT=yes\nNM_CONTROLLED=no\n';
const HOST = { [ML2]: ML2_TEXT, [AGENT]: '[ovs]\nbridge_mappings = physnet1:br-ex\n', [`${SCRIPTS}/ifcfg-br-ex`]: BR_EX, [`${SCRIPTS}/ifcfg-eth1`]: ETH1 };
const ifcfg = (name: string, text: string) => ({ files: { ...HOST, [`${SCRIPTS}/${name}`]: text }, file: `${SCRIPTS}/${name}` });
const agent = (text: string) => ({ files: { ...HOST, [AGENT]: text }, file: AGENT });

export const CODE_EXAMPLES: Record<string, CodeExample> = {
  syntax: { fixture: 'syntax' },
  'dangling-link': { prose: 'An /etc copy keeps `plugin.ini -> /etc/neutron/plugins/ml2/ml2_conf.ini`, an absolute link that points nowhere on the machine holding the copy. The link is reported and skipped; copy the target (or make the link relative).' },
  'link-outside-workspace': { prose: 'A link whose target lies outside the folders being checked is not followed, so nothing outside them is read. Copy the target into the tree if it belongs to the deployment.' },
  'file-too-large': { prose: 'A recognised name on a file larger than `maxFileSizeMB` (8 MB by default), such as a log saved as `ifcfg-eth0`: reported and not read. Raise the limit in the settings if the file is real.' },
  'too-many-findings': { prose: 'A file with more than 1,000 findings is rarely what its name says (a dump, a generated list): the first 1,000 are shown and one more finding counts the rest by code.' },
  'option-outside-section': { fixture: 'option-outside-section' },
  'duplicate-option': { fixture: 'duplicate-option' },
  'suppression-unknown-code': agent('[ovs]\n# neutron-config: disable=physnet-undeclard\nbridge_mappings = physnet1:br-ex\n'),
  'suppression-unused': { ...agent('[ovs]\n# neutron-config: disable=physnet-undeclared\nbridge_mappings = physnet1:br-ex\n'), settings: { rules: { 'suppression-unused': 'warning' } } },
  'physnet-undeclared': { fixture: 'physnet-undeclared' },
  'physnet-unmapped': { fixture: 'physnet-unmapped' },
  'flat-type-driver-missing': { fixture: 'flat-type-driver-missing' },
  'tenant-type-not-enabled': { fixture: 'tenant-type-not-enabled' },
  'ml2-configs-disagree': { fixture: 'ml2-configs-disagree' },
  'bridge-undefined': { fixture: 'bridge-undefined' },
  'port-bridge-undefined': { fixture: 'port-bridge-undefined' },
  'ovs-port-undefined': { fixture: 'nm-keyfiles-broken' },
  'bridge-shared-by-physnets': { fixture: 'bridge-shared-by-physnets' },
  'physnet-mapped-twice': { fixture: 'physnet-mapped-twice' },
  'sriov-physnet-mismatch': { fixture: 'sriov-broken' },
  'ovn-leftover-agent': { fixture: 'ovn-leftover-agents' },
  'bridge-reserved': { fixture: 'bridge-reserved' },
  'bridge-without-port': { fixture: 'bridge-without-port' },
  'bridge-name-too-long': { fixture: 'bridge-name-too-long' },
  'external-network-bridge-set': { fixture: 'external-network-bridge-set' },
  'kolla-bridge-interface-count': { fixture: 'kolla-globals-broken' },
  'osa-provider-network-invalid': { fixture: 'osa-broken' },
  'osa-mapping-not-unique': { fixture: 'osa-broken' },
  'observed-bridge-missing': { fixture: 'observed-broken' },
  'observed-patch-missing': { fixture: 'observed-broken' },
  'observed-port-missing': { fixture: 'observed-broken' },
  'observed-link-down': { fixture: 'observed-broken' },
  'observed-interface-missing': { fixture: 'linuxbridge-broken' },
  'observed-config-drift': { fixture: 'observed-broken' },
  'network-physnet-unmapped': { fixture: 'observed-broken' },
  'ovn-gateway-missing': { fixture: 'ovn-gateway-missing', settings: { release: '2024.1' } },
  'observed-flows-missing': { fixture: 'observed-broken' },
  'nm-keyfile-permissions': { prose: 'On the host itself (`neutron-config check /etc`), `/etc/NetworkManager/system-connections/br-ex.nmconnection` has mode 644 after being written by hand with the default umask: NetworkManager logs "File permissions (644) are insecure" and never brings br-ex up. Copies elsewhere are not judged, since a copy\'s mode and owner are the copier\'s.' },
  'ifcfg-device-mismatch': ifcfg('ifcfg-eth2', 'DEVICE=eth3\nONBOOT=yes\n'),
  'ifcfg-ovs-devicetype-missing': ifcfg('ifcfg-eth2', 'DEVICE=eth2\nTYPE=OVSPort\nOVS_BRIDGE=br-ex\nONBOOT=yes\nNM_CONTROLLED=no\n'),
  'ifcfg-ovs-bridge-missing': ifcfg('ifcfg-eth2', 'DEVICE=eth2\nTYPE=OVSPort\nDEVICETYPE=ovs\nONBOOT=yes\nNM_CONTROLLED=no\n'),
  'ifcfg-ip-on-bridge-port': ifcfg('ifcfg-eth2', 'DEVICE=eth2\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-ex\nBOOTPROTO=static\nIPADDR=192.0.2.10\nPREFIX=24\nONBOOT=yes\nNM_CONTROLLED=no\n'),
  'ifcfg-bridge-dhcp': ifcfg('ifcfg-br-ex', 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nBOOTPROTO=dhcp\nONBOOT=yes\nNM_CONTROLLED=no\n'),
  'ifcfg-bond-members': ifcfg('ifcfg-bond1', 'DEVICE=bond1\nTYPE=OVSBond\nDEVICETYPE=ovs\nOVS_BRIDGE=br-ex\nBOND_IFACES=eth1\nONBOOT=yes\nNM_CONTROLLED=no\n'),
  'ifcfg-patch-peer-mismatch': ifcfg('ifcfg-patch-ex', 'DEVICE=patch-ex\nTYPE=OVSPatchPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-ex\nOVS_PATCH_PEER=patch-nowhere\nONBOOT=yes\n'),
  'ifcfg-nm-controlled': ifcfg('ifcfg-eth2', 'DEVICE=eth2\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-ex\nONBOOT=yes\n'),
  'ifcfg-quoting': ifcfg('ifcfg-eth2', 'DEVICE=eth2\nONBOOT=yes\nNAME=Provider uplink\n'),
  'duplicate-variable': ifcfg('ifcfg-eth2', 'DEVICE=eth2\nONBOOT=yes\nMTU=1500\nMTU=9000\n'),
  'unknown-variable': ifcfg('ifcfg-eth2', 'DEVICE=eth2\nONBOOT=yes\nOVS_BRIGDE=br-ex\n'),
  'invalid-value': { files: { ...HOST, [L3]: '[DEFAULT]\nagent_mode = dvr-snat-ha\n' }, file: L3 },
  'unknown-section': agent('[ovz]\nbridge_mappings = physnet1:br-ex\n'),
  'unknown-option': agent('[ovs]\nbridge_mapping = physnet1:br-ex\n'),
  'deprecated-option': { files: { ...HOST, [L3]: '[DEFAULT]\ninterface_driver = openvswitch\nlogfile = /var/log/neutron/l3-agent.log\n' }, file: L3 },
  'removed-option': { files: { ...HOST, [L3]: '[DEFAULT]\ninterface_driver = openvswitch\nexternal_network_bridge =\n' }, file: L3, settings: { release: 'train' } },
};
