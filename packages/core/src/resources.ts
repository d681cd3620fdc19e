import type { ModelConfig } from './model-config.js';

/**
 * The benchmark's figures the resource estimate rests on (docs/PERFORMANCE.md, `npm run bench`,
 * measured on 2026-11-25, full default model, one agent per person):
 * - peak resident memory added by a run: 43.0 bytes per person present (large, 10.3 million
 *   people) to 48.4 (medium, 1 million); 48 is used, the upper of the two;
 * - fixed memory of a run (places' tables, observers, the engine's warm-up): about 11 MB
 *   (small size: 1,151 bytes per person × 9,873 people); 16 MiB is used;
 * - speed: 8.87 to 10.31 million person-years per second on one thread; 8 million is used
 *   (the project's target, below every measurement), so the time is an upper estimate.
 */
export const RESOURCE_FIGURES = {
  bytesPerPerson: 48,
  fixedBytesPerRun: 16 * 1024 * 1024,
  personYearsPerSecond: 8_000_000,
} as const;

/** The scenario fields that drive a run's memory and time, as named in scenario files. */
export const RESOURCE_FIELDS = ['intake.perYear', 'agentScale', 'years'] as const;

/** What one run needs, estimated before it runs. */
export interface RunResources {
  /** Agents arriving each year: intake.perYear / agentScale, rounded as the engine does. */
  agentsPerYear: number;
  /** The most agents present at once: every arrival still in the region at the end (an upper bound). */
  peakAgents: number;
  /** Agents present summed over the years, if nobody leaves the region (an upper bound). */
  agentYears: number;
  /** Peak resident memory of the run, bytes. */
  bytes: number;
  /** Seconds of one thread. */
  seconds: number;
  /** The driving fields and their values, e.g. { 'intake.perYear': 10000000, agentScale: 1, years: 200 }. */
  drivers: Record<(typeof RESOURCE_FIELDS)[number], number>;
}

/**
 * Estimates the memory and time of one run of a configuration, before running it, from the
 * benchmark's figures ({@link RESOURCE_FIGURES}): people present × bytes per person plus a
 * fixed part, and person-years ÷ person-years per second. Both are upper estimates (nobody is
 * assumed to leave the region; in the default model about 95 % stay). Pure arithmetic, safe
 * in the browser and in any worker: the command line, the cluster's workers and the library
 * apply the same estimate with {@link checkMemoryBudget}.
 * @example
 * const r = estimateRunResources({ years: 200, agentScale: 1, intake: { perYear: 10_000_000 } });
 * r.bytes; // about 9.6e10 (96 GB): 2 billion agents × 48 bytes
 */
export function estimateRunResources(
  config: Pick<ModelConfig, 'years' | 'agentScale'> & { intake: Pick<ModelConfig['intake'], 'perYear'> },
): RunResources {
  const years = Math.max(1, config.years);
  const agentsPerYear = Math.round(config.intake.perYear / config.agentScale);
  const peakAgents = agentsPerYear * years;
  const agentYears = (agentsPerYear * years * (years + 1)) / 2;
  return {
    agentsPerYear,
    peakAgents,
    agentYears,
    bytes: RESOURCE_FIGURES.fixedBytesPerRun + peakAgents * RESOURCE_FIGURES.bytesPerPerson,
    seconds: agentYears / RESOURCE_FIGURES.personYearsPerSecond,
    drivers: {
      'intake.perYear': config.intake.perYear,
      agentScale: config.agentScale,
      years: config.years,
    },
  };
}

/** What a whole job needs: its largest run times the runs held at once, and the total time. */
export interface JobResources {
  /** The largest run's estimate (the one that drives the memory). */
  largest: RunResources;
  /** Runs in memory at the same time (one per worker thread, at least one). */
  concurrent: number;
  /** Peak memory of the job, bytes: the largest run times the concurrent runs. */
  bytes: number;
  /** Wall-clock seconds with `concurrent` threads (an upper estimate). */
  seconds: number;
  /** Runs in the job. */
  runs: number;
}

/**
 * Estimates a job of `runs` runs of these configurations (each run one of them, `runsEach`
 * runs per configuration), `workers` at a time (0: in one thread).
 * @example estimateJobResources([config], { runsEach: 10, workers: 2 }).bytes
 */
export function estimateJobResources(
  configs: readonly Parameters<typeof estimateRunResources>[0][],
  options: { runsEach: number; workers: number },
): JobResources {
  const estimates = configs.map(estimateRunResources);
  const largest = estimates.reduce((a, b) => (b.bytes > a.bytes ? b : a), estimates[0]);
  const runs = configs.length * options.runsEach;
  const concurrent = Math.max(1, Math.min(options.workers, runs));
  const seconds = (estimates.reduce((s, e) => s + e.seconds, 0) * options.runsEach) / concurrent;
  return { largest, concurrent, bytes: largest.bytes * concurrent, seconds, runs };
}

/** Bytes in words: "1.5 GB", "320 MB" (powers of 1000, as disks and most people count). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 || unit === 0 ? Math.round(value) : value.toPrecision(2)} ${units[unit]}`;
}

/** Seconds in words: "40 s", "12 min", "3.5 h", "9 days". */
export function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  if (seconds < 2 * 86400) return `${(seconds / 3600).toPrecision(2)} h`;
  return `${Math.round(seconds / 86400)} days`;
}

/**
 * Checks a job's memory against a budget in bytes. Returns undefined if it fits, or a
 * sentence that says what it would need, the budget, and the fields that drive it (with
 * their values), for an error message (exit 2).
 * @example checkMemoryBudget(estimateJobResources([config], { runsEach: 10, workers: 4 }), 8e9)
 */
export function checkMemoryBudget(job: JobResources, budgetBytes: number): string | undefined {
  if (job.bytes <= budgetBytes) return undefined;
  const r = job.largest;
  const drivers = RESOURCE_FIELDS.map((f) => `${f} = ${r.drivers[f]}`).join(', ');
  const threads = job.concurrent > 1 ? ` × ${job.concurrent} runs at once (one per worker)` : '';
  return (
    `needs about ${formatBytes(job.bytes)} of memory (up to ${r.peakAgents.toLocaleString('en-US')} agents present × ${RESOURCE_FIGURES.bytesPerPerson} bytes${threads}), ` +
    `more than the budget of ${formatBytes(budgetBytes)}, and about ${formatSeconds(job.seconds)}; ` +
    `driven by ${drivers}: lower intake.perYear or years, raise agentScale` +
    `${job.concurrent > 1 ? ', use fewer --workers' : ''}, or raise the budget with --max-memory`
  );
}
