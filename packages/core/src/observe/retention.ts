import { DISPERSED } from '../people.js';
import type { World } from '../world.js';
import type { Observer, RunKey } from './observer.js';

/** One row of the retention table: cohorts pooled, for one area and years since arrival. */
export interface RetentionRow extends RunKey {
  /** A place (first place of settlement), the smaller places together, or the whole region. */
  area: string;
  /** 1 = at the end of the year of arrival. */
  yearsSinceArrival: number;
  /** Cohorts that have reached this many years and are pooled in the row. */
  cohorts: number;
  /** People who arrived (first settled) in the area, in those cohorts. */
  arrived: number;
  /** Still in their first place (for the region: still anywhere in the region). */
  stayed: number;
  /** Moved to another place in the region (0 for the region itself). */
  moved: number;
  /** Left the region. */
  left: number;
  /** stayed / arrived. */
  retention: number;
  /** Share of the arrivals who departed during this year: (stayed a year before - stayed now) / arrived. */
  departures: number;
}

/** The columns of retention.csv (and of a results store's retention table), in order. */
export const RETENTION_COLUMNS = [
  'scenario',
  'replication',
  'seed',
  'area',
  'yearsSinceArrival',
  'cohorts',
  'arrived',
  'stayed',
  'moved',
  'left',
  'retention',
  'departures',
] as const satisfies readonly (keyof RetentionRow)[];

/** Name of the area that pools all smaller places. */
export const SMALLER_PLACES = 'Smaller places';
/** Name of the area that pools everyone who settled on an incentive offer (wherever they were placed). */
export const INCENTIVE_TAKERS = 'Incentive takers';

/**
 * Name of the area of one immigrant class, e.g. "Family class". Its rows are retention in
 * the region (still anywhere in it), as the class-level evidence is: written only when the
 * intake has more than one class.
 */
export function classArea(className: string): string {
  return `${className.charAt(0).toUpperCase()}${className.slice(1)} class`;
}

/**
 * Tracks, for every cohort, years since arrival and first place, how many are still in
 * their first place, have moved within the region, or have left it.
 */
export class RetentionObserver implements Observer {
  private stayed: Float64Array;
  private moved: Float64Array;
  private left: Float64Array;
  private arrived: Float64Array | undefined;
  private stayedOnOffer = new Float64Array(0);
  private movedOnOffer = new Float64Array(0);
  private leftOnOffer = new Float64Array(0);
  private arrivedOnOffer: Float64Array | undefined;
  private presentByClass = new Float64Array(0);
  private leftByClass = new Float64Array(0);
  private arrivedByClass: Float64Array | undefined;
  private classNames: readonly string[] = [];
  private lastYear = -1;
  private n = 0;
  private years: number;
  private names: string[] = [];
  private smaller: Uint8Array = new Uint8Array(0);
  private region = '';

  constructor(
    private readonly key: RunKey,
    years: number,
  ) {
    this.years = Math.max(1, years);
    this.stayed = new Float64Array(0);
    this.moved = new Float64Array(0);
    this.left = new Float64Array(0);
  }

  /** Counts, for every cohort and first place, who stayed, moved or left by the end of the year. */
  observe(world: World): void {
    const { people, places } = world;
    const n = places.n;
    const Y = this.years;
    if (this.n === 0) {
      this.n = n;
      this.names = places.names;
      this.smaller = places.smaller;
      this.region = world.config.region;
      this.stayed = new Float64Array(Y * Y * n);
      this.moved = new Float64Array(Y * Y * n);
      this.left = new Float64Array(Y * Y * n);
      this.stayedOnOffer = new Float64Array(Y * Y);
      this.movedOnOffer = new Float64Array(Y * Y);
      this.leftOnOffer = new Float64Array(Y * Y);
      this.classNames = world.classNames;
      this.presentByClass = new Float64Array(Y * Y * world.classNames.length);
      this.leftByClass = new Float64Array(Y * Y * world.classNames.length);
    }
    const t = world.year;
    for (let i = 0; i < people.count; i++) {
      const c = people.arrival[i];
      const first = people.firstPlace[i];
      const idx = (c * Y + (t - c)) * n + first;
      const home = people.place[i] === first;
      if (home) this.stayed[idx] += 1;
      else this.moved[idx] += 1;
      if (people.flags[i] & DISPERSED) {
        if (home) this.stayedOnOffer[c * Y + (t - c)] += 1;
        else this.movedOnOffer[c * Y + (t - c)] += 1;
      }
    }
    for (let c = 0; c <= t; c++) {
      for (let p = 0; p < n; p++) this.left[(c * Y + (t - c)) * n + p] = world.leftByCohort[c * n + p];
      this.leftOnOffer[c * Y + (t - c)] = world.leftOnOfferByCohort[c];
    }
    // By class, in the region: present = arrived - left, from the world's counters (no person loop).
    const C = this.classNames.length;
    for (let c = 0; c <= t; c++) {
      for (let cl = 0; cl < C; cl++) {
        const at = (c * Y + (t - c)) * C + cl;
        this.leftByClass[at] = world.leftByClass[c * C + cl];
        this.presentByClass[at] = world.arrivedByClass[c * C + cl] - world.leftByClass[c * C + cl];
      }
    }
    this.arrivedByClass = world.arrivedByClass;
    this.arrived = world.arrivedByCohort;
    this.arrivedOnOffer = world.arrivedOnOfferByCohort;
    this.lastYear = t;
  }

