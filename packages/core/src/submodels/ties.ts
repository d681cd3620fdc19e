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
  // Columns, place arrays and constants in locals: the loop reads no object field per person.
  const { place, flags, arrival, ties: tiesOf } = people;
  const { hostOpenness } = places;
  const { bridgingBoost, serviceYears, orientationBoost } = effects;
  const { tieRate, tieDecay } = p;
  for (let i = 0; i < count; i++) {
    const j = place[i];
    let rate = tieRate * hostOpenness[j] * (1 + bridgingBoost[j]);
    if ((flags[i] & SERVED) !== 0 && year - arrival[i] < serviceYears[j]) {
      rate *= 1 + orientationBoost[j];
    }
    if (rate > 1) rate = 1;
    const t = tiesOf[i];
    tiesOf[i] = t + rate * (1 - t) - tieDecay * t;
  }
}
