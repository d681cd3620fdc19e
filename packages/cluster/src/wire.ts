import { fleetMsg } from './messages.js';

// Results cross Redis as JSON, which has no NaN, no Infinity and no -0: JSON.stringify turns
// the first two into null and the last into 0. A measure can be NaN (nobody in a group), and a
// fleet's results must equal a local run's to the byte, so those numbers travel tagged.

const TAG = '~num';

/**
 * Encodes a value as canonical JSON: object keys sorted, no white space, and NaN, Infinity,
 * -Infinity and -0 kept (as `{"~num":"NaN"}`...). The same content always gives the same
 * text, whatever order its keys were made in: the fleet's authentication codes are computed
 * over this text. Keys whose value is undefined are left out, as JSON.stringify does.
 * @example decodeValue(encodeValue({ b: -0, a: Number.NaN })) // { a: NaN, b: -0 }
 * @example encodeValue({ b: 1, a: 2 }) // '{"a":2,"b":1}'
 */
export function encodeValue(value: unknown): string {
  const out: string[] = [];
  write(value, out);
  return out.join('');
}

function write(v: unknown, out: string[]): void {
  switch (typeof v) {
    case 'number':
      if (Number.isNaN(v)) out.push(`{"${TAG}":"NaN"}`);
      else if (v === Number.POSITIVE_INFINITY) out.push(`{"${TAG}":"Infinity"}`);
      else if (v === Number.NEGATIVE_INFINITY) out.push(`{"${TAG}":"-Infinity"}`);
      else if (Object.is(v, -0)) out.push(`{"${TAG}":"-0"}`);
      else out.push(JSON.stringify(v));
      return;
    case 'string':
    case 'boolean':
      out.push(JSON.stringify(v));
      return;
    case 'object':
      if (v === null) out.push('null');
      else if (Array.isArray(v)) writeArray(v, out);
      else writeObject(v as Record<string, unknown>, out);
      return;
    default:
      throw new Error(fleetMsg.notSendable(typeof v));
  }
}

function writeArray(items: readonly unknown[], out: string[]): void {
  out.push('[');
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.push(',');
    // As in JSON.stringify: a hole or undefined in an array is null.
    if (items[i] === undefined) out.push('null');
    else write(items[i], out);
  }
  out.push(']');
}

function writeObject(object: Record<string, unknown>, out: string[]): void {
  if (Object.hasOwn(object, TAG)) throw new Error(fleetMsg.reservedKey(TAG));
  out.push('{');
  let first = true;
  for (const key of Object.keys(object).sort()) {
    const item = object[key];
    if (item === undefined) continue;
    if (!first) out.push(',');
    first = false;
    out.push(JSON.stringify(key), ':');
    write(item, out);
  }
  out.push('}');
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
