import type { CodeAction, WorkspaceEdit } from 'vscode-languageserver-types';
import { ovsAgentFactsOf, type IfcfgFacts } from '../workspace/facts';
import { isBootIfcfgName } from '../workspace/fileKinds';
import type { IndexedFile } from '../workspace/model';
import type { HostView } from '../workspace/views';
import { bridgeData, replaceNameActions } from './bridgeNames';
import { quickFix } from './edits';
import type { FixContext } from './fix';

/** Linux interface names (and so OVS bridges, whose internal port shares the name) hold at most 15 characters. */
const MAX_DEVICE_NAME = 15;
/** Names safe both as a file name and as an unquoted ifcfg value. */
const PLAIN_NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * bridge-undefined: replace the name with a nearby bridge of the host, or
 * create the missing bridge as an ifcfg file beside the host's others (the
 * OVS bridge layout of the Red Hat flat-provider-network procedure).
 */
export function bridgeUndefinedFix({ file, diagnostic, host, fileExists }: FixContext): CodeAction[] {
  const data = bridgeData(diagnostic);
  if (!data || !ovsAgentFactsOf(file.facts)) return [];
  const actions = replaceNameActions(file, diagnostic, data.bridge, data.suggestions);
  const create = createBridgeFileEdit(host, data.bridge, fileExists);
  if (create) {
    actions.push(quickFix(`Create ${create.name} for OVS bridge "${data.bridge}" on host "${host.host.name}"`, diagnostic, create.edit));
  }
  return actions;
}

/** The WorkspaceEdit creating `ifcfg-<bridge>` in the directory of the host's first ifcfg file, or undefined when that is not sensible. */
export function createBridgeFileEdit(
  host: HostView,
  bridge: string,
  exists: (uri: string) => boolean,
): { name: string; uri: string; edit: WorkspaceEdit } | undefined {
  const name = `ifcfg-${bridge}`;
  if (!PLAIN_NAME.test(bridge) || bridge.length > MAX_DEVICE_NAME || !isBootIfcfgName(name)) return undefined;
  const neighbour: IndexedFile | undefined = host.ifcfgFiles[0];
  if (!neighbour) return undefined;
  // A file already describing the device (as something else): creating a second one would only confuse ifup.
  if (host.ifcfgFiles.some((f) => f.renderedName === name || (f.facts as IfcfgFacts).device === bridge)) return undefined;
  const uri = `${neighbour.uri.slice(0, neighbour.uri.lastIndexOf('/') + 1)}${name}`;
  if (exists(uri)) return undefined;
  // Always LF, whatever the neighbours use: bash keeps a CR as part of each value.
  const text = [`DEVICE=${bridge}`, 'TYPE=OVSBridge', 'DEVICETYPE=ovs', 'ONBOOT=yes', 'NM_CONTROLLED=no', 'BOOTPROTO=none', ''].join('\n');
  const edit: WorkspaceEdit = {
    documentChanges: [
      // Never onto an existing file: had one appeared since, the client refuses the whole edit rather than prepend to it.
      { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } },
      { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
    ],
  };
  return { name, uri, edit };
}
