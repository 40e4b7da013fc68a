// Generates a synthetic Neutron deployment for the benchmark: three HA
// controllers (ml2_conf.ini), network nodes (l3_agent.ini,
// openvswitch_agent.ini, five ifcfg files) and computes (openvswitch_agent.ini
// and, a third each, five ifcfg files, seven NetworkManager keyfiles or one
// os-net-config file). Deterministic for a given (hosts, seed). About 1 in 50
// agent hosts gets a planted physnet typo in bridge_mappings.
//
//   node bench/generate.mjs DIR HOSTS [SEED]     writes the tree, prints a summary

import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export const ML2_PATH = 'etc/neutron/plugins/ml2/ml2_conf.ini';
export const OVS_PATH = 'etc/neutron/plugins/ml2/openvswitch_agent.ini';
export const L3_PATH = 'etc/neutron/l3_agent.ini';
export const IFCFG_DIR = 'etc/sysconfig/network-scripts';

/** Physnets the ML2 config declares: physnet1 flat (external), physnet2 VLAN (provider VLANs). */
export const FLAT_PHYSNET = 'physnet1';
export const VLAN_PHYSNET = 'physnet2';
const DECLARED = new Set([FLAT_PHYSNET, VLAN_PHYSNET]);
export const TYPO_RATE = 1 / 50;

/** mulberry32: small, fast, deterministic. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A misspelling an operator could make; never a declared name. */
function typoOf(name, random) {
  const kinds = [
    (s) => { const i = 1 + Math.floor(random() * (s.length - 2)); return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2); }, // swap
    (s) => { const i = 1 + Math.floor(random() * (s.length - 1)); return s.slice(0, i) + s.slice(i + 1); }, // drop
    (s) => { const i = Math.floor(random() * s.length); return s.slice(0, i) + s[i] + s.slice(i); }, // double
    (s) => s.replace(/(\d+)$/, '_$1'), // separator
    (s) => s.replace(/(\d+)$/, '-$1'),
    (s) => s[0].toUpperCase() + s.slice(1), // case
    (s) => s.replace('physnet', 'phynet'),
    (s) => s.replace('physnet', 'physical'),
  ];
  for (let attempt = 0; attempt < 20; attempt++) {
    const t = kinds[Math.floor(random() * kinds.length)](name);
    if (t !== name && !DECLARED.has(t) && /^[A-Za-z0-9_.-]+$/.test(t)) return t;
  }
  return name + 'x';
}

const pad = (n, width) => String(n).padStart(width, '0');

function ml2Conf(host) {
  return `# /etc/neutron/plugins/ml2/ml2_conf.ini on ${host}
# Managed by configuration management (benchmark deployment). Local changes are overwritten.
# The three controllers run neutron-server behind one API endpoint and must
# agree on everything below.
#
# After editing: systemctl restart neutron-server

[DEFAULT]
#debug = false

[ml2]
# Network types neutron-server loads a driver for.
type_drivers = flat,vlan,vxlan

# Projects get VXLAN networks.
tenant_network_types = vxlan

mechanism_drivers = openvswitch,l2population
extension_drivers = port_security,qos

# Underlay MTU: jumbo frames on the provider VLANs.
path_mtu = 9000
#physical_network_mtus =

[ml2_type_flat]
# External network public01 is flat on ${FLAT_PHYSNET} (br-ex on network and compute nodes).
flat_networks = ${FLAT_PHYSNET}

[ml2_type_vlan]
# Provider VLANs for tenant-facing networks, trunked on eth2 (br-vlan).
network_vlan_ranges = ${VLAN_PHYSNET}:1000:1999,${VLAN_PHYSNET}:3000:3099

[ml2_type_gre]
#tunnel_id_ranges =

[ml2_type_vxlan]
# VNIs handed out to project networks.
vni_ranges = 10000:59999
#vxlan_group =

[ml2_type_geneve]
#vni_ranges =

[securitygroup]
enable_security_group = True
enable_ipset = True

[ovs_driver]
#vnic_type_prohibit_list =
`;
}

