/**
 * The terminal and CI face: reads the files under each PATH, hands them to
 * one NeutronConfigService and prints what it finds.
 *
 * Exit status: 0 no error-severity finding, 1 errors found, 2 usage or I/O failure.
 */
import { parseRelease } from './core/catalog/releases';
import * as fsSync from 'fs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { NeutronConfigService } from './core/service';
import { CODES, isDiagnosticCode } from './core/rules/codes';
import { DEFAULT_MAX_FILE_SIZE_MB, SEVERITY_SETTINGS, Settings, SeveritySetting, normaliseSettings, settingsProblems } from './core/settings';
import { CheckResult, Finding, OUTPUT_FORMATS, OutputFormat, formatGithub, formatHosts, formatJson, formatSarif, formatText, summaryLine, toFinding } from './cliFormat';
import { readTextFiles, walkFiles } from './fsWalk';
import { GROUP_THRESHOLD, type TopologyGraph } from './core/topology/graph';
import { toDot, toMermaid } from './core/topology/formats';
import { loadRenderer } from './render/loadRenderer';
import { maxFileBytes, type SkipReason } from './core/workspace/skippedFiles';
import { fileUri } from './uris';
import { VERSION } from './version';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILURE = 2;

/** The settings file read from the root of each PATH that is a directory. */
export const FOLDER_CONFIG_FILE = '.neutron-config.json';

const HELP = `Usage: neutron-config check [PATH...] [options]
       neutron-config graph [PATH...] [--format dot|mermaid|svg|json] [--host GLOB] [--physnet NAME] [--group auto|always|never]

Checks OpenStack Neutron provider-network configuration (ML2, Open vSwitch
agent, L3 agent, ifcfg network-scripts) across the files and hosts under each
PATH (a directory or a file; default: the current directory).

Options:
  --format FORMAT           text (default), json, sarif, or github (GitHub
                            Actions annotations)
  --release NAME            OpenStack release the deployment runs (zed, 2024.1, ...)
  --rule CODE=SEVERITY      change a check's severity: error, warning,
                            information, hint or off (repeatable)
  --config FILE             JSON settings file: {"rules", "fileKinds", "hosts", "release", "maxFileSizeMB"}
  --show-hosts              list each file with the kind and host it was given
  --quiet                   report errors only
  --max-warnings N          exit 1 when more than N warnings are reported
  --exit-zero               exit 0 even when errors are found
                            (usage and I/O failures still exit 2)
  --list-rules              list every check with its default severity
  --explain CODE            what a check means and how to change it
  --help                    show this help
  --version                 show the version

graph prints the wiring the check sees: per deployment its physnets, per host
the bridges they are mapped to, their ports and the patch to the integration
bridge, each in its state (ok, missing, unused, undeclared, down). svg renders
it without a browser; hosts with identical wiring are drawn as one node when a
deployment has more than ${GROUP_THRESHOLD} (--group).

Settings are merged in this order, later wins: ${FOLDER_CONFIG_FILE} at the root
of a PATH, then --config, then --release and --rule.

Exit status: 0 no errors, 1 errors found (or more warnings than
--max-warnings), 2 usage or I/O failure, or no recognised file under the
PATHs.
`;

export class UsageError extends Error {}

