import type { DiagnosticCode } from '../rules/codes';
import { bridgeSharedByPhysnetsFix } from './bridgeSharedByPhysnetsFix';
import { bridgeUndefinedFix } from './bridgeUndefinedFix';
import { duplicateOptionFix } from './duplicateOptionFix';
import { externalNetworkBridgeSetFix } from './externalNetworkBridgeSetFix';
import type { QuickFix } from './fix';
import { deprecatedOptionFix } from './options/deprecatedOptionFix';
import { invalidOptionValueFix } from './options/invalidOptionValueFix';
import { allFixes } from './options/optionEdits';
import { removedOptionFix } from './options/removedOptionFix';
import { unknownOptionFix } from './options/unknownOptionFix';
import { unknownSectionFix } from './options/unknownSectionFix';
import { bridgeDhcpFix } from './ifcfg/bridgeDhcpFix';
import { deviceMismatchFix } from './ifcfg/deviceMismatchFix';
import { invalidValueFix } from './ifcfg/invalidValueFix';
import { ipOnBridgePortFix } from './ifcfg/ipOnBridgePortFix';
import { nmControlledFix } from './ifcfg/nmControlledFix';
import { ovsBridgeMissingFix } from './ifcfg/ovsBridgeMissingFix';
import { ovsDevicetypeMissingFix } from './ifcfg/ovsDevicetypeMissingFix';
import { quotingFix } from './ifcfg/quotingFix';
import { duplicateVariableFix } from './ifcfg/duplicateVariableFix';
import { lineEndsFix } from './ifcfg/lineEndsFix';
import { unknownVariableFix } from './ifcfg/unknownVariableFix';
import { flatTypeDriverMissingFix } from './flatTypeDriverMissingFix';
import { physnetUndeclaredFix } from './physnetUndeclaredFix';
import { tenantTypeNotEnabledFix } from './tenantTypeNotEnabledFix';
import { physnetMappedTwiceFix } from './physnetMappedTwiceFix';
import { portBridgeUndefinedFix } from './portBridgeUndefinedFix';
import { observedBridgeMissingFix } from './observedBridgeMissingFix';
import { renameToSuggestionFix } from './renameToSuggestionFix';
import { suppressionUnknownCodeFix, suppressionUnusedFix } from './suppressionFixes';

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
  'ovs-port-undefined': portBridgeUndefinedFix,
  'observed-bridge-missing': observedBridgeMissingFix,
  'observed-interface-missing': renameToSuggestionFix,
  'sriov-physnet-mismatch': renameToSuggestionFix,
  'osa-provider-network-invalid': renameToSuggestionFix,
  'suppression-unknown-code': suppressionUnknownCodeFix,
  'suppression-unused': suppressionUnusedFix,
  'ifcfg-device-mismatch': deviceMismatchFix,
  'ifcfg-ovs-devicetype-missing': ovsDevicetypeMissingFix,
  'ifcfg-ovs-bridge-missing': ovsBridgeMissingFix,
  'ifcfg-ip-on-bridge-port': ipOnBridgePortFix,
  'ifcfg-bridge-dhcp': bridgeDhcpFix,
  'ifcfg-nm-controlled': nmControlledFix,
  'ifcfg-quoting': quotingFix,
  'duplicate-variable': duplicateVariableFix,
  syntax: lineEndsFix,
  'unknown-variable': unknownVariableFix,
  'invalid-value': invalidValueFix,
  'unknown-section': unknownSectionFix,
  'unknown-option': unknownOptionFix,
  'deprecated-option': deprecatedOptionFix,
  'removed-option': removedOptionFix,
};

// invalid-value is shared by ifcfg and INI files: both fixes run, each on its own kind of file.
QUICK_FIXES['invalid-value'] = allFixes(QUICK_FIXES['invalid-value'], invalidOptionValueFix);
