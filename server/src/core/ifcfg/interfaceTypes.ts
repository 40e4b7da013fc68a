import { nearest } from '../text/nearest';
import { booleanValue, orList, type ValueContext, type ValueElement, type ValueProblem, type ValueType } from './valueTypes';

/**
 * The TYPE catalogue: every TYPE value the checker knows, what a file of that
 * type needs, and how it behaves. Open vSwitch types are handled by ifup-ovs,
 * which refuses any TYPE it does not list.
 */

export const IFCFG_TYPE_NAMES = [
  'Ethernet',
  'Bridge',
  'Bond',
  'Vlan',
  'InfiniBand',
  'OVSBridge',
  'OVSUserBridge',
  'OVSPort',
  'OVSIntPort',
  'OVSBond',
  'OVSPatchPort',
  'OVSTunnel',
  'OVSDPDKPort',
  'OVSDPDKBond',
  'OVSDPDKVhostUserPort',
] as const;

export type IfcfgTypeName = (typeof IFCFG_TYPE_NAMES)[number];

export type IfcfgTypeRole = 'interface' | 'bridge' | 'bond' | 'vlan' | 'port' | 'internal-port' | 'patch-port' | 'tunnel' | 'vhost-user-port';

export interface TypeRequirement {
  variable: string;
  /** The value it must have, when one is fixed. */
  value?: string;
  /** For list variables: the fewest elements that make sense. */
  minItems?: number;
  /** Why, in our words. */
  reason: string;
}

export interface IfcfgInterfaceType {
  name: IfcfgTypeName;
  /** Handled by ifup-ovs (needs DEVICETYPE=ovs). */
  ovs: boolean;
  role: IfcfgTypeRole;
  /** Variables a file of this type must set. */
  requires: readonly TypeRequirement[];
  /** Settings that are not strictly needed but avoid trouble. */
  recommends: readonly TypeRequirement[];
  /** Whether an IP address may sit on this device (false: the address belongs on the bridge, or the device has none). */
  mayCarryAddress: boolean;
  /**
   * Whether the network scripts compare this TYPE letter for letter, so a
   * case variant (which NetworkManager still accepts) changes behaviour.
   */
  exactCase: boolean;
  /** The Open vSwitch Interface type ifup-ovs creates, if it sets one. */
  ovsInterfaceType?: string;
  explanation: string;
}

const DEVICETYPE_OVS: TypeRequirement = {
  variable: 'DEVICETYPE',
  value: 'ovs',
  reason: 'ifup runs ifup-$DEVICETYPE, so without DEVICETYPE=ovs the Open vSwitch script is never called (older initscripts do not infer it from TYPE).',
};
const NEEDS_BRIDGE: TypeRequirement = {
  variable: 'OVS_BRIDGE',
  reason: 'ifup-ovs adds the port to the bridge named here; without it the port is attached nowhere.',
};
const NM_OFF: TypeRequirement = {
  variable: 'NM_CONTROLLED',
  value: 'no',
  reason: 'NetworkManager cannot bring up Open vSwitch devices described by ifcfg files; leave them to the network scripts.',
};

function ovsType(
  name: IfcfgTypeName,
  role: IfcfgTypeRole,
  extra: { requires?: TypeRequirement[]; mayCarryAddress: boolean; ovsInterfaceType?: string; explanation: string },
): IfcfgInterfaceType {
  const needsBridge = role !== 'bridge';
  const t: IfcfgInterfaceType = {
    name,
    ovs: true,
    role,
    requires: [DEVICETYPE_OVS, ...(needsBridge ? [NEEDS_BRIDGE] : []), ...(extra.requires ?? [])],
    recommends: [NM_OFF],
    mayCarryAddress: extra.mayCarryAddress,
    exactCase: true,
    explanation: extra.explanation,
  };
  if (extra.ovsInterfaceType) t.ovsInterfaceType = extra.ovsInterfaceType;
  return t;
}

