import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { NeutronConfigService } from '../../../server/src/core/service';
import type { Settings } from '../../../server/src/core/settings';
import { isBootIfcfgName, kindFromName, KindMatcher, renderedName } from '../../../server/src/core/workspace/fileKinds';
import { hostDirSegments } from '../../../server/src/core/workspace/hosts';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings';
import { ROOT, uriOf, workspaceOf } from '../helpers';

const rel = (uri: string) => uri.slice(ROOT.length + 1);
const sorted = (uris: string[]) => uris.map(rel).sort();

// ---- file texts ----------------------------------------------------------------

const ml2 = (flat: string, vlan = '', drivers = 'flat,vlan,vxlan') =>
  `[ml2]\ntype_drivers = ${drivers}\ntenant_network_types = vxlan\n[ml2_type_flat]\nflat_networks = ${flat}\n[ml2_type_vlan]\nnetwork_vlan_ranges = ${vlan}\n`;
const agent = (mappings: string, localIp = '192.0.2.10') => `[ovs]\nbridge_mappings = ${mappings}\nlocal_ip = ${localIp}\n[agent]\ntunnel_types = vxlan\n`;
const bridge = (device: string, type = 'OVSBridge') => `DEVICE=${device}\nTYPE=${type}\nDEVICETYPE=ovs\nONBOOT=yes\n`;
const port = (device: string, onto: string) => `DEVICE=${device}\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=${onto}\nONBOOT=yes\n`;
const l3 = (bridgeName = '') => `[DEFAULT]\ninterface_driver = openvswitch\nexternal_network_bridge = ${bridgeName}\n`;

const AGENT = 'etc/neutron/plugins/ml2/openvswitch_agent.ini';
const ML2 = 'etc/neutron/plugins/ml2/ml2_conf.ini';
const SCRIPTS = 'etc/sysconfig/network-scripts';

// ---- file kinds ----------------------------------------------------------------

describe('file kinds', () => {
  it('recognises the Neutron files by name', () => {
    assert.deepEqual(
      [
        'ml2_conf.ini',
        'plugin.ini',
        'openvswitch_agent.ini',
        'linuxbridge_agent.ini',
        'sriov_agent.ini',
        'sriov_nic_agent.ini',
        'l3_agent.ini',
        'neutron.conf',
        'dhcp_agent.ini',
        'nova.conf',
        'metadata_agent.ini',
        'ML2_CONF.INI',
        'ml2_conf.ini.bak',
        'README',
      ].map(kindFromName),
      ['ml2', 'ml2', 'ovs-agent', 'linuxbridge-agent', 'sriov-agent', 'sriov-agent', 'l3-agent', 'neutron-conf', 'dhcp-agent', 'nova-conf', undefined, undefined, undefined, undefined],
    );
  });

  it('recognises the same names with a template suffix', () => {
    assert.deepEqual(
      ['ml2_conf.ini.j2', 'openvswitch_agent.ini.erb', 'l3_agent.ini.tmpl', 'plugin.ini.j2', 'ifcfg-br-ex.j2', 'ifcfg-eth0.erb', '.j2', 'neutron.conf.j2'].map(kindFromName),
      ['ml2', 'ovs-agent', 'l3-agent', 'ml2', 'ifcfg', 'ifcfg', undefined, 'neutron-conf'],
    );
    assert.deepEqual(renderedName('ifcfg-br-ex.tmpl'), { name: 'ifcfg-br-ex', template: true });
    assert.deepEqual(renderedName('ifcfg-br-ex'), { name: 'ifcfg-br-ex', template: false });
  });

  it('reads ifcfg-* except the names the network service skips at boot', () => {
    const read = ['ifcfg-eth0', 'ifcfg-br-ex', 'ifcfg-bond0', 'ifcfg-eth0.100', 'ifcfg-vlan100', 'ifcfg-range0', 'ifcfg-lo0'];
    const skipped = [
      'ifcfg-eth0~',
      'ifcfg-eth0.bak',
      'ifcfg-eth0.old',
      'ifcfg-eth0.orig',
      'ifcfg-eth0.rpmnew',
      'ifcfg-eth0.rpmorig',
      'ifcfg-eth0.rpmsave',
      'ifcfg-lo',
      'ifcfg-eth0:1',
      'ifcfg-eth0-range0',
      'ifcfg-eth0-range',
      // initscripts drops every name matching ifcfg-.*-range, anchored at neither end.
      'ifcfg-eth0-rangefinder',
      'ifcfg--range',
      'ifcfg-',
      'ifcfg-eth0.bak.j2',
      'route-eth0',
      'ifcfg',
    ];
    assert.deepEqual(read.filter((n) => kindFromName(n) !== 'ifcfg'), []);
    assert.deepEqual(skipped.filter((n) => kindFromName(n) !== undefined), []);
    assert.equal(isBootIfcfgName('ifcfg-eth0'), true);
  });

  it('a fileKinds glob maps further files to a kind, and wins over the name', () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      fileKinds: { '**/neutron/ovs.conf': 'ovs-agent', 'agent-*.ini': 'ovs-agent', 'legacy/ml2_conf.ini': 'l3-agent', 'net/*.cfg': 'ifcfg' },
    };
    const kinds = new KindMatcher(settings);
    assert.deepEqual(
      [
        'compute-0/etc/neutron/ovs.conf',
        'agent-7.ini',
        'compute-0/agent-7.ini',
        'legacy/ml2_conf.ini',
        'other/ml2_conf.ini',
        'net/eth0.cfg',
        'net/sub/eth0.cfg',
        'compute-0/etc/neutron/metadata_agent.ini',
      ].map((p) => kinds.kindOf(p)),
      ['ovs-agent', 'ovs-agent', 'ovs-agent', 'l3-agent', 'ml2', 'ifcfg', undefined, undefined],
    );
  });

  it('the service indexes recognised files only', () => {
    const service = workspaceOf(
      {
        [`c/${ML2}`]: ml2('physnet1'),
        'c/etc/neutron/metadata_agent.ini': '[DEFAULT]\n',
        [`c/${SCRIPTS}/ifcfg-lo`]: 'DEVICE=lo\n',
        [`c/${SCRIPTS}/ifcfg-eth0.bak`]: 'DEVICE=eth0\n',
        'c/etc/neutron/extra.ini': agent('physnet1:br-ex'),
      },
      { fileKinds: { '**/extra.ini': 'ovs-agent' } },
    );
    assert.deepEqual(sorted(service.files()), ['c/etc/neutron/extra.ini', `c/${ML2}`]);
    assert.equal(service.isRecognised(uriOf('c/etc/neutron/metadata_agent.ini')), false);
    assert.equal(service.describeFile(uriOf('c/etc/neutron/extra.ini'))?.kind, 'ovs-agent');
    assert.deepEqual(service.setFile(uriOf('x/README'), 'hello'), []);
  });

  it('changing the fileKinds setting re-indexes the files it has', () => {
    const service = workspaceOf({ [`c/${ML2}`]: ml2('physnet1'), [`c/${AGENT}`]: agent('physnet1:br-ex') });
    service.setFolderSettings(ROOT, { fileKinds: { [`c/${AGENT}`]: 'l3-agent' } });
    assert.equal(service.describeFile(uriOf(`c/${AGENT}`))?.kind, 'l3-agent');
  });
});

