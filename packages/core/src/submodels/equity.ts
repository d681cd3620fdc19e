import { counterUniformAt, yearHash } from '../random.js';
import type { World } from '../world.js';

/**
 * Submodel "equity": a person's opportunity to take part is leadership x inclusion x
 * their bridging ties (raised by participation programmes). Taking part this year
 * (engaged) builds community equity; without participation, equity fades.
 */
export function equity(world: World): void {
  const { people, places, effects, keys, config } = world;
  const p = config.params;
  const year = world.year;
  const count = people.count;
  const hashedYear = yearHash(year);
  // Columns, place arrays and constants in locals: the loop reads no object field per person.
  const { place, ties, equity: equities, engaged, id } = people;
  const { leadership, inclusion } = places;
  const { participationBoost } = effects;
  const { participationScale, equityGain, equityFade } = p;
  const key = keys.equity;
  for (let i = 0; i < count; i++) {
    const j = place[i];
    let chance = participationScale * leadership[j] * inclusion[j] * ties[i] * (1 + participationBoost[j]);
    if (chance > 1) chance = 1;
    const e = equities[i];
    if (counterUniformAt(key, id[i], hashedYear) < chance) {
      engaged[i] = 1;
      equities[i] = e + equityGain * (1 - e);
    } else {
      engaged[i] = 0;
      equities[i] = e - equityFade * e;
    }
  }
}
