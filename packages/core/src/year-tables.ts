import type { World } from './world.js';

/**
 * Lookup tables the submodels read in the person loop, recomputed once a year from the
 * places' state, so that no person-level code calls log or exp for a place quantity.
 */
export function refreshYearTables(world: World): void {
  const { places, scratch, effects, config } = world;
  const p = config.params;
  const n = places.n;
  const g = places.origins;
  for (let j = 0; j < n; j++) {
    const realWage = places.wageIndex[j] / places.costOfLiving[j];
    for (let o = 0; o < 3; o++) {
      const pay = realWage * p.occupationPay[o];
      const base = j * 9 + o * 3;
      scratch.logIncome[base] = Math.log(pay * p.noJobPay);
      scratch.logIncome[base + 1] = Math.log(pay * p.survivalPay);
      scratch.logIncome[base + 2] = Math.log(pay);
    }
    for (let o = 0; o < g; o++) {
      // Co-ethnic network as the percentage of residents who share one's origin.
      scratch.networkLog[j * g + o] = Math.log1p((places.stock[j * g + o] / places.population[j]) * 100);
    }
    scratch.logPopulation[j] = Math.log(places.population[j]);
    scratch.learning[j] = Math.min(1, places.learningAccess[j] + effects.learningLink[j]);
    scratch.serviceShare[j] = Math.min(1, Math.max(0, effects.serviceCoverage[j]));
  }
}
