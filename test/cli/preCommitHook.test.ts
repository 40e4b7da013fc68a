/**
 * .pre-commit-hooks.yaml (issue #17): the hook's `files` pattern picks the
 * files neutron-config recognises by name and nothing else, and its entry,
 * run the way pre-commit runs it (staged file names as arguments, from the
 * repository root), checks each within its deployment.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { repoRoot } from '../protocol/lspClient';

const ROOT = repoRoot();
const CLI = path.join(ROOT, 'dist', 'cli.js');

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  require_serial?: boolean;
}

const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

describe('the pre-commit hook', () => {
  it('is one node hook running the neutron-config bin, serially', () => {
    assert.deepEqual(hooks.map((h) => [h.id, h.entry, h.language, h.require_serial]), [['neutron-config', 'neutron-config check', 'node', true]]);
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(manifest.bin[hooks[0].entry.split(' ')[0]], './dist/cli.js');
  });

  it('matches the files recognised by name and leaves the rest alone', () => {
    const files = new RegExp(hooks[0].files);
    const matched = [
      'controller-0/etc/neutron/plugins/ml2/ml2_conf.ini',
      'etc/neutron/plugin.ini',
      'compute-1/etc/neutron/plugins/ml2/openvswitch_agent.ini',
      'roles/neutron/templates/openvswitch_agent.ini.j2',
      'templates/ml2_conf.ini.erb',
      'network-0/etc/neutron/l3_agent.ini',
      'compute-0/etc/sysconfig/network-scripts/ifcfg-br-ex',
      'ifcfg-eth1',
      'compute-2/etc/NetworkManager/system-connections/br-ex.nmconnection',
      'compute-3/etc/os-net-config/config.yaml',
      'compute-3/etc/os-net-config/config.json',
    ];
    const ignored = ['tox.ini', 'setup.cfg', 'neutron.conf.sample', 'docs/ml2_conf.ini.rst', 'my_ml2_conf.ini', 'etc/os-net-config/other.yaml', 'README.md', 'ifcfg-eth1/notes.txt'];
    assert.deepEqual(matched.filter((f) => !files.test(f)), [], 'every recognised name matches');
    assert.deepEqual(ignored.filter((f) => files.test(f)), [], 'nothing else does');
  });

  it('its entry checks the staged files within their deployment, printing only their findings', () => {
    const staged = ['compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini', 'network/etc/neutron/l3_agent.ini'];
    const run = spawnSync(process.execPath, [CLI, ...hooks[0].entry.split(' ').slice(1), ...staged], { cwd: path.join(ROOT, 'examples'), encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(
      run.stdout.trimEnd().split('\n').map((line) => line.split(': ').slice(0, 2).join(': ')),
      ['compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini:22:28: error bridge-undefined', 'network/etc/neutron/l3_agent.ini:10:27: information external-network-bridge-set'],
    );
  });
});
