import { type ColumnKind, columnsOf, RUN_KEY_KINDS } from './column-kinds.js';
import type { RunKey } from './observer.js';

/**
 * One row of flows.csv: of the newcomers of one immigrant class who first settled in
 * `firstPlace`, pooled over the cohorts that have reached `yearsSinceArrival` years, how many
 * are in `destination` then: their first place itself (stayed), another place of the region
 * (moved there), or "left <region>". The rows of a first place add up to its arrivals in
 * those cohorts; summed over the classes, they are the first place's flows.
 */
export interface FlowRow extends RunKey {
  /** 1 = at the end of the year of arrival; reported at the HORIZONS (1, 3, 5, 10). */
  yearsSinceArrival: number;
  firstPlace: string;
  /** The newcomers' immigrant class, as named in the intake ("economic", "family"...; "all" when the intake has one class). */
  immigrantClass: string;
  /** A place of the region, or "left <region>". */
  destination: string;
  /** People (agents × scale); rows with nobody are left out. */
  people: number;
}

/** What each column of flows.csv holds, in the columns' order. */
export const FLOW_COLUMN_KINDS = {
  ...RUN_KEY_KINDS,
  yearsSinceArrival: 'key',
  firstPlace: 'key',
  immigrantClass: 'key',
  destination: 'key',
  people: 'count',
} as const satisfies Record<keyof FlowRow, ColumnKind>;

/** The columns of flows.csv, in order. */
export const FLOW_COLUMNS = columnsOf(FLOW_COLUMN_KINDS);
