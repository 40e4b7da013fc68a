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
import { portBridgeUndefined } from './portBridgeUndefined';
import type { Rule } from './rule';
import { tenantTypeNotEnabled } from './tenantTypeNotEnabled';

/** Every rule, run in this order for each file. */
export const RULES: readonly Rule[] = [
  physnetUndeclared,
  physnetUnmapped,
  flatTypeDriverMissing,
  tenantTypeNotEnabled,
  ml2ConfigsDisagree,
  bridgeUndefined,
  portBridgeUndefined,
  bridgeSharedByPhysnets,
  physnetMappedTwice,
  bridgeReserved,
  bridgeWithoutPort,
  bridgeNameTooLong,
  externalNetworkBridgeSet,
];
