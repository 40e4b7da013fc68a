/**
 * The terminal and CI face: reads the files under each PATH, hands them to
 * one NeutronConfigService and prints what it finds.
 *
 * Exit status: 0 no error-severity finding, 1 errors found, 2 usage or I/O failure.
 */
import * as fsSync from 'fs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { isMainThread } from 'worker_threads';
import { NeutronConfigService } from './core/service';
import { CODES } from './core/rules/codes';
import { DEFAULT_SETTINGS, Settings, mergeSettings, normaliseSettings } from './core/settings';
import { parseSettingsFile, type SettingsFile } from './core/settingsFile';
import { CliOptions, FOLDER_CONFIG_FILE, GraphFormat, HELP, UsageError, parseArguments } from './cliArguments';
import { CheckResult, Finding, formatGithub, formatHosts, formatJson, formatSarif, formatText, summaryLine, toFinding } from './cliFormat';
import { isPathInside, readTextFiles, relativePosixPath, walkFiles } from './fsWalk';
import type { TopologyGraph } from './core/topology/graph';
import { toDot, toMermaid } from './core/topology/formats';
import { loadRenderer } from './render/loadRenderer';
import { maxFileBytes, type SkipReason } from './core/workspace/skippedFiles';
import { fileUri, uriToFsPath } from './uris';
import { CODES_DOC_URI, HOMEPAGE, VERSION } from './version';
import { WalkExcludes } from './walkExcludes';
import { serviceOnDisk } from './diskFacts';
import { RunTiming } from './cliTiming';
import { CheckThread, SHARED_CHECK_MIN_FILES, checkShared, shareOut, threadsFor, type CheckedFile } from './cliThreads';

export { FOLDER_CONFIG_FILE, parseArguments } from './cliArguments';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILURE = 2;

async function readSettingsFile(file: string, warn: (message: string) => void): Promise<SettingsFile> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new IoFailure(`cannot read settings file ${file}: ${describeIoError(error)}`);
  }
  const read = parseSettingsFile(text);
  if ('error' in read) throw new IoFailure(`cannot read settings file ${file}: ${read.error}`);
  for (const problem of read.problems) warn(`${file}: ${problem}`);
  return read;
}

class IoFailure extends Error {}

function describeIoError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file or directory';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  return e?.message ?? String(error);
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  colour: boolean;
  cwd: string;
  /** The whole of stdin, for the PATH '-'. */
  readStdin?: () => Promise<string>;
}

