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

  /** Runs every spec and yields the outputs in the order of `specs` (see orderedRuns). */
  runAll(specs: readonly RunSpec[], options: OrderedRunsOptions = {}): AsyncGenerator<RunOutput> {
    return orderedRuns(specs, (spec) => this.run(spec), { window: this.workers * 2, ...options });
  }

  /** Stops every thread. Pending runs are rejected. */
  async destroy(): Promise<void> {
    await this.piscina.destroy();
  }
}

/** Options of orderedRuns. */
export interface OrderedRunsOptions {
  /** Runs started but not yet handed on, at most (bounds memory); default 2. */
  window?: number;
  /** Called as each run finishes, in completion order, with (done, total). */
  onRun?: (done: number, total: number) => void;
}

/**
 * Runs specs with at most `window` in flight and yields their outputs in the order of
 * `specs`, whatever order they finish in: results gathered this way are identical for any
 * number of workers, and at most `window` outputs are held at once.
 */
export async function* orderedRuns(
  specs: readonly RunSpec[],
  run: (spec: RunSpec) => Promise<RunOutput>,
  options: OrderedRunsOptions = {},
): AsyncGenerator<RunOutput> {
  const window = Math.max(1, options.window ?? 2);
  const pending: Promise<RunOutput>[] = [];
  let started = 0;
  let done = 0;
  const start = () => {
    const spec = specs[started++];
    const promise = run(spec).then((output) => {
      done += 1;
      options.onRun?.(done, specs.length);
      return output;
    });
    // A failure is reported when its turn comes; until then, do not let it go unhandled.
    promise.catch(() => {});
    pending.push(promise);
  };
  while (started < specs.length && pending.length < window) start();
  while (pending.length > 0) {
    const output = await pending.shift()!;
    if (started < specs.length) start();
    yield output;
  }
}
