import type { PlaceState } from '@smart-settlement/core';
import { arr, either, literal, str } from '../schema/types.js';

/** Which places a lever applies to: a group by kind, or a list of place names. */
export const placeSelector = either(
  literal(['all', 'smaller', 'mid-size', 'small', 'metro'] as const),
  arr(str({ minLength: 1 }), { minItems: 1 }),
  'a group of places ("smaller" = every place that is not a metro) or a list of place names',
);
/** What {@link placeSelector} accepts: a group of places by kind, or place names. */
export type PlaceSelector = 'all' | 'smaller' | 'mid-size' | 'small' | 'metro' | string[];

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

/** The place names a selector names explicitly (for validation). */
export function namedPlaces(selector: PlaceSelector | undefined): string[] {
  return Array.isArray(selector) ? selector : [];
}