function ovsAgentConf(host, localIp, mappings, dvr) {
  return `# /etc/neutron/plugins/ml2/openvswitch_agent.ini on ${host}
# Managed by configuration management (benchmark deployment).
#
# After editing: systemctl restart neutron-openvswitch-agent

[DEFAULT]
#debug = false
log_dir = /var/log/neutron

[agent]
# Project networks are VXLAN tunnels between the nodes.
tunnel_types = vxlan
l2_population = True
arp_responder = True
enable_distributed_routing = ${dvr ? 'True' : 'False'}
report_interval = 30
polling_interval = 2
extensions = qos

[ovs]
# br-int and br-tun are created by the agent itself; every bridge named
# below must already exist (network-scripts create them at boot).
integration_bridge = br-int
tunnel_bridge = br-tun

# physnet:bridge pairs. The physnet names must match what neutron-server
# allows in ml2_conf.ini (flat_networks, network_vlan_ranges).
bridge_mappings = ${mappings}

# Tunnel endpoint: this node's address on the tunnel network (eth0).
local_ip = ${localIp}
datapath_type = system
of_inactivity_probe = 10

[securitygroup]
firewall_driver = openvswitch
enable_security_group = True
`;
}

function l3AgentConf(host) {
  return `# /etc/neutron/l3_agent.ini on ${host}
#
# After editing: systemctl restart neutron-l3-agent

[DEFAULT]
interface_driver = openvswitch
agent_mode = dvr_snat

# Left empty: router gateways are wired through bridge_mappings (physnet1:br-ex).
external_network_bridge =

# Use the metadata proxy in the router namespaces.
enable_metadata_proxy = True
ha_vrrp_auth_type = PASS

[agent]
report_interval = 30

[ovs]
#ovsdb_connection = tcp:127.0.0.1:6640
`;
}

function ifcfgMgmt(device, ip, gateway) {
  return `# Management network; also carries the VXLAN tunnels (local_ip)
DEVICE=${device}
TYPE=Ethernet
ONBOOT=yes
BOOTPROTO=static
IPADDR=${ip}
PREFIX=16
GATEWAY=${gateway}
DNS1=10.0.0.53
DNS2=10.0.0.54
DEFROUTE=yes
NM_CONTROLLED=no
`;
}

function ifcfgPort(device, bridge, mtu, what) {
  return `# ${what}. Enslaved to ${bridge}, so no address here.
DEVICE=${device}
TYPE=OVSPort
DEVICETYPE=ovs
OVS_BRIDGE=${bridge}
ONBOOT=yes
NM_CONTROLLED=no
BOOTPROTO=none
${mtu ? `MTU=${mtu}\n` : ''}`;
}

function ifcfgBridge(device, what, mtu) {
  return `# Open vSwitch bridge for ${what}.
# The agent patches it to br-int (int-${device}/phy-${device}).
DEVICE=${device}
TYPE=OVSBridge
DEVICETYPE=ovs
ONBOOT=yes
NM_CONTROLLED=no
BOOTPROTO=none
${mtu ? `MTU=${mtu}\n` : ''}`;
}

/**
 * Builds the deployment in memory.
 * Returns { files: [{ rel, text }], hosts, planted: [{ rel, host, physnet, intended }], agentFiles, ml2Files, counts }.
 */
export const KEYFILE_DIR = 'etc/NetworkManager/system-connections';
export const OS_NET_CONFIG_PATH = 'etc/os-net-config/config.yaml';

