/**
 * Data safety in the core (issue #12): edits that create or rename files
 * never land on something already on disk, and files the readers skip
 * (links, files over the size limit) show one finding and nothing else.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RenameRefusedError } from '../../../server/src/core/features/rename';
import { NeutronConfigService } from '../../../server/src/core/service';
import { DEFAULT_MAX_FILE_SIZE_MB, normaliseSettings } from '../../../server/src/core/settings';
import { cursor, describe as describeDiagnostic, ROOT, uriOf } from '../helpers';

const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const AGENT = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const SCRIPTS = 'compute-0/etc/sysconfig/network-scripts';
const ML2_TEXT = '[ml2]\ntype_drivers = flat\n\n[ml2_type_flat]\nflat_networks = physnet1\n';
const ETH0 = 'DEVICE=eth0\nTYPE=Ethernet\nONBOOT=yes\n';

function service(files: Record<string, string>, onDisk: string[] = [], settings = {}): NeutronConfigService {
  const disk = new Set(onDisk.map(uriOf));
  const result = new NeutronConfigService({ fileExists: (uri) => disk.has(uri) });
  result.setWorkspaceFolders([{ uri: ROOT, settings }]);
  for (const [path, text] of Object.entries(files)) result.setFile(uriOf(path), text);
  return result;
}

describe('data safety: edits never land on an existing file', () => {
  const agent = '[ovs]\nbridge_mappings = physnet1:br-exx\n';
  const files = { [ML2]: ML2_TEXT, [AGENT]: agent, [`${SCRIPTS}/ifcfg-eth0`]: ETH0 };
  const titles = (s: NeutronConfigService) => {
    const d = s.getDiagnostics(uriOf(AGENT)).find((x) => x.code === 'bridge-undefined');
    assert.ok(d, 'bridge-undefined is reported');
    return s.getCodeActions(uriOf(AGENT), d.range, [d]).map((a) => a.title);
  };

  it('offers to create ifcfg-br-exx while nothing is there, with overwrite and ignoreIfExists off', () => {
    const s = service(files);
    const d = s.getDiagnostics(uriOf(AGENT)).find((x) => x.code === 'bridge-undefined')!;
    const create = s.getCodeActions(uriOf(AGENT), d.range, [d]).find((a) => a.title.startsWith('Create'));
    assert.deepEqual(create?.edit?.documentChanges?.[0], {
      kind: 'create',
      uri: uriOf(`${SCRIPTS}/ifcfg-br-exx`),
      options: { overwrite: false, ignoreIfExists: false },
    });
  });

  it('offers no create when a file of that name is on disk but not indexed (a directory, an unreadable file)', () => {
    assert.deepEqual(titles(service(files, [`${SCRIPTS}/ifcfg-br-exx`])), ['Ignore bridge-undefined on this line', 'Ignore bridge-undefined in this file']);
  });

  it('refuses a rename that would rename a bridge file onto a file only the disk has', () => {
    const br = 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nONBOOT=yes\n';
    const { text, position } = cursor('[ovs]\nbridge_mappings = physnet1:br-|ex\n');
    const tree = { [ML2]: ML2_TEXT, [AGENT]: text, [`${SCRIPTS}/ifcfg-br-ex`]: br };
    assert.throws(
      () => service(tree, [`${SCRIPTS}/ifcfg-br-new`]).rename(uriOf(AGENT), position, 'br-new'),
      (error: unknown) => error instanceof RenameRefusedError && /ifcfg-br-new already exists next to ifcfg-br-ex/.test(error.message),
    );
    const edit = service(tree).rename(uriOf(AGENT), position, 'br-new');
    assert.deepEqual(edit.documentChanges?.at(-1), {
      kind: 'rename',
      oldUri: uriOf(`${SCRIPTS}/ifcfg-br-ex`),
      newUri: uriOf(`${SCRIPTS}/ifcfg-br-new`),
      options: { overwrite: false, ignoreIfExists: false },
    });
  });
});

describe('skipped files: one finding, no facts', () => {
  it('a link to nothing shows dangling-link at 1:1 and declares nothing', () => {
    const s = service({ [AGENT]: '[ovs]\nbridge_mappings = physnet1:br-ex\n' });
    const plugin = uriOf('controller/etc/neutron/plugin.ini');
    s.skipFile(plugin, { reason: 'dangling-link', target: '/etc/neutron/plugins/ml2/ml2_conf.ini' });
    assert.deepEqual(s.getDiagnostics(plugin).map(describeDiagnostic), ['dangling-link@0:0-0:0']);
    assert.match(String(s.getDiagnostics(plugin)[0].message), /^A symbolic link to \/etc\/neutron\/plugins\/ml2\/ml2_conf\.ini, which does not resolve/);
    assert.equal(s.describeFile(plugin), undefined, 'not an indexed file');
    assert.deepEqual(s.getHover(plugin, { line: 0, character: 0 }), null);
  });

  it('skipping an indexed file takes its facts out of the deployment; reading it again puts them back', () => {
    const s = service({ [ML2]: ML2_TEXT, [AGENT]: '[ovs]\nbridge_mappings = physnet1:br-ex\n' });
    const agentCodes = () => s.getDiagnostics(uriOf(AGENT)).map((d) => d.code);
    assert.ok(!agentCodes().includes('physnet-undeclared'));
    const changed = s.skipFile(uriOf(ML2), { reason: 'link-outside-workspace', target: '/etc/neutron/plugins/ml2/ml2_conf.ini' });
    assert.ok(changed.includes(uriOf(ML2)) && changed.includes(uriOf(AGENT)), 'the ML2 file and the agents it covered are re-checked');
    assert.deepEqual(s.getDiagnostics(uriOf(ML2)).map((d) => d.code), ['link-outside-workspace']);
    assert.deepEqual(s.skippedFiles().map(([uri]) => uri), [uriOf(ML2)]);
    s.setFile(uriOf(ML2), ML2_TEXT);
    assert.deepEqual(s.skippedFiles(), []);
    assert.ok(!s.getDiagnostics(uriOf(ML2)).some((d) => d.code === 'link-outside-workspace'));
  });

  it('a text over the limit (an open document) is skipped with file-too-large; the severity setting applies', () => {
    const s = service({}, [], { maxFileSizeMB: 0.001, rules: { 'file-too-large': 'warning' } });
    const big = `[ovs]\nbridge_mappings = ${'physnet1:br-ex,'.repeat(100)}\n`;
    s.setFile(uriOf(AGENT), big);
    const [d] = s.getDiagnostics(uriOf(AGENT));
    assert.equal(d.code, 'file-too-large');
    assert.equal(d.severity, 2);
    assert.match(String(d.message), /^This file is 0\.0 MB, more than the limit of 0\.0 MB \(neutronConfig\.maxFileSizeMB\): not checked\./);
    assert.deepEqual(d.data, { reason: 'file-too-large', bytes: Buffer.byteLength(big), limitBytes: 1049 });
    s.setFolderSettings(ROOT, { maxFileSizeMB: 1 });
    assert.deepEqual(s.skippedFiles(), [], 'a raised limit lets the next read through');
  });

  it('an off setting silences the finding; a skipped URI that is not recognised is ignored', () => {
    const s = service({}, [], { rules: { 'dangling-link': 'off' } });
    s.skipFile(uriOf('controller/etc/neutron/plugin.ini'), { reason: 'dangling-link', target: 'x' });
    assert.deepEqual(s.getDiagnostics(uriOf('controller/etc/neutron/plugin.ini')), []);
    s.skipFile(uriOf('README'), { reason: 'dangling-link', target: 'x' });
    assert.deepEqual(s.skippedFiles().map(([uri]) => uri), [uriOf('controller/etc/neutron/plugin.ini')]);
  });

  it('maxFileSizeMB: a positive number, else the default', () => {
    assert.equal(normaliseSettings({}).maxFileSizeMB, DEFAULT_MAX_FILE_SIZE_MB);
    assert.equal(normaliseSettings({ maxFileSizeMB: 0.5 }).maxFileSizeMB, 0.5);
    for (const bad of [0, -1, '4', null, Infinity, Number.NaN]) assert.equal(normaliseSettings({ maxFileSizeMB: bad }).maxFileSizeMB, DEFAULT_MAX_FILE_SIZE_MB);
  });
});
