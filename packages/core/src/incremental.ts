import type { MeasureArrays } from './measure-arrays.js';
import type { Measure, MeasureInfo } from './measures.js';
import { DEFAULT_INTERVAL } from './summarize.js';

/**
 * The cost-effectiveness figures, paired per replication against the reference scenario:
 * what each additional person kept costs, and what a million dollars buys.
 */
export const INCREMENTAL_MEASURES = [
  'costPerAdditionalRetained5',
  'costPerAdditionalRetained10',
  'additionalPersonYearsPerMillion',
] as const;
/** One of the {@link INCREMENTAL_MEASURES}. */
export type IncrementalMeasure = (typeof INCREMENTAL_MEASURES)[number];

/** How an incremental measure is built from two per-run measures, and what it means. */
export interface IncrementalInfo extends MeasureInfo {
  /** The measure whose difference is the cost (net programme dollars). */
  cost: Measure;
  /** The measure whose difference is the outcome (people, person-years). */
  outcome: Measure;
  /**
   * `'cost per outcome'`: Δcost / Δoutcome, defined only when the policy adds to the outcome
   * (otherwise "no gain", written as null); `'outcome per million'`: 1,000,000 × Δoutcome /
   * Δcost, defined when the policy costs more (a gain at no net cost is written as null).
   */
  ratio: 'cost per outcome' | 'outcome per million';
}

/** What each of the {@link INCREMENTAL_MEASURES} means, and how it is built. */
export const INCREMENTAL_INFO: Record<IncrementalMeasure, IncrementalInfo> = {
  costPerAdditionalRetained5: {
    label: 'Cost per additional person retained after 5 years',
    description:
      'per replication, against the reference: the difference in net programme cost (programmeCost5) divided by the difference in people still in their first place 5 years after arrival (retained5); no value ("no gain") where the policy kept nobody more; negative where it kept more people and cost less (clawbacks exceeding spending)',
    unit: 'dollars per additional person',
    format: 'dollars',
    cost: 'programmeCost5',
    outcome: 'retained5',
    ratio: 'cost per outcome',
  },
  costPerAdditionalRetained10: {
    label: 'Cost per additional person retained after 10 years',
    description: 'same as costPerAdditionalRetained5, 10 years after arrival (programmeCost10, retained10)',
    unit: 'dollars per additional person',
    format: 'dollars',
    cost: 'programmeCost10',
    outcome: 'retained10',
    ratio: 'cost per outcome',
  },
  additionalPersonYearsPerMillion: {
    label: 'Additional person-years lived per million dollars',
    description:
      'per replication, against the reference: the difference in person-years lived by newcomers in the area (personYears) per million dollars of difference in net programme cost over the run (programmeCost); zero or less is no gain; no value where the policy added person-years at no net cost',
    unit: 'person-years per million dollars',
    format: 'count',
    cost: 'programmeCost',
    outcome: 'personYears',
    ratio: 'outcome per million',
  },
};

/**
 * An incremental measure of one scenario and area: the median and interval across
 * replications of the ratio computed replication by replication. A replication where the
 * ratio has no price (no gain; a gain at no net cost) ranks as +Infinity, and a median or
 * end of the interval that falls there is null.
 */
export interface IncrementalRow {
  scenario: string;
  area: string;
  measure: IncrementalMeasure;
  median: number | null;
  lo: number | null;
  hi: number | null;
  /** Share of the replications in which the scenario added to the outcome (Δ outcome > 0). */
  gainShare: number;
  /** Share of the replications in which the scenario cost less than the reference (Δ net cost < 0). */
  savingShare: number;
  /** Replications with both differences. */
  n: number;
}

/**
 * The ratio of one replication. Cost per outcome: Δcost / Δoutcome when Δoutcome > 0, else
 * +Infinity (no gain). Outcome per million: 1e6 × Δoutcome / Δcost when Δcost > 0; else
 * +Infinity if Δoutcome > 0 (a gain at no net cost), 0 if not (no gain).
 * @example
 * incrementalRatio('cost per outcome', 50_000, 10) // 5000 dollars per additional person
 * incrementalRatio('cost per outcome', 50_000, 0)  // Infinity: no gain
 */
