import type { TopLevelSpec } from 'vega-lite';
import { escapeHtml, scriptJson } from '../html-text.js';
import { vendorScripts } from './vendor.js';

// Also exported from the browser-safe entry; kept here for code that imports them from '/node'.
export { escapeHtml, scriptJson } from '../html-text.js';

/** vega-embed's options for our pages: SVG renderer, export menu only (the editor link would go online). */
export const EMBED_OPTIONS = {
  renderer: 'svg',
  actions: { export: true, source: false, compiled: false, editor: false },
};

/** The page's title: the spec's title text, or a default. */
function titleOf(spec: TopLevelSpec): string {
  const t = (spec as { title?: string | { text?: string | string[] } }).title;
  const text = typeof t === 'string' ? t : t?.text;
  return Array.isArray(text) ? text.join(' ') : (text ?? 'Smart Settlement chart');
}

/**
 * A standalone HTML page drawing one chart: works offline, from a file, with no network
 * (vega, vega-lite and vega-embed are inlined from the installed packages).
 * @example
 * writeFileSync('curves.html', standaloneHtml(retentionCurvesSpec(tables)));
 */
export function standaloneHtml(spec: TopLevelSpec): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(titleOf(spec))}</title>
<style>body{margin:16px;font-family:system-ui,sans-serif;background:#fff}</style>
${vendorScripts()}
</head>
<body>
<div id="chart" class="chart"></div>
<script>
vegaEmbed('#chart', ${scriptJson(spec)}, ${JSON.stringify(EMBED_OPTIONS)}).catch(function (e) { console.error(e); });
</script>
</body>
</html>
`;
}
