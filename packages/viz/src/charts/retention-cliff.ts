import { INCENTIVE_TAKERS } from '@smart-settlement/core';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartOptions } from '../layers.js';
import { bandsBy, tidy } from '../stats.js';
import { areaCode, type PolicySummary, type ResultTables, rowsWhere } from '../tables.js';
import { chartTitle, MUTED, PALETTE, scenarioNames, THEME, WIDTH } from '../theme.js';

/** Options of the retention cliff. */
export interface RetentionCliffOptions extends ChartOptions {
  /** Last year since arrival shown (default 12: later years pool few cohorts). */
  maxYears?: number;
}

/** The incentive term (years) of a policy, from its facts in summary.json; undefined if it offers none. */
export function incentiveTerm(policy: PolicySummary): number | undefined {
  return policy.facts?.incentiveTermYears;
}

/** Each scenario's incentive term, for the scenarios whose policies offer one. */
export function incentiveTerms(tables: ResultTables): { scenario: string; termYears: number }[] {
  return tables.summary.scenarios.flatMap((s) => {
    const term = s.policies.map(incentiveTerm).find((t) => t !== undefined);
    return term === undefined ? [] : [{ scenario: s.name, termYears: term }];
  });
}

/**
 * The series of the cliff: incentive takers in every scenario that has them, and everyone
 * settling in the smaller places in the reference scenario for comparison.
 */
export function retentionCliffData(tables: ResultTables, maxYears: number) {
  const { summary } = tables;
  const t = tables.retention;
  const reference = t.scenarios.indexOf(summary.reference ?? summary.scenarios[0]?.name);
  const takersArea = areaCode(t, INCENTIVE_TAKERS);
  const smallerArea = areaCode(t, summary.smallerPlacesArea);
  const takers = new Set(rowsWhere(t.length, (i) => t.area[i] === takersArea).map((i) => t.scenario[i]));
  const label = (scenario: string, area: number) =>
    area === takersArea ? `${scenario}: incentive takers` : `${scenario}: all settling in smaller places`;
  const rows = rowsWhere(
    t.length,
    (i) =>
      t.yearsSinceArrival[i] <= maxYears &&
      (t.area[i] === takersArea ||
        (t.area[i] === smallerArea && (t.scenario[i] === reference || takers.size === 0))),
  );
  return bandsBy(
    rows,
    (i) => `${t.scenario[i]}|${t.area[i]}|${t.yearsSinceArrival[i]}`,
    (i) => t.departures[i],
    (i) => ({
      scenario: t.scenarios[t.scenario[i]],
      series: label(t.scenarios[t.scenario[i]], t.area[i]),
      yearsSinceArrival: t.yearsSinceArrival[i],
    }),
    summary.interval,
  ).map((d) => ({ ...d, median: tidy(d.median), lo: tidy(d.lo), hi: tidy(d.hi) }));
}

/**
 * The retention cliff: the share of arrivals leaving their first place in each year since
 * arrival, for incentive takers against everyone settling in the smaller places without a
 * programme, with the end of each incentive term marked (people tied by a clawback leave
 * once it lapses).
 * @example
 * const spec = retentionCliffSpec(tables, { maxYears: 8 });
 */
export function retentionCliffSpec(tables: ResultTables, options: RetentionCliffOptions = {}): TopLevelSpec {
  const maxYears = Math.min(options.maxYears ?? 12, tables.summary.years);
  const width = options.width ?? WIDTH;
  const data = retentionCliffData(tables, maxYears);
  const names = scenarioNames(tables);
  const series = [...new Set(data.map((d) => d.series))];
  const colourOf = (s: string) => PALETTE[names.indexOf(s.split(':')[0]) % PALETTE.length];
  const terms = incentiveTerms(tables);
  const rules = [...new Set(terms.map((t) => t.termYears))].map((termYears, i) => ({
    termYears,
    // Labels stacked from the top, one line each, if scenarios have different terms.
    labelY: 4 + 16 * i,
    label: `Incentive term ends (${termYears} ${termYears === 1 ? 'year' : 'years'}: ${terms
      .filter((t) => t.termYears === termYears)
      .map((t) => t.scenario)
      .join(', ')})`,
  }));
  const x = {
    field: 'yearsSinceArrival',
    type: 'quantitative' as const,
    title: 'Years since arrival',
    axis: { format: 'd', tickMinStep: 1 },
    scale: { domain: [1, maxYears], nice: false },
  };
  const colour = {
    field: 'series',
    type: 'nominal' as const,
    title: null,
    scale: { domain: series, range: series.map(colourOf) },
    legend: { columns: 1, orient: 'bottom' as const, direction: 'vertical' as const, symbolOpacity: 1 },
  };
  const yTitle = 'Share of arrivals leaving their first place that year';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(
      tables,
      'The retention cliff: departures by years since arrival',
      width,
      terms.length
        ? 'Incentive takers are held by the clawback until their term ends; the dashed line marks where it does.'
        : 'No scenario here offers an incentive with a term, so no term end is marked.',
    ),
    width,
    height: options.height ?? 320,
    layer: [
      {
        data: { values: data },
        layer: [
          {
            mark: { type: 'area', opacity: 0.18 },
            encoding: {
              x,
              y: { field: 'lo', type: 'quantitative', title: yTitle },
              y2: { field: 'hi' },
              color: colour,
            },
          },
          {
            mark: { type: 'line', point: true },
            encoding: {
              x,
              y: { field: 'median', type: 'quantitative', title: yTitle, axis: { format: '.0%' } },
              color: colour,
              tooltip: [
                { field: 'series', title: 'Who' },
                { field: 'yearsSinceArrival', title: 'Years since arrival' },
                { field: 'median', title: 'Leaving that year (median)', format: '.1%' },
              ],
            },
          },
        ],
      },
      {
        data: { values: rules },
        layer: [
          {
            mark: { type: 'rule', strokeDash: [6, 4], color: MUTED, strokeWidth: 1.5 },
            encoding: { x: { field: 'termYears', type: 'quantitative' } },
          },
          {
            mark: { type: 'text', align: 'left', dx: 4, dy: 0, baseline: 'top', color: MUTED, fontSize: 12 },
            encoding: {
              x: { field: 'termYears', type: 'quantitative' },
              y: { field: 'labelY', type: 'quantitative', scale: null },
              text: { field: 'label' },
            },
          },
        ],
      },
    ],
    config: THEME,
  };
}
