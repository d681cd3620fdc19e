import type { MeasureRow, PlaceRow, RetentionRow } from '@smart-settlement/core';
import type { Scenario } from '@smart-settlement/scenarios';

/** What the page asks for: these scenarios, paired (the first is the reference), replication by replication. */
export interface RunRequest {
  /** Validated scenarios; the first is the reference of the paired differences. */
  scenarios: Scenario[];
  seed: number;
  replications: number;
}

/** One run for a worker: a scenario, the base seed and the replication index. */
export interface RunTask {
  /** Tells the page which request the run belongs to (a run of a cancelled request is dropped). */
  ticket: number;
  scenario: Scenario;
  seed: number;
  replication: number;
}

/** One run's tables, as the worker sends them back. */
export interface RunTables {
  measures: MeasureRow[];
  retention: RetentionRow[];
  places: PlaceRow[];
}

/** What a worker sends back for a task. */
export type WorkerMessage =
  | ({ type: 'run'; ticket: number } & RunTables)
  | { type: 'error'; ticket: number; message: string };
