import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { RULES } from '../../../server/src/core/rules/registry';
import type { RuleContext } from '../../../server/src/core/rules/rule';
import { NeutronConfigService } from '../../../server/src/core/service';
import type { Settings } from '../../../server/src/core/settings';
import { allFindings, workspaceOf } from '../helpers';

/**
 * The engine reuses the findings of `file` rules for as long as the file's
 * object lives, and those of `host` rules while the host holds the same file
 * objects. These tests hold the rules to their declared scope and the engine
 * to "the same findings as a fresh service".
 */

/** Stands for what a rule of a narrower scope must not read: any property access throws. */
function forbidden(what: string): never {
  return new Proxy(
    {},
    {
      get(_target, property) {
        throw new Error(`read ${what}.${String(property)}`);
      },
    },
  ) as never;
}

function fixtureRoot(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'test', 'fixtures', 'workspaces');
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no test/fixtures/workspaces above ${__dirname}`);
    dir = parent;
  }
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out.sort();
}

describe('rule scopes', () => {
  test('every rule declares a scope', () => {
    for (const rule of RULES) assert.ok(['file', 'host', 'deployment'].includes(rule.scope), `${rule.codes.join(',')}: scope ${String(rule.scope)}`);
  });

  test('file rules read neither host nor deployment, host rules not the deployment (fixture workspaces)', () => {
    const root = fixtureRoot();
    let checked = 0;
    for (const name of fs.readdirSync(root).sort()) {
      const dir = path.join(root, name);
      if (!fs.statSync(dir).isDirectory()) continue;
      const service = new NeutronConfigService();
      service.setWorkspaceFolders([{ uri: pathToFileURL(dir).href }]);
      for (const file of listFiles(dir)) {
        const uri = pathToFileURL(file).href;
        if (service.isRecognised(uri)) service.setFile(uri, fs.readFileSync(file, 'utf8'));
      }
      for (const uri of service.files()) {
        const context = service.context(uri) as RuleContext;
        for (const rule of RULES) {
          if (rule.scope === 'deployment') continue;
          const narrowed: RuleContext = {
            file: context.file,
            host: rule.scope === 'file' ? forbidden('host') : context.host,
            deployment: context.deployment && forbidden('deployment'),
          };
          let expected;
          try {
            expected = rule.check(context);
          } catch {
            continue; // robustness tests cover throwing rules
          }
          assert.deepEqual(rule.check(narrowed), expected, `${name}: ${rule.codes.join(',')} (${rule.scope}) on ${uri}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 0);
  });
});

// ---- cached findings follow edits ---------------------------------------------

const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const L3 = 'network/etc/neutron/l3_agent.ini';
const AGENT = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';
const BR_EX = 'compute-0/etc/sysconfig/network-scripts/ifcfg-br-ex';
const ETH1 = 'compute-0/etc/sysconfig/network-scripts/ifcfg-eth1';

const FILES: Record<string, string> = {
  [ML2]: '[ml2]\ntype_drivers = vxlan,flat\ntenant_network_types = vxlan\n\n[ml2_type_flat]\nflat_networks = physnet1\n',
  [L3]: '[DEFAULT]\nexternal_network_bridge = br-ex\n',
  [AGENT]: '[ovs]\nbridge_mappings = physnet1:br-ex\n\n[agent]\ntunnel_types = vxlan\n',
  [BR_EX]: 'DEVICE=br-ex\nTYPE=OVSBridge\nDEVICETYPE=ovs\nONBOOT=yes\nNM_CONTROLLED=no\nBOOTPROTO=none\n',
  [ETH1]: 'DEVICE=eth1\nTYPE=OVSPort\nDEVICETYPE=ovs\nOVS_BRIDGE=br-ex\nONBOOT=yes\nNM_CONTROLLED=no\nBOOTPROTO=none\n',
};

describe('cached findings', () => {
  test('after edits and settings changes, a warm service reports what a fresh one does', () => {
    const files = { ...FILES };
    let settings: Partial<Settings> | undefined;
    const service = workspaceOf(files);
    const steps: [string, () => void][] = [
      ['bridge file no longer an OVS bridge (host rules of the agent file)', () => (files[BR_EX] = files[BR_EX].replace('TYPE=OVSBridge', 'TYPE=Ethernet'))],
      ['bridge file restored', () => (files[BR_EX] = FILES[BR_EX])],
      ['port leaves the bridge', () => (files[ETH1] = files[ETH1].replace('OVS_BRIDGE=br-ex', 'OVS_BRIDGE=br-exx'))],
      ['ML2 stops allowing physnet1 (deployment rules)', () => (files[ML2] = files[ML2].replace('flat_networks = physnet1', 'flat_networks = physnet2'))],
      ['agent maps a typo', () => (files[AGENT] = files[AGENT].replace('physnet1:br-ex', 'physnet2:br-ex,physnet3:br-vlan'))],
      ['release set (file rules depend on it)', () => (settings = { release: 'zed' })],
      ['a code turned off (wiring claims depend on it)', () => (settings = { release: 'queens', rules: { 'external-network-bridge-set': 'off' } })],
      ['settings cleared', () => (settings = {})],
      ['suppression comment added', () => (files[L3] = `# neutron-config: disable-file=external-network-bridge-set\n${files[L3]}`)],
    ];
    let before = allFindings(service);
    for (const [what, step] of steps) {
      const previousSettings = settings;
      const previous = { ...files };
      step();
      if (settings !== previousSettings) service.setFolderSettings('file:///ws', settings ?? {});
      for (const [p, text] of Object.entries(files)) if (previous[p] !== text) service.setFile(`file:///ws/${p}`, text);
      const after = allFindings(service);
      assert.deepEqual(after, allFindings(workspaceOf(files, settings)), what);
      before = after;
    }
    assert.ok(before.length > 0);
  });
});
