#!/usr/bin/env python3
"""
History scan for the option catalogue (a maintainer's tool, not part of the build).

Reads a git clone of openstack/neutron (and optionally openstack/oslo.log)
WITHOUT running or importing any of its code: it parses, at each release tag,
the functions of neutron/opts.py that oslo-config-generator uses for the
ml2_conf.ini, openvswitch_agent.ini and l3_agent.ini samples (and the OVN
options list), follows the option lists they name, and reads each
cfg.*Opt(...) call statically. It prints, per file kind and option, the
releases whose sample lists it and where it is marked deprecated, so a person
can review history.ts-style data in options/*.ts against it.

  python3 scan_history.py /path/to/neutron.git [/path/to/oslo.log.git] > scan.json

Releases before Mitaka had hand-written samples; for those, read
etc/neutron/plugins/ml2/ml2_conf.ini, etc/neutron/plugins/openvswitch/
ovs_neutron_plugin.ini (Liberty: etc/neutron/plugins/ml2/openvswitch_agent.ini)
and etc/l3_agent.ini at tags 2014.1, 2014.2, 2015.1.0 and 7.0.0, and grep the
option definitions under neutron/ at those tags (see SOURCES.md).
"""
import ast, json, subprocess, sys, re
REPO = None  # set by main()
_cache = {}
def show(tag, path):
    key = (tag, path)
    if key not in _cache:
        r = subprocess.run(['git', '-C', REPO, 'show', f'{tag}:{path}'], capture_output=True, text=True)
        _cache[key] = r.stdout if r.returncode == 0 else None
    return _cache[key]

class Module:
    def __init__(self, tag, dotted):
        self.tag, self.dotted = tag, dotted
        src = show(tag, dotted.replace('.', '/') + '.py')
        if src is None:
            src = show(tag, dotted.replace('.', '/') + '/__init__.py')
        if src is None:
            raise LookupError(dotted)
        try:
            self.tree = ast.parse(src)
        except SyntaxError:
            src = re.sub(r'^(\s*)print (.*)$', r'\1print(\2)', src, flags=re.M)
            src = re.sub(r'except (\w[\w.]*), (\w+):', r'except \1 as \2:', src)
            self.tree = ast.parse(src)
        self.assigns = {}
        self.imports = {}  # local name -> dotted (module or module.attr)
        for node in self.tree.body:
            self._scan(node)
    def _scan(self, node):
        if isinstance(node, ast.Assign):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    self.assigns.setdefault(t.id, []).append(node.value)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            self.assigns.setdefault(node.target.id, []).append(('aug', node.value))
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Attribute) \
                and node.value.func.attr in ('extend', 'append') and isinstance(node.value.func.value, ast.Name):
            self.assigns.setdefault(node.value.func.value.id, []).append((node.value.func.attr, node.value.args[0]))
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.asname: self.imports[a.asname] = a.name
                else: self.imports[a.name.split('.')[0]] = a.name.split('.')[0]
        elif isinstance(node, ast.ImportFrom) and node.module:
            mod = node.module
            if node.level:
                base = self.dotted.split('.')[:-node.level]
                mod = '.'.join(base + [mod])
            for a in node.names:
                self.imports[a.asname or a.name] = mod + '.' + a.name
        elif isinstance(node, (ast.If, ast.Try)):
            for sub in node.body: self._scan(sub)

_mods = {}
def module(tag, dotted):
    k = (tag, dotted)
    if k not in _mods:
        try: _mods[k] = Module(tag, dotted)
        except LookupError: _mods[k] = None
    return _mods[k]

def dotted_of(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr); node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id); return list(reversed(parts))
    return None

def resolve_global(tag, dotted):
    """dotted 'a.b.c.X' -> (Module, 'X') value nodes."""
    parts = dotted.split('.')
    for i in range(len(parts) - 1, 0, -1):
        m = module(tag, '.'.join(parts[:i]))
        if m is not None:
            rest = parts[i:]
            if len(rest) == 1:
                return lookup(m, rest[0])
            # attribute of something imported inside the module
            return lookup_dotted(m, rest)
    return None