/** What one PATH asks for: a directory checked whole, a file checked within its deployment, or stdin standing for a file. */
interface Target {
  input: string;
  absolute: string;
  isFile: boolean;
  /** The folder read for it: the directory itself, or the deployment a file belongs to. */
  folder: string;
  /** For '-': the text that stands for `absolute`. */
  stdinText?: string;
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
    io.stdout(`${options.explain} (default severity: ${info.severity})\n\n${info.summary}\n\nChange its severity with --rule ${options.explain}=SEVERITY or "rules" in a settings file; silence one finding with a comment # neutron-config: disable=${options.explain} on the line above it.\n\nAn example, and the quick fixes: ${CODES_DOC_URI}#${options.explain}\n`);
    return EXIT_OK;
  }

  const warn = (message: string) => io.stderr(`neutron-config: ${message}\n`);
  let failed = false;
  const fail = (message: string) => {
    failed = true;
    io.stderr(`neutron-config: ${message}\n`);
  };

  let checkThreads: CheckThread[] = [];
  const timing = options.timing ? new RunTiming() : undefined;
  try {
    const base = path.resolve(io.cwd, options.root ?? '.');
    if (options.root !== undefined && !(await isDirectory(base))) throw new IoFailure(`--root ${options.root}: not a directory`);
    const shared = options.config !== undefined ? await readSettingsFile(path.resolve(io.cwd, options.config), warn) : { settings: normaliseSettings({}), exclude: [] };
    const flags = normaliseSettings({ rules: options.rules, release: options.release ?? '' });
    const settingsOf = async (folder: string): Promise<SettingsFile> => {
      const candidate = path.join(folder, FOLDER_CONFIG_FILE);
      const own = (await exists(candidate)) ? await readSettingsFile(candidate, warn) : { settings: normaliseSettings({}), exclude: [] };
      return { settings: mergeSettings(mergeSettings(own.settings, shared.settings), flags), exclude: [...own.exclude, ...shared.exclude] };
    };

    if (options.printConfig !== undefined) {
      const [target] = await resolveTargets([options.printConfig], options, io, base);
      const { settings, exclude } = await settingsOf(target.folder);
      io.stdout(`${JSON.stringify({ folder: target.folder, configFile: (await exists(path.join(target.folder, FOLDER_CONFIG_FILE))) ? path.join(target.folder, FOLDER_CONFIG_FILE) : null, ...settings, exclude: [...exclude, ...options.exclude], gitignore: options.gitignore }, null, 2)}\n`);
      return EXIT_OK;
    }

    const targets = await resolveTargets(options.paths, options, io, base);
    // A folder inside another one is read with it, once.
    const folders = [...new Set(targets.map((t) => t.folder))].sort();
    const outermost = folders.filter((folder) => !folders.some((other) => other !== folder && isPathInside(folder, other)));
    const folderSettings = new Map<string, Settings>();
    const excludes = new WalkExcludes({ gitignore: options.gitignore });
    excludes.add(base, options.exclude);
    for (const folder of outermost) {
      const { settings, exclude } = await settingsOf(folder);
      folderSettings.set(folder, settings);
      excludes.add(folder, exclude);
    }

    const workspaceFolders = [...folderSettings].map(([folder, settings]) => ({ uri: fileUri(folder), settings }));
    const newService = () => serviceOnDisk(workspaceFolders, fail, timing?.ruleTimed);
    const service = newService();
    // Started as soon as the walk has found enough files (at once with --jobs), so that their
    // start-up overlaps the rest of the walk and the reading (see cliThreads.ts).
    const threads = options.command === 'check' && targets.every((t) => !t.isFile) ? threadsFor(options.jobs) : 1;
    const startThreads = () => {
      if (checkThreads.length === 0) checkThreads = Array.from({ length: threads - 1 }, () => new CheckThread());
    };
    if (options.jobs !== undefined) startThreads();
    let found = 0;

    const loaded = new Map<string, string>(); // uri -> absolute path
    // Links are followed only into the trees being checked; a link to nothing
    // (an /etc dump keeps `plugin.ini -> /etc/neutron/...` absolute) or out of
    // them, and a file over the size limit, is one finding on the file.
    const confineTo = outermost.map((folder) => fsSync.realpathSync(folder));
    const skipped: [uri: string, reason: SkipReason][] = [];
    const texts = new Map<string, string>();
    for (const folder of outermost) {
      const walk = walkFiles(folder, {
        accept: (file) => {
          const wanted = service.isRecognised(fileUri(file));
          if (wanted && ++found === SHARED_CHECK_MIN_FILES) startThreads();
          return wanted;
        },
        onError: (file, error) => fail(`cannot read ${file}: ${describeIoError(error)}`),
        confineTo,
        excludes,
        onSkip: (file, skip, isDirectory) => {
          if (isDirectory) warn(`${relativePosixPath(base, file)}: a link to ${skip.target}, outside the folders checked: not followed`);
          else {
            skipped.push([fileUri(file), skip]);
            loaded.set(fileUri(file), file);
          }
        },
        synchronous: true,
      });
      const maxBytes = maxFileBytes(folderSettings.get(folder)!);
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
        else texts.set(uri, read.text);
      }
    }
    // A named file the walk left out (excluded, ignored by git) is still checked: it was asked for.
    const reported = new Set<string>();
    const named = new Set<string>();
    for (const target of targets.filter((t) => t.isFile)) {
      const uri = fileUri(target.absolute);
      if (!service.isRecognised(uri)) {
        warn(`${target.input}: skipped, not a file neutron-config recognises (map it to a kind with "fileKinds" in a settings file)`);
        continue;
      }
      reported.add(uri);
      named.add(uri);
      if (target.stdinText !== undefined) {
        texts.set(uri, target.stdinText);
        loaded.set(uri, target.absolute);
      } else if (!loaded.has(uri)) {
        const folder = outermost.find((f) => isPathInside(target.absolute, f));
        const maxBytes = maxFileBytes(folder ? folderSettings.get(folder)! : DEFAULT_SETTINGS);
        for await (const one of readTextFiles([target.absolute], { synchronous: true, maxBytes })) {
          if (one.error) fail(`cannot read ${target.input}: ${describeIoError(one.error)}`);
          else if (one.tooLarge) skipped.push([uri, { reason: 'file-too-large', bytes: one.tooLarge.bytes, limitBytes: maxBytes }]);
          else texts.set(uri, one.text);
          loaded.set(uri, target.absolute);
        }
      }
    }
    timing?.ended('walk and read');
    const directories = targets.filter((t) => !t.isFile).map((t) => t.absolute);
    for (const [uri, file] of loaded) if (directories.some((dir) => isPathInside(file, dir))) reported.add(uri);
    const load = (into: NeutronConfigService, entries: Iterable<[string, string]>) => {
      // One bulk load: what to re-check is worked out once, not per file.
      into.setFiles(entries);
      for (const [uri, reason] of skipped) into.skipFile(uri, reason);
    };
    const plan = checkThreads.length > 0 ? shareOut(service, [...texts.keys()], threads) : undefined;
    // Files a check thread checked: their kind, host and diagnostics.
    let checkedElsewhere = new Map<string, CheckedFile>();
    if (!plan) load(service, texts);
    else {
      checkedElsewhere = await checkShared(plan, checkThreads, {
        folders: workspaceFolders,
        texts,
        main: service,
        mainChecks: reported,
        load,
        whole: () => {
          const whole = newService();
          load(whole, texts);
          return whole;
        },
        warn,
        fail,
      });
    }

    timing?.ended('parse and index');
    const printTiming = async () => {
      if (timing) io.stderr(await timing.report({ files: loaded.size, threads: Math.max(1, checkThreads.length + 1) }));
    };

    if (reported.size === 0 && !failed) {
      // Nothing checked is no success: a CI job pointed at the wrong folder must fail.
      io.stderr(`neutron-config: no recognised files under ${options.paths.join(', ')} (ml2_conf.ini, plugin.ini, openvswitch_agent.ini, l3_agent.ini, ifcfg-*, or what neutronConfig fileKinds maps)\n`);
      return EXIT_FAILURE;
    }
    const write = async (text: string) => {
      if (options.outputFile === undefined) io.stdout(text);
      else await writeReport(path.resolve(io.cwd, options.outputFile), text);
    };

    if (options.command === 'graph') {
      const graph = service.getTopology({ host: options.graph.host, physnet: options.graph.physnet, group: options.graph.group });
      await write(await formatGraph(graph, options.graph.format));
      timing?.ended('report');
      await printTiming();
      return failed ? EXIT_FAILURE : EXIT_OK;
    }

    const relativeToBase = (uri: string): string | undefined => {
      const file = uriToFsPath(uri);
      return file === undefined ? undefined : relativePosixPath(base, file);
    };
    const result: CheckResult = { files: [], diagnostics: [] };
    const textByPath = new Map<string, string>();
    for (const [uri, file] of loaded) {
      if (!reported.has(uri)) continue;
      const relative = relativePosixPath(base, file);
      const text = texts.get(uri);
      if (text !== undefined) textByPath.set(relative, text);
      // A skipped file was not checked, so it is not listed among the files; its one finding says why.
      const elsewhere = checkedElsewhere.get(uri);
      if (!service.isSkipped(uri)) {
        const info = elsewhere ? elsewhere.info : service.describeFile(uri);
        // A file whose name only may say what it is (a YAML file without the variables read) is listed only when asked for by name.
        if (info || named.has(uri)) result.files.push({ path: relative, kind: info?.kind ?? 'unknown', host: info?.host ?? '' });
      }
      for (const diagnostic of elsewhere?.diagnostics ?? service.getDiagnostics(uri)) result.diagnostics.push(toFinding(relative, diagnostic, relativeToBase));
    }

    timing?.ended('rules');
    if (options.quiet) result.diagnostics = result.diagnostics.filter((d) => d.severity === 'error');
    switch (options.format) {
      case 'github':
        await write(formatGithub(result));
        io.stderr(`${summaryLine(result)}\n`);
        break;
      case 'json':
        await write(formatJson(result));
        break;
      case 'sarif':
        await write(formatSarif(result, { version: VERSION, rules: CODES, informationUri: HOMEPAGE, codesUri: CODES_DOC_URI, sourceRoot: fileUri(base).replace(/\/?$/, '/'), lineOf: (file, line) => lineAt(textByPath.get(file), line) }));
        break;
      default:
        await write((options.showHosts ? formatHosts(result) : '') + formatText(result, { colour: io.colour && options.outputFile === undefined }));
        io.stderr(`${summaryLine(result)}\n`);
    }
    timing?.ended('report');
    await printTiming();
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
  } finally {
    timing?.stop();
    for (const thread of checkThreads) thread.close();
  }
}

