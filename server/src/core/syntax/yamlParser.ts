import { readPlainBlockYaml } from './blockYaml';
import { yaml } from './yamlLibrary';
import { LineIndex } from '../text/lineIndex';
import type { Comment, ParseProblem, YamlDocument } from './ast';
import { encodingProblem } from './encoding';
import { CommentNode } from './nodes';
import { isTemplated } from './templates';

/**
 * Parses a YAML (or JSON) file with the `yaml` library, keeping offsets on
 * every node. A YAML error is one finding at its place; a file with template
 * markers (a TripleO NIC template before rendering) is not YAML yet, so its
 * errors are not reported and what it says is uncertain. Never throws.
 */
export function parseYaml(text: string, whoFails = 'os-net-config cannot load this file, so it configures none of the host\'s interfaces'): YamlDocument {
  const lineIndex = new LineIndex(text);
  const templated = isTemplated(text);
  const encoding = encodingProblem(text, lineIndex);
  if (encoding) return { format: 'yaml', lineIndex, root: undefined, comments: [], problems: [encoding], templated };
  const problems: ParseProblem[] = [];
  let root: unknown;
  // Most files are plain block YAML, which the fast reader builds the library's nodes for.
  const plain = readPlainBlockYaml(text);
  if (plain !== undefined) return { format: 'yaml', lineIndex, root: plain, comments: comments(text, lineIndex), problems, templated };
  try {
    // Offsets are all we read (our own line index turns them into positions): no LineCounter.
    const doc = yaml().parseDocument(text, { prettyErrors: false, uniqueKeys: false });
    root = doc.contents;
    // The first error only: the ones after it are mostly its echoes.
    if (!templated) {
      for (const error of doc.errors.slice(0, 1)) {
        const [start, end] = error.pos;
        problems.push({
          code: 'syntax',
          message: `Not valid YAML (${firstLine(error.message)}): ${whoFails}.`,
          range: lineIndex.range(start, Math.max(start, Math.min(end, text.length))),
          severity: 'error',
        });
      }
    }
  } catch (error) {
    root = undefined;
    if (!templated) problems.push({ code: 'syntax', message: `This file cannot be read as YAML (${String(error)}).`, range: lineIndex.range(0, 0), severity: 'error' });
  }
  return { format: 'yaml', lineIndex, root, comments: comments(text, lineIndex), problems, templated };
}

/** A TripleO environment file: heat refuses it, and the deployment command stops. */
export function parseEnvironment(text: string): YamlDocument {
  return parseYaml(text, 'heat cannot load this environment file, so `openstack overcloud deploy` stops before it changes anything');
}

/** OpenStack-Ansible's deploy configuration: its inventory script cannot load it, and every playbook stops. */
export function parseOsaUserConfig(text: string): YamlDocument {
  return parseYaml(text, 'the OpenStack-Ansible inventory cannot load it, so every openstack-ansible playbook stops before it changes anything');
}

/** A kolla-ansible globals.yml: ansible cannot load its extra vars, and every kolla-ansible command stops. */
export function parseKollaGlobals(text: string): YamlDocument {
  return parseYaml(text, 'ansible cannot load it as extra vars, so every kolla-ansible command stops before it changes anything');
}

/** os-net-config's mapping file: os-net-config fails to load it and stops before it configures anything. */
export function parseMappingFile(text: string): YamlDocument {
  return parseYaml(text, 'os-net-config cannot load its mapping file, so it stops before it configures any interface');
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** Whole-line `#` comments (what suppression directives are written in). */
function comments(text: string, lineIndex: LineIndex): Comment[] {
  const out: Comment[] = [];
  for (let line = 0; line < lineIndex.lineCount; line++) {
    const start = lineIndex.lineStart(line);
    const end = lineIndex.lineEnd(line);
    const content = text.slice(start, end);
    const hash = content.search(/\S/);
    if (hash >= 0 && content[hash] === '#') out.push(new CommentNode(line, start + hash, start + content.trimEnd().length, lineIndex));
  }
  return out;
}