  /** Pooled rows for the region, the smaller places, the incentive takers, each class and each place, in people (agents x scale). */
  rows(scale: number): RetentionRow[] {
    const out: RetentionRow[] = [];
    if (this.lastYear < 0) return out;
    const n = this.n;
    this.pushRows(
      out,
      scale,
      this.region,
      true,
      this.pooled(range(n), this.arrived!, this.stayed, this.moved, this.left),
    );
    this.pushRows(
      out,
      scale,
      SMALLER_PLACES,
      false,
      this.pooled(
        range(n).filter((p) => this.smaller[p]),
        this.arrived!,
        this.stayed,
        this.moved,
        this.left,
      ),
    );
    if (this.arrivedOnOffer!.some((a) => a > 0)) {
      this.pushRows(out, scale, INCENTIVE_TAKERS, false, {
        n: 1,
        members: [0],
        arrived: this.arrivedOnOffer!,
        stayed: this.stayedOnOffer,
        moved: this.movedOnOffer,
        left: this.leftOnOffer,
      });
    }
    const C = this.classNames.length;
    if (C > 1) {
      for (let cl = 0; cl < C; cl++) {
        this.pushRows(out, scale, classArea(this.classNames[cl]), true, {
          n: C,
          members: [cl],
          arrived: this.arrivedByClass!,
          stayed: this.presentByClass,
          moved: new Float64Array(this.presentByClass.length),
          left: this.leftByClass,
        });
      }
    }
    for (let p = 0; p < n; p++) {
      this.pushRows(
        out,
        scale,
        this.names[p],
        false,
        this.pooled([p], this.arrived!, this.stayed, this.moved, this.left),
      );
    }
    return out;
  }

  private pooled(
    members: number[],
    arrived: Float64Array,
    stayed: Float64Array,
    moved: Float64Array,
    left: Float64Array,
  ): Cube {
    return { n: this.n, members, arrived, stayed, moved, left };
  }

  /** Rows for one area: cohorts that reached k years pooled, for every k observed. */
  private pushRows(out: RetentionRow[], scale: number, area: string, region: boolean, cube: Cube): void {
    const { n, members } = cube;
    const Y = this.years;
    for (let k = 0; k <= this.lastYear; k++) {
      let arrived = 0;
      let stayed = 0;
      let moved = 0;
      let left = 0;
      let before = 0;
      const cohorts = this.lastYear - k + 1;
      for (let c = 0; c < cohorts; c++) {
        for (const p of members) {
          const a = cube.arrived[c * n + p];
          const idx = (c * Y + k) * n + p;
          const s = cube.stayed[idx];
          const m = cube.moved[idx];
          arrived += a;
          left += cube.left[idx];
          if (region) {
            stayed += s + m;
            before += k === 0 ? a : a - cube.left[(c * Y + k - 1) * n + p];
          } else {
            stayed += s;
            moved += m;
            before += k === 0 ? a : cube.stayed[(c * Y + k - 1) * n + p];
          }
        }
      }
      // Nobody arrived: there is no share to report, so no row (never a NaN in the table).
      if (arrived === 0) continue;
      out.push({
        // The key spelled out, not spread: a spread followed by many fields makes slow, dictionary-mode rows.
        scenario: this.key.scenario,
        replication: this.key.replication,
        seed: this.key.seed,
        area,
        yearsSinceArrival: k + 1,
        cohorts,
        arrived: arrived * scale,
        stayed: stayed * scale,
        moved: moved * scale,
        left: left * scale,
        retention: stayed / arrived,
        departures: (before - stayed) / arrived,
      });
    }
  }
}

/** Counts by [cohort][years since arrival][place] (places = 1 for a pooled group). */
interface Cube {
  n: number;
  members: number[];
  arrived: Float64Array;
  stayed: Float64Array;
  moved: Float64Array;
  left: Float64Array;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
