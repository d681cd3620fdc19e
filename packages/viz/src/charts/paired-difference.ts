import type { TopLevelSpec } from 'vega-lite';
import type { ChartOptions } from '../layers.js';
import { tidy } from '../stats.js';
import type { ResultTables } from '../tables.js';
import { chartTitle, MUTED, scenarioColour, scenarioNames, THEME, WIDTH } from '../theme.js';

/** A measure shown as a paired difference: how to scale it and what its axis says. */
export interface PairedMeasure {
  measure: string;
  /** Panel heading. */
  label: string;
  /** Axis title with units. */
  unit: string;
  /** Multiplier applied to the difference (100 turns shares into percentage points). */
  factor: number;
  format: string;
}

/** The measures of the paired-difference chart, in order. */
export const PAIRED_MEASURES: PairedMeasure[] = [
  {
    measure: 'retention5',
    label: 'Retention after 5 years',
    unit: 'percentage points',
    factor: 100,
    format: '+.1f',
  },
  {
    measure: 'retention10',
    label: 'Retention after 10 years',
    unit: 'percentage points',
    factor: 100,
    format: '+.1f',
  },
  {
    measure: 'populationChange',
    label: 'Population added by newcomers still present',
    unit: 'people',
    factor: 1,
    format: '+,.0f',
  },
  {
    measure: 'labourGap',
    label: 'Unfilled vacancies in the last year (lower is better)',
    unit: 'jobs',
    factor: 1,
    format: '+,.0f',
  },
  {
    measure: 'engagedShare',
    label: 'Newcomers engaged in community building',
    unit: 'percentage points',
    factor: 100,
    format: '+.1f',
  },
  {
    measure: 'equityMean',
    label: 'Community equity of newcomers (0 to 1 index)',
    unit: 'index points',
    factor: 1,
    format: '+.2f',
  },
];

/** Options of the paired-difference chart. */
export interface PairedDifferenceOptions extends ChartOptions {
  /** Area (default: the smaller places together). */
  area?: string;
  /** Measures shown (default PAIRED_MEASURES). */
  measures?: PairedMeasure[];
}

/** Paired differences against the reference, scaled to their units, from summary.json. */
export function pairedDifferenceData(tables: ResultTables, area: string, measures: PairedMeasure[]) {
  return measures.flatMap((m) =>
    tables.summary.paired
      .filter((r) => r.area === area && r.measure === m.measure)
      .map((r) => ({
        scenario: r.scenario,
        measure: m.measure,
        median: tidy(r.median * m.factor),
        lo: tidy(r.lo * m.factor),
        hi: tidy(r.hi * m.factor),
      })),
  );
}

/**
 * Each scenario minus the reference, replication by replication (the same newcomers meet
 * each policy: common random numbers), as a dot at the median difference with its interval;
 * one panel per measure, a line at zero (no difference).
 * @example
 * const spec = pairedDifferenceSpec(tables, { measures: PAIRED_MEASURES.slice(0, 2) });
 */
export function pairedDifferenceSpec(
  tables: ResultTables,
  options: PairedDifferenceOptions = {},
): TopLevelSpec {
  const area = options.area ?? tables.summary.smallerPlacesArea;
  const width = options.width ?? WIDTH;
  const data = pairedDifferenceData(tables, area, options.measures ?? PAIRED_MEASURES);
  // Measures the run has no value for (5-year retention in a 3-year run) get no empty panel.
  const measures = (options.measures ?? PAIRED_MEASURES).filter((m) =>
    data.some((d) => d.measure === m.measure),
  );
  const reference = tables.summary.reference ?? scenarioNames(tables)[0];
  const where = area === tables.summary.smallerPlacesArea ? 'the smaller places' : area;
  const others = scenarioNames(tables).filter((n) => n !== reference);
  const y = { field: 'scenario', type: 'nominal' as const, title: null, sort: others };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(
      tables,
      `What each policy changes against ${reference}, in ${where}`,
      width,
      `Difference from ${reference} in the same replication (same newcomers, same random draws). Dots: median difference; bars: interval. Right of the dashed line: more than ${reference}.`,
    ),
    vconcat: measures.map((m) => ({
      title: { text: m.label, fontSize: 13, anchor: 'start' as const, subtitle: '' },
      width,
      height: { step: 22 },
      data: { values: data.filter((d) => d.measure === m.measure) },
      layer: [
        {
          data: { values: [{ zero: 0 }] },
          mark: { type: 'rule' as const, strokeDash: [5, 4], color: MUTED },
          encoding: { x: { field: 'zero', type: 'quantitative' as const } },
        },
        {
          mark: { type: 'rule' as const, strokeWidth: 2 },
          encoding: {
            x: { field: 'lo', type: 'quantitative' as const, title: `Difference, ${m.unit}` },
            x2: { field: 'hi' },
            y,
            color: { ...scenarioColour(tables), legend: null },
          },
        },
        {
          mark: { type: 'point' as const, size: 70, opacity: 1 },
          encoding: {
            x: {
              field: 'median',
              type: 'quantitative' as const,
              title: `Difference, ${m.unit}`,
              axis: {
                format: m.format.replace('+', '').replace('.1f', '.1~f').replace('.2f', '.2~f'),
                tickCount: 6,
              },
            },
            y,
            color: { ...scenarioColour(tables), legend: null },
            tooltip: [
              { field: 'scenario', title: 'Scenario' },
              { field: 'median', title: 'Median difference', format: m.format },
              { field: 'lo', title: 'Low end', format: m.format },
              { field: 'hi', title: 'High end', format: m.format },
            ],
          },
        },
      ],
    })),
    spacing: 18,
    config: THEME,
  };
}
