import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { RunOutput, RunSpec } from '../run-spec.js';

/** Options of a RunPool. */
export interface RunPoolOptions {
  /** Worker threads, default: the machine's cores (`os.availableParallelism()`). */
  workers?: number;
}

/** The number of workers used when none is given: one per core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

// The compiled worker sits next to the compiled pool. Under a TypeScript loader (vitest, tsx)
// this module is src/pool/run-pool.ts, and worker threads do not inherit the loader, so the
// pool still loads the built file: run `npm run build` first.
const WORKER = new URL(
  import.meta.url.endsWith('.ts') ? '../../dist/pool/worker.js' : './worker.js',
  import.meta.url,
);

/**
 * A pool of worker threads (piscina) that each run one RunSpec at a time. A run's result
 * depends only on its spec (scenario, seed, replication), never on which thread ran it.
 * @example
 * const pool = new RunPool({ workers: 2 });
 * try {
 *   const output = await pool.run({ scenario, seed: 1, replication: 0 });
 * } finally {
 *   await pool.destroy();
 * }
 */
export class RunPool {
  /** Threads in the pool. */
  readonly workers: number;
  private readonly piscina: Piscina;

  constructor(options: RunPoolOptions = {}) {
    const workers = options.workers ?? defaultWorkers();
    if (!Number.isInteger(workers) || workers < 1)
      throw new RangeError(`RunPool: workers must be an integer of 1 or more, got ${workers}`);
    this.workers = workers;
    this.piscina = new Piscina({
      filename: WORKER.href,
      minThreads: workers,
      maxThreads: workers,
      // Runs are long and memory-heavy: no queue of idle threads, no per-task timeout.
      idleTimeout: Number.POSITIVE_INFINITY,
    });
  }

  /** Runs one spec on a free thread. */
  run(spec: RunSpec): Promise<RunOutput> {
    return this.piscina.run(spec) as Promise<RunOutput>;
  }

  /** Stops every thread. Pending runs are rejected. */
  async destroy(): Promise<void> {
    await this.piscina.destroy();
  }
}