export const GRAPH_FORMATS = ['dot', 'mermaid', 'svg', 'json'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

export interface CliOptions {
  command: 'check' | 'graph';
  paths: string[];
  /** `graph`: how to print it, and what to keep. */
  graph: { format: GraphFormat; host: string | undefined; physnet: string | undefined; group: 'auto' | 'always' | 'never' };
  format: OutputFormat;
  release: string | undefined;
  rules: Record<string, SeveritySetting>;
  config: string | undefined;
  exitZero: boolean;
  /** Report errors only. */
  quiet: boolean;
  /** Exit 1 when more warnings than this are reported; undefined: no limit. */
  maxWarnings: number | undefined;
  /** Text output: list each file with the kind and host it was given, before the findings. */
  showHosts: boolean;
  help: boolean;
  /** Print every check code with its default severity and summary. */
  listRules: boolean;
  /** Print what one code means. */
  explain: string | undefined;
  version: boolean;
}

export function parseArguments(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    command: 'check',
    paths: [],
    graph: { format: 'dot', host: undefined, physnet: undefined, group: 'auto' },
    format: 'text',
    release: undefined,
    rules: {},
    config: undefined,
    exitZero: false,
    quiet: false,
    maxWarnings: undefined,
    showHosts: false,
    help: false,
    listRules: false,
    explain: undefined,
    version: false,
  };
  let command: string | undefined;
  let format: string | undefined;
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (onlyPaths || !argument.startsWith('-') || argument === '-') {
      if (command === undefined) command = argument;
      else options.paths.push(argument);
      continue;
    }
    if (argument === '--') {
      onlyPaths = true;
      continue;
    }
    const equals = argument.indexOf('=');
    const name = equals > 0 && argument.startsWith('--') ? argument.slice(0, equals) : argument;
    const inline = equals > 0 && argument.startsWith('--') ? argument.slice(equals + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      i++;
      return next;
    };
    const noValue = () => {
      if (inline !== undefined) throw new UsageError(`${name} takes no value`);
    };
    switch (name) {
      case '--help':
      case '-h':
        noValue();
        options.help = true;
        break;
      case '--version':
        noValue();
        options.version = true;
        break;
      case '--list-rules':
        noValue();
        options.listRules = true;
        break;
      case '--explain': {
        const code = value().trim();
        if (!isDiagnosticCode(code)) throw new UsageError(`unknown check '${code}'; --list-rules lists them`);
        options.explain = code;
        break;
      }
      case '--show-hosts':
        noValue();
        options.showHosts = true;
        break;
      case '--exit-zero':
        noValue();
        options.exitZero = true;
        break;
      case '--quiet':
        noValue();
        options.quiet = true;
        break;
      case '--max-warnings': {
        const text = value();
        const limit = Number(text);
        if (!/^\d+$/.test(text) || !Number.isSafeInteger(limit)) throw new UsageError(`--max-warnings expects a number of warnings (0 or more), not '${text}'`);
        options.maxWarnings = limit;
        break;
      }
      case '--format':
        // Checked once the command is known: check and graph print different formats.
        format = value();
        break;
      case '--host':
        options.graph.host = value();
        break;
      case '--physnet':
        options.graph.physnet = value();
        break;
      case '--group': {
        const group = value();
        if (group !== 'auto' && group !== 'always' && group !== 'never') throw new UsageError(`--group must be auto, always or never, not '${group}'`);
        options.graph.group = group;
        break;
      }
      case '--release': {
        const release = value().trim();
        if (release && !parseRelease(release)) {
          throw new UsageError(`--release: unknown release '${release}'; use a name or version such as zed, antelope or 2024.1`);
        }
        options.release = release;
        break;
      }
      case '--config':
        options.config = value();
        break;
      case '--rule': {
        const spec = value();
        const match = /^([^=]+)=(.*)$/.exec(spec);
        if (!match) throw new UsageError(`--rule expects CODE=SEVERITY, not '${spec}'`);
        const code = match[1].trim();
        const severity = match[2].trim();
        if (!isDiagnosticCode(code)) throw new UsageError(`unknown check '${code}' in --rule; known: ${Object.keys(CODES).join(', ')}`);
        if (!(SEVERITY_SETTINGS as readonly string[]).includes(severity)) {
          throw new UsageError(`--rule ${code}=${severity}: severity must be one of ${SEVERITY_SETTINGS.join(', ')}`);
        }
        options.rules[code] = severity as SeveritySetting;
        break;
      }
      default:
        throw new UsageError(`unknown option '${argument}'`);
    }
  }
  if (options.help || options.version || options.listRules || options.explain !== undefined) return options;
  if (command === undefined) throw new UsageError('missing command: neutron-config check [PATH...]');
  if (command !== 'check' && command !== 'graph') throw new UsageError(`unknown command '${command}'; the commands are 'check' and 'graph'`);
  options.command = command;
  if (format !== undefined) {
    const formats: readonly string[] = command === 'graph' ? GRAPH_FORMATS : OUTPUT_FORMATS;
    if (!formats.includes(format)) throw new UsageError(`--format${command === 'graph' ? ' of graph' : ''} must be one of ${formats.join(', ')}, not '${format}'`);
    if (command === 'graph') options.graph.format = format as GraphFormat;
    else options.format = format as OutputFormat;
  }
  if (command === 'check' && (options.graph.host !== undefined || options.graph.physnet !== undefined)) throw new UsageError('--host and --physnet belong to graph');
  if (options.paths.length === 0) options.paths.push('.');
  return options;
}

/** Later settings win key by key; an empty release or the default size limit does not erase an earlier one. */
export function mergeSettings(base: Settings, override: Settings): Settings {
  return {
    rules: { ...base.rules, ...override.rules },
    fileKinds: { ...base.fileKinds, ...override.fileKinds },
    hosts: { ...base.hosts, ...override.hosts },
    release: override.release || base.release,
    maxFileSizeMB: override.maxFileSizeMB !== DEFAULT_MAX_FILE_SIZE_MB ? override.maxFileSizeMB : base.maxFileSizeMB,
  };
}

