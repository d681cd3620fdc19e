import type { IntakeSpec, PlaceSpec } from './config.js';
import type { BehaviourParams } from './parameters.js';
import type { Policy } from './policy.js';

/** Everything a run needs, with every attribute resolved: built by the scenarios package or by hand. */
export interface ModelConfig {
  /** Scenario name, written in every output row. */
  name: string;
  /** Name of the region the places make up (leaving it is an exit), e.g. "Ontario". */
  region: string;
  /** Years simulated; year 0 is the first year of arrivals. */
  years: number;
  /** Calendar year of year 0 (for labels only). */
  startYear: number;
  /** People each agent stands for. */
  agentScale: number;
  places: PlaceSpec[];
  intake: IntakeSpec;
  params: BehaviourParams;
  /** Policies in force; an empty list is the baseline. */
  policies: Policy[];
}
