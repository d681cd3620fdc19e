import { DISPERSED, SERVED } from '../people.js';
import { counterUniform } from '../random.js';
import type { World } from '../world.js';

/**
 * Submodel "arrivals": the year's intake draws its attributes and each newcomer chooses a
 * first place by a multinomial logit on size, co-ethnic network, jobs, real wage and
 * amenity, or accepts an incentive offer to an eligible place for a term. Welcome
 * services then serve a share of each place's newcomers.
 */
export function arrivals(world: World): void {
  const { config, people, places, scratch, tallies, keys, effects } = world;
  const { intake, params } = config;
  const year = world.year;
  const agents = Math.round(intake.perYear / config.agentScale);
  if (agents <= 0) return;
  const n = places.n;
  const g = places.origins;

  // Destination weights by (occupation, origin), once a year.
  const groups = 3 * g;
  const weights = new Float64Array(groups * n);
  for (let o = 0; o < 3; o++) {
    for (let k = 0; k < g; k++) {
      const row = (o * g + k) * n;
      for (let j = 0; j < n; j++) {
        const jobs = Math.log1p((places.vacancies[j * 3 + o] / places.population[j]) * 1000);
        const v =
          params.destSize * Math.log(places.population[j]) +
          params.destNetwork * scratch.networkLog[j * g + k] +
          params.destJobs * jobs +
          params.destWage * Math.log(places.wageIndex[j] / places.costOfLiving[j]) +
          params.destAmenity * places.amenity[j];
        weights[row + j] = Math.exp(v);
      }
    }
  }
  const rowTotal = new Float64Array(groups);
  const rowEligible = new Float64Array(groups);
  const offer = world.offer;
  for (let r = 0; r < groups; r++) {
    for (let j = 0; j < n; j++) {
      rowTotal[r] += weights[r * n + j];
      if (offer?.eligible[j]) rowEligible[r] += weights[r * n + j];
    }
  }
  const uptake = offer && offer.uptake > 0 ? offer.uptake : 0;

  people.reserve(agents);
  const first = people.count;
  const rnd = world.arrivalStream;
  const occCut0 = intake.occupationShares[0];
  const occCut1 = occCut0 + intake.occupationShares[1];
  for (let a = 0; a < agents; a++) {
    // A fixed number of sequential draws per newcomer keeps the intake identical across scenarios.
    const u1 = rnd();
    const u2 = rnd();
    const u3 = rnd();
    const u4 = rnd();
    const u5 = rnd();
    const u6 = rnd();
    const i = people.append();
    const id = world.nextId++;
    const occ = u1 < occCut0 ? 0 : u1 < occCut1 ? 1 : 2;
    let origin = 0;
    let acc = intake.originShares[0];
    while (u2 >= acc && origin < g - 1) acc += intake.originShares[++origin];
    const gaussian = Math.sqrt(-2 * Math.log(1 - u4)) * Math.cos(2 * Math.PI * u5);
    people.id[i] = id;
    people.arrival[i] = year;
    people.occupation[i] = occ;
    people.origin[i] = origin;
    people.family[i] = u3 < intake.familyShare ? 1 : 0;
    people.ageAtArrival[i] = Math.min(64, Math.max(18, Math.round(intake.ageMean + intake.ageSd * gaussian)));
    people.language[i] = Math.min(1, Math.max(0, intake.languageMean + intake.languageSpread * (2 * u6 - 1)));
    people.credential[i] = intake.credentialAtArrival[occ];

    const group = occ * g + origin;
    const row = group * n;
    let chosen = -1;
    if (uptake > 0 && counterUniform(keys.uptake, id, 0) < uptake) {
      chosen = pick(weights, row, n, offer!.eligible, rowEligible[group], counterUniform(keys.uptake, id, 1));
    }
    if (chosen >= 0) {
      // Chose among the eligible places only, and for the money: a weaker lasting taste.
      people.taste[i] =
        params.dispersedTaste *
        params.tastePersistence *
        -Math.log(weights[row + chosen] / rowEligible[group]);
      people.contractYearsLeft[i] = Math.min(255, offer!.termYears);
      people.clawback[i] = offer!.clawback;
      people.flags[i] |= DISPERSED;
      tallies.acceptedOffer[chosen] += 1;
      world.arrivedOnOfferByCohort[year] += 1;
      tallies.cost[chosen] += offer!.incentive * config.agentScale;
    } else {
      chosen = pick(weights, row, n, undefined, rowTotal[group], counterUniform(keys.destination, id, 0));
      // In a logit, E[taste for the chosen place] = -log P(chosen): a rare choice reveals a strong taste.
      people.taste[i] = params.tastePersistence * -Math.log(weights[row + chosen] / rowTotal[group]);
    }
    people.place[i] = chosen;
    people.firstPlace[i] = chosen;
    tallies.arrivals[chosen] += 1;
    world.arrivedByCohort[year * n + chosen] += 1;
  }

  // Welcome services serve a share of each place's newcomers.
  for (let i = first; i < people.count; i++) {
    const j = people.place[i];
    if (
      scratch.serviceShare[j] > 0 &&
      counterUniform(keys.services, people.id[i], 0) < scratch.serviceShare[j]
    ) {
      people.flags[i] |= SERVED;
      tallies.served[j] += 1;
      tallies.cost[j] += effects.serviceCostPerPerson[j] * config.agentScale;
    }
  }
}

/**
 * Inverse-CDF choice among places with positive weight (restricted to `allowed` when given);
 * -1 if none. `total` is the sum of the allowed weights in place order (rowTotal, rowEligible).
 */
function pick(
  weights: Float64Array,
  row: number,
  n: number,
  allowed: Uint8Array | undefined,
  total: number,
  u: number,
): number {
  if (total <= 0) return -1;
  let target = u * total;
  let last = -1;
  for (let j = 0; j < n; j++) {
    if (allowed && !allowed[j]) continue;
    last = j;
    target -= weights[row + j];
    if (target < 0) return j;
  }
  return last;
}
