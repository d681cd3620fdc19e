import { MeasureArrays, type MeasureRow, pairedDifferences, summarize } from '@smart-settlement/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const SCENARIOS = ['baseline', 'welcome', 'engagement'];
const REPLICATIONS = 6;

/** Distinct (scenario, replication, area, measure) rows, some missing, as runs with non-finite measures give. */
const measureRows = fc
  .uniqueArray(
    fc.record({
      scenario: fc.constantFrom(...SCENARIOS),
      replication: fc.nat(REPLICATIONS - 1),
      seed: fc.constant(7),
      area: fc.constantFrom('Region', 'Smaller places', 'Sudbury'),
      measure: fc.constantFrom('retention1', 'income'),
      value: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    }),
    {
      selector: (m) => `${m.scenario}|${m.replication}|${m.area}|${m.measure}`,
      maxLength: 80,
      size: 'large',
    },
  )
  .map((rows) => rows.sort((a, b) => a.replication - b.replication)) as fc.Arbitrary<MeasureRow[]>;

describe('MeasureArrays', () => {
  it("gives core's summary and paired differences of every row added, holding only numbers", () => {
    fc.assert(
      fc.property(measureRows, fc.constantFrom(0.8, 0.9), (rows, interval) => {
        const arrays = new MeasureArrays(REPLICATIONS);
        for (let r = 0; r < REPLICATIONS; r++) arrays.add(rows.filter((m) => m.replication === r));
        expect(arrays.summary(interval, SCENARIOS)).toEqual(summarize(rows, interval, SCENARIOS));
        expect(arrays.paired('baseline', interval, SCENARIOS)).toEqual(
          summarize(pairedDifferences(rows, 'baseline'), interval, SCENARIOS),
        );
      }),
    );
  });

  it('refuses a replication outside the job and a value given twice, rather than mixing them up', () => {
    const row: MeasureRow = {
      scenario: 'a',
      replication: 2,
      seed: 1,
      area: 'Region',
      measure: 'income',
      value: 1,
    };
    const arrays = new MeasureArrays(2);
    expect(() => arrays.add([row])).toThrow(/replication 2, expected 0 to 1/);
    arrays.add([{ ...row, replication: 1 }]);
    expect(() => arrays.add([{ ...row, replication: 1 }])).toThrow(/two values/);
  });
});
