// One ensemble for every caller: core's runEnsemble with its default workers (this thread),
// with other workers (any order of completion, any concurrency), with a sink, and replication
// by replication; and orderedRuns, which gathers runs in task order.

import {
  type EnsembleRun,
  type EnsembleTask,
  type EnsembleWorkers,
  IN_THIS_THREAD,
  orderedRuns,
  runEnsemble,
} from '@smart-settlement/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configOf, smallScenario } from '../helpers/scenarios.js';

const configs = [
  configOf(smallScenario({ name: 'reference', years: 6 })),
  configOf(smallScenario({ name: 'welcome', years: 6, policies: [{ type: 'welcome' }] })),
];
const options = { replications: 3, seed: 5 };

/** Workers that finish runs in an order of their own (delays by task), at most `concurrency` at once. */
function shuffledWorkers(delays: number[], concurrency: number) {
  let inFlight = 0;
  let most = 0;
  const workers: EnsembleWorkers<EnsembleRun> = {
    concurrency,
    async run(task: EnsembleTask) {
      inFlight += 1;
      most = Math.max(most, inFlight);
      const run = IN_THIS_THREAD.run(task);
      await new Promise((r) => setTimeout(r, delays[task.index % delays.length]));
      inFlight -= 1;
      return run;
    },
  };
  return { workers, most: () => most };
}

describe('runEnsemble', () => {
  it('gives the same result, byte for byte, whatever order and concurrency the workers run in', async () => {
    const inThread = JSON.stringify(await runEnsemble(configs, options));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(4), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 4 }),
        async (delays, concurrency) => {
          const { workers, most } = shuffledWorkers(delays, concurrency);
          expect(JSON.stringify(await runEnsemble(configs, { ...options, workers }))).toBe(inThread);
          expect(most()).toBeLessThanOrEqual(concurrency);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('hands every run to the sink in task order and keeps none, with the same summaries', async () => {
    const kept = await runEnsemble(configs, options);
    const sunk: EnsembleRun[] = [];
    const { workers } = shuffledWorkers([3, 0, 1], 3);
    const streamed = await runEnsemble(configs, { ...options, workers, sink: (run) => void sunk.push(run) });
    expect(sunk.map((r) => `${r.key.scenario}|${r.key.replication}`)).toEqual([
      'reference|0',
      'welcome|0',
      'reference|1',
      'welcome|1',
      'reference|2',
      'welcome|2',
    ]);
    expect(JSON.stringify(sunk)).toBe(JSON.stringify(kept.runs));
    expect(streamed.runs).toEqual([]);
    expect(streamed.measures).toEqual([]);
    expect(streamed.summary).toEqual(kept.summary);
    expect(streamed.paired).toEqual(kept.paired);
    expect(streamed.incremental).toEqual(kept.incremental);
  });

  it('summarises the measures the workers computed, never computing them again', async () => {
    // Workers whose runs carry a measure of their own: only the workers' measures can give it.
    const workers: EnsembleWorkers<{ measures: EnsembleRun['measures'] }> = {
      concurrency: 2,
      run: (task) => ({
        measures: [
          {
            scenario: task.config.name,
            replication: task.replication,
            seed: task.seed,
            area: 'Test',
            measure: 'income',
            value: task.replication,
          },
        ],
      }),
    };
    const result = await runEnsemble(configs, { ...options, workers });
    expect(result.summary.map((s) => [s.scenario, s.area, s.measure, s.median, s.n])).toEqual([
      ['reference', 'Test', 'income', 1, 3],
      ['welcome', 'Test', 'income', 1, 3],
    ]);
    expect(result.paired.map((s) => [s.scenario, s.median, s.lo, s.hi])).toEqual([['welcome', 0, 0, 0]]);
  });

  it('reports each replication as every scenario finishes it; the last report is the result', async () => {
    const reports: { done: number; n: number }[] = [];
    let last: unknown;
    const result = await runEnsemble(configs, {
      ...options,
      onReplication: (done, summaries) => {
        reports.push({ done, n: Math.max(...summaries.summary.map((s) => s.n)) });
        last = summaries;
      },
    });
    expect(reports).toEqual([
      { done: 1, n: 1 },
      { done: 2, n: 2 },
      { done: 3, n: 3 },
    ]);
    expect(last).toEqual({ summary: result.summary, paired: result.paired, incremental: result.incremental });
  });

  it('passes on a run that fails', async () => {
    const failing: EnsembleWorkers<EnsembleRun> = {
      concurrency: 2,
      run: (task) => {
        if (task.index === 3) throw new Error('run 3 failed');
        return IN_THIS_THREAD.run(task);
      },
    };
    await expect(runEnsemble(configs, { ...options, workers: failing })).rejects.toThrow('run 3 failed');
  });
});

describe('orderedRuns', () => {
  it('yields outputs in task order whatever order the runs finish in, with at most `window` in flight', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(5), { minLength: 0, maxLength: 12 }),
        fc.integer({ min: 1, max: 4 }),
        async (delays, window) => {
          const tasks = delays.map((_, i) => ({ replication: i }));
          let inFlight = 0;
          let most = 0;
          const run = async (task: { replication: number }) => {
            inFlight += 1;
            most = Math.max(most, inFlight);
            await new Promise((r) => setTimeout(r, delays[task.replication]));
            inFlight -= 1;
            return { replication: task.replication };
          };
          const order: number[] = [];
          for await (const out of orderedRuns(tasks, run, { window })) order.push(out.replication);
          expect(order).toEqual(delays.map((_, i) => i));
          expect(most).toBeLessThanOrEqual(window);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('passes on the failure of a run when its turn comes', async () => {
    const tasks = [0, 1, 2].map((replication) => ({ replication }));
    const run = async (task: { replication: number }) => {
      if (task.replication === 1) throw new Error('run 1 failed');
      return { replication: task.replication };
    };
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const out of orderedRuns(tasks, run)) seen.push(out.replication);
      })(),
    ).rejects.toThrow('run 1 failed');
    expect(seen).toEqual([0]);
  });
});
