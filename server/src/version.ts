// Replaced by the bundler with the version from package.json (see esbuild.mjs).
declare const __NEUTRON_CONFIG_VERSION__: string | undefined;

/** The product version shown by `--version`, in SARIF output and in the server's initialize reply. */
export const VERSION: string = typeof __NEUTRON_CONFIG_VERSION__ === 'string' ? __NEUTRON_CONFIG_VERSION__ : '0.0.0-dev';

/** Where the project lives (package.json `homepage`); SARIF's informationUri, and the base of each check's help link. */
export const HOMEPAGE = 'https://github.com/neutron-config/neutron-config';
/** Each check's section in docs/codes.md, by its code as the anchor. */
export const CODES_DOC_URI = `${HOMEPAGE}/blob/main/docs/codes.md`;
