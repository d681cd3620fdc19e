import type { PlaceKind } from '../config.js';
import { FLAG_BITS, type World } from '../world.js';
import {
  type AreaInfo,
  classArea,
  classGroupArea,
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

/**
 * Counts of one kind of area by cohort, years since arrival, place and class, in agents:
 * `arrived` by [(cohort * n + place) * C + class], the others by
 * [((cohort * Y + k) * n + place) * C + class] (n = 1 for a people group). An area sums its
 * `members` (places) and `classes`.
 */
interface Cube {
  n: number;
  C: number;
  members: readonly number[];
  classes: readonly number[];
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
 * Tracks, for every cohort, years since arrival, first place and immigrant class, how many
 * are still in their first place, have moved within the region (to a metro or to a smaller
 * place), or have left it; the same for the people a policy acted on; and, at the HORIZONS,
 * where everyone of each first place and class is (the flows). All counts live in typed
 * arrays sized once, so the yearly pass over people allocates nothing.
 */
export class RetentionObserver implements Observer {
  /** By [((cohort * Y + k) * n + first) * C + class]. */
  private stayed = new Float64Array(0);
  private moved = new Float64Array(0);
  private movedSmaller = new Float64Array(0);
  private left = new Float64Array(0);
  private arrived: Float64Array = new Float64Array(0);
  /** People groups: by [((group * Y + cohort) * Y + k) * C + class], arrivals by [(group * Y + cohort) * C + class]. */
  private groupStayed = new Float64Array(0);
  private groupMoved = new Float64Array(0);
  private groupMovedSmaller = new Float64Array(0);
  private groupLeft = new Float64Array(0);
  private groupArrived = new Float64Array(0);
  private readonly groupFlags = Uint8Array.from(PEOPLE_GROUPS, (g) => g.flag);
  /** The flags of any people group: other flags (a mover, a sponsored newcomer) are not counted here. */
  private readonly anyGroupFlag = PEOPLE_GROUPS.reduce((mask, g) => mask | g.flag, 0);
  /** The bit of each group's flag, in the world's counts by flag. */
  private readonly groupBits = Uint8Array.from(PEOPLE_GROUPS, (g) => Math.log2(g.flag));
  /** Flows at the horizons: by [((horizon * n + first) * (n + 1) + destination) * C + class], destination n = left. */
  private flow = new Float64Array(0);
  /** Index in HORIZONS of each k (years since arrival - 1), or -1. */
  private readonly horizonOf: Int8Array;
  private pilot = new Uint8Array(0);
  private classNames: readonly string[] = [];
  private C = 1;
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

  /** Counts, for every cohort, first place and class, who stayed, moved or left by the end of the year. */
  observe(world: World): void {
    const { places, effects } = world;
    const n = places.n;
    const Y = this.years;
    const G = PEOPLE_GROUPS.length;
    const H = HORIZONS.length;
    if (this.n === 0) {
      const C = world.classNames.length;
      this.n = n;
      this.C = C;
      this.names = places.names;
      this.smaller = places.smaller;
      this.kinds = places.kinds;
      this.region = world.config.region;
      this.classNames = world.classNames;
      this.stayed = new Float64Array(Y * Y * n * C);
      this.moved = new Float64Array(Y * Y * n * C);
      this.movedSmaller = new Float64Array(Y * Y * n * C);
      this.left = new Float64Array(Y * Y * n * C);
      this.groupStayed = new Float64Array(G * Y * Y * C);
      this.groupMoved = new Float64Array(G * Y * Y * C);
      this.groupMovedSmaller = new Float64Array(G * Y * Y * C);
      this.groupLeft = new Float64Array(G * Y * Y * C);
      this.groupArrived = new Float64Array(G * Y * C);
      this.flow = new Float64Array(H * n * (n + 1) * C);
      this.pilot = new Uint8Array(n);
    }
    const C = this.C;
    const t = world.year;
    for (let j = 0; j < n; j++) if (isEngagementPilot(effects, j)) this.pilot[j] = 1;
    this.countPeople(world);
    // Arrivals and departures from the region, from the world's counters (no person loop).
    for (let c = 0; c <= t; c++) {
      const ck = c * Y + (t - c);
      for (let pc = 0; pc < n * C; pc++) this.left[ck * n * C + pc] = world.leftByPlaceClass[c * n * C + pc];
      const h = this.horizonOf[t - c];
      if (h >= 0)
        for (let p = 0; p < n; p++)
          for (let cl = 0; cl < C; cl++)
            this.flow[((h * n + p) * (n + 1) + n) * C + cl] += world.leftByPlaceClass[(c * n + p) * C + cl];
      for (let g = 0; g < G; g++) {
        for (let cl = 0; cl < C; cl++) {
          const at = (c * FLAG_BITS + this.groupBits[g]) * C + cl;
          this.groupArrived[(g * Y + c) * C + cl] = world.arrivedByFlagClass[at];
          this.groupLeft[(g * Y * Y + ck) * C + cl] = world.leftByFlagClass[at];
        }
      }
    }
    this.arrived = world.arrivedByPlaceClass;
    this.lastYear = t;
  }

  /** The person pass of observe(): counts by cohort, years since arrival, first place and class, and by people group. */
  private countPeople(world: World): void {
    const { people } = world;
    const n = this.n;
    const C = this.C;
    const Y = this.years;
    const G = PEOPLE_GROUPS.length;
    const t = world.year;
    // Fields and columns in locals: the loop reads no object field per person.
    const { arrival, firstPlace, place, flags, immigrantClass } = people;
    const { smaller, stayed, moved, movedSmaller, horizonOf, flow, groupFlags, anyGroupFlag } = this;
    const { groupStayed, groupMoved, groupMovedSmaller } = this;
    const count = people.count;
    for (let i = 0; i < count; i++) {
      const c = arrival[i];
      const first = firstPlace[i];
      const now = place[i];
      const cl = immigrantClass[i];
      const ck = c * Y + (t - c);
      const idx = (ck * n + first) * C + cl;
      const home = now === first;
      if (home) stayed[idx] += 1;
      else {
        moved[idx] += 1;
        if (smaller[now]) movedSmaller[idx] += 1;
      }
      const h = horizonOf[t - c];
      if (h >= 0) flow[((h * n + first) * (n + 1) + now) * C + cl] += 1;
      const f = flags[i] & anyGroupFlag;
      if (f === 0) continue;
      for (let g = 0; g < G; g++) {
        if ((f & groupFlags[g]) === 0) continue;
        const gi = (g * Y * Y + ck) * C + cl;
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
   * (if anyone was), and when the intake has more than one immigrant class: each class (in
   * the region), then each of those groups by class; last, each place.
   */
  areas(): AreaInfo[] {
    return this.areaCubes().map((a) => a.info);
  }

  private areaCubes(): Area[] {
    const out: Area[] = [];
    if (this.lastYear < 0) return out;
    const n = this.n;
    const C = this.C;
    const all = range(n);
    const allClasses = range(C);
    const placeCube = (members: number[], classes: number[]): Cube => ({
      n,
      C,
      members,
      classes,
      arrived: this.arrived,
      stayed: this.stayed,
      moved: this.moved,
      movedSmaller: this.movedSmaller,
      left: this.left,
    });
    const byPlace = (name: string, kind: AreaInfo['kind'], members: number[]): Area => ({
      info: { name, kind, places: members.map((p) => this.names[p]) },
      cube: placeCube(members, allClasses),
    });
    // The groups, each with its cube of all classes: broken down by class below.
    const groups: Area[] = [];
    for (const group of PLACE_GROUPS) {
      const members = all.filter((p) => group.member(this.kinds[p], this.smaller[p] === 1));
      if (members.length) groups.push(byPlace(group.name, 'places', members));
    }
    const pilots = all.filter((p) => this.pilot[p]);
    if (pilots.length) groups.push(byPlace(ENGAGEMENT_PILOT_RESIDENTS, 'places', pilots));
    const Y = this.years;
    PEOPLE_GROUPS.forEach((group, g) => {
      const arrived = this.groupArrived.subarray(g * Y * C, (g + 1) * Y * C);
      if (!arrived.some((a) => a > 0)) return;
      const slice = (a: Float64Array) => a.subarray(g * Y * Y * C, (g + 1) * Y * Y * C);
      groups.push({
        info: { name: group.name, kind: 'people', places: [] },
        cube: {
          n: 1,
          C,
          members: [0],
          classes: allClasses,
          arrived,
          stayed: slice(this.groupStayed),
          moved: slice(this.groupMoved),
          movedSmaller: slice(this.groupMovedSmaller),
          left: slice(this.groupLeft),
        },
      });
    });
    out.push(byPlace(this.region, 'region', all), ...groups);
    if (C > 1) {
      for (let cl = 0; cl < C; cl++)
        out.push({
          info: {
            name: classArea(this.classNames[cl]),
            kind: 'class',
            places: [],
            immigrantClass: this.classNames[cl],
          },
          cube: placeCube(all, [cl]),
        });
      for (const group of groups)
        for (let cl = 0; cl < C; cl++) {
          const className = this.classNames[cl];
          // Nobody of the class in the group: no area (as for a group nobody is in).
          const cube = { ...group.cube, classes: [cl] };
          if (!hasArrivals(cube, Y)) continue;
          out.push({
            info: {
              ...group.info,
              name: classGroupArea(group.info.name, className),
              immigrantClass: className,
              group: group.info.name,
            },
            cube,
          });
        }
    }
    for (let p = 0; p < n; p++) out.push(byPlace(this.names[p], 'place', [p]));
    return out;
  }

  /** Pooled rows for each area (the region, groups, people groups, classes, groups by class, each place), in people (agents x scale). */
  rows(scale: number): RetentionRow[] {
    const out: RetentionRow[] = [];
    for (const { info, cube } of this.areaCubes()) this.pushRows(out, scale, info, cube);
    return out;
  }

  /**
   * Retention of each arrival cohort at the HORIZONS, for the region, the groups of places,
   * the people groups, the classes and the groups by class (not each place: see flows and
   * retention for places), in people.
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
            for (const cl of cube.classes) {
              const idx = ((c * Y + k - 1) * cube.n + p) * cube.C + cl;
              arrived += cube.arrived[(c * cube.n + p) * cube.C + cl];
              stayed += cube.stayed[idx];
              moved += cube.moved[idx];
              left += cube.left[idx];
            }
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
   * Where the newcomers of each first place and class are at the HORIZONS, cohorts pooled:
   * their first place, another place, or out of the region; in people, rows with nobody left out.
   */
  flowRows(scale: number): FlowRow[] {
    const out: FlowRow[] = [];
    if (this.lastYear < 0) return out;
    const n = this.n;
    const C = this.C;
    const left = leftRegionDestination(this.region);
    HORIZONS.forEach((k, h) => {
      if (k - 1 > this.lastYear) return;
      for (let p = 0; p < n; p++) {
        for (let d = 0; d <= n; d++) {
          for (let cl = 0; cl < C; cl++) {
            const people = this.flow[((h * n + p) * (n + 1) + d) * C + cl];
            if (people === 0) continue;
            out.push({
              scenario: this.key.scenario,
              replication: this.key.replication,
              seed: this.key.seed,
              yearsSinceArrival: k,
              firstPlace: this.names[p],
              immigrantClass: this.classNames[cl],
              destination: d === n ? left : this.names[d],
              people: people * scale,
            });
          }
        }
      }
    });
    return out;
  }

  /** Rows for one area: cohorts that reached k years pooled, for every k observed. */
  private pushRows(out: RetentionRow[], scale: number, info: AreaInfo, cube: Cube): void {
    const { n, C, members, classes } = cube;
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
          for (const cl of classes) {
            const a = cube.arrived[(c * n + p) * C + cl];
            const idx = ((c * Y + k) * n + p) * C + cl;
            const prev = ((c * Y + k - 1) * n + p) * C + cl;
            const s = cube.stayed[idx];
            const m = cube.moved[idx];
            arrived += a;
            left += cube.left[idx];
            if (region) {
              stayed += s + m;
              before += k === 0 ? a : a - cube.left[prev];
            } else {
              stayed += s;
              moved += m;
              movedSmaller += cube.movedSmaller[idx];
              before += k === 0 ? a : cube.stayed[prev];
            }
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

/** Whether anyone of a cube's members and classes arrived. */
function hasArrivals(cube: Cube, years: number): boolean {
  for (let c = 0; c < years; c++)
    for (const p of cube.members)
      for (const cl of cube.classes) if (cube.arrived[(c * cube.n + p) * cube.C + cl] > 0) return true;
  return false;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
