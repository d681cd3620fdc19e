import { MATCHED_JOB, SURVIVAL_JOB, UNEMPLOYED } from '@smart-settlement/core';
import { counterUniform, labour, SERVED } from '@smart-settlement/core/internals';
import { describe, expect, it } from 'vitest';
import { addPeople, tinyConfig, tinyWorld } from '../../helpers/tiny-world.js';

const params = { matchRate: 0.4, survivalRate: 0.6, upgradeRate: 0.5, jobLossRate: 0.05 };

describe('submodel labour', () => {
  it('tightness is vacancies per seeker (in people), capped at 1: 5 vacancies for 10 seekers gives 0.5', () => {
    const world = tinyWorld(tinyConfig({ params, agentScale: 1 }));
    world.places.vacancies.fill(0);
    world.places.vacancies[0 * 3 + 2] = 5; // place A, occupation "other"
    world.places.vacancies[1 * 3 + 2] = 50; // place B: more vacancies than seekers
    addPeople(world, 10, { place: 0, occupation: 2 });
    addPeople(world, 4, { place: 0, occupation: 2, employment: MATCHED_JOB }); // not seeking
    addPeople(world, 10, { place: 1, occupation: 2 });
    labour(world);
    expect(world.scratch.tightness[0 * 3 + 2]).toBe(0.5);
    expect(world.scratch.tightness[1 * 3 + 2]).toBe(1);
  });

  it('each seeker matches when their draw is below matchRate x tightness x credential x (0.5 + 0.5 language), else may take a survival job; matched workers lose jobs at jobLossRate', () => {
    const world = tinyWorld(tinyConfig({ params, agentScale: 2 }));
    world.places.vacancies.fill(0);
    world.places.vacancies[0 * 3 + 0] = 1000; // regulated: slack market
    world.places.vacancies[0 * 3 + 1] = 1000; // trade
    world.places.vacancies[0 * 3 + 2] = 40; // other: 40 / (40 seekers x 2) = 0.5
    world.effects.serviceYears[0] = 2;
    world.effects.searchBoost[0] = 0.5;
    const unemployed = addPeople(world, 20, { occupation: 2, language: 1 });
    const survival = addPeople(world, 10, { occupation: 2, language: 0.6, employment: SURVIVAL_JOB });
    const served = addPeople(world, 10, { occupation: 2, language: 1, flags: SERVED, arrival: 0 });
    const regulated = addPeople(world, 30, { occupation: 0, credential: 0.5, language: 0.8 });
    const trade = addPeople(world, 30, { occupation: 1, credential: 0, language: 1 });
    const matched = addPeople(world, 200, { occupation: 2, employment: MATCHED_JOB });
    // Probabilities by hand from the equation.
    const pm = new Map<number, number>();
    for (const i of unemployed) pm.set(i, 0.4 * 0.5 * 1 * 1);
    for (const i of survival) pm.set(i, 0.4 * 0.5 * 1 * 0.8 * 0.5);
    for (const i of served) pm.set(i, 0.4 * 0.5 * 1 * 1 * 1.5);
    for (const i of regulated) pm.set(i, 0.4 * 1 * 0.5 * 0.9); // credential gates regulated jobs
    for (const i of trade) pm.set(i, 0.4 * 1 * 0.5 * 1); // trades: 0.5 + 0.5 x credential
    const before = Uint8Array.from(world.people.employment.subarray(0, world.people.count));
    labour(world);
    const p = world.people;
    let newMatchesOther = 0;
    for (const [i, prob] of pm) {
      const u = counterUniform(world.keys.labour, p.id[i], 0);
      const expected =
        u < prob
          ? MATCHED_JOB
          : before[i] === UNEMPLOYED && u < prob + 0.6 * (1 - prob)
            ? SURVIVAL_JOB
            : before[i];
      expect(p.employment[i]).toBe(expected);
      if (expected === MATCHED_JOB && p.occupation[i] === 2) newMatchesOther++;
    }
    let lost = 0;
    for (const i of matched) {
      const u = counterUniform(world.keys.labour, p.id[i], 0);
      expect(p.employment[i]).toBe(u < 0.05 ? UNEMPLOYED : MATCHED_JOB);
      lost += u < 0.05 ? 1 : 0;
    }
    expect(lost).toBeGreaterThan(0);
    expect(world.tallies.newMatches[2]).toBe(newMatchesOther);
    // Unfilled vacancies: what the new matches (in people) did not take.
    expect(world.places.unfilled[2]).toBe(Math.max(0, 40 - newMatchesOther * 2));
  });

  it('a regulated professional with no recognised credential never finds a matching job', () => {
    const world = tinyWorld(tinyConfig({ params: { ...params, matchRate: 1 } }));
    world.places.vacancies[0] = 1e6;
    const rows = addPeople(world, 200, { occupation: 0, credential: 0, language: 1 });
    labour(world);
    for (const i of rows) expect(world.people.employment[i]).not.toBe(MATCHED_JOB);
  });
});
