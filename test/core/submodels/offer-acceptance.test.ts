import {
  type AcceptanceInputs,
  acceptanceProbability,
  arrivals,
  DISPERSED,
  termCost,
} from '@smart-settlement/core/internals';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEUTRAL_UTILITY, tinyConfig, tinyPlace, tinyWorld } from '../../helpers/tiny-world.js';

const inputs = fc.record({
  choiceLoss: fc.double({ min: -6, max: 0, noNaN: true }),
  incentive: fc.double({ min: 0, max: 50_000, noNaN: true }),
  clawback: fc.double({ min: 0, max: 50_000, noNaN: true }),
  termYears: fc.integer({ min: 0, max: 10 }),
  odds: fc.double({ min: 0, max: 20, noNaN: true }),
  utilMoneyPerThousand: fc.double({ min: 0.05, max: 0.3, noNaN: true }),
});
const more = fc.double({ min: 1, max: 20_000, noNaN: true });

describe('submodel offer-acceptance (properties over incentive, term, clawback and the odds of moving on)', () => {
  it('a larger incentive raises the probability of accepting', () => {
    fc.assert(
      fc.property(inputs, more, (x: AcceptanceInputs, extra) => {
        const p = acceptanceProbability(x);
        const q = acceptanceProbability({ ...x, incentive: x.incentive + extra });
        expect(q).toBeGreaterThanOrEqual(p);
        if (p < 0.999 && p > 1e-9) expect(q).toBeGreaterThan(p);
      }),
    );
  });

  it('a longer term or a larger clawback lowers it (strictly when the clawback binds someone who may move)', () => {
    fc.assert(
      fc.property(inputs, more, fc.integer({ min: 1, max: 5 }), (x: AcceptanceInputs, extra, years) => {
        const p = acceptanceProbability(x);
        const longer = acceptanceProbability({ ...x, termYears: x.termYears + years });
        const dearer = acceptanceProbability({ ...x, clawback: x.clawback + extra });
        expect(longer).toBeLessThanOrEqual(p);
        expect(dearer).toBeLessThanOrEqual(p);
        const binds = x.clawback > 100 && x.odds > 0.01 && p > 1e-6 && p < 0.999;
        if (binds) expect(longer).toBeLessThan(p);
        if (binds && x.termYears > 0) expect(dearer).toBeLessThan(p);
      }),
    );
  });

  it('a person more likely to move on (a mover) accepts less often: those who lose least accept', () => {
    fc.assert(
      fc.property(inputs, fc.double({ min: 0.01, max: 20, noNaN: true }), (x: AcceptanceInputs, extra) => {
        expect(acceptanceProbability({ ...x, odds: x.odds + extra })).toBeLessThanOrEqual(
          acceptanceProbability(x),
        );
      }),
    );
  });

  it('the term costs nothing without a clawback, a term or a chance of moving, and never more than the clawback each year', () => {
    expect(termCost(0, 3, 1.5)).toBe(0);
    expect(termCost(2, 0, 1.5)).toBe(0);
    expect(termCost(2, 3, 0)).toBe(0);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (odds, u) => {
          const c = termCost(odds, 1, u);
          expect(c).toBeGreaterThanOrEqual(0);
          expect(c).toBeLessThanOrEqual(u + 1e-12);
        },
      ),
    );
  });

  it('in the arrivals of a tiny world, raising the incentive only adds takers (paired draws): everyone who took the smaller offer takes the larger', () => {
    const places = [tinyPlace('A', { amenity: 0 }), tinyPlace('B', { amenity: Math.log(3) })];
    const params = { ...NEUTRAL_UTILITY, destAmenity: 1, tastePersistence: 0.3, moveConstant: 2 };
    const takers = (incentive: number, clawback: number, termYears: number) => {
      const world = tinyWorld(tinyConfig({ places, params, intake: { perYear: 3000 } }));
      world.offer = { eligible: Uint8Array.from([1, 0]), reach: 1, termYears, incentive, clawback };
      arrivals(world);
      const out = new Set<number>();
      for (let i = 0; i < world.people.count; i++)
        if (world.people.flags[i] & DISPERSED) out.add(world.people.id[i]);
      return out;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 6 }),
        (incentive, extra, clawback, term) => {
          const small = takers(incentive, clawback, term);
          const large = takers(incentive + extra, clawback, term);
          for (const id of small) expect(large.has(id)).toBe(true);
          expect(large.size).toBeGreaterThanOrEqual(small.size);
          const longer = takers(incentive, clawback, term + 2);
          for (const id of longer) expect(small.has(id)).toBe(true);
        },
      ),
      { numRuns: 15 },
    );
  });
});
