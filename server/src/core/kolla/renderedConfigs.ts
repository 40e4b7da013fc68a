/**
 * Whether a file is one kolla-ansible renders for a service: it writes each
 * service's configuration to `<node_config_directory>/<service>/`, by default
 * /etc/kolla/neutron-server/ml2_conf.ini and the like
 * (ansible/roles/neutron/tasks/config.yml). Overrides under
 * /etc/kolla/config/neutron/ are merged into them, so they are not.
 */
export function isKollaRenderedNeutronFile(relativePath: string): boolean {
  const parts = relativePath.split('/');
  return parts.length >= 3 && parts.at(-3) === 'kolla' && /^neutron-/.test(parts.at(-2) ?? '');
}
