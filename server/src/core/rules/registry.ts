import { bridgeNameTooLong } from './bridgeNameTooLong';
import { bridgeReserved } from './bridgeReserved';
import { bridgeSharedByPhysnets } from './bridgeSharedByPhysnets';
import { bridgeUndefined } from './bridgeUndefined';
import { bridgeWithoutPort } from './bridgeWithoutPort';
import { externalNetworkBridgeSet } from './externalNetworkBridgeSet';
import { flatTypeDriverMissing } from './flatTypeDriverMissing';
import { ml2ConfigsDisagree } from './ml2ConfigsDisagree';
import { physnetMappedTwice } from './physnetMappedTwice';
import { physnetUndeclared } from './physnetUndeclared';
import { physnetUnmapped } from './physnetUnmapped';
import { sriovPhysnetMismatch } from './sriovPhysnetMismatch';
import { ovnLeftoverAgent } from './ovnLeftoverAgent';
import { nmKeyfilePermissions } from './nmKeyfilePermissions';
import { observedInterfaceMissing } from './observed/interfaceMissing';
import { portBridgeUndefined } from './portBridgeUndefined';
import { ovsPortUndefined } from './ovsPortUndefined';
import { ifcfgBondMembers } from './ifcfg/bondMembers';
import { ifcfgBridgeDhcp } from './ifcfg/bridgeDhcp';
import { ifcfgDeviceMismatch } from './ifcfg/deviceMismatch';
import { invalidValue } from './ifcfg/invalidValue';
import { ifcfgIpOnBridgePort } from './ifcfg/ipOnBridgePort';
import { ifcfgNmControlled } from './ifcfg/nmControlled';
import { ifcfgOvsBridgeMissing } from './ifcfg/ovsBridgeMissing';
import { ifcfgOvsDevicetypeMissing } from './ifcfg/ovsDevicetypeMissing';
import { ifcfgPatchPeerMismatch } from './ifcfg/patchPeerMismatch';
import { ifcfgQuoting } from './ifcfg/quoting';
import { duplicateVariable } from './ifcfg/duplicateVariable';
import { unknownVariable } from './ifcfg/unknownVariable';
import { deprecatedOption } from './options/deprecatedOption';
import { invalidOptionValue } from './options/invalidOptionValue';
import { removedOption } from './options/removedOption';
import { unknownOption } from './options/unknownOption';
import { unknownSection } from './options/unknownSection';
import type { Rule } from './rule';
import { suppressionUnknownCode } from './suppressionUnknownCode';
import { observedBridgeMissing } from './observed/bridgeMissing';
import { observedPatchMissing } from './observed/patchMissing';
import { observedPortMissing } from './observed/portMissing';
import { observedLinkDown } from './observed/linkDown';
import { observedConfigDrift } from './observed/configDrift';
import { networkPhysnetUnmapped } from './observed/networkPhysnetUnmapped';
import { ovnGatewayMissing } from './observed/ovnGatewayMissing';
import { observedFlowsMissing } from './observed/flowsMissing';
import { tenantTypeNotEnabled } from './tenantTypeNotEnabled';
import { kollaBridgeInterfaceCount } from './kollaBridgeInterfaceCount';
import { osaMappingNotUnique, osaProviderNetworkInvalid } from './osaProviderNetworks';

/** Every rule, run in this order for each file. */
export const RULES: readonly Rule[] = [
  suppressionUnknownCode,
  physnetUndeclared,
  physnetUnmapped,
  sriovPhysnetMismatch,
  ovnLeftoverAgent,
  flatTypeDriverMissing,
  tenantTypeNotEnabled,
  ml2ConfigsDisagree,
  bridgeUndefined,
  portBridgeUndefined,
  ovsPortUndefined,
  nmKeyfilePermissions,
  bridgeSharedByPhysnets,
  physnetMappedTwice,
  bridgeReserved,
  bridgeWithoutPort,
  bridgeNameTooLong,
  externalNetworkBridgeSet,
  kollaBridgeInterfaceCount,
  osaProviderNetworkInvalid,
  osaMappingNotUnique,
  observedBridgeMissing,
  observedPatchMissing,
  observedPortMissing,
  observedInterfaceMissing,
  observedLinkDown,
  observedConfigDrift,
  networkPhysnetUnmapped,
  ovnGatewayMissing,
  observedFlowsMissing,
  ifcfgDeviceMismatch,
  ifcfgOvsDevicetypeMissing,
  ifcfgOvsBridgeMissing,
  ifcfgIpOnBridgePort,
  ifcfgBridgeDhcp,
  ifcfgBondMembers,
  ifcfgPatchPeerMismatch,
  ifcfgNmControlled,
  ifcfgQuoting,
  duplicateVariable,
  unknownVariable,
  invalidValue,
  unknownSection,
  unknownOption,
  invalidOptionValue,
  deprecatedOption,
  removedOption,
];
