import {
  type AbcPrior,
  abcRejection,
  abcSmc,
  euclideanDistance,
  standardNormal,
  stream,
  weightedCovariance,
  weightedMean,
} from '@smart-settlement/core';
import { describe, expect, it } from 'vitest';

// Toy model with a closed-form posterior: m = 25 observations ~ N(mu, 1), summary = their
// mean, observed mean 2, prior mu ~ N(0, 5^2). Posterior: N(m xbar / (m + 1/25), 1 / (m + 1/25)).
const M = 25;
const TAU = 5;
const XBAR = 2;
const POSTERIOR_VAR = 1 / (M + 1 / TAU ** 2);
const POSTERIOR_MEAN = POSTERIOR_VAR * M * XBAR; // 1.99681
const POSTERIOR_SD = Math.sqrt(POSTERIOR_VAR); // 0.19984
// Expected rejection cost for 1000 particles within 0.02: 1000 / P(|xbar_sim - 2| <= 0.02), the
// prior predictive of xbar being N(0, 25 + 1/25); P ≈ 2 × 0.02 × its density at 2 ≈ 0.00295.
const PREDICTIVE_SD = Math.sqrt(TAU ** 2 + 1 / M);
const REJECTION_EXPECTED =
  1000 /
  ((2 * 0.02 * Math.exp(-0.5 * (XBAR / PREDICTIVE_SD) ** 2)) / (PREDICTIVE_SD * Math.sqrt(2 * Math.PI))); // ≈ 339 000

const normalPrior: AbcPrior = {
  sample: (random) => [TAU * standardNormal(random)],
  density: ([mu]) => Math.exp(-0.5 * (mu / TAU) ** 2),
};
const uniformPrior: AbcPrior = {
  sample: (random) => [-10 + 20 * random()],
  density: ([mu]) => (mu >= -10 && mu <= 10 ? 1 / 20 : 0),
};

/** The sample mean of M unit-variance normal draws, seeded by the simulation index. */
function simulator(seed: number) {
  return ([mu]: number[], index: number) => [
    mu + standardNormal(stream(seed, index, 'abc-sim')) / Math.sqrt(M),
  ];
}

function moments(particles: number[][], weights?: number[]): { mean: number; sd: number } {
  const w = weights ?? particles.map(() => 1);
  return { mean: weightedMean(particles, w)[0], sd: Math.sqrt(weightedCovariance(particles, w)[0][0]) };
}

describe('ABC on a normal mean with a closed-form posterior (posterior mean 1.9968, sd 0.1998)', () => {
  it('rejection, 1000 particles within epsilon 0.02: posterior mean within ±0.03 and sd within ±0.025 of the analytic ones (measured errors ≤ 0.012 and ≤ 0.006 over 4 seeds), using 1000 / P(accept) ≈ 339k simulations ±10%', async () => {
    const result = await abcRejection({
      prior: normalPrior,
      simulate: simulator(1),
      observed: [XBAR],
      n: 1000,
      epsilon: 0.02,
      random: stream(1, 0, 'abc'),
    });
    expect(result.particles).toHaveLength(1000);
    expect(Math.max(...result.distances)).toBeLessThanOrEqual(0.02);
    const { mean, sd } = moments(result.particles);
    expect(Math.abs(mean - POSTERIOR_MEAN)).toBeLessThan(0.03);
    expect(Math.abs(sd - POSTERIOR_SD)).toBeLessThan(0.025);
    expect(Math.abs(result.simulations / REJECTION_EXPECTED - 1)).toBeLessThan(0.1);
  });

  it('SMC, 1000 particles down to epsilon 0.02: weighted posterior mean within ±0.03 and sd within ±0.025, with fewer than half the ≈ 339k simulations rejection needs at the same epsilon (measured ≈ 75k)', async () => {
    const result = await abcSmc({
      prior: normalPrior,
      simulate: simulator(1),
      observed: [XBAR],
      populationSize: 1000,
      minEpsilon: 0.02,
      random: stream(1, 0, 'abc'),
    });
    const epsilons = result.epsilons;
    expect(epsilons[0]).toBe(Number.POSITIVE_INFINITY);
    expect(epsilons[epsilons.length - 1]).toBe(0.02);
    for (let t = 1; t < epsilons.length; t++) expect(epsilons[t]).toBeLessThan(epsilons[t - 1]);
    expect(result.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    expect(Math.max(...result.generations[result.generations.length - 1].distances)).toBeLessThanOrEqual(
      0.02,
    );
    const { mean, sd } = moments(result.particles, result.weights);
    expect(Math.abs(mean - POSTERIOR_MEAN)).toBeLessThan(0.03);
    expect(Math.abs(sd - POSTERIOR_SD)).toBeLessThan(0.025);
    expect(result.simulations).toBeLessThan(REJECTION_EXPECTED / 2);
    expect(result.simulations).toBe(result.generations.reduce((s, g) => s + g.simulations, 0));
  });

  it('SMC with a uniform prior on [-10, 10] (proposals outside are redrawn): posterior mean within ±0.03 of 2 and sd within ±0.025 of 0.2', async () => {
    const result = await abcSmc({
      prior: uniformPrior,
      simulate: simulator(2),
      observed: [XBAR],
      populationSize: 1000,
      minEpsilon: 0.02,
      random: stream(2, 0, 'abc'),
    });
    for (const [mu] of result.particles) expect(Math.abs(mu)).toBeLessThanOrEqual(10);
    const { mean, sd } = moments(result.particles, result.weights);
    expect(Math.abs(mean - XBAR)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1 / Math.sqrt(M))).toBeLessThan(0.025);
  });
});

