import type { IncentiveOffer, Policy } from '@smart-settlement/core';
import { type Infer, literal, num, obj, opt, share, str } from '../schema/types.js';
import { placeSelector, selectPlaces } from './select.js';

/**
 * Dispersion: an offer reaches a share of the newcomers who choose their own first place:
 * an incentive to settle in an eligible smaller place for a stipulated term; leaving before
 * the term ends costs the clawback. Each one reached accepts or refuses (uptake is an outcome).
 */
export const dispersionSchema = obj({
  type: literal(['dispersion'] as const),
  name: opt(str({ minLength: 1 })),
  eligible: opt(placeSelector, 'smaller'),
  reach: opt(share('share of the newcomers choosing their first place whom the offer reaches (0-1)'), 0.5),
  incentive: opt(num({ min: 0, max: 1_000_000, description: 'dollars paid per person who accepts' }), 10_000),
  termYears: opt(
    num({ integer: true, min: 0, max: 50, description: 'years the newcomer agrees to stay' }),
    3,
  ),
  clawback: opt(
    num({ min: 0, max: 1_000_000, description: 'dollars repaid when leaving before the term ends' }),
    10_000,
  ),
  fromYear: opt(num({ integer: true, min: 0, max: 1000, description: 'first year (0-based) of offers' }), 0),
});
/** The levers of {@link dispersion}, as validated by {@link dispersionSchema} (defaults filled). */
export type DispersionLevers = Infer<typeof dispersionSchema>;

/** Builds the dispersion policy from its levers (defaults filled by validation). */
export function dispersion(levers: DispersionLevers): Policy {
  let eligible: Uint8Array | undefined;
  return {
    name: levers.name ?? 'dispersion',
    kind: 'dispersion',
    levers,
    offer(view, year): IncentiveOffer | undefined {
      if (year < (levers.fromYear ?? 0) || !(levers.reach! > 0)) return undefined;
      eligible ??= selectPlaces(view.places, levers.eligible!);
      return {
        eligible,
        reach: levers.reach!,
        termYears: levers.termYears!,
        incentive: levers.incentive!,
        clawback: levers.clawback!,
      };
    },
  };
}
