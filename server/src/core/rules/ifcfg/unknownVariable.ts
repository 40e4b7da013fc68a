import { suggestVariables } from '../../ifcfg/variables';
import type { Finding, Rule } from '../rule';
import { asIfcfg } from './helpers';

/**
 * Variables the network scripts or NetworkManager read that the catalogue
 * does not describe. They are not typos, even where they sit close to a
 * described name (GATEWAYDEV and GATEWAY, IPV6TO4INIT and IPV6INIT).
 */
const LEGAL_UNDESCRIBED = new Set([
  'ACCEPT_ALL_MAC_ADDRESSES',
  'ACD_TIMEOUT',
  'ARP',
  'ARPUPDATE',
  'AUTOCONNECT_PRIORITY',
  'AUTOCONNECT_RETRIES',
  'AUTOCONNECT_SLAVES',
  'BONDING_SLAVE',
  'BRIDGE_MACADDR',
  'BRIDGE_UUID',
  'BROADCAST',
  'CLONENUM_START',
  'CONNECTED_MODE',
  'CONNECTION_METERED',
  'DEVTIMEOUT',
  'DHCLIENTCONF',
  'DHCLIENT_IGNORE_GATEWAY',
  'DHCPRELEASE',
  'DHCPV6_DUID',
  'DHCPV6_HOSTNAME',
  'DHCPV6_IAID',
  'DHCP_CLIENT_ID',
  'DHCP_FQDN',
  'DHCP_SEND_HOSTNAME',
  'DHCP_TIMEOUT',
  'DHCP_VENDOR_CLASS_IDENTIFIER',
  'DNS_OPTIONS',
  'ETHTOOL_DELAY',
  'ETHTOOL_WAKE_ON_LAN',
  'GATEWAYDEV',
  'GATEWAY_PING_TIMEOUT',
  'GVRP',
  'HWADDR_BLACKLIST',
  'IPADDR_END',
  'IPADDR_START',
  'IPV4_DHCP_TIMEOUT',
  'IPV4_DNS_PRIORITY',
  'IPV4_ROUTE_METRIC',
  'IPV4_ROUTE_TABLE',
  'IPV6_AUTOTUNNEL',
  'IPV6_CONTROL_RADVD',
  'IPV6_DHCP_HOSTNAME',
  'IPV6_DISABLED',
  'IPV6_DNS_PRIORITY',
  'IPV6_DOMAIN',
  'IPV6_RADVD_PIDFILE',
  'IPV6_RADVD_TRIGGER_ACTION',
  'IPV6_RES_OPTIONS',
  'IPV6_ROUTER',
  'IPV6_ROUTE_METRIC',
  'IPV6_ROUTE_TABLE',
  'IPV6_SET_SYSCTLS',
  'IPV6_TOKEN',
  'IPV6TO4INIT',
  'IPV6TO4_IPV4ADDR',
  'IPV6TO4_MTU',
  'IPV6TO4_RELAY',
  'IPV6TO4_ROUTING',
  'LLDP',
  'MASTER_UUID',
  'MATCH_INTERFACE_NAME',
  'METRIC',
  'MTU_PATH_DISCOVERY',
  'MUD_URL',
  'MVRP',
  'NETWORK',
  'NISDOMAIN',
  'NOZEROCONF',
  'ONPARENT',
  'PEERNIS',
  'PEERNTP',
  'PROXY_PAC_SCRIPT',
  'PROXY_PAC_URL',
  'PROXY_URL',
  'REORDER_HDR',
  'RES_OPTIONS',
  'SCOPE',
  'SECONDARY_UUIDS',
  'SRIOV_NUM_VFS',
  'STABLE_ID',
  'TEAM_MASTER_UUID',
  'USERS',
  'VLAN_EGRESS_PRIORITY_MAP',
  'VLAN_FLAGS',
  'VLAN_INGRESS_PRIORITY_MAP',
  'VLAN_NAME_TYPE',
  'WINDOW',
]);

/** Numbered forms the readers accept beyond the catalogue: DNS1…DNSn (NetworkManager reads more than three), METRICn, ROUTING_RULE_n. */
const LEGAL_PATTERNS = [/^DNS[1-9][0-9]*$/, /^METRIC[0-9]+$/, /^ROUTING_RULE6?_[0-9]+$/];

/**
 * A key the readers do not know but that is within typo distance of a known
 * variable: probably misspelt, so the setting silently does nothing. Unknown
 * keys far from every known name are legal private variables and stay silent.
 */
export const unknownVariable: Rule = {
  codes: ['unknown-variable'],
  scope: 'file',
  kinds: ['ifcfg'],
  check({ file }) {
    const f = asIfcfg(file);
    if (!f) return [];
    const findings: Finding[] = [];
    for (const assignment of f.doc.assignments) {
      const key = assignment.key.text;
      if (LEGAL_UNDESCRIBED.has(key) || LEGAL_PATTERNS.some((p) => p.test(key))) continue;
      const suggestions = suggestVariables(key);
      if (suggestions.length === 0) continue;
      findings.push({
        code: 'unknown-variable',
        range: assignment.key.range,
        message:
          `Neither the network scripts nor NetworkManager know a variable named ${key}, so this setting has no effect. ` +
          `Did you mean ${suggestions.join(' or ')}?`,
        data: { key, suggestions },
      });
    }
    return findings;
  },
};

/** For tests: the names accepted without description. */
export function isLegalUndescribed(key: string): boolean {
  return LEGAL_UNDESCRIBED.has(key) || LEGAL_PATTERNS.some((p) => p.test(key));
}
