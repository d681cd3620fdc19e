import { OTHER } from '../config.js';
import { SERVED } from '../people.js';
import type { World } from '../world.js';

/**
 * Submodel "learning": access to learning and advancement (a local institution or a
 * regional link) raises credential recognition for regulated professions and trades and
 * raises official-language level. Where access is low, people stall.
 */
export function learning(world: World): void {
  const { people, scratch, effects, config } = world;
  const p = config.params;
  const year = world.year;
  const count = people.count;
  // Columns, place arrays and constants in locals: the loop reads no object field per person.
  const { place, language: languages, flags, arrival, occupation, credential } = people;
  const { learning: learningAccess } = scratch;
  const { serviceYears, orientationBoost } = effects;
  const { languageRate, credentialRate } = p;
  for (let i = 0; i < count; i++) {
    const j = place[i];
    const access = learningAccess[j];
    const language = languages[i];
    let langRate = languageRate * (0.5 + 0.5 * access);
    if ((flags[i] & SERVED) !== 0 && year - arrival[i] < serviceYears[j]) {
      langRate *= 1 + orientationBoost[j];
    }
    languages[i] = language + Math.min(1, langRate) * (1 - language);
    if (occupation[i] !== OTHER) {
      const c = credential[i];
      credential[i] = c + Math.min(1, credentialRate * access * language) * (1 - c);
    }
  }
}
