import type { PlaceKind } from '../config.js';
import type { World } from '../world.js';
import {
  type AreaInfo,
  classArea,
  ENGAGEMENT_PILOT_RESIDENTS,
  HORIZONS,
  isEngagementPilot,
  leftRegionDestination,
  PEOPLE_GROUPS,
  PLACE_GROUPS,
} from './areas.js';
import type { CohortRow } from './cohorts.js';
import { type ColumnKind, columnsOf, RUN_KEY_KINDS } from './column-kinds.js';
import type { FlowRow } from './flows.js';
import type { Observer, RunKey } from './observer.js';

/** One row of the retention table: cohorts pooled, for one area and years since arrival. */
export interface RetentionRow extends RunKey {
  /**
   * A place (first place of settlement), a group of places (the smaller places, mid-size
   * cities, small centres, engagement pilot residents), the people a policy acted on
   * (incentive takers, those served by welcome services, assigned people), an immigrant
   * class (still anywhere in the region, as the region), or the whole region.
   */
  area: string;
  /** 1 = at the end of the year of arrival. */
  yearsSinceArrival: number;
  /** Cohorts that have reached this many years and are pooled in the row. */
  cohorts: number;
  /** People who arrived (first settled) in the area, in those cohorts. */
  arrived: number;
  /** Still in their first place (for the region: still anywhere in the region). */
  stayed: number;
  /** Moved to another place in the region (0 for the region itself): movedToMetro + movedToSmaller. */
  moved: number;
  /** Moved to a metro (a place that is not one of the smaller places). */
  movedToMetro: number;
  /** Moved to a smaller place other than their first place. */
  movedToSmaller: number;
  /** Left the region. */
  left: number;
  /** stayed / arrived. */
  retention: number;
  /** Share of the arrivals who departed during this year: (stayed a year before - stayed now) / arrived. */
  departures: number;
}

/** What each column of retention.csv holds, in the columns' order. */
export const RETENTION_COLUMN_KINDS = {
  ...RUN_KEY_KINDS,
  area: 'key',
  yearsSinceArrival: 'key',
  cohorts: 'count',
  arrived: 'count',
  stayed: 'count',
  moved: 'count',
  movedToMetro: 'count',
  movedToSmaller: 'count',
  left: 'count',
  retention: 'share',
  departures: 'number',
} as const satisfies Record<keyof RetentionRow, ColumnKind>;

/** The columns of retention.csv (and of a results store's retention table), in order. */
export const RETENTION_COLUMNS = columnsOf(RETENTION_COLUMN_KINDS);

/** Counts by [cohort][years since arrival][place] (places = 1 for a people group), in agents. */
interface Cube {
  n: number;
  members: readonly number[];
  /** By [cohort * n + place]. */
  arrived: Float64Array;
  stayed: Float64Array;
  moved: Float64Array;
  movedSmaller: Float64Array;
  left: Float64Array;
}

/** One area of the rows: its name, what it pools, and its counts. */
interface Area {
  info: AreaInfo;
  cube: Cube;
}

/**
 * Tracks, for every cohort, years since arrival and first place, how many are still in
 * their first place, have moved within the region (to a metro or to a smaller place), or
 * have left it; the same for the people a policy acted on; and, at the HORIZONS, where
 * everyone of each first place is (the flows). All counts live in typed arrays sized once,
 * so the yearly pass over people allocates nothing.
 */
