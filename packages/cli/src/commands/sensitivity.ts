import { join } from 'node:path';
import {
  analyseSensitivity,
  ResultsStore,
  type SensitivityResult,
  storeOptions,
  writeFileAtomically,
} from '@smart-settlement/runner';
import type { Args } from '../args.js';
import { InputError } from '../messages.js';
import { toCsv, toJson } from '../output/csv.js';
import { experimentOut, loadExperiment, reportSweep, STORE_FILE, sweepInto } from './sweep.js';

/** The charts of an experiment: each spec as .vl.json, and as .svg and .png when the viz renderers are built. */
export async function writeCharts(dir: string, charts: { name: string; spec: object }[]): Promise<string[]> {
  // The renderers live in @smart-settlement/viz/node (vega, resvg); loaded only here.
  let render:
    | { renderSvg(spec: object): Promise<string>; svgToPng(svg: string, o?: object): Uint8Array }
    | undefined;
  try {
    const specifier = '@smart-settlement/viz/node';
    render = await import(specifier);
    if (typeof render?.renderSvg !== 'function') render = undefined;
  } catch {
    render = undefined;
  }
  const written: string[] = [];
  for (const { name, spec } of charts) {
    writeFileAtomically(join(dir, 'charts', `${name}.vl.json`), `${JSON.stringify(spec, null, 2)}\n`);
    written.push(`charts/${name}.vl.json`);
    if (render) {
      const svg = await render.renderSvg(spec);
      writeFileAtomically(join(dir, 'charts', `${name}.svg`), svg);
      writeFileAtomically(join(dir, 'charts', `${name}.png`), render.svgToPng(svg, { scale: 2 }));
      written.push(`charts/${name}.svg`, `charts/${name}.png`);
    }
  }
  return written;
}

/** The chart builders of @smart-settlement/viz, loaded only by the commands that draw (sweep does not need them). */
export async function experimentCharts() {
  return import('@smart-settlement/viz');
}

/** The indices table as CSV and the chart spec of a sensitivity result. */
export async function sensitivityFiles(result: SensitivityResult, experimentName: string) {
  const { morrisChartSpec, sobolChartSpec } = await experimentCharts();
  if (result.method === 'sobol') {
    return {
      csv: toCsv(result.rows, ['output', 'parameter', 'S1', 'S1_lo', 'S1_hi', 'ST', 'ST_lo', 'ST_hi']),
      chart: sobolChartSpec(result.rows, {
        title: `Sobol indices: ${experimentName}`,
        subtitle: [
          `Saltelli design, N = ${result.samples} base samples, ${result.points} points; Jansen estimators.`,
          'S1: variance share of a parameter alone; ST: with its interactions. Whiskers: 95% bootstrap intervals.',
        ],
      }),
    };
  }
  return {
    csv: toCsv(result.rows, ['output', 'parameter', 'mu', 'mu_star', 'mu_star_lo', 'mu_star_hi', 'sigma']),
    chart: morrisChartSpec(result.rows, {
      title: `Morris screening: ${experimentName}`,
      subtitle: [
        `${result.trajectories} trajectories, ${result.points} points. Effects per unit of each parameter's range.`,
        'Bars: mu* (whiskers: 95% bootstrap); dots: sigma (interactions, non-linearity).',
      ],
    }),
  };
}

/**
 * `settle sensitivity <experiment> --out DIR`: runs (or resumes) the sweep of a Sobol or
 * Morris experiment, then writes DIR/sensitivity.csv, DIR/sensitivity.json and the chart.
 */
export async function sensitivity(args: Args): Promise<void> {
  const started = Date.now();
  const plan = loadExperiment(args.positional[0], 'sensitivity', args);
  const type = plan.experiment.design?.type;
  if (type !== 'sobol' && type !== 'morris')
    throw new InputError(
      `settle sensitivity: design.type: got ${JSON.stringify(type ?? null)}; allowed: "sobol" (Sobol indices) or "morris" (screening); use settle sweep for other designs`,
    );
  const out = experimentOut(args, 'sensitivity');
  const summary = await sweepInto(plan, out, args, 'sensitivity');
  reportSweep(summary, out, 'sensitivity', started);
  const store = await ResultsStore.open(join(out, STORE_FILE), storeOptions(plan));
  let result: SensitivityResult;
  try {
    result = await analyseSensitivity(plan, store);
  } finally {
    store.close();
  }
  const files = await sensitivityFiles(result, plan.experiment.name);
  writeFileAtomically(join(out, 'sensitivity.csv'), files.csv);
  writeFileAtomically(
    join(out, 'sensitivity.json'),
    toJson({
      experiment: plan.experiment.name,
      method: result.method,
      points: result.points,
      replications: plan.replications,
      seconds: (Date.now() - started) / 1000,
      rows: result.rows,
    }),
  );
  const charts = await writeCharts(out, [{ name: 'sensitivity', spec: files.chart }]);
  console.log(`Wrote ${out}/sensitivity.csv, sensitivity.json, ${charts.join(', ')}`);
  printTable(result);
}

/** The indices on stdout, one line per parameter and output. */
function printTable(result: SensitivityResult): void {
  const f = (x: number) => x.toFixed(3);
  for (const r of result.rows) {
    if (result.method === 'sobol') {
      const s = r as (typeof result.rows)[number];
      console.log(
        `${s.output}  ${s.parameter.padEnd(28)} S1 ${f(s.S1)} [${f(s.S1_lo)}, ${f(s.S1_hi)}]  ST ${f(s.ST)} [${f(s.ST_lo)}, ${f(s.ST_hi)}]`,
      );
    } else {
      const m = r as Extract<SensitivityResult, { method: 'morris' }>['rows'][number];
      console.log(
        `${m.output}  ${m.parameter.padEnd(28)} mu* ${f(m.mu_star)} [${f(m.mu_star_lo)}, ${f(m.mu_star_hi)}]  mu ${f(m.mu)}  sigma ${f(m.sigma)}`,
      );
    }
  }
}
