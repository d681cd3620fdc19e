import type { PlaceKind } from '../config.js';
import { ASSIGNED, DISPERSED, SERVED } from '../people.js';
import type { ProgrammeEffects } from '../policy.js';
import type { YearTallies } from '../world.js';

/** Name of the area that pools all smaller places. */
export const SMALLER_PLACES = 'Smaller places';
/** Name of the area that pools the mid-size cities (places of kind `mid-size`). */
export const MID_SIZE_CITIES = 'Mid-size cities';
/** Name of the area that pools the small centres (places of kind `small`). */
export const SMALL_CENTRES = 'Small centres';
/** Name of the area that pools the newcomers whose first place ran a community-engagement programme. */
export const ENGAGEMENT_PILOT_RESIDENTS = 'Engagement pilot residents';
/** Name of the area that pools everyone who settled on an incentive offer (wherever they were placed). */
export const INCENTIVE_TAKERS = 'Incentive takers';
/** Name of the area that pools everyone served by welcome services on arrival. */
export const SERVED_BY_WELCOME = 'Served by welcome services';
/** Name of the area that pools everyone placed by an allocation (the assignment policy), wherever placed. */
export const ASSIGNED_PEOPLE = 'Assigned people';

/**
 * Name of the area of one immigrant class, e.g. "Family class". Its rows are retention in
 * the region (still anywhere in it), as the class-level evidence is: written only when the
 * intake has more than one class.
 */
export function classArea(className: string): string {
  return `${className.charAt(0).toUpperCase()}${className.slice(1)} class`;
}

/**
 * Name of the area of one immigrant class within a group of places or of people, e.g.
 * "Smaller places · Family class": newcomers of the class who first settled in the group's
 * places (or whom the policy acted on). Its retention counts those still in their first
 * place, as the group's does; written only when the intake has more than one class.
 */
export function classGroupArea(group: string, className: string): string {
  return `${group} · ${classArea(className)}`;
}

/** Years since arrival at which retention, destinations and cohorts are reported. */
export const HORIZONS = [1, 3, 5, 10] as const;

/**
 * What an area of the outputs pools: the whole region; newcomers by their first place (one
 * place, or a group of places); newcomers a policy acted on, wherever they first settled; or
 * an immigrant class (retention in the region, as for the region).
 */
export type AreaKind = 'region' | 'place' | 'places' | 'people' | 'class';

/** An area of a run's outputs and what it pools. */
export interface AreaInfo {
  /** The area's name, as in the `area` column. */
  name: string;
  kind: AreaKind;
  /** For a region or a group of places: the names of its places (empty for people groups and classes). */
  places: string[];
  /** For an immigrant class, or a group by class: the class's name in the intake (e.g. "family"). */
  immigrantClass?: string;
  /** For a group by class: the area of the whole group (e.g. "Smaller places"). */
  group?: string;
}

/** A group of places: its area name, and which places belong to it. */
export interface PlaceGroup {
  /** The area's name. */
  name: string;
  /** Whether a place of this kind and size belongs to the group. */
  member: (kind: PlaceKind, smaller: boolean) => boolean;
}

/**
 * The groups of places reported beside each place, by a rule on the place's kind and
 * size. The engagement pilots are found from what programmes did (see {@link isEngagementPilot}).
 */
export const PLACE_GROUPS: readonly PlaceGroup[] = [
  { name: SMALLER_PLACES, member: (_, smaller) => smaller },
  { name: MID_SIZE_CITIES, member: (kind) => kind === 'mid-size' },
  { name: SMALL_CENTRES, member: (kind) => kind === 'small' },
];

/** People a policy acted on: the area's name, their flag, and the tally of newcomers who got it. */
export interface PeopleGroup {
  /** The area's name. */
  name: string;
  /** The person flag set on arrival (DISPERSED, SERVED, ASSIGNED). */
  flag: number;
  /** The year's tally, by place, of the newcomers who got the flag. */
  arrivals: keyof YearTallies;
}

/**
 * The people a policy acted on, found by a flag set at arrival and the year's tally of
 * newcomers who got it: incentive takers (DISPERSED), those served by welcome services
 * (SERVED) and those placed by allocation (ASSIGNED). People lose no flag, and leave only by leaving the region, so those of a group
 * who are neither in their first place nor elsewhere in the region have left it.
 */
export const PEOPLE_GROUPS: readonly PeopleGroup[] = [
  { name: INCENTIVE_TAKERS, flag: DISPERSED, arrivals: 'acceptedOffer' },
  { name: SERVED_BY_WELCOME, flag: SERVED, arrivals: 'served' },
  { name: ASSIGNED_PEOPLE, flag: ASSIGNED, arrivals: 'assigned' },
];

/**
 * Whether a community-engagement programme acted on place `j` this year: leadership,
 * institutions, initiatives, bridging, participation or a learning link added there.
 */
export function isEngagementPilot(effects: ProgrammeEffects, j: number): boolean {
  return (
    effects.leadershipInvestment[j] > 0 ||
    effects.institutionsAdded[j] > 0 ||
    effects.initiativesAdded[j] > 0 ||
    effects.bridgingBoost[j] > 0 ||
    effects.participationBoost[j] > 0 ||
    effects.learningLink[j] > 0
  );
}

/** The destination of those who left the region, in flows.csv: e.g. "left Ontario". */
export function leftRegionDestination(region: string): string {
  return `left ${region}`;
}
