/**
 * Tests of the bundled command-line checker (`node dist/cli.js`): the three
 * output formats, settings from flags and files, and the exit status.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CODES } from '../../server/src/core/rules/codes';
import { repoRoot } from '../protocol/lspClient';

const ROOT = repoRoot();
const CLI = path.join(ROOT, 'dist', 'cli.js');
const BASIC = path.join('test', 'fixtures', 'cli-basic');
const CLEAN = path.join('test', 'fixtures', 'cli-clean');
const ML2 = 'controller/etc/neutron/plugins/ml2/ml2_conf.ini';
const OVS = 'compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    ...(options.input !== undefined ? { input: options.input } : {}),
    env: options.env ?? { ...process.env, NO_COLOR: '' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temporaryDirectories: string[] = [];
function temporaryCopy(fixture: string): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'neutron-config-cli-'));
  temporaryDirectories.push(target);
  fs.cpSync(path.join(ROOT, fixture), target, { recursive: true });
  return target;
}

after(() => {
  for (const dir of temporaryDirectories) fs.rmSync(dir, { recursive: true, force: true });
});

describe('neutron-config check: text', () => {
  it('prints path:line:col: severity code: message, 1-based, sorted, relative to the current directory, and exits 1 on errors', () => {
    const run = cli(['check', BASIC]);
    const OVS = `${BASIC}/compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini`;
    const ML2 = `${BASIC}/controller/etc/neutron/plugins/ml2/ml2_conf.ini`;
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 3, run.stdout);
    assert.match(lines[0], new RegExp(`^${OVS}:2:19: error physnet-undeclared: .*physnet2`));
    assert.match(lines[1], new RegExp(`^${ML2}:2:\\d+: error flat-type-driver-missing: \\S`));
    assert.match(lines[2], new RegExp(`^${ML2}:7:17: warning physnet-unmapped: .*physnet1`));
    assert.equal(run.stderr.trim(), '2 errors, 1 warning in 2 files.');
  });

  it('reports a file saved with a byte order mark (oslo.config refuses it) at 1:1', () => {
    const dir = temporaryCopy(CLEAN);
    const file = path.join(dir, ...OVS.split('/'));
    fs.writeFileSync(file, '\ufeff' + fs.readFileSync(file, 'utf8'));
    const run = cli(['check', '.'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout.trimEnd(), new RegExp(`^${OVS}:1:1: error syntax: The file starts with a UTF-8 byte order mark \\(BOM\\)\\. oslo\\.config`));
    assert.equal(run.stdout.trimEnd().split('\n').length, 1, run.stdout);
  });

  it('uses no colour when stdout is not a terminal', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '1' };
    delete env.NO_COLOR;
    const run = cli(['check', BASIC], { env });
    assert.doesNotMatch(run.stdout, /\u001b\[/);
  });

  it('colours a terminal unless NO_COLOR is set', { skip: fs.existsSync('/usr/bin/script') ? false : 'needs script(1) for a pseudo-terminal' }, () => {
    const command = [process.execPath, CLI, 'check', BASIC].map((word) => `'${word}'`).join(' ');
    const inTerminal = (noColour: string | undefined) => {
      const env = { ...process.env };
      if (noColour === undefined) delete env.NO_COLOR;
      else env.NO_COLOR = noColour;
      return spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], { cwd: ROOT, env, encoding: 'utf8', timeout: 30_000 }).stdout;
    };
    assert.match(inTerminal(undefined), /\u001b\[31merror\u001b\[0m/);
    assert.doesNotMatch(inTerminal('1'), /\u001b\[/);
  });

  it('defaults to the current directory and exits 0 on a clean deployment', () => {
    const run = cli(['check'], { cwd: path.join(ROOT, CLEAN) });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr.trim(), 'No problems in 4 files.');
  });

  it('exits 0 when only warnings remain after --rule overrides', () => {
    const run = cli(['check', BASIC, '--rule', 'physnet-undeclared=off', '--rule=flat-type-driver-missing=warning']);
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stdout, /physnet-undeclared/);
    assert.match(run.stdout, /warning flat-type-driver-missing/);
    assert.equal(run.stderr.trim(), '0 errors, 2 warnings in 2 files.');
  });

  it('exits 0 with --exit-zero although errors are found', () => {
    const run = cli(['check', BASIC, '--exit-zero']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /error physnet-undeclared/);
  });

  it('reads .neutron-config.json at the root of a PATH, and --config over it', () => {
    const dir = temporaryCopy(BASIC);
    fs.writeFileSync(path.join(dir, '.neutron-config.json'), JSON.stringify({ rules: { 'physnet-undeclared': 'off', 'flat-type-driver-missing': 'off' } }));
    const quiet = cli(['check', dir]);
    assert.equal(quiet.status, 0, quiet.stderr);
    assert.deepEqual(quiet.stdout.trimEnd().split('\n').map((line) => line.split(': ')[1]), ['warning physnet-unmapped']);

    const config = path.join(dir, 'strict.json');
    fs.writeFileSync(config, JSON.stringify({ rules: { 'physnet-unmapped': 'error' } }));
    const strict = cli(['check', dir, '--config', config]);
    assert.equal(strict.status, 1);
    assert.match(strict.stdout, /error physnet-unmapped/);
    assert.doesNotMatch(strict.stdout, /physnet-undeclared/, 'the folder file still applies where --config is silent');
  });

  it('prints usage with --help and the version with --version', () => {
    const help = cli(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: neutron-config check \[PATH\.\.\.\]/);
    const version = cli(['--version']);
    assert.equal(version.status, 0);
    assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });
});

describe('neutron-config check: json', () => {
  it('prints the documented shape with paths relative to the current directory and 0-based ranges', () => {
    const run = cli(['check', '.', '--format', 'json'], { cwd: path.join(ROOT, BASIC) });
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stderr, '', 'nothing but JSON, and no summary');
    const output = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(output), ['version', 'files', 'diagnostics']);
    assert.equal(output.version, 1);
    assert.deepEqual(output.files, [
      { path: OVS, kind: 'ovs-agent', host: 'compute-0' },
      { path: ML2, kind: 'ml2', host: 'controller' },
    ]);
    for (const d of output.diagnostics) {
      assert.deepEqual(Object.keys(d).filter((k) => k !== 'related'), ['file', 'range', 'severity', 'code', 'message', 'source']);
      assert.equal(d.source, 'neutron-config');
    }
    assert.deepEqual(
      output.diagnostics.map((d: any) => [d.file, d.code, d.severity]),
      [
        [OVS, 'physnet-undeclared', 'error'],
        [ML2, 'flat-type-driver-missing', 'error'],
        [ML2, 'physnet-unmapped', 'warning'],
      ],
    );
    assert.deepEqual(output.diagnostics[0].range, { start: { line: 1, character: 18 }, end: { line: 1, character: 26 } });
    const flat = output.diagnostics[1].range;
    assert.equal(flat.start.line, 1);
    assert.equal(flat.end.line, 1);
    assert.deepEqual(output.diagnostics[2].range, { start: { line: 6, character: 16 }, end: { line: 6, character: 24 } });
  });

  it('makes paths relative to the current directory when several PATHs are given, or to --root', () => {
    const run = cli(['check', path.join(BASIC, 'compute-0'), path.join(BASIC, 'controller'), '--format=json']);
    const output = JSON.parse(run.stdout);
    assert.deepEqual(output.files.map((f: any) => f.path).sort(), [`${BASIC}/${OVS}`, `${BASIC}/${ML2}`]);
    const rooted = JSON.parse(cli(['check', path.join(BASIC, 'compute-0'), path.join(BASIC, 'controller'), '--format=json', '--root', BASIC]).stdout);
    assert.deepEqual(rooted.files.map((f: any) => f.path).sort(), [OVS, ML2]);
    const noRoot = cli(['check', BASIC, '--root', 'no/such/dir']);
    assert.equal(noRoot.status, 2);
    assert.match(noRoot.stderr, /--root no\/such\/dir: not a directory/);
  });

  it('lists the other places a finding points at as related, with paths like its own', () => {
    const output = JSON.parse(cli(['check', '.', '--format', 'json'], { cwd: path.join(ROOT, BASIC) }).stdout);
    const flat = output.diagnostics.find((d: any) => d.code === 'flat-type-driver-missing');
    assert.deepEqual(flat.related.map((r: any) => r.file), [ML2]);
  });
});

describe('neutron-config check: sarif', () => {
  it('prints a SARIF 2.1.0 log that code scanning accepts', () => {
    const run = cli(['check', '.', '--format', 'sarif'], { cwd: path.join(ROOT, BASIC) });
    assert.equal(run.status, 1, run.stderr);
    const log = JSON.parse(run.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const { driver } = log.runs[0].tool;
    assert.equal(driver.name, 'neutron-config');
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    const ruleIds: string[] = driver.rules.map((r: any) => r.id);
    assert.equal(new Set(ruleIds).size, ruleIds.length, 'rule ids are unique');
    for (const rule of driver.rules) assert.ok(rule.shortDescription.text.length > 0, `${rule.id} has a description`);

    const results = log.runs[0].results;
    assert.deepEqual(
      results.map((r: any) => [r.ruleId, r.level]),
      [
        ['physnet-undeclared', 'error'],
        ['flat-type-driver-missing', 'error'],
        ['physnet-unmapped', 'warning'],
      ],
    );
    for (const result of results) {
      assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
      assert.ok(result.message.text.length > 0);
      assert.equal(result.locations.length, 1);
      assert.equal(result.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    }
    const first = results[0].locations[0].physicalLocation;
    assert.equal(first.artifactLocation.uri, OVS);
    assert.deepEqual(first.region, { startLine: 2, startColumn: 19, endLine: 2, endColumn: 27 });
    // %SRCROOT% is the directory the paths are relative to; each rule links to its anchor in docs/codes.md.
    assert.deepEqual(log.runs[0].originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(path.join(ROOT, BASIC)).href}/` } });
    const rule = driver.rules.find((r: any) => r.id === 'physnet-undeclared');
    assert.equal(rule.helpUri, 'https://github.com/neutron-config/neutron-config/blob/main/docs/codes.md#physnet-undeclared');
    assert.match(rule.fullDescription.text, /^A mapped physical network that the ML2 configuration does not allow\. Default severity: error\. Change it with --rule physnet-undeclared=SEVERITY/);
    assert.match(fs.readFileSync(path.join(ROOT, 'docs', 'codes.md'), 'utf8'), /^### physnet-undeclared$/m, 'the anchor helpUri points at');
    // Fingerprints: code, file and the line's text, so a line added above keeps them.
    for (const result of results) assert.match(result.partialFingerprints['neutronConfigFinding/v1'], /^[0-9a-f]{32}:1$/);
    const flat = results.find((r: any) => r.ruleId === 'flat-type-driver-missing');
    assert.deepEqual(flat.relatedLocations.map((r: any) => [r.id, r.physicalLocation.artifactLocation.uri]), [[0, ML2]]);
  });

  it('keeps a finding\'s fingerprint when lines are added above it', () => {
    const dir = temporaryCopy(BASIC);
    const fingerprints = () => JSON.parse(cli(['check', '.', '--format', 'sarif'], { cwd: dir }).stdout).runs[0].results.map((r: any) => `${r.ruleId} ${r.partialFingerprints['neutronConfigFinding/v1']}`);
    const before = fingerprints();
    const agent = path.join(dir, ...OVS.split('/'));
    fs.writeFileSync(agent, `# a comment added on top\n\n${fs.readFileSync(agent, 'utf8')}`);
    assert.deepEqual(fingerprints(), before);
  });

  it('maps information and hint to the note level', () => {
    const run = cli(['check', BASIC, '--format', 'sarif', '--rule', 'physnet-undeclared=information', '--rule', 'physnet-unmapped=hint']);
    const levels = JSON.parse(run.stdout).runs[0].results.map((r: any) => [r.ruleId, r.level]);
    assert.deepEqual(levels, [
      ['physnet-undeclared', 'note'],
      ['flat-type-driver-missing', 'error'],
      ['physnet-unmapped', 'note'],
    ]);
  });
});

describe('neutron-config check: usage and I/O failures exit 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['a missing PATH', ['check', 'no/such/dir'], /cannot read no\/such\/dir/],
    ['an unknown format', ['check', BASIC, '--format', 'xml'], /--format must be one of text, json, sarif/],
    ['an unknown option', ['check', BASIC, '--fast'], /unknown option '--fast'/],
    ['no command', [], /missing command/],
    ['an unknown command', ['lint', BASIC], /unknown command 'lint'/],
    ['an unknown check in --rule', ['check', BASIC, '--rule', 'no-such-check=off'], /unknown check 'no-such-check'/],
    ['a bad severity in --rule', ['check', BASIC, '--rule', 'physnet-undeclared=fatal'], /severity must be one of/],
    ['--rule without a value', ['check', BASIC, '--rule'], /--rule needs a value/],
    ['a missing --config file', ['check', BASIC, '--config', 'no-such.json'], /cannot read settings file .*no-such\.json/],
  ];
  for (const [name, args, message] of cases) {
    it(name, () => {
      const run = cli(args);
      assert.equal(run.status, 2, `exit status for ${args.join(' ')}`);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, message);
    });
  }

  it('a --config file that is not JSON', () => {
    const dir = temporaryCopy(BASIC);
    const config = path.join(dir, 'broken.json');
    fs.writeFileSync(config, '{ "rules": ');
    const run = cli(['check', dir, '--config', config]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /not valid JSON/);
  });

  it('a dangling link is a finding, not a failure: the exit status is the findings\' (issue #17)', () => {
    const dir = temporaryCopy(BASIC);
    const scripts = path.join(dir, 'compute-0', 'etc', 'sysconfig', 'network-scripts');
    fs.mkdirSync(scripts, { recursive: true });
    fs.symlinkSync(path.join(dir, 'nowhere'), path.join(scripts, 'ifcfg-eth9'));
    const run = cli(['check', dir]);
    assert.equal(run.status, 1, run.stderr);
    assert.doesNotMatch(run.stderr, /cannot read/);
    assert.match(run.stdout, /compute-0\/etc\/sysconfig\/network-scripts\/ifcfg-eth9:1:1: information dangling-link: A symbolic link to .*nowhere/);
    assert.match(run.stdout, /physnet-undeclared/, 'the other files are checked');
  });
});

describe('cli: CI conventions (issue #17)', () => {
  it('--format github prints one workflow command per finding, 1-based, error/warning/notice', () => {
    const run = cli(['check', '.', '--format', 'github'], { cwd: path.join(ROOT, BASIC) });
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n').map((l) => l.split('::').slice(0, 2).join('::'));
    assert.deepEqual(lines, [
      '::error file=compute-0/etc/neutron/plugins/ml2/openvswitch_agent.ini,line=2,col=19,endLine=2,endColumn=27,title=neutron-config physnet-undeclared',
      '::error file=controller/etc/neutron/plugins/ml2/ml2_conf.ini,line=2,col=16,endLine=2,endColumn=21,title=neutron-config flat-type-driver-missing',
      '::warning file=controller/etc/neutron/plugins/ml2/ml2_conf.ini,line=7,col=17,endLine=7,endColumn=25,title=neutron-config physnet-unmapped',
    ]);
    assert.match(run.stdout, /::Physical network "physnet2" is not declared in the ML2 config of controller/);
    assert.equal(run.stderr, '2 errors, 1 warning in 2 files.\n');
  });

  it('--format github escapes what would end a property or a command', () => {
    const dir = temporaryCopy(BASIC);
    const odd = path.join(dir, 'site,a:b');
    fs.renameSync(path.join(dir, 'compute-0'), path.join(dir, 'compute-0-x'));
    fs.mkdirSync(odd);
    fs.renameSync(path.join(dir, 'compute-0-x'), path.join(odd, 'compute-0'));
    const run = cli(['check', '.', '--format', 'github'], { cwd: dir });
    assert.match(run.stdout, /^::error file=site%2Ca%3Ab\/compute-0\/etc\/neutron\/plugins\/ml2\/openvswitch_agent\.ini,line=2,/m);
  });

  it('--list-rules prints every code with its default severity; --explain CODE says what it means', () => {
    const list = cli(['--list-rules']);
    assert.equal(list.status, 0);
    const lines = list.stdout.trimEnd().split('\n');
    assert.equal(lines.length, Object.keys(CODES).length);
    assert.match(lines.find((l) => l.startsWith('bridge-undefined '))!, /^bridge-undefined +error +A mapped bridge that no network configuration of the host/);
    const explain = cli(['--explain', 'ovs-port-undefined']);
    assert.equal(explain.status, 0);
    assert.match(explain.stdout, /^ovs-port-undefined \(default severity: error\)\n\nA NetworkManager interface whose controller names an ovs-port profile the host does not have\.\n\nChange its severity with --rule ovs-port-undefined=SEVERITY/);
    const unknown = cli(['--explain', 'no-such-check']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown check 'no-such-check'; --list-rules lists them/);
  });

  it('--quiet reports errors only; --max-warnings N fails a run with more warnings', () => {
    const quiet = cli(['check', BASIC, '--format', 'json', '--quiet']);
    assert.deepEqual((JSON.parse(quiet.stdout) as { diagnostics: { severity: string }[] }).diagnostics.map((d) => d.severity), ['error', 'error']);
    const warnings = ['--rule', 'physnet-undeclared=warning', '--rule', 'flat-type-driver-missing=warning'];
    assert.equal(cli(['check', BASIC, ...warnings]).status, 0, 'three warnings, no limit');
    assert.equal(cli(['check', BASIC, ...warnings, '--max-warnings', '3']).status, 0);
    const over = cli(['check', BASIC, ...warnings, '--max-warnings', '2']);
    assert.equal(over.status, 1);
    assert.match(over.stderr, /neutron-config: 3 warnings, more than --max-warnings 2\n$/);
    assert.equal(cli(['check', BASIC, ...warnings, '--max-warnings', '2', '--quiet']).status, 0, 'quiet reports no warnings to count');
    const bad = cli(['check', BASIC, '--max-warnings', '-1']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--max-warnings expects a number of warnings \(0 or more\), not '-1'/);
  });
});

describe('cli: what was checked', () => {
  it('exits 2 with a clear message when no recognised file is under the PATHs', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'neutron-config-empty-'));
    temporaryDirectories.push(empty);
    fs.writeFileSync(path.join(empty, 'tox.ini'), '[tox]\nenvlist = py3\n');
    const run = cli(['check', '.'], { cwd: empty });
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, 'neutron-config: no recognised files under . (ml2_conf.ini, plugin.ini, openvswitch_agent.ini, l3_agent.ini, ifcfg-*, or what neutronConfig fileKinds maps)\n');
  });

  it('--show-hosts lists each file with its kind and host before the findings', () => {
    const run = cli(['check', '.', '--show-hosts'], { cwd: path.join(ROOT, 'test', 'fixtures', 'real-deployments', 'kolla-ansible-train') });
    assert.equal(run.status, 1, run.stderr);
    const listing = run.stdout.split('\n\n')[0].split('\n');
    assert.deepEqual(
      listing.map((line) => line.replace(/ +/g, ' ')),
      [
        'compute01/etc/kolla/neutron-openvswitch-agent/ml2_conf.ini ml2 host compute01',
        'compute02/etc/kolla/neutron-openvswitch-agent/ml2_conf.ini ml2 host compute02',
        'control01/etc/kolla/neutron-server/ml2_conf.ini ml2 host control01',
        'network01/etc/kolla/neutron-l3-agent/l3_agent.ini l3-agent host network01',
        'network01/etc/kolla/neutron-openvswitch-agent/ml2_conf.ini ml2 host network01',
      ],
    );
  });
});

describe('neutron-config --timing', () => {
  const NUMBER = '\\d{1,3}(,\\d{3})*';
  /** The lines of a timing report, each as a pattern (times are never compared, only their form). */
  const phases = (files: number, names: string[]) => [
    /^timing \(ms\):$/,
    new RegExp(`^  start-up \\(node, loading the program\\) +${NUMBER}$`),
    new RegExp(`^  walk and read \\(${files} files\\) +${NUMBER}$`),
    ...names.map((name) => new RegExp(`^  ${name} +${NUMBER}$`)),
    new RegExp(`^  total +${NUMBER}$`),
    new RegExp(`^  of which garbage collection: ${NUMBER}$`),
  ];

  it('prints each phase, the collector and the slowest rules to stderr, and leaves the report alone', () => {
    const plain = cli(['check', BASIC, '--format', 'json']);
    const timed = cli(['check', BASIC, '--format', 'json', '--timing']);
    assert.equal(timed.status, plain.status);
    assert.equal(timed.stdout, plain.stdout);
    assert.equal(plain.stderr, '');
    const files = (JSON.parse(plain.stdout) as { files: unknown[] }).files.length;
    const lines = timed.stderr.trimEnd().split('\n');
    const expected = phases(files, ['parse and index', 'rules', 'report']);
    lines.slice(0, expected.length).forEach((line, i) => assert.match(line, expected[i]));
    assert.match(lines[expected.length], new RegExp(`^rules, slowest first \\(${NUMBER} ms in ${NUMBER} rules\\):$`));
    const rules = lines.slice(expected.length + 1);
    assert.ok(rules.length > 0 && rules.length <= 10, timed.stderr);
    for (const line of rules) {
      const match = /^  (\S+(?:, \S+)*) +(\d{1,3}(?:,\d{3})*) +(\d+\.\d)% +(\d{1,3}(?:,\d{3})*) runs?$/.exec(line);
      assert.ok(match, line);
      for (const code of match[1].split(', ')) assert.ok(code in CODES, code);
    }
  });

  it('times a graph by its phases: the picture is drawn in the report', () => {
    const run = cli(['graph', BASIC, '--format', 'json', '--timing']);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stderr.trimEnd().split('\n');
    const expected = phases(2, ['parse and index', 'report']);
    lines.slice(0, expected.length).forEach((line, i) => assert.match(line, expected[i]));
    assert.match(lines[expected.length], /^rules, slowest first/);
  });

  it('takes no value', () => {
    const run = cli(['check', BASIC, '--timing=yes']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--timing/);
  });
});

