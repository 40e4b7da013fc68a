/**
 * Hosts in the layouts real hosts produce (issue #17): TripleO's
 * puppet-generated tree, kolla's /etc/kolla/<service>/, extracted sosreports
 * (host from their hostname file, else from sos's folder naming).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hostDirSegments, hostFromSosreportName } from '../../../server/src/core/workspace/hosts';
import { allFindings, uriOf, workspaceOf } from '../helpers';

const hostOf = (path: string) => hostDirSegments(path.split('/').slice(0, -1)).join('/');

describe('host directories of real layouts', () => {
  it('TripleO: the directory above var/lib/config-data, for the container trees and kolla config files', () => {
    assert.equal(hostOf('compute-1/var/lib/config-data/puppet-generated/neutron/etc/neutron/plugins/ml2/openvswitch_agent.ini'), 'compute-1');
    assert.equal(hostOf('overcloud/controller-0/var/lib/config-data/neutron/etc/neutron/l3_agent.ini'), 'overcloud/controller-0');
    assert.equal(hostOf('compute-1/var/lib/kolla/config_files/src/etc/neutron/plugins/ml2/openvswitch_agent.ini'), 'compute-1');
    // The host's own network-scripts stay in /etc/sysconfig.
    assert.equal(hostOf('compute-1/etc/sysconfig/network-scripts/ifcfg-br-ex'), 'compute-1');
  });

  it('kolla: the directory above etc/kolla/<service>', () => {
    assert.equal(hostOf('network01/etc/kolla/neutron-openvswitch-agent/ml2_conf.ini'), 'network01');
  });

  it('sosreports: their root, whatever lies below, also for a folder holding sos_commands', () => {
    assert.equal(hostOf('cases/sosreport-compute-0-2023-03-01-abcdefg/etc/neutron/plugins/ml2/openvswitch_agent.ini'), 'cases/sosreport-compute-0-2023-03-01-abcdefg');
    assert.equal(hostOf('sosreport-ctl-1.0123-20190415120000/var/lib/config-data/puppet-generated/neutron/etc/neutron/l3_agent.ini'), 'sosreport-ctl-1.0123-20190415120000');
    assert.equal(hostOf('extracted/compute-2/sos_commands/openvswitch/ovs-vsctl_-t_5_show'), 'extracted/compute-2');
  });

  it('reads the host name in sos folder names, legacy and friendly', () => {
    assert.equal(hostFromSosreportName('sosreport-compute-0-20190415120000'), 'compute-0');
    assert.equal(hostFromSosreportName('sosreport-compute-0.01234567-20190415120000'), 'compute-0');
    assert.equal(hostFromSosreportName('sosreport-compute-0-2023-03-01-abcdefg'), 'compute-0');
    // A label or case id is part of the friendly name: only the report's hostname file can tell it apart.
    assert.equal(hostFromSosreportName('sosreport-compute-0-01234567-2023-03-01-abcdefg'), 'compute-0-01234567');
    assert.equal(hostFromSosreportName('compute-0'), undefined);
  });
});

const ML2 = '[ml2]\ntype_drivers = flat,vlan,vxlan\ntenant_network_types = vxlan\n\n[ml2_type_flat]\nflat_networks = datacentre\n';
const AGENT = '[ovs]\nbridge_mappings = datacentre:br-ex\n';
const BRIDGE = (name: string) => `DEVICE=${name}\nTYPE=OVSBridge\nDEVICETYPE=ovs\nONBOOT=yes\nNM_CONTROLLED=no\nBOOTPROTO=none\n`;
const PORT = (bridge: string) => `DEVICE=ens4\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=${bridge}\nONBOOT=yes\nNM_CONTROLLED=no\nBOOTPROTO=none\n`;
const PG = 'var/lib/config-data/puppet-generated/neutron/etc/neutron';

describe('checks across files of those layouts', () => {
  it('TripleO: a compute whose NIC template names another bridge is bridge-undefined, not "No problems"', () => {
    const service = workspaceOf({
      [`controller-0/${PG}/plugins/ml2/ml2_conf.ini`]: ML2,
      [`compute-1/${PG}/plugins/ml2/openvswitch_agent.ini`]: AGENT,
      'compute-1/etc/sysconfig/network-scripts/ifcfg-br-provider': BRIDGE('br-provider'),
      'compute-1/etc/sysconfig/network-scripts/ifcfg-ens4': PORT('br-provider'),
    });
    assert.equal(service.describeFile(uriOf(`compute-1/${PG}/plugins/ml2/openvswitch_agent.ini`))?.host, 'compute-1');
    assert.deepEqual(allFindings(service), [`compute-1/${PG}/plugins/ml2/openvswitch_agent.ini bridge-undefined@1:29-1:34`]);
  });

  it('sosreport: the host name comes from its hostname file, and follows it', () => {
    const root = 'sosreport-overcloud-novacompute-1-01234567-2024-05-02-qwertyu';
    const agent = `${root}/etc/neutron/plugins/ml2/openvswitch_agent.ini`;
    const files = {
      'controller/etc/neutron/plugins/ml2/ml2_conf.ini': ML2,
      [agent]: AGENT,
      [`${root}/etc/sysconfig/network-scripts/ifcfg-br-ex`]: BRIDGE('br-ex'),
      [`${root}/etc/sysconfig/network-scripts/ifcfg-ens4`]: PORT('br-ex'),
    };
    const bare = workspaceOf(files);
    assert.equal(bare.describeFile(uriOf(agent))?.host, 'overcloud-novacompute-1-01234567');
    const service = workspaceOf({ ...files, [`${root}/hostname`]: 'overcloud-novacompute-1\n' });
    assert.equal(service.describeFile(uriOf(agent))?.host, 'overcloud-novacompute-1');
    assert.deepEqual(allFindings(service), []);
    // The hostname file is evidence, never checked; an edit of it renames the host and re-checks its files.
    const affected = service.setFile(uriOf(`${root}/hostname`), 'compute-7\n');
    assert.ok(affected.includes(uriOf(agent)));
    assert.equal(service.describeFile(uriOf(agent))?.host, 'compute-7');
    service.removeFile(uriOf(`${root}/hostname`));
    assert.equal(service.describeFile(uriOf(agent))?.host, 'overcloud-novacompute-1-01234567');
    // Garbage in the hostname file is not a name.
    const garbage = workspaceOf({ ...files, [`${root}/hostname`]: '\u0000\u0001 not a host\n' });
    assert.equal(garbage.describeFile(uriOf(agent))?.host, 'overcloud-novacompute-1-01234567');
  });

  it('a hosts setting still wins over every layout', () => {
    const agent = `compute-1/${PG}/plugins/ml2/openvswitch_agent.ini`;
    const service = workspaceOf({ [agent]: AGENT }, { hosts: { 'compute-1/**': 'cmp1' } });
    assert.equal(service.describeFile(uriOf(agent))?.host, 'cmp1');
  });
});