def lookup(m, name):
    if name in m.assigns:
        return (m, m.assigns[name])
    if name in m.imports:
        return resolve_global(m.tag, m.imports[name])
    return None

def lookup_dotted(m, parts):
    head = parts[0]
    if head in m.imports:
        return resolve_global(m.tag, m.imports[head] + '.' + '.'.join(parts[1:]))
    return None

UNRES = []
def opts_of(m, node):
    """Evaluate an expression to a list of option dicts."""
    if isinstance(node, tuple):
        kind, val = node
        return [*opts_of(m, val)] if kind in ('aug', 'extend') else opts_of(m, ast.List(elts=[val]))
    if isinstance(node, (ast.List, ast.Tuple)):
        out = []
        for e in node.elts:
            if isinstance(e, ast.Starred): out += opts_of(m, e.value)
            elif isinstance(e, ast.Call) and is_opt_call(e): out.append(parse_opt(m, e))
            else: out += opts_of(m, e)
        return out
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return opts_of(m, node.left) + opts_of(m, node.right)
    if isinstance(node, ast.Call):
        if is_opt_call(node): return [parse_opt(m, node)]
        fn = dotted_of(node.func)
        if fn and fn[-1] in ('chain', 'deepcopy', 'copy', 'list'):
            out = []
            for a in node.args: out += opts_of(m, a)
            return out
    if isinstance(node, (ast.Name, ast.Attribute)):
        d = dotted_of(node)
        if d:
            if len(d) == 1: r = lookup(m, d[0])
            else:
                r = lookup_dotted(m, d) if d[0] in m.imports else None
                if r is None: r = resolve_global(m.tag, '.'.join(d))
            if r:
                mm, vals = r
                out = []
                for v in vals: 
                    if not isinstance(v, tuple): out = []
                    out += opts_of(mm, v)
                return out
    UNRES.append((m.dotted, ast.unparse(node)[:120]))
    return []

def is_opt_call(c):
    fn = dotted_of(c.func)
    return bool(fn) and (fn[-1].endswith('Opt') and fn[-1] != 'DeprecatedOpt')

def value_of(m, node, depth=0):
    try:
        return ast.literal_eval(node)
    except Exception:
        pass
    if depth < 5 and isinstance(node, (ast.Name, ast.Attribute)):
        d = dotted_of(node)
        r = None
        if d:
            if len(d) == 1: r = lookup(m, d[0])
            else:
                r = lookup_dotted(m, d) if d[0] in m.imports else None
                if r is None: r = resolve_global(m.tag, '.'.join(d))
        if r and not isinstance(r[1][-1], tuple):
            return value_of(r[0], r[1][-1], depth + 1)
    if isinstance(node, (ast.List, ast.Tuple)):
        return [value_of(m, e, depth + 1) for e in node.elts]
    return {'expr': ast.unparse(node)}

def parse_opt(m, c):
    fn = dotted_of(c.func)[-1]
    o = {'cls': fn}
    if c.args: o['name'] = value_of(m, c.args[0])
    for kw in c.keywords:
        if kw.arg is None: continue
        if kw.arg in ('help', 'deprecated_reason'): o[kw.arg] = True; continue
        if kw.arg == 'deprecated_opts':
            lst = []
            elts = kw.value.elts if isinstance(kw.value, (ast.List, ast.Tuple)) else []
            for e in elts:
                if isinstance(e, ast.Call):
                    d = {}
                    if e.args: d['name'] = value_of(m, e.args[0])
                    for k2 in e.keywords: d[k2.arg] = value_of(m, k2.value)
                    lst.append(d)
            o['deprecated_opts'] = lst; continue
        if kw.arg in ('type', 'item_type'):
            o[kw.arg] = ast.unparse(kw.value); continue
        o[kw.arg] = value_of(m, kw.value)
    if 'name' in o and not isinstance(o['name'], str): o['name'] = str(o['name'])
    return o

