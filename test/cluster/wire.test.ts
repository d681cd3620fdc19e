import { decodeValue, encodeValue } from '@smart-settlement/cluster';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

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
    // The reference: JSON.stringify for every leaf, keys sorted by code unit, no white space.
    // (Not JSON.stringify of a re-sorted object: an object lists integer-like keys first.)
    const canonical = (v: unknown): string =>
      Array.isArray(v)
        ? `[${v.map(canonical).join(',')}]`
        : v !== null && typeof v === 'object'
          ? `{${Object.keys(v)
              .sort()
              .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
              .join(',')}}`
          : JSON.stringify(v);
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const plain = JSON.parse(JSON.stringify(v)); // as JSON has it: -0 becomes 0
        fc.pre(!JSON.stringify(plain).includes('"~num"') && !Object.is(plain, -0));
        expect(encodeValue(plain)).toBe(canonical(plain));
      }),
      { numRuns: 300 },
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