// ---- hosts ---------------------------------------------------------------------

describe('hosts', () => {
  it('is the directory above etc/, else the folder without network-scripts, sysconfig, neutron, plugins/ml2', () => {
    assert.deepEqual(hostDirSegments(['compute-0', 'etc', 'neutron', 'plugins', 'ml2']), ['compute-0']);
    assert.deepEqual(hostDirSegments(['site', 'compute-0', 'etc', 'sysconfig', 'network-scripts']), ['site', 'compute-0']);
    assert.deepEqual(hostDirSegments(['compute-1', 'network-scripts']), ['compute-1']);
    assert.deepEqual(hostDirSegments(['host', 'neutron', 'plugins', 'ml2']), ['host']);
    assert.deepEqual(hostDirSegments(['host', 'sysconfig', 'network-scripts']), ['host']);
    assert.deepEqual(hostDirSegments(['etc', 'neutron']), []);
    assert.deepEqual(hostDirSegments([]), []);
    assert.deepEqual(hostDirSegments(['compute-2']), ['compute-2']);
  });

  it('names the host of each file in the service', () => {
    const files = {
      [`compute-0/${AGENT}`]: agent('physnet1:br-ex'),
      [`compute-0/${SCRIPTS}/ifcfg-br-ex`]: bridge('br-ex'),
      'compute-1/network-scripts/ifcfg-x': bridge('x'),
      'host/neutron/plugins/ml2/openvswitch_agent.ini': agent('physnet1:br-ex'),
      'host/neutron/plugins/ml2/x.ini': agent('physnet1:br-ex'),
      'host/neutron/l3_agent.ini': l3(),
      [`site/rack1/compute-9/${AGENT}`]: agent('physnet1:br-ex'),
      [`${AGENT}`]: agent('physnet1:br-ex'),
    };
    const service = workspaceOf(files, { fileKinds: { '**/x.ini': 'ovs-agent' } });
    assert.deepEqual(
      Object.keys(files).map((p) => [p, service.describeFile(uriOf(p))?.host]),
      [
        [`compute-0/${AGENT}`, 'compute-0'],
        [`compute-0/${SCRIPTS}/ifcfg-br-ex`, 'compute-0'],
        ['compute-1/network-scripts/ifcfg-x', 'compute-1'],
        ['host/neutron/plugins/ml2/openvswitch_agent.ini', 'host'],
        ['host/neutron/plugins/ml2/x.ini', 'host'],
        ['host/neutron/l3_agent.ini', 'host'],
        [`site/rack1/compute-9/${AGENT}`, 'compute-9'],
        // At the folder's root the host is named after the folder.
        [`${AGENT}`, 'ws'],
      ],
    );
  });

  it('files of one host see each other (bridge-undefined is judged on the same host only)', () => {
    const service = workspaceOf({
      [`controller/${ML2}`]: ml2('physnet1'),
      [`compute-0/${AGENT}`]: agent('physnet1:br-ex'),
      [`compute-0/${SCRIPTS}/ifcfg-br-ex`]: bridge('br-ex'),
      [`compute-0/${SCRIPTS}/ifcfg-eth1`]: port('eth1', 'br-ex'),
      [`compute-1/${AGENT}`]: agent('physnet1:br-ex'),
      [`compute-1/${SCRIPTS}/ifcfg-eth1`]: port('eth1', 'br-ex'),
    });
    const context = service.context(uriOf(`compute-0/${AGENT}`))!;
    assert.deepEqual([...context.host.network.declared.bridges.keys()], ['br-ex']);
    assert.deepEqual(service.context(uriOf(`compute-1/${AGENT}`))!.host.network.declared.bridges.size, 0);
  });

  it('a hosts glob names hosts, and files it matches share one host', () => {
    const service = workspaceOf(
      {
        [`dump/a/${AGENT}`]: agent('physnet1:br-ex'),
        'dump/b/ifcfg-br-ex': bridge('br-ex'),
        [`compute-0/${AGENT}`]: agent('physnet1:br-ex'),
      },
      { hosts: { 'dump/**': 'alpha' } },
    );
    assert.equal(service.describeFile(uriOf(`dump/a/${AGENT}`))?.host, 'alpha');
    assert.equal(service.describeFile(uriOf('dump/b/ifcfg-br-ex'))?.host, 'alpha');
    assert.equal(service.describeFile(uriOf(`compute-0/${AGENT}`))?.host, 'compute-0');
    assert.deepEqual([...service.context(uriOf(`dump/a/${AGENT}`))!.host.network.declared.bridges.keys()], ['br-ex']);
  });
});