def list_fn(tag, fname, modname='neutron.opts'):
    m = module(tag, modname)
    if m is None: return None
    for node in m.tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == fname:
            ret = [n for n in ast.walk(node) if isinstance(n, ast.Return)][0].value
            out = {}
            for t in ret.elts:
                grp = value_of(m, t.elts[0])
                if not isinstance(grp, str): grp = str(grp)
                out.setdefault(grp, []).extend(opts_of(m, t.elts[1]))
            return out
    return None


RELEASE_TAGS = [('mitaka', '8.0.0'), ('newton', '9.0.0'), ('ocata', '10.0.0'), ('pike', '11.0.0'), ('queens', '12.0.0'),
                ('rocky', '13.0.0'), ('stein', '14.0.0'), ('train', '15.0.0'), ('ussuri', '16.0.0'), ('victoria', '17.0.0'),
                ('wallaby', '18.0.0'), ('xena', '19.0.0'), ('yoga', '20.0.0'), ('zed', '21.0.0'), ('2023.1', '22.0.0'),
                ('2023.2', '23.0.0'), ('2024.1', '24.0.0'), ('2024.2', '25.0.0'), ('2025.1', '26.0.0'), ('2025.2', '27.0.0'),
                ('2026.1', '28.0.0')]
KINDS = {
    'ml2': [('list_ml2_conf_opts', 'neutron.opts'), ('list_opts', 'neutron.conf.plugins.ml2.drivers.ovn.ovn_conf')],
    'ovs-agent': [('list_ovs_opts', 'neutron.opts'), ('list_xenapi_opts', 'neutron.opts')],
    'l3-agent': [('list_base_agent_opts', 'neutron.opts'), ('list_az_agent_opts', 'neutron.opts'), ('list_l3_agent_opts', 'neutron.opts')],
    # The Linux bridge agent's list is gone from 2025.1 (26.0.0), with the agent.
    'linuxbridge-agent': [('list_linux_bridge_opts', 'neutron.opts')],
    'sriov-agent': [('list_sriov_agent_opts', 'neutron.opts')],
    'dhcp-agent': [('list_base_agent_opts', 'neutron.opts'), ('list_az_agent_opts', 'neutron.opts'), ('list_dhcp_agent_opts', 'neutron.opts')],
    # neutron.conf: Neutron's own namespaces of etc/oslo-config-generator/neutron.conf (neutron.qos in Mitaka only,
    # neutron.experimental from Zed); the library namespaces of that sample are not Neutron's.
    'neutron-conf': [('list_opts', 'neutron.opts'), ('list_agent_opts', 'neutron.opts'), ('list_db_opts', 'neutron.opts'),
                     ('list_experimental_opts', 'neutron.opts'), ('list_extension_opts', 'neutron.opts'), ('list_qos_opts', 'neutron.opts')],
}
OSLO_LOG_REFS = [('kilo', 'kilo-eol'), ('liberty', 'liberty-eol'), ('mitaka', 'mitaka-eol'), ('newton', 'newton-eol'),
                 ('ocata', 'ocata-eol'), ('pike', 'pike-eol'), ('queens', 'queens-eol'), ('rocky', 'rocky-eol'),
                 ('stein', 'stein-eol'), ('train', 'train-eol'), ('ussuri', 'ussuri-eol'), ('victoria', 'victoria-eol'),
                 ('2023.1', '2023.1-eom'), ('2023.2', '2023.2-eol'), ('2024.1', '2024.1-eom'), ('2024.2', '2024.2-eol'),
                 ('2025.1', 'origin/stable/2025.1'), ('2025.2', 'origin/stable/2025.2'), ('2026.1', 'origin/stable/2026.1')]


def norm_group(g):
    return g if g == 'DEFAULT' else str(g).lower()


