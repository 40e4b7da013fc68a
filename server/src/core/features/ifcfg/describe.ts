import { getInterfaceType, IFCFG_TYPES, type IfcfgInterfaceType } from '../../ifcfg/interfaceTypes';
import { EnumType, booleanValue, type ValueType } from '../../ifcfg/valueTypes';
import { appliesToType, typesOf, type IfcfgVariable, type VariableMatch } from '../../ifcfg/variables';

/**
 * Markdown descriptions of ifcfg variables and values, shared by hover and
 * completion. Everything comes from the catalogue (ifcfg/variables.ts).
 */

export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text}${fence}`;
}

/** "every TYPE", "the Open vSwitch types", or the list of TYPEs. */
export function readByText(variable: IfcfgVariable): string {
  if (variable.appliesTo === 'any') return 'every TYPE';
  if (variable.appliesTo === 'ovs') return `the Open vSwitch types (${typesOf(variable).join(', ')})`;
  return typesOf(variable).join(', ');
}

export function defaultText(variable: IfcfgVariable): string | undefined {
  if (variable.default !== undefined && variable.defaultNote) return `${code(variable.default)} (${variable.defaultNote})`;
  if (variable.default !== undefined) return code(variable.default);
  return variable.defaultNote;
}

/** The full description of a variable as written in a file of the given TYPE. */
export function variableMarkdown(match: VariableMatch, fileType: string | undefined): string {
  const { variable, key, index } = match;
  const title = index === undefined ? `**${key}**` : `**${key}** (${variable.name}, number ${index})`;
  const out = [title, '', variable.explanation, '', `- Value: ${variable.type.description}`];
  const fallback = defaultText(variable);
  out.push(`- Default: ${fallback ?? 'not set'}`);
  out.push(`- Read for: ${readByText(variable)}`);
  if (variable.ovs) out.push('- Read by ifup-ovs (Open vSwitch); NetworkManager ignores it.');
  if (fileType !== undefined && getInterfaceType(fileType) && !appliesToType(variable, fileType)) {
    out.push(`- ⚠ This file has TYPE=${fileType}, which does not read it.`);
  }
  return out.join('\n');
}

/** What one TYPE value means, with what a file of that type needs. */
export function typeMarkdown(type: IfcfgInterfaceType): string {
  const out = [`**TYPE=${type.name}**`, '', type.explanation];
  const needs = type.requires.map((r) => (r.value ? `${r.variable}=${r.value}` : r.variable));
  const recommends = type.recommends.map((r) => (r.value ? `${r.variable}=${r.value}` : r.variable));
  if (needs.length || recommends.length) out.push('');
  if (needs.length) out.push(`- Needs: ${needs.map(code).join(', ')}`);
  if (recommends.length) out.push(`- Recommended: ${recommends.map(code).join(', ')}`);
  if (type.ovs) out.push(`- ${type.mayCarryAddress ? 'May carry an IP address.' : 'Carries no IP address: put addresses on the bridge.'}`);
  return out.join('\n');
}

/** One line about a value of an enum or boolean type, or undefined for other types. */
export function valueMeaning(type: ValueType, value: string): string | undefined {
  if (type.kind === 'boolean') {
    const truth = booleanValue(value);
    if (truth === undefined) return undefined;
    return truth ? 'yes' : 'no';
  }
  if (type instanceof EnumType) return type.descriptions[value];
  return undefined;
}

/** The TYPE entry for a value, exactly or ignoring case. */
export function typeEntry(value: string): IfcfgInterfaceType | undefined {
  return getInterfaceType(value) ?? IFCFG_TYPES.find((t) => t.name.toLowerCase() === value.toLowerCase());
}