export const IFCFG_TYPES: readonly IfcfgInterfaceType[] = [
  {
    name: 'Ethernet',
    ovs: false,
    role: 'interface',
    requires: [],
    recommends: [],
    mayCarryAddress: true,
    exactCase: false,
    explanation: 'A plain network card (also what a file without TYPE is taken to be).',
  },
  {
    name: 'Bridge',
    ovs: false,
    role: 'bridge',
    requires: [],
    recommends: [],
    mayCarryAddress: true,
    exactCase: true,
    explanation: 'A Linux kernel bridge. Its ports name it with BRIDGE=; the host address, if any, goes on the bridge.',
  },
  {
    name: 'Bond',
    ovs: false,
    role: 'bond',
    requires: [],
    recommends: [],
    mayCarryAddress: true,
    exactCase: true,
    explanation: 'A Linux kernel bond. Members point at it with MASTER= and SLAVE=yes; BONDING_OPTS sets the mode.',
  },
  {
    name: 'Vlan',
    ovs: false,
    role: 'vlan',
    requires: [],
    recommends: [],
    mayCarryAddress: true,
    exactCase: true,
    explanation: 'A kernel 802.1Q VLAN device (with VLAN=yes). The parent and tag come from PHYSDEV and VID, or from a name like eth0.100 or vlan100.',
  },
  {
    name: 'InfiniBand',
    ovs: false,
    role: 'interface',
    requires: [],
    recommends: [],
    mayCarryAddress: true,
    exactCase: false,
    explanation: 'An InfiniBand port (IP over InfiniBand).',
  },
  ovsType('OVSBridge', 'bridge', {
    mayCarryAddress: true,
    explanation:
      'An Open vSwitch bridge. Ports join it by naming it in OVS_BRIDGE. It may hold the host address; for DHCP use OVSBOOTPROTO=dhcp with OVSDHCPINTERFACES rather than BOOTPROTO.',
  }),
  ovsType('OVSUserBridge', 'bridge', {
    mayCarryAddress: true,
    explanation: 'An Open vSwitch bridge on the userspace (netdev) datapath, as used with DPDK ports.',
  }),
  ovsType('OVSPort', 'port', {
    mayCarryAddress: false,
    explanation:
      'A physical (or other existing) device added to an Open vSwitch bridge. Once enslaved it carries no address of its own: put IP settings on the bridge.',
  }),
  ovsType('OVSIntPort', 'internal-port', {
    mayCarryAddress: true,
    ovsInterfaceType: 'internal',
    explanation:
      'An internal port: a device created by Open vSwitch on the bridge, often an access port for one VLAN (OVS_OPTIONS="tag=100"). It may carry an address.',
  }),
  ovsType('OVSBond', 'bond', {
    requires: [
      {
        variable: 'BOND_IFACES',
        minItems: 2,
        reason: 'a bond is made of at least two member devices, each with its own ifcfg file so that ifup can bring it up first.',
      },
    ],
    mayCarryAddress: false,
    explanation:
      'An Open vSwitch bond of the devices in BOND_IFACES, added to the bridge as one port. Bond options (bond_mode, lacp) go in OVS_OPTIONS; addresses belong on the bridge.',
  }),
  ovsType('OVSPatchPort', 'patch-port', {
    requires: [{ variable: 'OVS_PATCH_PEER', reason: 'a patch port is one end of a link between two bridges and must name the port at the other end.' }],
    mayCarryAddress: false,
    ovsInterfaceType: 'patch',
    explanation: 'One end of a patch link between two Open vSwitch bridges. The peer must be another OVSPatchPort that names this one back.',
  }),
  ovsType('OVSTunnel', 'tunnel', {
    requires: [
      { variable: 'OVS_TUNNEL_TYPE', reason: 'ifup-ovs creates the interface with this tunnel type (gre, vxlan, geneve …).' },
      { variable: 'OVS_TUNNEL_OPTIONS', reason: 'a tunnel needs at least its remote end, e.g. options:remote_ip=192.0.2.2.' },
    ],
    mayCarryAddress: false,
    explanation: 'A tunnel port (GRE, VXLAN, Geneve …) on an Open vSwitch bridge; its type and endpoints come from OVS_TUNNEL_TYPE and OVS_TUNNEL_OPTIONS.',
  }),
  ovsType('OVSDPDKPort', 'port', {
    mayCarryAddress: false,
    ovsInterfaceType: 'dpdk',
    explanation:
      'A NIC driven by DPDK in userspace, added to a (usually OVSUserBridge) bridge. It needs options:dpdk-devargs=<PCI address> set through OVS_EXTRA; the kernel sees no device, so it takes no address.',
  }),
  ovsType('OVSDPDKBond', 'bond', {
    requires: [{ variable: 'BOND_IFACES', minItems: 2, reason: 'a bond is made of at least two DPDK member ports.' }],
    mayCarryAddress: false,
    explanation: 'A bond of DPDK ports (listed in BOND_IFACES) on an Open vSwitch bridge.',
  }),
  ovsType('OVSDPDKVhostUserPort', 'vhost-user-port', {
    mayCarryAddress: false,
    ovsInterfaceType: 'dpdkvhostuser',
    explanation:
      'A vhost-user socket through which a virtual machine attaches to a DPDK bridge. With OVS_PORT_MODE=client, Open vSwitch connects to the socket at OVS_PORT_PATH instead of creating one.',
  }),
];

