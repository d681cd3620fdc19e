import { cholesky, quantile, standardNormal, weightedCovariance } from './statistics.js';

/**
 * Distance between simulated and observed summary statistics; smaller is closer.
 * Non-finite distances (e.g. a failed run) are never accepted.
 */
export type AbcDistance = (simulated: readonly number[], observed: readonly number[]) => number;

/**
 * Euclidean distance between two summary vectors (the default {@link AbcDistance}).
 * @example euclideanDistance([0, 3], [4, 0]); // 5
 */
export function euclideanDistance(simulated: readonly number[], observed: readonly number[]): number {
  if (simulated.length !== observed.length) return Number.NaN;
  let sum = 0;
  for (let k = 0; k < observed.length; k++) sum += (simulated[k] - observed[k]) ** 2;
  return Math.sqrt(sum);
}

/** A prior over parameter vectors. */
export interface AbcPrior {
  /** One draw from the prior, using only the injected uniform source. */
  sample(random: () => number): number[];
  /** Prior density at `theta` (normalising constant optional), 0 outside the support. Needed by {@link abcSmc}. */
  density?(theta: readonly number[]): number;
}

/**
 * How ABC runs the model: give `simulate` (one parameter vector at a time, synchronous or
 * returning a promise; the calls of a batch are started together so that promises can run
 * concurrently) or `simulateBatch` (a whole batch, e.g. on workers). `index` is the
 * 0-based number of the simulation in the whole run (the first of the batch for
 * `simulateBatch`): derive the model's seed from it, e.g. `stream(seed, index, 'abc')`,
 * and results do not depend on batching or on which worker runs what.
 */
export interface AbcSimulator {
  /** Summary statistics of one model run at `theta`. */
  simulate?: (theta: number[], index: number) => number[] | Promise<number[]>;
  /** Summary statistics of one model run per parameter vector, in order. */
  simulateBatch?: (thetas: number[][], firstIndex: number) => number[][] | Promise<number[][]>;
}

/** Runs one batch of simulations through whichever of `simulate`/`simulateBatch` is given. */
async function runBatch(
  simulator: AbcSimulator,
  thetas: number[][],
  firstIndex: number,
): Promise<number[][]> {
  if (simulator.simulateBatch) {
    const results = await simulator.simulateBatch(thetas, firstIndex);
    if (results.length !== thetas.length) {
      throw new Error(
        `simulateBatch returned ${results.length} results for ${thetas.length} parameter vectors`,
      );
    }
    return results;
  }
  const { simulate } = simulator;
  if (!simulate) throw new Error('ABC needs simulate or simulateBatch');
  return Promise.all(thetas.map((theta, k) => simulate(theta, firstIndex + k)));
}

/**
 * Keeps the draws of a batch, in order, whose summaries lie within `epsilon` of the observed
 * ones, with their distances, until `n` particles are kept.
 */
function acceptWithin(
  batch: readonly number[][],
  summaries: readonly (readonly number[])[],
  rule: { observed: readonly number[]; distance: AbcDistance; epsilon: number; n: number },
  particles: number[][],
  distances: number[],
): void {
  for (let k = 0; k < batch.length && particles.length < rule.n; k++) {
    const dist = rule.distance(summaries[k], rule.observed);
    if (dist <= rule.epsilon) {
      particles.push(batch[k]);
      distances.push(dist);
    }
  }
}

/** Options of {@link abcRejection}. */
export interface AbcRejectionOptions extends AbcSimulator {
  prior: AbcPrior;
  /** Observed summary statistics. */
  observed: readonly number[];
  /** Default {@link euclideanDistance}. */
  distance?: AbcDistance;
  /** Uniform [0, 1) source for the prior draws. */
  random: () => number;
  /** Number of particles (accepted parameter vectors) wanted. */
  n: number;
  /** Keep the fraction `quantile` of ceil(n / quantile) prior draws closest to the data. */
  quantile?: number;
  /** Or: accept draws within `epsilon` of the data until there are n. */
  epsilon?: number;
  /** Simulations per batch (default: all at once with `quantile`, the number still wanted with `epsilon`). */
  batchSize?: number;
  /** With `epsilon`, stop after this many simulations even with fewer than n particles (default unlimited). */
  maxSimulations?: number;
}

