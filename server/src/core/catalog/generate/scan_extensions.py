#!/usr/bin/env python3
"""
Extension history scan (a maintainer's tool, not part of the build).

For each Neutron extension project (neutron-vpnaas, neutron-fwaas,
networking-sfc, neutron-dynamic-routing, networking-bgpvpn, networking-ovn, networking-odl),
reads a git clone WITHOUT running its code: at each release's ref it takes the
sample generator configs (etc/oslo-config-generator/*), maps their namespaces
through setup.cfg's oslo.config.opts entry points to list functions, and
evaluates those statically with scan_history.py's machinery. It also records
the agent extension and service plugin entry points each release ships.

  python3 scan_extensions.py /work/.mirror > extensions-scan.json
  python3 scan_extensions.py --ts extensions-scan.json > ../data/extensions.generated.ts

The second step keeps the groups the catalogue takes (CATALOGUED) as
data/extensions.generated.ts: facts only (names, types, defaults, releases);
options/extensions.ts adds our explanations.
"""
import ast, configparser, datetime, json, os, re, subprocess, sys

sys.path.insert(0, os.path.dirname(__file__))
import scan_history as sh

SERIES = ['icehouse', 'juno', 'kilo', 'liberty', 'mitaka', 'newton', 'ocata', 'pike', 'queens', 'rocky', 'stein', 'train', 'ussuri', 'victoria',
          'wallaby', 'xena', 'yoga', 'zed', '2023.1', '2023.2', '2024.1', '2024.2', '2025.1', '2025.2', '2026.1']
# Neutron's own release tag of each series: a project's ref is chosen by name, else by date near it.
NEUTRON_TAG = dict(zip(SERIES, ['2014.1', '2014.2', '2015.1.0'] + [f'{n}.0.0' for n in range(7, 29)]))
# Before the Kilo split, VPNaaS and FWaaS lived in Neutron's tree.
IN_NEUTRON_TREE = {'neutron-vpnaas': ['neutron/services/vpn'], 'neutron-fwaas': ['neutron/services/firewall']}
PACKAGE = {'neutron-vpnaas': 'neutron_vpnaas', 'neutron-fwaas': 'neutron_fwaas', 'networking-sfc': 'networking_sfc',
           'neutron-dynamic-routing': 'neutron_dynamic_routing', 'networking-bgpvpn': 'networking_bgpvpn',
           'networking-ovn': 'networking_ovn', 'networking-odl': 'networking_odl'}
# Neutron's own extension sections that no sample of the three files lists.
NEUTRON_EXTENSION_PATHS = ['neutron/agent/l2/extensions', 'neutron/conf/agent/l2_ext_fdb_population.py',
                           'neutron/plugins/ml2/drivers/mech_sriov/mech_driver',
                           'neutron/plugins/ml2/drivers/mech_sriov/mech_driver.py']
# The option groups the catalogue takes (the others belong to neutron.conf or to agents we do not read).
CATALOGUED = {
    'neutron': ['FDB', 'ml2_sriov'],
    'neutron-vpnaas': ['vpnagent', 'ipsec', 'openswan', 'strongswan', 'pluto', 'libreswan', 'cisco_csr_ipsec'],
    'neutron-fwaas': ['fwaas', 'default_fwg_rules'],
    'networking-sfc': ['sfc', 'flowclassifier'],
    'networking-ovn': ['ovn', 'OVS'],
    'networking-odl': ['ml2_odl'],
}
OSLO_TYPES = {'StrOpt': 'string value', 'IntOpt': 'integer value', 'BoolOpt': 'boolean value', 'ListOpt': 'list value',
              'MultiStrOpt': 'multi valued', 'FloatOpt': 'floating point value', 'PortOpt': 'port value',
              'DictOpt': 'dict value', 'IPOpt': 'IP address value', 'HostAddressOpt': 'host address value'}

PROJECTS = ['neutron-vpnaas', 'neutron-fwaas', 'networking-sfc', 'neutron-dynamic-routing', 'networking-bgpvpn',
            'networking-ovn', 'networking-odl']