// ---- deployments ---------------------------------------------------------------

describe('deployments', () => {
  it('a host belongs to the deployment of the nearest ML2 config', () => {
    const service = workspaceOf({
      [`controller/${ML2}`]: ml2('physnet1'),
      [`compute-0/${AGENT}`]: agent('physnet1:br-ex'),
      [`lab/controller/${ML2}`]: ml2('labnet'),
      [`lab/compute-0/${AGENT}`]: agent('labnet:br-ex'),
      [`lab/deep/compute-5/${AGENT}`]: agent('labnet:br-ex'),
    });
    assert.equal(service.describeFile(uriOf(`compute-0/${AGENT}`))?.deployment, '/ws');
    assert.equal(service.describeFile(uriOf(`controller/${ML2}`))?.deployment, '/ws');
    assert.equal(service.describeFile(uriOf(`lab/compute-0/${AGENT}`))?.deployment, '/ws/lab');
    assert.equal(service.describeFile(uriOf(`lab/deep/compute-5/${AGENT}`))?.deployment, '/ws/lab');
    assert.deepEqual(service.index.deploymentRoots().sort(), ['/ws', '/ws/lab']);
  });

  it('HA controllers at equal distance declare one deployment together', () => {
    const service = workspaceOf({
      [`controller-0/${ML2}`]: ml2('physnet1'),
      [`controller-1/${ML2}`]: ml2('physnet1'),
      [`controller-2/etc/neutron/plugin.ini`]: ml2('physnet1'),
      [`compute-0/${AGENT}`]: agent('physnet1:br-ex'),
    });
    assert.deepEqual(service.index.deploymentRoots(), ['/ws']);
    const view = service.context(uriOf(`compute-0/${AGENT}`))!.deployment!;
    assert.deepEqual(view.ml2Files.map((f) => rel(f.uri)), [`controller-0/${ML2}`, `controller-1/${ML2}`, 'controller-2/etc/neutron/plugin.ini']);
    assert.deepEqual(view.hosts.map((h) => h.name), ['compute-0', 'controller-0', 'controller-1', 'controller-2']);
  });

  it('prod/ and staging/ never see each other', () => {
    const service = workspaceOf({
      [`prod/controller/${ML2}`]: ml2('datacentre'),
      [`prod/compute-0/${AGENT}`]: agent('datacentre:br-ex'),
      [`staging/controller/${ML2}`]: ml2('physnet1'),
      [`staging/compute-0/${AGENT}`]: agent('datacentre:br-ex'),
    });
    assert.equal(service.describeFile(uriOf(`prod/compute-0/${AGENT}`))?.deployment, '/ws/prod');
    assert.equal(service.describeFile(uriOf(`staging/compute-0/${AGENT}`))?.deployment, '/ws/staging');
    const staging = service.context(uriOf(`staging/compute-0/${AGENT}`))!.deployment!;
    assert.deepEqual(staging.declaredNames(), ['physnet1']);
    assert.deepEqual(staging.hosts.map((h) => h.key), ['/ws/staging/compute-0', '/ws/staging/controller']);
    // staging maps a physnet only prod declares: an error in staging, none in prod.
    assert.deepEqual(codes(service, `staging/compute-0/${AGENT}`), ['physnet-undeclared']);
    assert.deepEqual(codes(service, `prod/compute-0/${AGENT}`), []);
  });

  it('a host with no ML2 config above it has no deployment', () => {
    const service = workspaceOf({
      [`prod/controller/${ML2}`]: ml2('physnet1'),
      [`edge/compute-9/${AGENT}`]: agent('physnet1:br-ex'),
    });
    assert.equal(service.describeFile(uriOf(`edge/compute-9/${AGENT}`))?.deployment, undefined);
    assert.equal(service.context(uriOf(`edge/compute-9/${AGENT}`))!.deployment, undefined);
    const alone = workspaceOf({ [`compute-0/${AGENT}`]: agent('nowhere:br-ex') });
    assert.equal(alone.describeFile(uriOf(`compute-0/${AGENT}`))?.deployment, undefined);
    assert.deepEqual(codes(alone, `compute-0/${AGENT}`), []);
  });

  it('deployments stay inside their workspace folder', () => {
    const service = new NeutronConfigService();
    service.setWorkspaceFolders([{ uri: 'file:///a' }, { uri: 'file:///a/b' }]);
    service.setFile(`file:///a/controller/${ML2}`, ml2('physnet1'));
    service.setFile(`file:///a/b/compute-0/${AGENT}`, agent('physnet1:br-ex'));
    assert.equal(service.describeFile(`file:///a/b/compute-0/${AGENT}`)?.deployment, undefined);
  });
});

