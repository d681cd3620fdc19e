import type { MorrisRow, SobolRow } from '@smart-settlement/core';
import type { TopLevelSpec } from 'vega-lite';
import { wrapText } from '../text-width.js';
import { MUTED, PALETTE, THEME, WIDTH } from '../theme.js';

/**
 * Charts of experiments (`settle sensitivity`, `settle calibrate`): Sobol indices, Morris
 * screening, ABC posteriors and the posterior predictive check. Each builder takes plain
 * rows (as in the CSV tables the commands write) and returns a Vega-Lite spec in the
 * project's theme.
 */

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** A facet of one row of panels per output, the output's name above each at the left (in `order` if given). */
function outputRows(order?: readonly string[]) {
  return {
    row: {
      field: 'output',
      type: 'nominal',
      title: null,
      ...(order ? { sort: order } : {}),
      header: { labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelFontSize: 13 },
    },
  } as const;
}

/** The head of every experiment chart: schema, theme, and a title whose subtitle lines (the options' or the chart's own) wrap to the width. */
function chartHead(options: { title?: string; subtitle?: string[] }, title: string, subtitle: string[]) {
  return {
    $schema: SCHEMA,
    config: THEME,
    title: { text: options.title ?? title, subtitle: wrapped(options.subtitle ?? subtitle, WIDTH) },
  };
}

/** Subtitle lines wrapped to the chart's width, so a long line never widens the chart. */
function wrapped(lines: readonly string[], width: number): string[] {
  return lines.flatMap((line) => wrapText(line, width, 12));
}

/**
 * Sobol indices as a tornado of bars: for each parameter (sorted by total index) its
 * first-order index S1 and total index ST, with 95% bootstrap intervals as whiskers. The gap
 * between ST and S1 is what the parameter does through interactions.
 * @example const spec = sobolChartSpec(rows, { title: 'What drives 5-year retention' });
 */
