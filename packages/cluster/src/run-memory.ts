import { totalmem } from 'node:os';
import { BYTES_PER_PERSON, type ModelConfig } from '@smart-settlement/core';

/** A run's memory need, in bytes, and the fields that drive it (for messages). */
export interface MemoryEstimate {
  bytes: number;
  drivers: string;
}

// Memory besides the people's columns: the thread's engine, the places' tables, the observers'
// rows (an assumption, from docs/PERFORMANCE.md's small runs: tens of MB whatever the size).
const FIXED_BYTES = 64 * 1024 * 1024;

/**
 * SWAP POINT (issue 10, section 3): a minimal estimate of one run's peak memory, written for
 * the fleet until the project's own estimator (browser-safe, by the "folders" work) lands;
 * replace this function's body by a call to it. The model allocates its person columns for
 * every arrival of the run at once (packages/core/src/world.ts): intake.perYear / agentScale
 * agents a year, times the years, times BYTES_PER_PERSON, plus a fixed part.
 * @example estimateRunMemory(config).bytes // about 86e9 for perYear 1e7, agentScale 1, years 200
 */
export function estimateRunMemory(config: ModelConfig): MemoryEstimate {
  const perYear = Math.round(config.intake.perYear / config.agentScale);
  const people = Math.max(1024, perYear * Math.max(1, config.years));
  return {
    bytes: people * BYTES_PER_PERSON + FIXED_BYTES,
    drivers: `intake.perYear ${config.intake.perYear} / agentScale ${config.agentScale} x years ${config.years} = ${people} people x ${BYTES_PER_PERSON} bytes`,
  };
}

/**
 * A worker's default memory budget for one run: three quarters of the machine's memory,
 * shared by the runs it does at once.
 */
export function defaultRunBudget(concurrency: number): number {
  return Math.floor((totalmem() * 0.75) / Math.max(1, concurrency));
}

/** Bytes as a short text: "1.5 GiB", "300 MiB". */
export function formatBytes(bytes: number): string {
  const gib = bytes / 1024 ** 3;
  if (gib >= 1) return `${gib.toFixed(1)} GiB`;
  return `${Math.ceil(bytes / 1024 ** 2)} MiB`;
}
