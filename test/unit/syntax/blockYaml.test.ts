/**
 * The fast block-YAML reader (issue #18): which texts it takes, the exact
 * nodes it builds for them, and that every YAML and JSON file of the
 * fixtures reads the same through it as through the `yaml` library.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { readPlainBlockYaml } from '../../../server/src/core/syntax/blockYaml';
import { parseYaml } from '../../../server/src/core/syntax/yamlParser';
import { yamlTree } from './yamlTree';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures');

function libraryTree(text: string) {
  return yamlTree(parseDocument(text, { prettyErrors: false, uniqueKeys: false }).contents);
}

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(full);
    return /\.(ya?ml|json)$/.test(entry.name) && entry.name !== 'expected.json' ? [full] : [];
  });
}

const OS_NET_CONFIG = `# Rendered by TripleO from the role's NIC template.
---
network_config:
- type: interface
  name: nic1   # provisioning
  use_dhcp: false
  addresses:
  - ip_netmask: 192.168.24.12/24
  dns_servers: ["192.168.24.1", '192.168.24.2']
- type: ovs_bridge
  name: "br-ex"
  mtu: 9000
  members:
    -
      type: interface
      name: nic2
      primary: true
`;

describe('block YAML fast path', () => {
  it('reads an os-net-config file with comments, a document start, quotes, a flow list and both sequence indentations', () => {
    const fast = readPlainBlockYaml(OS_NET_CONFIG);
    assert.notEqual(fast, undefined);
    assert.deepEqual(yamlTree(fast), libraryTree(OS_NET_CONFIG));
  });

  it('builds exact nodes: values resolved by the core schema, ranges as the library has them', () => {
    const text = 'a: 1  # c\nb:\nc: x y \nl:\n- t: TRUE\n  u: "q"\n- ~\nm:\n  k: [v, "w" ]\n';
    assert.deepEqual(yamlTree(readPlainBlockYaml(text)), {
      map: [
        [{ scalar: 'a', style: 'PLAIN', range: [0, 1, 1] }, { scalar: 1, style: 'PLAIN', range: [3, 4, 10] }],
        [{ scalar: 'b', style: 'PLAIN', range: [10, 11, 11] }, { scalar: null, style: 'PLAIN', range: [12, 12, 12] }],
        [{ scalar: 'c', style: 'PLAIN', range: [13, 14, 14] }, { scalar: 'x y', style: 'PLAIN', range: [16, 19, 21] }],
        [
          { scalar: 'l', style: 'PLAIN', range: [21, 22, 22] },
          {
            seq: [
              {
                map: [
                  [{ scalar: 't', style: 'PLAIN', range: [26, 27, 27] }, { scalar: true, style: 'PLAIN', range: [29, 33, 34] }],
                  [{ scalar: 'u', style: 'PLAIN', range: [36, 37, 37] }, { scalar: 'q', style: 'QUOTE_DOUBLE', range: [39, 42, 43] }],
                ],
                range: [26, 43, 43],
              },
              { scalar: null, style: 'PLAIN', range: [45, 46, 47] },
            ],
            range: [24, 47, 47],
          },
        ],
        [
          { scalar: 'm', style: 'PLAIN', range: [47, 48, 48] },
          {
            map: [
              [
                { scalar: 'k', style: 'PLAIN', range: [52, 53, 53] },
                {
                  seq: [
                    { scalar: 'v', style: 'PLAIN', range: [56, 57, 57] },
                    { scalar: 'w', style: 'QUOTE_DOUBLE', range: [59, 62, 63] },
                  ],
                  range: [55, 64, 65],
                },
              ],
            ],
            range: [52, 65, 65],
          },
        ],
      ],
      range: [0, 65, 65],
    });
    assert.deepEqual(yamlTree(readPlainBlockYaml(text)), libraryTree(text));
  });

  it('leaves to the library what is beyond plain block YAML, and what the library refuses', () => {
    const beyond = [
      '{"network_config": []}', // JSON
      'a: {b: 1}', 'a: &x 1\nb: *x', 'a: !!str 1', 'a: |\n  text\n', 'a: >\n  text\n', 'a: "\\t"', "a: 'it''s'", 'a: "x\n  y"',
      'a: plain\n  continued', '? complex\n: key', 'a:\tb', 'a: 1\r\n', '\ufeffa: 1', '--- a: 1', 'a: 1\n---\nb: 2', '%YAML 1.2\n---\na: 1',
      'a: 1.5', 'a: 0x1F', 'a: .inf', 'a: -1', '"quoted key": 1', 'a :1\nb : 2', 'a: b: c', '- - nested', 'l:\n-\nm: 1', 'a: # null with a comment\nb: 1',
      'k:\n  x: 1\n    # a trailing comment deeper than what follows\ny: 2', 'l:\n- 1\n# after a sequence\nm: 2', 'a: [b, [c]]', 'a: [b', 'scalar document',
      'a: 1\n b: 2', 'a:\n  b: 1\n c: 2', `${'k'.repeat(1001)}: v`,
    ];
    for (const text of beyond) assert.equal(readPlainBlockYaml(text), undefined, JSON.stringify(text));
  });

  it('reads every YAML and JSON fixture as the library does, and takes the plain os-net-config, OpenStack-Ansible and heat environment ones', () => {
    const taken: string[] = [];
    for (const file of yamlFiles(FIXTURES)) {
      const text = fs.readFileSync(file, 'utf8');
      const fast = readPlainBlockYaml(text);
      if (fast === undefined) continue;
      assert.deepEqual(yamlTree(fast), libraryTree(text), file);
      taken.push(path.relative(FIXTURES, file));
    }
    for (const expected of [
      'workspaces/os-net-config-clean/compute-0/etc/os-net-config/config.yaml',
      'workspaces/osa-clean/etc/openstack_deploy/openstack_user_config.yml',
      'workspaces/tripleo-env-clean/templates/network-environment.yaml',
    ]) {
      assert.ok(taken.includes(expected), `${expected} is read by the fast path`);
    }
  });

  it('parseYaml gives the same document either way: a YAML error still comes from the library', () => {
    const doc = parseYaml('network_config:\n- type: ovs_bridge\n  name: br-ex\n   members:\n');
    assert.equal(doc.problems.length, 1);
    assert.equal(doc.problems[0].code, 'syntax');
    const plain = parseYaml(OS_NET_CONFIG);
    assert.deepEqual(plain.problems, []);
    assert.deepEqual(yamlTree(plain.root), libraryTree(OS_NET_CONFIG));
  });
});
