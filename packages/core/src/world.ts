import { intakeClasses, OCCUPATIONS } from './config.js';
import type { ModelConfig } from './model-config.js';
import { PersonTable } from './people.js';
import { PlaceState } from './places.js';
import type { Assignment, IncentiveOffer, ProgrammeEffects } from './policy.js';
import { createEffects } from './policy.js';
import type { StreamKeys } from './random.js';
import { stream, streamKeys } from './random.js';
import { ARRIVAL_DRAWS_SCRATCH } from './submodels/arrivals.js';

/** What happened in each place this year (reset at the start of the year). */
export interface YearTallies {
  arrivals: Float64Array;
  movedIn: Float64Array;
  movedOut: Float64Array;
  leftRegion: Float64Array;
  served: Float64Array;
  /** Newcomers an incentive offer reached this year, by the place they would have gone to on the offer. */
  offered: Float64Array;
  acceptedOffer: Float64Array;
  /** Newcomers placed by allocation this year, by assigned place. */
  assigned: Float64Array;
  /** Programme spending per place this year, in dollars, net of clawbacks repaid. */
  cost: Float64Array;
  /** Clawbacks repaid to the programme of each place this year, in dollars (already taken off `cost`). */
  clawbacks: Float64Array;
  /**
   * Programme dollars paid to or for people this year (incentives, benefits, welcome services
   * per person served), before clawbacks, by [place * classes + class]: the spending a class
   * can be charged with. What programmes spend on places (engagement) is not in it.
   */
  spendingByClass: Float64Array;
  /** Clawbacks repaid this year, by [place * classes + class]. */
  clawbacksByClass: Float64Array;
  /** Matches made this year by [place * 3 + occupation], in agents. */
  newMatches: Float64Array;
}

/** The whole state of one run: people, places, programmes, random keys and running tallies. */
export interface World {
  readonly config: ModelConfig;
  readonly seed: number;
  readonly replication: number;
  year: number;
  readonly people: PersonTable;
  readonly places: PlaceState;
  readonly effects: ProgrammeEffects;
  readonly keys: StreamKeys;
  /** Sequential stream for the attributes of newcomers, drawn cohort by cohort. */
  readonly arrivalStream: () => number;
  /** Next person id. */
  nextId: number;
  /** This year's incentive offer, if a policy made one. */
  offer: IncentiveOffer | undefined;
  /** This year's placement by allocation, if a policy made one. */
  assignment: Assignment | undefined;
  /** Names of the intake's immigrant classes (the `immigrantClass` codes index it). */
  readonly classNames: readonly string[];
  readonly tallies: YearTallies;
  /** Agents arrived by [cohort * places + firstPlace], and those of them who left the region. */
  readonly arrivedByCohort: Float64Array;
  readonly leftByCohort: Float64Array;
  /** The same for people who settled on an incentive offer, by cohort. */
  readonly arrivedOnOfferByCohort: Float64Array;
  readonly leftOnOfferByCohort: Float64Array;
  /** The same for people placed by allocation, by cohort. */
  readonly arrivedAssignedByCohort: Float64Array;
  readonly leftAssignedByCohort: Float64Array;
  /** Agents arrived by [cohort * classes + class], and those of them who left the region. */
  readonly arrivedByClass: Float64Array;
  readonly leftByClass: Float64Array;
  /** Agents arrived by [(cohort * places + firstPlace) * classes + class], and those of them who left the region. */
  readonly arrivedByPlaceClass: Float64Array;
  readonly leftByPlaceClass: Float64Array;
  /**
   * Agents arrived with each person flag by [(cohort * FLAG_BITS + bit) * classes + class]
   * (flags as set by the end of arrival: SERVED, DISPERSED, ASSIGNED...), and those of them
   * who left the region: the people a policy acted on, by class.
   */
  readonly arrivedByFlagClass: Float64Array;
  readonly leftByFlagClass: Float64Array;
  /** Newcomers reached by an incentive offer, and those who accepted, over the whole run (agents). */
  offersMade: number;
  offersAccepted: number;
  /** Scratch space of the submodels, sized once: [place * 3 + occupation] and per-destination tables. */
  readonly scratch: Scratch;
}

/** Per-year lookup tables computed once per year, so that the person loop does no log, exp or string work. */
export interface Scratch {
  seekers: Float64Array;
  tightness: Float64Array;
  /** log of income by [place * 9 + occupation * 3 + employment]. */
  logIncome: Float64Array;
  /** log(1 + co-ethnic stock as a percentage of residents) by [place * origins + origin]. */
  networkLog: Float64Array;
  /** log of population by place. */
  logPopulation: Float64Array;
  /** Effective learning access by place. */
  learning: Float64Array;
  /** Systematic utility of each alternative (places, then the exit) by [(occupation * origins + origin) * (places + 1) + alternative]. */
  altUtility: Float64Array;
  /** exp of altUtility, and its sum over all alternatives per (occupation, origin). */
  altWeight: Float64Array;
  altWeightSum: Float64Array;
  /** Place-level utility of staying by [((place * 3 + occupation) * 3 + employment) * origins + origin]. */
  stayBase: Float64Array;
  /** Share of the year's newcomers to each place that services can serve. */
  serviceShare: Float64Array;
  /** The sequential draws of a block of newcomers (submodel "arrivals"). */
  arrivalDraws: Float64Array;
}

