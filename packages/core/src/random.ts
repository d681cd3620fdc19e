import seedrandom from 'seedrandom';

/**
 * The purposes that draw random numbers. Each purpose has its own stream per
 * replication, so turning on an observer or adding a policy never shifts the
 * draws of another purpose.
 */
export const PURPOSES = [
  'arrivals',
  'destination',
  'uptake',
  'services',
  'labour',
  'ties',
  'equity',
  'relocation',
  'destinationOnMove',
  'immigrantClass',
  'propensity',
  'firstPlace',
  'assignment',
] as const;
/** One of the {@link PURPOSES}: each draws from its own random stream. */
export type Purpose = (typeof PURPOSES)[number];

/**
 * A seeded sequential stream (seedrandom's Alea) for one purpose of one replication.
 * @example const next = stream(42, 0, 'arrivals'); next(); // 0 <= x < 1
 */
export function stream(seed: number, replication: number, purpose: string): seedrandom.PRNG {
  return seedrandom.alea(`smart-settlement|${seed}|${replication}|${purpose}`);
}

/**
 * A uniform [0, 1) source that can be copied where it stands: `fork()` returns a source that
 * gives the very draws this one would give next. A lazy design replays a stretch of draws
 * this way instead of keeping them (a Latin hypercube's offsets, see latinHypercubeRows).
 */
export interface ForkableRandom {
  (): number;
  /** A copy at the current position; drawing from either leaves the other as it was. */
  fork(): ForkableRandom;
}

/**
 * The same draws as {@link stream}(seed, replication, purpose), as a {@link ForkableRandom}.
 * @example const next = forkableStream(42, 0, 'design-lhs'); const copy = next.fork(); next() === copy(); // true
 */
export function forkableStream(seed: number, replication: number, purpose: string): ForkableRandom {
  return forkableAlea(seedrandom.alea(`smart-settlement|${seed}|${replication}|${purpose}`, { state: true }));
}

function forkableAlea(prng: seedrandom.StatefulPRNG<seedrandom.State.Alea>): ForkableRandom {
  const next = () => prng();
  next.fork = () => forkableAlea(seedrandom.alea('', { state: prng.state() }));
  return next;
}

/** A 32-bit key for the counter-based draws of one purpose in one replication, derived with seedrandom. */
export function streamKey(seed: number, replication: number, purpose: string): number {
  return stream(seed, replication, purpose).int32() >>> 0;
}

// lowbias32 (Chris Wellons): a fast integer finaliser with good avalanche.
function mix(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h;
}

/**
 * A uniform draw in [0, 1) addressed by (key, person, year) rather than by position in a
 * sequence. Two scenarios with the same seed give the same person the same draw for the
 * same purpose and year whatever else differs (common random numbers), and the result
 * does not depend on the order people are stored in or on which worker runs them.
 */
export function counterUniform(key: number, person: number, year: number): number {
  return counterUniformAt(key, person, yearHash(year));
}

/** The year's part of counterUniform's hash: computed once a year, outside the person loops. */
export function yearHash(year: number): number {
  return mix(year + 0x9e3779b9);
}

/** counterUniform(key, person, year) with the year already hashed by yearHash(year): the same draw. */
export function counterUniformAt(key: number, person: number, hashedYear: number): number {
  return (mix(key ^ mix(person ^ hashedYear)) >>> 0) / 4294967296;
}

/** The keys of every purpose for one replication. */
export type StreamKeys = Record<Purpose, number>;

/** Derives the key of every purpose for (seed, replication). */
export function streamKeys(seed: number, replication: number): StreamKeys {
  const keys = {} as StreamKeys;
  for (const purpose of PURPOSES) keys[purpose] = streamKey(seed, replication, purpose);
  return keys;
}