ENTRY_GROUPS = ['neutron.agent.l2.extensions', 'neutron.agent.l3.extensions', 'neutron.service_plugins',
                'neutron.ml2.mechanism_drivers', 'neutron.ml2.extension_drivers']


def git(repo, *args):
    r = subprocess.run(['git', '-C', repo, *args], capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else None


def tag_date(repo, ref):
    out = git(repo, 'log', '-1', '--format=%cI', ref)
    return datetime.datetime.fromisoformat(out.strip()) if out else None


def ref_of(repo, series, neutron_repo):
    refs = set((git(repo, 'for-each-ref', '--format=%(refname:short)') or '').split())
    for name in (f'{series}-eol', f'{series}-eom', f'{series}-em', f'origin/stable/{series}',
                 f'origin/unmaintained/{series}', f'stable/{series}', f'unmaintained/{series}'):
        if name in refs:
            return name
    # No branch or end-of-life tag: the project's x.0.0 tag released within two months of Neutron's.
    target = tag_date(neutron_repo, NEUTRON_TAG[series])
    if target is None:
        return None
    best = None
    for t in refs:
        if not re.fullmatch(r'\d+\.0\.0', t):
            continue
        d = tag_date(repo, t)
        if d and abs((d - target).days) <= 60 and (best is None or abs((d - target).days) < best[0]):
            best = (abs((d - target).days), t)
    return best[1] if best else None


def setup_entries(repo, ref):
    src = git(repo, 'show', f'{ref}:setup.cfg') or ''
    cp = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        cp.read_string(src)
    except configparser.Error:
        return {}
    out = {}
    if cp.has_section('entry_points'):
        for group, body in cp.items('entry_points'):
            entries = {}
            for line in body.splitlines():
                if '=' in line:
                    k, v = line.split('=', 1)
                    entries[k.strip()] = v.strip()
            out[group] = entries
    return out


def samples(repo, ref):
    """Generator config file -> its namespaces."""
    out = {}
    listing = git(repo, 'ls-tree', '--name-only', f'{ref}:etc/oslo-config-generator') or ''
    for name in listing.split():
        text = git(repo, 'show', f'{ref}:etc/oslo-config-generator/{name}') or ''
        out[name] = re.findall(r'^namespace\s*=\s*(\S+)', text, flags=re.M)
    return out


def registered(repo, ref, paths):
    """group -> options, from every register_opt(s) call at module level or in a function of non-test code."""
    out = {}
    hits = git(repo, 'grep', '-l', '-E', r'register_opts?\(', ref, '--', *paths) or ''
    for line in hits.splitlines():
        path = line.split(':', 1)[1]
        if '/tests/' in path or not path.endswith('.py'):
            continue
        m = sh.module(ref, path[:-3].replace('/', '.'))
        if m is None:
            continue
        for node in ast.walk(m.tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ('register_opts', 'register_opt') and node.args):
                continue
            group = node.args[1] if len(node.args) > 1 else next((k.value for k in node.keywords if k.arg == 'group'), None)
            group = 'DEFAULT' if group is None else sh.value_of(m, group)
            if not isinstance(group, str):
                continue
            arg = node.args[0]
            opts = sh.opts_of(m, ast.List(elts=[arg]) if node.func.attr == 'register_opt' else arg)
            out.setdefault(group, []).extend(opts)
    return out


def record(report, sample, series, groups):
    for group, opts in groups.items():
        group = 'DEFAULT' if group in ('', 'None', 'DEFAULT') else group
        for o in opts:
            if not isinstance(o.get('name'), str):
                continue
            rec = report.setdefault(sample, {}).setdefault(group, {}).setdefault(
                o['name'], {'releases': [], 'deprecated_in': [], 'facts': {}})
            if series in rec['releases']:
                continue
            rec['releases'].append(series)
            if o.get('deprecated_for_removal') or o.get('deprecated_since'):
                rec['deprecated_in'].append(series)
            rec['facts'] = {k: o.get(k) for k in ('cls', 'default', 'choices', 'min', 'max', 'secret',
                                                   'item_type', 'deprecated_name', 'deprecated_group')
                            if o.get(k) is not None}


def scan_project(project, repo, neutron_repo):
    report = {'refs': {}, 'samples': {}, 'registered': {}, 'entry_points': {}}
    for series in SERIES:
        where, paths = repo, ([PACKAGE[project]] if project != 'neutron' else NEUTRON_EXTENSION_PATHS)
        if project in IN_NEUTRON_TREE and series in ('icehouse', 'juno'):
            where, ref, paths = neutron_repo, f'{series}-eol', IN_NEUTRON_TREE[project]
        elif series in ('icehouse', 'juno') and project != 'neutron':
            continue  # the other projects started later; their clones carry Neutron's old tags
        else:
            ref = ref_of(repo, series, neutron_repo)
        if ref is None:
            continue
        report['refs'][series] = ref if where == repo else f'openstack/neutron@{ref}'
        sh.REPO = where
        sh._cache.clear(); sh._mods.clear()
        record(report['registered'], 'code', series, registered(where, ref, paths))
        if where != repo or project == 'neutron':
            continue  # Neutron's own samples are scan_history.py's
        entries = setup_entries(repo, ref)
        for group in ENTRY_GROUPS:
            for name in entries.get(group, {}):
                report['entry_points'].setdefault(group, {}).setdefault(name, []).append(series)
        opts_entries = entries.get('oslo.config.opts', {})
        for sample, namespaces in samples(repo, ref).items():
            for ns in namespaces:
                target = opts_entries.get(ns)
                if not target or ':' not in target:
                    continue
                mod, fn = target.split(':')
                record(report['samples'], sample, series, sh.list_fn(ref, fn, mod) or {})
    return report


def literal(value):
    """A default or choice list the scan could evaluate, else None (an expression in the source)."""
    text = json.dumps(value, default=str)
    return None if '"expr"' in text else value


def emit_ts(report):
    rows = []
    for project, groups in CATALOGUED.items():
        registered = report.get(project, {}).get('registered', {}).get('code', {})
        for group in groups:
            for name, rec in registered.get(group, {}).items():
                idx = sorted(SERIES.index(r) for r in rec['releases'])
                f = rec['facts']
                row = {'project': project, 'section': group, 'name': name, 'osloType': OSLO_TYPES.get(f.get('cls'), 'string value')}
                default = literal(f.get('default'))
                row['default'] = default
                if f.get('default') is not None and default is None:
                    row['defaultInSource'] = True
                if literal(f.get('choices')) is not None:
                    row['choices'] = f['choices']
                for k in ('min', 'max'):
                    if k in f: row[k] = f[k]
                if f.get('secret'): row['secret'] = True
                if idx[0] > 0: row['added'] = SERIES[idx[0]]
                # Removed only when the project shipped a release without it (a retired project removes nothing).
                if idx[-1] < len(SERIES) - 1 and SERIES[idx[-1] + 1] in report[project]['refs']:
                    row['removed'] = SERIES[idx[-1] + 1]
                if rec['deprecated_in']: row['deprecated'] = min(rec['deprecated_in'], key=SERIES.index)
                if f.get('deprecated_group'): row['deprecatedGroup'] = f['deprecated_group']
                rows.append(row)
    lines = ['// Generated by generate/scan_extensions.py --ts from the git history of each project; do not edit.',
             '// Facts only: where each option group of an extension is registered, by release.',
             "import type { ExtensionOptionFacts } from '../generate/extensionFacts';",
             '',
             'export const EXTENSION_OPTION_FACTS: readonly ExtensionOptionFacts[] = [']
    lines += [f'  {json.dumps(r)},' for r in rows]
    lines.append('];')
    return '\n'.join(lines) + '\n'


def main():
    if sys.argv[1] == '--ts':
        sys.stdout.write(emit_ts(json.load(open(sys.argv[2]))))
        return
    mirror = sys.argv[1]
    neutron_repo = os.path.join(mirror, 'openstack+neutron', 'repo')
    out = {}
    for p in ['neutron'] + PROJECTS:
        repo = os.path.join(mirror, f'openstack+{p}', 'repo')
        if os.path.isdir(repo):
            out[p] = scan_project(p, repo, neutron_repo)
    out['unresolved'] = sh.UNRES
    json.dump(out, sys.stdout, indent=1, default=str)


if __name__ == '__main__':
    main()
