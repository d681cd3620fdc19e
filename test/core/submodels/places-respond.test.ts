import { MATCHED_JOB } from '@smart-settlement/core';
import { placesRespond } from '@smart-settlement/core/internals';
import { describe, expect, it } from 'vitest';
import { addPeople, tinyConfig, tinyPlace, tinyWorld } from '../../helpers/tiny-world.js';

const params = {
  initiativesFromLeadership: 1,
  initiativeDecay: 0.1,
  criticalMass: 12,
  bigBangSteepness: 0.6,
  inclusionAdjust: 0.3,
  leadershipDecay: 0.1,
  leadershipFromEngaged: 0.01,
  opennessFromEngaged: 0.01,
  opennessDecay: 0.05,
  vacancyCarryOver: 0.5,
};
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

describe('submodel places respond', () => {
  it('initiatives 10 + leadership 0.5 + 2 added - 10% decay = 11.5; with 10 institutions inclusion moves 30% of the way to logistic(0.6 x (11.5 - 12))', () => {
    const world = tinyWorld(
      tinyConfig({
        params,
        places: [tinyPlace('A', { initiatives: 10, leadership: 0.5, institutions: 5, inclusion: 0.3 })],
      }),
    );
    world.effects.initiativesAdded[0] = 2;
    world.effects.institutionsAdded[0] = 5;
    placesRespond(world);
    expect(world.places.initiatives[0]).toBeCloseTo(11.5, 12);
    expect(world.places.institutions[0]).toBe(10);
    const target = logistic(0.6 * (11.5 - 12));
    expect(world.places.inclusion[0]).toBeCloseTo(0.3 + 0.3 * (target - 0.3), 12);
  });

  it('the "big bang": inclusion barely moves below the critical mass of initiatives and jumps across it', () => {
    // Initiatives held constant (no renewal, no decay); inclusion starts at its base of 0.3.
    const masses = Array.from({ length: 25 }, (_, k) => k);
    const places = masses.map((m) =>
      tinyPlace(`P${m}`, { initiatives: m, institutions: 10, inclusion: 0.3 }),
    );
    const world = tinyWorld(
      tinyConfig({ params: { ...params, initiativesFromLeadership: 0, initiativeDecay: 0 }, places }),
    );
    placesRespond(world);
    const gain = masses.map((_, j) => world.places.inclusion[j] - 0.3);
    // Hand-checked: gain = 0.3 x max(0, logistic(0.6 (m - 12)) - 0.3).
    for (const [j, m] of masses.entries())
      expect(gain[j]).toBeCloseTo(0.3 * Math.max(0, logistic(0.6 * (m - 12)) - 0.3), 12);
    expect(gain[6]).toBe(0); // well below: nothing
    const belowSpan = gain[8] - gain[0];
    const acrossSpan = gain[16] - gain[8];
    expect(acrossSpan).toBeGreaterThan(0.15);
    expect(belowSpan).toBeLessThan(0.01);
    // The steepest step is at the critical mass.
    const steps = masses.slice(1).map((m) => gain[m] - gain[m - 1]);
    expect(steps.indexOf(Math.max(...steps)) + 1).toBeGreaterThanOrEqual(12);
    expect(steps.indexOf(Math.max(...steps)) + 1).toBeLessThanOrEqual(13);
  });

  it('initiatives without a network of institutions do not reach critical mass: 24 initiatives carried by 2 of 10 institutions count as 4.8', () => {
    const world = tinyWorld(
      tinyConfig({
        params: { ...params, initiativesFromLeadership: 0, initiativeDecay: 0 },
        places: [
          tinyPlace('Networked', { initiatives: 24, institutions: 10 }),
          tinyPlace('Alone', { initiatives: 24, institutions: 2 }),
        ],
      }),
    );
    placesRespond(world);
    expect(world.places.inclusion[0]).toBeCloseTo(0.3 + 0.3 * (logistic(0.6 * 12) - 0.3), 12);
    expect(world.places.inclusion[1]).toBe(0.3); // logistic(0.6 x (4.8 - 12)) < base inclusion
  });

  it('engaged newcomers strengthen leadership and openness (10 engaged agents x 100 people in 100,000 = 1%), population, stock and vacancies follow the newcomers', () => {
    const world = tinyWorld(
      tinyConfig({
        params,
        agentScale: 100,
        intake: { occupationShares: [0.2, 0.3, 0.5] },
        places: [
          tinyPlace('A', { leadership: 0.3, hostOpenness: 0.5, foreignBornShare: 0.1, vacancyRate: 0.01 }),
        ],
      }),
    );
    world.places.leadership[0] = 0.5; // raised earlier; decays towards the base of 0.3
    world.effects.leadershipInvestment[0] = 0.05;
    world.places.unfilled[2] = 40;
    addPeople(world, 10, { engaged: 1, equity: 0.6, employment: MATCHED_JOB });
    addPeople(world, 30, { engaged: 0, equity: 0.2 });
    placesRespond(world);
    const pl = world.places;
    expect(pl.leadership[0]).toBeCloseTo(0.5 + 0.05 + 0.01 * 0.01 * 100 - 0.1 * 0.2, 12);
    expect(pl.hostOpenness[0]).toBeCloseTo(0.5 + 0.01 * 0.01 * 100, 12);
    expect(pl.newcomers[0]).toBe(40);
    expect(pl.engaged[0]).toBe(10);
    expect(pl.matched[0]).toBe(10);
    expect(pl.equitySum[0]).toBeCloseTo(10 * 0.6 + 30 * 0.2, 5);
    expect(pl.population[0]).toBe(100_000 + 40 * 100);
    expect(pl.stock[0]).toBeCloseTo(100_000 * 0.1 + 40 * 100, 9);
    expect(pl.vacancies[2]).toBeCloseTo(0.01 * 104_000 * 0.5 + 0.5 * 40, 9);
    expect(pl.vacancies[0]).toBeCloseTo(0.01 * 104_000 * 0.2, 9);
  });

  it('leadership and openness stay within 0-1', () => {
    const world = tinyWorld(
      tinyConfig({ params, agentScale: 1000, places: [tinyPlace('A', { population: 1000 })] }),
    );
    world.effects.leadershipInvestment[0] = 5;
    addPeople(world, 10, { engaged: 1 });
    placesRespond(world);
    expect(world.places.leadership[0]).toBe(1);
    expect(world.places.hostOpenness[0]).toBe(1);
  });
});