describe('ABC mechanics', () => {
  it('rejection by quantile: keeps exactly the n closest of ceil(n / q) prior draws and reports the n-th smallest distance as epsilon', async () => {
    const total = Math.ceil(100 / 0.03);
    const result = await abcRejection({
      prior: normalPrior,
      simulate: simulator(3),
      observed: [XBAR],
      n: 100,
      quantile: 0.03,
      random: stream(3, 0, 'abc'),
    });
    expect(result.simulations).toBe(total);
    expect(result.particles).toHaveLength(100);
    // Replay the same prior draws and simulations independently.
    const random = stream(3, 0, 'abc');
    const simulate = simulator(3);
    const draws = Array.from({ length: total }, () => normalPrior.sample(random));
    const distances = draws.map((theta, index) => Math.abs(simulate(theta, index)[0] - XBAR));
    const sorted = [...distances].sort((a, b) => a - b);
    expect(result.epsilon).toBe(sorted[99]);
    expect(sorted[100]).toBeGreaterThan(result.epsilon);
    for (const theta of result.particles) {
      expect(distances[draws.findIndex((d) => d[0] === theta[0])]).toBeLessThanOrEqual(result.epsilon);
    }
  });

  it('SMC is deterministic and independent of how the model is called: sync simulate, async simulate and simulateBatch give identical results for one seed', async () => {
    const base = {
      prior: normalPrior,
      observed: [XBAR],
      populationSize: 200,
      generations: 4,
    };
    const simulate = simulator(4);
    const sync = await abcSmc({ ...base, simulate, random: stream(4, 0, 'abc') });
    const again = await abcSmc({ ...base, simulate, random: stream(4, 0, 'abc') });
    const asynchronous = await abcSmc({
      ...base,
      simulate: async (theta, index) => simulate(theta, index),
      random: stream(4, 0, 'abc'),
    });
    const batched = await abcSmc({
      ...base,
      simulateBatch: async (thetas, first) => thetas.map((theta, k) => simulate(theta, first + k)),
      random: stream(4, 0, 'abc'),
    });
    expect(again).toEqual(sync);
    expect(asynchronous).toEqual(sync);
    expect(batched).toEqual(sync);
    expect(sync.generations).toHaveLength(4);
    const other = await abcSmc({ ...base, simulate, random: stream(5, 0, 'abc') });
    expect(other.particles).not.toEqual(sync.particles);
  });

  it('SMC follows an explicit epsilon schedule and stops at maxSimulations with the last complete generation', async () => {
    const scheduled = await abcSmc({
      prior: normalPrior,
      simulate: simulator(6),
      observed: [XBAR],
      populationSize: 100,
      epsilons: [Number.POSITIVE_INFINITY, 1, 0.3],
      random: stream(6, 0, 'abc'),
    });
    expect(scheduled.epsilons).toEqual([Number.POSITIVE_INFINITY, 1, 0.3]);
    expect(Math.max(...scheduled.generations[2].distances)).toBeLessThanOrEqual(0.3);
    expect(scheduled.budgetExhausted).toBe(false);

    const limited = await abcSmc({
      prior: normalPrior,
      simulate: simulator(6),
      observed: [XBAR],
      populationSize: 100,
      minEpsilon: 0.001,
      maxSimulations: 2000,
      random: stream(6, 0, 'abc'),
    });
    expect(limited.budgetExhausted).toBe(true);
    expect(limited.simulations).toBeLessThanOrEqual(2000);
    expect(limited.particles).toHaveLength(100);
  });

  it('euclideanDistance is the 2-norm of the difference', () => {
    expect(euclideanDistance([0, 3], [4, 0])).toBe(5);
  });
});
