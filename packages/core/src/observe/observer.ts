import type { World } from '../world.js';

/**
 * An observer turns the state at the end of a year into rows (schedule step 9). It draws
 * no random numbers, so turning one on changes nothing else.
 */
export interface Observer {
  /** Called once at the end of every year with the whole state; must not change it. */
  observe(world: World): void;
}

/** Identifies a run in every row: scenario, replication and seed. */
export interface RunKey {
  scenario: string;
  replication: number;
  seed: number;
}