function codes(service: NeutronConfigService, path: string): string[] {
  return service.getDiagnostics(uriOf(path)).map((d) => String(d.code));
}

// ---- incremental updates -------------------------------------------------------

/** Two deployments: prod (controller, compute-0, compute-1) and staging (controller, compute-0). */
function twoDeployments(): Record<string, string> {
  return {
    [`prod/controller/${ML2}`]: ml2('physnet1', 'physnet2:100:200'),
    [`prod/compute-0/${AGENT}`]: agent('physnet1:br-ex,physnet2:br-vlan'),
    [`prod/compute-0/${SCRIPTS}/ifcfg-br-ex`]: bridge('br-ex'),
    [`prod/compute-0/${SCRIPTS}/ifcfg-br-vlan`]: bridge('br-vlan'),
    [`prod/compute-0/${SCRIPTS}/ifcfg-eth1`]: port('eth1', 'br-ex'),
    [`prod/compute-0/${SCRIPTS}/ifcfg-eth2`]: port('eth2', 'br-vlan'),
    [`prod/compute-1/${AGENT}`]: agent('physnet1:br-ex'),
    [`prod/compute-1/${SCRIPTS}/ifcfg-br-ex`]: bridge('br-ex'),
    [`prod/compute-1/${SCRIPTS}/ifcfg-eth1`]: port('eth1', 'br-ex'),
    'prod/network/etc/neutron/l3_agent.ini': l3(),
    [`staging/controller/${ML2}`]: ml2('physnet1'),
    [`staging/compute-0/${AGENT}`]: agent('physnet1:br-ex'),
    [`staging/compute-0/${SCRIPTS}/ifcfg-br-ex`]: bridge('br-ex'),
  };
}

const prodFiles = (files: Record<string, string>) => Object.keys(files).filter((p) => p.startsWith('prod/')).sort();
/** The files that read their deployment: ML2, Open vSwitch and L3 agent configs (ifcfg files depend on their host only). */
const readsDeployment = (path: string) => path.endsWith(ML2) || path.endsWith('plugin.ini') || path.endsWith(AGENT) || path.endsWith('l3_agent.ini');
const prodDeploymentFiles = (files: Record<string, string>) => prodFiles(files).filter(readsDeployment);

