/**
 * Graphviz (compiled to WebAssembly, @viz-js/viz) for the topology picture:
 * DOT in, SVG out, without a browser or a `dot` binary. Bundled on its own
 * (dist/render.js, 1.2 MB) and loaded only when a picture is asked for.
 */
interface Viz {
  renderString(dot: string, options: { format: 'svg'; engine: 'dot' }): string;
}

let viz: Promise<Viz> | undefined;

export async function renderSvg(dot: string): Promise<string> {
  // The package's CommonJS build (exports.require); its types are written for ESM importers.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  viz ??= (require('@viz-js/viz') as { instance(): Promise<Viz> }).instance();
  return (await viz).renderString(dot, { format: 'svg', engine: 'dot' });
}
