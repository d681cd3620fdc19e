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
  for (let i = 0; i < count; i++) {
    const j = people.place[i];
    const access = scratch.learning[j];
    const language = people.language[i];
    let langRate = p.languageRate * (0.5 + 0.5 * access);
    if ((people.flags[i] & SERVED) !== 0 && year - people.arrival[i] < effects.serviceYears[j]) {
      langRate *= 1 + effects.orientationBoost[j];
    }
    people.language[i] = language + Math.min(1, langRate) * (1 - language);
    if (people.occupation[i] !== OTHER) {
      const c = people.credential[i];
      people.credential[i] = c + Math.min(1, p.credentialRate * access * language) * (1 - c);
    }
  }
}
