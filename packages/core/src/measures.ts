import type { RunResult } from './model.js';
import type { RunKey } from './observe/observer.js';
import { INCENTIVE_TAKERS, SMALLER_PLACES } from './observe/retention.js';

/** The accountability measures, one value per run and area. */
export const MEASURES = [
  'retention1',
  'retention3',
  'retention5',
  'retention10',
  'matchedShare',
  'equityMean',
  'engagedShare',
  'populationChange',
  'labourGap',
  'programmeCost',
  'costPerRetained5',
  'income',
] as const;
/** One of the accountability {@link MEASURES}, e.g. `'retention5'`. */
export type Measure = (typeof MEASURES)[number];

/** One measure of one run for one area. */
export interface MeasureRow extends RunKey {
  area: string;
  measure: Measure;
  value: number;
}

/** The columns of measures.csv, in order. */
export const MEASURE_COLUMNS = [
  'scenario',
  'replication',
  'seed',
  'area',
  'measure',
  'value',
] as const satisfies readonly (keyof MeasureRow)[];

const RETENTION_YEARS: [Measure, number][] = [
  ['retention1', 1],
  ['retention3', 3],
  ['retention5', 5],
  ['retention10', 10],
];

/**
 * Turns a run's tables into the accountability measures for the region, the smaller
 * places together, and each place. Retention k pools the cohorts that reached k years.
 * Cost per person retained divides the programme money spent in the years whose cohorts
 * reached 5 years by the people of those cohorts still in their first place (for the
 * region: still in the region) 5 years after arrival.
 */
export function runMeasures(run: RunResult, region: string): MeasureRow[] {
  const out: MeasureRow[] = [];
  const push = (area: string, measure: Measure, value: number) => {
    if (Number.isFinite(value)) out.push({ ...run.key, area, measure, value });
  };
  const byArea = new Map<string, Map<number, (typeof run.retention)[number]>>();
  for (const row of run.retention) {
    let m = byArea.get(row.area);
    if (!m) byArea.set(row.area, (m = new Map()));
    m.set(row.yearsSinceArrival, row);
  }
  const lastYear = run.years - 1;
  const placeNames = [...new Set(run.places.map((r) => r.place))];
  const smallerNames = new Set(run.places.filter((r) => r.smaller).map((r) => r.place));
  const areas: [string, (place: string) => boolean][] = [
    [region, () => true],
    [SMALLER_PLACES, (p) => smallerNames.has(p)],
    [INCENTIVE_TAKERS, () => false],
    ...placeNames.map((name): [string, (p: string) => boolean] => [name, (p) => p === name]),
  ];
  for (const [area, member] of areas) {
    const ret = byArea.get(area);
    for (const [measure, k] of RETENTION_YEARS) {
      const row = ret?.get(k);
      if (row && row.arrived > 0) push(area, measure, row.retention);
    }
    let newcomers = 0;
    let matched = 0;
    let equity = 0;
    let engaged = 0;
    let gap = 0;
    let cost = 0;
    let costToFive = 0;
    let income = 0;
    for (const r of run.places) {
      if (!member(r.place)) continue;
      cost += r.programmeCost;
      if (r.year <= lastYear - 4) costToFive += r.programmeCost;
      if (r.year !== lastYear) continue;
      newcomers += r.newcomers;
      matched += r.matchedShare * r.newcomers;
      equity += r.equityMean * r.newcomers;
      engaged += r.engagedShare * r.newcomers;
      gap += r.labourGap;
      income += r.income;
    }
    if (run.places.length > 0 && area !== INCENTIVE_TAKERS) {
      push(area, 'matchedShare', newcomers > 0 ? matched / newcomers : Number.NaN);
      push(area, 'equityMean', newcomers > 0 ? equity / newcomers : Number.NaN);
      push(area, 'engagedShare', newcomers > 0 ? engaged / newcomers : Number.NaN);
      push(area, 'populationChange', newcomers);
      push(area, 'labourGap', gap);
      push(area, 'programmeCost', cost);
      push(area, 'income', income);
      const five = ret?.get(5);
      if (five && five.stayed > 0) push(area, 'costPerRetained5', costToFive / five.stayed);
    }
  }
  return out;
}
