import { RESULT_FILES } from '@smart-settlement/core';
import { CHARTS, type ChartDefinition } from '../charts/index.js';
import type { ResultTables } from '../tables.js';
import { standaloneHtml } from './html.js';
import { type PngOptions, renderSvg, specJson, svgToPng } from './render.js';
import { type ReportOptions, reportHtml } from './report.js';

/** A file of the briefing pack: its path inside the results folder and its content. */
export interface PackFile {
  name: string;
  content: string | Uint8Array;
}

/** Options of the briefing pack. */
export interface PackOptions extends PngOptions, ReportOptions {
  /** Charts to include (default: all of CHARTS). */
  charts?: readonly ChartDefinition[];
}

/**
 * The briefing pack of a results folder: every chart in every format under `charts/`
 * (`.svg`, `.png`, `.html`, `.vl.json`) and `report.html`. Each chart is rendered to SVG
 * once and the PNG is rasterised from that SVG. Deterministic: the same tables give the
 * same bytes.
 * @example
 * for (const f of await briefingPack(readResults('out'))) writeFileSync(join('out', f.name), f.content);
 */
export async function briefingPack(tables: ResultTables, options: PackOptions = {}): Promise<PackFile[]> {
  const wanted = options.charts ?? CHARTS;
  const charts = wanted
    .filter((chart) => !chart.unavailable?.(tables))
    .map((chart) => ({ chart, spec: chart.build(tables) }));
  const skipped = wanted.flatMap((chart) => {
    const why = chart.unavailable?.(tables);
    return why ? [{ chart, why }] : [];
  });
  const files: PackFile[] = [];
  for (const { chart, spec } of charts) {
    const svg = await renderSvg(spec);
    const base = `${RESULT_FILES.charts}/${chart.name}`;
    files.push(
      { name: `${base}.svg`, content: svg },
      { name: `${base}.png`, content: svgToPng(svg, { scale: options.scale ?? 2 }) },
      { name: `${base}.html`, content: standaloneHtml(spec) },
      { name: `${base}.vl.json`, content: specJson(spec) },
    );
  }
  files.push({ name: RESULT_FILES.report, content: reportHtml(tables, charts, { ...options, skipped }) });
  return files;
}
