/**
 * File URIs written and read without vscode-uri in the common case (issue
 * #18): the short cuts must give what the library gives, for every path.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { uriPath } from '../../../server/src/core/workspace/paths';
import { fileUri } from '../../../server/src/uris';

const PATHS = [
  '/',
  '/etc/neutron/plugins/ml2/ml2_conf.ini',
  '/tmp/b1k/compute-001/etc/sysconfig/network-scripts/ifcfg-br-ex',
  '/srv/dump~1/a_b.c-d/E.F',
  '/with space/ml2_conf.ini',
  '/per%cent/plugin.ini',
  '/hash#/query?/x',
  '/colon:/c:/ml2_conf.ini',
  '/ünïcode/ifcfg-eth0',
  '//server/share/etc/neutron/neutron.conf',
  '/trailing/',
  '/plus+and=equals,comma;semi/@at/!bang/$dollar/&amp/\'quote/(paren)/[bracket]',
];

describe('file URIs', () => {
  it('fileUri writes what URI.file writes, escaped or not', () => {
    for (const path of PATHS) assert.equal(fileUri(path), URI.file(path).toString(), path);
  });

  it('uriPath reads the path URI.parse reads, of URIs written either way', () => {
    const uris = [...PATHS.map(fileUri), 'file:///c%3A/Users/x/ml2_conf.ini', 'file:///C:/Users/x', 'file://host/share/x', 'untitled:Untitled-1', 'file:///a/b?q#f'];
    for (const uri of uris) {
      const expected = URI.parse(uri).path;
      assert.equal(uriPath(uri), expected.length > 1 && expected.endsWith('/') ? expected.slice(0, -1) : expected, uri);
    }
  });
});