/** Bits of a person's flags (a Uint8Array column). */
export const FLAG_BITS = 8;

/**
 * Adds one person to the counts of each flag they carry, by [(cohort * FLAG_BITS + bit) *
 * classes + class] (a loop over the set bits only: no work for people without flags).
 */
export function countFlags(
  counts: Float64Array,
  flags: number,
  cohort: number,
  cls: number,
  classes: number,
): void {
  let f = flags;
  let bit = 0;
  while (f !== 0) {
    if (f & 1) counts[(cohort * FLAG_BITS + bit) * classes + cls] += 1;
    f >>= 1;
    bit++;
  }
}

function emptyTallies(n: number, classes: number): YearTallies {
  return {
    arrivals: new Float64Array(n),
    movedIn: new Float64Array(n),
    movedOut: new Float64Array(n),
    leftRegion: new Float64Array(n),
    served: new Float64Array(n),
    offered: new Float64Array(n),
    acceptedOffer: new Float64Array(n),
    assigned: new Float64Array(n),
    cost: new Float64Array(n),
    clawbacks: new Float64Array(n),
    spendingByClass: new Float64Array(n * classes),
    clawbacksByClass: new Float64Array(n * classes),
    newMatches: new Float64Array(n * OCCUPATIONS.length),
  };
}

/** Resets the year's tallies. */
export function resetTallies(t: YearTallies): void {
  for (const column of Object.values(t) as Float64Array[]) column.fill(0);
}

/** The world of one replication at its start, before the yearly lookup tables are filled (see `createWorld`). */
export function initialWorld(config: ModelConfig, seed: number, replication: number): World {
  const places = new PlaceState(config.places, config.intake);
  const n = places.n;
  const g = places.origins;
  const perYear = Math.round(config.intake.perYear / config.agentScale);
  const alternatives = n + 1;
  const groups = OCCUPATIONS.length * g;
  const classNames = intakeClasses(config.intake).map((c) => c.name);
  const cohorts = Math.max(1, config.years);
  return {
    config,
    seed,
    replication,
    year: 0,
    // No more people can be present than arrive: with room for every arrival of the run, the
    // columns are never copied to grow, and pages never written are never made resident.
    people: new PersonTable(Math.max(1024, perYear * Math.max(1, config.years))),
    places,
    effects: createEffects(n),
    keys: streamKeys(seed, replication),
    arrivalStream: stream(seed, replication, 'arrivals'),
    nextId: 0,
    offer: undefined,
    assignment: undefined,
    classNames,
    tallies: emptyTallies(n, classNames.length),
    arrivedByCohort: new Float64Array(Math.max(1, config.years) * n),
    leftByCohort: new Float64Array(Math.max(1, config.years) * n),
    arrivedOnOfferByCohort: new Float64Array(Math.max(1, config.years)),
    leftOnOfferByCohort: new Float64Array(Math.max(1, config.years)),
    arrivedAssignedByCohort: new Float64Array(cohorts),
    leftAssignedByCohort: new Float64Array(cohorts),
    arrivedByClass: new Float64Array(cohorts * classNames.length),
    leftByClass: new Float64Array(cohorts * classNames.length),
    arrivedByPlaceClass: new Float64Array(cohorts * n * classNames.length),
    leftByPlaceClass: new Float64Array(cohorts * n * classNames.length),
    arrivedByFlagClass: new Float64Array(cohorts * FLAG_BITS * classNames.length),
    leftByFlagClass: new Float64Array(cohorts * FLAG_BITS * classNames.length),
    offersMade: 0,
    offersAccepted: 0,
    scratch: {
      seekers: new Float64Array(n * 3),
      tightness: new Float64Array(n * 3),
      logIncome: new Float64Array(n * 9),
      networkLog: new Float64Array(n * g),
      learning: new Float64Array(n),
      logPopulation: new Float64Array(n),
      altUtility: new Float64Array(groups * alternatives),
      altWeight: new Float64Array(groups * alternatives),
      altWeightSum: new Float64Array(groups),
      stayBase: new Float64Array(n * 9 * g),
      serviceShare: new Float64Array(n),
      arrivalDraws: new Float64Array(ARRIVAL_DRAWS_SCRATCH),
    },
  };
}
