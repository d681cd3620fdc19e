import { ASSIGNED_PEOPLE, INCENTIVE_TAKERS, type Policy, simulate } from '@smart-settlement/core';
import { ASSIGNED, arrivals, BENEFIT, quotaPick, relocation } from '@smart-settlement/core/internals';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEUTRAL_UTILITY, tinyConfig, tinyPlace, tinyWorld } from '../../helpers/tiny-world.js';

const places = [tinyPlace('A'), tinyPlace('B', { amenity: Math.log(3) }), tinyPlace('C')];
const params = { ...NEUTRAL_UTILITY, destAmenity: 1, tastePersistence: 0.3, moveConstant: 3 };

/** A policy that places a share of class 0 by the given quota, with an optional yearly benefit. */
function assignPolicy(quota: number[], share = 1, termYears = 0, benefitPerYear = 0): Policy {
  return {
    name: 'assign',
    kind: 'assignment',
    levers: {},
    assign: () => ({
      classes: Uint8Array.from([1]),
      share,
      quota: Float64Array.from(quota),
      termYears,
      benefitPerYear,
    }),
  };
}

describe('submodel assignment', () => {
  it('placements by largest deficit follow the quota weights to within one person, for any weights and any number placed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 400 }),
        (weights, count) => {
          const total = weights.reduce((a, b) => a + b, 0);
          if (!(total > 0)) return;
          const quota = Float64Array.from(weights);
          const placed = new Float64Array(weights.length);
          for (let k = 0; k < count; k++) placed[quotaPick(quota, total, placed, k)] += 1;
          for (let j = 0; j < weights.length; j++) {
            expect(Math.abs(placed[j] - (weights[j] / total) * count)).toBeLessThanOrEqual(1 + 1e-9);
            if (weights[j] === 0) expect(placed[j]).toBe(0);
          }
        },
      ),
    );
  });

  it('assigned newcomers go only to places with a quota, carry no lasting taste, and hold the benefit as a contract', () => {
    const world = tinyWorld(
      tinyConfig({
        places,
        params,
        intake: { perYear: 1000 },
        policies: [assignPolicy([1, 0, 3], 0.5, 4, 2500)],
      }),
    );
    world.assignment = world.config.policies[0].assign!(
      { places: world.places, agentScale: 1, classes: ['all'] },
      0,
    );
    arrivals(world);
    const p = world.people;
    let assigned = 0;
    for (let i = 0; i < p.count; i++) {
      if (!(p.flags[i] & ASSIGNED)) continue;
      assigned++;
      expect(p.place[i]).not.toBe(1);
      expect(p.taste[i]).toBe(0); // nothing revealed by a choice
      expect(p.contractYearsLeft[i]).toBe(4);
      expect(p.clawback[i]).toBe(2500);
      expect(p.flags[i] & BENEFIT).toBe(BENEFIT);
    }
    expect(assigned / p.count).toBeGreaterThan(0.45);
    expect(assigned / p.count).toBeLessThan(0.55);
    expect(Math.abs(world.tallies.assigned[2] - 3 * world.tallies.assigned[0])).toBeLessThanOrEqual(4);
  });

  it('the benefit is paid for each year stayed and is lost on leaving; the payments to come are the money at stake', () => {
    const world = tinyWorld(
      tinyConfig({
        places,
        params,
        intake: { perYear: 2000 },
        agentScale: 2,
        policies: [assignPolicy([1, 0, 0], 1, 3, 1000)],
      }),
    );
    world.assignment = world.config.policies[0].assign!(
      { places: world.places, agentScale: 2, classes: ['all'] },
      0,
    );
    arrivals(world);
    world.tallies.cost.fill(0);
    const before = world.people.count;
    relocation(world);
    let stayedUnderTerm = 0;
    for (let i = 0; i < world.people.count; i++)
      if (world.people.contractYearsLeft[i] === 2) stayedUnderTerm++;
    expect(stayedUnderTerm).toBeGreaterThan(0);
    expect(stayedUnderTerm).toBeLessThan(before);
    // Paid once per year stayed, per person an agent stands for; nothing repaid by those who left.
    expect(world.tallies.cost[0]).toBe(stayedUnderTerm * 1000 * 2);
  });

  it('with no condition, assigning everyone to one place equals an offer to that place that everyone accepts: only the flags, the cost and the name of the area of those acted on differ', () => {
    const assignAll = assignPolicy([1, 0, 0]);
    const offerAll: Policy = {
      name: 'offer',
      kind: 'dispersion',
      levers: {},
      offer: () => ({
        eligible: Uint8Array.from([1, 0, 0]),
        reach: 1,
        termYears: 0,
        incentive: 1e6,
        clawback: 0,
      }),
    };
    const run = (policy: Policy) =>
      simulate(tinyConfig({ places, params, intake: { perYear: 500 }, years: 6, policies: [policy] }), {
        seed: 2,
      });
    const a = run(assignAll);
    const d = run(offerAll);
    const rows = (r: ReturnType<typeof run>) =>
      JSON.stringify(r.retention.filter((x) => x.area !== INCENTIVE_TAKERS && x.area !== ASSIGNED_PEOPLE));
    expect(rows(a)).toBe(rows(d));
    // The people acted on are followed alike: the assigned are the takers under another name.
    const group = (r: ReturnType<typeof run>, area: string) =>
      JSON.stringify(r.retention.filter((x) => x.area === area).map((x) => ({ ...x, area: '' })));
    expect(group(a, ASSIGNED_PEOPLE)).toBe(group(d, INCENTIVE_TAKERS));
    const people = (r: ReturnType<typeof run>) =>
      JSON.stringify(r.places.map((x) => ({ ...x, programmeCost: 0, acceptedOffer: 0 })));
    expect(people(a)).toBe(people(d));
    expect(d.retention.some((x) => x.area === INCENTIVE_TAKERS)).toBe(true);
  });
});
