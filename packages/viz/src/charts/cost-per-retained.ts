import type { IncrementalMeasure } from '@smart-settlement/core';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartOptions } from '../layers.js';
import { dollars, incrementalInterval, incrementalText } from '../number-text.js';
import { tidy } from '../stats.js';
import type { SummaryTables } from '../tables.js';
import { chartTitle, MUTED, scenarioColour, scenarioNames, THEME, WIDTH } from '../theme.js';

/** Options of the cost chart. */
export interface CostPerRetainedOptions extends ChartOptions {
  /** Area (default: the smaller places together, where the programmes act). */
  area?: string;
}

/** The two horizons of the chart's panels and their measures. */
const PANELS: { measure: IncrementalMeasure; years: number }[] = [
  { measure: 'costPerAdditionalRetained5', years: 5 },
  { measure: 'costPerAdditionalRetained10', years: 10 },
];

/**
 * Cost per additional person retained, by scenario other than the reference, from
 * summary.json's incremental rows: the median and interval (null where there is no gain),
 * where to draw them (`barEnd`, `from`, `to`: a no-gain end is drawn to the panel's right
 * edge), the label, and the average cost per person still present for comparison.
 */
export function costPerRetainedData(tables: SummaryTables, area: string, measure: IncrementalMeasure) {
  const s = tables.summary;
  const rows = s.incremental.filter((r) => r.measure === measure && r.area === area);
  const finite = rows.flatMap((r) => [r.median, r.lo, r.hi, 0]).filter((v): v is number => v !== null);
  const edge = Math.max(0, ...finite) * 1.05 || 1;
  return rows.map((r) => {
    const average =
      measure === 'costPerAdditionalRetained5'
        ? s.summary.find(
            (x) => x.scenario === r.scenario && x.area === area && x.measure === 'costPerRetained5',
          )
        : undefined;
    return {
      scenario: r.scenario,
      median: r.median === null ? null : tidy(r.median),
      lo: r.lo === null ? null : tidy(r.lo),
      hi: r.hi === null ? null : tidy(r.hi),
      barEnd: r.median === null ? 0 : tidy(r.median),
      from: r.lo === null ? edge : tidy(r.lo),
      to: r.hi === null ? edge : tidy(r.hi),
      label: `${incrementalText(r.measure, r.median)}  (${incrementalInterval(r)})`,
      gain: `kept more people in ${Math.round(r.gainShare * 100)}% of replications`,
      average: average ? tidy(average.median) : null,
      averageLabel: average ? `average over everyone still there: ${dollars(average.median)}` : '',
    };
  });
}

/**
 * What each additional person kept costs, by scenario: the difference in net programme
 * cost against the reference divided by the difference in people still in their first
 * place 5 (and 10) years after arrival, replication by replication; a bar at the median
 * with its interval, "no gain" where the scenario kept nobody more, and a grey tick at the
 * average cost per newcomer still present (which counts those who would have stayed anyway).
 * Built from summary.json alone.
 * @example
 * const spec = costPerAdditionalRetainedSpec(tables, { area: 'Ontario' });
 */
export function costPerAdditionalRetainedSpec(
  tables: SummaryTables,
  options: CostPerRetainedOptions = {},
): TopLevelSpec {
  const s = tables.summary;
  const area = options.area ?? s.smallerPlacesArea;
  const width = options.width ?? WIDTH;
  const where = area === s.smallerPlacesArea ? 'the smaller places' : area;
  const others = scenarioNames(tables).filter((n) => n !== s.reference);
  const y = {
    field: 'scenario',
    type: 'nominal' as const,
    title: null,
    sort: others,
    axis: { labelFontSize: 13 },
  };
  const panels = PANELS.map((p) => ({ ...p, data: costPerRetainedData(tables, area, p.measure) })).filter(
    (p) => p.data.length > 0,
  );
  const panelWidth = width - 140;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(
      tables,
      `Cost per additional newcomer kept in ${where}`,
      width,
      `Against ${s.reference}, replication by replication: the extra net programme dollars (after clawbacks) spent on the cohorts that reached 5 (10) years, divided by the extra people of those cohorts still in their first place in ${where}. "No gain": the scenario kept nobody more. A negative figure saves money while keeping more people.`,
      'Grey ticks: the average cost per newcomer still present, which also counts everyone who would have stayed without the programme.',
    ),
    vconcat: panels.map((p) => ({
      width: panelWidth,
      height: { step: 48 },
      title: { text: `${p.years} years after arrival`, anchor: 'start' as const, fontSize: 13 },
      data: { values: p.data },
      layer: [
        {
          mark: { type: 'bar' as const, height: { band: 0.6 } },
          encoding: {
            x: {
              field: 'barEnd',
              type: 'quantitative' as const,
              title: 'Dollars per additional person still in their first place',
              axis: { format: '$,.0f', tickCount: 5 },
            },
            y,
            color: { ...scenarioColour(tables), legend: null },
            tooltip: [
              { field: 'scenario', title: 'Scenario' },
              { field: 'label', title: 'Cost per additional person (interval)' },
              { field: 'gain', title: 'Gain' },
            ],
          },
        },
        {
          mark: { type: 'rule' as const, color: '#222222', strokeWidth: 1.5 },
          encoding: { x: { field: 'from', type: 'quantitative' as const }, x2: { field: 'to' }, y },
        },
        {
          mark: { type: 'tick' as const, color: MUTED, thickness: 3, size: 24, opacity: 0.8 },
          transform: [{ filter: 'datum.average !== null' }],
          encoding: {
            x: { field: 'average', type: 'quantitative' as const },
            y,
            tooltip: [{ field: 'averageLabel', title: 'Average cost' }],
          },
        },
        {
          mark: { type: 'text' as const, align: 'left' as const, dx: 2, dy: -22, fontSize: 12 },
          encoding: { x: { value: 0 }, y, text: { field: 'label' } },
        },
      ],
    })),
    config: THEME,
  };
}

/** @deprecated The cost chart now shows cost per additional person retained: use {@link costPerAdditionalRetainedSpec}. */
export const costPerRetainedSpec = costPerAdditionalRetainedSpec;
