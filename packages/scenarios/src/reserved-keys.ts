/**
 * Names of built-in object members that user text must never use as a key: writing them
 * would reach the prototype of every object in the process (`--set __proto__.polluted=1`),
 * and reading them finds a built-in function instead of a field (`settle run constructor`).
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** True if `key` is one of {@link RESERVED_KEYS}. */
export function isReservedKey(key: string): boolean {
  return RESERVED_KEYS.has(key);
}

/** The value of an own property of `record` (never an inherited member), or undefined. */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
