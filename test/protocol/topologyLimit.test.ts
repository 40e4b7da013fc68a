/**
 * neutronConfig/topology over the wire: a graph larger than the server draws
 * (every host of a large deployment on its own) is refused with a message
 * saying how to narrow it, never cut short; the grouped picture of the same
 * workspace and a narrowed one are answered.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TOPOLOGY_MAX_NODES } from '../../server/src/lsp/customRequests';
import { LspClient, LspError } from './lspClient';
import { SERVER, removeDirectory } from './fixture';

/** Hosts of three nodes each (host, br-int, br-ex): one more than fits in the limit. */
const HOSTS = Math.floor(TOPOLOGY_MAX_NODES / 3) + 1;

describe('a topology too large to answer', () => {
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'neutron-topology-limit-'));
    const write = (relative: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
      fs.writeFileSync(path.join(dir, relative), text);
    };
    write('controller/etc/neutron/plugins/ml2/ml2_conf.ini', '[ml2]\ntype_drivers = flat\n\n[ml2_type_flat]\nflat_networks = physnet1\n');
    for (let i = 0; i < HOSTS; i++) write(`compute-${String(i).padStart(4, '0')}/etc/neutron/plugins/ml2/openvswitch_agent.ini`, '[ovs]\nbridge_mappings = physnet1:br-ex\n');
    client = LspClient.start(SERVER);
    await client.initializeOn(dir, {}, {}, 'large');
  });

  after(() => {
    client?.kill();
    if (dir) removeDirectory(dir);
  });

  it('refuses every host on its own, saying how to narrow the picture', async () => {
    await assert.rejects(
      client.request('neutronConfig/topology', { group: 'never' }, 60_000),
      (error: unknown) =>
        error instanceof LspError &&
        error.code === -32803 &&
        error.message === 'The picture would have more than 20,000 nodes, more than can be drawn. Narrow it to some hosts (a glob such as compute-1*) or to one physnet, or let identical hosts be drawn as one.',
    );
  });

  it('answers the grouped picture and a narrowed one in full', async () => {
    const grouped = await client.request('neutronConfig/topology', {}, 60_000);
    const groups = grouped.nodes.filter((n: any) => n.kind === 'host');
    assert.equal(groups.length, 1);
    assert.equal(groups[0].hosts.length, HOSTS);
    const narrowed = await client.request('neutronConfig/topology', { group: 'never', host: 'compute-00*' }, 60_000);
    assert.equal(narrowed.nodes.filter((n: any) => n.kind === 'host').length, 100);
    assert.equal(narrowed.nodes.length, 2 + 100 * 3);
  });
});
