import { INCENTIVE_TAKERS, Model, type RunResult } from '@smart-settlement/core';
import { DISPERSED, FLAG_BITS } from '@smart-settlement/core/internals';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallScenarioArb } from '../helpers/arbitraries.js';
import { configOf } from '../helpers/scenarios.js';

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const sum = (xs: ArrayLike<number>) => {
  let total = 0;
  for (let i = 0; i < xs.length; i++) total += xs[i];
  return total;
};

/** Checks the retention table of a run: people are present, moved or left, and shares are shares. */
function checkRetentionRows(run: RunResult, region: string): void {
  for (const row of run.retention) {
    const at = `${row.area} k=${row.yearsSinceArrival}`;
    expect(near(row.arrived, row.stayed + row.moved + row.left), at).toBe(true);
    for (const v of [row.arrived, row.stayed, row.moved, row.left]) expect(v, at).toBeGreaterThanOrEqual(0);
    expect(row.cohorts, at).toBe(run.years - row.yearsSinceArrival + 1);
    if (row.area === region) expect(row.moved, at).toBe(0);
    expect(row.retention, at).toBeGreaterThanOrEqual(0);
    expect(row.retention, at).toBeLessThanOrEqual(1);
    expect(Number.isFinite(row.departures), at).toBe(true);
  }
}

describe('accounting of people (properties over random small scenarios and policies)', () => {
  it('every year, everyone who arrived is present or has left the region, never lost or counted twice; retention rows add up and stay within 0-1', () => {
    fc.assert(
      fc.property(smallScenarioArb, fc.nat(3), (scenario, replication) => {
        const config = configOf(scenario);
        const model = new Model(config, { seed: scenario.seed!, replication });
        const w = model.world;
        const perYear = Math.round(config.intake.perYear / config.agentScale);
        while (model.year < config.years) {
          model.step();
          const arrived = sum(w.arrivedByCohort);
          expect(arrived).toBe(perYear * model.year);
          expect(arrived).toBe(w.people.count + sum(w.leftByCohort));
          // People on an incentive offer are a subset, with the same accounting.
          let dispersedPresent = 0;
          for (let i = 0; i < w.people.count; i++) if (w.people.flags[i] & DISPERSED) dispersedPresent++;
          expect(sum(w.arrivedOnOfferByCohort)).toBe(dispersedPresent + sum(w.leftOnOfferByCohort));
          // Per immigrant class: arrived = present + left, and the classes add up to everyone.
          const C = w.classNames.length;
          const presentByClass = new Float64Array(C);
          for (let i = 0; i < w.people.count; i++) presentByClass[w.people.immigrantClass[i]]++;
          expect(sum(w.arrivedByClass)).toBe(arrived);
          for (let cl = 0; cl < C; cl++) {
            let arrivedClass = 0;
            let leftClass = 0;
            for (let c = 0; c < config.years; c++) {
              arrivedClass += w.arrivedByClass[c * C + cl];
              leftClass += w.leftByClass[c * C + cl];
            }
            expect(arrivedClass).toBe(presentByClass[cl] + leftClass);
          }
          // By first place and class, and by flag and class: the same counts, split further.
          expect(sum(w.arrivedByPlaceClass)).toBe(arrived);
          expect(sum(w.leftByPlaceClass)).toBe(sum(w.leftByCohort));
          const takersArrived = (counts: Float64Array) => {
            let s = 0;
            for (let c = 0; c < config.years; c++)
              for (let cl = 0; cl < C; cl++) s += counts[(c * FLAG_BITS + Math.log2(DISPERSED)) * C + cl];
            return s;
          };
          expect(takersArrived(w.arrivedByFlagClass)).toBe(sum(w.arrivedOnOfferByCohort));
          expect(takersArrived(w.leftByFlagClass)).toBe(sum(w.leftOnOfferByCohort));
          // Ids are unique: nobody is counted twice.
          expect(new Set(w.people.id.subarray(0, w.people.count)).size).toBe(w.people.count);
        }
        const run = model.result();
        checkRetentionRows(run, config.region);
        // The region's first-year row pools every cohort: all arrivals of the run.
        const all = run.retention.find((r) => r.area === config.region && r.yearsSinceArrival === 1);
        if (perYear > 0) expect(near(all!.arrived, perYear * config.years * config.agentScale)).toBe(true);
        const takers = run.retention.filter((r) => r.area === INCENTIVE_TAKERS);
        if (sum(w.arrivedOnOfferByCohort) === 0) expect(takers).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('in the places table, arrivals so far = newcomers present + those who left the region, year by year; moves in and out balance', () => {
    fc.assert(
      fc.property(smallScenarioArb, (scenario) => {
        const config = configOf(scenario);
        const run = new Model(config, { seed: scenario.seed! }).run().result();
        let arrivedSoFar = 0;
        let leftSoFar = 0;
        for (let year = 0; year < config.years; year++) {
          const rows = run.places.filter((r) => r.year === year);
          expect(rows).toHaveLength(config.places.length);
          arrivedSoFar += sum(rows.map((r) => r.arrivals));
          leftSoFar += sum(rows.map((r) => r.leftRegion));
          const present = sum(rows.map((r) => r.newcomers));
          expect(near(arrivedSoFar, present + leftSoFar)).toBe(true);
          expect(near(sum(rows.map((r) => r.movedIn)), sum(rows.map((r) => r.movedOut)))).toBe(true);
          for (const r of rows) {
            for (const [k, v] of Object.entries(r))
              if (typeof v === 'number') expect(Number.isFinite(v), k).toBe(true);
            for (const share of [
              r.matchedShare,
              r.equityMean,
              r.engagedShare,
              r.leadership,
              r.inclusion,
              r.hostOpenness,
            ]) {
              expect(share).toBeGreaterThanOrEqual(0);
              expect(share).toBeLessThanOrEqual(1);
            }
          }
        }
        expect(
          near(
            sum(run.places.filter((r) => r.year === config.years - 1).map((r) => r.newcomers)),
            run.finalAgents * config.agentScale,
          ),
        ).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('a scenario with no arrivals gives empty retention tables and place rows without NaN', () => {
    fc.assert(
      fc.property(smallScenarioArb, (scenario) => {
        const config = configOf({ ...scenario, intake: { perYear: 0 } });
        const run = new Model(config, { seed: scenario.seed! }).run().result();
        expect(run.retention).toEqual([]);
        expect(run.finalAgents).toBe(0);
        expect(run.places).toHaveLength(config.places.length * config.years);
        for (const r of run.places) {
          expect(r.newcomers + r.arrivals + r.leftRegion + r.movedIn).toBe(0);
          for (const v of Object.values(r)) if (typeof v === 'number') expect(Number.isNaN(v)).toBe(false);
        }
      }),
      { numRuns: 20 },
    );
  });
});
