import type { CompletionList, Position } from 'vscode-languageserver-types';
import type { FeatureContext } from './featureContext';

// PENDING: being written.
export function complete(context: FeatureContext, position: Position): CompletionList {
  void context;
  void position;
  return { isIncomplete: false, items: [] };
}
