import type { ModelConfig } from './model-config.js';
import { relocationTables } from './submodels/relocation.js';
import { initialWorld, type World } from './world.js';
import { refreshYearTables } from './year-tables.js';

/**
 * Builds the initial world of one replication. The yearly lookup tables are computed once
 * here too (each year recomputes them before use), so that a newcomer weighing an incentive
 * offer in the first year sees the relocation model's odds of moving on.
 */
export function createWorld(config: ModelConfig, seed: number, replication: number): World {
  const world = initialWorld(config, seed, replication);
  refreshYearTables(world);
  relocationTables(world);
  return world;
}
