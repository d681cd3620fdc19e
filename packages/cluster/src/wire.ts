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
  return encode(value);
}

// Built by string concatenation (V8 joins such strings cheaply), with object keys quoted once
// and remembered: a run's output is thousands of rows with the same few dozen keys. About
// twice the time of JSON.stringify.
const quotedKeys = new Map<string, string>();

function quoted(key: string): string {
  let text = quotedKeys.get(key);
  if (text === undefined) {
    text = JSON.stringify(key);
    if (quotedKeys.size < 10_000) quotedKeys.set(key, text);
  }
  return text;
}

function encode(v: unknown): string {
  switch (typeof v) {
    case 'number':
      // String(n) writes a finite number exactly as JSON.stringify does.
      if (Number.isFinite(v)) return Object.is(v, -0) ? `{"${TAG}":"-0"}` : String(v);
      if (Number.isNaN(v)) return `{"${TAG}":"NaN"}`;
      return v > 0 ? `{"${TAG}":"Infinity"}` : `{"${TAG}":"-Infinity"}`;
    case 'string':
      return JSON.stringify(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      if (v === null) return 'null';
      return Array.isArray(v) ? encodeArray(v) : encodeObject(v as Record<string, unknown>);
    default:
      throw new Error(fleetMsg.notSendable(typeof v));
  }
}

function encodeArray(items: readonly unknown[]): string {
  let text = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) text += ',';
    // As in JSON.stringify: a hole or undefined in an array is null.
    text += items[i] === undefined ? 'null' : encode(items[i]);
  }
  return `${text}]`;
}

function encodeObject(object: Record<string, unknown>): string {
  if (Object.hasOwn(object, TAG)) throw new Error(fleetMsg.reservedKey(TAG));
  let text = '{';
  let first = true;
  for (const key of Object.keys(object).sort()) {
    const item = object[key];
    if (item === undefined) continue;
    if (!first) text += ',';
    first = false;
    text += `${quoted(key)}:${encode(item)}`;
  }
  return `${text}}`;
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
