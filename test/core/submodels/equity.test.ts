import { counterUniform, equity } from '@smart-settlement/core/internals';
import { describe, expect, it } from 'vitest';
import { addPeople, addPerson, tinyConfig, tinyPlace, tinyWorld } from '../../helpers/tiny-world.js';

describe('submodel equity', () => {
  const params = { participationScale: 1.5, equityGain: 0.25, equityFade: 0.1 };
  const config = tinyConfig({
    places: [
      tinyPlace('A', { leadership: 0.4, inclusion: 0.5 }),
      tinyPlace('B', { leadership: 1, inclusion: 1 }),
    ],
    params,
  });

  it('taking part (chance 1.5 x 0.4 x 0.5 x ties 0.5 = 0.15) raises equity 0.2 to 0.4; not taking part fades it to 0.18', () => {
    const world = tinyWorld(config);
    world.year = 3;
    const rows = addPeople(world, 4000, { place: 0, ties: 0.5, equity: 0.2 });
    equity(world);
    const p = world.people;
    let engaged = 0;
    for (const i of rows) {
      const takesPart = counterUniform(world.keys.equity, p.id[i], 3) < 0.15;
      expect(p.engaged[i]).toBe(takesPart ? 1 : 0);
      expect(p.equity[i]).toBeCloseTo(takesPart ? 0.2 + 0.25 * 0.8 : 0.2 - 0.1 * 0.2, 6);
      engaged += p.engaged[i];
    }
    expect(engaged / rows.length).toBeGreaterThan(0.13);
    expect(engaged / rows.length).toBeLessThan(0.17);
  });

  it('participation programmes multiply the chance by (1 + boost), capped at 1: with full leadership, inclusion and ties everyone takes part', () => {
    const world = tinyWorld(config);
    world.effects.participationBoost[0] = 1; // 0.15 -> 0.3
    const boosted = addPeople(world, 2000, { place: 0, ties: 0.5 });
    const full = addPeople(world, 50, { place: 1, ties: 1, equity: 0.5 });
    equity(world);
    const p = world.people;
    for (const i of boosted)
      expect(p.engaged[i]).toBe(counterUniform(world.keys.equity, p.id[i], 0) < 0.3 ? 1 : 0);
    for (const i of full) {
      expect(p.engaged[i]).toBe(1);
      expect(p.equity[i]).toBeCloseTo(0.625, 6);
    }
  });

  it('without bridging ties nobody takes part and equity only fades', () => {
    const world = tinyWorld(config);
    const i = addPerson(world, { place: 1, ties: 0, equity: 0.5 });
    equity(world);
    expect(world.people.engaged[i]).toBe(0);
    expect(world.people.equity[i]).toBeCloseTo(0.45, 6);
  });
});
