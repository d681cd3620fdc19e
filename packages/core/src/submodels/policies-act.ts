import { resetEffects } from '../policy.js';
import type { World } from '../world.js';

/**
 * Submodel "policies act": each policy spends its budget and writes its effects on the
 * places for this year; the first incentive offer made, and the first placement by
 * allocation, stand for the year.
 */
export function policiesAct(world: World): void {
  const { effects, config, places, tallies } = world;
  resetEffects(effects);
  const view = { places, agentScale: config.agentScale, classes: world.classNames };
  world.offer = undefined;
  world.assignment = undefined;
  for (const policy of config.policies) {
    policy.act?.(view, world.year, effects);
    if (!world.offer && policy.offer) world.offer = policy.offer(view, world.year);
    if (!world.assignment && policy.assign) world.assignment = policy.assign(view, world.year);
  }
  for (let j = 0; j < places.n; j++) tallies.cost[j] += effects.cost[j];
}
