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


def main():
    global REPO
    REPO = sys.argv[1]
    report = {'neutron': scan_neutron(), 'unresolved': UNRES}
    if len(sys.argv) > 2:
        report['oslo.log'] = scan_oslo_log(sys.argv[2])
    json.dump(report, sys.stdout, indent=1, default=str)


if __name__ == '__main__':
    main()
