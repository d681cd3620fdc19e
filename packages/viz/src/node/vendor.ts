import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
let cached: string | undefined;

/** The installed build of a package's browser bundle (vega, vega-lite, vega-embed). */
function build(pkg: string, file: string): string {
  // The packages export only their entry points; the minified bundles sit next to them in build/.
  return readFileSync(join(dirname(require.resolve(pkg)), file), 'utf8');
}

/**
 * The `<script>` elements that make a page draw Vega-Lite offline: vega, vega-lite and
 * vega-embed read from the installed packages (no CDN), read once per process.
 */
export function vendorScripts(): string {
  cached ??= [
    build('vega', 'vega.min.js'),
    build('vega-lite', 'vega-lite.min.js'),
    build('vega-embed', 'vega-embed.min.js'),
  ]
    .map((code) => `<script>${code.replace(/<\/(script)/gi, '<\\/$1')}</script>`)
    .join('\n');
  return cached;
}
