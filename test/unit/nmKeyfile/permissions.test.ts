/**
 * nm-keyfile-permissions (issue #14): NetworkManager skips a keyfile that root
 * does not own with mode 600. Judged only for the live system's profiles.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NeutronConfigService, type FileMode } from '../../../server/src/core/service';

const PROFILE = '[connection]\nid=br-ex\ntype=ovs-bridge\ninterface-name=br-ex\n';

function diagnosticsOf(folder: string, path: string, mode: FileMode | undefined) {
  const asked: string[] = [];
  const service = new NeutronConfigService({
    onRuleError: (rule, error) => {
      throw new Error(`rule ${rule.codes.join(',')} threw: ${String(error)}`);
    },
    fileMode: (uri) => {
      asked.push(uri);
      return mode;
    },
  });
  service.setWorkspaceFolders([{ uri: `file://${folder}` }]);
  const uri = `file://${path}`;
  service.setFile(uri, PROFILE);
  return { diagnostics: service.getDiagnostics(uri), asked };
}

const LIVE = '/etc/NetworkManager/system-connections/br-ex.nmconnection';

describe('nm-keyfile-permissions', () => {
  it('a live profile with mode 644, or not owned by root, is reported at the file start', () => {
    const { diagnostics } = diagnosticsOf('/', LIVE, { mode: 0o644, uid: 0 });
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range]), [['nm-keyfile-permissions', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }]]);
    assert.match(
      String(diagnostics[0].message),
      /^This profile has mode 644, which lets group or others read or write it\. NetworkManager loads only profiles that root owns with mode 600 and skips this one/,
    );
    assert.match(String(diagnostics[0].message), /Run: chown root:root \/etc\/NetworkManager\/system-connections\/br-ex\.nmconnection && chmod 600 /);
    const owner = diagnosticsOf('/', LIVE, { mode: 0o600, uid: 1000 }).diagnostics;
    assert.match(String(owner[0].message), /^This profile is owned by user 1000, not root\. /);
  });

  it('mode 600 owned by root is silent', () => {
    assert.deepEqual(diagnosticsOf('/', LIVE, { mode: 0o600, uid: 0 }).diagnostics, []);
  });

  it('a copy outside the live /etc is never judged, and its mode is not even asked', () => {
    const copy = diagnosticsOf('/home/op/site', '/home/op/site/compute-0/etc/NetworkManager/system-connections/br-ex.nmconnection', { mode: 0o644, uid: 1000 });
    assert.deepEqual(copy.diagnostics, []);
    assert.deepEqual(copy.asked, []);
  });

  it('no answer from the face (a file not on disk) is silent', () => {
    assert.deepEqual(diagnosticsOf('/', LIVE, undefined).diagnostics, []);
  });
});
