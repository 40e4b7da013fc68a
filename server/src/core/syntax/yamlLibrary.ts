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
