import { PlaceState } from '@smart-settlement/core';
import {
  choosePilots,
  engagement,
  freezeScenario,
  LIBRARY,
  readiness,
  resolveScenario,
  type Scenario,
  selectPlaces,
  setLever,
  validateScenario,
} from '@smart-settlement/scenarios';
import { describe, expect, it } from 'vitest';
import { TINY_INTAKE, tinyPlace } from '../helpers/tiny-world.js';

describe('setLever (settle run --set path=value)', () => {
  const scenario: Scenario = {
    name: 's',
    policies: [{ type: 'dispersion' }, { type: 'hybrid', name: 'mix' }],
  };

  it('a first segment naming a policy (by name or type) sets that policy’s lever; values are read as JSON', () => {
    const a = setLever(scenario, 'dispersion.termYears=6');
    expect(a.policies![0]).toEqual({ type: 'dispersion', termYears: 6 });
    const b = setLever(scenario, 'mix.engagement.budgetPerPilot=1e5');
    expect(b.policies![1]).toEqual({ type: 'hybrid', name: 'mix', engagement: { budgetPerPilot: 100000 } });
    const c = setLever(scenario, 'dispersion.eligible=["Timmins","Cornwall"]');
    expect((c.policies![0] as { eligible: string[] }).eligible).toEqual(['Timmins', 'Cornwall']);
  });

  it('otherwise the path starts at the scenario; text that is not JSON stays text; the input is not changed', () => {
    const a = setLever(scenario, 'places.Timmins.vacancyRate=0.002');
    expect(a.places).toEqual({ Timmins: { vacancyRate: 0.002 } });
    expect(setLever(scenario, 'description=hello world').description).toBe('hello world');
    expect(setLever(scenario, 'years=30').years).toBe(30);
    expect(scenario).toEqual({
      name: 's',
      policies: [{ type: 'dispersion' }, { type: 'hybrid', name: 'mix' }],
    });
  });

  it('a list is entered by position, so `policies.1.termYears` sets the second policy’s lever and keeps the list', () => {
    const a = setLever(scenario, 'policies.1.engagement.budgetPerPilot=5');
    expect(a.policies).toEqual([
      { type: 'dispersion' },
      { type: 'hybrid', name: 'mix', engagement: { budgetPerPilot: 5 } },
    ]);
    const b = setLever(scenario, 'policies.0.termYears=-1');
    expect(b.policies![0]).toEqual({ type: 'dispersion', termYears: -1 });
    // A wrong value then reaches validation at its own field, not as a list replaced by an object.
    const checked = validateScenario(b);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.map((p) => p.path)).toEqual(['policies[0].termYears']);
    // A position past the end is not a position: the list is replaced, and validation says so.
    expect(Array.isArray(setLever(scenario, 'policies.7.termYears=3').policies)).toBe(false);
  });

  it('a setting without "=" or without a lever after a policy name is an error that shows an example', () => {
    expect(() => setLever(scenario, 'years')).toThrow(/expected path=value/);
    expect(() => setLever(scenario, 'dispersion=3')).toThrow(/name a lever of dispersion/);
  });
});

describe('resolving and freezing scenarios', () => {
  it('a place override changes only that attribute of that place', () => {
    const plain = resolveScenario({ name: 'a' }).config;
    const changed = resolveScenario({ name: 'b', places: { Timmins: { vacancyRate: 0.002 } } }).config;
    plain.places.forEach((p, j) => {
      const q = changed.places[j];
      if (p.name === 'Timmins') expect({ ...q, vacancyRate: p.vacancyRate }).toEqual(p);
      else expect(q).toEqual(p);
    });
    expect(changed.places.find((p) => p.name === 'Timmins')!.vacancyRate).toBe(0.002);
  });

  it('a frozen scenario (every default explicit, as in manifest.json) resolves to the same configuration', () => {
    for (const name of Object.keys(LIBRARY)) {
      const { scenario, config } = resolveScenario(LIBRARY[name]);
      const frozen = JSON.parse(JSON.stringify(freezeScenario(scenario, config)));
      const again = resolveScenario(frozen).config;
      // Compared as JSON, the form the manifest keeps (where -0 and 0 are one number).
      const json = (c: typeof config) => JSON.stringify({ ...c, policies: c.policies.map((p) => p.levers) });
      expect(json(again)).toBe(json(config));
    }
  });
});

