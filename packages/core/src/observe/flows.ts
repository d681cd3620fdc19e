import type { RunKey } from './observer.js';

/**
 * One row of flows.csv: of the newcomers who first settled in `firstPlace`, pooled over the
 * cohorts that have reached `yearsSinceArrival` years, how many are in `destination` then:
 * their first place itself (stayed), another place of the region (moved there), or
 * "left <region>". The rows of a first place add up to its arrivals in those cohorts.
 */
export interface FlowRow extends RunKey {
  /** 1 = at the end of the year of arrival; reported at the HORIZONS (1, 3, 5, 10). */
  yearsSinceArrival: number;
  firstPlace: string;
  /** A place of the region, or "left <region>". */
  destination: string;
  /** People (agents × scale); rows with nobody are left out. */
  people: number;
}

/** The columns of flows.csv, in order. */
export const FLOW_COLUMNS = [
  'scenario',
  'replication',
  'seed',
  'yearsSinceArrival',
  'firstPlace',
  'destination',
  'people',
] as const satisfies readonly (keyof FlowRow)[];
