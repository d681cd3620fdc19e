import type { Policy } from '@smart-settlement/core';
import { type Infer, literal, obj, opt, str } from '../schema/types.js';
import { dispersion, dispersionSchema } from './dispersion.js';
import { engagement, engagementSchema } from './engagement.js';
import { selectPlaces } from './select.js';

/** Dispersion with engagement: incentives steer newcomers to the engagement pilots, which work to keep them. */
export const hybridSchema = obj({
  type: literal(['hybrid'] as const),
  name: opt(str({ minLength: 1 })),
  dispersion: opt(dispersionSchema, { type: 'dispersion' }),
  engagement: opt(engagementSchema, { type: 'engagement' }),
});
/** The levers of {@link hybrid}: a dispersion part and an engagement part. */
export type HybridLevers = Infer<typeof hybridSchema>;

/** Builds the hybrid policy: dispersion incentives towards the engagement pilots, with the engagement programme. */
export function hybrid(levers: HybridLevers): Policy {
  const filled = levers;
  const engage = engagement(filled.engagement!);
  const disperse = dispersion(filled.dispersion!);
  // Unless the levers name eligible places, incentives go to the pilots.
  const explicitEligible = levers.dispersion?.eligible !== undefined;
  let eligible: Uint8Array | undefined;
  return {
    name: filled.name ?? 'hybrid',
    kind: 'hybrid',
    levers: filled,
    act: engage.act,
    offer(view, year) {
      const offer = disperse.offer!(view, year);
      if (!offer) return offer;
      eligible ??= explicitEligible
        ? selectPlaces(view.places, filled.dispersion!.eligible!)
        : engage.pilots(view.places);
      return { ...offer, eligible };
    },
  };
}
