import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  analyseSensitivity,
  calibrate,
  ExperimentPlan,
  executeRun,
  inProcessExecutor,
  ResultsStore,
  type RunExecutor,
  runSweep,
  storeOptions,
} from '@smart-settlement/runner';
import { resolveScenario } from '@smart-settlement/scenarios';
import { beforeAll, describe, expect, it } from 'vitest';

const tempDir = () => mkdtempSync(join(tmpdir(), 'settle-sweep-'));

/** Small and fast: 6 years, one agent per 200 people. */
const SMALL = ['years=6', 'agentScale=400'];

const sobolExperiment = {
  name: 'small-sobol',
  scenario: 'dispersion',
  set: SMALL,
  parameters: [
    { path: 'dispersion.incentive', name: 'incentive', min: 0, max: 30000 },
    { path: 'dispersion.reach', name: 'reach', min: 0.02, max: 0.3 },
  ],
  design: { type: 'sobol', samples: 8 },
  replications: 1,
  outputs: [{ measure: 'retention5' }, { measure: 'costPerRetained5' }],
};

/** Runs in process but finishes runs out of order (random delays), as a pool of several workers would. */
function shuffledExecutor(workers: number, seed: number): RunExecutor {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return {
    workers,
    run: async (spec) => {
      await new Promise((r) => setTimeout(r, Math.floor(next() * 5)));
      return executeRun(spec);
    },
  };
}

/** Every measure row of a store, in a fixed order. */
async function measuresOf(path: string) {
  const store = await ResultsStore.openExisting(path);
  try {
    return await store.query(
      'SELECT run_id, area, measure, value FROM measures ORDER BY run_id, area, measure',
    );
  } finally {
    store.close();
  }
}

async function sweepTo(dir: string, executor: RunExecutor, signal?: AbortSignal) {
  const plan = ExperimentPlan.create(sobolExperiment);
  const store = await ResultsStore.open(join(dir, 'results.duckdb'), storeOptions(plan));
  try {
    return await runSweep(plan, store, executor, { signal, flushRuns: 4 });
  } finally {
    store.close();
  }
}

describe('sweeps', () => {
  // One uninterrupted sweep in process, the reference of every test below.
  const whole = tempDir();
  beforeAll(async () => {
    const summary = await sweepTo(whole, inProcessExecutor());
    expect(summary).toMatchObject({ total: 32, recorded: 32, alreadyDone: 0, failed: 0, stopped: false });
  });

  it('give the same stored numbers in process and with runs finishing out of order on several workers', async () => {
    const b = tempDir();
    await sweepTo(b, shuffledExecutor(4, 7));
    expect(await measuresOf(join(b, 'results.duckdb'))).toEqual(
      await measuresOf(join(whole, 'results.duckdb')),
    );
  });

  it('stopped part way, then run again, end with every run once and the numbers of an uninterrupted sweep', async () => {
    const dir = tempDir();
    const controller = new AbortController();
    const executor = inProcessExecutor();
    let started = 0;
    const stopping: RunExecutor = {
      workers: 1,
      run: (spec) => {
        if (++started === 10) controller.abort();
        return executor.run(spec);
      },
    };
    const stopped = await sweepTo(dir, stopping, controller.signal);
    expect(stopped.stopped).toBe(true);
    expect(stopped.recorded).toBe(10);
    const resumed = await sweepTo(dir, inProcessExecutor());
    expect(resumed).toMatchObject({ alreadyDone: 10, recorded: 22, stopped: false });
    expect(await measuresOf(join(dir, 'results.duckdb'))).toEqual(
      await measuresOf(join(whole, 'results.duckdb')),
    );
  });

  it('Sobol indices: the incentive changes who accepts the offer, so it explains some of retention as well as of the cost per person retained', async () => {
    const plan = ExperimentPlan.create(sobolExperiment);
    const store = await ResultsStore.open(join(whole, 'results.duckdb'), storeOptions(plan));
    try {
      const result = await analyseSensitivity(plan, store);
      if (result.method !== 'sobol') throw new Error('expected Sobol indices');
      const rows = result.rows;
      const row = (output: string, parameter: string) =>
        rows.find((r) => r.output === output && r.parameter === parameter)!;
      // The incentive now changes who accepts the offer (uptake is an outcome), so it moves
      // people as well as money; the reach of the offer moves people too.
      expect(row('retention5', 'incentive').ST).toBeGreaterThan(0);
      expect(row('retention5', 'reach').ST).toBeGreaterThan(0);
      expect(row('costPerRetained5', 'incentive').ST).toBeGreaterThan(0.05);
    } finally {
      store.close();
    }
  });
});

describe('calibration', () => {
  const experiment = {
    name: 'small-calibration',
    scenario: 'baseline',
    set: SMALL,
    parameters: [
      { path: 'params.moveConstant', name: 'moveConstant', min: 3, max: 5.5 },
      { path: 'params.exitConstant', name: 'exitConstant', min: 3, max: 5.5 },
    ],
    calibration: {
      targets: 'retention-targets',
      rejection: { samples: 6, quantile: 0.3 },
      smc: { populationSize: 6, generations: 2 },
      predictive: 6,
    },
  };

  it('writes a posterior inside the prior, a predictive check per target and a scenario that runs; a rerun reuses every run', async () => {
    const plan = ExperimentPlan.create(experiment);
    const path = join(tempDir(), 'results.duckdb');
    const first = await (async () => {
      const store = await ResultsStore.open(path, storeOptions(plan));
      try {
        const result = await calibrate(plan, store, inProcessExecutor());
        return { result, runs: (await store.counts()).done };
      } finally {
        store.close();
      }
    })();
    const { result } = first;
    for (const [i, range] of plan.design.ranges.entries()) {
      expect(result.smc.particles.every((p) => p[i] >= range.min && p[i] <= range.max)).toBe(true);
    }
    expect(result.smc.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 10);
    // Tolerances shrink from the rejection's.
    const eps = result.smc.generations.map((g) => g.epsilon);
    expect(eps[0]).toBe(result.rejection.epsilon);
    expect(eps[1]).toBeLessThanOrEqual(eps[0]);
    expect(result.predictive.map((p) => p.target)).toEqual(result.targets.map((t) => t.id));
    expect(result.predictive.every((p) => p.lo <= p.median && p.median <= p.hi)).toBe(true);
    const { config } = resolveScenario(result.calibratedScenario);
    expect(config.params.moveConstant).toBe(result.calibrated.moveConstant);

    const store = await ResultsStore.open(path, storeOptions(plan));
    try {
      let ran = 0;
      const counting: RunExecutor = {
        workers: 1,
        run: (spec) => {
          ran += 1;
          return inProcessExecutor().run(spec);
        },
      };
      const again = await calibrate(plan, store, counting);
      expect(ran).toBe(0);
      expect(again.smc.particles).toEqual(result.smc.particles);
      expect((await store.counts()).done).toBe(first.runs);
    } finally {
      store.close();
    }
  });
});