/** Each PATH as a target: '-' is stdin standing for --stdin-filename; a file is read within its deployment's folder. */
async function resolveTargets(inputs: readonly string[], options: CliOptions, io: CliIo, base: string): Promise<Target[]> {
  const targets: Target[] = [];
  for (const input of inputs) {
    if (input === '-') {
      const absolute = path.resolve(io.cwd, options.stdinFilename!);
      if (!io.readStdin) throw new IoFailure('cannot read stdin here');
      targets.push({ input: options.stdinFilename!, absolute, isFile: true, folder: await deploymentFolderOf(absolute, base, options.root !== undefined), stdinText: await io.readStdin() });
      continue;
    }
    const absolute = path.resolve(io.cwd, input);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch (error) {
      throw new IoFailure(`cannot read ${input}: ${describeIoError(error)}`);
    }
    const isFile = !stat.isDirectory();
    targets.push({ input, absolute, isFile, folder: isFile ? await deploymentFolderOf(absolute, base, options.root !== undefined) : absolute });
  }
  return targets;
}

/**
 * The folder a single file is checked in, so that the checks across files
 * and hosts still see its deployment: the nearest folder above it that holds
 * `.git` or a settings file (no higher than --root, when given); when there
 * is none, the base directory (--root, or the current one) if the file is
 * inside it, else the file's own directory.
 */
