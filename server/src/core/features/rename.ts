import type { Position, Range, RenameFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { isTemplated } from '../syntax/templates';
import { isBootIfcfgName } from '../workspace/fileKinds';
import type { IndexedFile } from '../workspace/model';
import { basename } from '../workspace/paths';
import type { FeatureContext } from './featureContext';
import {
  deviceOccurrences,
  physnetOccurrences,
  reservedBridgeNames,
  siblingUri,
  symbolAt,
  unplacedPhysnetUses,
  unwrittenKollaPhysnets,
  type NamedSymbol,
} from './nameOccurrences';

/**
 * Rename of physnets (across the deployment) and bridges (across the host,
 * their ifcfg file renamed along).
 *
 * Error convention: a rename that makes no sense at the cursor, or a new name
 * that is invalid or collides, makes `prepareRename` / `rename` throw a
 * `RenameRefusedError`. It carries `code` -32803 (LSP `RequestFailed`) and a
 * message written for the user, so the LSP face answers the request with
 * `new ResponseError(error.code, error.message)` and editors show the message.
 * `prepareRename` returns null (no message) only where there is nothing at all
 * under the cursor: white space, a comment, an empty list element.
 */

/** LSPErrorCodes.RequestFailed: the request was valid but could not be carried out. */
export const RENAME_REFUSED_CODE = -32803;

export class RenameRefusedError extends Error {
  readonly code = RENAME_REFUSED_CODE;

  constructor(message: string) {
    super(message);
    this.name = 'RenameRefusedError';
  }
}

export function isRenameRefusedError(error: unknown): error is RenameRefusedError {
  return error instanceof RenameRefusedError || (error instanceof Error && error.name === 'RenameRefusedError');
}

export interface RenameOptions {
  /**
   * Whether the client applies file renames in a WorkspaceEdit (`resourceOperations`
   * includes `rename`). Without it the bridge file keeps its name and gets
   * (or keeps) a DEVICE line with the new name. Default true.
   */
  fileRenames?: boolean;
}

export interface PrepareRenameResult {
  range: Range;
  placeholder: string;
}

/** The range and current text of the name to rename, or null when nothing is under the cursor. Throws RenameRefusedError. */
export function prepareRename(context: FeatureContext, position: Position): PrepareRenameResult | null {
  const symbol = renameTarget(context, position);
  return symbol ? { range: symbol.at.range, placeholder: symbol.name } : null;
}

/** Every edit renaming the name under the cursor to `newName`, files included. Throws RenameRefusedError. */
export function rename(context: FeatureContext, position: Position, newName: string, options: RenameOptions = {}): WorkspaceEdit {
  const symbol = renameTarget(context, position);
  if (!symbol) throw new RenameRefusedError('There is no physnet or bridge name here to rename.');
  if (newName === symbol.name) return { documentChanges: [] };
  if (symbol.kind === 'physnet') {
    validatePhysnetName(newName, symbol);
    const unplaced = unplacedPhysnetUses(symbol.scope, symbol.name);
    if (unplaced.length) {
      throw new RenameRefusedError(
        `"${symbol.name}" is also the physical_network of a [pci] device_spec in ${unplaced.map((f) => f.relativePath).join(', ')} whose value could not be placed exactly (written across lines or with escapes); rename it there by hand first, or write the pair on one line.`,
      );
    }
    const kollaDefaults = unwrittenKollaPhysnets(symbol.scope, symbol.name);
    if (kollaDefaults.length) {
      throw new RenameRefusedError(
        `"${symbol.name}" is the name kolla-ansible gives a bridge of neutron_bridge_name in ${kollaDefaults.map((f) => f.relativePath).join(', ')}, where it is written nowhere; kolla would render it again on the next deploy. Set neutron_physical_networks there first (one name per bridge), then rename.`,
      );
    }
    return buildEdit(textEdits(symbol, newName), []);
  }
  return bridgeEdit(context, symbol, newName, options.fileRenames ?? true);
}

function renameTarget(context: FeatureContext, position: Position): NamedSymbol | null {
  const at = symbolAt(context, position);
  switch (at.kind) {
    case 'nothing':
      return null;
    case 'wildcard':
      throw new RenameRefusedError('"*" in flat_networks stands for every physnet name; it is not a name that can be renamed.');
    case 'refused':
      throw new RenameRefusedError(at.message);
    default:
      break;
  }
  const { symbol } = at;
  if (symbol.kind === 'interface') {
    throw new RenameRefusedError(`"${symbol.name}" is a network interface; only physnet and bridge names can be renamed.`);
  }
  if (symbol.kind === 'bridge' && reservedBridgeNames(symbol.scope).has(symbol.name)) {
    throw new RenameRefusedError(
      `"${symbol.name}" is the integration or tunnel bridge that the Open vSwitch agent creates itself; it cannot be renamed here. To map the physnet to another bridge, edit the entry.`,
    );
  }
  return symbol;
}

// ---- validation ---------------------------------------------------------------

/** Neutron keeps physnet names in 64-character database columns. */
const PHYSNET_MAX = 64;
/** IFNAMSIZ − 1. */
const INTERFACE_MAX = 15;

function validatePhysnetName(name: string, symbol: NamedSymbol): void {
  const refuse = (why: string) => {
    throw new RenameRefusedError(why);
  };
  if (name.trim() === '') refuse('A physnet name cannot be empty.');
  if (/[\s:,]/.test(name)) {
    refuse(`"${name}" cannot be a physnet name: ":", "," and white space separate the entries of bridge_mappings and network_vlan_ranges.`);
  }
  if (name === '*') refuse('"*" cannot be a physnet name: in flat_networks it allows every physnet.');
  if (isTemplated(name) || /[$'"{}%<>`#;\\]/.test(name)) {
    refuse(`"${name}" cannot be a physnet name: it holds characters that oslo.config substitutes or templates interpret ($ \` ' " { } % < > # ; \\).`);
  }
  if (name.length > PHYSNET_MAX) refuse(`"${name}" is ${name.length} characters long; Neutron keeps physnet names of at most ${PHYSNET_MAX}.`);
  const existing = physnetOccurrences(symbol.scope, name);
  if (existing.length) {
    refuse(`"${name}" is already a physnet of this deployment (${describeSites(existing.map((o) => o.file))}); renaming "${symbol.name}" to it would merge two physical networks.`);
  }
}

function validateBridgeName(name: string, symbol: NamedSymbol, hostName: string): void {
  const refuse = (why: string) => {
    throw new RenameRefusedError(why);
  };
  if (name.trim() === '') refuse('A bridge name cannot be empty.');
  if (name.includes('/')) refuse(`"${name}" cannot be a bridge name: Linux interface names cannot contain "/".`);
  if (/[\s:,]/.test(name)) {
    refuse(`"${name}" cannot be a bridge name: Linux interface names cannot contain white space, ":" marks an alias the network scripts skip, and "," and ":" split bridge_mappings.`);
  }
  if (name === '.' || name === '..' || !/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name)) {
    refuse(`"${name}" cannot be a bridge name: use letters, digits, "-", "_" and "." (not first), so the name needs no quoting in ifcfg files and in bridge_mappings.`);
  }
  if (name.length > INTERFACE_MAX) refuse(`"${name}" is ${name.length} characters long; Linux interface names have at most ${INTERFACE_MAX}.`);
  if (!isBootIfcfgName(`ifcfg-${name}`)) refuse(`"${name}" cannot be a bridge name: the network service skips a file named ifcfg-${name} at boot.`);
  if (reservedBridgeNames(symbol.scope).has(name)) {
    refuse(`"${name}" is the integration or tunnel bridge that the Open vSwitch agent creates itself; no physnet may be mapped to it.`);
  }
  const taken = symbol.scope.filter((f) => f.facts.kind === 'ifcfg' && (f.facts.device === name || f.renderedName === `ifcfg-${name}`));
  if (taken.length) {
    refuse(`${hostName} already has an interface "${name}" (${taken.map((f) => basename(f.path)).join(', ')}); pick a name no ifcfg file of the host uses.`);
  }
  const used = deviceOccurrences(symbol.scope, 'bridge', name);
  if (used.length) refuse(`"${name}" is already used as a bridge on ${hostName} (${describeSites(used.map((o) => o.file))}); renaming would merge two bridges.`);
}

function describeSites(files: IndexedFile[]): string {
  const names = [...new Set(files.map((f) => f.relativePath))];
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
}

// ---- edits ----------------------------------------------------------------------

function textEdits(symbol: NamedSymbol, newName: string): Map<string, TextEdit[]> {
  const byUri = new Map<string, TextEdit[]>();
  for (const o of symbol.occurrences) if (o.editRange) push(byUri, o.file.uri, { range: o.editRange, newText: newName });
  return byUri;
}

function bridgeEdit(context: FeatureContext, symbol: NamedSymbol, newName: string, fileRenames: boolean): WorkspaceEdit {
  validateBridgeName(newName, symbol, context.file.host.name);
  const edits = textEdits(symbol, newName);
  const renames: RenameFile[] = [];
  for (const declaration of symbol.occurrences) {
    const file = declaration.file;
    if (!declaration.declaration || file.kind !== 'ifcfg' || file.renderedName !== `ifcfg-${symbol.name}`) continue;
    if (fileRenames) {
      // Keep a template suffix: ifcfg-br-ex.j2 → ifcfg-<new>.j2.
      const suffix = basename(file.path).slice(file.renderedName.length);
      const newUri = siblingUri(file.uri, `ifcfg-${newName}${suffix}`);
      if (context.fileExists(newUri)) throw new RenameRefusedError(`${basename(newUri)} already exists next to ${basename(file.path)}.`);
      renames.push({ kind: 'rename', oldUri: file.uri, newUri, options: { overwrite: false, ignoreIfExists: false } });
    } else if (declaration.site === 'file-name') {
      // The file keeps its old name, so the device must now be said inside it.
      const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
      push(edits, file.uri, { range: declaration.range, newText: `DEVICE=${newName}${eol}` });
    }
  }
  return buildEdit(edits, renames);
}

/** Text edits first (on the old URIs), then the file renames, as the client applies them in order. */
function buildEdit(edits: Map<string, TextEdit[]>, renames: RenameFile[]): WorkspaceEdit {
  const documentChanges: (TextDocumentEdit | RenameFile)[] = [];
  for (const uri of [...edits.keys()].sort()) {
    const fileEdits = edits.get(uri)!.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    documentChanges.push({ textDocument: { uri, version: null }, edits: fileEdits });
  }
  documentChanges.push(...renames);
  return { documentChanges };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