/** A deterministic UUID-shaped string for a profile. */
function uuidOf(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  const hex = (h.toString(16).padStart(8, '0') + text.length.toString(16).padStart(4, '0')).repeat(3);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** NetworkManager profiles of a RHEL 9 host: the two bridges, their ports (by name and by UUID) and uplinks. */
function keyfiles(host, ip, vlanMtu) {
  const profile = (lines) => `${lines.join('\n')}\n`;
  const out = {
    'eth0.nmconnection': profile(['[connection]', 'id=eth0', `uuid=${uuidOf(`${host}-eth0`)}`, 'type=ethernet', 'interface-name=eth0', '', '[ipv4]', 'method=manual', `address1=${ip}/16,10.1.0.1`, '', '[ipv6]', 'method=disabled']),
  };
  for (const [bridge, nic, mtu] of [['br-ex', 'eth1', undefined], ['br-vlan', 'eth2', vlanMtu]]) {
    const bridgeUuid = uuidOf(`${host}-${bridge}`);
    const portUuid = uuidOf(`${host}-port-${nic}`);
    out[`${bridge}.nmconnection`] = profile(['[connection]', `id=${bridge}`, `uuid=${bridgeUuid}`, 'type=ovs-bridge', `interface-name=${bridge}`, '', '[ovs-bridge]', '', '[ipv4]', 'method=disabled']);
    out[`port-${nic}.nmconnection`] = profile(['[connection]', `id=port-${nic}`, `uuid=${portUuid}`, 'type=ovs-port', `interface-name=${nic}`, `master=${bridge}`, 'slave-type=ovs-bridge', '', '[ovs-port]']);
    out[`${nic}.nmconnection`] = profile(['[connection]', `id=${nic}`, `uuid=${uuidOf(`${host}-${nic}`)}`, 'type=ethernet', `interface-name=${nic}`, `master=${portUuid}`, 'slave-type=ovs-port', '', '[ethernet]', ...(mtu ? [`mtu=${mtu}`] : [])]);
  }
  return out;
}

/** os-net-config's rendered configuration of a TripleO host. */
function osNetConfig(ip, vlanMtu) {
  return [
    'network_config:',
    '- type: interface',
    '  name: nic1',
    '  use_dhcp: false',
    '  addresses:',
    `  - ip_netmask: ${ip}/16`,
    '- type: ovs_bridge',
    '  name: br-ex',
    '  members:',
    '  - type: interface',
    '    name: nic2',
    '    primary: true',
    '- type: ovs_bridge',
    '  name: br-vlan',
    ...(vlanMtu ? [`  mtu: ${vlanMtu}`] : []),
    '  members:',
    '  - type: ovs_bond',
    '    name: bond1',
    '    members:',
    '    - type: interface',
    '      name: nic3',
    '    - type: interface',
    '      name: nic4',
    '',
  ].join('\n');
}

/**
 * What a host's troubleshooting captures show, in agreement with its
 * configuration (so they add no finding): `ovs-vsctl show` with the agent's
 * patch pairs and `vmPorts` instance ports tagged 1..n, `ip a`, and the
 * OpenFlow side of br-int (its ports and `flows` flows) and br-ex.
 */
function captures(uplinks, vmPorts, flows) {
  const uuid = '7e5d4c3b-2a19-4f08-8e7d-6c5b4a392817';
  const show = [uuid, '    Bridge br-int', '        fail_mode: secure'];
  for (const bridge of ['br-ex', 'br-vlan']) show.push(`        Port int-${bridge}`, `            Interface int-${bridge}`, '                type: patch', `                options: {peer=phy-${bridge}}`);
  for (let i = 0; i < vmPorts; i++) show.push(`        Port qvo${i.toString(16).padStart(8, '0')}-aa`, `            tag: ${(i % 4) + 1}`, `            Interface qvo${i.toString(16).padStart(8, '0')}-aa`);
  for (const [bridge, nics, bond] of uplinks) {
    show.push(`    Bridge ${bridge}`, '        fail_mode: secure', `        Port phy-${bridge}`, `            Interface phy-${bridge}`, '                type: patch', `                options: {peer=int-${bridge}}`);
    if (bond) show.push(`        Port ${bond}`, ...nics.map((n) => `            Interface ${n}`));
    else for (const n of nics) show.push(`        Port ${n}`, `            Interface ${n}`);
    show.push(`        Port ${bridge}`, `            Interface ${bridge}`, '                type: internal');
  }
  show.push('    ovs_version: "3.1.4"', '');
  const ip = ['1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000', '    inet 127.0.0.1/8 scope host lo'];
  let index = 2;
  for (const [, nics] of uplinks) for (const n of nics) ip.push(`${index++}: ${n}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq master ovs-system state UP group default qlen 1000`, `    link/ether 52:54:00:00:00:${index.toString(16).padStart(2, '0')} brd ff:ff:ff:ff:ff:ff`);
  ip.push('');
  const flowsText = ['# ovs-ofctl show br-int', 'OFPT_FEATURES_REPLY (xid=0x2): dpid:0000a2b3c4d5e6f7', ' 1(int-br-ex): addr:7e:11:22:33:44:55', '     config:     0', '     state:      0', ' 2(int-br-vlan): addr:7e:11:22:33:44:56', '     config:     0', '     state:      0', '# ovs-ofctl dump-flows br-int', 'NXST_FLOW reply (xid=0x4):'];
  flowsText.push(' cookie=0x9b1c2d3e4f5a6b7c, duration=86000.101s, table=0, n_packets=1203, n_bytes=98110, priority=3,in_port=1,vlan_tci=0x0000/0x1fff actions=mod_vlan_vid:1,resubmit(,60)');
  for (let i = 0; i < flows; i++) flowsText.push(` cookie=0x9b1c2d3e4f5a6b7c, duration=86000.${i}s, table=${60 + (i % 30)}, n_packets=${i * 7}, n_bytes=${i * 911}, priority=${(i % 90) + 10},ip,reg5=0x${(i % 4096).toString(16)},nw_src=10.${i % 250}.${(i >> 8) % 250}.0/24 actions=ct(commit,zone=NXM_NX_REG6[0..15]),resubmit(,${61 + (i % 30)})`);
  flowsText.push('# ovs-ofctl show br-ex', 'OFPT_FEATURES_REPLY (xid=0x2): dpid:000052540aa0101a', ' 2(phy-br-ex): addr:3a:55:66:77:88:99', '     config:     0', '     state:      0', '# ovs-ofctl dump-flows br-ex', 'NXST_FLOW reply (xid=0x4):');
  flowsText.push(' cookie=0x4d5e6f708192a3b4, duration=86000.201s, table=0, n_packets=980, n_bytes=81200, priority=4,in_port=2,dl_vlan=1 actions=strip_vlan,NORMAL', ' cookie=0x4d5e6f708192a3b4, duration=86000.220s, table=0, n_packets=5523, n_bytes=551000, priority=0 actions=NORMAL', '');
  return { 'ovs-vsctl-show.txt': show.join('\n'), 'ip-a.txt': ip.join('\n'), 'flows.txt': flowsText.join('\n') };
}

/** `withCaptures`: every agent host also holds captures of its state (see captures()). */
export function buildDeployment(hostCount, seed = 42, withCaptures = false) {
  const random = rng(seed * 1_000_003 + hostCount);
  const controllers = 3;
  const networkNodes = Math.max(2, Math.round(hostCount / 50));
  const computes = Math.max(1, hostCount - controllers - networkNodes);
  const width = String(Math.max(computes, networkNodes)).length;
  const files = [];
  const planted = [];
  const agentFiles = [];
  const ml2Files = [];
  const hosts = [];
  const add = (rel, text) => files.push({ rel, text });
  let ipCounter = 10;
  const nextIp = () => {
    const n = ipCounter++;
    return `10.1.${Math.floor(n / 250)}.${(n % 250) + 2}`;
  };

  for (let c = 0; c < controllers; c++) {
    const host = `controller-${c}`;
    hosts.push(host);
    const ml2 = `${host}/${ML2_PATH}`;
    add(ml2, ml2Conf(host));
    ml2Files.push(ml2);
    add(`${host}/${IFCFG_DIR}/ifcfg-eth0`, ifcfgMgmt('eth0', nextIp(), '10.1.0.1'));
  }

  /** Network nodes use ifcfg; computes take turns: ifcfg, NetworkManager keyfiles, os-net-config (a third each). */
  const agentHost = (host, isNetwork, source = 'ifcfg') => {
    hosts.push(host);
    const vlanMtu = random() < 0.5 ? 9000 : undefined;
    let physnets = [FLAT_PHYSNET, VLAN_PHYSNET];
    if (random() < TYPO_RATE) {
      const which = random() < 0.5 ? 0 : 1;
      const intended = physnets[which];
      const typo = typoOf(intended, random);
      physnets = physnets.map((p, i) => (i === which ? typo : p));
      planted.push({ rel: `${host}/${OVS_PATH}`, host, physnet: typo, intended });
    }
    const mappings = `${physnets[0]}:br-ex,${physnets[1]}:br-vlan`;
    const ovs = `${host}/${OVS_PATH}`;
    add(ovs, ovsAgentConf(host, nextIp(), mappings, isNetwork || random() < 0.3));
    agentFiles.push(ovs);
    if (isNetwork) add(`${host}/${L3_PATH}`, l3AgentConf(host));
    if (withCaptures) {
      const uplinks = source === 'os-net-config' ? [['br-ex', ['eth1']], ['br-vlan', ['eth2', 'eth3'], 'bond1']] : [['br-ex', ['eth1']], ['br-vlan', ['eth2']]];
      for (const [name, text] of Object.entries(captures(uplinks, isNetwork ? 4 : 40, isNetwork ? 200 : 2000))) add(`${host}/captures/${name}`, text);
    }
    if (source === 'keyfile') {
      for (const [name, text] of Object.entries(keyfiles(host, nextIp(), vlanMtu))) add(`${host}/${KEYFILE_DIR}/${name}`, text);
      return;
    }
    if (source === 'os-net-config') {
      add(`${host}/${OS_NET_CONFIG_PATH}`, osNetConfig(nextIp(), vlanMtu));
      return;
    }
    const dir = `${host}/${IFCFG_DIR}`;
    add(`${dir}/ifcfg-eth0`, ifcfgMgmt('eth0', nextIp(), '10.1.0.1'));
    add(`${dir}/ifcfg-eth1`, ifcfgPort('eth1', 'br-ex', undefined, `Provider uplink (${FLAT_PHYSNET}, external network)`));
    add(`${dir}/ifcfg-br-ex`, ifcfgBridge('br-ex', `the flat provider network on ${FLAT_PHYSNET}`));
    add(`${dir}/ifcfg-eth2`, ifcfgPort('eth2', 'br-vlan', vlanMtu, `VLAN trunk (${VLAN_PHYSNET})`));
    add(`${dir}/ifcfg-br-vlan`, ifcfgBridge('br-vlan', `the provider VLANs on ${VLAN_PHYSNET}`, vlanMtu));
  };

  for (let n = 0; n < networkNodes; n++) agentHost(`network-${pad(n, width)}`, true);
  for (let n = 0; n < computes; n++) agentHost(`compute-${pad(n, width)}`, false, ['ifcfg', 'keyfile', 'os-net-config'][n % 3]);
  if (planted.length === 0) {
    // Small deployments: make sure there is at least one typo to find.
    const rel = agentFiles[agentFiles.length - 1];
    const file = files.find((f) => f.rel === rel);
    const typo = typoOf(FLAT_PHYSNET, random);
    file.text = file.text.replace(`bridge_mappings = ${FLAT_PHYSNET}:`, `bridge_mappings = ${typo}:`);
    planted.push({ rel, host: rel.split('/')[0], physnet: typo, intended: FLAT_PHYSNET });
  }

  return {
    hostCount: controllers + networkNodes + computes,
    counts: { controllers, networkNodes, computes, files: files.length },
    files,
    hosts,
    planted,
    agentFiles,
    ml2Files,
    seed,
  };
}

/** Writes the deployment under `dir` (created). */
export function writeDeployment(dir, deployment) {
  const made = new Set();
  for (const { rel, text } of deployment.files) {
    const full = path.join(dir, rel);
    const parent = path.dirname(full);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(full, text);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const withCaptures = args.includes('--captures');
  const [dir, hosts, seed] = args.filter((a) => a !== '--captures');
  if (!dir || !hosts) {
    console.error('usage: node bench/generate.mjs DIR HOSTS [SEED] [--captures]');
    process.exit(2);
  }
  const d = buildDeployment(Number(hosts), seed ? Number(seed) : 42, withCaptures);
  writeDeployment(dir, d);
  console.log(JSON.stringify({ dir, hosts: d.hostCount, ...d.counts, planted: d.planted.length }));
}
