#!/usr/bin/python3
"""
Facts of the option samples of Neutron as Debian packages it (a maintainer's
tool, not part of the build).

Runs Debian's own oslo-config-generator (/usr/bin/oslo-config-generator of
python3-oslo.config, with python3-neutron installed) with the namespaces that
Neutron's etc/oslo-config-generator/<file> lists, and writes the facts of each
option (no help text, no deprecation reasons) as JSON, in the shape of
neutron-zed-options.json:

  { "_about": ..., "files": { "<file>": { "namespaces": [...],
      "sections": { "<group>": [ {name, type, default, namespace, ...} ] } } } }

  /usr/bin/python3 debian_options.py /path/to/neutron.git 21.0.0 > ../data/neutron-debian-options.json

The namespaces are read from the git tag that matches the installed package.
"""
import json, subprocess, sys, tempfile, os
import yaml

FILES = {
    'linuxbridge_agent.ini': 'linuxbridge_agent.ini',
    'sriov_agent.ini': 'sriov_agent.ini',
    'dhcp_agent.ini': 'dhcp_agent.ini',
    'neutron.conf': 'neutron.conf',
}

def namespaces(repo, tag, conf):
    text = subprocess.run(['git', '--git-dir', repo, 'show', f'{tag}:etc/oslo-config-generator/{conf}'],
                          capture_output=True, text=True, check=True).stdout
    return [l.split('=', 1)[1].strip() for l in text.splitlines() if l.strip().startswith('namespace')]

def facts(o):
    out = {'name': o['name'], 'type': o['type'], 'default': o['default']}
    if o.get('choices'):
        out['choices'] = [c[0] if isinstance(c, (list, tuple)) else c for c in o['choices']]
    for k in ('min', 'max'):
        if o.get(k) is not None: out[k] = o[k]
    if o.get('deprecated_opts'):
        out['deprecated_names'] = [{'group': d.get('group') or 'DEFAULT', 'name': d.get('name') or o['name']} for d in o['deprecated_opts']]
    if o.get('deprecated_for_removal'): out['deprecated_for_removal'] = True
    if o.get('deprecated_since'): out['deprecated_since'] = str(o['deprecated_since'])
    if o.get('secret'): out['secret'] = True
    if o.get('sample_default') is not None: out['sample_default'] = str(o['sample_default'])
    out['namespace'] = o['namespace']
    return out

def main():
    repo, tag = sys.argv[1], sys.argv[2]
    version = subprocess.run(['dpkg-query', '-W', '-f', '${Version}', 'python3-neutron'], capture_output=True, text=True).stdout
    files = {}
    for file, conf in FILES.items():
        ns = namespaces(repo, tag, conf)
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, 'out.yaml')
            args = ['/usr/bin/oslo-config-generator', '--format', 'yaml', '--output-file', out]
            for n in ns: args += ['--namespace', n]
            subprocess.run(args, check=True)
            data = yaml.safe_load(open(out))
        sections = {}
        for group, body in data['options'].items():
            sections[group] = [facts(o) for o in body['opts']]
        files[file] = {'namespaces': ns, 'sections': sections}
    about = (f'Facts (no prose) read from Neutron {tag} as Debian packages it (python3-neutron {version}), '
             'via /usr/bin/oslo-config-generator --format yaml with the namespaces each sample config uses '
             f'(etc/oslo-config-generator/*.ini @{tag}). Help texts are deliberately left out. type is oslo.config\'s type name.')
    json.dump({'_about': about, 'files': files}, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write('\n')

if __name__ == '__main__':
    main()