export class RetentionObserver implements Observer {
  private stayed = new Float64Array(0);
  private moved = new Float64Array(0);
  private movedSmaller = new Float64Array(0);
  private left = new Float64Array(0);
  private arrived: Float64Array = new Float64Array(0);
  /** People groups: by [(group * Y + cohort) * Y + k], arrivals by [group * Y + cohort]. */
  private groupStayed = new Float64Array(0);
  private groupMoved = new Float64Array(0);
  private groupMovedSmaller = new Float64Array(0);
  private groupLeft = new Float64Array(0);
  private groupArrived = new Float64Array(0);
  private readonly groupFlags = Uint8Array.from(PEOPLE_GROUPS, (g) => g.flag);
  /** The flags of any people group: other flags (a mover, a sponsored newcomer) are not counted here. */
  private readonly anyGroupFlag = PEOPLE_GROUPS.reduce((mask, g) => mask | g.flag, 0);
  /** Flows at the horizons: by [(horizon * n + first) * (n + 1) + destination], destination n = left. */
  private flow = new Float64Array(0);
  /** Index in HORIZONS of each k (years since arrival - 1), or -1. */
  private readonly horizonOf: Int8Array;
  private pilot = new Uint8Array(0);
  /** By class, in the region: [(cohort * Y + k) * classes + class], from the world's counters. */
  private presentByClass = new Float64Array(0);
  private leftByClass = new Float64Array(0);
  private arrivedByClass: Float64Array = new Float64Array(0);
  private classNames: readonly string[] = [];
  private lastYear = -1;
  private n = 0;
  private readonly years: number;
  private names: string[] = [];
  private smaller: Uint8Array = new Uint8Array(0);
  private kinds: readonly PlaceKind[] = [];
  private region = '';

  constructor(
    private readonly key: RunKey,
    years: number,
  ) {
    this.years = Math.max(1, years);
    this.horizonOf = new Int8Array(this.years).fill(-1);
    HORIZONS.forEach((k, h) => {
      if (k <= this.years) this.horizonOf[k - 1] = h;
    });
  }

