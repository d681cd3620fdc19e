import type { RunKey } from './observer.js';

/**
 * What a column of a run's table holds, for whoever checks or stores the rows: part of the
 * row's key (the run, the area or place, the year), a count of people or things (0 or more),
 * a share (0 to 1, or NaN where there is nobody), or another number.
 */
export type ColumnKind = 'key' | 'count' | 'share' | 'number';

/** The run's key, the first columns of every table of a run: scenario, replication, seed. */
export const RUN_KEY_KINDS = { scenario: 'key', replication: 'key', seed: 'key' } as const satisfies Record<
  keyof RunKey,
  ColumnKind
>;

/**
 * The columns of a table, in order, from its kinds (written in the columns' order).
 * @example
 * columnsOf({ scenario: 'key', people: 'count' }); // ['scenario', 'people']
 */
export function columnsOf<K extends string>(kinds: Readonly<Record<K, ColumnKind>>): K[] {
  return Object.keys(kinds) as K[];
}
