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
  for (let i = 0; i < count; i++) {
    const j = people.place[i];
    let chance =
      p.participationScale *
      places.leadership[j] *
      places.inclusion[j] *
      people.ties[i] *
      (1 + effects.participationBoost[j]);
    if (chance > 1) chance = 1;
    const e = people.equity[i];
    if (counterUniformAt(keys.equity, people.id[i], hashedYear) < chance) {
      people.engaged[i] = 1;
      people.equity[i] = e + p.equityGain * (1 - e);
    } else {
      people.engaged[i] = 0;
      people.equity[i] = e - p.equityFade * e;
    }
  }
}