def scan_neutron():
    out = {}
    for rel, tag in RELEASE_TAGS:
        for kind, fns in KINDS.items():
            for fn, mod in fns:
                for group, opts in (list_fn(tag, fn, mod) or {}).items():
                    for o in opts:
                        key = norm_group(group) + '/' + o['name']
                        rec = out.setdefault(kind, {}).setdefault(key, {'releases': [], 'deprecated_in': [], 'facts': {}})
                        rec['releases'].append(rel)
                        if o.get('deprecated_for_removal') or o.get('deprecated_since'):
                            rec['deprecated_in'].append(rel)
                        rec['facts'][rel] = {k: o.get(k) for k in ('cls', 'default', 'choices', 'min', 'max', 'secret',
                                                                 'deprecated_name', 'deprecated_group', 'deprecated_opts')
                                             if o.get(k) is not None}
    return out


def scan_oslo_log(repo):
    out = {}
    for rel, ref in OSLO_LOG_REFS:
        src = subprocess.run(['git', '-C', repo, 'show', f'{ref}:oslo_log/_options.py'], capture_output=True, text=True).stdout
        if not src:
            continue
        for node in ast.walk(ast.parse(src)):
            if isinstance(node, ast.Call) and ast.unparse(node.func).endswith('Opt') and node.args:
                try:
                    name = ast.literal_eval(node.args[0]).replace('-', '_')
                except Exception:
                    continue
                rec = out.setdefault('DEFAULT/' + name, {'releases': [], 'deprecated_in': []})
                rec['releases'].append(rel)
                if any(k.arg == 'deprecated_for_removal' for k in node.keywords):
                    rec['deprecated_in'].append(rel)
    return out


# ---------------------------------------------------------------------------
# --ts: the facts and history of the kinds catalogued from the scan alone
# (linuxbridge-agent, sriov-agent, dhcp-agent, neutron-conf), written as
# data/agents.generated.ts. Reviewed corrections are applied here, each with
# its source, so the generated file is reproducible.

TS_KINDS = ['linuxbridge-agent', 'sriov-agent', 'dhcp-agent', 'neutron-conf']
OSLO_TYPES = {'StrOpt': 'string value', 'BoolOpt': 'boolean value', 'IntOpt': 'integer value', 'ListOpt': 'list value',
              'DictOpt': 'dict value', 'FloatOpt': 'floating point value', 'PortOpt': 'port value',
              'HostAddressOpt': 'host address value', 'IPOpt': 'IP address value', 'MultiStrOpt': 'multi valued',
              'HostnameOpt': 'string value', 'URIOpt': 'string value'}
PRE_MITAKA = [('icehouse', '2014.1'), ('juno', '2014.2'), ('kilo', '2015.1.0'), ('liberty', '7.0.0')]
# Sections of the samples that are not the service's own: the Mitaka SR-IOV sample listed the agent's options under
# [ml2_sriov], while the agent read [SRIOV_NIC] since Juno (neutron/plugins/sriovnicagent/common/config.py @2014.2,
# neutron/plugins/ml2/drivers/mech_sriov/agent/common/config.py @8.0.0: register_opts(sriov_nic_opts, 'SRIOV_NIC')).
SAMPLE_ERRATA = {('sriov-agent', 'ml2_sriov'): 'sriov_nic'}
# neutron.conf groups owned by libraries (keystoneauth plugins in [nova]/[placement]/[ironic], oslo.db in [database]),
# or whose Neutron options appear in the sample only lately ([designate] 2023.1, [service_providers] 2025.2): known
# sections whose options are not judged (services.ts).
TS_SKIP_SECTIONS = {('neutron-conf', s) for s in ('database', 'nova', 'placement', 'ironic', 'designate', 'service_providers')}

