/**
 * What the rules read of a deployment, by the kind of file they check
 * (Rule.reads): which files an open document's diagnostics wait for in the
 * server, and which hosts the CLI can check on another thread.
 */
import type { FileKind } from '../settings';
import { DEPLOYMENT_PART_KINDS, EARLY_PARTS, type DeploymentPart } from '../workspace/views';
import { RULES } from './registry';

const readsByKind = new Map<FileKind, readonly DeploymentPart[]>();

/** The parts of a deployment the rules that check a file of this kind read. */
export function deploymentPartsReadFor(kind: FileKind): readonly DeploymentPart[] {
  let parts = readsByKind.get(kind);
  if (!parts) {
    const union = new Set<DeploymentPart>();
    for (const rule of RULES) if (rule.scope === 'deployment') for (const part of rule.reads(kind)) union.add(part);
    parts = [...union];
    readsByKind.set(kind, parts);
  }
  return parts;
}

/** Whether the rules that check a file of this kind read no part of its deployment but those read early. */
export function readsOnlyEarlyParts(kind: FileKind): boolean {
  return deploymentPartsReadFor(kind).every((part) => EARLY_PARTS.has(part));
}

/** Kinds of file (by name) that make up the parts of a deployment read early. */
const READ_FIRST_KINDS: ReadonlySet<FileKind> = new Set([...EARLY_PARTS].flatMap((part) => DEPLOYMENT_PART_KINDS[part] ?? []));

/** Whether files of this kind (by name) are read first: they make up a part of a deployment read early. */
export function isReadFirstKind(kind: FileKind): boolean {
  return READ_FIRST_KINDS.has(kind);
}