export function incrementalRatio(ratio: IncrementalInfo['ratio'], dCost: number, dOutcome: number): number {
  if (ratio === 'cost per outcome') return dOutcome > 0 ? dCost / dOutcome : Number.POSITIVE_INFINITY;
  if (dCost > 0) return (1e6 * dOutcome) / dCost;
  return dOutcome > 0 ? Number.POSITIVE_INFINITY : 0;
}

/** Quantile p of sorted values that may hold ±Infinity (d3's interpolation gives NaN there). */
export function quantileExtended(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const i = (n - 1) * p;
  const i0 = Math.floor(i);
  const v0 = sorted[i0];
  if (i0 === i || i0 + 1 >= n) return v0;
  const v1 = sorted[i0 + 1];
  if (v0 === v1) return v0;
  if (v0 === Number.NEGATIVE_INFINITY) return v0;
  if (v1 === Number.POSITIVE_INFINITY) return v1;
  return v0 + (v1 - v0) * (i - i0);
}

/**
 * Whether, in an area of one immigrant class, the scenario spent on places (community
 * engagement) other than the reference did in some replication: that money cannot be charged
 * to a class, so a cost per additional person of the class would leave part of the cost out
 * and is not given. False for areas without `unattributedSpending` (places, groups, the region).
 */
function spendsOnPlacesApart(
  arrays: MeasureArrays,
  scenario: string,
  reference: string,
  area: string,
): boolean {
  const mine = arrays.values(scenario, area, 'unattributedSpending');
  const theirs = arrays.values(reference, area, 'unattributedSpending');
  if (!mine || !theirs) return false;
  for (let r = 0; r < mine.length; r++)
    if (mine[r] !== theirs[r] && !(Number.isNaN(mine[r]) && Number.isNaN(theirs[r]))) return true;
  return false;
}

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * The incremental measures of every scenario but the reference, for every area where both
 * differences exist, paired replication by replication (common random numbers make each
 * difference the policy's). Rows are ordered by scenario (`scenarioOrder`), area, measure.
 * For an immigrant class (or a group of places by class), the cost counts the money spent on
 * the class's people; where the scenario also spent on places differently from the
 * reference (community engagement, which no class can be charged with), no cost per
 * additional person of the class is given.
 * @example
 * const arrays = new MeasureArrays(10);
 * for (const run of runs) arrays.add(run.measures);
 * incrementalSummary(arrays, 'baseline', ['baseline', 'engagement']);
 */
export function incrementalSummary(
  arrays: MeasureArrays,
  reference: string,
  scenarioOrder: string[],
  interval = DEFAULT_INTERVAL,
): IncrementalRow[] {
  const tail = (1 - interval) / 2;
  const areas = arrays.areas().sort();
  const rows: IncrementalRow[] = [];
  for (const scenario of scenarioOrder) {
    if (scenario === reference) continue;
    for (const area of areas) {
      for (const measure of INCREMENTAL_MEASURES) {
        const info = INCREMENTAL_INFO[measure];
        const cost = arrays.values(scenario, area, info.cost);
        const outcome = arrays.values(scenario, area, info.outcome);
        const refCost = arrays.values(reference, area, info.cost);
        const refOutcome = arrays.values(reference, area, info.outcome);
        if (!cost || !outcome || !refCost || !refOutcome) continue;
        if (info.ratio === 'cost per outcome' && spendsOnPlacesApart(arrays, scenario, reference, area))
          continue;
        const ratios: number[] = [];
        let gains = 0;
        let savings = 0;
        for (let r = 0; r < cost.length; r++) {
          const dCost = cost[r] - refCost[r];
          const dOutcome = outcome[r] - refOutcome[r];
          if (Number.isNaN(dCost) || Number.isNaN(dOutcome)) continue;
          if (dOutcome > 0) gains++;
          if (dCost < 0) savings++;
          ratios.push(incrementalRatio(info.ratio, dCost, dOutcome));
        }
        if (ratios.length === 0) continue;
        ratios.sort((a, b) => a - b);
        rows.push({
          scenario,
          area,
          measure,
          median: finiteOrNull(quantileExtended(ratios, 0.5)),
          lo: finiteOrNull(quantileExtended(ratios, tail)),
          hi: finiteOrNull(quantileExtended(ratios, 1 - tail)),
          gainShare: gains / ratios.length,
          savingShare: savings / ratios.length,
          n: ratios.length,
        });
      }
    }
  }
  return rows;
}
