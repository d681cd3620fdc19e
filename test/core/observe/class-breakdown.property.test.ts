import {
  classArea,
  classGroupArea,
  INCENTIVE_TAKERS,
  type MeasureRow,
  Model,
  type RetentionRow,
  runEnsemble,
  runMeasures,
  SMALLER_PLACES,
} from '@smart-settlement/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallScenarioArb } from '../../helpers/arbitraries.js';
import { configOf, smallScenario } from '../../helpers/scenarios.js';

const COUNTS = ['arrived', 'stayed', 'moved', 'movedToMetro', 'movedToSmaller', 'left'] as const;

/** The sum of each count over rows, by years since arrival. */
function sums(rows: readonly RetentionRow[]): Map<number, Record<(typeof COUNTS)[number], number>> {
  const out = new Map<number, Record<(typeof COUNTS)[number], number>>();
  for (const r of rows) {
    const s = out.get(r.yearsSinceArrival) ?? Object.fromEntries(COUNTS.map((c) => [c, 0]));
    for (const c of COUNTS) s[c] += r[c];
    out.set(r.yearsSinceArrival, s as Record<(typeof COUNTS)[number], number>);
  }
  return out;
}

const value = (measures: MeasureRow[], area: string, measure: string) =>
  measures.find((m) => m.area === area && m.measure === measure)?.value;

describe('the breakdown by immigrant class (properties over random small scenarios and policies)', () => {
  it('each group broken down by class adds up to the group: arrivals, stayed, moved (to a metro, to a smaller place), left; and the classes to the region', () => {
    fc.assert(
      fc.property(smallScenarioArb, (scenario) => {
        const config = configOf(scenario);
        const run = new Model(config, { seed: scenario.seed! }).run().result();
        const classes = run.classCosts?.classes ?? [];
        const byClass = run.areas.filter((a) => a.group !== undefined);
        if (classes.length < 2 || run.retention.length === 0) {
          expect(byClass).toEqual([]);
          return;
        }
        const groups = new Set(byClass.map((a) => a.group!));
        for (const group of [...groups, config.region]) {
          const parts =
            group === config.region
              ? classes.map((c) => classArea(c))
              : classes.map((c) => classGroupArea(group, c));
          const whole = sums(run.retention.filter((r) => r.area === group));
          const split = sums(run.retention.filter((r) => parts.includes(r.area)));
          expect([...split.keys()].sort(), group).toEqual([...whole.keys()].sort());
          for (const [k, total] of whole) expect(split.get(k), `${group}, ${k} years`).toEqual(total);
        }
        // Every by-class area names its class and its group, and lies within the group's places.
        for (const a of byClass) {
          expect(a.name).toBe(classGroupArea(a.group!, a.immigrantClass!));
          const group = run.areas.find((g) => g.name === a.group)!;
          expect(a.places).toEqual(group.places);
          expect(a.kind).toBe(group.kind);
        }
      }),
      { numRuns: 25 },
    );
  });

  it("the classes' net costs and the money spent on places add up to the area's net cost (gross spending and clawbacks alike)", () => {
    fc.assert(
      fc.property(smallScenarioArb, (scenario) => {
        const config = configOf(scenario);
        const run = new Model(config, { seed: scenario.seed! }).run().result();
        const classes = run.classCosts?.classes ?? [];
        if (classes.length < 2) return;
        const measures = runMeasures(run, config.region);
        const areas = [
          { whole: config.region, parts: classes.map((c) => classArea(c)) },
          ...[...new Set(run.areas.filter((a) => a.group && a.kind === 'places').map((a) => a.group!))].map(
            (group) => ({ whole: group, parts: classes.map((c) => classGroupArea(group, c)) }),
          ),
        ];
        for (const { whole, parts } of areas) {
          const present = parts.filter((p) => value(measures, p, 'programmeCost') !== undefined);
          if (present.length === 0) continue;
          const onPlaces = value(measures, present[0], 'unattributedSpending')!;
          for (const measure of ['programmeCost', 'grossSpending'] as const) {
            const split = present.reduce((s, p) => s + value(measures, p, measure)!, 0) + onPlaces;
            const total = value(measures, whole, measure)!;
            expect(split, `${whole} ${measure}`).toBeCloseTo(
              total,
              3 - Math.ceil(Math.log10(Math.abs(total) + 1)),
            );
          }
          const claws = present.reduce((s, p) => s + value(measures, p, 'clawbacks')!, 0);
          expect(claws, `${whole} clawbacks`).toBeCloseTo(value(measures, whole, 'clawbacks')!, 0);
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('cost per additional person by class', () => {
  it('is given for a programme that pays people (dispersion), and not for one that spends on places (engagement), whose money no class can be charged with', async () => {
    const scenarios = [
      smallScenario({ name: 'baseline', years: 6 }),
      smallScenario({ name: 'dispersion', years: 6, policies: [{ type: 'dispersion', reach: 1 }] }),
      smallScenario({ name: 'engagement', years: 6, policies: [{ type: 'engagement' }] }),
    ];
    const result = await runEnsemble(
      scenarios.map((s) => configOf(s)),
      { replications: 2, seed: 3 },
    );
    const classRows = (scenario: string) =>
      result.incremental.filter(
        (r) =>
          r.scenario === scenario &&
          r.measure === 'costPerAdditionalRetained5' &&
          r.area.startsWith(`${SMALLER_PLACES} · `),
      );
    expect(classRows('dispersion').length).toBeGreaterThan(0);
    expect(classRows('engagement')).toEqual([]);
    // The whole group still has its figure under engagement.
    expect(
      result.incremental.some(
        (r) =>
          r.scenario === 'engagement' &&
          r.area === SMALLER_PLACES &&
          r.measure === 'costPerAdditionalRetained5',
      ),
    ).toBe(true);
    // Incentive takers by class are areas of their own, with retention but no cost.
    const takers = result.summary.filter(
      (r) => r.scenario === 'dispersion' && r.area.startsWith(`${INCENTIVE_TAKERS} · `),
    );
    expect(takers.some((r) => r.measure === 'retention5')).toBe(true);
    expect(takers.some((r) => r.measure === 'programmeCost')).toBe(false);
  });
});