describe('incremental updates: what setFile says to re-check', () => {
  it('(a) an agent edit that keeps the mapped physnets and bridges: only that file', () => {
    const files = twoDeployments();
    const service = workspaceOf(files);
    const path = `prod/compute-0/${AGENT}`;
    assert.deepEqual(sorted(service.setFile(uriOf(path), agent('physnet1:br-ex,physnet2:br-vlan', '192.0.2.99'))), [path]);
    assert.deepEqual(sorted(service.setFile(uriOf(path), agent('physnet1:br-ex,physnet2:br-vlan', '192.0.2.99') + '# trailing note\n')), [path]);
    // Re-setting the same text is an edit too, and changes nothing else.
    assert.deepEqual(sorted(service.setFile(uriOf(path), agent('physnet1:br-ex,physnet2:br-vlan', '192.0.2.99') + '# trailing note\n')), [path]);
  });

  it('an agent edit that changes only a bridge: the files of its host', () => {
    const files = twoDeployments();
    const service = workspaceOf(files);
    const path = `prod/compute-1/${AGENT}`;
    const host = Object.keys(files).filter((p) => p.startsWith('prod/compute-1/'));
    // Same length: nothing moves.
    assert.deepEqual(sorted(service.setFile(uriOf(path), agent('physnet1:br-ey'))), host.sort());
    // Longer: bridge_mappings' range changes, and ML2 findings point at it (physnet-unmapped's related information).
    assert.deepEqual(sorted(service.setFile(uriOf(path), agent('physnet1:br-other'))), [...host, `prod/controller/${ML2}`].sort());
  });

  it('an edit that moves facts other files point at: those files too', () => {
    const files = twoDeployments();
    const service = workspaceOf(files);
    const shifted = (path: string) => sorted(service.setFile(uriOf(path), '# moved\n' + files[path]));
    const hostOf = (prefix: string) => Object.keys(files).filter((p) => p.startsWith(prefix)).sort();
    // An agent's bridge_mappings: the ML2 files of its deployment.
    assert.deepEqual(shifted(`prod/compute-1/${AGENT}`), [`prod/compute-1/${AGENT}`, `prod/controller/${ML2}`].sort());
    // An ifcfg file's DEVICE and TYPE: its host.
    assert.deepEqual(shifted(`prod/compute-1/${SCRIPTS}/ifcfg-br-ex`), hostOf('prod/compute-1/'));
    // ML2 options: the ML2 and agent files of the deployment.
    assert.deepEqual(shifted(`prod/controller/${ML2}`), prodDeploymentFiles(files));
    // An l3 agent: nothing points into it.
    assert.deepEqual(shifted('prod/network/etc/neutron/l3_agent.ini'), ['prod/network/etc/neutron/l3_agent.ini']);
  });

  it('(b) a change of a mapped physnet: the file and the ML2 and agent files of its deployment', () => {
    const files = twoDeployments();
    const service = workspaceOf(files);
    const affected = sorted(service.setFile(uriOf(`prod/compute-1/${AGENT}`), agent('physnet2:br-ex')));
    assert.deepEqual(affected, prodDeploymentFiles(files));
    // A physnet and a bridge at once: the host's files too.
    const both = sorted(service.setFile(uriOf(`prod/compute-1/${AGENT}`), agent('physnet1:br-ey')));
    assert.deepEqual(both, [...new Set([...prodDeploymentFiles(files), ...prodFiles(files).filter((p) => p.startsWith('prod/compute-1/'))])].sort());
  });

  it('(c) an ML2 edit changing flat_networks: the ML2 and agent files of the deployment, none of another', () => {
    const files = twoDeployments();
    const service = workspaceOf(files);
    const affected = sorted(service.setFile(uriOf(`prod/controller/${ML2}`), ml2('physnet1,physnet3', 'physnet2:100:200')));
    assert.deepEqual(affected, prodDeploymentFiles(files));
    assert.equal(affected.some((p) => p.startsWith('staging/')), false);
  });

  it('an agent file arriving or leaving: its host and the ML2 and agent files of its deployment', () => {
    const files = twoDeployments();
    const service = workspaceOf(files);
    const path = `prod/network/${AGENT}`;
    const expected = [...new Set([...prodDeploymentFiles(files), path, 'prod/network/etc/neutron/l3_agent.ini'])].sort();
    assert.deepEqual(sorted(service.setFile(uriOf(path), agent('physnet1:br-ex'))), expected);
    assert.deepEqual(sorted(service.removeFile(uriOf(path))), expected);
  });

  it('setFiles: a bulk load names the union of what each setFile would, once each', () => {
    const files = twoDeployments();
    const one = new NeutronConfigService();
    one.setWorkspaceFolders([{ uri: ROOT }]);
    const each = new Set<string>();
    for (const [path, text] of Object.entries(files)) for (const uri of one.setFile(uriOf(path), text)) each.add(uri);
    const bulk = new NeutronConfigService();
    bulk.setWorkspaceFolders([{ uri: ROOT }]);
    const entries = Object.entries(files).map(([path, text]) => [uriOf(path), text] as const);
    const affected = bulk.setFiles([...entries, [uriOf('x/README'), 'hello']]);
    assert.equal(new Set(affected).size, affected.length);
    assert.deepEqual(sorted(affected), sorted([...each]));
    for (const path of Object.keys(files)) assert.deepEqual(bulk.getDiagnostics(uriOf(path)), one.getDiagnostics(uriOf(path)), path);
    // Edits in bulk: the ML2 and agent files of prod (a physnet changed), and nothing of staging.
    const edited = sorted(bulk.setFiles([[uriOf(`prod/compute-1/${AGENT}`), agent('physnet2:br-ex')], [uriOf(`prod/compute-0/${SCRIPTS}/ifcfg-eth1`), port('eth1', 'br-ex') + 'MTU=9000\n']]));
    assert.deepEqual(edited, [...prodDeploymentFiles(files), `prod/compute-0/${SCRIPTS}/ifcfg-eth1`].sort());
  });

  it('startBulkLoad: parts added one by one name, at finish, what one setFiles names; nothing cached goes stale meanwhile', () => {
    // compute-1 maps a physnet its ML2 file does not allow: a finding only once that file is known.
    const files = { ...twoDeployments(), [`prod/compute-1/${AGENT}`]: agent('physnetx:br-ex') };
    const entries = Object.entries(files).map(([path, text]) => [uriOf(path), text] as const);
    const whole = new NeutronConfigService();
    whole.setWorkspaceFolders([{ uri: ROOT }]);
    const expected = sorted(whole.setFiles(entries));

    const parts = new NeutronConfigService();
    parts.setWorkspaceFolders([{ uri: ROOT }]);
    const load = parts.startBulkLoad();
    const agentUri = uriOf(`prod/compute-1/${AGENT}`);
    // Agents first, their ML2 files later (as a walk meets compute-* before controller-*).
    const ordered = [...entries].sort(([a], [b]) => Number(a.includes('ml2_conf')) - Number(b.includes('ml2_conf')) || a.localeCompare(b));
    const ml2At = ordered.findIndex(([uri]) => uri.includes('ml2_conf'));
    load.add(ordered.slice(0, ml2At));
    // Asked between parts: judged without a deployment, and not kept once the ML2 files arrive.
    assert.deepEqual(parts.getDiagnostics(agentUri), []);
    load.add(ordered.slice(ml2At));
    assert.deepEqual(parts.getDiagnostics(agentUri).map((d) => d.code), ['physnet-undeclared']);
    assert.deepEqual(sorted(load.finish()), expected);
    for (const path of Object.keys(files)) assert.deepEqual(parts.getDiagnostics(uriOf(path)), whole.getDiagnostics(uriOf(path)), path);
  });

  it('startBulkLoad after a document was opened (a first read): finish names that document and every file loaded', () => {
    const files = twoDeployments();
    const entries = Object.entries(files).map(([path, text]) => [uriOf(path), text] as const);
    const whole = new NeutronConfigService();
    whole.setWorkspaceFolders([{ uri: ROOT }]);
    whole.setFiles(entries);
    const service = new NeutronConfigService();
    service.setWorkspaceFolders([{ uri: ROOT }]);
    const [open, ...rest] = entries;
    service.setFile(open[0], open[1]);
    const load = service.startBulkLoad();
    load.add(rest);
    assert.deepEqual(sorted(load.finish()), Object.keys(files).sort());
    for (const path of Object.keys(files)) assert.deepEqual(service.getDiagnostics(uriOf(path)), whole.getDiagnostics(uriOf(path)), path);
  });

  it('(d) an ifcfg edit changing TYPE: the files of that host only', () => {
    const files = twoDeployments();
    const service = workspaceOf(files);
    const affected = sorted(service.setFile(uriOf(`prod/compute-0/${SCRIPTS}/ifcfg-br-vlan`), bridge('br-vlan', 'OVSUserBridge')));
    assert.deepEqual(affected, Object.keys(files).filter((p) => p.startsWith('prod/compute-0/')).sort());
  });

  it('an ifcfg edit of a variable no rule reads: only that file', () => {
    const files = twoDeployments();
    const service = workspaceOf(files);
    const path = `prod/compute-0/${SCRIPTS}/ifcfg-br-vlan`;
    assert.deepEqual(sorted(service.setFile(uriOf(path), bridge('br-vlan') + 'MTU=9000\n')), [path]);
  });

  it('(e) adding and removing an ML2 file re-places hosts', () => {
    const files = {
      ...twoDeployments(),
      [`prod/edge/compute-5/${AGENT}`]: agent('edgenet:br-ex'),
    };
    const service = workspaceOf(files);
    const edgeAgent = uriOf(`prod/edge/compute-5/${AGENT}`);
    assert.equal(service.describeFile(edgeAgent)?.deployment, '/ws/prod');
    assert.deepEqual(codes(service, `prod/edge/compute-5/${AGENT}`), ['physnet-undeclared']);

    const edgeMl2 = `prod/edge/controller/${ML2}`;
    // Hosts move between deployments: every ML2 and agent file.
    const added = sorted(service.setFile(uriOf(edgeMl2), ml2('edgenet')));
    assert.deepEqual(added, [...Object.keys(files), edgeMl2].filter(readsDeployment).sort());
    assert.equal(service.describeFile(edgeAgent)?.deployment, '/ws/prod/edge');
    assert.equal(service.describeFile(uriOf(`prod/compute-0/${AGENT}`))?.deployment, '/ws/prod');
    assert.deepEqual(codes(service, `prod/edge/compute-5/${AGENT}`), []);

    const removed = sorted(service.removeFile(uriOf(edgeMl2)));
    assert.deepEqual(removed, [...Object.keys(files), edgeMl2].filter(readsDeployment).sort());
    assert.equal(service.describeFile(edgeAgent)?.deployment, '/ws/prod');
    assert.deepEqual(codes(service, `prod/edge/compute-5/${AGENT}`), ['physnet-undeclared']);
  });

  it('removing the last ML2 file of a deployment leaves its hosts without one', () => {
    const files = twoDeployments();
    const service = workspaceOf(files);
    service.removeFile(uriOf(`staging/controller/${ML2}`));
    assert.equal(service.describeFile(uriOf(`staging/compute-0/${AGENT}`))?.deployment, undefined);
    assert.equal(service.describeFile(uriOf(`prod/compute-0/${AGENT}`))?.deployment, '/ws/prod');
  });

  it('a file that stops being recognised leaves the index', () => {
    const service = workspaceOf({ 'c/etc/neutron/extra.ini': agent('physnet1:br-ex') }, { fileKinds: { '**/extra.ini': 'ovs-agent' } });
    assert.deepEqual(sorted(service.files()), ['c/etc/neutron/extra.ini']);
    assert.deepEqual(sorted(service.setFolderSettings(ROOT, {})), ['c/etc/neutron/extra.ini']);
    assert.deepEqual(service.files(), []);
    assert.deepEqual(service.removeFile(uriOf('c/etc/neutron/extra.ini')), []);
  });
});

