import type { Policy } from '@smart-settlement/core';
import * as z from 'zod';
import { str, strict } from '../schema/fields.js';
import { definePolicy } from './definition.js';
import { dispersion, dispersionSchema } from './dispersion.js';
import { engagement, engagementSchema } from './engagement.js';
import { selectPlaces } from './select.js';

/** The levers of the hybrid: a dispersion part and an engagement part, each with its defaults. */
export const hybridSchema = strict({
  type: z.literal('hybrid'),
  name: str({ minLength: 1 }).optional(),
  dispersion: dispersionSchema.prefault({ type: 'dispersion' }),
  engagement: engagementSchema.prefault({ type: 'engagement' }),
});
/** The levers of {@link hybrid}: a dispersion part and an engagement part. */
export type HybridLevers = z.output<typeof hybridSchema>;

/** Builds the hybrid policy: dispersion incentives towards the engagement pilots, with the engagement programme. */
export function hybrid(levers: HybridLevers): Policy {
  const engage = engagement(levers.engagement);
  const disperse = dispersion(levers.dispersion);
  // Unless the levers name eligible places, incentives go to the pilots. (Validation fills
  // `eligible` with its default, "smaller", so today the incentives go to every smaller place.)
  const explicitEligible = levers.dispersion.eligible !== undefined;
  let eligible: Uint8Array | undefined;
  return {
    name: levers.name ?? 'hybrid',
    kind: 'hybrid',
    levers,
    facts: disperse.facts,
    act: engage.act,
    offer(view, year) {
      const offer = disperse.offer?.(view, year);
      if (!offer) return offer;
      eligible ??= explicitEligible
        ? selectPlaces(view.places, levers.dispersion.eligible)
        : engage.pilots(view.places);
      return { ...offer, eligible };
    },
  };
}

/** Dispersion with engagement: incentives steer newcomers to the engagement pilots, which work to keep them. */
export const hybridPolicy = definePolicy({
  description: 'dispersion incentives towards the engagement pilots, with the engagement programme',
  schema: hybridSchema,
  build: hybrid,
});
