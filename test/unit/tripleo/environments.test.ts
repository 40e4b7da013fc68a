/**
 * TripleO environments as the source of an overcloud's physnets (issue #15):
 * parameter_defaults read with ranges, the defaults of tripleo-heat-templates,
 * physnet-undeclared, rename across environments, and what is not judged.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyWorkspaceEdit, cursor, rangeOf, uriOf, workspaceOf } from '../helpers';
import { parseEnvironment } from '../../../server/src/core/syntax/yamlParser';
import { tripleoEnvFacts } from '../../../server/src/core/tripleo/environmentFacts';

const NETWORK_ENV = 'templates/network-environment.yaml';
const SRIOV_ENV = 'templates/environments/sriov.yaml';
const NETWORK_TEXT = "parameter_defaults:\n  NeutronFlatNetworks: datacentre\n  NeutronNetworkVLANRanges: 'datacentre:1:1000,tenant:500:599'\n  NeutronBridgeMappings: \"datacentre:br-ex,tenant:br-tenant\"\n";
const SRIOV_TEXT = 'parameter_defaults:\n  ComputeSriovParameters:\n    NeutronPhysicalDevMappings:\n      - tenant:ens1f0\n      - tenant:ens1f1\n';

function codes(files: Record<string, string>): string[] {
  const service = workspaceOf(files);
  return service.files().flatMap((uri) => service.getDiagnostics(uri).map((d) => `${uri.slice(uri.indexOf('templates'))} ${d.code}`));
}

describe('TripleO environment facts', () => {
  it('reads the parameters as strings and as lists, globally and per role, each element where it stands', () => {
    const facts = tripleoEnvFacts(parseEnvironment(NETWORK_TEXT + SRIOV_TEXT.replace('parameter_defaults:\n', '')));
    assert.deepEqual(
      facts.parameters.map((p) => [p.name, p.role, p.unknown, p.items.map((t) => t.text)]),
      [
        ['NeutronFlatNetworks', undefined, false, ['datacentre']],
        ['NeutronNetworkVLANRanges', undefined, false, ['datacentre:1:1000', 'tenant:500:599']],
        ['NeutronBridgeMappings', undefined, false, ['datacentre:br-ex', 'tenant:br-tenant']],
        ['NeutronPhysicalDevMappings', 'ComputeSriov', false, ['tenant:ens1f0', 'tenant:ens1f1']],
      ],
    );
    const text = NETWORK_TEXT;
    const env = tripleoEnvFacts(parseEnvironment(text));
    assert.deepEqual(env.mappings[0].mappings.map((m) => [m.physnet.range, m.target.text]), [
      [rangeOf(text, 'datacentre', 2), 'br-ex'],
      [rangeOf(text, 'tenant', 1), 'br-tenant'],
    ]);
    assert.deepEqual(env.vlanPhysnets[0].physnets.map((t) => t.range), [rangeOf(text, 'datacentre', 1), rangeOf(text, 'tenant', 0)]);
  });

  it('a heat function or a template makes a parameter unknown', () => {
    const facts = tripleoEnvFacts(parseEnvironment('parameter_defaults:\n  NeutronBridgeMappings: {get_param: BridgeMappings}\n  NeutronFlatNetworks: "{{ flat }}"\n'));
    assert.deepEqual(facts.parameters.map((p) => [p.name, p.unknown]), [['NeutronBridgeMappings', true], ['NeutronFlatNetworks', true]]);
  });
});

describe('physnets of TripleO environments', () => {
  it('a consistent template set is silent; a YAML file without parameter_defaults is not indexed', () => {
    const service = workspaceOf({ [NETWORK_ENV]: NETWORK_TEXT, [SRIOV_ENV]: SRIOV_TEXT, 'templates/roles_data.yaml': '- name: Controller\n' });
    assert.deepEqual(service.files().map((u) => u.slice(u.indexOf('templates'))).sort(), [SRIOV_ENV, NETWORK_ENV]);
    assert.deepEqual(codes({ [NETWORK_ENV]: NETWORK_TEXT, [SRIOV_ENV]: SRIOV_TEXT }), []);
  });

  it('a mapped physnet no environment declares is physnet-undeclared, across files, with the fix', () => {
    const sriov = SRIOV_TEXT.replace('tenant:ens1f1', 'tenat:ens1f1');
    const files = { [NETWORK_ENV]: NETWORK_TEXT, [SRIOV_ENV]: sriov };
    const service = workspaceOf(files);
    const [d] = service.getDiagnostics(uriOf(SRIOV_ENV));
    assert.equal(d.code, 'physnet-undeclared');
    assert.deepEqual(d.range, rangeOf(sriov, 'tenat'));
    assert.match(String(d.message), /not declared in the TripleO environments \(templates\/network-environment\.yaml\): neither NeutronFlatNetworks nor NeutronNetworkVLANRanges names it\./);
    assert.match(String(d.message), /this NeutronPhysicalDevMappings entry can never carry a network on the ComputeSriov nodes\. Did you mean "tenant"\?$/);
    const fix = service.getCodeActions(uriOf(SRIOV_ENV), d.range, [d])[0];
    assert.equal(fix?.title, 'Change to "tenant"');
    assert.deepEqual(applyWorkspaceEdit(files, fix!.edit!), { [NETWORK_ENV]: NETWORK_TEXT, [SRIOV_ENV]: SRIOV_TEXT });
  });

  it('environments that leave both declarations to the defaults are not judged (the defaults may come from files outside the workspace)', () => {
    assert.deepEqual(codes({ [SRIOV_ENV]: SRIOV_TEXT.replace('tenant:ens1f1', 'tenat:ens1f1') }), []);
  });

  it('a parameter no environment sets takes its tripleo-heat-templates default: datacentre stays declared', () => {
    const onlyVlan = "parameter_defaults:\n  NeutronNetworkVLANRanges: 'tenant:500:599'\n  NeutronBridgeMappings: 'datacentre:br-ex,tenant:br-tenant'\n";
    assert.deepEqual(codes({ [NETWORK_ENV]: onlyVlan }), []);
  });

  it('renaming a physnet from a mapping edits every environment of the set', () => {
    const { text, position } = cursor(SRIOV_TEXT.replace('- tenant:ens1f0', '- ten|ant:ens1f0'));
    const files = { [NETWORK_ENV]: NETWORK_TEXT, [SRIOV_ENV]: text };
    const after = applyWorkspaceEdit(files, workspaceOf(files).rename(uriOf(SRIOV_ENV), position, 'provider'));
    assert.equal(after[NETWORK_ENV], NETWORK_TEXT.replace('tenant:500', 'provider:500').replace('tenant:br-tenant', 'provider:br-tenant'));
    assert.equal(after[SRIOV_ENV], SRIOV_TEXT.replaceAll('tenant:', 'provider:'));
  });
});