  /** Counts, for every cohort and first place, who stayed, moved or left by the end of the year. */
  observe(world: World): void {
    const { places, effects, tallies } = world;
    const n = places.n;
    const Y = this.years;
    const G = PEOPLE_GROUPS.length;
    const H = HORIZONS.length;
    if (this.n === 0) {
      this.n = n;
      this.names = places.names;
      this.smaller = places.smaller;
      this.kinds = places.kinds;
      this.region = world.config.region;
      this.stayed = new Float64Array(Y * Y * n);
      this.moved = new Float64Array(Y * Y * n);
      this.movedSmaller = new Float64Array(Y * Y * n);
      this.left = new Float64Array(Y * Y * n);
      this.groupStayed = new Float64Array(G * Y * Y);
      this.groupMoved = new Float64Array(G * Y * Y);
      this.groupMovedSmaller = new Float64Array(G * Y * Y);
      this.groupLeft = new Float64Array(G * Y * Y);
      this.groupArrived = new Float64Array(G * Y);
      this.flow = new Float64Array(H * n * (n + 1));
      this.pilot = new Uint8Array(n);
      this.classNames = world.classNames;
      this.presentByClass = new Float64Array(Y * Y * world.classNames.length);
      this.leftByClass = new Float64Array(Y * Y * world.classNames.length);
    }
    const t = world.year;
    for (let j = 0; j < n; j++) if (isEngagementPilot(effects, j)) this.pilot[j] = 1;
    for (let g = 0; g < G; g++) {
      const tally = tallies[PEOPLE_GROUPS[g].arrivals];
      let a = 0;
      for (let j = 0; j < n; j++) a += tally[j];
      this.groupArrived[g * Y + t] = a;
    }
    this.countPeople(world);
    for (let c = 0; c <= t; c++) {
      const ck = c * Y + (t - c);
      for (let p = 0; p < n; p++) this.left[ck * n + p] = world.leftByCohort[c * n + p];
      const h = this.horizonOf[t - c];
      if (h >= 0)
        for (let p = 0; p < n; p++) this.flow[(h * n + p) * (n + 1) + n] += world.leftByCohort[c * n + p];
      for (let g = 0; g < G; g++) {
        const gi = g * Y * Y + ck;
        this.groupLeft[gi] = this.groupArrived[g * Y + c] - this.groupStayed[gi] - this.groupMoved[gi];
      }
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
    this.lastYear = t;
  }

  /** The person pass of observe(): counts by cohort, years since arrival and first place, and by people group. */
  private countPeople(world: World): void {
    const { people } = world;
    const n = this.n;
    const Y = this.years;
    const G = PEOPLE_GROUPS.length;
    const t = world.year;
    // Fields and columns in locals: the loop reads no object field per person.
    const { arrival, firstPlace, place, flags } = people;
    const { smaller, stayed, moved, movedSmaller, horizonOf, flow, groupFlags, anyGroupFlag } = this;
    const { groupStayed, groupMoved, groupMovedSmaller } = this;
    const count = people.count;
    for (let i = 0; i < count; i++) {
      const c = arrival[i];
      const first = firstPlace[i];
      const now = place[i];
      const ck = c * Y + (t - c);
      const idx = ck * n + first;
      const home = now === first;
      if (home) stayed[idx] += 1;
      else {
        moved[idx] += 1;
        if (smaller[now]) movedSmaller[idx] += 1;
      }
      const h = horizonOf[t - c];
      if (h >= 0) flow[(h * n + first) * (n + 1) + now] += 1;
      const f = flags[i] & anyGroupFlag;
      if (f === 0) continue;
      for (let g = 0; g < G; g++) {
        if ((f & groupFlags[g]) === 0) continue;
        const gi = g * Y * Y + ck;
        if (home) groupStayed[gi] += 1;
        else {
          groupMoved[gi] += 1;
          if (smaller[now]) groupMovedSmaller[gi] += 1;
        }
      }
    }
  }

  /**
   * The areas of the rows, in order: the region, the groups of places that have places, the
   * engagement pilots' residents (if a programme acted), the people groups a policy acted on
   * (if anyone was), each immigrant class (when the intake has more than one), and each place.
   */
  areas(): AreaInfo[] {
    return this.areaCubes().map((a) => a.info);
  }

  private areaCubes(): Area[] {
    const out: Area[] = [];
    if (this.lastYear < 0) return out;
    const n = this.n;
    const all = range(n);
    const byPlace = (name: string, kind: AreaInfo['kind'], members: number[]): Area => ({
      info: { name, kind, places: members.map((p) => this.names[p]) },
      cube: {
        n,
        members,
        arrived: this.arrived,
        stayed: this.stayed,
        moved: this.moved,
        movedSmaller: this.movedSmaller,
        left: this.left,
      },
    });
    out.push(byPlace(this.region, 'region', all));
    for (const group of PLACE_GROUPS) {
      const members = all.filter((p) => group.member(this.kinds[p], this.smaller[p] === 1));
      if (members.length) out.push(byPlace(group.name, 'places', members));
    }
    const pilots = all.filter((p) => this.pilot[p]);
    if (pilots.length) out.push(byPlace(ENGAGEMENT_PILOT_RESIDENTS, 'places', pilots));
    const Y = this.years;
    PEOPLE_GROUPS.forEach((group, g) => {
      const arrived = this.groupArrived.subarray(g * Y, (g + 1) * Y);
      if (!arrived.some((a) => a > 0)) return;
      const slice = (a: Float64Array) => a.subarray(g * Y * Y, (g + 1) * Y * Y);
      out.push({
        info: { name: group.name, kind: 'people', places: [] },
        cube: {
          n: 1,
          members: [0],
          arrived,
          stayed: slice(this.groupStayed),
          moved: slice(this.groupMoved),
          movedSmaller: slice(this.groupMovedSmaller),
          left: slice(this.groupLeft),
        },
      });
    });
    const C = this.classNames.length;
    if (C > 1) {
      const none = new Float64Array(this.presentByClass.length);
      for (let cl = 0; cl < C; cl++)
        out.push({
          info: { name: classArea(this.classNames[cl]), kind: 'class', places: [] },
          cube: {
            n: C,
            members: [cl],
            arrived: this.arrivedByClass,
            stayed: this.presentByClass,
            moved: none,
            movedSmaller: none,
            left: this.leftByClass,
          },
        });
    }
    for (let p = 0; p < n; p++) out.push(byPlace(this.names[p], 'place', [p]));
    return out;
  }

  /** Pooled rows for each area (the region, groups, people groups, classes, each place), in people (agents x scale). */
  rows(scale: number): RetentionRow[] {
    const out: RetentionRow[] = [];
    for (const { info, cube } of this.areaCubes()) this.pushRows(out, scale, info, cube);
    return out;
  }

  /**
   * Retention of each arrival cohort at the HORIZONS, for the region, the groups of places,
   * the people groups and the classes (not each place: see flows and retention for places), in people.
   */
  cohortRows(scale: number): CohortRow[] {
    const out: CohortRow[] = [];
    const Y = this.years;
    for (const { info, cube } of this.areaCubes()) {
      if (info.kind === 'place') continue;
      const region = info.kind === 'region' || info.kind === 'class';
      for (const k of HORIZONS) {
        for (let c = 0; c + k - 1 <= this.lastYear; c++) {
          let arrived = 0;
          let stayed = 0;
          let moved = 0;
          let left = 0;
          for (const p of cube.members) {
            const idx = (c * Y + k - 1) * cube.n + p;
            arrived += cube.arrived[c * cube.n + p];
            stayed += cube.stayed[idx];
            moved += cube.moved[idx];
            left += cube.left[idx];
          }
          if (arrived === 0) continue;
          if (region) {
            stayed += moved;
            moved = 0;
          }
          out.push({
            scenario: this.key.scenario,
            replication: this.key.replication,
            seed: this.key.seed,
            area: info.name,
            cohort: c,
            yearsSinceArrival: k,
            arrived: arrived * scale,
            stayed: stayed * scale,
            moved: moved * scale,
            left: left * scale,
            retention: stayed / arrived,
          });
        }
      }
    }
    return out;
  }

  /**
   * Where the newcomers of each first place are at the HORIZONS, cohorts pooled: their first
   * place, another place, or out of the region; in people, rows with nobody left out.
   */
  flowRows(scale: number): FlowRow[] {
    const out: FlowRow[] = [];
    if (this.lastYear < 0) return out;
    const n = this.n;
    const left = leftRegionDestination(this.region);
    HORIZONS.forEach((k, h) => {
      if (k - 1 > this.lastYear) return;
      for (let p = 0; p < n; p++) {
        for (let d = 0; d <= n; d++) {
          const people = this.flow[(h * n + p) * (n + 1) + d];
          if (people === 0) continue;
          out.push({
            scenario: this.key.scenario,
            replication: this.key.replication,
            seed: this.key.seed,
            yearsSinceArrival: k,
            firstPlace: this.names[p],
            destination: d === n ? left : this.names[d],
            people: people * scale,
          });
        }
      }
    });
    return out;
  }

  /** Rows for one area: cohorts that reached k years pooled, for every k observed. */
  private pushRows(out: RetentionRow[], scale: number, info: AreaInfo, cube: Cube): void {
    const { n, members } = cube;
    // A class, like the region, counts everyone still anywhere in the region as staying.
    const region = info.kind === 'region' || info.kind === 'class';
    const Y = this.years;
    for (let k = 0; k <= this.lastYear; k++) {
      let arrived = 0;
      let stayed = 0;
      let moved = 0;
      let movedSmaller = 0;
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
            movedSmaller += cube.movedSmaller[idx];
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
        area: info.name,
        yearsSinceArrival: k + 1,
        cohorts,
        arrived: arrived * scale,
        stayed: stayed * scale,
        moved: moved * scale,
        movedToMetro: (moved - movedSmaller) * scale,
        movedToSmaller: movedSmaller * scale,
        left: left * scale,
        retention: stayed / arrived,
        departures: (before - stayed) / arrived,
      });
    }
  }
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
