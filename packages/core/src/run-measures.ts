import type { Measure, MeasureRow } from './measures.js';
import type { RunResult } from './model.js';
import type { AreaInfo } from './observe/areas.js';
import type { RetentionRow } from './observe/retention.js';

/** The retention measures and the years since arrival they read. */
const RETENTION_YEARS: [Measure, number][] = [
  ['retention1', 1],
  ['retention3', 3],
  ['retention5', 5],
  ['retention10', 10],
];

/** Where the arrivals of an area are k years on, as shares: the destination measures. */
const DESTINATION_YEARS: { k: number; metro: Measure; smaller: Measure; left: Measure }[] = [
  { k: 5, metro: 'movedToMetro5', smaller: 'movedToSmaller5', left: 'leftRegion5' },
  { k: 10, metro: 'movedToMetro10', smaller: 'movedToSmaller10', left: 'leftRegion10' },
];

/**
 * Turns a run's tables into the accountability measures for every area of the run: the
 * region, the groups of places, the people a policy acted on, and each place. Retention k
 * pools the cohorts that reached k years. The cost measures of k years take the programme
 * money spent in the years whose cohorts reached k years; the average cost per person
 * retained divides it by all of those cohorts' people still in their first place (for the
 * region: still in the region) 5 years after arrival. People groups (incentive takers, those
 * served, those assigned) get the measures of people only, not those of places; immigrant
 * classes their retention in the region, and groups by class the retention and destinations
 * of their group. The cost measures of a class (or of a group of places by class) are the
 * money spent on its people, less their clawbacks (see pushClassCosts). Uptake (region only, when an offer was made) is the
 * share of the newcomers an incentive offer reached who accepted it.
 */
export function runMeasures(run: RunResult, region: string): MeasureRow[] {
  const out: MeasureRow[] = [];
  const push = (area: string, measure: Measure, value: number) => {
    if (Number.isFinite(value)) out.push({ ...run.key, area, measure, value });
  };
  const byArea = new Map<string, Map<number, RetentionRow>>();
  for (const row of run.retention) {
    let m = byArea.get(row.area);
    if (!m) byArea.set(row.area, (m = new Map()));
    m.set(row.yearsSinceArrival, row);
  }
  const lastYear = run.years - 1;
  if (run.offers && run.offers.reached > 0) push(region, 'uptake', run.offers.accepted / run.offers.reached);
  for (const info of run.areas) {
    const area = info.name;
    // A class counts, as the region does, everyone still anywhere in the region.
    const isRegion = area === region || info.kind === 'region' || info.kind === 'class';
    const ret = byArea.get(area);
    for (const [measure, k] of RETENTION_YEARS) {
      const row = ret?.get(k);
      if (row && row.arrived > 0) push(area, measure, row.retention);
    }
    const five = ret?.get(5);
    const ten = ret?.get(10);
    if (five) push(area, 'retained5', five.stayed);
    if (ten) push(area, 'retained10', ten.stayed);
    if (!isRegion)
      for (const d of DESTINATION_YEARS) {
        const row = ret?.get(d.k);
        if (!row || row.arrived <= 0) continue;
        push(area, d.metro, row.movedToMetro / row.arrived);
        push(area, d.smaller, row.movedToSmaller / row.arrived);
        push(area, d.left, row.left / row.arrived);
      }
    if (info.immigrantClass !== undefined) {
      if (info.kind !== 'people') pushClassCosts(push, run, info, five, ten);
      continue;
    }
    if (info.kind === 'people' || run.places.length === 0) continue;
    const member = new Set(info.places);
    let newcomers = 0;
    let matched = 0;
    let equity = 0;
    let engaged = 0;
    let gap = 0;
    let cost = 0;
    let clawbacks = 0;
    let costToFive = 0;
    let costToTen = 0;
    let personYears = 0;
    let income = 0;
    for (const r of run.places) {
      if (!member.has(r.place)) continue;
      cost += r.programmeCost;
      clawbacks += r.clawbacks;
      personYears += r.newcomers;
      if (r.year <= lastYear - 4) costToFive += r.programmeCost;
      if (r.year <= lastYear - 9) costToTen += r.programmeCost;
      if (r.year !== lastYear) continue;
      newcomers += r.newcomers;
      matched += r.matchedShare * r.newcomers;
      equity += r.equityMean * r.newcomers;
      engaged += r.engagedShare * r.newcomers;
      gap += r.labourGap;
      income += r.income;
    }
    push(area, 'matchedShare', newcomers > 0 ? matched / newcomers : Number.NaN);
    push(area, 'equityMean', newcomers > 0 ? equity / newcomers : Number.NaN);
    push(area, 'engagedShare', newcomers > 0 ? engaged / newcomers : Number.NaN);
    push(area, 'populationChange', newcomers);
    push(area, 'personYears', personYears);
    push(area, 'labourGap', gap);
    push(area, 'programmeCost', cost);
    push(area, 'grossSpending', cost + clawbacks);
    push(area, 'clawbacks', clawbacks);
    if (five) push(area, 'programmeCost5', costToFive);
    if (ten) push(area, 'programmeCost10', costToTen);
    push(area, 'income', income);
    if (five && five.stayed > 0) push(area, 'costPerRetained5', costToFive / five.stayed);
  }
  return out;
}

/**
 * The cost measures of an immigrant class, or of a group of places by class: the programme
 * money paid to or for the class's people in the area's places (incentives, benefits,
 * welcome services per person served) and the clawbacks they repaid, with the money spent
 * on those places rather than on people (community engagement) apart, as
 * `unattributedSpending`: no class can be charged with it, so the classes' net costs and
 * the unattributed spending add up to the area's net cost. Needs the run's class costs.
 */
function pushClassCosts(
  push: (area: string, measure: Measure, value: number) => void,
  run: RunResult,
  info: AreaInfo,
  five: RetentionRow | undefined,
  ten: RetentionRow | undefined,
): void {
  const costs = run.classCosts;
  if (!costs) return;
  const cl = costs.classes.indexOf(info.immigrantClass!);
  if (cl < 0) return;
  const n = costs.places.length;
  const C = costs.classes.length;
  const members = info.places.length
    ? info.places.map((name) => costs.places.indexOf(name)).filter((p) => p >= 0)
    : costs.places.map((_, p) => p);
  const lastYear = run.years - 1;
  let gross = 0;
  let clawbacks = 0;
  let toFive = 0;
  let toTen = 0;
  let onPlaces = 0;
  for (let y = 0; y < costs.years; y++) {
    for (const p of members) {
      const at = (y * n + p) * C + cl;
      const net = costs.spending[at] - costs.clawbacks[at];
      gross += costs.spending[at];
      clawbacks += costs.clawbacks[at];
      if (y <= lastYear - 4) toFive += net;
      if (y <= lastYear - 9) toTen += net;
      onPlaces += costs.placeSpending[y * n + p];
    }
  }
  push(info.name, 'programmeCost', gross - clawbacks);
  push(info.name, 'grossSpending', gross);
  push(info.name, 'clawbacks', clawbacks);
  if (five) push(info.name, 'programmeCost5', toFive);
  if (ten) push(info.name, 'programmeCost10', toTen);
  if (five && five.stayed > 0) push(info.name, 'costPerRetained5', toFive / five.stayed);
  push(info.name, 'unattributedSpending', onPlaces);
}
