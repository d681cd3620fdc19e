import type { IncentiveOffer, PlaceState, Policy } from '@smart-settlement/core';
import * as z from 'zod';
import { share, str, strict } from '../schema/fields.js';
import { definePolicy } from './definition.js';
import { classesLever, classMask, dollarsLever, fromYearLever, termYearsLever } from './levers.js';
import { placeSelector, selectPlaces } from './select.js';

/** The levers of dispersion, with their bounds and defaults. */
export const dispersionSchema = strict({
  type: z.literal('dispersion'),
  name: str({ minLength: 1 }).optional(),
  eligible: placeSelector.default('smaller'),
  reach: share('share of the newcomers choosing their first place whom the offer reaches (0-1)').default(0.3),
  classes: classesLever('the immigrant classes the offer is made to (default: every class)').optional(),
  incentive: dollarsLever('dollars paid per person who accepts').default(10_000),
  termYears: termYearsLever('years the newcomer agrees to stay').default(3),
  clawback: dollarsLever('dollars repaid when leaving before the term ends').default(10_000),
  fromYear: fromYearLever('offers').default(0),
});
/** The levers of {@link dispersion}, as validated by {@link dispersionSchema} (defaults filled). */
export type DispersionLevers = z.output<typeof dispersionSchema>;

/** The levers of a dispersion offer apart from where it may be taken. */
export type OfferLevers = Omit<DispersionLevers, 'type' | 'name' | 'eligible'>;

/**
 * The yearly offer of `levers`, towards the places `eligibleOf` picks (asked once, on the
 * first offer). Dispersion picks them by its `eligible` lever; the hybrid by its own rule.
 */
export function dispersionOffer(
  levers: OfferLevers,
  eligibleOf: (places: PlaceState) => Uint8Array,
): NonNullable<Policy['offer']> {
  let eligible: Uint8Array | undefined;
  let classes: Uint8Array | undefined;
  return (view, year): IncentiveOffer | undefined => {
    if (year < levers.fromYear || !(levers.reach > 0)) return undefined;
    eligible ??= eligibleOf(view.places);
    if (levers.classes) classes ??= classMask(view.classes, levers.classes);
    return {
      eligible,
      reach: levers.reach,
      classes,
      termYears: levers.termYears,
      incentive: levers.incentive,
      clawback: levers.clawback,
    };
  };
}

/** Builds the dispersion policy from its levers (defaults filled by validation). */
export function dispersion(levers: DispersionLevers): Policy {
  return {
    name: levers.name ?? 'dispersion',
    kind: 'dispersion',
    levers,
    facts: { incentiveTermYears: levers.termYears },
    offer: dispersionOffer(levers, (places) => selectPlaces(places, levers.eligible)),
  };
}

/**
 * Dispersion: an offer reaches a share of the newcomers who choose their own first place:
 * an incentive to settle in an eligible smaller place for a stipulated term; leaving before
 * the term ends costs the clawback. Each one reached accepts or refuses (uptake is an outcome).
 */
export const dispersionPolicy = definePolicy({
  description: 'incentives to settle in a smaller place for a stipulated term, with a clawback',
  schema: dispersionSchema,
  build: dispersion,
});
