import type { Policy } from '@smart-settlement/core';
import * as z from 'zod';
import { either, oneOf, str, strict } from '../schema/fields.js';
import { definePolicy } from './definition.js';
import { dispersionOffer, dispersionSchema } from './dispersion.js';
import { engagement, engagementSchema } from './engagement.js';
import { placeNames, SELECTOR_GROUPS, selectPlaces } from './select.js';

/**
 * Where the hybrid's incentives may be taken: "pilots" (its engagement pilots: the study's
 * hybrid ties the incentive to the communities that work to keep people), or any place selector.
 */
export const hybridEligible = either(
  oneOf(['pilots', ...SELECTOR_GROUPS]),
  placeNames,
  '"pilots" (the engagement pilots), a group of places ("smaller" = every place that is not a metro) or a list of place names',
);

/** The hybrid's dispersion part: dispersion's levers, with incentives towards the pilots unless told otherwise. */
const hybridDispersionSchema = strict({
  ...dispersionSchema.shape,
  eligible: hybridEligible.default('pilots'),
});

/** The levers of the hybrid: a dispersion part and an engagement part, each with its defaults. */
export const hybridSchema = strict({
  type: z.literal('hybrid'),
  name: str({ minLength: 1 }).optional(),
  dispersion: hybridDispersionSchema.prefault({ type: 'dispersion' }),
  engagement: engagementSchema.prefault({ type: 'engagement' }),
});
/** The levers of {@link hybrid}: a dispersion part and an engagement part. */
export type HybridLevers = z.output<typeof hybridSchema>;

/** Builds the hybrid policy: dispersion incentives towards the engagement pilots, with the engagement programme. */
export function hybrid(levers: HybridLevers): Policy {
  const engage = engagement(levers.engagement);
  const target = levers.dispersion.eligible;
  return {
    name: levers.name ?? 'hybrid',
    kind: 'hybrid',
    levers,
    facts: { incentiveTermYears: levers.dispersion.termYears },
    act: engage.act,
    offer: dispersionOffer(levers.dispersion, (places) =>
      target === 'pilots' ? engage.pilots(places) : selectPlaces(places, target),
    ),
  };
}

/** Dispersion with engagement: incentives steer newcomers to the engagement pilots, which work to keep them. */
export const hybridPolicy = definePolicy({
  description: 'dispersion incentives towards the engagement pilots, with the engagement programme',
  schema: hybridSchema,
  build: hybrid,
});
