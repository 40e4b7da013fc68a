/**
 * The command line of neutron-config: what each option means (HELP) and the
 * parsed options. Nothing here reads a file.
 */
import { parseRelease } from './core/catalog/releases';
import { CODES, isDiagnosticCode } from './core/rules/codes';
import { SETTINGS_FILE_NAME, SEVERITY_SETTINGS, SeveritySetting } from './core/settings';
import { GROUP_THRESHOLD } from './core/topology/graph';
import { OUTPUT_FORMATS, OutputFormat } from './cliFormat';

/** The settings file read from the folder a check runs in (a PATH that is a directory, or the deployment a file PATH belongs to). */
export const FOLDER_CONFIG_FILE = SETTINGS_FILE_NAME;

export const HELP = `Usage: neutron-config check [PATH...] [options]
       neutron-config check --stdin-filename NAME -  < text
       neutron-config graph [PATH...] [--format dot|mermaid|svg|json] [--host GLOB] [--physnet NAME] [--group auto|always|never]

Checks OpenStack Neutron provider-network configuration (ML2, Open vSwitch
agent, L3 agent, ifcfg network-scripts) across the files and hosts under each
PATH (default: the current directory). A file PATH is checked with the rest of
its deployment (the tree up to the nearest folder holding .git or
${FOLDER_CONFIG_FILE}, or --root) and only its own findings are printed,
as a pre-commit hook wants. '-' reads one file's text from stdin, checked as
the file --stdin-filename names.

Options:
  --format FORMAT           text (default), json, sarif, or github (GitHub
                            Actions annotations)
  --release NAME            OpenStack release the deployment runs (zed, 2024.1, ...)
  --rule CODE=SEVERITY      change a check's severity: error, warning,
                            information, hint or off (repeatable)
  --config FILE             JSON settings file: {"rules", "fileKinds", "hosts",
                            "release", "maxFileSizeMB", "exclude"}
  --root DIR                paths are printed relative to DIR (default: the
                            current directory), and a file PATH's deployment
                            is looked for no higher than DIR
  --exclude PATTERN         leave out files and folders matching PATTERN
                            (gitignore syntax, relative to --root; repeatable)
  --no-gitignore            also check what .gitignore files leave out
  -o, --output-file FILE    write the report to FILE instead of stdout
  --stdin-filename NAME     the file that the text on stdin ('-') stands for
  --print-config PATH       print the settings that apply to PATH, and exit
  --show-hosts              list each file with the kind and host it was given
  --timing                  after the report, print to stderr where the time
                            went: each phase, garbage collection, and the
                            slowest rules
  --quiet                   report errors only
  --jobs N                  threads that check the files (default: one per
                            CPU, up to 4, for 20,000 files or more, else 1)
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

Settings are merged in this order, later wins: ${FOLDER_CONFIG_FILE} in the
folder checked, then --config, then --release and --rule.

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
  /** Base of printed paths, and the highest folder a file PATH's deployment is looked for in; default: the current directory. */
  root: string | undefined;
  exclude: string[];
  gitignore: boolean;
  outputFile: string | undefined;
  stdinFilename: string | undefined;
  printConfig: string | undefined;
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
  /** Print where the time of the run went to stderr (cliTiming.ts). */
  timing: boolean;
  /** Threads that check the files; undefined: chosen from the CPUs and the workspace's size. */
  jobs: number | undefined;
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
    root: undefined,
    exclude: [],
    gitignore: true,
    outputFile: undefined,
    stdinFilename: undefined,
    printConfig: undefined,
    graph: { format: 'dot', host: undefined, physnet: undefined, group: 'auto' },
    format: 'text',
    release: undefined,
    rules: {},
    config: undefined,
    exitZero: false,
    quiet: false,
    maxWarnings: undefined,
    showHosts: false,
    timing: false,
    jobs: undefined,
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
      case '--root':
        options.root = value();
        break;
      case '--exclude':
        options.exclude.push(value());
        break;
      case '--no-gitignore':
        noValue();
        options.gitignore = false;
        break;
      case '-o':
      case '--output-file':
        options.outputFile = value();
        break;
      case '--stdin-filename':
        options.stdinFilename = value();
        break;
      case '--print-config':
        options.printConfig = value();
        break;
      case '--show-hosts':
        noValue();
        options.showHosts = true;
        break;
      case '--timing':
        noValue();
        options.timing = true;
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
      case '--jobs': {
        const text = value();
        const jobs = Number(text);
        if (!/^\d+$/.test(text) || !Number.isSafeInteger(jobs) || jobs < 1) throw new UsageError(`--jobs expects a number of threads (1 or more), not '${text}'`);
        options.jobs = jobs;
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
  if (command === undefined && options.printConfig !== undefined) command = 'check';
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
  const stdinPaths = options.paths.filter((p) => p === '-').length;
  if (stdinPaths > 1) throw new UsageError("'-' (stdin) may be given once");
  if (stdinPaths === 1 && options.stdinFilename === undefined) throw new UsageError("'-' reads stdin: name the file it stands for with --stdin-filename");
  if (stdinPaths === 0 && options.stdinFilename !== undefined) throw new UsageError("--stdin-filename names the file '-' (stdin) stands for: give '-' as a PATH");
  if (options.paths.length === 0 && options.printConfig === undefined) options.paths.push('.');
  return options;
}

