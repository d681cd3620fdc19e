import { toCsv } from '@smart-settlement/cli';
import { summarize } from '@smart-settlement/core';
import { band, parseCsv, textWidth, wrapText } from '@smart-settlement/viz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('reading result tables', () => {
  it('parseCsv(toCsv(rows)) gives the rows back: numbers, booleans and strings with commas or quotes', () => {
    const row = fc.record({
      place: fc
        .string({ maxLength: 12 })
        .filter(
          (s) =>
            !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) &&
            !['true', 'false', 'NA', ''].includes(s) &&
            !/[\r]/.test(s),
        ),
      year: fc.integer({ min: 0, max: 300 }),
      smaller: fc.boolean(),
      share: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const back = parseCsv(toCsv(rows, ['place', 'year', 'smaller', 'share']));
        expect(back).toHaveLength(rows.length);
        back.forEach((b, i) => {
          expect(b.place).toBe(rows[i].place);
          expect(b.year).toBe(rows[i].year);
          expect(b.smaller).toBe(rows[i].smaller);
          // The results folder writes 7 significant digits.
          expect(b.share).toBeCloseTo(
            rows[i].share,
            Math.max(0, 6 - Math.ceil(Math.log10(Math.abs(rows[i].share) + 1))),
          );
        });
      }),
    );
  });

  it('band(values) is the median and 90% interval the engine reports in summary.json', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (values) => {
          const [engine] = summarize(
            values.map((value, replication) => ({
              scenario: 's',
              replication,
              seed: 1,
              area: 'a',
              measure: 'retention5',
              value,
            })),
            0.9,
          );
          const b = band(values, 0.9);
          expect(b.median).toBeCloseTo(engine.median, 9);
          expect(b.lo).toBeCloseTo(engine.lo, 9);
          expect(b.hi).toBeCloseTo(engine.hi, 9);
        },
      ),
    );
  });

  it('wrapText breaks at spaces so that no line is wider than asked (unless one word is)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 100, max: 800 }),
        (words, width) => {
          const lines = wrapText(words.join(' '), width, 12);
          expect(lines.join(' ')).toBe(words.join(' '));
          for (const line of lines)
            if (line.includes(' ')) expect(textWidth(line, 12)).toBeLessThanOrEqual(width);
        },
      ),
    );
  });
});
