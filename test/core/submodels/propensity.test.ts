import { Model, simulate, singleClass } from '@smart-settlement/core';
import { MOVER } from '@smart-settlement/core/internals';
import { describe, expect, it } from 'vitest';
import { configOf, smallScenario } from '../../helpers/scenarios.js';

/** The default Ontario scenario, small, with the mixture and classes set as a test needs. */
function config(moverShare: number, moverGap: number, oneClass: boolean) {
  const c = configOf(smallScenario({ years: 8 }));
  // One class listed explicitly, or no class list at all: the model before classes.
  const intake = oneClass
    ? { ...c.intake, classes: [singleClass(c.intake)] }
    : { ...c.intake, classes: undefined };
  return { ...c, intake, params: { ...c.params, moverShare, moverGap } };
}

describe('submodel propensity (mover-stayer mixture)', () => {
  it('with the gap at zero and one class, results equal the model without the mixture run with the same seeds, whatever the mover share', () => {
    const plain = simulate(config(0, 0, false), { seed: 4, replication: 1 });
    for (const share of [0.1, 0.5]) {
      const mixed = simulate(config(share, 0, true), { seed: 4, replication: 1 });
      expect(JSON.stringify(mixed.retention)).toBe(JSON.stringify(plain.retention));
      expect(JSON.stringify(mixed.places)).toBe(JSON.stringify(plain.places));
    }
  });

  it('a share of newcomers close to moverShare are movers, drawn by person so the same people in every scenario', () => {
    const model = new Model(config(0.2, 2, true), { seed: 4 });
    model.step();
    const p = model.world.people;
    let movers = 0;
    for (let i = 0; i < p.count; i++) if (p.flags[i] & MOVER) movers++;
    expect(movers / p.count).toBeGreaterThan(0.17);
    expect(movers / p.count).toBeLessThan(0.23);
  });

  it("selection: with movers, the region's yearly departures fall more steeply with years since arrival than without", () => {
    const departures = (share: number, gap: number) => {
      const run = simulate(config(share, gap, true), { seed: 4 });
      const at = (k: number) => run.retention.find((r) => r.area === 'Ontario' && r.yearsSinceArrival === k)!;
      return at(1).departures / at(4).departures;
    };
    const without = departures(0, 0);
    const withMovers = departures(0.04, 5);
    expect(withMovers).toBeGreaterThan(1.5 * without);
  });
});