const BY_NAME = new Map<string, IfcfgInterfaceType>(IFCFG_TYPES.map((t) => [t.name, t]));

/** The catalogue entry of an exact TYPE value. */
export function getInterfaceType(name: string | undefined): IfcfgInterfaceType | undefined {
  return name === undefined ? undefined : BY_NAME.get(name);
}

/** The entry whose name matches ignoring case (how NetworkManager compares TYPE). */
export function findInterfaceTypeIgnoringCase(name: string): IfcfgInterfaceType | undefined {
  const lower = name.toLowerCase();
  return IFCFG_TYPES.find((t) => t.name.toLowerCase() === lower);
}

/** Whether ifup-ovs would handle this TYPE value (it starts with "OVS"). */
export function looksLikeOvsType(name: string): boolean {
  return /^ovs/i.test(name);
}

/**
 * TYPE values. An unknown Open vSwitch type is an error (ifup-ovs gives up on
 * it); other unknown values are legal, since NetworkManager and third-party
 * scripts know more types than this catalogue.
 */
export class InterfaceTypeValueType implements ValueType {
  readonly kind = 'interface-type';
  readonly description = `an interface type such as ${orList(['Ethernet', 'Bridge', 'Bond', 'Vlan', 'OVSBridge', 'OVSPort', 'OVSIntPort', 'OVSBond'])}`;

  validate(value: string): ValueProblem[] {
    if (value === '' || BY_NAME.has(value)) return [];
    const span = { start: 0, end: value.length };
    const caseVariant = findInterfaceTypeIgnoringCase(value);
    if (caseVariant) {
      if (!caseVariant.exactCase) return [];
      return [
        {
          kind: 'readers-differ',
          message: `NetworkManager takes ${value} as ${caseVariant.name}, but the network scripts compare TYPE letter for letter and would not. Write ${caseVariant.name}.`,
          ...span,
          suggestions: [caseVariant.name],
        },
      ];
    }
    if (looksLikeOvsType(value)) {
      const ovsNames = IFCFG_TYPES.filter((t) => t.ovs).map((t) => t.name);
      const near = nearest(value, ovsNames);
      return [
        {
          kind: 'invalid',
          message: `ifup-ovs does not know the type ${value} and stops with "Invalid OVS interface type".`,
          ...span,
          suggestions: near.length > 0 ? near : ovsNames,
        },
      ];
    }
    return [];
  }

  complete(): string[] {
    return IFCFG_TYPES.map((t) => t.name);
  }

  elements(value: string): ValueElement[] {
    return value === '' ? [] : [{ text: value, start: 0, end: value.length }];
  }
}

/**
 * STP takes different words depending on who applies it: ifup-ovs hands it to
 * ovs-vsctl as a database boolean (true/false only), while Linux bridges go
 * through brctl or NetworkManager, which read yes/no and on/off.
 */
export class StpValueType implements ValueType {
  readonly kind = 'stp';
  readonly description = 'yes or no (true or false on Open vSwitch bridges)';

  private isOvs(context?: ValueContext): boolean {
    return context?.type !== undefined && getInterfaceType(context.type)?.ovs === true;
  }

  validate(value: string, context?: ValueContext): ValueProblem[] {
    if (value === '') return [];
    const span = { start: 0, end: value.length };
    const truth = booleanValue(value);
    if (this.isOvs(context)) {
      if (value === 'true' || value === 'false') return [];
      return [
        {
          kind: 'invalid',
          message: `On an Open vSwitch bridge STP is passed to ovs-vsctl, which only accepts true or false.`,
          ...span,
          suggestions: truth === false ? ['false'] : truth === true ? ['true'] : ['true', 'false'],
        },
      ];
    }
    const linux = ['yes', 'no', 'on', 'off'];
    if (linux.includes(value.toLowerCase())) return [];
    if (context?.type === 'Bridge' || truth === undefined) {
      return [
        {
          kind: 'invalid',
          message: `A Linux bridge reads STP as yes or no; ${JSON.stringify(value)} is not understood.`,
          ...span,
          suggestions: truth === false ? ['no'] : truth === true ? ['yes'] : ['yes', 'no'],
        },
      ];
    }
    return [];
  }

  complete(context?: ValueContext): string[] {
    return this.isOvs(context) ? ['true', 'false'] : ['yes', 'no'];
  }

  elements(value: string): ValueElement[] {
    return value === '' ? [] : [{ text: value, start: 0, end: value.length }];
  }
}