# Where each service's options were defined before Mitaka (the modules the service imports): an option counts as
# read by it in a release whose code there defines it.
PRE_MITAKA_PATHS = {
    'linuxbridge-agent': ['neutron/plugins/linuxbridge/', 'neutron/plugins/ml2/drivers/linuxbridge/', 'neutron/agent/securitygroups_rpc.py',
                          'neutron/agent/l2/', 'neutron/plugins/ml2/drivers/agent/', 'neutron/common/config.py'],
    'sriov-agent': ['neutron/plugins/sriovnicagent/', 'neutron/plugins/ml2/drivers/mech_sriov/', 'neutron/agent/l2/', 'neutron/common/config.py'],
    'dhcp-agent': ['neutron/agent/dhcp_agent.py', 'neutron/agent/dhcp/', 'neutron/agent/linux/', 'neutron/agent/common/', 'neutron/agent/ovsdb/',
                   'neutron/common/config.py'],
    'neutron-conf': ['neutron/common/', 'neutron/db/', 'neutron/extensions/', 'neutron/quota/', 'neutron/quota.py', 'neutron/agent/common/', 'neutron/agent/linux/',
                     'neutron/agent/metadata/', 'neutron/scheduler/', 'neutron/service.py', 'neutron/wsgi.py', 'neutron/api/',
                     'neutron/notifiers/', 'neutron/manager.py', 'neutron/ipam/', 'neutron/services/qos/', 'neutron/services/l3_router/'],
}

_defined = {}
def defined_at(tag, name, kind):
    """Whether non-test code of the service's modules at `tag` defines an option called `name`."""
    key = (tag, name, kind)
    if key not in _defined:
        r = subprocess.run(['git', '-C', REPO, 'grep', '-l', '-F', f"'{name}'", tag, '--', *PRE_MITAKA_PATHS[kind], ':!neutron/tests'],
                           capture_output=True, text=True)
        found = False
        for line in r.stdout.splitlines():
            path = line.split(':', 1)[1]
            src = show(tag, path) or ''
            if re.search(r"Opt\(\s*'" + re.escape(name) + "'", src):
                found = True
                break
        _defined[key] = found
    return _defined[key]

# Hand-written samples before Mitaka: options they list that no Mitaka+ list has were read by the service then and
# dropped before Mitaka. Facts come from the option's definition in the service's modules at the last such tag.
OLD_SAMPLES = {
    'dhcp-agent': {'2014.1': 'etc/dhcp_agent.ini', '2014.2': 'etc/dhcp_agent.ini', '2015.1.0': 'etc/dhcp_agent.ini', '7.0.0': 'etc/dhcp_agent.ini'},
    'linuxbridge-agent': {'2014.1': 'etc/neutron/plugins/linuxbridge/linuxbridge_conf.ini', '2014.2': 'etc/neutron/plugins/linuxbridge/linuxbridge_conf.ini',
                          '2015.1.0': 'etc/neutron/plugins/linuxbridge/linuxbridge_conf.ini', '7.0.0': 'etc/neutron/plugins/ml2/linuxbridge_agent.ini'},
    'sriov-agent': {'2014.2': 'etc/neutron/plugins/ml2/ml2_conf_sriov.ini', '2015.1.0': 'etc/neutron/plugins/ml2/ml2_conf_sriov.ini',
                    '7.0.0': 'etc/neutron/plugins/ml2/sriov_agent.ini'},
    'neutron-conf': {'2014.1': 'etc/neutron.conf', '2014.2': 'etc/neutron.conf', '2015.1.0': 'etc/neutron.conf', '7.0.0': 'etc/neutron.conf'},
}
OLD_RELEASE = {'2014.1': 'icehouse', '2014.2': 'juno', '2015.1.0': 'kilo', '7.0.0': 'liberty'}
# Groups of the old samples that are not the service's: the SR-IOV file held the server's [ml2_sriov] too; the old
# neutron.conf held the libraries' groups and the server's [database], [nova] … (known sections, services.ts).
OLD_SECTIONS = {'sriov-agent': {'sriov_nic', 'agent'}, 'neutron-conf': {'agent', 'quotas'}}

