import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Format } from '../formats.js';
import { standaloneHtml } from './html.js';
import { useDejaVuMetrics } from './text-metrics.js';

/** Options of the PNG renderer. */
export interface PngOptions {
  /** Pixels per SVG pixel: 1 for screens, 2 for sharp slides, about 3.1 for 300 dpi on paper. */
  scale?: number;
}

/**
 * Compiles a Vega-Lite spec and renders it to SVG text with vega, headless. The output is
 * deterministic: no timestamps or random ids, text widths estimated the same way everywhere.
 * @example
 * const svg = await renderSvg(retentionCurvesSpec(tables));
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  useDejaVuMetrics();
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Rasterises SVG text to a PNG with resvg, using the system's fonts (DejaVu Sans on Debian).
 * @example
 * writeFileSync('chart.png', svgToPng(svg, { scale: 3.125 })); // 300 dpi at 96 px per inch
 */
export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: 'white',
  });
  return resvg.render().asPng();
}

/**
 * Renders a spec to a PNG (via SVG).
 * @example
 * writeFileSync('cost.png', await renderPng(costPerRetainedSpec(tables), { scale: 2 }));
 */
export async function renderPng(spec: TopLevelSpec, options: PngOptions = {}): Promise<Uint8Array> {
  return svgToPng(await renderSvg(spec), options);
}

/** The spec as pretty JSON with its data inlined, ending in a newline: open it in the Vega editor. */
export function specJson(spec: TopLevelSpec): string {
  return `${JSON.stringify(spec, null, 2)}\n`;
}

/**
 * Renders a spec in one of the export formats; SVG, HTML and JSON as text, PNG as bytes.
 * @example
 * writeFileSync('curves.html', await renderChart(spec, 'html'));
 */
export async function renderChart(
  spec: TopLevelSpec,
  format: Format,
  options: PngOptions = {},
): Promise<string | Uint8Array> {
  if (format === 'svg') return renderSvg(spec);
  if (format === 'png') return renderPng(spec, options);
  if (format === 'html') return standaloneHtml(spec);
  return specJson(spec);
}