async function deploymentFolderOf(file: string, base: string, rootGiven: boolean): Promise<string> {
  const own = path.dirname(file);
  const inside = isPathInside(file, base);
  for (let dir = own; ; dir = path.dirname(dir)) {
    if ((await exists(path.join(dir, '.git'))) || (await exists(path.join(dir, FOLDER_CONFIG_FILE)))) return dir;
    if ((rootGiven && inside && dir === base) || path.dirname(dir) === dir) break;
  }
  return inside ? base : own;
}

/** Line `line` (0-based) of a text, without its line end. */
function lineAt(text: string | undefined, line: number): string | undefined {
  if (text === undefined) return undefined;
  let start = 0;
  for (let i = 0; i < line; i++) {
    start = text.indexOf('\n', start) + 1;
    if (start === 0) return undefined;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? undefined : end).replace(/\r$/, '');
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await fs.stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

/** Writes the report whole, through a temporary file, so a reader never sees half of it. */
async function writeReport(file: string, text: string): Promise<void> {
  const partial = `${file}.partial-${process.pid}`;
  try {
    await fs.writeFile(partial, text);
    await fs.rename(partial, file);
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw new IoFailure(`cannot write ${file}: ${describeIoError(error)}`);
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

// In a check thread the bundle is loaded again: only cliThreads.ts's worker side runs there.
if (require.main === module && isMainThread) {
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
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
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
