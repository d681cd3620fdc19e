import { MATCHED_JOB } from '../config.js';
import type { World } from '../world.js';

/**
 * Submodel "places respond": initiatives accumulate and, past a critical mass of
 * initiatives carried by a network of institutions, inclusion jumps (the "big bang": a
 * logistic threshold); engaged immigrants strengthen leadership and raise the host
 * community's openness (mutual exchange); population, immigrant stock and next year's
 * vacancies follow the newcomers present.
 */
export function placesRespond(world: World): void {
  const { people, places, effects, config } = world;
  const p = config.params;
  const n = places.n;
  const g = places.origins;
  const k = config.agentScale;

  places.newcomers.fill(0);
  places.engaged.fill(0);
  places.matched.fill(0);
  places.equitySum.fill(0);
  places.stock.set(places.baseStock);
  // Columns and place arrays in locals: the loop reads no object field per person.
  const { place, engaged, employment, equity, origin } = people;
  const { newcomers, matched, equitySum, stock } = places;
  const engagedAt = places.engaged;
  const count = people.count;
  for (let i = 0; i < count; i++) {
    const j = place[i];
    newcomers[j] += 1;
    engagedAt[j] += engaged[i];
    if (employment[i] === MATCHED_JOB) matched[j] += 1;
    equitySum[j] += equity[i];
    stock[j * g + origin[i]] += k;
  }

  for (let j = 0; j < n; j++) {
    // Initiatives: renewed by local leadership and programmes, retired at a steady rate.
    places.initiatives[j] +=
      p.initiativesFromLeadership * places.leadership[j] +
      effects.initiativesAdded[j] -
      p.initiativeDecay * places.initiatives[j];
    places.institutions[j] += effects.institutionsAdded[j];
    // Critical mass: initiatives count only as far as a network of institutions carries them.
    const mass = places.initiatives[j] * Math.min(1, places.institutions[j] / 10);
    const bigBang = 1 / (1 + Math.exp(-p.bigBangSteepness * (mass - p.criticalMass)));
    const target = Math.max(places.baseInclusion[j], bigBang);
    places.inclusion[j] += p.inclusionAdjust * (target - places.inclusion[j]);

    const engagedShare = places.population[j] > 0 ? (places.engaged[j] * k) / places.population[j] : 0;
    places.leadership[j] = clamp01(
      places.leadership[j] +
        effects.leadershipInvestment[j] +
        p.leadershipFromEngaged * engagedShare * 100 -
        p.leadershipDecay * (places.leadership[j] - places.baseLeadership[j]),
    );
    places.hostOpenness[j] = clamp01(
      places.hostOpenness[j] +
        p.opennessFromEngaged * engagedShare * 100 -
        p.opennessDecay * (places.hostOpenness[j] - places.baseOpenness[j]),
    );

    places.population[j] = places.basePopulation[j] + places.newcomers[j] * k;
    for (let o = 0; o < 3; o++) {
      const c = j * 3 + o;
      places.vacancies[c] =
        places.vacancyRate[j] * places.population[j] * config.intake.occupationShares[o] +
        p.vacancyCarryOver * places.unfilled[c];
    }
  }
}

/** Opens the first year's vacancies. */
export function openInitialVacancies(world: World): void {
  const { places, config } = world;
  for (let j = 0; j < places.n; j++) {
    for (let o = 0; o < 3; o++) {
      places.vacancies[j * 3 + o] =
        places.vacancyRate[j] * places.population[j] * config.intake.occupationShares[o];
    }
  }
}

function clamp01(x: number): number {
  return x < 0 ? 0 : Math.min(x, 1);
}
