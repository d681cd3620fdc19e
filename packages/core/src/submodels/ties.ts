import { SERVED } from '../people.js';
import type { World } from '../world.js';

/**
 * Submodel "ties": local bridging ties grow towards 1 at a rate set by the host
 * community's openness, raised by social-connection programmes and, for newcomers still
 * covered, by welcome services' orientation; unused ties fade. Co-ethnic ties are not a
 * person's state: they come from the place's stock of the same origin (see relocation).
 */
export function ties(world: World): void {
  const { people, places, effects, config } = world;
  const p = config.params;
  const year = world.year;
  const count = people.count;
  for (let i = 0; i < count; i++) {
    const j = people.place[i];
    let rate = p.tieRate * places.hostOpenness[j] * (1 + effects.bridgingBoost[j]);
    if ((people.flags[i] & SERVED) !== 0 && year - people.arrival[i] < effects.serviceYears[j]) {
      rate *= 1 + effects.orientationBoost[j];
    }
    if (rate > 1) rate = 1;
    const t = people.ties[i];
    people.ties[i] = t + rate * (1 - t) - p.tieDecay * t;
  }
}
