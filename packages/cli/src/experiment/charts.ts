import { join } from 'node:path';
import {
  type CalibrationResult,
  type SensitivityResult,
  writeFileAtomically,
} from '@smart-settlement/runner';
import { toCsv } from '../output/csv.js';

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
function experimentCharts() {
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

/** The posterior and predictive-check charts of a calibration. */
export async function calibrationCharts(
  result: CalibrationResult,
): Promise<{ name: string; spec: object }[]> {
  const { posteriorChartSpec, predictiveChartSpec } = await experimentCharts();
  return [
    {
      name: 'posterior',
      spec: posteriorChartSpec(
        result.summary.map((s, i) => ({
          parameter: s.parameter,
          min: s.priorMin,
          max: s.priorMax,
          values: result.smc.particles.map((p) => p[i]),
          weights: result.smc.weights,
          median: s.median,
        })),
        {
          subtitle: [
            `ABC-SMC, ${result.smc.particles.length} particles, ${result.smc.generations.length} generations, final tolerance ${result.smc.generations.at(-1)?.epsilon.toFixed(2)} (scaled distance).`,
            `Targets: ${result.targets.map((t) => t.id).join(', ')}. Flat prior over each panel. Line: posterior median.`,
          ],
        },
      ),
    },
    {
      name: 'predictive',
      spec: predictiveChartSpec(result.predictive, {
        subtitle: [
          `${result.predictiveDraws.length} runs with parameters drawn from the posterior. Bars: 90% of runs; dots: median; diamonds: observed.`,
        ],
      }),
    },
  ];
}