describe('cli: symbolic links', () => {
  it('a link to nothing in the tree is information and the rest is checked, exit 0', () => {
    const dir = temporaryCopy(CLEAN);
    const link = path.join(dir, 'controller', 'etc', 'neutron', 'plugin.ini');
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync('/etc/neutron/plugins/ml2/ml2_conf.ini.does-not-exist', link);
    const run = cli(['check', '.', '--format', 'json'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout) as { diagnostics: { file: string; code: string; severity: string }[]; files: unknown[] };
    assert.deepEqual(
      result.diagnostics.map((d) => `${d.file} ${d.code} ${d.severity}`),
      ['controller/etc/neutron/plugin.ini dangling-link information'],
    );
    assert.ok(result.files.length > 0);
  });

  type Json = { diagnostics: { file: string; code: string; severity: string; message: string }[]; files: { path: string }[] };

  it('a link out of the tree is not followed: information, and the target is never read', () => {
    const dir = temporaryCopy(CLEAN);
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'neutron-config-outside-'));
    temporaryDirectories.push(outside);
    // Would be 1,000 findings if it were read.
    fs.writeFileSync(path.join(outside, 'l3_agent.ini'), 'garbage\n'.repeat(1000));
    const link = path.join(dir, 'controller', 'etc', 'neutron', 'l3_agent.ini');
    fs.symlinkSync(path.join(outside, 'l3_agent.ini'), link);
    const run = cli(['check', '.', '--format', 'json'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout) as Json;
    assert.deepEqual(
      result.diagnostics.map((d) => `${d.file} ${d.code} ${d.severity}`),
      ['controller/etc/neutron/l3_agent.ini link-outside-workspace information'],
    );
    assert.match(result.diagnostics[0].message, /^A symbolic link to .*l3_agent\.ini, outside the folders being checked: not followed/);
    assert.ok(!result.files.some((f) => f.path.endsWith('l3_agent.ini')), 'not listed as checked');
  });

  it('RDO\'s relative plugin.ini link is the ML2 file under a second name: checked once', () => {
    const dir = temporaryCopy(BASIC);
    fs.symlinkSync('plugins/ml2/ml2_conf.ini', path.join(dir, 'controller', 'etc', 'neutron', 'plugin.ini'));
    const withLink = JSON.parse(cli(['check', '.', '--format', 'json'], { cwd: dir }).stdout) as Json;
    const without = JSON.parse(cli(['check', '.', '--format', 'json'], { cwd: path.join(ROOT, BASIC) }).stdout) as Json;
    assert.deepEqual(withLink, without);
  });

  it('a file over maxFileSizeMB (settings file) is reported and not read', () => {
    const dir = temporaryCopy(CLEAN);
    fs.writeFileSync(path.join(dir, 'controller', 'etc', 'neutron', 'l3_agent.ini'), `[DEFAULT]\n${'# filler\n'.repeat(200_000)}`);
    fs.writeFileSync(path.join(dir, 'limits.json'), JSON.stringify({ maxFileSizeMB: 1 }));
    const run = cli(['check', '.', '--format', 'json', '--config', 'limits.json'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout) as Json;
    assert.deepEqual(result.diagnostics.map((d) => `${d.file} ${d.code}`), ['controller/etc/neutron/l3_agent.ini file-too-large']);
    assert.match(result.diagnostics[0].message, /^This file is 1\.7 MB, more than the limit of 1\.0 MB \(neutronConfig\.maxFileSizeMB\): not checked\./);
  });
});

describe('neutron-config graph', () => {
  it('prints DOT that Graphviz accepts (where Debian\'s dot is installed), and the same picture as SVG without it', (t) => {
    const dot = cli(['graph', 'examples']);
    assert.equal(dot.status, 0, dot.stderr);
    assert.match(dot.stdout, /^digraph topology \{\n/);
    const system = spawnSync('dot', ['-Tsvg'], { input: dot.stdout, encoding: 'utf8' });
    if (system.error) t.diagnostic('dot is not installed: DOT syntax not checked by Graphviz');
    else assert.equal(system.status, 0, system.stderr);
    const svg = cli(['graph', 'examples', '--format', 'svg']);
    assert.equal(svg.status, 0, svg.stderr);
    assert.match(svg.stdout, /^<\?xml version="1\.0" encoding="UTF-8" standalone="no"\?>\n/);
    assert.match(svg.stdout, /<svg [^>]*viewBox="[\d. -]+"/);
    assert.ok(svg.stdout.trimEnd().endsWith('</svg>'));
    // Well formed: every element opened is closed, in order.
    const stack: string[] = [];
    for (const [, closing, name, selfClosing] of svg.stdout.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>/g, '').matchAll(/<(\/?)([\w:-]+)[^>]*?(\/?)>/g)) {
      if (selfClosing) continue;
      if (closing) assert.equal(stack.pop(), name);
      else stack.push(name);
    }
    assert.deepEqual(stack, []);
    assert.match(svg.stdout, /<g id="deployment:examples\/host:compute&#45;0\/bridge:br&#45;eth1" class="node bridge state&#45;missing">/);
  });

  it('prints Mermaid and JSON, filters by host and physnet, and refuses check-only formats', () => {
    const mermaid = cli(['graph', 'examples', '--format', 'mermaid', '--host', 'compute-0']);
    assert.equal(mermaid.status, 0, mermaid.stderr);
    assert.match(mermaid.stdout, /^flowchart TB\n/);
    assert.ok(!mermaid.stdout.includes('compute-1'));
    const json = JSON.parse(cli(['graph', 'examples', '--format', 'json', '--physnet', 'physnet1']).stdout) as { nodes: { kind: string }[] };
    assert.equal(json.nodes.filter((n) => n.kind === 'host').length, 4);
    const wrong = cli(['graph', 'examples', '--format', 'sarif']);
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /--format of graph must be one of dot, mermaid, svg, json, not 'sarif'/);
    assert.equal(cli(['check', 'examples', '--host', 'x']).status, 2);
  });
});

