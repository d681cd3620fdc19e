import { type ColumnKind, columnsOf, RUN_KEY_KINDS } from './column-kinds.js';
import type { RunKey } from './observer.js';

/**
 * One row of cohorts.csv: retention of one arrival cohort in one area (the region, a group
 * of places, or the people a policy acted on), at one of the HORIZONS. A programme that
 * starts in year 3 acts on some cohorts only: this table tells them apart.
 */
export interface CohortRow extends RunKey {
  area: string;
  /** Year of arrival, 0 = the first year of the run (calendar year = startYear + cohort). */
  cohort: number;
  /** 1 = at the end of the year of arrival. */
  yearsSinceArrival: number;
  /** People of the cohort who first settled in the area (or were acted on). */
  arrived: number;
  /** Still in their first place (for the region: still anywhere in it). */
  stayed: number;
  /** Moved to another place of the region (0 for the region). */
  moved: number;
  /** Left the region. */
  left: number;
  /** stayed / arrived. */
  retention: number;
}

/** What each column of cohorts.csv holds, in the columns' order. */
export const COHORT_COLUMN_KINDS = {
  ...RUN_KEY_KINDS,
  area: 'key',
  cohort: 'key',
  yearsSinceArrival: 'key',
  arrived: 'count',
  stayed: 'count',
  moved: 'count',
  left: 'count',
  retention: 'share',
} as const satisfies Record<keyof CohortRow, ColumnKind>;

/** The columns of cohorts.csv, in order. */
export const COHORT_COLUMNS = columnsOf(COHORT_COLUMN_KINDS);
