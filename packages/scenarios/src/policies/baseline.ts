import { literal, obj, opt, str } from '../schema/types.js';

/** No programme: the region as it is. A baseline scenario has no policies, or this one, which does nothing. */
export const baselineSchema = obj({
  type: literal(['baseline'] as const),
  name: opt(str({ minLength: 1 })),
});
