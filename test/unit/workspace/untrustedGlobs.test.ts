/**
 * Glob settings from an untrusted workspace (issue #12): a glob whose
 * matching cost is unbounded, or that points outside the folder, is dropped
 * with a reason; what remains matches as before.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseSettings, settingsProblems } from '../../../server/src/core/settings';
import { globProblem } from '../../../server/src/core/workspace/globs';
import { ROOT, uriOf, workspaceOf } from '../helpers';

describe('untrusted glob settings', () => {
  it('refuses globs that backtrack without bound, are absolute or leave the folder', () => {
    assert.equal(globProblem('*a*a*a*ab'), 'a segment has more than 2 *, which can take minutes to match a long path');
    assert.equal(globProblem('a/**/b/**/c/**/d'), 'it has more than 2 ** segments');
    assert.equal(globProblem('/etc/neutron/**'), 'it is absolute; globs are relative to the workspace folder');
    assert.equal(globProblem('C:\\Windows\\*.ini'), 'it is absolute; globs are relative to the workspace folder');
    assert.equal(globProblem('../secrets/**'), 'it leaves the workspace folder (..)');
    assert.equal(globProblem('x'.repeat(257)), 'it is longer than 256 characters');
    assert.equal(globProblem(''), 'it is empty');
  });

  it('accepts the globs real set-ups use, repeated ** counted once', () => {
    for (const glob of ['**/roles/*/templates/ovs.ini.j2', 'nodes/*/etc/**', '*ovs*.ini', '**/{a,b}/*.conf', 'a/**/**/**/b', 'hosts/node-[0-9]/**']) {
      assert.equal(globProblem(glob), undefined, glob);
    }
  });

  it('normaliseSettings drops refused globs; settingsProblems says which and why', () => {
    const input = {
      fileKinds: { '*a*a*a*ab': 'ml2', '**/custom/agent.ini': 'ovs-agent', '../../etc/**': 'ml2' },
      hosts: { '/abs/**': 'h1', 'nodes/n1/**': 'compute-1' },
    };
    const settings = normaliseSettings(input);
    assert.deepEqual(settings.fileKinds, { '**/custom/agent.ini': 'ovs-agent' });
    assert.deepEqual(settings.hosts, { 'nodes/n1/**': 'compute-1' });
    assert.deepEqual(settingsProblems(input), [
      'fileKinds glob "*a*a*a*ab" is ignored: a segment has more than 2 *, which can take minutes to match a long path.',
      'fileKinds glob "../../etc/**" is ignored: it leaves the workspace folder (..).',
      'hosts glob "/abs/**" is ignored: it is absolute; globs are relative to the workspace folder.',
    ]);
  });

  it('at most 100 globs per setting are used', () => {
    const fileKinds = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`k${i}/*.ini`, 'ml2']));
    assert.equal(Object.keys(normaliseSettings({ fileKinds }).fileKinds).length, 100);
    assert.deepEqual(settingsProblems({ fileKinds }), ['fileKinds has 150 globs; only the first 100 are used.']);
  });

  it('no glob makes a file outside the folder recognised', () => {
    const service = workspaceOf({}, normaliseSettings({ fileKinds: { '**': 'ml2', '/etc/**': 'ml2', '../**': 'ml2' } }));
    assert.equal(service.isRecognised(uriOf('anything.txt')), true, '** inside the folder is the user\'s choice');
    assert.equal(service.isRecognised('file:///etc/passwd'), false);
    assert.equal(service.isRecognised(`${ROOT}-sibling/notes.conf`), false);
  });

  it('extglobs are plain characters: @(a|b) matches only itself', () => {
    const service = workspaceOf({}, normaliseSettings({ fileKinds: { '@(a|b).conf': 'ml2' } }));
    assert.equal(service.isRecognised(uriOf('a.conf')), false);
    assert.equal(service.isRecognised(uriOf('@(a|b).conf')), true);
  });
});