// ---- incremental = fresh -------------------------------------------------------

/** Deterministic choices for the scripted edits. */
function prng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

type Files = Record<string, string>;
type Edit = { name: string; apply: (files: Files, pick: (n: number) => number) => { set?: [string, string]; remove?: string } | undefined };

const PHYSNETS = ['physnet1', 'physnet2', 'physnet3', 'datacentre', '*'];
const BRIDGES = ['br-ex', 'br-vlan', 'br-int', 'br-missing', 'br-ex2'];
const HOSTS = ['prod/compute-0', 'prod/compute-1', 'prod/compute-2', 'staging/compute-0', 'prod/edge/compute-5'];
const choose = <T>(items: readonly T[], pick: (n: number) => number) => items[pick(items.length)];

const EDITS: Edit[] = [
  {
    name: 'change an agent mapping',
    apply: (_files, pick) => {
      const host = choose(HOSTS, pick);
      const physnet = choose(PHYSNETS.filter((p) => p !== '*'), pick);
      const mappings = pick(3) === 0 ? `${physnet}:${choose(BRIDGES, pick)},${choose(PHYSNETS, pick)}:${choose(BRIDGES, pick)}` : `${physnet}:${choose(BRIDGES, pick)}`;
      return { set: [`${host}/${AGENT}`, agent(mappings)] };
    },
  },
  {
    name: 'change a local_ip',
    apply: (files, pick) => {
      const path = choose(Object.keys(files).filter((p) => p.endsWith(AGENT)), pick);
      return path ? { set: [path, files[path].replace(/local_ip = .*/, `local_ip = 192.0.2.${pick(250)}`)] } : undefined;
    },
  },
  {
    name: 'shift a file down by lines above its facts',
    apply: (files, pick) => {
      const path = choose(Object.keys(files), pick);
      return path ? { set: [path, '#\n'.repeat(1 + pick(3)) + files[path]] } : undefined;
    },
  },
  {
    name: 'shift a file back up',
    apply: (files, pick) => {
      const path = choose(Object.keys(files).filter((p) => files[p].startsWith('#\n')), pick);
      return path ? { set: [path, files[path].slice(2)] } : undefined;
    },
  },
  {
    name: 'change flat_networks',
    apply: (files, pick) => {
      const path = choose(Object.keys(files).filter((p) => p.endsWith(ML2) || p.endsWith('plugin.ini')), pick);
      return path ? { set: [path, files[path].replace(/flat_networks = .*/, `flat_networks = ${choose(PHYSNETS, pick)}`)] } : undefined;
    },
  },
  {
    name: 'change network_vlan_ranges',
    apply: (files, pick) => {
      const path = choose(Object.keys(files).filter((p) => p.endsWith(ML2)), pick);
      return path ? { set: [path, files[path].replace(/network_vlan_ranges = .*/, `network_vlan_ranges = ${choose(PHYSNETS.slice(0, 4), pick)}:1:${pick(4000)}`)] } : undefined;
    },
  },
  {
    name: 'change type_drivers',
    apply: (files, pick) => {
      const path = choose(Object.keys(files).filter((p) => p.endsWith(ML2)), pick);
      return path ? { set: [path, files[path].replace(/type_drivers = .*/, `type_drivers = ${choose(['vxlan', 'flat,vxlan', 'vlan,vxlan', 'flat,vlan,vxlan'], pick)}`)] } : undefined;
    },
  },
  {
    name: 'change an ifcfg TYPE or DEVICE',
    apply: (files, pick) => {
      const path = choose(Object.keys(files).filter((p) => p.includes('/ifcfg-')), pick);
      if (!path) return undefined;
      return pick(2)
        ? { set: [path, files[path].replace(/TYPE=\w+/, `TYPE=${choose(['OVSBridge', 'OVSPort', 'Ethernet', 'OVSUserBridge'], pick)}`)] }
        : { set: [path, files[path].replace(/DEVICE=[\w-]+/, `DEVICE=${choose(BRIDGES, pick)}`)] };
    },
  },
  {
    name: 'point a port at another bridge',
    apply: (files, pick) => {
      const path = choose(Object.keys(files).filter((p) => p.includes('/ifcfg-eth')), pick);
      return path ? { set: [path, port(path.slice(path.lastIndexOf('-') + 1), choose(BRIDGES, pick))] } : undefined;
    },
  },
  {
    name: 'add an ifcfg file',
    apply: (_files, pick) => {
      const host = choose(HOSTS, pick);
      const name = choose(BRIDGES, pick);
      return pick(2) ? { set: [`${host}/${SCRIPTS}/ifcfg-${name}`, bridge(name)] } : { set: [`${host}/${SCRIPTS}/ifcfg-eth${pick(4)}`, port(`eth${pick(4)}`, name)] };
    },
  },
  {
    name: 'remove a file',
    apply: (files, pick) => {
      const path = choose(Object.keys(files), pick);
      return path ? { remove: path } : undefined;
    },
  },
  {
    name: 'add or replace an ML2 file',
    apply: (_files, pick) => {
      const where = choose(['prod/controller', 'prod/controller-1', 'staging/controller', 'prod/edge/controller', 'other/controller'], pick);
      return { set: [`${where}/${ML2}`, ml2(choose(PHYSNETS, pick), `${choose(PHYSNETS.slice(0, 4), pick)}:1:10`)] };
    },
  },
  {
    name: 'add an l3 agent',
    apply: (_files, pick) => ({ set: [`${choose(HOSTS, pick)}/etc/neutron/l3_agent.ini`, l3(pick(2) ? 'br-ex' : '')] }),
  },
  {
    name: 'break a file',
    apply: (files, pick) => {
      const path = choose(Object.keys(files), pick);
      return path ? { set: [path, files[path].replace('\n', pick(2) ? '\n  stray\n' : '\n[broken\n')] } : undefined;
    },
  },
];