describe('cli: one file, stdin, output file, excludes (issue #17)', () => {
  const codesOf = (run: Run) => (JSON.parse(run.stdout) as { diagnostics: { file: string; code: string }[] }).diagnostics.map((d) => `${d.file} ${d.code}`);

  it('checks a file PATH with the rest of its deployment and prints only its findings', () => {
    const dir = temporaryCopy(BASIC);
    const run = cli(['check', OVS, '--format', 'json'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(codesOf(run), [`${OVS} physnet-undeclared`], 'the undeclared physnet needs the ML2 file, which is not printed');
    assert.deepEqual((JSON.parse(run.stdout) as { files: { path: string }[] }).files.map((f) => f.path), [OVS]);
  });

  it('finds the deployment of a file from a subdirectory by the .git or settings file above it', () => {
    const dir = temporaryCopy(BASIC);
    fs.mkdirSync(path.join(dir, '.git'));
    const run = cli(['check', 'etc/neutron/plugins/ml2/openvswitch_agent.ini', '--format', 'json'], { cwd: path.join(dir, 'compute-0') });
    assert.deepEqual(codesOf(run), ['etc/neutron/plugins/ml2/openvswitch_agent.ini physnet-undeclared']);
    // --root bounds the search: the file is then checked with what lies under compute-0 alone.
    const bounded = cli(['check', 'etc/neutron/plugins/ml2/openvswitch_agent.ini', '--format', 'json', '--root', '.'], { cwd: path.join(dir, 'compute-0') });
    assert.deepEqual(codesOf(bounded), []);
  });

  it('reads stdin as the file --stdin-filename names, in its deployment, the copy on disk left aside', () => {
    const dir = temporaryCopy(BASIC);
    const fixed = fs.readFileSync(path.join(dir, ...OVS.split('/')), 'utf8').replace('physnet2', 'physnet1');
    const clean = cli(['check', '--stdin-filename', OVS, '-', '--format', 'json'], { cwd: dir, input: fixed });
    assert.equal(clean.status, 0, clean.stderr);
    assert.deepEqual(codesOf(clean), []);
    const broken = cli(['check', '--stdin-filename', OVS, '-'], { cwd: dir, input: fixed.replace('physnet1', 'physnet7') });
    assert.equal(broken.status, 1);
    assert.match(broken.stdout, new RegExp(`^${OVS}:2:19: error physnet-undeclared: .*physnet7`));
    const missingName = cli(['check', '-'], { cwd: dir, input: '' });
    assert.equal(missingName.status, 2);
    assert.match(missingName.stderr, /'-' reads stdin: name the file it stands for with --stdin-filename/);
  });

  it('-o writes the report to a file, stdout stays empty, the summary still goes to stderr', () => {
    const dir = temporaryCopy(BASIC);
    const expected = cli(['check', '.', '--format', 'sarif'], { cwd: dir }).stdout;
    const run = cli(['check', '.', '--format', 'sarif', '-o', 'report.sarif'], { cwd: dir });
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.equal(fs.readFileSync(path.join(dir, 'report.sarif'), 'utf8'), expected);
    const text = cli(['check', '.', '--output-file=report.txt'], { cwd: dir });
    assert.equal(text.stderr.trim(), '2 errors, 1 warning in 2 files.');
    assert.match(fs.readFileSync(path.join(dir, 'report.txt'), 'utf8'), /^compute-0\/etc\/neutron\/plugins\/ml2\/openvswitch_agent\.ini:2:19: error physnet-undeclared/);
    const nowhere = cli(['check', '.', '-o', 'no/such/dir/report.txt'], { cwd: dir });
    assert.equal(nowhere.status, 2);
    assert.match(nowhere.stderr, /cannot write .*no\/such\/dir\/report\.txt: no such file or directory/);
  });

  it('--exclude, .gitignore and the settings file\'s "exclude" leave files out; --no-gitignore brings them back; a named file is checked anyway', () => {
    const dir = temporaryCopy(BASIC);
    // Without the agent no host maps anything, which says nothing about physnet1: only the type driver is left.
    assert.deepEqual(codesOf(cli(['check', '.', '--format', 'json', '--exclude', 'compute-0/'], { cwd: dir })), [`${ML2} flat-type-driver-missing`]);
    fs.writeFileSync(path.join(dir, '.gitignore'), '# generated\n/compute-*\n');
    assert.deepEqual(codesOf(cli(['check', '.', '--format', 'json'], { cwd: dir })), [`${ML2} flat-type-driver-missing`]);
    assert.equal(codesOf(cli(['check', '.', '--format', 'json', '--no-gitignore'], { cwd: dir })).length, 3);
    assert.deepEqual(codesOf(cli(['check', OVS, '--format', 'json'], { cwd: dir })), [`${OVS} physnet-undeclared`]);
    fs.rmSync(path.join(dir, '.gitignore'));
    fs.writeFileSync(path.join(dir, '.neutron-config.json'), JSON.stringify({ exclude: ['controller'] }));
    assert.deepEqual(codesOf(cli(['check', '.', '--format', 'json'], { cwd: dir })), []);
  });

  it('reports unknown keys of a settings file, and --print-config shows what applies to a path', () => {
    const dir = temporaryCopy(BASIC);
    fs.writeFileSync(path.join(dir, '.neutron-config.json'), JSON.stringify({ rule: { 'physnet-undeclared': 'off' }, release: 'zed', exclude: ['old/'] }));
    const run = cli(['check', '.'], { cwd: dir });
    assert.match(run.stderr, /\.neutron-config\.json: unknown key 'rule' ignored \(known: rules, fileKinds, hosts, release, maxFileSizeMB, exclude\)/);
    const printed = cli(['--print-config', OVS, '--rule', 'physnet-unmapped=off'], { cwd: dir });
    assert.equal(printed.status, 0, printed.stderr);
    const config = JSON.parse(printed.stdout);
    assert.equal(fs.realpathSync(config.folder), fs.realpathSync(dir));
    assert.equal(config.release, 'zed');
    assert.deepEqual(config.rules, { 'physnet-unmapped': 'off' });
    assert.deepEqual(config.exclude, ['old/']);
    assert.equal(config.gitignore, true);
  });
});