# Old sample entries the service still reads although later samples leave them out (options/agents.ts READ_NOT_SAMPLED):
# the DHCP agent registers meta_conf.SHARED_OPTS (neutron/agent/dhcp_agent.py @21.0.0).
STILL_READ = {('dhcp-agent', 'DEFAULT', 'metadata_proxy_socket')}

def sample_names(text):
    out, section = [], None
    for line in text.splitlines():
        m = re.match(r'^\s*\[([^\]]+)\]', line)
        if m:
            section = m.group(1).strip(); continue
        m = re.match(r'^#?\s*([a-z][a-z0-9_]*)\s*=', line)
        if m and section: out.append((norm_group(section), m.group(1)))
    return out

def old_definition(tag, name, kind):
    r = subprocess.run(['git', '-C', REPO, 'grep', '-l', '-F', f"'{name}'", tag, '--', *PRE_MITAKA_PATHS[kind], ':!neutron/tests'],
                       capture_output=True, text=True)
    for line in r.stdout.splitlines():
        path = line.split(':', 1)[1]
        if not path.endswith('.py'): continue
        m = module(tag, path[:-3].replace('/', '.'))
        if m is None: continue
        for node in ast.walk(m.tree):
            if isinstance(node, ast.Call) and is_opt_call(node) and node.args:
                try:
                    if ast.literal_eval(node.args[0]) == name: return parse_opt(m, node)
                except Exception:
                    pass
    return None

def old_records(kind, known):
    seen = {}
    for tag, path in OLD_SAMPLES.get(kind, {}).items():
        text = show(tag, path) or ''
        for group, name in sample_names(text):
            if kind in OLD_SECTIONS and group not in OLD_SECTIONS[kind]: continue
            if group == 'DEFAULT' and kind == 'neutron-conf': continue
            if f'{group}/{name}' in known or (kind, group, name) in STILL_READ: continue
            seen.setdefault((group, name), []).append(tag)
    out = []
    order = list(OLD_RELEASE)
    for (group, name), tags in seen.items():
        last = tags[-1]
        o = old_definition(last, name, kind)
        if o is None: continue
        d = o.get('default')
        rec = {'kind': kind, 'section': group, 'name': name, 'osloType': OSLO_TYPES.get(o.get('cls'), 'string value')}
        if rec['osloType'] == 'list value' and isinstance(d, str): d = [x.strip() for x in d.split(',') if x.strip()]
        rec['default'] = d if literal(d) else None
        if not literal(d): rec['defaultInSource'] = True
        if tags[0] != '2014.1': rec['added'] = OLD_RELEASE[tags[0]]
        nxt = order.index(last) + 1
        rec['removed'] = OLD_RELEASE[order[nxt]] if nxt < len(order) else 'mitaka'
        if o.get('deprecated_for_removal'): rec['deprecated'] = OLD_RELEASE[last]
        rec['preMitaka'] = True
        out.append(rec)
    return out

def literal(v):
    return not (isinstance(v, dict) and 'expr' in v) and not (isinstance(v, list) and any(isinstance(x, dict) for x in v))

