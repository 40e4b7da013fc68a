/**
 * ML2/OVN gateway chassis (issue #15): `openstack network agent list` read
 * in each format with exact ranges, and ovn-gateway-missing judged against
 * it, only where the release is one that has no fallback (2024.1 on).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rangeOf, uriOf, workspaceOf } from '../helpers';
import { parseCapture } from '../../../server/src/core/captures/parseCapture';
import type { AgentListSection } from '../../../server/src/core/captures/model';

const TABLE = [
  '$ openstack network agent list',
  '+--------------------------------------+------------------------------+--------------------+-------------------+-------+-------+----------------+',
  '| ID                                   | Agent Type                   | Host               | Availability Zone | Alive | State | Binary         |',
  '+--------------------------------------+------------------------------+--------------------+-------------------+-------+-------+----------------+',
  '| 2f4e8a9c-1b3d-4c5e-8f7a-9b0c1d2e3f4a | OVN Controller Gateway agent | net-0.example.com  |                   | :-)   | UP    | ovn-controller |',
  '| 3a5b7c9d-2e4f-4a6b-8c0d-1e2f3a4b5c6d | OVN Controller agent         | cmp-0.example.com  |                   | :-)   | UP    | ovn-controller |',
  '+--------------------------------------+------------------------------+--------------------+-------------------+-------+-------+----------------+',
  '',
].join('\n');
const JSON_LIST = JSON.stringify(
  [
    { ID: 'a1', 'Agent Type': 'OVN Controller agent', Host: 'cmp-1', 'Availability Zone': '', Alive: true, State: true, Binary: 'ovn-controller' },
    { ID: 'a2', 'Agent Type': 'OVN Metadata agent', Host: 'cmp-1', 'Availability Zone': '', Alive: true, State: true, Binary: 'neutron-ovn-metadata-agent' },
  ],
  null,
  2,
);
const NETWORK = JSON.stringify({ id: 'n1', name: 'public', 'provider:network_type': 'flat', 'provider:physical_network': 'datacentre', 'provider:segmentation_id': null, 'router:external': true }, null, 2);
const ML2 = 'ctl/etc/neutron/plugins/ml2/ml2_conf.ini';
const ML2_TEXT = '[ml2]\ntype_drivers = geneve,flat\nmechanism_drivers = ovn\n\n[ml2_type_flat]\nflat_networks = datacentre\n';
const LIST = 'cloud/agent-list.txt';
const SHOW = 'cloud/network-show-public.json';

function listOf(text: string, name: string): AgentListSection {
  const section = parseCapture(text, name).sections[0];
  assert.equal(section?.type, 'agent-list');
  return section as AgentListSection;
}

describe('openstack network agent list', () => {
  it('reads the table by its header, each host where it stands', () => {
    const list = listOf(TABLE, 'agents.txt');
    assert.deepEqual(list.agents.map((a) => [a.agentType, a.host?.text, a.host?.range]), [
      ['OVN Controller Gateway agent', 'net-0.example.com', rangeOf(TABLE, 'net-0.example.com')],
      ['OVN Controller agent', 'cmp-0.example.com', rangeOf(TABLE, 'cmp-0.example.com')],
    ]);
  });

  it('reads -f json and the neutron CLI table, told by content alone', () => {
    assert.deepEqual(listOf(JSON_LIST, 'agents.json').agents.map((a) => [a.agentType, a.host?.text, a.host?.range]), [
      ['OVN Controller agent', 'cmp-1', rangeOf(JSON_LIST, 'cmp-1')],
      ['OVN Metadata agent', 'cmp-1', rangeOf(JSON_LIST, 'cmp-1', 1)],
    ]);
    const old = '+----+--------------------+---------+\n| id | agent_type         | host    |\n+----+--------------------+---------+\n| 1  | Open vSwitch agent | compute |\n+----+--------------------+---------+\n';
    assert.deepEqual(listOf(old, 'agents.txt').agents.map((a) => [a.agentType, a.host?.text]), [['Open vSwitch agent', 'compute']]);
  });
});

describe('ovn-gateway-missing', () => {
  const files = (list: string, extra: Record<string, string> = {}) => ({ [ML2]: ML2_TEXT, [LIST]: list, [SHOW]: NETWORK, ...extra });
  const found = (f: Record<string, string>, release = '2024.1') => workspaceOf(f, { release }).getDiagnostics(uriOf(SHOW)).filter((d) => d.code === 'ovn-gateway-missing');
  const noGateway = TABLE.replace('OVN Controller Gateway agent | net-0', 'OVN Controller agent         | net-0');

  it('an external flat network and no gateway chassis in the agent list: at the network\'s physnet, pointing at the list', () => {
    const [d, ...rest] = found(files(noGateway));
    assert.deepEqual(rest, []);
    assert.deepEqual(d?.range, rangeOf(NETWORK, 'datacentre'));
    assert.match(String(d.message), /^External network "public" \(flat on "datacentre"\) has no gateway chassis to carry its routers/);
    assert.deepEqual(d.relatedInformation?.map((r) => r.message), ['openstack network agent list']);
  });

  it('is not judged before 2024.1 (neutron falls back to any chassis mapping the physnet) nor without a release', () => {
    assert.deepEqual(found(files(noGateway), '2023.2'), []);
    assert.deepEqual(found(files(noGateway), ''), []);
  });

  it('an internal network, a geneve one, or an agent list without OVN controllers is not judged', () => {
    assert.deepEqual(found(files(noGateway, { [SHOW]: NETWORK.replace('"router:external": true', '"router:external": false') })), []);
    assert.deepEqual(found(files(noGateway.replaceAll('OVN Controller agent        ', 'Open vSwitch agent          '))), []);
  });

  it('gateways that all report their mappings, none with the physnet: reported; one unreported gateway: not judged', () => {
    const show = (mappings: string) => `$ openstack network agent show g1 -f json\n${JSON.stringify({ agent_type: 'OVN Controller Gateway agent', host: 'net-0.example.com', configuration: { 'bridge-mappings': mappings } }, null, 2)}\n`;
    const [d] = found(files(TABLE, { 'cloud/agent-show-net-0.txt': show('tenant:br-tenant') }));
    assert.match(String(d?.message), /^External network "public" is on "datacentre", which none of the gateway chassis \(net-0\.example\.com\) maps in its ovn-bridge-mappings/);
    assert.deepEqual(found(files(TABLE, { 'cloud/agent-show-net-0.txt': show('datacentre:br-ex') })), []);
    assert.deepEqual(found(files(TABLE)), []);
  });
});
