import type { CodeLens, Command, Location, Position, Range } from 'vscode-languageserver-types';
import { ovsAgentFactsOf, type IfcfgFacts } from '../workspace/facts';
import type { Host, IndexedFile } from '../workspace/model';
import { toLocations } from './definition';
import type { FeatureContext } from './featureContext';
import {
  agentHosts,
  deviceOccurrences,
  deviceOccurrencesIn,
  hostFiles,
  hostMaps,
  isBridgeFile,
  physnetOccurrences,
  physnetOccurrencesIn,
  physnetScopeFiles,
} from './nameOccurrences';
import { compareText } from '../text/compare';

/**
 * VS Code's command for showing a set of locations in a peek view; Zed follows
 * the same convention, other clients may ignore it. Arguments: the document
 * URI, the position to show them at, and the locations, as LSP JSON. VS Code
 * itself wants `vscode.Uri`/`Position`/`Location` objects there, so its client
 * has to convert the arguments (a code lens middleware or a wrapper command).
 */
export const SHOW_REFERENCES_COMMAND = 'editor.action.showReferences';

export interface CodeLensOptions {
  /** Command a lens runs with `[uri, position, locations]`; default `editor.action.showReferences`. */
  showReferencesCommand?: string;
  /**
   * Command that opens the topology picture, run with `[{host}]`; when set, a
   * lens over each `bridge_mappings` shows the wiring of its host. Only clients
   * that have such a command say so (VS Code's client: neutronConfig.showTopology).
   */
  topologyCommand?: string;
}

/**
 * Lenses that count across files and hosts:
 * - over each `bridge_mappings` entry and each physnet an ML2 config declares:
 *   how many hosts with an Open vSwitch agent map the physnet, and which do not;
 * - over the DEVICE line of an OVS bridge's ifcfg file (or its first line): the
 *   physnets mapped to it and its ports.
 * A click shows the references. Clients with a topology picture also get one
 * over the `bridge_mappings` key that opens the picture on that host.
 */
export function codeLenses(context: FeatureContext, options: CodeLensOptions = {}): CodeLens[] {
  const command = options.showReferencesCommand ?? SHOW_REFERENCES_COMMAND;
  const file = context.file;
  const lenses: CodeLens[] = [];
  const lens = (range: Range, title: string, at: Position, locations: Location[]): void => {
    const run: Command = locations.length ? { title, command, arguments: [file.uri, at, locations] } : { title, command: '' };
    lenses.push({ range, command: run });
  };

  const mappings = options.topologyCommand ? ovsAgentFactsOf(file.facts)?.bridgeMappings : undefined;
  if (mappings && options.topologyCommand) {
    const command: Command = { title: `Show the wiring of ${file.host.name}`, command: options.topologyCommand, arguments: [{ host: file.host.name }] };
    lenses.push({ range: mappings.option.name.range, command });
  }
  if (file.kind === 'ovs-agent' || file.kind === 'ml2') {
    const scope = physnetScopeFiles(context.index, file.host);
    const seen = new Set<string>();
    for (const o of physnetOccurrencesIn(file)) {
      const onMapping = o.site === 'bridge_mappings';
      if (!onMapping && (!o.declaration || seen.has(o.name))) continue;
      seen.add(o.name);
      const range = onMapping ? mappingEntryRange(file, o.start) ?? o.range : o.range;
      lens(range, `${o.name}: ${physnetSummary(scope, o.name)}`, o.range.start, toLocations(physnetOccurrences(scope, o.name)));
    }
  } else if (file.facts.kind === 'ifcfg' && isBridgeFile(file.facts)) {
    const declaration = deviceOccurrencesIn(file).find((o) => o.declaration);
    if (declaration) {
      const files = hostFiles(file.host);
      const uses = deviceOccurrences(files, 'bridge', declaration.name).filter((o) => !o.declaration);
      const range = file.facts.deviceAssignment?.range ?? declaration.range;
      lens(range, bridgeSummary(files, declaration.name), declaration.range.start, toLocations(uses));
    }
  }
  return lenses;
}

/** The whole `physnet:bridge` entry whose physnet starts at `start`. */
function mappingEntryRange(file: IndexedFile, start: number): Range | undefined {
  return ovsAgentFactsOf(file.facts)?.bridgeMappings?.mappings.find((m) => m.physnet.start === start)?.entry.range;
}

const LISTED = 3;

function names(list: string[]): string {
  return list.length > LISTED ? `${list.slice(0, LISTED).join(', ')} and ${list.length - LISTED} more` : list.join(', ');
}

/** `mapped on 3 of 4 hosts · missing on compute-2`, counting the hosts that have an Open vSwitch agent config. */
export function physnetSummary(scope: IndexedFile[], physnet: string): string {
  const hosts = [...agentHosts(scope)].sort(([a], [b]) => compareText(a.name, b.name));
  if (hosts.length === 0) return 'no Open vSwitch agent config in this deployment';
  const missing: Host[] = hosts.filter(([, files]) => !hostMaps(files, physnet)).map(([host]) => host);
  const mapped = hosts.length - missing.length;
  const title = `mapped on ${mapped} of ${hosts.length} host${hosts.length === 1 ? '' : 's'}`;
  return missing.length ? `${title} · missing on ${names(missing.map((h) => h.name))}` : title;
}

/** `used by physnet1 in bridge_mappings · ports: eth1`. */
export function bridgeSummary(hostFileList: IndexedFile[], bridge: string): string {
  const physnets: string[] = [];
  const ports: string[] = [];
  for (const f of hostFileList) {
    const agent = ovsAgentFactsOf(f.facts);
    if (agent) {
      for (const m of agent.bridgeMappings?.mappings ?? []) if (m.bridge.text === bridge && !physnets.includes(m.physnet.text)) physnets.push(m.physnet.text);
    } else if (f.facts.kind === 'ifcfg' && (f.facts as IfcfgFacts).ovsBridge?.value.text === bridge) {
      ports.push(f.facts.device);
    }
  }
  const use = physnets.length ? `used by ${names(physnets)} in bridge_mappings` : 'not used in bridge_mappings';
  const port = ports.length ? `port${ports.length === 1 ? '' : 's'}: ${names(ports)}` : 'no port';
  return `${use} · ${port}`;
}
