/**
 * The `yaml` library, loaded on first use: its evaluation costs about 60 ms
 * at start-up, which a workspace without os-net-config files (and every CLI
 * run on one) should not pay. esbuild keeps a `require` of a bundled package
 * lazy.
 */
type YamlLibrary = typeof import('yaml');

let library: YamlLibrary | undefined;

export function yaml(): YamlLibrary {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  library ??= require('yaml') as YamlLibrary;
  return library;
}

/**
 * Loads the library and runs its parser once (about 20 ms): the server does
 * it while the client waits for its answer to `initialize`, so that the first
 * YAML file the fast path leaves to the library does not hold up a request
 * in the middle of indexing.
 */
export function prepareYaml(): void {
  yaml().parseDocument('network_config:\n  - {type: ovs_bridge, name: br-ex}\n');
}
