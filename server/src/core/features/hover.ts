import type { Hover, Position } from 'vscode-languageserver-types';
import type { FeatureContext } from './featureContext';

// PENDING: being written.
export function hover(context: FeatureContext, position: Position): Hover | null {
  void context;
  void position;
  return null;
}
