import type { Policy } from '@smart-settlement/core';
import * as z from 'zod';
import { num, share, str, strict } from '../schema/fields.js';
import { definePolicy } from './definition.js';
import { dollarsLever } from './levers.js';
import { placeSelector, selectPlaces } from './select.js';

/** The levers of welcome services, with their bounds and defaults. */
export const welcomeSchema = strict({
  type: z.literal('welcome'),
  name: str({ minLength: 1 }).optional(),
  places: placeSelector.default('smaller'),
  coverage: share('share of newcomers to the places that services can serve (capacity per newcomer)').default(
    0.8,
  ),
  yearsCovered: num({
    integer: true,
    min: 0,
    max: 20,
    description: 'years after arrival that help lasts',
  }).default(2),
  searchBoost: num({
    min: 0,
    max: 5,
    description: 'added to the job-finding rate multiplier (0.5 = 50% faster)',
  }).default(0.5),
  orientationBoost: num({
    min: 0,
    max: 5,
    description: 'added to tie formation and language learning',
  }).default(0.5),
  costPerPerson: dollarsLever('dollars per newcomer served').default(3_500),
});
/** The levers of {@link welcome}, as validated by {@link welcomeSchema} (defaults filled). */
export type WelcomeLevers = z.output<typeof welcomeSchema>;

/** Builds the welcome-services policy from its levers (defaults filled by validation). */
export function welcome(levers: WelcomeLevers): Policy {
  let selected: Uint8Array | undefined;
  return {
    name: levers.name ?? 'welcome',
    kind: 'welcome',
    levers,
    act(view, _year, effects) {
      selected ??= selectPlaces(view.places, levers.places);
      for (let j = 0; j < selected.length; j++) {
        if (!selected[j]) continue;
        effects.serviceCoverage[j] = Math.max(effects.serviceCoverage[j], levers.coverage);
        effects.serviceYears[j] = Math.max(effects.serviceYears[j], levers.yearsCovered);
        effects.searchBoost[j] += levers.searchBoost;
        effects.orientationBoost[j] += levers.orientationBoost;
        effects.serviceCostPerPerson[j] += levers.costPerPerson;
      }
    },
  };
}

/**
 * Welcome services: settlement services for newcomers in their first years (orientation,
 * job-search help), with a capacity, the years they cover, and what they speed up.
 */
export const welcomePolicy = definePolicy({
  description: 'settlement services for newcomers in their first years',
  schema: welcomeSchema,
  build: welcome,
});
