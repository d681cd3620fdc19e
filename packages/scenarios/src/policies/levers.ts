// Levers that several policies share, declared once: the same bounds, the same "allowed"
// text, the same meaning wherever a policy has them.
import { list, num, oneOf } from '../schema/fields.js';

/** The immigrant classes of the default intake, which a policy can name. */
export const CLASS_NAMES = ['economic', 'nominee', 'family', 'refugee'] as const;

/** A list of immigrant classes (at least one) a policy acts on. */
export const classesLever = (description: string) => list(oneOf(CLASS_NAMES), { minItems: 1, description });

/** Dollars a policy pays or recovers, from 0 to a million. */
export const dollarsLever = (description: string) => num({ min: 0, max: 1_000_000, description });

/** The years of a term a newcomer agrees to (or is held to), from 0 to 50. */
export const termYearsLever = (description: string) => num({ integer: true, min: 0, max: 50, description });

/** The first year (0-based) of what a policy does. */
export const fromYearLever = (what: string) =>
  num({ integer: true, min: 0, max: 1000, description: `first year (0-based) of ${what}` });

/**
 * 1 for each class of the run's intake (`classes`, the view's class names) that `named` lists.
 * @example
 * classMask(['economic', 'refugee'], ['refugee']); // Uint8Array [0, 1]
 */
export function classMask(classes: readonly string[], named: readonly string[]): Uint8Array {
  return Uint8Array.from(classes, (c) => (named.includes(c) ? 1 : 0));
}