function freshFrom(files: Files): NeutronConfigService {
  return workspaceOf(files);
}

/** The same files loaded in one setFiles call. */
function bulkFrom(files: Files): NeutronConfigService {
  const service = new NeutronConfigService();
  service.setWorkspaceFolders([{ uri: ROOT }]);
  service.setFiles(Object.entries(files).map(([path, text]) => [uriOf(path), text] as const));
  return service;
}

/** Diagnostics with everything a client sees. */
function snapshot(service: NeutronConfigService, files: Files): Record<string, Diagnostic[]> {
  const out: Record<string, Diagnostic[]> = {};
  for (const path of Object.keys(files).sort()) out[path] = service.getDiagnostics(uriOf(path));
  return out;
}

/** What the host and deployment views hold, and whether they hold the current file objects. */
function views(service: NeutronConfigService, files: Files): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of Object.keys(files).sort()) {
    const context = service.context(uriOf(path));
    assert.ok(context, path);
    const live = (f: { uri: string }) => service.index.get(f.uri) === f;
    out[path] = {
      host: context.file.host.name,
      hostFiles: context.host.files.map((f) => [rel(f.uri), live(f)]),
      bridges: [...context.host.network.declared.bridges].map(([b, ds]) => [b, ds.map((d) => [rel(d.file.uri), live(d.file)])]),
      ports: [...context.host.network.declared.devices()].filter((d) => d.bridge).map((d) => [d.name, d.bridge?.name, rel(d.file.uri), live(d.file)]),
      deployment: context.deployment && {
        root: context.deployment.root,
        hosts: context.deployment.hosts.map((h) => h.key).sort(),
        ml2: context.deployment.ml2Files.map((f) => [rel(f.uri), live(f)]),
        agents: context.deployment.agentFiles.map((f) => [rel(f.uri), live(f)]),
        flat: [context.deployment.flat.open, ...[...context.deployment.flat.names].map(([n, os]) => [n, os.map((o) => [rel(o.file.uri), live(o.file), o.token.range])])],
        mapped: [context.deployment.mapped.open, ...[...context.deployment.mapped.names].map(([n, os]) => [n, os.map((o) => [rel(o.file.uri), live(o.file), o.token.range])])],
      },
    };
  }
  return out;
}