def ts_records(scan):
    out = []
    order = [r for r, _ in RELEASE_TAGS]
    for kind in TS_KINDS:
        merged = {}
        for key, rec in scan.get(kind, {}).items():
            group, name = key.split('/', 1)
            group = SAMPLE_ERRATA.get((kind, group), group)
            if (kind, group) in TS_SKIP_SECTIONS:
                continue
            m = merged.setdefault(group + '/' + name, {'releases': [], 'deprecated_in': [], 'facts': {}})
            for r in rec['releases']:
                if r not in m['releases']: m['releases'].append(r)
            m['deprecated_in'] += [r for r in rec['deprecated_in'] if r not in m['deprecated_in']]
            m['facts'].update(rec['facts'])
        for key, rec in merged.items():
            group, name = key.split('/', 1)
            rels = sorted(rec['releases'], key=order.index)
            last = rec['facts'][rels[-1]]
            o = {'kind': kind, 'section': group, 'name': name, 'osloType': OSLO_TYPES.get(last.get('cls'), 'string value')}
            d = last.get('default')
            if o['osloType'] == 'list value' and isinstance(d, str):
                d = [x.strip() for x in d.split(',') if x.strip()]
            o['default'] = d if literal(d) else None
            if not literal(d): o['defaultInSource'] = True
            for k in ('choices', 'min', 'max'):
                if last.get(k) is not None and literal(last[k]):
                    o[k] = [c[0] if isinstance(c, (list, tuple)) else c for c in last[k]] if k == 'choices' else last[k]
            if last.get('secret') is True: o['secret'] = True
            first = rels[0]
            if first == 'mitaka':
                added = 'mitaka'
                for rel, tag in reversed(PRE_MITAKA):
                    if defined_at(tag, name, kind): added = rel
                    else: break
                if added != 'icehouse': o['added'] = added
            else:
                o['added'] = first
            idx = order.index(rels[-1])
            if idx + 1 < len(order): o['removed'] = order[idx + 1]
            if rec['deprecated_in']:
                o['deprecated'] = sorted(rec['deprecated_in'], key=order.index)[0]
            # Defaults by release, when the source writes them as literals.
            periods, prev = [], object()
            for r in rels:
                f = rec['facts'][r]
                dv = json.dumps(f.get('default'))
                if dv != prev:
                    periods.append({'since': r, 'default': f.get('default')}); prev = dv
            if len(periods) > 1 and all(literal(p['default']) for p in periods):
                o['defaults'] = periods
            types = []
            for r in rels:
                t = OSLO_TYPES.get(rec['facts'][r].get('cls'), 'string value')
                if not types or types[-1]['osloType'] != t: types.append({'since': r, 'osloType': t})
            if len(types) > 1: o['types'] = types
            dn = []
            for dop in last.get('deprecated_opts') or []:
                if isinstance(dop, dict) and isinstance(dop.get('name', name), str):
                    g = dop.get('group', group)
                    dn.append({'section': g if isinstance(g, str) else group, 'name': dop.get('name', name)})
            if isinstance(last.get('deprecated_name'), str):
                g = last.get('deprecated_group', group)
                dn.append({'section': g if isinstance(g, str) else group, 'name': last['deprecated_name']})
            if dn: o['deprecatedNames'] = dn
            out.append(o)
        out += old_records(kind, set(merged))
    return out

def write_ts(records, stream):
    stream.write('// Generated by generate/scan_history.py --ts from the git history of openstack/neutron; do not edit.\n')
    stream.write('// Facts only: the options of each release\'s samples of these files (neutron/opts.py at 8.0.0 ... 28.0.0).\n')
    stream.write("import type { AgentOptionFacts } from '../generate/agentFacts';\n\n")
    stream.write('export const AGENT_OPTION_FACTS: readonly AgentOptionFacts[] = [\n')
    for r in records:
        stream.write('  ' + json.dumps(r, default=str) + ',\n')
    stream.write('];\n')


def main():
    global REPO
    REPO = sys.argv[1]
    if len(sys.argv) > 2 and sys.argv[2] == '--kinds':
        wanted = sys.argv[3].split(',')
        for k in list(KINDS):
            if k not in wanted: del KINDS[k]
        del sys.argv[2:4]
    if len(sys.argv) > 2 and sys.argv[2] == '--ts':
        for k in list(KINDS):
            if k not in TS_KINDS: del KINDS[k]
        write_ts(ts_records(scan_neutron()), sys.stdout)
        return
    report = {'neutron': scan_neutron(), 'unresolved': UNRES}
    if len(sys.argv) > 2:
        report['oslo.log'] = scan_oslo_log(sys.argv[2])
    json.dump(report, sys.stdout, indent=1, default=str)


if __name__ == '__main__':
    main()
