import type { DiagnosticCode } from '../rules/codes';
import { bridgeSharedByPhysnetsFix } from './bridgeSharedByPhysnetsFix';
import { bridgeUndefinedFix } from './bridgeUndefinedFix';
import { duplicateOptionFix } from './duplicateOptionFix';
import { externalNetworkBridgeSetFix } from './externalNetworkBridgeSetFix';
import type { QuickFix } from './fix';
import { flatTypeDriverMissingFix } from './flatTypeDriverMissingFix';
import { physnetUndeclaredFix } from './physnetUndeclaredFix';
import { tenantTypeNotEnabledFix } from './tenantTypeNotEnabledFix';
import { physnetMappedTwiceFix } from './physnetMappedTwiceFix';
import { portBridgeUndefinedFix } from './portBridgeUndefinedFix';

/** Quick fixes by diagnostic code. */
export const QUICK_FIXES: Partial<Record<DiagnosticCode, QuickFix>> = {
  'duplicate-option': duplicateOptionFix,
  'bridge-undefined': bridgeUndefinedFix,
  'port-bridge-undefined': portBridgeUndefinedFix,
  'external-network-bridge-set': externalNetworkBridgeSetFix,
  'physnet-mapped-twice': physnetMappedTwiceFix,
  'bridge-shared-by-physnets': bridgeSharedByPhysnetsFix,
  'physnet-undeclared': physnetUndeclaredFix,
  'flat-type-driver-missing': flatTypeDriverMissingFix,
  'tenant-type-not-enabled': tenantTypeNotEnabledFix,
};
