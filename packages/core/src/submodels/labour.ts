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
  const { people, places, scratch, tallies, keys, effects, config } = world;
  const p = config.params;
  const year = world.year;
  const n = places.n;
  const count = people.count;
  const { seekers, tightness } = scratch;

  seekers.fill(0);
  for (let i = 0; i < count; i++) {
    if (people.employment[i] !== MATCHED_JOB) seekers[people.place[i] * 3 + people.occupation[i]] += 1;
  }
  for (let c = 0; c < n * 3; c++) {
    const demand = places.vacancies[c];
    const supply = seekers[c] * config.agentScale;
    tightness[c] = supply > 0 ? Math.min(1, demand / supply) : 1;
  }

  const hashedYear = yearHash(year);
  for (let i = 0; i < count; i++) {
    const u = counterUniformAt(keys.labour, people.id[i], hashedYear);
    const emp = people.employment[i];
    if (emp === MATCHED_JOB) {
      if (u < p.jobLossRate) people.employment[i] = UNEMPLOYED;
      continue;
    }
    const occ = people.occupation[i];
    const j = people.place[i];
    const cred =
      occ === REGULATED ? people.credential[i] : occ === TRADE ? 0.5 + 0.5 * people.credential[i] : 1;
    const helped = (people.flags[i] & SERVED) !== 0 && year - people.arrival[i] < effects.serviceYears[j];
    let pm = p.matchRate * tightness[j * 3 + occ] * cred * (0.5 + 0.5 * people.language[i]);
    if (helped) pm *= 1 + effects.searchBoost[j];
    if (emp === SURVIVAL_JOB) pm *= p.upgradeRate;
    if (pm > 1) pm = 1;
    if (u < pm) {
      people.employment[i] = MATCHED_JOB;
      tallies.newMatches[j * 3 + occ] += 1;
    } else if (emp === UNEMPLOYED && u < pm + p.survivalRate * (1 - pm)) {
      people.employment[i] = SURVIVAL_JOB;
    }
  }

  for (let c = 0; c < n * 3; c++) {
    places.unfilled[c] = Math.max(0, places.vacancies[c] - tallies.newMatches[c] * config.agentScale);
  }
}