describe('policies: place selection and pilot choice', () => {
  const places = new PlaceState(
    [
      tinyPlace('Metro', {
        kind: 'metro',
        smaller: false,
        champion: 1,
        diversityCommitment: 1,
        recognisedNeed: 1,
      }),
      tinyPlace('Mid', { kind: 'mid-size', champion: 0.9, diversityCommitment: 0.5, recognisedNeed: 0.5 }),
      tinyPlace('Beta', { champion: 0.5, diversityCommitment: 0.5, recognisedNeed: 0.8 }),
      tinyPlace('Alpha', { champion: 0.5, diversityCommitment: 0.8, recognisedNeed: 0.5 }),
      tinyPlace('Low', { champion: 0.1, diversityCommitment: 0.5, recognisedNeed: 0.5 }),
    ],
    TINY_INTAKE,
  );

  it('selectors pick groups by kind or places by name', () => {
    expect([...selectPlaces(places, 'smaller')]).toEqual([0, 1, 1, 1, 1]);
    expect([...selectPlaces(places, 'metro')]).toEqual([1, 0, 0, 0, 0]);
    expect([...selectPlaces(places, 'small')]).toEqual([0, 0, 1, 1, 1]);
    expect([...selectPlaces(places, 'all')]).toEqual([1, 1, 1, 1, 1]);
    expect([...selectPlaces(places, ['Low', 'Mid'])]).toEqual([0, 1, 0, 0, 1]);
  });

  it('readiness is champion x commitment x need; pilots are the most ready candidates, ties broken by name', () => {
    expect(readiness(places, 1)).toBeCloseTo(0.225, 12);
    expect(readiness(places, 2)).toBeCloseTo(0.2, 12);
    expect(readiness(places, 3)).toBeCloseTo(0.2, 12);
    // Metro is the most ready but not a candidate (smaller places only); Alpha beats Beta on name.
    const pilots = choosePilots(places, { pilots: 2, candidates: 'smaller' });
    expect([...pilots]).toEqual([0, 1, 0, 1, 0]);
    const named = choosePilots(places, { pilots: ['Low'], candidates: 'smaller' });
    expect([...named]).toEqual([0, 0, 0, 0, 1]);
  });

  it('engagement spends only in pilot places, ramps up, and builds only the blocks switched on', () => {
    const policy = engagement({
      type: 'engagement',
      pilots: ['Beta'],
      candidates: 'smaller',
      budgetPerPilot: 300_000,
      fullBudgetPer100k: 500_000,
      rampUpYears: 3,
      leadership: false,
      socialCapital: true,
      humanCapital: false,
      leadershipPerYear: 0.08,
      institutionsPerYear: 1.5,
      initiativesPerYear: 2,
      bridgingBoost: 1,
      participationBoost: 0.5,
      learningLink: 0.3,
    });
    const effects = (year: number) => {
      const e = {
        serviceCoverage: new Float64Array(5),
        serviceYears: new Float64Array(5),
        searchBoost: new Float64Array(5),
        orientationBoost: new Float64Array(5),
        serviceCostPerPerson: new Float64Array(5),
        bridgingBoost: new Float64Array(5),
        participationBoost: new Float64Array(5),
        learningLink: new Float64Array(5),
        leadershipInvestment: new Float64Array(5),
        institutionsAdded: new Float64Array(5),
        initiativesAdded: new Float64Array(5),
        cost: new Float64Array(5),
      };
      policy.act!({ places, agentScale: 1, classes: ['all'] }, year, e);
      return e;
    };
    // Year 0: a third of the budget; a place of 100,000 needs 500,000, so funding is 100,000 / 500,000 = 0.2.
    const first = effects(0);
    expect([...first.cost]).toEqual([0, 0, 300_000 * (1 / 3) * 0.35, 0, 0]);
    expect(first.bridgingBoost[2]).toBeCloseTo(0.2, 12);
    expect(first.participationBoost[2]).toBeCloseTo(0.1, 12);
    expect(first.leadershipInvestment[2] + first.initiativesAdded[2] + first.learningLink[2]).toBe(0);
    // Year 2 onwards: full ramp, funding 300,000 / 500,000 = 0.6.
    const later = effects(5);
    expect(later.cost[2]).toBeCloseTo(300_000 * 0.35, 6);
    expect(later.bridgingBoost[2]).toBeCloseTo(0.6, 12);
  });
});
