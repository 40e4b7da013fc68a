import { CompletionItemKind, MarkupKind, type CompletionItem, type Hover, type Range } from 'vscode-languageserver-types';
import { KEYFILE_GROUPS, keyfileKey, type KeyfileKey } from '../nm/keyfileSettings';
import type { IniDocument } from '../syntax/ast';
import { isTemplated } from '../syntax/templates';
import type { NmKeyfileFacts } from '../workspace/facts';
import type { CursorContext } from './cursorContext';
import type { FeatureContext } from './featureContext';
import { markdownHover } from './markdownHover';
import { compareText } from '../text/compare';

/**
 * Hover and completion in NetworkManager keyfiles: groups and keys from the
 * keyfile catalogue (nm/keyfileSettings.ts), the meaning of enumerated
 * values, and for a controller the bridges or ports the host has. Names of
 * devices are described by the host-model hover (features/hover.ts).
 */
export function keyfileHover(cursor: CursorContext): Hover | null {
  switch (cursor.kind) {
    case 'section-header': {
      const group = KEYFILE_GROUPS[cursor.name.text];
      return group ? markdownHover(`**[${cursor.name.text}]**\n\n${group.explanation}`, cursor.name.range) : null;
    }
    case 'option-name': {
      const key = cursor.section === undefined ? undefined : keyfileKey(cursor.section, cursor.name.text);
      return key ? markdownHover(keyMarkdown(cursor.section!, key), cursor.name.range) : null;
    }
    case 'option-value': {
      const key = cursor.section === undefined ? undefined : keyfileKey(cursor.section, cursor.option.name.text);
      const text = cursor.option.value.text;
      const meaning = key?.choices?.[text];
      if (!key || !meaning) return null;
      return markdownHover(`**${key.name}=${text}**: ${meaning}.`, cursor.option.value.range);
    }
    default:
      return null;
  }
}

export function keyfileCompletion(context: FeatureContext, cursor: CursorContext): CompletionItem[] {
  switch (cursor.kind) {
    case 'section-header':
      return Object.entries(KEYFILE_GROUPS).map(([name, group]) => ({ label: name, kind: CompletionItemKind.Module, documentation: group.explanation, textEdit: { range: cursor.name.range, newText: name } }));
    case 'option-name':
    case 'ini-line': {
      const section = cursor.section;
      const group = section === undefined ? undefined : KEYFILE_GROUPS[section];
      if (!group) return [];
      const range = cursor.kind === 'option-name' ? cursor.name.range : cursor.word.range;
      const present = new Set((context.file.doc as IniDocument).sections.filter((s) => s.name.text === section).flatMap((s) => s.options.map((o) => o.name.text)));
      return group.keys
        .filter((key) => !present.has(key.name))
        .map((key) => ({
          label: key.name,
          kind: CompletionItemKind.Property,
          documentation: { kind: MarkupKind.Markdown, value: keyMarkdown(section!, key) },
          textEdit: { range, newText: cursor.kind === 'option-name' ? key.name : `${key.name}=` },
        }));
    }
    case 'option-value': {
      const key = cursor.section === undefined ? undefined : keyfileKey(cursor.section, cursor.option.name.text);
      if (!key) return [];
      const range = cursor.value.element.range;
      if (key.choices) {
        return Object.entries(key.choices).map(([value, meaning]) => ({ label: value, kind: CompletionItemKind.EnumMember, detail: meaning, textEdit: { range, newText: value } }));
      }
      if (key.type === 'boolean') return ['true', 'false'].map((value) => ({ label: value, kind: CompletionItemKind.Value, textEdit: { range, newText: value } }));
      if (cursor.section === 'connection' && (key.name === 'controller' || key.name === 'master')) return controllerItems(context, range);
      return [];
    }
    default:
      return [];
  }
}

/** An ovs-port's controller is a bridge of the host; anything else's is an ovs-port of the host. */
function controllerItems(context: FeatureContext, range: Range): CompletionItem[] {
  const facts = context.file.facts as NmKeyfileFacts;
  const type = facts.connectionType?.value.text;
  if (type === undefined || isTemplated(type)) return [];
  const declared = context.host.network.declared;
  const wantBridge = type === 'ovs-port';
  const names = new Map<string, string>();
  for (const device of declared.devices()) {
    if (device.file === context.file) continue;
    if (wantBridge ? device.role === 'ovs-bridge' : device.role === 'ovs-port') names.set(device.name, `${wantBridge ? 'OVS bridge' : 'OVS port'} · ${device.file.renderedName}`);
  }
  return [...names]
    .sort(([a], [b]) => compareText(a, b))
    .map(([name, detail]) => ({ label: name, kind: CompletionItemKind.Interface, detail, textEdit: { range, newText: name } }));
}

function keyMarkdown(group: string, key: KeyfileKey): string {
  const out = [`**[${group}] ${key.name}**${key.since ? ` (NetworkManager ${key.since} and later)` : ''}`, '', key.explanation];
  if (key.choices) out.push('', ...Object.entries(key.choices).map(([value, meaning]) => `- \`${value}\`: ${meaning}`));
  return out.join('\n');
}
