import type { DiagnosticCode } from '../rules/codes';
import { duplicateOptionFix } from './duplicateOptionFix';
import type { QuickFix } from './fix';

/** Quick fixes by diagnostic code. */
export const QUICK_FIXES: Partial<Record<DiagnosticCode, QuickFix>> = {
  'duplicate-option': duplicateOptionFix,
};
