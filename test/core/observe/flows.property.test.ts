import {
  HORIZONS,
  INCENTIVE_TAKERS,
  leftRegionDestination,
  Model,
  type Observer,
} from '@smart-settlement/core';
import type { World } from '@smart-settlement/core/internals';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallScenarioArb } from '../../helpers/arbitraries.js';
import { configOf } from '../../helpers/scenarios.js';

/**
 * Counts, independently of the retention observer, where the people of each first place and
 * class are at the horizons: the present by their place, and everyone else who arrived as
 * gone from the region (people leave the table only by leaving the region). Keyed
 * "years|first|class|destination", in agents.
 */
class WhereAreTheyNow implements Observer {
  readonly counts = new Map<string, number>();
  /** Incentive takers who had left, by years since arrival, from the engine's own exit tally. */
  readonly takersLeft = new Map<number, number>();

  observe(world: World): void {
    const { people, places } = world;
    const t = world.year;
    const n = places.n;
    const present = new Map<string, number>();
    for (let i = 0; i < people.count; i++) {
      const k = t - people.arrival[i] + 1;
      if (!(HORIZONS as readonly number[]).includes(k)) continue;
      const cls = world.classNames[people.immigrantClass[i]];
      const key = `${k}|${places.names[people.firstPlace[i]]}|${cls}|${places.names[people.place[i]]}`;
      this.add(this.counts, key, 1);
      const from = `${people.arrival[i]}|${people.firstPlace[i]}|${people.immigrantClass[i]}`;
      present.set(from, (present.get(from) ?? 0) + 1);
    }
    for (let c = 0; c <= t; c++) {
      const k = t - c + 1;
      this.add(this.takersLeft, k, world.leftOnOfferByCohort[c]);
      if (!(HORIZONS as readonly number[]).includes(k)) continue;
      const C = world.classNames.length;
      for (let p = 0; p < n; p++) {
        // The arrivals of each first place, split by class from the people seen (and those gone).
        let arrived = 0;
        for (let cl = 0; cl < C; cl++) {
          const gone =
            world.arrivedByPlaceClass[(c * n + p) * C + cl] - (present.get(`${c}|${p}|${cl}`) ?? 0);
          arrived += world.arrivedByPlaceClass[(c * n + p) * C + cl];
          const key = `${k}|${places.names[p]}|${world.classNames[cl]}|${leftRegionDestination(world.config.region)}`;
          this.add(this.counts, key, gone);
        }
        // The class split adds up to the arrivals the engine counted by first place.
        if (arrived !== world.arrivedByCohort[c * n + p])
          throw new Error(`arrivals by class of cohort ${c}, place ${p}`);
      }
    }
  }

  private add<K>(map: Map<K, number>, key: K, v: number): void {
    if (v !== 0) map.set(key, (map.get(key) ?? 0) + v);
  }
}

describe('flows: where the newcomers of each first place are (properties over random small scenarios and policies)', () => {
  it('every person, present or departed, appears once in flows with the right class and destination; flows add up to the arrivals of retention.csv', () => {
    fc.assert(
      fc.property(smallScenarioArb, fc.nat(3), (scenario, replication) => {
        const config = configOf(scenario);
        const check = new WhereAreTheyNow();
        const run = new Model(config, { seed: scenario.seed!, replication, observers: [check] })
          .run()
          .result();
        const scale = config.agentScale;
        // Each (horizon, first place, destination) once, with the people counted independently.
        const seen = new Set<string>();
        for (const f of run.flows) {
          const key = `${f.yearsSinceArrival}|${f.firstPlace}|${f.immigrantClass}|${f.destination}`;
          expect(seen.has(key), key).toBe(false);
          seen.add(key);
          expect(f.people, key).toBe((check.counts.get(key) ?? 0) * scale);
        }
        expect(seen.size).toBe(check.counts.size);
        // Per first place and horizon: stayed, moved (to a metro or a smaller place) and left add up.
        const smaller = new Set(config.places.filter((p) => p.smaller).map((p) => p.name));
        const left = leftRegionDestination(config.region);
        for (const r of run.retention) {
          if (!config.places.some((p) => p.name === r.area)) continue;
          if (!(HORIZONS as readonly number[]).includes(r.yearsSinceArrival)) continue;
          const mine = run.flows.filter(
            (f) => f.firstPlace === r.area && f.yearsSinceArrival === r.yearsSinceArrival,
          );
          const total = (keep: (d: string) => boolean) =>
            mine.filter((f) => keep(f.destination)).reduce((s, f) => s + f.people, 0);
          expect(total(() => true)).toBe(r.arrived);
          expect(total((d) => d === r.area)).toBe(r.stayed);
          expect(total((d) => d === left)).toBe(r.left);
          expect(total((d) => d !== r.area && smaller.has(d))).toBe(r.movedToSmaller);
          expect(total((d) => d !== r.area && d !== left && !smaller.has(d))).toBe(r.movedToMetro);
          expect(r.movedToMetro + r.movedToSmaller).toBe(r.moved);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('the people a policy acted on: those of them gone from the region are those the engine counted leaving', () => {
    fc.assert(
      fc.property(smallScenarioArb, (scenario) => {
        const config = configOf(scenario);
        const check = new WhereAreTheyNow();
        const model = new Model(config, { seed: scenario.seed!, observers: [check] });
        model.run();
        const run = model.result();
        for (const r of run.retention.filter((x) => x.area === INCENTIVE_TAKERS)) {
          expect(r.left, `k=${r.yearsSinceArrival}`).toBe(
            (check.takersLeft.get(r.yearsSinceArrival) ?? 0) * config.agentScale,
          );
          expect(r.stayed + r.moved + r.left).toBe(r.arrived);
        }
        // The group is an area of the run exactly when someone took an offer.
        const anyTaker = [...Array(config.years).keys()].some(
          (c) => model.world.arrivedOnOfferByCohort[c] > 0,
        );
        expect(run.areas.some((a) => a.name === INCENTIVE_TAKERS)).toBe(anyTaker);
      }),
      { numRuns: 20 },
    );
  });
});
