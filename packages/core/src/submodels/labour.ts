import { MATCHED_JOB, REGULATED, SURVIVAL_JOB, TRADE, UNEMPLOYED } from '../config.js';
import { SERVED } from '../people.js';
import { counterUniformAt, yearHash } from '../random.js';
import type { World } from '../world.js';

/**
 * Submodel "labour": search and matching. Each place opens vacancies by occupation; a
 * seeker finds a job that matches their skills with a probability set by the market's
 * tightness (vacancies per seeker), their recognised credential (which gates regulated
 * and, in part, trade jobs), their language, and welcome services' search help. Those
 * who miss take survival jobs; matched workers lose jobs at a small rate.
 */
export function labour(world: World): void {
  const { places, scratch, tallies, config } = world;
  const n = places.n;
  const { seekers, tightness } = scratch;

  // The person loops are functions of their own: each is compiled whole, with the type
  // feedback of every line, rather than entered mid-way (on-stack replacement) with the
  // lines after it not yet run.
  countSeekers(world, seekers);
  for (let c = 0; c < n * 3; c++) {
    const demand = places.vacancies[c];
    const supply = seekers[c] * config.agentScale;
    tightness[c] = supply > 0 ? Math.min(1, demand / supply) : 1;
  }
  matchJobs(world, tightness);

  for (let c = 0; c < n * 3; c++) {
    places.unfilled[c] = Math.max(0, places.vacancies[c] - tallies.newMatches[c] * config.agentScale);
  }
}

/** Job seekers (everyone without a matched job) by [place * 3 + occupation]. */
function countSeekers(world: World, seekers: Float64Array): void {
  const { employment, place, occupation } = world.people;
  const count = world.people.count;
  seekers.fill(0);
  for (let i = 0; i < count; i++) {
    if (employment[i] !== MATCHED_JOB) seekers[place[i] * 3 + occupation[i]] += 1;
  }
}

/** Each person's year on the labour market: a matched job kept or lost, found, or a survival job. */
function matchJobs(world: World, tightness: Float64Array): void {
  const { people, tallies, keys, effects, config } = world;
  const p = config.params;
  const year = world.year;
  const count = people.count;
  const hashedYear = yearHash(year);
  // Columns and constants in locals: the loop then reads no object field per person.
  const { id, employment, occupation, place, credential, flags, arrival, language } = people;
  const { serviceYears, searchBoost } = effects;
  const { newMatches } = tallies;
  const key = keys.labour;
  const { jobLossRate, matchRate, upgradeRate, survivalRate } = p;
  for (let i = 0; i < count; i++) {
    const u = counterUniformAt(key, id[i], hashedYear);
    const emp = employment[i];
    if (emp === MATCHED_JOB) {
      if (u < jobLossRate) employment[i] = UNEMPLOYED;
      continue;
    }
    const occ = occupation[i];
    const j = place[i];
    const cred = occ === REGULATED ? credential[i] : occ === TRADE ? 0.5 + 0.5 * credential[i] : 1;
    const helped = (flags[i] & SERVED) !== 0 && year - arrival[i] < serviceYears[j];
    let pm = matchRate * tightness[j * 3 + occ] * cred * (0.5 + 0.5 * language[i]);
    if (helped) pm *= 1 + searchBoost[j];
    if (emp === SURVIVAL_JOB) pm *= upgradeRate;
    if (pm > 1) pm = 1;
    if (u < pm) {
      employment[i] = MATCHED_JOB;
      newMatches[j * 3 + occ] += 1;
    } else if (emp === UNEMPLOYED && u < pm + survivalRate * (1 - pm)) {
      employment[i] = SURVIVAL_JOB;
    }
  }
}
