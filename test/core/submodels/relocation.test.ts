import { MATCHED_JOB, UNEMPLOYED } from '@smart-settlement/core';
import { counterUniform, DISPERSED, relocation } from '@smart-settlement/core/internals';
import { describe, expect, it } from 'vitest';
import { addPeople, byId, NEUTRAL_UTILITY, tinyConfig, tinyWorld } from '../../helpers/tiny-world.js';

// With every systematic utility at 0, each alternative (the other place, leaving the region)
// has weight exp(0) = 1, so S = 2 and P(move) = 2 / (2 + exp(U_stay)).
const params = { ...NEUTRAL_UTILITY, utilMoneyPerThousand: 0.15, tiesKeptOnMove: 0.3, tastePersistence: 0.3 };
const pMove = (stay: number) => 2 / (2 + Math.exp(stay));

describe('submodel relocation', () => {
  it('the incentive contract adds 0.15 per $1,000 of clawback to staying: P(move) falls from 2/3 to 2 / (2 + e^1.5), exactly per draw', () => {
    const world = tinyWorld(tinyConfig({ params, agentScale: 4 }));
    const free = addPeople(world, 3000, { place: 0 });
    const bound = addPeople(world, 3000, {
      place: 0,
      contractYearsLeft: 2,
      clawback: 10_000,
      flags: DISPERSED,
    });
    const ids = {
      free: new Set(free.map((i) => world.people.id[i])),
      bound: new Set(bound.map((i) => world.people.id[i])),
    };
    relocation(world);
    const p = world.people;
    const present = byId(world, (i) => ({ place: p.place[i], years: p.contractYearsLeft[i] }));
    let movedFree = 0;
    let movedBound = 0;
    let leftBound = 0;
    for (const [group, chance] of [
      ['free', pMove(0)],
      ['bound', pMove(1.5)],
    ] as const) {
      for (const id of ids[group]) {
        const moves = counterUniform(world.keys.relocation, id, 0) < chance;
        const toOtherPlace = counterUniform(world.keys.destinationOnMove, id, 0) < 0.5;
        const now = present.get(id);
        if (!moves) {
          expect(now).toEqual({ place: 0, years: group === 'bound' ? 1 : 0 }); // a year of the term served
        } else if (toOtherPlace) {
          expect(now).toEqual({ place: 1, years: 0 }); // contract broken
        } else {
          expect(now).toBeUndefined(); // left the region
          if (group === 'bound') leftBound++;
        }
        if (moves) group === 'free' ? movedFree++ : movedBound++;
      }
    }
    expect(movedFree / 3000).toBeCloseTo(2 / 3, 1);
    expect(movedBound / 3000).toBeCloseTo(pMove(1.5), 1);
    // Leaving early repays the clawback to the programme of the place left, per person.
    expect(world.tallies.cost[0]).toBe(-movedBound * 10_000 * 4);
    expect(world.leftOnOfferByCohort[0]).toBe(leftBound);
  });

  it('the stay utility adds the anchors by hand: equity 2 x 0.5, ties 1 x 0.4, age (45 - 25) x 0.2 / 10, family 0.5, taste 0.3 = 2.6', () => {
    const world = tinyWorld(
      tinyConfig({
        params: { ...params, utilEquity: 2, utilTies: 1, moveCostAge: 0.2, moveCostFamily: 0.5 },
        years: 10,
      }),
    );
    world.year = 5;
    const rows = addPeople(world, 3000, {
      equity: 0.5,
      ties: 0.4,
      ageAtArrival: 40,
      arrival: 0,
      family: 1,
      taste: 0.3,
    });
    const ids = rows.map((i) => world.people.id[i]);
    relocation(world);
    const where = byId(world, (i) => world.people.place[i]);
    let moved = 0;
    for (const id of ids) {
      const moves = counterUniform(world.keys.relocation, id, 5) < pMove(2.6);
      const home = where.get(id);
      if (!moves) expect(home).toBe(0);
      else expect(home === undefined || home === 1).toBe(true);
      moved += moves ? 1 : 0;
    }
    expect(moved / ids.length).toBeCloseTo(pMove(2.6), 1);
  });

  it('moving within the region resets job, equity and engagement, keeps 30% of ties and records the move; leaving counts against the first place and cohort', () => {
    const world = tinyWorld(tinyConfig({ params, years: 5 }));
    world.year = 2;
    // Strong pull away: staying has utility -20, so everyone moves.
    addPeople(world, 400, {
      place: 0,
      firstPlace: 1,
      arrival: 1,
      taste: -20,
      ties: 0.5,
      equity: 0.7,
      engaged: 1,
      employment: MATCHED_JOB,
    });
    const ids = new Set(Array.from(world.people.id.subarray(0, 400)));
    relocation(world);
    const p = world.people;
    let stayedInRegion = 0;
    for (let i = 0; i < p.count; i++) {
      expect(ids.has(p.id[i])).toBe(true);
      expect(p.place[i]).toBe(1);
      expect(p.ties[i]).toBeCloseTo(0.15, 6);
      expect(p.equity[i]).toBe(0);
      expect(p.engaged[i]).toBe(0);
      expect(p.employment[i]).toBe(UNEMPLOYED);
      expect(p.taste[i]).toBeCloseTo(0.3 * -Math.log(1 / 2), 6); // chose 1 of 2 equal alternatives
      stayedInRegion++;
    }
    const left = 400 - stayedInRegion;
    expect(left).toBeGreaterThan(150);
    expect(stayedInRegion).toBeGreaterThan(150);
    expect(world.tallies.movedOut[0]).toBe(stayedInRegion);
    expect(world.tallies.movedIn[1]).toBe(stayedInRegion);
    expect(world.tallies.leftRegion[0]).toBe(left);
    // Cohort 1, first place 1 (index cohort x places + first place).
    expect(world.leftByCohort[1 * 2 + 1]).toBe(left);
    expect(world.leftOnOfferByCohort[1]).toBe(0);
  });

  it('swap-removal while leaving visits every person exactly once (each decides by their own draw, whatever their row)', () => {
    const world = tinyWorld(tinyConfig({ params }));
    addPeople(world, 1000, { place: 0 });
    const everyone = Array.from(world.people.id.subarray(0, 1000));
    relocation(world);
    const present = byId(world, (i) => world.people.place[i]);
    for (const id of everyone) {
      const moves = counterUniform(world.keys.relocation, id, 0) < 2 / 3;
      const leaves = moves && counterUniform(world.keys.destinationOnMove, id, 0) >= 0.5;
      expect(present.has(id)).toBe(!leaves);
      if (!leaves) expect(present.get(id)).toBe(moves ? 1 : 0);
    }
  });
});