/** Posterior sample of {@link abcRejection}. */
export interface AbcRejectionResult {
  /** Accepted parameter vectors (equally weighted). */
  particles: number[][];
  /** Their distances to the observed data. */
  distances: number[];
  /** The tolerance: the given `epsilon`, or the largest accepted distance with `quantile`. */
  epsilon: number;
  /** Model runs used. */
  simulations: number;
  /** particles / simulations. */
  acceptanceRate: number;
}

/**
 * Rejection ABC (Pritchard et al. 1999): draw parameters from the prior, simulate, keep the
 * draws whose simulated summaries fall close to the observed ones: either the `quantile`
 * closest of ceil(n / quantile) draws, or the first `n` within `epsilon`.
 * @example
 * const post = await abcRejection({
 *   prior: { sample: (rnd) => [4 * rnd() - 2] },
 *   simulate: ([mu], i) => [mu + standardNormal(stream(1, i, 'sim'))],
 *   observed: [0.5], n: 500, quantile: 0.05, random: stream(1, 0, 'abc'),
 * });
 */
export async function abcRejection(options: AbcRejectionOptions): Promise<AbcRejectionResult> {
  const { prior, observed, random, n } = options;
  const distance = options.distance ?? euclideanDistance;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  if ((options.quantile === undefined) === (options.epsilon === undefined)) {
    throw new RangeError('give exactly one of quantile and epsilon');
  }
  if (options.quantile !== undefined) {
    const q = options.quantile;
    if (!(q > 0 && q <= 1)) throw new RangeError(`quantile must be in (0, 1], got ${q}`);
    const total = Math.ceil(n / q);
    const batchSize = options.batchSize ?? total;
    const thetas: number[][] = [];
    const distances: number[] = [];
    while (thetas.length < total) {
      const batch = Array.from({ length: Math.min(batchSize, total - thetas.length) }, () =>
        prior.sample(random),
      );
      const summaries = await runBatch(options, batch, thetas.length);
      for (let k = 0; k < batch.length; k++) {
        thetas.push(batch[k]);
        distances.push(distance(summaries[k], observed));
      }
    }
    const order = distances
      .map((dist, k) => ({ dist: Number.isFinite(dist) ? dist : Number.POSITIVE_INFINITY, k }))
      .sort((a, b) => a.dist - b.dist || a.k - b.k)
      .slice(0, n)
      .filter((entry) => Number.isFinite(entry.dist));
    return {
      particles: order.map((entry) => thetas[entry.k]),
      distances: order.map((entry) => entry.dist),
      epsilon: order.length > 0 ? order[order.length - 1].dist : Number.NaN,
      simulations: total,
      acceptanceRate: order.length / total,
    };
  }
  const epsilon = options.epsilon as number;
  const maxSimulations = options.maxSimulations ?? Number.POSITIVE_INFINITY;
  const particles: number[][] = [];
  const distances: number[] = [];
  let simulations = 0;
  while (particles.length < n && simulations < maxSimulations) {
    const size = Math.min(options.batchSize ?? n - particles.length, maxSimulations - simulations);
    const batch = Array.from({ length: size }, () => prior.sample(random));
    const summaries = await runBatch(options, batch, simulations);
    simulations += size;
    acceptWithin(batch, summaries, { observed, distance, epsilon, n }, particles, distances);
  }
  return { particles, distances, epsilon, simulations, acceptanceRate: particles.length / simulations };
}

