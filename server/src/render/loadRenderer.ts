import * as fs from 'fs';
import * as path from 'path';

export interface Renderer {
  renderSvg(dot: string): Promise<string>;
}

/**
 * The SVG renderer, loaded on first use: dist/render.js beside the bundle
 * that asks (the CLI, the extension), or the compiled module when running
 * from the TypeScript output. The path is computed so that esbuild leaves it
 * out of the bundle that asks.
 */
export function loadRenderer(): Renderer {
  const bundled = path.join(__dirname, 'render.js');
  const compiled = path.join(__dirname, 'svg.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(fs.existsSync(bundled) ? bundled : compiled) as Renderer;
}
