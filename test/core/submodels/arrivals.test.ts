import { singleClass } from '@smart-settlement/core';
import { arrivals, counterUniform, DISPERSED, SERVED } from '@smart-settlement/core/internals';
import { describe, expect, it } from 'vitest';
import { NEUTRAL_UTILITY, TINY_INTAKE, tinyConfig, tinyPlace, tinyWorld } from '../../helpers/tiny-world.js';

// Two places whose only difference is amenity: exp(0) = 1 against exp(ln 3) = 3, so a
// newcomer picks B with probability 3/4 and reveals a lasting taste of -log(P(choice)).
const places = [tinyPlace('A', { amenity: 0 }), tinyPlace('B', { amenity: Math.log(3) })];
const params = { ...NEUTRAL_UTILITY, destAmenity: 1, tastePersistence: 0.3, dispersedTaste: 0.25 };

describe('submodel arrivals', () => {
  it('draws round(perYear / agentScale) newcomers with the intake attributes, numbered from 0', () => {
    const world = tinyWorld(tinyConfig({ places, params, intake: { perYear: 1000 }, agentScale: 3 }));
    arrivals(world);
    const p = world.people;
    expect(p.count).toBe(333);
    expect(world.nextId).toBe(333);
    for (let i = 0; i < p.count; i++) {
      expect(p.id[i]).toBe(i);
      expect(p.arrival[i]).toBe(0);
      expect(p.occupation[i]).toBe(2); // occupationShares [0, 0, 1]
      expect(p.ageAtArrival[i]).toBe(30); // mean 30, sd 0
      expect(p.language[i]).toBeCloseTo(0.6, 6); // spread 0
      expect(p.credential[i]).toBe(1); // credentialAtArrival of "other"
      expect(p.family[i]).toBe(0);
      expect(p.firstPlace[i]).toBe(p.place[i]);
    }
  });

  it('first-place choice follows the logit: B (weight 3 of 4) exactly when the destination draw is at least 1/4, with taste -0.3 log P', () => {
    const world = tinyWorld(tinyConfig({ places, params, intake: { perYear: 4000 } }));
    arrivals(world);
    const p = world.people;
    let toB = 0;
    for (let i = 0; i < p.count; i++) {
      const u = counterUniform(world.keys.destination, p.id[i], 0);
      const expected = u < 0.25 ? 0 : 1;
      expect(p.place[i]).toBe(expected);
      expect(p.taste[i]).toBeCloseTo(0.3 * -Math.log(expected === 0 ? 0.25 : 0.75), 6);
      toB += expected;
    }
    expect(toB / p.count).toBeGreaterThan(0.73);
    expect(toB / p.count).toBeLessThan(0.77);
    expect(world.tallies.arrivals[0] + world.tallies.arrivals[1]).toBe(4000);
    expect(world.arrivedByCohort[1]).toBe(toB);
    expect(world.arrivedByCohort[0]).toBe(4000 - toB);
  });

  it('an incentive offer reaches those whose reach draw is below the reach; takers are among them, go to an eligible place under contract, and are paid the incentive', () => {
    const world = tinyWorld(tinyConfig({ places, params, intake: { perYear: 2000 }, agentScale: 2 }));
    world.offer = {
      eligible: Uint8Array.from([1, 0]),
      reach: 0.4,
      termYears: 3,
      incentive: 5000,
      clawback: 2000,
    };
    arrivals(world);
    const p = world.people;
    let takers = 0;
    let reached = 0;
    for (let i = 0; i < p.count; i++) {
      const isReached = counterUniform(world.keys.uptake, p.id[i], 0) < 0.4;
      if (isReached) reached++;
      if (p.flags[i] & DISPERSED) {
        takers++;
        expect(isReached).toBe(true);
        expect(p.place[i]).toBe(0); // the only eligible place
        expect(p.contractYearsLeft[i]).toBe(3);
        expect(p.clawback[i]).toBe(2000);
        expect(p.taste[i]).toBeCloseTo(0, 6); // chose among one place: P = 1, no revealed taste
      } else {
        expect(p.contractYearsLeft[i]).toBe(0);
        expect(p.place[i]).toBe(counterUniform(world.keys.destination, p.id[i], 0) < 0.25 ? 0 : 1);
      }
    }
    expect(world.offersMade).toBe(reached);
    expect(world.offersAccepted).toBe(takers);
    expect(takers).toBeGreaterThan(0);
    expect(takers).toBeLessThan(reached); // some refuse: the eligible place is not everyone's choice
    expect(world.tallies.acceptedOffer[0]).toBe(takers);
    expect(world.arrivedOnOfferByCohort[0]).toBe(takers);
    expect(world.tallies.cost[0]).toBe(takers * 5000 * 2); // incentive x people per agent
    expect(world.tallies.cost[1]).toBe(0);
  });

  it('an offer worth far more than anything else is accepted by everyone it reaches, and nobody outside its classes is reached', () => {
    const classes = [
      { ...singleClass(TINY_INTAKE), name: 'a', share: 0.5 },
      { ...singleClass(TINY_INTAKE), name: 'b', share: 0.5 },
    ];
    const world = tinyWorld(tinyConfig({ places, params, intake: { perYear: 2000, classes } }));
    world.offer = {
      eligible: Uint8Array.from([1, 0]),
      reach: 1,
      classes: Uint8Array.from([1, 0]),
      termYears: 0,
      incentive: 1_000_000,
      clawback: 0,
    };
    arrivals(world);
    const p = world.people;
    for (let i = 0; i < p.count; i++) {
      expect(p.flags[i] & DISPERSED).toBe(p.immigrantClass[i] === 0 ? DISPERSED : 0);
    }
  });

  it('welcome services serve a newcomer exactly when their services draw is below the place coverage, at the cost per person', () => {
    const world = tinyWorld(tinyConfig({ places, params, intake: { perYear: 1000 }, agentScale: 5 }));
    world.scratch.serviceShare[1] = 0.5;
    world.effects.serviceCostPerPerson[1] = 100;
    arrivals(world);
    const p = world.people;
    let served = 0;
    for (let i = 0; i < p.count; i++) {
      const expected = p.place[i] === 1 && counterUniform(world.keys.services, p.id[i], 0) < 0.5;
      expect((p.flags[i] & SERVED) !== 0).toBe(expected);
      served += expected ? 1 : 0;
    }
    expect(world.tallies.served[1]).toBe(served);
    expect(world.tallies.served[0]).toBe(0);
    expect(world.tallies.cost[1]).toBe(served * 100 * 5);
  });

  it('no intake, no newcomers', () => {
    const world = tinyWorld(tinyConfig({ places, params, intake: { perYear: 0 } }));
    arrivals(world);
    expect(world.people.count).toBe(0);
  });
});