/** Options of {@link abcSmc}. */
export interface AbcSmcOptions extends AbcSimulator {
  /** The prior; `density` is required. */
  prior: AbcPrior;
  /** Observed summary statistics. */
  observed: readonly number[];
  /** Default {@link euclideanDistance}. */
  distance?: AbcDistance;
  /** Uniform [0, 1) source for prior draws, particle choice and perturbation. */
  random: () => number;
  /** Particles per generation. */
  populationSize: number;
  /** Explicit tolerance schedule, one per generation (overrides the adaptive one). */
  epsilons?: readonly number[];
  /** Adaptive schedule: number of generations (default 10 unless `minEpsilon` is given). */
  generations?: number;
  /** Adaptive schedule: each tolerance is this quantile of the previous generation's distances (default 0.5). */
  quantile?: number;
  /** Adaptive schedule: tolerance of the first generation, sampled from the prior (default Infinity). */
  initialEpsilon?: number;
  /** Adaptive schedule: never go below this tolerance, and stop after the generation that reaches it. */
  minEpsilon?: number;
  /** Stop when a generation would need more simulations in total than this (the last complete generation is returned). */
  maxSimulations?: number;
  /** Simulations per batch (default: the number of particles still wanted in the generation). */
  batchSize?: number;
}

/** One generation of {@link abcSmc}. */
export interface AbcGeneration {
  /** Tolerance of the generation. */
  epsilon: number;
  /** Accepted parameter vectors. */
  particles: number[][];
  /** Normalised importance weights. */
  weights: number[];
  /** Distances of the particles to the observed data. */
  distances: number[];
  /** Model runs used by this generation. */
  simulations: number;
  /** particles / simulations. */
  acceptanceRate: number;
  /** Effective sample size 1 / Σ w². */
  effectiveSampleSize: number;
}

/** Result of {@link abcSmc}: the last generation's weighted particles approximate the posterior. */
export interface AbcSmcResult {
  /** Final particles. */
  particles: number[][];
  /** Their normalised weights. */
  weights: number[];
  /** Tolerance per generation. */
  epsilons: number[];
  /** Model runs in all generations. */
  simulations: number;
  /** Every generation, first to last. */
  generations: AbcGeneration[];
  /** True if `maxSimulations` cut the run short. */
  budgetExhausted: boolean;
}

/** Index drawn with probability proportional to `cumulative` increments. */
function drawIndex(cumulative: Float64Array, random: () => number): number {
  const target = random() * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Solves L y = x for lower-triangular L and returns |y|². */
function mahalanobis(l: number[][], x: readonly number[]): number {
  const y = new Array<number>(x.length);
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    let s = x[i];
    for (let k = 0; k < i; k++) s -= l[i][k] * y[k];
    y[i] = s / l[i][i];
    sum += y[i] * y[i];
  }
  return sum;
}

/**
 * ABC sequential Monte Carlo / population Monte Carlo (Toni et al. 2009; Beaver et al. 2009):
 * the first generation samples the prior; each later one resamples the previous weighted
 * particles, perturbs them with a Gaussian kernel whose covariance is twice the weighted
 * empirical covariance of the previous generation, keeps proposals within the generation's
 * tolerance, and weights particle θ by π(θ) / Σ_j w_j K(θ | θ_j). Proposals outside the
 * prior's support are redrawn without simulating. Tolerances follow `epsilons`, or
 * adaptively the `quantile` of the previous generation's distances.
 * @example
 * const post = await abcSmc({
 *   prior: { sample: (rnd) => [4 * rnd() - 2], density: ([mu]) => (Math.abs(mu) <= 2 ? 0.25 : 0) },
 *   simulate: ([mu], i) => [mu + standardNormal(stream(1, i, 'sim'))],
 *   observed: [0.5], populationSize: 500, generations: 6, random: stream(1, 0, 'abc'),
 * });
 */
