// The worker pool runs the compiled worker (packages/runner/dist/pool/worker.js): run `npm run build` first.

import { runEnsemble } from '@smart-settlement/core';
import {
  executeRun,
  orderedRuns,
  type RunOutput,
  RunPool,
  type RunSpec,
  runEnsembleParallel,
} from '@smart-settlement/runner';
import { namedScenario, resolveScenario, type Scenario } from '@smart-settlement/scenarios';
import fc from 'fast-check';
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

describe('runEnsembleParallel', () => {
  it('returns the same EnsembleResult as the in-process runEnsemble for 1 and 2 workers', async () => {
    const scenarios = [small('baseline'), small('dispersion')];
    const configs = scenarios.map((s) => resolveScenario(s).config);
    const options = { replications: 3, seed: 11 };
    const inProcess = runEnsemble(configs, options);
    const done: number[] = [];
    const one = await runEnsembleParallel(scenarios, { ...options, workers: 1 });
    const two = await runEnsembleParallel(scenarios, {
      ...options,
      workers: 2,
      onRun: (d) => done.push(d),
    });
    expect(JSON.stringify(one)).toBe(JSON.stringify(inProcess));
    expect(JSON.stringify(two)).toBe(JSON.stringify(inProcess));
    expect(done).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('accepts library names and rejects an unknown one', async () => {
    await expect(runEnsembleParallel(['no-such-scenario'], { replications: 1, seed: 1 })).rejects.toThrow(
      /no-such-scenario/,
    );
  });
});

describe('orderedRuns', () => {
  it('yields outputs in task order whatever order the runs finish in, with at most `window` in flight', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(5), { minLength: 0, maxLength: 12 }),
        fc.integer({ min: 1, max: 4 }),
        async (delays, window) => {
          const specs = delays.map((_, i) => ({ scenario: {} as Scenario, seed: 0, replication: i }));
          let inFlight = 0;
          let most = 0;
          const run = async (spec: RunSpec): Promise<RunOutput> => {
            inFlight += 1;
            most = Math.max(most, inFlight);
            await new Promise((r) => setTimeout(r, delays[spec.replication]));
            inFlight -= 1;
            return { replication: spec.replication } as RunOutput;
          };
          const order: number[] = [];
          for await (const out of orderedRuns(specs, run, { window })) order.push(out.replication);
          expect(order).toEqual(delays.map((_, i) => i));
          expect(most).toBeLessThanOrEqual(window);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('passes on the failure of a run when its turn comes', async () => {
    const specs = [0, 1, 2].map((replication) => ({ scenario: {} as Scenario, seed: 0, replication }));
    const run = async (spec: RunSpec): Promise<RunOutput> => {
      if (spec.replication === 1) throw new Error('run 1 failed');
      return { replication: spec.replication } as RunOutput;
    };
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const out of orderedRuns(specs, run)) seen.push(out.replication);
      })(),
    ).rejects.toThrow('run 1 failed');
    expect(seen).toEqual([0]);
  });
});
