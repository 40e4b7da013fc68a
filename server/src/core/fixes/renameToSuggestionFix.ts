import type { CodeAction } from 'vscode-languageserver-types';
import { replaceNameActions } from './bridgeNames';
import type { FixContext } from './fix';

/**
 * Findings whose data names the written value (`physnet` or `name`) and the
 * names it probably meant (`suggestions`): one replacement per suggestion.
 * sriov-physnet-mismatch (nova's physnet → the one the SR-IOV agent maps) and
 * observed-interface-missing (an interface → one the host's capture lists),
 * osa-provider-network-invalid (a misspelt network type → the type it resembles).
 */
export function renameToSuggestionFix({ file, diagnostic }: FixContext): CodeAction[] {
  const data = diagnostic.data as { physnet?: unknown; name?: unknown; suggestions?: unknown } | undefined;
  const written = typeof data?.physnet === 'string' ? data.physnet : typeof data?.name === 'string' ? data.name : undefined;
  if (!written || !Array.isArray(data?.suggestions)) return [];
  return replaceNameActions(file, diagnostic, written, data.suggestions.filter((s): s is string => typeof s === 'string'));
}
