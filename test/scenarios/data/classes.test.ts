import { Model } from '@smart-settlement/core';
import { ASSIGNED, SPONSORED } from '@smart-settlement/core/internals';
import { validateScenario } from '@smart-settlement/scenarios';
import { describe, expect, it } from 'vitest';
import { configOf, smallScenario } from '../../helpers/scenarios.js';

describe('immigrant classes and assignment in scenarios', () => {
  it('intake.classShares changes the class mix; shares that do not sum to 1 and unknown classes are refused naming the field', () => {
    const config = configOf(
      smallScenario({ intake: { classShares: { economic: 0.4, nominee: 0.1, family: 0.3, refugee: 0.2 } } }),
    );
    expect(config.intake.classes!.map((c) => [c.name, c.share])).toEqual([
      ['economic', 0.4],
      ['nominee', 0.1],
      ['family', 0.3],
      ['refugee', 0.2],
    ]);
    const bad = validateScenario(smallScenario({ intake: { classShares: { economic: 0.9 } } }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0].path).toBe('intake.classShares');
    const unknown = validateScenario(smallScenario({ intake: { classShares: { students: 0.1 } } }));
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.problems.map((p) => p.path)).toContain('intake.classShares.students');
    const badClass = validateScenario(
      smallScenario({ policies: [{ type: 'assignment', classes: ['students' as 'refugee'] }] }),
    );
    expect(badClass.ok).toBe(false);
  });

  it('each class arrives in about its share, family-class newcomers go where a sponsor lives, and the named assignment places refugees in smaller places only', () => {
    const model = new Model(
      configOf({ ...smallScenario({ years: 1, agentScale: 20 }), policies: [{ type: 'assignment' }] }),
      {
        seed: 3,
      },
    );
    model.step();
    const { people, places, classNames } = model.world;
    const counts = new Float64Array(classNames.length);
    for (let i = 0; i < people.count; i++) {
      const cls = classNames[people.immigrantClass[i]];
      counts[people.immigrantClass[i]]++;
      if (cls === 'family') expect(people.flags[i] & SPONSORED).toBe(SPONSORED);
      if (cls === 'refugee') {
        expect(people.flags[i] & ASSIGNED).toBe(ASSIGNED);
        expect(places.smaller[people.firstPlace[i]]).toBe(1);
      } else expect(people.flags[i] & ASSIGNED).toBe(0);
    }
    const total = counts.reduce((a, b) => a + b, 0);
    const share = (name: string) => counts[classNames.indexOf(name)] / total;
    expect(share('economic')).toBeGreaterThan(0.47);
    expect(share('economic')).toBeLessThan(0.55);
    expect(share('refugee')).toBeGreaterThan(0.12);
    expect(share('refugee')).toBeLessThan(0.18);
  });
});
