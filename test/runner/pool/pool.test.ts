// The worker pool runs the compiled worker (packages/runner/dist/pool/worker.js): run `npm run build` first.

import { runEnsemble } from '@smart-settlement/core';
import { executeRun, poolWorkers, RunPool, type RunSpec } from '@smart-settlement/runner';
import { namedScenario, resolveScenario, type Scenario } from '@smart-settlement/scenarios';
import { afterAll, describe, expect, it } from 'vitest';

/** A small, fast version of a library scenario. */
function small(name: string): Scenario {
  return { ...namedScenario(name)!, years: 8, agentScale: 400 };
}

describe('RunPool', () => {
  const pool = new RunPool({ workers: 2 });
  afterAll(() => pool.destroy());

  it('returns from a worker thread exactly what executeRun returns in this thread', async () => {
    const spec: RunSpec = { scenario: small('engagement'), seed: 7, replication: 3 };
    expect(await pool.run(spec)).toEqual(executeRun(spec));
  });

  it('gives each replication its own draws (different replications differ, same spec repeats)', async () => {
    const a = await pool.run({ scenario: small('baseline'), seed: 1, replication: 0 });
    const again = await pool.run({ scenario: small('baseline'), seed: 1, replication: 0 });
    const b = await pool.run({ scenario: small('baseline'), seed: 1, replication: 1 });
    expect(again).toEqual(a);
    expect(b.places).not.toEqual(a.places);
  });

  it('rejects a run whose scenario is invalid, naming the field, and keeps working', async () => {
    const bad = { ...small('baseline'), years: -3 };
    await expect(pool.run({ scenario: bad, seed: 1, replication: 0 })).rejects.toThrow(/years/);
    const ok = await pool.run({ scenario: small('baseline'), seed: 1, replication: 0 });
    expect(ok.finalAgents).toBeGreaterThan(0);
  });

  it('refuses a worker count that is not a positive integer', () => {
    expect(() => new RunPool({ workers: 0 })).toThrow(/workers/);
    expect(() => new RunPool({ workers: 1.5 })).toThrow(/workers/);
  });
});

describe('runEnsemble on poolWorkers', () => {
  const scenarios = [small('baseline'), small('dispersion')];
  const configs = scenarios.map((s) => resolveScenario(s).config);
  const options = { replications: 3, seed: 11 };

  it('returns the same EnsembleResult as in this thread for 1 and 2 worker threads, measures computed once in the workers', async () => {
    const inThread = await runEnsemble(configs, options);
    const done: number[] = [];
    const results = [];
    for (const workers of [1, 2]) {
      const pool = new RunPool({ workers });
      try {
        const onRun = workers === 2 ? (d: number) => done.push(d) : undefined;
        results.push(
          await runEnsemble(configs, { ...options, workers: poolWorkers(pool, scenarios), onRun }),
        );
      } finally {
        await pool.destroy();
      }
    }
    for (const result of results) expect(JSON.stringify(result)).toBe(JSON.stringify(inThread));
    expect(done).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('refuses scenarios that are not those of the configurations, in order', async () => {
    const pool = new RunPool({ workers: 1 });
    try {
      const swapped = poolWorkers(pool, [...scenarios].reverse());
      await expect(runEnsemble(configs, { ...options, workers: swapped })).rejects.toThrow(/dispersion/);
    } finally {
      await pool.destroy();
    }
  });
});
