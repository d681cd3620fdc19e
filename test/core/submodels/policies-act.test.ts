import type { IncentiveOffer, Policy } from '@smart-settlement/core';
import { policiesAct } from '@smart-settlement/core/internals';
import { describe, expect, it } from 'vitest';
import { tinyConfig, tinyWorld } from '../../helpers/tiny-world.js';

const offer = (reach: number): IncentiveOffer => ({
  eligible: Uint8Array.from([1, 0]),
  reach,
  termYears: 3,
  incentive: 1000,
  clawback: 500,
});

describe('submodel policies act', () => {
  it('effects are reset every year, policies add to them in turn, and their spending is tallied per place', () => {
    const firstYearOnly: Policy = {
      name: 'once',
      kind: 'test',
      levers: {},
      act(_view, year, effects) {
        if (year === 0) {
          effects.bridgingBoost[0] += 0.5;
          effects.cost[0] += 1000;
        }
      },
    };
    const everyYear: Policy = {
      name: 'always',
      kind: 'test',
      levers: {},
      act(_view, _year, effects) {
        effects.bridgingBoost[0] += 0.25;
        effects.cost[1] += 300;
      },
    };
    const world = tinyWorld(tinyConfig({ policies: [firstYearOnly, everyYear] }));
    policiesAct(world);
    expect(world.effects.bridgingBoost[0]).toBe(0.75);
    expect([...world.tallies.cost]).toEqual([1000, 300]);
    world.year = 1;
    world.tallies.cost.fill(0);
    policiesAct(world);
    expect(world.effects.bridgingBoost[0]).toBe(0.25);
    expect([...world.tallies.cost]).toEqual([0, 300]);
  });

  it('the first incentive offer made stands for the year; a year without offers has none', () => {
    const calls: string[] = [];
    const make = (name: string, reach: number, fromYear: number): Policy => ({
      name,
      kind: 'test',
      levers: {},
      offer(view, year) {
        calls.push(`${name}@${year}`);
        expect(view.places.n).toBe(2);
        return year >= fromYear ? offer(reach) : undefined;
      },
    });
    const world = tinyWorld(tinyConfig({ policies: [make('late', 0.1, 1), make('early', 0.2, 0)] }));
    policiesAct(world);
    expect(world.offer?.reach).toBe(0.2);
    world.year = 1;
    policiesAct(world);
    expect(world.offer?.reach).toBe(0.1);
    expect(calls).toEqual(['late@0', 'early@0', 'late@1']);
    const none = tinyWorld(tinyConfig());
    none.offer = offer(1);
    policiesAct(none);
    expect(none.offer).toBeUndefined();
  });
});
