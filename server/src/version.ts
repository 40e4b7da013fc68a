// Replaced by the bundler with the version from package.json (see esbuild.mjs).
declare const __NEUTRON_CONFIG_VERSION__: string | undefined;

/** The product version shown by `--version`, in SARIF output and in the server's initialize reply. */
export const VERSION: string = typeof __NEUTRON_CONFIG_VERSION__ === 'string' ? __NEUTRON_CONFIG_VERSION__ : '0.0.0-dev';
