// Results cross Redis as JSON, which has no NaN, no Infinity and no -0: JSON.stringify turns
// the first two into null and the last into 0. A measure can be NaN (nobody in a group), and a
// fleet's results must equal a local run's to the byte, so those numbers travel tagged.

const TAG = '~num';

/**
 * Encodes a value as JSON, keeping NaN, Infinity, -Infinity and -0 (as `{"~num": "NaN"}`...).
 * @example decodeValue(encodeValue({ a: Number.NaN, b: -0 })) // { a: NaN, b: -0 }
 */
export function encodeValue(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, _key: string, v: unknown) {
    if (v !== null && typeof v === 'object' && Object.hasOwn(v, TAG))
      throw new Error(`encodeValue: an object with the reserved key "${TAG}" cannot be sent`);
    if (typeof v !== 'number') return v;
    if (Number.isNaN(v)) return { [TAG]: 'NaN' };
    if (v === Number.POSITIVE_INFINITY) return { [TAG]: 'Infinity' };
    if (v === Number.NEGATIVE_INFINITY) return { [TAG]: '-Infinity' };
    if (Object.is(v, -0)) return { [TAG]: '-0' };
    return v;
  });
}

const SPECIAL: Record<string, number> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
  '-0': -0,
};

/** Decodes what encodeValue wrote. */
export function decodeValue<T>(text: string): T {
  // A reviver costs three times the parse: skip it when nothing is tagged (the usual case).
  if (!text.includes(`"${TAG}"`)) return JSON.parse(text) as T;
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const tag = (v as Record<string, unknown>)[TAG];
      if (keys.length === 1 && typeof tag === 'string' && tag in SPECIAL) return SPECIAL[tag];
    }
    return v;
  }) as T;
}
