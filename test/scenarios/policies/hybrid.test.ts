import type { RunResult } from '@smart-settlement/core';
import { type PolicySpec, validateScenario } from '@smart-settlement/scenarios';
import { describe, expect, it } from 'vitest';
import { runScenario, smallScenario } from '../../helpers/scenarios.js';

// docs/POLICIES.md: the hybrid's incentives go to its engagement pilots unless the dispersion
// levers name eligible places (the study's hybrid ties the incentive to the communities that
// work to keep people). Until this was fixed, validation filled `eligible` with "smaller" and
// the incentives went to every smaller place.

const setting = { years: 4, agentScale: 200 };
/** Places where someone accepted an incentive offer in some year of the run. */
const takersPlaces = (run: RunResult) =>
  new Set(run.places.filter((p) => p.acceptedOffer > 0).map((p) => p.place));

describe('hybrid: where its incentives may be taken', () => {
  it('validation fills the hybrid dispersion part with eligible "pilots", plain dispersion with "smaller"', () => {
    const checked = validateScenario({ name: 'h', policies: [{ type: 'hybrid' }, { type: 'dispersion' }] });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const [hybrid, dispersion] = checked.scenario.policies;
    if (hybrid.type !== 'hybrid' || dispersion.type !== 'dispersion')
      throw new Error('policies out of order');
    expect(hybrid.dispersion.eligible).toBe('pilots');
    expect(dispersion.eligible).toBe('smaller');
  });

  it('"pilots" is a hybrid word: plain dispersion refuses it, naming the field and what is allowed', () => {
    const checked = validateScenario({ name: 'd', policies: [{ type: 'dispersion', eligible: 'pilots' }] });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems[0].path).toBe('policies[0].eligible');
    expect(checked.problems[0].allowed).toContain('smaller');
  });

  it('by default every incentive taker settles in an engagement pilot; with eligible "smaller" some settle elsewhere', () => {
    const pilots = new Set(
      runScenario(smallScenario({ name: 'e', ...setting, policies: [{ type: 'engagement' }] }))
        .places.filter((p) => p.programmeCost > 0)
        .map((p) => p.place),
    );
    expect(pilots.size).toBe(5);
    const hybrid = takersPlaces(
      runScenario(smallScenario({ name: 'h', ...setting, policies: [{ type: 'hybrid' }] })),
    );
    expect(hybrid.size).toBeGreaterThan(0);
    for (const place of hybrid) expect(pilots).toContain(place);

    // The comparison can fail: told to, the same hybrid offers incentives in every smaller place.
    const everywhere: PolicySpec = {
      type: 'hybrid',
      dispersion: { type: 'dispersion', eligible: 'smaller' },
    };
    const wide = takersPlaces(runScenario(smallScenario({ name: 'w', ...setting, policies: [everywhere] })));
    expect([...wide].some((place) => !pilots.has(place))).toBe(true);
  });

  it('named places override the pilots', () => {
    const named: PolicySpec = {
      type: 'hybrid',
      dispersion: { type: 'dispersion', eligible: ['Timmins', 'Cornwall'] },
    };
    const places = takersPlaces(runScenario(smallScenario({ name: 'n', ...setting, policies: [named] })));
    expect(places.size).toBeGreaterThan(0);
    for (const place of places) expect(['Timmins', 'Cornwall']).toContain(place);
  });
});
