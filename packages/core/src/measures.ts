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
  'uptake',
] as const;
/** One of the accountability {@link MEASURES}, e.g. `'retention5'`. */
export type Measure = (typeof MEASURES)[number];

/** How a measure's values read: a share as a percentage, a decimal, a count of people or things, or dollars. */
export type MeasureFormat = 'percent' | 'decimal' | 'count' | 'dollars';

/** What a measure means, in what unit, and how it reads in a table. */
export interface MeasureInfo {
  /** A short label for tables and charts. */
  label: string;
  /** What the value is, in a sentence (summary.json's `measures`). */
  description: string;
  /** The unit of the value. */
  unit: string;
  /** How the value reads in a table. */
  format: MeasureFormat;
}

/** What each of the {@link MEASURES} means: label, description, unit and format, in one place. */
export const MEASURE_INFO: Record<Measure, MeasureInfo> = {
  retention1: {
    label: 'Retention after 1 year',
    description: 'share still in their first place 1 year after arrival (region: still in the region)',
    unit: 'share of arrivals',
    format: 'percent',
  },
  retention3: {
    label: 'Retention after 3 years',
    description: 'same, 3 years after arrival',
    unit: 'share of arrivals',
    format: 'percent',
  },
  retention5: {
    label: 'Retention after 5 years',
    description: 'same, 5 years after arrival',
    unit: 'share of arrivals',
    format: 'percent',
  },
  retention10: {
    label: 'Retention after 10 years',
    description: 'same, 10 years after arrival',
    unit: 'share of arrivals',
    format: 'percent',
  },
  matchedShare: {
    label: 'Newcomers in jobs matching their skills',
    description: 'share of newcomers present in jobs that match their skills, last year',
    unit: 'share of newcomers present',
    format: 'percent',
  },
  equityMean: {
    label: 'Community equity of newcomers (0 to 1)',
    description: 'mean community equity (0-1) of newcomers present, last year',
    unit: 'index from 0 to 1',
    format: 'decimal',
  },
  engagedShare: {
    label: 'Newcomers engaged in community building',
    description: 'share of newcomers present engaged in community building, last year',
    unit: 'share of newcomers present',
    format: 'percent',
  },
  populationChange: {
    label: 'Population added by newcomers still present',
    description: 'people added by the newcomers still present at the end',
    unit: 'people',
    format: 'count',
  },
  labourGap: {
    label: 'Unfilled vacancies, last year',
    description: 'vacancies left unfilled in the last year',
    unit: 'vacancies',
    format: 'count',
  },
  programmeCost: {
    label: 'Programme cost, whole run',
    description: 'programme dollars over the whole run',
    unit: 'dollars',
    format: 'dollars',
  },
  costPerRetained5: {
    label: 'Cost per newcomer still present after 5 years',
    description: 'programme dollars per person still in their first place 5 years after arrival',
    unit: 'dollars per person',
    format: 'dollars',
  },
  income: {
    label: "Newcomers' earnings, last year",
    description: "newcomers' earnings in the last year, dollars",
    unit: 'dollars',
    format: 'dollars',
  },
  uptake: {
    label: 'Uptake of the incentive offer',
    description: 'share of the newcomers an incentive offer reached who accepted it (region only)',
    unit: 'share of newcomers reached',
    format: 'percent',
  },
};

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
 * region: still in the region) 5 years after arrival. Uptake (region only, when an offer
 * was made) is the share of the newcomers an incentive offer reached who accepted it. Other
 * areas of the retention table (the immigrant classes) get their retention measures.
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
  const listed = new Set(areas.map(([area]) => area));
  for (const [area, ret] of byArea) {
    if (listed.has(area)) continue;
    for (const [measure, k] of RETENTION_YEARS) {
      const row = ret.get(k);
      if (row && row.arrived > 0) push(area, measure, row.retention);
    }
  }
  if (run.offers && run.offers.reached > 0) push(region, 'uptake', run.offers.accepted / run.offers.reached);
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