describe('incremental updates: the index after any sequence of edits equals a fresh one', () => {
  const seeds = process.env.INDEX_SEEDS ? process.env.INDEX_SEEDS.split(",").map(Number) : [1, 2, 3, 4, 5, 6];
  for (const seed of seeds) {
    it(`seed ${seed}: 50 scripted edits`, () => {
      const pick = prng(seed);
      const files: Files = twoDeployments();
      const service = workspaceOf(files);
      snapshot(service, files); // warm every cache, so stale entries would show
      const log: string[] = [];
      for (let step = 0; step < 50; step++) {
        const edit = EDITS[pick(EDITS.length)];
        const change = edit.apply(files, pick);
        if (!change) continue;
        let affected: string[];
        if (change.set) {
          const [path, text] = change.set;
          log.push(`${edit.name}: set ${path}`);
          affected = service.setFile(uriOf(path), text);
          files[path] = text;
        } else {
          log.push(`${edit.name}: remove ${change.remove}`);
          affected = service.removeFile(uriOf(change.remove!));
          delete files[change.remove!];
        }
        const where = `after step ${step}:\n  ${log.join('\n  ')}`;
        const fresh = freshFrom(files);
        assert.deepEqual(sorted(service.files()), Object.keys(files).sort(), where);
        assert.deepEqual(views(service, files), views(fresh, files), where);
        assert.deepEqual(snapshot(service, files), snapshot(fresh, files), where);
        const bulk = bulkFrom(files);
        assert.deepEqual(views(bulk, files), views(fresh, files), `${where}\n  (loaded with setFiles)`);
        assert.deepEqual(snapshot(bulk, files), snapshot(fresh, files), `${where}\n  (loaded with setFiles)`);
        for (const path of Object.keys(files)) {
          const info = service.describeFile(uriOf(path));
          assert.deepEqual(info, fresh.describeFile(uriOf(path)), `${where}\n  describeFile ${path}`);
        }
        assert.ok(affected.every((u) => u.startsWith(ROOT + '/')), where);
      }
    });
  }
});
