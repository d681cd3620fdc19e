import type { World } from '../world.js';
import { type ColumnKind, columnsOf, RUN_KEY_KINDS } from './column-kinds.js';
import type { Observer, RunKey } from './observer.js';

/** One row per place and year: the place's state and what happened there that year (people, not agents). */
export interface PlaceRow extends RunKey {
  year: number;
  place: string;
  kind: string;
  smaller: boolean;
  population: number;
  /** Newcomers (arrived during the run) living there at the end of the year. */
  newcomers: number;
  arrivals: number;
  movedIn: number;
  movedOut: number;
  leftRegion: number;
  served: number;
  acceptedOffer: number;
  /** Shares among newcomers present. */
  matchedShare: number;
  equityMean: number;
  engagedShare: number;
  vacancies: number;
  /** Vacancies left unfilled this year: the labour-demand gap. */
  labourGap: number;
  leadership: number;
  inclusion: number;
  hostOpenness: number;
  initiatives: number;
  /** Programme dollars spent in the place this year (incentives, services, engagement, less clawbacks). */
  programmeCost: number;
  /** Clawbacks repaid this year by incentive takers who left the place before their term (already taken off programmeCost). */
  clawbacks: number;
  /** Newcomers' yearly earnings in the place, dollars. */
  income: number;
}

/** What each column of places.csv holds, in the columns' order. */
export const PLACE_COLUMN_KINDS = {
  ...RUN_KEY_KINDS,
  year: 'key',
  place: 'key',
  kind: 'key',
  smaller: 'key',
  population: 'count',
  newcomers: 'count',
  arrivals: 'count',
  movedIn: 'count',
  movedOut: 'count',
  leftRegion: 'count',
  served: 'count',
  acceptedOffer: 'count',
  matchedShare: 'share',
  equityMean: 'number',
  engagedShare: 'share',
  vacancies: 'count',
  labourGap: 'number',
  leadership: 'share',
  inclusion: 'share',
  hostOpenness: 'share',
  initiatives: 'count',
  programmeCost: 'number',
  clawbacks: 'count',
  income: 'number',
} as const satisfies Record<keyof PlaceRow, ColumnKind>;

/** The columns of places.csv (and of a results store's places table), in order. */
export const PLACE_COLUMNS = columnsOf(PLACE_COLUMN_KINDS);

/**
 * Records one PlaceRow per place each year. With a sink, rows are handed on as the years
 * pass and not kept, so long runs stay in bounded memory.
 */
export class PlaceObserver implements Observer {
  private readonly kept: PlaceRow[] = [];
  private income = new Float64Array(0);
  private pay = new Float64Array(0);

  constructor(
    private readonly key: RunKey,
    private readonly sink?: (row: PlaceRow) => void,
  ) {}

  /** Records (or hands to the sink) one row per place for the year just ended. */
  observe(world: World): void {
    const { places, tallies, people, scratch, config } = world;
    const k = config.agentScale;
    const n = places.n;
    if (this.income.length !== n) {
      this.income = new Float64Array(n);
      this.pay = new Float64Array(n * 9);
    }
    this.income.fill(0);
    for (let c = 0; c < n * 9; c++) this.pay[c] = Math.exp(scratch.logIncome[c]);
    const earnings = config.params.averageEarnings * k;
    // Columns and arrays in locals: the loop reads no object field per person.
    const { income, pay } = this;
    const { place, occupation, employment } = people;
    const count = people.count;
    for (let i = 0; i < count; i++) {
      const j = place[i];
      income[j] += pay[j * 9 + occupation[i] * 3 + employment[i]];
    }
    for (let j = 0; j < n; j++) {
      const present = places.newcomers[j];
      let vacancies = 0;
      let gap = 0;
      for (let o = 0; o < 3; o++) {
        vacancies += places.vacancies[j * 3 + o];
        gap += places.unfilled[j * 3 + o];
      }
      const row: PlaceRow = {
        // The key spelled out, not spread: a spread followed by many fields makes slow, dictionary-mode rows.
        scenario: this.key.scenario,
        replication: this.key.replication,
        seed: this.key.seed,
        year: world.year,
        place: places.names[j],
        kind: places.kinds[j],
        smaller: places.smaller[j] === 1,
        population: places.population[j],
        newcomers: present * k,
        arrivals: tallies.arrivals[j] * k,
        movedIn: tallies.movedIn[j] * k,
        movedOut: tallies.movedOut[j] * k,
        leftRegion: tallies.leftRegion[j] * k,
        served: tallies.served[j] * k,
        acceptedOffer: tallies.acceptedOffer[j] * k,
        matchedShare: present > 0 ? places.matched[j] / present : 0,
        equityMean: present > 0 ? places.equitySum[j] / present : 0,
        engagedShare: present > 0 ? places.engaged[j] / present : 0,
        vacancies,
        labourGap: gap,
        leadership: places.leadership[j],
        inclusion: places.inclusion[j],
        hostOpenness: places.hostOpenness[j],
        initiatives: places.initiatives[j],
        programmeCost: tallies.cost[j],
        clawbacks: tallies.clawbacks[j],
        income: this.income[j] * earnings,
      };
      if (this.sink) this.sink(row);
      else this.kept.push(row);
    }
  }

  /** The rows kept so far (empty when a sink took them). */
  rows(): PlaceRow[] {
    return this.kept;
  }
}
