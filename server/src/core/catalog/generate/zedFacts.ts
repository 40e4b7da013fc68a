/**
 * Reads `neutron-zed-options.json` (oslo-config-generator's YAML output for
 * Neutron 21.0.0, turned into JSON) and `data/neutron-debian-options.json`
 * (the same, from our own run of Debian 12's generator) and turns the file
 * kinds we check into typed facts. Used by the generator script and by the Zed-coverage test,
 * so both read the JSON the same way.
 */
import type { OsloTypeName } from '../valueTypes';

/** The sample files of Zed we catalogue, and the file kind each one is. */
export const ZED_FILES = {
  'ml2_conf.ini': 'ml2',
  'openvswitch_agent.ini': 'ovs-agent',
  'l3_agent.ini': 'l3-agent',
} as const;

/**
 * The sample files of Zed read from our own oslo-config-generator run
 * (data/neutron-debian-options.json, see generate/debian_options.py), and the
 * file kind each one is.
 */
export const DEBIAN_FILES = {
  'linuxbridge_agent.ini': 'linuxbridge-agent',
  'sriov_agent.ini': 'sriov-agent',
  'dhcp_agent.ini': 'dhcp-agent',
  'neutron.conf': 'neutron-conf',
} as const;

/**
 * The groups of a sample that the catalogue takes (all, when a file is not
 * listed). neutron.conf: [DEFAULT] (every namespace, the libraries' included,
 * since a service reads them all from there) and the groups that only
 * Neutron's own namespaces fill; the library groups ([database],
 * [keystone_authtoken], [oslo_messaging_*] …, and [nova]/[placement]/[ironic]
 * with their keystoneauth plugin options) are known sections whose options
 * are not judged (services.ts).
 */
export const DEBIAN_SECTIONS: Partial<Record<DebianFile, readonly string[]>> = {
  'neutron.conf': ['DEFAULT', 'agent', 'quotas', 'experimental'],
};

export type DebianFile = keyof typeof DEBIAN_FILES;

export type ZedFile = keyof typeof ZED_FILES | DebianFile;

/** A JSON value as oslo-config-generator wrote it; floats keep their written form in `sampleText`. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface ZedOptionFacts {
  file: ZedFile;
  section: string;
  /** The name as the generator lists it (`log-config-append`). */
  name: string;
  /** The key oslo.config reads from a file: the name with `-` turned into `_`. */
  dest: string;
  type: OsloTypeName;
  default: JsonValue;
  /** The default as the sample file writes it after `#name = `. */
  sampleText: string;
  choices?: string[];
  min?: number;
  max?: number;
  deprecatedNames?: { group: string; name: string }[];
  deprecatedForRemoval?: boolean;
  deprecatedSince?: string;
  secret?: boolean;
  sampleDefault?: string;
  namespace: string;
}

const FLOAT_MARK = '__zed_float__';

/** Parses the JSON text, keeping the written form of floats (`1.0`) that JSON.parse would turn into `1`. */
export function parseZedJson(raw: string): { files: Record<string, { namespaces: string[]; sections: Record<string, Record<string, unknown>[]> }> } {
  const marked = raw.replace(/(:\s*|\[\s*|,\s*)(-?\d+\.\d+(?:[eE][+-]?\d+)?)(?=\s*[,}\]])/g, `$1{"${FLOAT_MARK}":"$2"}`);
  return JSON.parse(marked);
}

function isFloatMark(v: unknown): v is { [FLOAT_MARK]: string } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && FLOAT_MARK in v;
}

/** The value with float marks turned back into numbers. */
function plain(v: unknown): JsonValue {
  if (isFloatMark(v)) return Number(v[FLOAT_MARK]);
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, JsonValue> = {};
    for (const [k, x] of Object.entries(v)) out[k] = plain(x);
    return out;
  }
  return v as JsonValue;
}

/** Python's str() of a scalar as the sample generator would print it. */
function pyStr(v: unknown): string {
  if (isFloatMark(v)) return v[FLOAT_MARK];
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return String(v);
}

/** oslo-config-generator's `_format_defaults` for one option (first default only). */
export function sampleTextOf(type: OsloTypeName, value: unknown, sampleDefault?: string): string {
  if (sampleDefault !== undefined && sampleDefault !== null) return String(sampleDefault);
  if (value === null || value === undefined) return '<None>';
  if (type === 'boolean value') return pyStr(value).toLowerCase();
  if (type === 'list value') {
    if (typeof value === 'string') return value.split('').join(',');
    return (value as unknown[]).map(pyStr).join(',');
  }
  if (type === 'dict value') {
    return Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}:${pyStr(v)}`)
      .join(',');
  }
  return pyStr(value);
}

/** Every option of the catalogued files (the three of the shared Zed JSON by default), in the JSON's order. */
export function readZedFacts(raw: string, files: Readonly<Record<string, string>> = ZED_FILES, keep: Partial<Record<string, readonly string[]>> = {}): ZedOptionFacts[] {
  const data = parseZedJson(raw);
  const out: ZedOptionFacts[] = [];
  for (const file of Object.keys(files) as ZedFile[]) {
    const sections = data.files[file]?.sections;
    if (!sections) throw new Error(`${file} is missing from the Zed JSON`);
    for (const [section, options] of Object.entries(sections)) {
      if (keep[file] && !keep[file]?.includes(section)) continue;
      for (const o of options) {
        const type = o.type as OsloTypeName;
        const facts: ZedOptionFacts = {
          file,
          section,
          name: String(o.name),
          dest: String(o.name).replace(/-/g, '_'),
          type,
          default: plain(o.default),
          sampleText: sampleTextOf(type, o.default, o.sample_default as string | undefined),
          namespace: String(o.namespace),
        };
        if (Array.isArray(o.choices)) facts.choices = (o.choices as unknown[]).map((c) => String(Array.isArray(c) ? c[0] : c));
        if (typeof o.min === 'number') facts.min = o.min;
        if (typeof o.max === 'number') facts.max = o.max;
        if (Array.isArray(o.deprecated_names) && o.deprecated_names.length) {
          facts.deprecatedNames = (o.deprecated_names as { group?: string; name: string }[]).map((d) => ({ group: d.group ?? section, name: d.name }));
        }
        if (o.deprecated_for_removal === true) facts.deprecatedForRemoval = true;
        if (typeof o.deprecated_since === 'string') facts.deprecatedSince = o.deprecated_since;
        if (o.secret === true) facts.secret = true;
        if (typeof o.sample_default === 'string') facts.sampleDefault = o.sample_default;
        out.push(facts);
      }
    }
  }
  return out;
}
