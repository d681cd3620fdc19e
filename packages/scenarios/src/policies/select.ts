import type { PlaceState } from '@smart-settlement/core';
import type * as z from 'zod';
import { ONTARIO_PLACES } from '../data/ontario-places.js';
import { either, list, oneOf, str, withJsonSchema } from '../schema/fields.js';

const PLACE_NAMES = ONTARIO_PLACES.map((p) => p.name);
/** What a place name may be, in words. */
export const KNOWN_PLACES = `a place of Ontario: ${PLACE_NAMES.join(', ')}`;

/** The name of one of Ontario's places (the check every lever that names places shares). */
export const placeName = withJsonSchema(
  str({ minLength: 1 }).refine((name) => PLACE_NAMES.includes(name), { error: KNOWN_PLACES }),
  // Editors and the explorer offer the names.
  { enum: PLACE_NAMES },
);

/** A list of place names. */
export const placeNames = list(placeName, { minItems: 1 });

/** The groups of places by kind a place selector may name ("smaller" = every place that is not a metro). */
export const SELECTOR_GROUPS = ['all', 'smaller', 'mid-size', 'small', 'metro'] as const;

/** Which places a lever applies to: a group by kind, or a list of place names. */
export const placeSelector = either(
  oneOf(SELECTOR_GROUPS),
  placeNames,
  'a group of places ("smaller" = every place that is not a metro) or a list of place names',
);
/** What {@link placeSelector} accepts: a group of places by kind, or place names. */
export type PlaceSelector = z.output<typeof placeSelector>;

/** 1 for each selected place. Unknown names are caught when the scenario is validated. */
export function selectPlaces(places: PlaceState, selector: PlaceSelector): Uint8Array {
  const out = new Uint8Array(places.n);
  for (let j = 0; j < places.n; j++) {
    if (Array.isArray(selector)) out[j] = selector.includes(places.names[j]) ? 1 : 0;
    else if (selector === 'all') out[j] = 1;
    else if (selector === 'smaller') out[j] = places.smaller[j];
    else out[j] = places.kinds[j] === selector ? 1 : 0;
  }
  return out;
}
