import { type Observer, type Policy, PURPOSES, simulate, stream } from '@smart-settlement/core';
import {
  arrivals,
  counterUniform,
  createWorld,
  DISPERSED,
  openInitialVacancies,
  policiesAct,
  refreshYearTables,
  streamKey,
  streamKeys,
} from '@smart-settlement/core/internals';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configOf, smallScenario } from '../helpers/scenarios.js';
import { byId } from '../helpers/tiny-world.js';

describe('random streams', () => {
  it('a stream is the same sequence for the same (seed, replication, purpose), whatever other streams drew meanwhile', () => {
    const alone = stream(7, 2, 'arrivals');
    const a = Array.from({ length: 20 }, () => alone());
    const interleaved = stream(7, 2, 'arrivals');
    const other = stream(7, 2, 'labour');
    const b: number[] = [];
    for (let k = 0; k < 20; k++) {
      other();
      other();
      b.push(interleaved());
    }
    expect(b).toEqual(a);
  });

  it('streams differ between purposes, replications and seeds', () => {
    const first = (seed: number, rep: number, purpose: string) => stream(seed, rep, purpose)();
    const values = new Set([
      ...PURPOSES.map((p) => first(1, 0, p)),
      first(1, 1, 'arrivals'),
      first(2, 0, 'arrivals'),
    ]);
    expect(values.size).toBe(PURPOSES.length + 2);
    const keys = Object.values(streamKeys(1, 0));
    expect(new Set(keys).size).toBe(PURPOSES.length);
    expect(streamKeys(1, 0).labour).toBe(streamKey(1, 0, 'labour'));
    expect(streamKeys(1, 1).labour).not.toBe(streamKeys(1, 0).labour);
  });

  it('counterUniform lies in [0, 1) for any 32-bit key, person and year (property)', () => {
    fc.assert(
      fc.property(fc.nat(0xffffffff), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.nat(1000), (k, p, y) => {
        const u = counterUniform(k, p, y);
        return u >= 0 && u < 1;
      }),
      { numRuns: 2000 },
    );
  });

  it('counterUniform is addressed by (key, person, year): repeatable, and spread evenly over persons (mean 0.5 ± 0.01, each decile 10% ± 1%)', () => {
    expect(counterUniform(123, 45, 6)).toBe(counterUniform(123, 45, 6));
    expect(counterUniform(123, 45, 6)).not.toBe(counterUniform(123, 45, 7));
    expect(counterUniform(123, 45, 6)).not.toBe(counterUniform(124, 45, 6));
    const n = 100_000;
    const deciles = new Array(10).fill(0);
    let sum = 0;
    for (let p = 0; p < n; p++) {
      const u = counterUniform(99, p, 3);
      sum += u;
      deciles[Math.floor(u * 10)] += 1;
    }
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.01);
    for (const d of deciles) expect(Math.abs(d / n - 0.1)).toBeLessThan(0.01);
  });
});

describe('independence of draws from observers and policies', () => {
  const config = configOf(smallScenario({ years: 5 }));

  it('turning an extra observer on changes no table of the run', () => {
    let looked = 0;
    const watcher: Observer = {
      observe(world) {
        for (let i = 0; i < world.people.count; i++) looked += world.people.equity[i];
      },
    };
    const plain = simulate(config, { seed: 3 });
    const observed = simulate(config, { seed: 3, observers: [watcher] });
    expect(looked).toBeGreaterThan(0);
    expect(JSON.stringify(observed)).toBe(JSON.stringify(plain));
  });

  it('adding a policy that acts but changes nothing leaves every table identical', () => {
    const idle: Policy = {
      name: 'idle',
      kind: 'test',
      levers: {},
      act: () => {},
      offer: () => undefined,
    };
    const plain = simulate(config, { seed: 3 });
    const withIdle = simulate({ ...config, policies: [idle] }, { seed: 3 });
    expect(JSON.stringify(withIdle)).toBe(JSON.stringify(plain));
  });

  it('adding welcome services or an incentive offer leaves the attributes every newcomer draws on arrival unchanged', () => {
    // Only schedule steps 1-2 (policies act, arrivals), so nothing has changed the attributes since.
    const arrive = (c: typeof config) => {
      const world = createWorld(c, 5, 0);
      openInitialVacancies(world);
      policiesAct(world);
      refreshYearTables(world);
      arrivals(world);
      const p = world.people;
      return {
        world,
        drawn: byId(world, (i) => [
          p.occupation[i],
          p.origin[i],
          p.family[i],
          p.ageAtArrival[i],
          p.language[i],
        ]),
      };
    };
    const base = arrive(config);
    const offered = arrive(
      configOf(smallScenario({ years: 5, policies: [{ type: 'dispersion', reach: 0.5 }] })),
    );
    const served = arrive(
      configOf(smallScenario({ years: 5, policies: [{ type: 'welcome', coverage: 1 }] })),
    );
    expect(offered.world.people.count).toBe(base.world.people.count);
    expect(served.world.people.count).toBe(base.world.people.count);
    expect([...offered.drawn]).toEqual([...base.drawn]);
    expect([...served.drawn]).toEqual([...base.drawn]);
    // Services draw from their own stream: the first place of every newcomer is the same.
    expect([...served.world.people.place.subarray(0, served.world.people.count)]).toEqual([
      ...base.world.people.place.subarray(0, base.world.people.count),
    ]);
    // Whoever was not reached, or refused, chose the place they would have chosen without the offer.
    const p = offered.world.people;
    let declined = 0;
    for (let i = 0; i < p.count; i++) {
      if (p.flags[i] & DISPERSED) continue;
      expect(p.place[i]).toBe(base.world.people.place[i]);
      declined++;
    }
    expect(declined).toBeGreaterThan(0.45 * p.count); // about half are not reached
    expect(declined).toBeLessThan(p.count); // some of those reached accept
  });
});
