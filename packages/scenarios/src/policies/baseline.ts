import * as z from 'zod';
import { str, strict } from '../schema/fields.js';
import { definePolicy } from './definition.js';

/** No programme: the region as it is. A baseline scenario has no policies, or this one, which does nothing. */
export const baselinePolicy = definePolicy({
  description: 'no programme: the region as it is',
  schema: strict({ type: z.literal('baseline'), name: str({ minLength: 1 }).optional() }),
  build: () => undefined,
});
