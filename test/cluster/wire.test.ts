import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeValue, encodeValue } from '../../packages/cluster/src/index.js';

describe('results on the wire', () => {
  it('come back identical, including NaN, Infinity and -0 (which plain JSON loses)', () => {
    const value = fc.oneof(
      fc.double(),
      fc.constantFrom(Number.NaN, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
      fc.integer(),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
    );
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        value,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(
          fc.string().filter((k) => k !== '~num'),
          tie('node'),
          { maxKeys: 4, noNullPrototype: true },
        ),
      ),
    })).node;
    fc.assert(
      fc.property(tree, (v) => {
        expect(decodeValue(encodeValue(v))).toStrictEqual(v);
      }),
    );
  });

  it('are canonical: for plain JSON, the text of JSON.stringify with every object’s keys sorted', () => {
    const sorted = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sorted)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(
              Object.keys(v)
                .sort()
                .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
            )
          : v;
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        fc.pre(!JSON.stringify(v).includes('"~num"') && !Object.is(v, -0));
        const plain = JSON.parse(JSON.stringify(v)); // -0 inside becomes 0, as JSON has it
        expect(encodeValue(plain)).toBe(JSON.stringify(sorted(plain)));
      }),
    );
  });

  it('refuse an object that uses the reserved tag, rather than decode it wrongly', () => {
    expect(() => encodeValue({ '~num': 'NaN' })).toThrow('reserved key');
  });

  it('keep -0 apart from 0', () => {
    expect(Object.is(decodeValue<number[]>(encodeValue([-0]))[0], -0)).toBe(true);
    expect(Object.is(decodeValue<number[]>(encodeValue([0]))[0], 0)).toBe(true);
  });
});
