import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkMemoryBudget,
  estimateJobResources,
  estimateRunResources,
  RESOURCE_FIGURES,
} from '@smart-settlement/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAST, settleInProcess, tempDir } from '../helpers/cli.js';

// Section 3 of issue 10: memory and time are estimated before running, from the bench's
// figures, and a job over the budget is refused (exit 2) naming the fields that drive it.

const HUGE = ['--set', 'intake.perYear=10000000', '--set', 'agentScale=1', '--years', '200'];

describe('estimateRunResources (core, browser-safe)', () => {
  it('people present × bytes per person: 10 million a year for 200 years at one agent per person is about 96 GB', () => {
    const r = estimateRunResources({ years: 200, agentScale: 1, intake: { perYear: 10_000_000 } });
    expect(r.peakAgents).toBe(2_000_000_000);
    expect(r.bytes).toBe(RESOURCE_FIGURES.fixedBytesPerRun + 2_000_000_000 * RESOURCE_FIGURES.bytesPerPerson);
    expect(r.bytes).toBeGreaterThan(80e9);
  });

  it('never decreases when intake or years grow or agentScale shrinks (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 1, max: 100_000, noNaN: true }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 50 }),
        (perYear, years, agentScale, morePeople, moreYears) => {
          const a = estimateRunResources({ years, agentScale, intake: { perYear } });
          const b = estimateRunResources({
            years: Math.min(200, years + moreYears),
            agentScale,
            intake: { perYear: perYear + morePeople },
          });
          const c = estimateRunResources({ years, agentScale: agentScale / 2 + 0.5, intake: { perYear } });
          expect(b.bytes).toBeGreaterThanOrEqual(a.bytes);
          expect(b.seconds).toBeGreaterThanOrEqual(a.seconds);
          expect(c.bytes).toBeGreaterThanOrEqual(a.bytes);
        },
      ),
    );
  });

  it('a job holds one run per worker at once; the budget check names the driving fields', () => {
    const config = { years: 100, agentScale: 1, intake: { perYear: 1_000_000 } };
    const one = estimateJobResources([config], { runsEach: 4, workers: 0 });
    const four = estimateJobResources([config], { runsEach: 4, workers: 4 });
    expect(four.bytes).toBe(4 * one.bytes);
    expect(checkMemoryBudget(one, one.bytes)).toBeUndefined();
    expect(checkMemoryBudget(four, one.bytes)).toMatch(
      /intake\.perYear = 1000000, agentScale = 1, years = 100.*--workers.*--max-memory/,
    );
  });
});

