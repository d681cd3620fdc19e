import { learning, refreshYearTables, SERVED } from '@smart-settlement/core/internals';
import { describe, expect, it } from 'vitest';
import { addPerson, tinyConfig, tinyPlace, tinyWorld } from '../../helpers/tiny-world.js';

describe('submodel learning', () => {
  const config = tinyConfig({
    places: [tinyPlace('A', { learningAccess: 0.5 }), tinyPlace('B', { learningAccess: 0 })],
    params: { languageRate: 0.15, credentialRate: 0.25 },
  });

  it('a learning link adds to access (0.5 + 0.3 = 0.8): language 0.6 -> 0.6 + 0.15 x 0.9 x 0.4, a regulated credential 0.3 -> 0.3 + 0.25 x 0.8 x 0.6 x 0.7', () => {
    const world = tinyWorld(config);
    world.effects.learningLink[0] = 0.3;
    refreshYearTables(world);
    expect(world.scratch.learning[0]).toBeCloseTo(0.8, 12);
    const i = addPerson(world, { place: 0, occupation: 0, language: 0.6, credential: 0.3 });
    learning(world);
    expect(world.people.language[i]).toBeCloseTo(0.654, 6);
    expect(world.people.credential[i]).toBeCloseTo(0.384, 6);
  });

  it('served newcomers within the years covered learn language (1 + orientation) times faster', () => {
    const world = tinyWorld(config);
    world.effects.learningLink[0] = 0.3;
    world.effects.orientationBoost[0] = 0.5;
    world.effects.serviceYears[0] = 1;
    refreshYearTables(world);
    const i = addPerson(world, { place: 0, language: 0.6, flags: SERVED, arrival: 0 });
    learning(world);
    expect(world.people.language[i]).toBeCloseTo(0.6 + 0.15 * 0.9 * 1.5 * 0.4, 6);
  });

  it('without access to learning, credentials stall while language still grows at half rate; "other" occupations need no credential', () => {
    const world = tinyWorld(config);
    const stalled = addPerson(world, { place: 1, occupation: 1, language: 0.6, credential: 0.3 });
    const other = addPerson(world, { place: 0, occupation: 2, language: 0.6, credential: 0.5 });
    learning(world);
    expect(world.people.credential[stalled]).toBeCloseTo(0.3, 6);
    expect(world.people.language[stalled]).toBeCloseTo(0.6 + 0.15 * 0.5 * 0.4, 6);
    expect(world.people.credential[other]).toBeCloseTo(0.5, 6);
  });
});
