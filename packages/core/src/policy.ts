import type { PlaceState } from './places.js';

/**
 * What programmes do to each place in one year. The engine resets these columns at the
 * start of every year, lets each policy add to them (schedule step 1), and the submodels
 * read them. Policies therefore compose: a hybrid is two policies adding to one set.
 */
export interface ProgrammeEffects {
  /** Share of this year's newcomers to the place that welcome services can serve (0-1). */
  serviceCoverage: Float64Array;
  /** Years after arrival that services keep helping a served newcomer. */
  serviceYears: Float64Array;
  /** Added to the job-finding rate multiplier of served newcomers (0.3 = 30% faster). */
  searchBoost: Float64Array;
  /** Added to tie formation and language learning of served newcomers. */
  orientationBoost: Float64Array;
  /** Dollars per newcomer served. */
  serviceCostPerPerson: Float64Array;
  /** Social-connection programmes (mentoring, bridging): added to the tie-formation multiplier. */
  bridgingBoost: Float64Array;
  /** Added to the participation multiplier (opportunities to take part). */
  participationBoost: Float64Array;
  /** Added to access to learning (0-1 scale), by a local or regional link. */
  learningLink: Float64Array;
  /** Added to leadership this year (champion, civic leaders). */
  leadershipInvestment: Float64Array;
  /** Institutions added to the multi-stakeholder network this year. */
  institutionsAdded: Float64Array;
  /** Progressive initiatives, policies and rules added this year. */
  initiativesAdded: Float64Array;
  /** Dollars spent by programmes this year (services and incentives are added by the engine). */
  cost: Float64Array;
}

/**
 * An incentive offer to this year's newcomers: settle in an eligible place for a term.
 * The offer reaches a share of the newcomers who choose their own first place; each one
 * reached accepts or refuses it (submodel "offer-acceptance"), so uptake is an outcome.
 */
export interface IncentiveOffer {
  /** 1 for an eligible place, 0 otherwise; newcomers choose among eligible places by the destination logit. */
  eligible: Uint8Array;
  /** Share of the newcomers who choose their own first place that the offer reaches (0-1). */
  reach: number;
  /** 1 for each class (index into the intake's classes) the offer is made to; absent = every class. */
  classes?: Uint8Array;
  /** Years the newcomer agrees to stay. */
  termYears: number;
  /** Dollars paid per person who accepts. */
  incentive: number;
  /** Dollars repaid by a person who leaves before the term ends. */
  clawback: number;
}

/**
 * Placement by allocation (submodel "assignment"): a share of this year's newcomers of some
 * classes is placed by quota rather than by their own choice, with an optional condition: a
 * yearly benefit kept only while they stay in the assigned place for a term.
 */
export interface Assignment {
  /** 1 for each class (index into the intake's classes) the assignment places. */
  classes: Uint8Array;
  /** Share of those newcomers who are placed (0-1). */
  share: number;
  /** Quota weight of each place (0 = receives none); the year's placements follow these proportions. */
  quota: Float64Array;
  /** Years of the condition (0 = no condition). */
  termYears: number;
  /** Dollars a year paid while the person stays in the assigned place during the term; lost on leaving. */
  benefitPerYear: number;
}

/** Facts about a policy that charts and reports use, written in summary.json with its levers. */
export interface PolicyFacts {
  /** Years an incentive taker agrees to stay, when the policy makes incentive offers (the cliff's date). */
  readonly incentiveTermYears?: number;
}

/** What a policy may read: the places and their current state. */
export interface PolicyView {
  readonly places: PlaceState;
  readonly agentScale: number;
  /** Names of the intake's immigrant classes, in the order of the people table's `immigrantClass` codes. */
  readonly classes: readonly string[];
}

/**
 * A policy is a value handed to the engine; the engine knows no particular policy.
 * It acts at two named points of the yearly schedule:
 * - `act` (step 1, "policies act"): spend the year's budget and write effects per place;
 * - `offer` (step 2, "arrivals"): optionally make an incentive offer to this year's newcomers;
 * - `assign` (step 2, "arrivals"): optionally place a share of some classes by allocation.
 * Levers are plain data, recorded in the manifest.
 */
export interface Policy {
  /** Programme name as it appears in outputs. */
  readonly name: string;
  /** The policy family (baseline, dispersion, welcome, engagement, hybrid, or your own). */
  readonly kind: string;
  /** The levers as set, for the manifest and the report. */
  readonly levers: Readonly<Record<string, unknown>>;
  /** What charts and reports need to know of the policy, as typed data (never read from the levers' shapes). */
  readonly facts?: PolicyFacts;
  /** Step 1 of the year: spends the year's budget and adds the programme's effects per place to `effects`. */
  act?(view: PolicyView, year: number, effects: ProgrammeEffects): void;
  /** Step 2 of the year: the incentive offer made to this year's newcomers, if any. */
  offer?(view: PolicyView, year: number): IncentiveOffer | undefined;
  /** Step 2 of the year: the placement by allocation of this year's newcomers, if any. */
  assign?(view: PolicyView, year: number): Assignment | undefined;
}

/** Fresh, zeroed effects for n places. */
export function createEffects(n: number): ProgrammeEffects {
  return {
    serviceCoverage: new Float64Array(n),
    serviceYears: new Float64Array(n),
    searchBoost: new Float64Array(n),
    orientationBoost: new Float64Array(n),
    serviceCostPerPerson: new Float64Array(n),
    bridgingBoost: new Float64Array(n),
    participationBoost: new Float64Array(n),
    learningLink: new Float64Array(n),
    leadershipInvestment: new Float64Array(n),
    institutionsAdded: new Float64Array(n),
    initiativesAdded: new Float64Array(n),
    cost: new Float64Array(n),
  };
}

/** Zeroes every column (start of each year). */
export function resetEffects(effects: ProgrammeEffects): void {
  for (const column of Object.values(effects) as Float64Array[]) column.fill(0);
}