export async function abcSmc(options: AbcSmcOptions): Promise<AbcSmcResult> {
  const { prior, observed, random, populationSize } = options;
  const density = prior.density?.bind(prior);
  if (!density) throw new Error('abcSmc needs prior.density');
  const distance = options.distance ?? euclideanDistance;
  if (!Number.isInteger(populationSize) || populationSize < 2) {
    throw new RangeError(`populationSize must be an integer >= 2, got ${populationSize}`);
  }
  const q = options.quantile ?? 0.5;
  if (!(q > 0 && q <= 1)) throw new RangeError(`quantile must be in (0, 1], got ${q}`);
  const schedule = options.epsilons;
  const generationCount =
    schedule?.length ??
    options.generations ??
    (options.minEpsilon !== undefined ? Number.POSITIVE_INFINITY : 10);
  const maxSimulations = options.maxSimulations ?? Number.POSITIVE_INFINITY;

  const generations: AbcGeneration[] = [];
  let simulations = 0;
  let budgetExhausted = false;
  for (let t = 0; t < generationCount; t++) {
    const previous = generations[generations.length - 1];
    let epsilon: number;
    if (schedule) epsilon = schedule[t];
    else if (!previous) epsilon = options.initialEpsilon ?? Number.POSITIVE_INFINITY;
    else epsilon = Math.max(quantile(previous.distances, q), options.minEpsilon ?? Number.NEGATIVE_INFINITY);

    // Proposal kernel from the previous generation.
    let propose: () => number[];
    let kernelFactor: number[][] = [];
    let cumulative = new Float64Array(0);
    if (!previous) {
      propose = () => prior.sample(random);
    } else {
      const dims = previous.particles[0].length;
      const cov = weightedCovariance(previous.particles, previous.weights).map((row) =>
        row.map((c) => 2 * c),
      );
      // A tiny ridge keeps the kernel non-degenerate if a coordinate has collapsed.
      const scale = cov.reduce((s, row, i) => s + Math.abs(row[i]), 0) / dims || 1;
      for (let i = 0; i < dims; i++) cov[i][i] += 1e-12 * scale;
      kernelFactor = cholesky(cov);
      cumulative = new Float64Array(previous.weights.length);
      let total = 0;
      previous.weights.forEach((w, j) => {
        total += w;
        cumulative[j] = total;
      });
      propose = () => {
        for (let attempt = 0; attempt < 1_000_000; attempt++) {
          const parent = previous.particles[drawIndex(cumulative, random)];
          const z = Array.from({ length: dims }, () => standardNormal(random));
          const theta = parent.map((p, i) => {
            let s = p;
            for (let k = 0; k <= i; k++) s += kernelFactor[i][k] * z[k];
            return s;
          });
          if (density(theta) > 0) return theta;
        }
        throw new Error('abcSmc: a million perturbed particles in a row fell outside the prior support');
      };
    }

    const particles: number[][] = [];
    const distances: number[] = [];
    let used = 0;
    while (particles.length < populationSize) {
      const wanted = populationSize - particles.length;
      const size = Math.min(options.batchSize ?? wanted, maxSimulations - simulations - used);
      if (size <= 0) {
        budgetExhausted = true;
        break;
      }
      const batch = Array.from({ length: size }, propose);
      const summaries = await runBatch(options, batch, simulations + used);
      used += size;
      acceptWithin(
        batch,
        summaries,
        { observed, distance, epsilon, n: populationSize },
        particles,
        distances,
      );
    }
    simulations += used;
    if (budgetExhausted) {
      if (!previous)
        throw new Error(`abcSmc: maxSimulations (${maxSimulations}) reached in the first generation`);
      break;
    }

    let weights: number[];
    if (!previous) {
      weights = particles.map(() => 1 / populationSize);
    } else {
      const raw = particles.map((theta) => {
        let mixture = 0;
        previous.particles.forEach((parent, j) => {
          const diff = theta.map((x, i) => x - parent[i]);
          mixture += previous.weights[j] * Math.exp(-0.5 * mahalanobis(kernelFactor, diff));
        });
        return density(theta) / mixture;
      });
      const total = raw.reduce((s, w) => s + w, 0);
      weights = raw.map((w) => w / total);
    }
    const effectiveSampleSize = 1 / weights.reduce((s, w) => s + w * w, 0);
    generations.push({
      epsilon,
      particles,
      weights,
      distances,
      simulations: used,
      acceptanceRate: particles.length / used,
      effectiveSampleSize,
    });
    if (!schedule && options.minEpsilon !== undefined && epsilon <= options.minEpsilon) break;
  }
  const last = generations[generations.length - 1];
  return {
    particles: last.particles,
    weights: last.weights,
    epsilons: generations.map((g) => g.epsilon),
    simulations,
    generations,
    budgetExhausted,
  };
}
