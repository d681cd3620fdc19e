import type { MeasureRow } from './measures.js';
import { type MeasureValues, type SummaryRow, summarizeGroups } from './summarize.js';

/** The values of one (scenario, area, measure), indexed by replication; NaN where a run has none. */
interface Slots {
  scenario: string;
  area: string;
  measure: string;
  values: Float64Array;
}

/**
 * A job's measures kept as numbers only, for summary.json: one Float64Array per (scenario,
 * area, measure), indexed by replication. At 1,000 replications × 5 scenarios that is a few
 * megabytes where a MeasureRow object per value took about a gigabyte. Measures are finite
 * (runMeasures drops the others), so NaN marks a replication without a value.
 * @example
 * const arrays = new MeasureArrays(job.replications);
 * for await (const run of runs) arrays.add(run.measures);
 * arrays.summary(0.9, order); // = summarize(allMeasures, 0.9, order)
 */
export class MeasureArrays {
  private readonly groups = new Map<string, Slots>();

  /** @param replications replications of the job: each row's replication is in [0, replications). */
  constructor(private readonly replications: number) {}

  /** Keeps the values of one run's measures (or any rows); throws on a value given twice. */
  add(rows: readonly MeasureRow[]): void {
    for (const row of rows) {
      const { replication } = row;
      if (!Number.isInteger(replication) || replication < 0 || replication >= this.replications)
        throw new RangeError(`measure of replication ${replication}, expected 0 to ${this.replications - 1}`);
      const slots = this.slots(row.scenario, row.area, row.measure);
      if (!Number.isNaN(slots.values[replication]))
        throw new Error(
          `two values of ${row.scenario} ${row.area} ${row.measure} in replication ${replication}`,
        );
      slots.values[replication] = row.value;
    }
  }

  /** Median and interval of each (scenario, area, measure): core's summarize of every row added. */
  summary(interval: number, scenarioOrder: string[]): SummaryRow[] {
    return summarizeGroups(this.present(), interval, scenarioOrder);
  }

  /**
   * The summary of differences against `reference`, replication by replication: core's
   * summarize(pairedDifferences(rows, reference)) of every row added.
   */
  paired(reference: string, interval: number, scenarioOrder: string[]): SummaryRow[] {
    return summarizeGroups(this.differences(reference), interval, scenarioOrder);
  }

  /** The values of one (scenario, area, measure) by replication, NaN where a run has none; undefined if none was added. */
  values(scenario: string, area: string, measure: string): Float64Array | undefined {
    return this.groups.get(`${scenario}|${area}|${measure}`)?.values;
  }

  /** The areas that have values, in the order they were first added. */
  areas(): string[] {
    return [...new Set([...this.groups.values()].map((g) => g.area))];
  }

  private slots(scenario: string, area: string, measure: string): Slots {
    const key = `${scenario}|${area}|${measure}`;
    let slots = this.groups.get(key);
    if (!slots) {
      slots = { scenario, area, measure, values: new Float64Array(this.replications).fill(Number.NaN) };
      this.groups.set(key, slots);
    }
    return slots;
  }

  /** Each group with only the replications that have a value. */
  private *present(): Generator<MeasureValues> {
    for (const g of this.groups.values()) yield { ...g, values: g.values.filter((v) => !Number.isNaN(v)) };
  }

  /** Each non-reference group minus the reference's value, where both replications have one. */
  private *differences(reference: string): Generator<MeasureValues> {
    for (const g of this.groups.values()) {
      if (g.scenario === reference) continue;
      const base = this.groups.get(`${reference}|${g.area}|${g.measure}`);
      if (!base) continue;
      const values: number[] = [];
      for (let r = 0; r < this.replications; r++) {
        const v = g.values[r];
        const b = base.values[r];
        if (!Number.isNaN(v) && !Number.isNaN(b)) values.push(v - b);
      }
      yield { ...g, values };
    }
  }
}
