import { SERVED, ties } from '@smart-settlement/core/internals';
import { describe, expect, it } from 'vitest';
import { addPerson, tinyConfig, tinyPlace, tinyWorld } from '../../helpers/tiny-world.js';

describe('submodel ties', () => {
  // tieRate 0.4 x openness 0.5 = 0.2: t' = t + 0.2 (1 - t) - 0.02 t.
  const config = tinyConfig({
    places: [tinyPlace('A', { hostOpenness: 0.5 }), tinyPlace('B', { hostOpenness: 0 })],
    params: { tieRate: 0.4, tieDecay: 0.02 },
  });

  it('ties grow towards 1 at tieRate x openness and fade at tieDecay: 0.2 becomes 0.356', () => {
    const world = tinyWorld(config);
    const i = addPerson(world, { place: 0, ties: 0.2 });
    ties(world);
    expect(world.people.ties[i]).toBeCloseTo(0.2 + 0.2 * 0.8 - 0.02 * 0.2, 6);
  });

  it('social-connection programmes multiply the rate by (1 + bridging): 0.2 becomes 0.2 + 0.3 x 0.8 - 0.004', () => {
    const world = tinyWorld(config);
    world.effects.bridgingBoost[0] = 0.5;
    const i = addPerson(world, { place: 0, ties: 0.2 });
    ties(world);
    expect(world.people.ties[i]).toBeCloseTo(0.436, 6);
  });

  it('welcome orientation multiplies the rate only for served newcomers within the years covered', () => {
    const world = tinyWorld(config);
    world.year = 2;
    world.effects.orientationBoost[0] = 0.5;
    world.effects.serviceYears[0] = 2;
    const covered = addPerson(world, { place: 0, ties: 0.2, flags: SERVED, arrival: 1 });
    const expired = addPerson(world, { place: 0, ties: 0.2, flags: SERVED, arrival: 0 });
    const unserved = addPerson(world, { place: 0, ties: 0.2, arrival: 1 });
    ties(world);
    expect(world.people.ties[covered]).toBeCloseTo(0.436, 6);
    expect(world.people.ties[expired]).toBeCloseTo(0.356, 6);
    expect(world.people.ties[unserved]).toBeCloseTo(0.356, 6);
  });

  it('in a closed host community ties only fade, and the rate never exceeds 1', () => {
    const world = tinyWorld(config);
    world.effects.bridgingBoost[0] = 100;
    const closed = addPerson(world, { place: 1, ties: 0.5 });
    const capped = addPerson(world, { place: 0, ties: 0.5 });
    ties(world);
    expect(world.people.ties[closed]).toBeCloseTo(0.49, 6);
    expect(world.people.ties[capped]).toBeCloseTo(0.5 + 0.5 - 0.01, 6);
  });
});
