import type { Hover } from 'vscode-languageserver-types';
import { lookupVariable, isForeignVariable, suggestVariables } from '../../ifcfg/variables';
import { orList } from '../../ifcfg/valueTypes';
import type { IfcfgAssignment, Token } from '../../syntax/ast';
import { isTemplated } from '../../syntax/templates';
import type { IfcfgFacts } from '../../workspace/facts';
import type { FeatureContext } from '../featureContext';
import { markdownHover } from '../markdownHover';
import { code, typeEntry, typeMarkdown, valueMeaning, variableMarkdown } from './describe';

/**
 * Hover in ifcfg files: on a variable name, what it does, its type, default
 * and the TYPEs that read it; on an enum or boolean value, what the value
 * means (and what is wrong with it). OVS_BRIDGE values are described by the
 * wiring hover (features/hover.ts).
 */

export function ifcfgKeyHover(context: FeatureContext, key: Token): Hover | null {
  const match = lookupVariable(key.text);
  if (match) return markdown(variableMarkdown(match, fileType(context)), key);
  if (isForeignVariable(key.text)) return null;
  const suggestions = suggestVariables(key.text);
  if (suggestions.length === 0) return null;
  return markdown(
    `**${key.text}**\n\nNeither the network scripts nor NetworkManager know this variable. Did you mean ${orList(suggestions.map(code))}?`,
    key,
  );
}

export function ifcfgValueHover(context: FeatureContext, assignment: IfcfgAssignment, value: Token): Hover | null {
  const match = lookupVariable(assignment.key.text);
  const text = assignment.value.text;
  if (!match || !text || assignment.expands || isTemplated(text)) return null;
  const { variable } = match;
  const problems = variable.type.validate(text, contextOf(context)).map((p) => `⚠ ${p.message}`);

  if (variable.name === 'TYPE') {
    const entry = typeEntry(text);
    if (!entry) return problems.length ? markdown([`**TYPE=${text}**`, '', ...problems].join('\n'), value) : null;
    return markdown([typeMarkdown(entry), ...(problems.length ? ['', ...problems] : [])].join('\n'), value);
  }

  const kind = variable.type.kind;
  if (kind !== 'boolean' && kind !== 'enum' && kind !== 'stp') return null;
  const meaning = valueMeaning(variable.type, text);
  const out = [`**${assignment.key.text}=${text}**${meaning ? ` — ${meaning}` : ''}`, ''];
  if (kind !== 'enum') out.push(variable.explanation, '');
  out.push(...problems.flatMap((p) => [p, '']));
  const choices = variable.type.complete(contextOf(context));
  if (choices.length) out.push(`Values: ${choices.map(code).join(', ')}`);
  return markdown(out.join('\n').trimEnd(), value);
}

function fileType(context: FeatureContext): string | undefined {
  const facts = context.file.facts as IfcfgFacts;
  const assignment = facts.typeAssignment;
  return assignment && !assignment.expands && !isTemplated(assignment.value.text) ? assignment.value.text : undefined;
}

function contextOf(context: FeatureContext): { type?: string } {
  const type = fileType(context);
  return type === undefined ? {} : { type };
}

function markdown(value: string, token: Token): Hover {
  return markdownHover(value, token.range);
}