async function readSettingsFile(file: string, warn: (message: string) => void): Promise<Settings> {
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? `not valid JSON (${error.message})` : describeIoError(error);
    throw new IoFailure(`cannot read settings file ${file}: ${reason}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new IoFailure(`settings file ${file} must hold a JSON object`);
  const settings = normaliseSettings(raw);
  for (const problem of settingsProblems(raw)) warn(`${file}: ${problem}`);
  const rules = (raw as { rules?: unknown }).rules;
  if (typeof rules === 'object' && rules !== null) {
    for (const [code, severity] of Object.entries(rules)) {
      if (!isDiagnosticCode(code)) warn(`${file}: unknown check '${code}' ignored`);
      else if (!(code in settings.rules)) warn(`${file}: severity ${JSON.stringify(severity)} of '${code}' ignored (use ${SEVERITY_SETTINGS.join(', ')})`);
    }
  }
  return settings;
}

class IoFailure extends Error {}

function describeIoError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file or directory';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  return e?.message ?? String(error);
}

function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  colour: boolean;
  cwd: string;
}

/** Runs the CLI and returns the exit status. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`neutron-config: ${error.message}\nRun 'neutron-config --help' for usage.\n`);
      return EXIT_FAILURE;
    }
    throw error;
  }
  if (options.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (options.version) {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  if (options.listRules) {
    const width = Math.max(...Object.keys(CODES).map((c) => c.length));
    for (const [code, info] of Object.entries(CODES)) io.stdout(`${code.padEnd(width)}  ${info.severity.padEnd(11)}  ${info.summary}\n`);
    return EXIT_OK;
  }
  if (options.explain !== undefined) {
    const info = CODES[options.explain as keyof typeof CODES];
    io.stdout(`${options.explain} (default severity: ${info.severity})\n\n${info.summary}\n\nChange its severity with --rule ${options.explain}=SEVERITY or "rules" in a settings file; silence one finding with a comment # neutron-config: disable=${options.explain} on the line above it.\n`);
    return EXIT_OK;
  }

  const warn = (message: string) => io.stderr(`neutron-config: ${message}\n`);
  let failed = false;
  const fail = (message: string) => {
    failed = true;
    io.stderr(`neutron-config: ${message}\n`);
  };

  try {
    // Roots: each PATH is a workspace folder (a file's folder is its directory).
    const roots: { input: string; absolute: string; folder: string; isFile: boolean }[] = [];
    for (const input of options.paths) {
      const absolute = path.resolve(io.cwd, input);
      let stat;
      try {
        stat = await fs.stat(absolute);
      } catch (error) {
        throw new IoFailure(`cannot read ${input}: ${describeIoError(error)}`);
      }
      const isFile = !stat.isDirectory();
      roots.push({ input, absolute, folder: isFile ? path.dirname(absolute) : absolute, isFile });
    }
    const base = roots[0].folder;

    let shared: Settings = normaliseSettings({});
    if (options.config !== undefined) shared = await readSettingsFile(path.resolve(io.cwd, options.config), warn);
    const flags = normaliseSettings({ rules: options.rules, release: options.release ?? '' });

    const folderSettings = new Map<string, Settings>();
    for (const root of roots) {
      if (folderSettings.has(root.folder)) continue;
      let own = normaliseSettings({});
      const candidate = path.join(root.folder, FOLDER_CONFIG_FILE);
      if (!root.isFile && (await exists(candidate))) own = await readSettingsFile(candidate, warn);
      folderSettings.set(root.folder, mergeSettings(mergeSettings(own, shared), flags));
    }

    const service = new NeutronConfigService({
      onRuleError: (rule, error) => fail(`internal error in the check for ${rule.codes.join(', ')}: ${error instanceof Error ? error.message : String(error)}`),
      modifiedTime: modifiedTimeOnDisk,
    });
    service.setWorkspaceFolders([...folderSettings].map(([folder, settings]) => ({ uri: fileUri(folder), settings })));

    const loaded = new Map<string, string>(); // uri -> absolute path
    // Links are followed only into the trees being checked; a link to nothing
    // (an /etc dump keeps `plugin.ini -> /etc/neutron/...` absolute) or out of
    // them, and a file over the size limit, is one finding on the file.
    const confineTo = roots.filter((root) => !root.isFile).map((root) => fsSync.realpathSync(root.absolute));
    const skipped: [uri: string, reason: SkipReason][] = [];
    const texts: [uri: string, text: string][] = [];
    for (const root of roots) {
      if (root.isFile && !service.isRecognised(fileUri(root.absolute))) {
        warn(`${root.input}: skipped, not a file neutron-config recognises (map it to a kind with "fileKinds" in a settings file)`);
        continue;
      }
      const walk = walkFiles(root.absolute, {
        accept: (file) => service.isRecognised(fileUri(file)),
        onError: (file, error) => fail(`cannot read ${file}: ${describeIoError(error)}`),
        confineTo,
        onSkip: (file, skip, isDirectory) => {
          if (isDirectory) warn(`${toPosix(path.relative(io.cwd, file))}: a link to ${skip.target}, outside the folders checked: not followed`);
          else {
            skipped.push([fileUri(file), skip]);
            loaded.set(fileUri(file), file);
          }
        },
        synchronous: true,
      });
      const maxBytes = maxFileBytes(folderSettings.get(root.folder)!);
      // Blocking reads: nothing else waits on this process, and on a local disk
      // they cost a fraction of a thread-pool round trip each.
      for await (const read of readTextFiles(walk, { synchronous: true, maxBytes })) {
        const uri = fileUri(read.path);
        if (loaded.has(uri)) continue;
        if (read.error) {
          fail(`cannot read ${read.path}: ${describeIoError(read.error)}`);
          continue;
        }
        loaded.set(uri, read.path);
        if (read.tooLarge) skipped.push([uri, { reason: 'file-too-large', bytes: read.tooLarge.bytes, limitBytes: maxBytes }]);
        else texts.push([uri, read.text]);
      }
    }
    // One bulk load: what to re-check is worked out once, not per file.
    service.setFiles(texts);
    for (const [uri, reason] of skipped) service.skipFile(uri, reason);

    if (options.command === 'graph') {
      if (loaded.size === 0 && !failed) {
        io.stderr(`neutron-config: no recognised files under ${options.paths.join(', ')}\n`);
        return EXIT_FAILURE;
      }
      const graph = service.getTopology({ host: options.graph.host, physnet: options.graph.physnet, group: options.graph.group });
      io.stdout(await formatGraph(graph, options.graph.format));
      return failed ? EXIT_FAILURE : EXIT_OK;
    }

    const result: CheckResult = { files: [], diagnostics: [] };
    for (const [uri, file] of loaded) {
      const relative = toPosix(path.relative(base, file));
      // A skipped file was not checked, so it is not listed among the files; its one finding says why.
      if (!service.isSkipped(uri)) {
        const info = service.describeFile(uri);
        result.files.push({ path: relative, kind: info?.kind ?? 'unknown', host: info?.host ?? '' });
      }
      for (const diagnostic of service.getDiagnostics(uri)) result.diagnostics.push(toFinding(relative, diagnostic));
    }
    if (loaded.size === 0 && !failed) {
      // Nothing checked is no success: a CI job pointed at the wrong folder must fail.
      io.stderr(`neutron-config: no recognised files under ${options.paths.join(', ')} (ml2_conf.ini, plugin.ini, openvswitch_agent.ini, l3_agent.ini, ifcfg-*, or what neutronConfig fileKinds maps)\n`);
      return EXIT_FAILURE;
    }

    if (options.quiet) result.diagnostics = result.diagnostics.filter((d) => d.severity === 'error');
    switch (options.format) {
      case 'github':
        io.stdout(formatGithub(result));
        io.stderr(`${summaryLine(result)}\n`);
        break;
      case 'json':
        io.stdout(formatJson(result));
        break;
      case 'sarif':
        io.stdout(formatSarif(result, { version: VERSION, rules: CODES }));
        break;
      default:
        if (options.showHosts) io.stdout(formatHosts(result));
        io.stdout(formatText(result, { colour: io.colour }));
        io.stderr(`${summaryLine(result)}\n`);
    }
    if (failed) return EXIT_FAILURE;
    const errors = result.diagnostics.some((d: Finding) => d.severity === 'error');
    const warnings = result.diagnostics.filter((d: Finding) => d.severity === 'warning').length;
    if (options.maxWarnings !== undefined && warnings > options.maxWarnings && !options.exitZero) {
      io.stderr(`neutron-config: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
      return EXIT_FINDINGS;
    }
    return errors && !options.exitZero ? EXIT_FINDINGS : EXIT_OK;
  } catch (error) {
    if (error instanceof IoFailure) {
      io.stderr(`neutron-config: ${error.message}\n`);
      return EXIT_FAILURE;
    }
    io.stderr(`neutron-config: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_FAILURE;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

function useColour(): boolean {
  const noColour = process.env.NO_COLOR;
  return process.stdout.isTTY === true && (noColour === undefined || noColour === '');
}

if (require.main === module) {
  // A closed pipe (`neutron-config check | head`) ends the program quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    colour: useColour(),
    cwd: process.cwd(),
  }).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      process.stderr.write(`neutron-config: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT_FAILURE;
    },
  );
}

/** When a file last changed on disk; asked only for the few files observed-state findings compare with their captures. */
function modifiedTimeOnDisk(uri: string): number | undefined {
  try {
    return fsSync.statSync(new URL(uri)).mtimeMs;
  } catch {
    return undefined;
  }
}

async function formatGraph(graph: TopologyGraph, format: GraphFormat): Promise<string> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(graph, null, 2)}\n`;
    case 'mermaid':
      return toMermaid(graph);
    case 'svg':
      return loadRenderer().renderSvg(toDot(graph));
    default:
      return toDot(graph);
  }
}
