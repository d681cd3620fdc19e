import type { Policy } from '@smart-settlement/core';
import * as z from 'zod';
import { oneOf, share, str, strict } from '../schema/fields.js';
import { definePolicy } from './definition.js';
import { classesLever, classMask, dollarsLever, fromYearLever, termYearsLever } from './levers.js';
import { placeSelector, selectPlaces } from './select.js';

/** The levers of assignment, with their bounds and defaults. */
export const assignmentSchema = strict({
  type: z.literal('assignment'),
  name: str({ minLength: 1 }).optional(),
  classes: classesLever('the immigrant classes whose newcomers are placed by allocation').default([
    'refugee',
  ]),
  share: share('share of those newcomers placed by allocation (0-1)').default(1),
  places: placeSelector.default('smaller'),
  quota: oneOf(
    ['population', 'capacity', 'equal'] as const,
    "each place's quota: in proportion to its population, to its vacancies open to newcomers this year (capacity), or equal shares of a named list",
  ).default('population'),
  termYears: termYearsLever(
    'years of the condition: the benefit is kept only while staying in the assigned place (0 = no condition)',
  ).default(0),
  benefitPerYear: dollarsLever(
    'dollars a year paid while the person stays in the assigned place during the term; lost on leaving',
  ).default(0),
  fromYear: fromYearLever('placements').default(0),
});
/** The levers of {@link assignment}, as validated by {@link assignmentSchema} (defaults filled). */
export type AssignmentLevers = z.output<typeof assignmentSchema>;

/** Builds the assignment policy from its levers (defaults filled by validation). */
export function assignment(levers: AssignmentLevers): Policy {
  let selected: Uint8Array | undefined;
  let classes: Uint8Array | undefined;
  return {
    name: levers.name ?? 'assignment',
    kind: 'assignment',
    levers,
    assign(view, year) {
      if (year < levers.fromYear || !(levers.share > 0)) return undefined;
      selected ??= selectPlaces(view.places, levers.places);
      classes ??= classMask(view.classes, levers.classes);
      const { places } = view;
      // Capacity changes year by year with the vacancies; population and equal quotas too cheap to keep.
      const quota = new Float64Array(places.n);
      for (let j = 0; j < places.n; j++) {
        if (!selected[j]) continue;
        quota[j] =
          levers.quota === 'population'
            ? places.population[j]
            : levers.quota === 'capacity'
              ? places.vacancies[j * 3] + places.vacancies[j * 3 + 1] + places.vacancies[j * 3 + 2]
              : 1;
      }
      return {
        classes,
        share: levers.share,
        quota,
        termYears: levers.termYears,
        benefitPerYear: levers.benefitPerYear,
      };
    },
  };
}

/**
 * Assignment: a share of the newcomers of some immigrant classes is placed by allocation, by
 * quota, rather than choosing; optionally with a yearly benefit kept only while they stay
 * in the assigned place for a term (submodel "assignment" in docs/MODEL.md).
 */
export const assignmentPolicy = definePolicy({
  description: 'placement of some classes by quota, with an optional yearly benefit kept only while staying',
  schema: assignmentSchema,
  build: assignment,
});