export function sobolChartSpec(
  rows: readonly SobolRow[],
  options: { title?: string; subtitle?: string[]; width?: number } = {},
): TopLevelSpec {
  const width = options.width ?? Math.round(WIDTH * 0.8);
  const outputs = [...new Set(rows.map((r) => r.output))];
  // Parameters in the order of the first output's total index (the output the chart leads with).
  const order = rows
    .filter((r) => r.output === outputs[0])
    .sort((a, b) => b.ST - a.ST)
    .map((r) => r.parameter);
  const data = rows.flatMap((r) => [
    {
      output: r.output,
      parameter: r.parameter,
      index: 'S1 first order',
      value: r.S1,
      lo: r.S1_lo,
      hi: r.S1_hi,
    },
    { output: r.output, parameter: r.parameter, index: 'ST total', value: r.ST, lo: r.ST_lo, hi: r.ST_hi },
  ]);
  const indexColour = {
    field: 'index',
    type: 'nominal' as const,
    title: 'Index',
    scale: { domain: ['S1 first order', 'ST total'], range: [PALETTE[1], PALETTE[2]] },
  };
  const y = { field: 'parameter', type: 'nominal' as const, title: null, sort: order };
  const yOffset = { field: 'index', type: 'nominal' as const, sort: ['S1 first order', 'ST total'] };
  return {
    ...chartHead(options, 'Sobol sensitivity indices', [
      'Share of the output variance due to each parameter alone (S1) and with its interactions (ST).',
      'Whiskers: 95% bootstrap intervals. Model outcomes, not forecasts.',
    ]),
    data: { values: data },
    facet: outputRows(outputs),
    spec: {
      width,
      height: { step: 14 },
      layer: [
        {
          mark: { type: 'bar', height: { band: 0.9 } },
          encoding: {
            y,
            yOffset,
            x: {
              field: 'value',
              type: 'quantitative',
              title: 'Sobol index',
              scale: { domain: [0, 1], clamp: true },
            },
            color: indexColour,
            tooltip: [
              { field: 'parameter', title: 'Parameter' },
              { field: 'index', title: 'Index' },
              { field: 'value', title: 'Estimate', format: '.3f' },
              { field: 'lo', title: '95% low', format: '.3f' },
              { field: 'hi', title: '95% high', format: '.3f' },
            ],
          },
        },
        {
          mark: { type: 'rule', color: '#222222' },
          encoding: { y, yOffset, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
        },
      ],
    },
  } as TopLevelSpec;
}

/**
 * Morris screening as bars of mu* (mean absolute elementary effect, per unit of each
 * parameter's range) with 95% intervals, and sigma (interactions and non-linearity) as dots.
 * @example const spec = morrisChartSpec(rows);
 */
export function morrisChartSpec(
  rows: readonly Omit<MorrisRow, 'mu'>[],
  options: { title?: string; subtitle?: string[]; width?: number } = {},
): TopLevelSpec {
  const width = options.width ?? Math.round(WIDTH * 0.8);
  const order = [...rows]
    .sort((a, b) => b.mu_star - a.mu_star)
    .map((r) => r.parameter)
    .filter((p, i, all) => all.indexOf(p) === i);
  const y = { field: 'parameter', type: 'nominal' as const, title: null, sort: order };
  return {
    ...chartHead(options, 'Morris screening', [
      'Bars: mu*, the mean absolute effect of moving a parameter across its whole range (whiskers: 95% bootstrap).',
      'Dots: sigma, the spread of those effects (interactions, non-linearity). Model outcomes, not forecasts.',
    ]),
    data: { values: rows as unknown as Record<string, unknown>[] },
    facet: outputRows(),
    spec: {
      width,
      height: { step: 22 },
      layer: [
        {
          mark: { type: 'bar', color: PALETTE[1], height: { band: 0.7 } },
          encoding: {
            y,
            x: { field: 'mu_star', type: 'quantitative', title: 'Effect over the range (mu*, dots: sigma)' },
            tooltip: [
              { field: 'parameter', title: 'Parameter' },
              { field: 'mu_star', title: 'mu*', format: '.4f' },
              { field: 'sigma', title: 'sigma', format: '.4f' },
            ],
          },
        },
        {
          mark: { type: 'rule', color: '#222222' },
          encoding: { y, x: { field: 'mu_star_lo', type: 'quantitative' }, x2: { field: 'mu_star_hi' } },
        },
        {
          mark: { type: 'point', color: PALETTE[5], size: 60 },
          encoding: { y, x: { field: 'sigma', type: 'quantitative' } },
        },
      ],
    },
    resolve: { scale: { x: 'independent' } },
  } as TopLevelSpec;
}

/** Weighted histogram of one parameter's posterior over its prior range. */
export function weightedHistogram(
  values: readonly number[],
  weights: readonly number[],
  min: number,
  max: number,
  bins = 20,
): { start: number; end: number; share: number }[] {
  const out = Array.from({ length: bins }, (_, k) => ({
    start: min + ((max - min) * k) / bins,
    end: min + ((max - min) * (k + 1)) / bins,
    share: 0,
  }));
  const total = weights.reduce((s, w) => s + w, 0) || 1;
  values.forEach((v, i) => {
    const k = Math.min(bins - 1, Math.max(0, Math.floor(((v - min) / (max - min || 1)) * bins)));
    out[k].share += weights[i] / total;
  });
  return out;
}

/**
 * The posterior of each calibrated parameter: a weighted histogram over its prior range (the
 * prior is flat across the panel), the median as a line.
 * @example const spec = posteriorChartSpec([{ parameter: 'moveConstant', min: 3, max: 5.5, values, weights, median }]);
 */
export function posteriorChartSpec(
  parameters: readonly {
    parameter: string;
    min: number;
    max: number;
    values: readonly number[];
    weights: readonly number[];
    median: number;
  }[],
  options: { title?: string; subtitle?: string[] } = {},
): TopLevelSpec {
  // Bins and medians in one dataset, so each facet panel filters its own rows.
  const data = parameters.flatMap((p) => [
    ...weightedHistogram(p.values, p.weights, p.min, p.max).map((b) => ({
      parameter: p.parameter,
      kind: 'bin',
      ...b,
    })),
    { parameter: p.parameter, kind: 'median', start: p.median, end: p.median, share: 0 },
  ]);
  return {
    ...chartHead(options, 'Posterior of the calibrated parameters', [
      'ABC-SMC posterior, weighted particles, over the prior range (flat prior). Line: posterior median.',
    ]),
    data: { values: data },
    facet: { field: 'parameter', type: 'nominal', title: null, columns: Math.min(3, parameters.length) },
    spec: {
      width: 180,
      height: 120,
      layer: [
        {
          transform: [{ filter: "datum.kind === 'bin'" }],
          mark: { type: 'rect', color: PALETTE[1], opacity: 0.8 },
          encoding: {
            x: { field: 'start', type: 'quantitative', title: null, scale: { zero: false, nice: false } },
            x2: { field: 'end' },
            y: { field: 'share', type: 'quantitative', title: 'Posterior share', axis: { format: '.0%' } },
          },
        },
        {
          transform: [{ filter: "datum.kind === 'median'" }],
          mark: { type: 'rule', color: PALETTE[5], strokeWidth: 2 },
          encoding: { x: { field: 'start', type: 'quantitative' } },
        },
      ],
    },
    resolve: { scale: { x: 'independent', y: 'independent' } },
  } as unknown as TopLevelSpec;
}

/**
 * The posterior predictive check: for each target, the observed value (black diamond) and
 * the model's 90% predictive interval and median under the posterior.
 * @example const spec = predictiveChartSpec(rows);
 */
export function predictiveChartSpec(
  rows: readonly { target: string; observed: number; median: number; lo: number; hi: number }[],
  options: { title?: string; subtitle?: string[]; width?: number } = {},
): TopLevelSpec {
  const y = { field: 'target', type: 'nominal' as const, title: null, sort: rows.map((r) => r.target) };
  const x = {
    type: 'quantitative' as const,
    title: 'Retention',
    axis: { format: '.0%' },
    scale: { zero: false },
  };
  return {
    ...chartHead(options, 'Posterior predictive check against the targets', [
      'Bars: 90% of runs drawn from the posterior; dots: their median; diamonds: observed.',
    ]),
    width: options.width ?? Math.round(WIDTH * 0.8),
    height: { step: 28 },
    data: { values: rows as unknown as Record<string, unknown>[] },
    layer: [
      {
        mark: { type: 'rule', color: PALETTE[1], strokeWidth: 6, opacity: 0.45 },
        encoding: { y, x: { field: 'lo', ...x }, x2: { field: 'hi' } },
      },
      { mark: { type: 'point', color: PALETTE[1], size: 70 }, encoding: { y, x: { field: 'median', ...x } } },
      {
        mark: { type: 'point', shape: 'diamond', color: '#000000', size: 110 },
        encoding: {
          y,
          x: { field: 'observed', ...x },
          tooltip: [
            { field: 'target', title: 'Target' },
            { field: 'observed', title: 'Observed', format: '.1%' },
            { field: 'median', title: 'Model median', format: '.1%' },
            { field: 'lo', title: '5%', format: '.1%' },
            { field: 'hi', title: '95%', format: '.1%' },
          ],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 8, color: MUTED, fontSize: 10 },
        encoding: { y, x: { field: 'hi', ...x }, text: { field: 'area' } },
      },
    ],
  } as TopLevelSpec;
}
