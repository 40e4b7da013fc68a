/**
 * neutron-server's [DEFAULT] settings written into an agent's file (issue #11):
 * not a typo, so no warning, but no effect either: information that says so.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatRange, rangeOf, uriOf, workspaceOf } from '../helpers';

const L3 = 'network-0/etc/neutron/l3_agent.ini';
const AGENT = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';

describe('server-only [DEFAULT] names in agent files', () => {
  test('are information naming the reader', () => {
    const text = '[DEFAULT]\ninterface_driver = openvswitch\nallow_automatic_l3agent_failover = True\nl3_ha = True\n';
    const diagnostics = workspaceOf({ [L3]: text }).getDiagnostics(uriOf(L3));
    assert.deepEqual(
      diagnostics.map((d) => `${d.code}:${d.severity}@${formatRange(d.range)}`),
      [`unknown-option:3@${formatRange(rangeOf(text, 'allow_automatic_l3agent_failover'))}`, `unknown-option:3@${formatRange(rangeOf(text, 'l3_ha'))}`],
    );
    assert.equal(
      diagnostics[0].message,
      '"allow_automatic_l3agent_failover" is read by neutron-server, not by this agent: the L3 agent has no use for it, so it has no effect in l3_agent.ini. It belongs in neutron.conf on the controllers.',
    );
  });

  test('stay silent where neutron-server reads them, and for names the agents share', () => {
    const ml2 = '[DEFAULT]\ncore_plugin = ml2\nservice_plugins = router\n\n[ml2]\ntype_drivers = vxlan\ntenant_network_types = vxlan\n';
    assert.deepEqual(workspaceOf({ [ML2]: ml2 }).getDiagnostics(uriOf(ML2)), []);
    const shared = '[DEFAULT]\nhost = compute-0.example.com\nstate_path = /var/lib/neutron\nrpc_response_timeout = 120\n';
    assert.deepEqual(workspaceOf({ [AGENT]: shared }).getDiagnostics(uriOf(AGENT)), []);
  });
});