describe('settle refuses a job over the memory budget before running it', () => {
  it('run with intake.perYear 10,000,000, agentScale 1, years 200: exit 2 within seconds, the fields named, nothing written', async () => {
    const dir = tempDir();
    const started = Date.now();
    const r = await settleInProcess(['run', 'baseline', ...HUGE, '--out', join(dir, 'big')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/refused before running: it needs about \d+ GB of memory/);
    expect(r.stderr).toMatch(/intake\.perYear = 10000000, agentScale = 1, years = 200/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--max-memory sets the budget: a small run refused under 2 MB, run under 4G', async () => {
    const dir = tempDir();
    const args = ['run', 'baseline', ...FAST, '--workers', '0', '--quiet'];
    const small = await settleInProcess([...args, '--max-memory', '2M', '--out', join(dir, 'a')]);
    expect(small.status).toBe(2);
    expect(small.stderr).toMatch(/more than the budget of 2\.0 MB/);
    expect(readdirSync(dir)).toEqual([]);
    const ok = await settleInProcess([...args, '--max-memory', '4G', '--out', join(dir, 'b')]);
    expect(ok.status, ok.stderr).toBe(0);
  });

  it('--max-memory that is not a size: exit 2 naming the option and what is allowed', async () => {
    const dir = tempDir();
    const r = await settleInProcess(['run', 'baseline', '--max-memory', 'lots', '--out', join(dir, 'x')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--max-memory: got "lots"; allowed: bytes from 1M/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('validate applies the same budget to a scenario file', async () => {
    const dir = tempDir();
    const file = join(dir, 'huge.json');
    writeFileSync(
      file,
      JSON.stringify({ name: 'huge', years: 200, agentScale: 1, intake: { perYear: 10_000_000 } }),
    );
    const r = await settleInProcess(['validate', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/intake\.perYear = 10000000, agentScale = 1, years = 200/);
  });
});

describe('experiment designs are counted, not built, and the budget applies to them', () => {
  const experiment = (design: object, parameters = 2) =>
    JSON.stringify({
      name: 'big-design',
      scenario: 'dispersion',
      parameters: [
        { path: 'dispersion.reach', name: 'reach', min: 0.02, max: 0.3 },
        { path: 'dispersion.incentive', name: 'incentive', min: 0, max: 20000 },
        { path: 'params.utilEquity', name: 'utilEquity', min: 0, max: 3 },
        // Further behaviour parameters, each over its documented range.
        ...['utilNetwork', 'utilSize', 'utilIncome', 'utilMatch', 'utilAmenity'].map((n) => ({
          path: `params.${n}`,
        })),
      ].slice(0, parameters),
      design,
      replications: 1,
      outputs: [{ measure: 'retention5' }],
    });

  it('validate of a Latin hypercube of 10 million samples and of Morris with 100,000 trajectories: counted at once, no design in memory', async () => {
    const dir = tempDir();
    const lhs = join(dir, 'lhs.json');
    const morris = join(dir, 'morris.json');
    writeFileSync(lhs, experiment({ type: 'lhs', samples: 10_000_000 }));
    writeFileSync(morris, experiment({ type: 'morris', trajectories: 100_000 }, 3));
    const heap = process.memoryUsage().heapUsed;
    const started = Date.now();
    const a = await settleInProcess(['validate', lhs]);
    const b = await settleInProcess(['validate', morris]);
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout).toMatch(/valid experiment "big-design" \(10000000 runs\)/);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stdout).toMatch(/\(400000 runs\)/);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(200e6);
  });

  it('a design over the budget is refused naming design.samples; sweep writes nothing', async () => {
    // A sweep streams its design, but a Latin hypercube keeps its shuffled strata while its runs
    // are registered: 4 bytes a point a parameter, 320 MB for 10 million points of 8 parameters.
    const dir = tempDir();
    const lhs = join(dir, 'lhs.json');
    writeFileSync(lhs, experiment({ type: 'lhs', samples: 10_000_000 }, 8));
    const v = await settleInProcess(['validate', lhs, '--max-memory', '200M']);
    expect(v.status).toBe(2);
    expect(v.stderr).toMatch(/design has 10,000,000 points × 8 parameters.*design\.samples = 10000000/);
    const s = await settleInProcess(['sweep', lhs, '--max-memory', '200M', '--out', join(dir, 'out')]);
    expect(s.status).toBe(2);
    expect(s.stderr).toMatch(/design\.samples = 10000000/);
    expect(readdirSync(dir)).toEqual(['lhs.json']);
  });

  it('an experiment varying intake.perYear or agentScale is budgeted at the costliest end of its range', async () => {
    const dir = tempDir();
    const file = join(dir, 'intake.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'intake-sweep',
        scenario: 'baseline',
        set: ['years=200'],
        parameters: [
          { path: 'intake.perYear', min: 1000, max: 10_000_000 },
          { path: 'agentScale', min: 1, max: 100 },
        ],
        design: { type: 'lhs', samples: 10 },
        replications: 1,
        outputs: [{ measure: 'retention5' }],
      }),
    );
    const r = await settleInProcess(['validate', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/intake\.perYear = 10000000, agentScale = 1, years = 200/);
  });
});
